package gen

import (
	"context"
	"io"
	"testing"

	"github.com/storyline-news/storyline/internal/rusage"
)

// BenchmarkNext measures generating articles (rendering, no encoding).
func BenchmarkNext(b *testing.B) {
	opts := Options{Articles: 1000000, Seed: 1}
	g := New(opts)
	var n int64
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		a, ok := g.Next()
		if !ok {
			g = New(opts)
			a, _ = g.Next()
		}
		n += int64(len(a.Text))
	}
	b.SetBytes(n / int64(max(b.N, 1)))
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkWriteJSONL measures the whole stream: generation and JSON.
func BenchmarkWriteJSONL(b *testing.B) {
	const per = 20000
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		st, err := WriteJSONL(context.Background(), io.Discard, Options{Articles: per, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(st.Bytes)
	}
	b.ReportMetric(float64(per*b.N)/b.Elapsed().Seconds(), "articles/s")
	// CPU time includes the garbage collector's other threads.
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(per*b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkRenderJSON measures what a worker of WriteJSONL does for each
// article of a 20,000-article stream, on one goroutine: schedule it,
// render it and encode it.
func BenchmarkRenderJSON(b *testing.B) {
	opts := Options{Articles: 20000, Seed: 1}
	g := New(opts)
	var d, src doc
	var out []byte
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		it, ok := g.nextItem()
		if !ok {
			g = New(opts) // counted, once every 20,000 articles
			it, _ = g.nextItem()
		}
		sp, copyOf := g.renderDoc(&d, &src, it.ev, it.k)
		out = g.appendDocJSON(out[:0], &d, it.ev, sp, copyOf)
	}
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}
