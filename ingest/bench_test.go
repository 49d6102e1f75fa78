package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/internal/rusage"
)

// benchArticle makes an invented plain-text article of about size bytes:
// a title, a date line, a dateline and sentences of varied words.
func benchArticle(r *rand.Rand, size int) string {
	words := strings.Fields("the council said on Monday that talks with the ministry would resume next week after a " +
		"long dispute over funding for schools roads and hospitals in the northern region where officials expect " +
		"growth despite concerns raised by residents unions and opposition parties about costs delays and transparency")
	var b strings.Builder
	fmt.Fprintf(&b, "Council to resume talks over regional funding %d\n\nDec %d 2021\n\nLONDON, Dec %d (Reuters) - ", r.IntN(1000), 1+r.IntN(28), 1+r.IntN(28))
	for b.Len() < size {
		n := 8 + r.IntN(14)
		for i := range n {
			w := words[r.IntN(len(words))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i < n-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		if r.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkReadTextFile reads one ~3 KB plain-text article file per
// iteration: open, sniff, checks and text extraction.
func BenchmarkReadTextFile(b *testing.B) {
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	const n = 64
	ins := make([]Input, n)
	for i := range ins {
		p := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
		if err := os.WriteFile(p, []byte(benchArticle(r, 3000)), 0o644); err != nil {
			b.Fatal(err)
		}
		ins[i] = Input{Path: p, Size: 3000}
	}
	ctx := context.Background()
	b.SetBytes(3000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		for it := range Read(ctx, ins[i%n], Options{}) {
			if it.Skip != nil {
				b.Fatal(it.Skip)
			}
		}
		i++
	}
}

// BenchmarkReadStreamJSONL reads a JSON Lines body of 1,000 ~3 KB text
// articles per iteration, with one and two extraction workers, and
// reports articles per second.
func BenchmarkReadStreamJSONL(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	var body strings.Builder
	const n = 1000
	for i := range n {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": benchArticle(r, 3000), "url": "https://www.example.com/a"})
		body.Write(line)
		body.WriteByte('\n')
	}
	data := body.String()
	ctx := context.Background()
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				got := 0
				for it := range ReadStream(ctx, strings.NewReader(data), "bench", Options{Workers: workers}) {
					if it.Skip != nil {
						b.Fatal(it.Skip)
					}
					got++
				}
				if got != n {
					b.Fatalf("read %d articles, want %d", got, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkReadWARC reads the test WARC (two HTML responses) per iteration.
func BenchmarkReadWARC(b *testing.B) {
	p := filepath.Join(b.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(p, testWARC(b), 0o644); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for it := range Read(ctx, Input{Path: p}, Options{}) {
			if it.Skip != nil {
				b.Fatal(it.Skip)
			}
		}
	}
}

// BenchmarkReadBenchmarkPages ingests the article extraction benchmark
// (181 real pages as JSON Lines with an html field, gzipped) per
// iteration, with one and with two extraction workers, and reports pages
// per second.
func BenchmarkReadBenchmarkPages(b *testing.B) {
	path := "../../shared/data/article_extraction_benchmark/data.jsonl.gz"
	fi, err := os.Stat(path)
	if err != nil {
		b.Skipf("article extraction benchmark not available: %v", err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			ctx := context.Background()
			n := 0
			for b.Loop() {
				for it := range Read(ctx, Input{Path: path, Size: fi.Size()}, Options{Workers: workers}) {
					if it.Skip != nil {
						b.Fatal(it.Skip)
					}
					n++
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// genLines returns n articles of the generated stream (seed 1) as JSON
// Lines: realistic 1–8 KB lines with the common fields, ground-truth
// extras (quotes, boilerplate) and text with escapes.
func genLines(tb testing.TB, n int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := gen.WriteJSONL(context.Background(), &buf, gen.Options{Articles: n, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadJSONLines reads 1,000 generated articles as JSON Lines per
// iteration on the caller's goroutine (no workers): line reading, JSON
// decoding, text extraction and hashing. It reports the cost per article,
// and the process CPU time per article (garbage collection included),
// which a busy machine disturbs less than the elapsed time, and the
// reading thread's own CPU time, which other processes disturb less still.
func BenchmarkReadJSONLines(b *testing.B) { benchReadJSONLines(b, Options{}) }

// BenchmarkReadJSONLinesDropRaw is BenchmarkReadJSONLines for a caller
// that drops the raw input (DropRaw), as storyline cluster does: the
// lines are read into blocks used again.
func BenchmarkReadJSONLinesDropRaw(b *testing.B) { benchReadJSONLines(b, Options{DropRaw: true}) }

// benchReadJSONLines is BenchmarkReadJSONLines with opts.
func benchReadJSONLines(b *testing.B, opts Options) {
	const n = 1000
	data := genLines(b, n)
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, thread0 := rusage.ProcessCPU(), rusage.ThreadCPU()
	for b.Loop() {
		got := 0
		for it := range ReadStream(ctx, bytes.NewReader(data), "bench", opts) {
			if it.Skip != nil {
				b.Fatal(it.Skip)
			}
			got++
		}
		if got != n {
			b.Fatalf("read %d articles, want %d", got, n)
		}
	}
	cpu, thread := rusage.ProcessCPU()-cpu0, rusage.ThreadCPU()-thread0
	runtime.ReadMemStats(&after)
	arts := float64(n * b.N)
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/arts, "cpu-ns/article")
	}
	if thread > 0 {
		b.ReportMetric(float64(thread.Nanoseconds())/arts, "thread-cpu-ns/article")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/arts, "ns/article")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/arts, "B/article")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/arts, "allocs/article")
}

// BenchmarkReadAndClean is the front of the pipeline on 1,000 generated
// articles per iteration, as `storyline cluster` runs it but on one
// goroutine: JSON Lines read and extracted, then each article cleaned in
// turn by one Cleaner (which learns the outlets' boilerplate as it goes).
// It reports the process CPU time per article, and the thread's own.
func BenchmarkReadAndClean(b *testing.B) {
	const n = 1000
	data := genLines(b, n)
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, thread0 := rusage.ProcessCPU(), rusage.ThreadCPU()
	for b.Loop() {
		// A smaller table of shared lines than the default, whose
		// allocation would weigh on a thousand articles.
		c := clean.New(clean.Options{SharedLines: 1 << 15})
		got := 0
		for it := range ReadStream(ctx, bytes.NewReader(data), "bench", Options{}) {
			if it.Skip != nil {
				b.Fatal(it.Skip)
			}
			a := it.Article
			if err := c.Clean(ctx, &a); err != nil {
				b.Fatal(err)
			}
			got++
		}
		if got != n {
			b.Fatalf("read %d articles, want %d", got, n)
		}
	}
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n*b.N), "cpu-ns/article")
	}
	if thread := rusage.ThreadCPU() - thread0; thread > 0 {
		b.ReportMetric(float64(thread.Nanoseconds())/float64(n*b.N), "thread-cpu-ns/article")
	}
}

// BenchmarkDecodeFields decodes the JSON objects of 1,000 generated
// articles (about 4 KB each: the article's fields, and quotes and
// boilerplate that reading checks and skips) per iteration, without
// extraction, and reports the cost per article, elapsed and in the
// thread's own CPU time (which other processes on a busy machine do not
// add to).
func BenchmarkDecodeFields(b *testing.B) {
	const n = 1000
	lines := bytes.Split(bytes.TrimSpace(genLines(b, n)), []byte("\n"))
	b.SetBytes(int64(len(bytes.Join(lines, nil))))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := rusage.ThreadCPU()
	for b.Loop() {
		for _, l := range lines {
			var f fields
			if !decodeFields(l, &f) {
				b.Fatalf("decodeFields left %.80s to encoding/json", l)
			}
		}
	}
	cpu := rusage.ThreadCPU() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n*b.N), "thread-cpu-ns/article")
}
