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
