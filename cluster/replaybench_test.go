package cluster

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
)

// BenchmarkReplayCapture clusters a capture (STORYLINE_BENCH_CAPTURE:
// a file written by TestCaptureFile) the way the pipeline does: Prepare,
// then AssignPrepared with the copies, in arrival order. One op is one
// article; each pass over the capture starts from an empty clusterer.
// With STORYLINE_BENCH_OUT set, the first pass writes its assignments
// there (one "id event story similarity" line per article, and its merges), so that two versions
// can be compared byte for byte.
func BenchmarkReplayCapture(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_CAPTURE")
	if path == "" {
		b.Skip("set STORYLINE_BENCH_CAPTURE=FILE (written by TestCaptureFile)")
	}
	cs := readCaptured(b, path)
	out := os.Getenv("STORYLINE_BENCH_OUT")
	ctx := context.Background()
	var c *Clusterer
	var w *bufio.Writer
	i := len(cs)
	runtime.GC()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if i == len(cs) {
			if w != nil {
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
				w, out = nil, ""
			}
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				w = bufio.NewWriter(f)
			}
			c, i = New(Options{NoState: true}), 0
		}
		a := &cs[i].Article
		as, merges, err := c.AssignPrepared(ctx, a, c.Prepare(a), cs[i].Copies)
		if err != nil {
			b.Fatal(err)
		}
		if w != nil {
			fmt.Fprintf(w, "%s %s %s %.3f\n", as.Article, as.Event, as.Story, as.Why.Similarity)
			for _, m := range merges {
				fmt.Fprintf(w, "  merge %s %s %s\n", m.Level, m.From, m.Into)
			}
		}
		i++
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
	if w != nil && i == len(cs) {
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
