package cluster

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/rusage"
)

// BenchmarkReplayCapture clusters a capture (STORYLINE_BENCH_CAPTURE:
// a file written by TestCaptureFile) the way the pipeline does: Prepare,
// then AssignPrepared with the copies, in arrival order. One op is one
// article; each pass over the capture starts from an empty clusterer and
// prepares all its articles before assigning them, so that the CPU time
// of the two (of this goroutine's thread, which the garbage collector's
// background work over the capture held in memory does not inflate) is
// reported apart: prepare-µs/op and assign-µs/op.
// With STORYLINE_BENCH_OUT set, the first pass writes its assignments
// there (one "id event story similarity" line per article, and its
// merges), so that two versions can be compared byte for byte; with
// STORYLINE_BENCH_WHY set as well, each assignment's explanation too.
// Without it the clusterer explains nothing (Options.NoExplain), as in
// the pipeline's clustering runs.
func BenchmarkReplayCapture(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_CAPTURE")
	if path == "" {
		b.Skip("set STORYLINE_BENCH_CAPTURE=FILE (written by TestCaptureFile)")
	}
	cs := readCaptured(b, path)
	out := os.Getenv("STORYLINE_BENCH_OUT")
	// the pipeline's clustering runs explain nothing (NoExplain)
	why := out != "" && os.Getenv("STORYLINE_BENCH_WHY") != ""
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var c *Clusterer
	var w *bufio.Writer
	feats := make([]*Features, len(cs))
	var prepare, assign time.Duration
	i := len(cs)
	runtime.GC()
	b.ReportAllocs()
	cpu0 := rusage.ProcessCPU()
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
			c, i = New(Options{NoState: true, NoExplain: !why}), 0
			t0 := rusage.ThreadCPU()
			for k := range cs {
				feats[k] = c.Prepare(&cs[k].Article)
			}
			prepare += rusage.ThreadCPU() - t0
		}
		a := &cs[i].Article
		t0 := rusage.ThreadCPU()
		as, merges, err := c.AssignPrepared(ctx, a, feats[i], cs[i].Copies)
		assign += rusage.ThreadCPU() - t0
		if err != nil {
			b.Fatal(err)
		}
		feats[i] = nil
		if w != nil {
			fmt.Fprintf(w, "%s %s %s %.3f\n", as.Article, as.Event, as.Story, as.Why.Similarity)
			if why {
				fmt.Fprintf(w, "  why %q %q %q %v %v\n", as.Why.Terms, as.Why.Entities, as.Why.Copies, as.Why.NewEvent, as.Why.NewStory)
			}
			for _, m := range merges {
				fmt.Fprintf(w, "  merge %s %s %s\n", m.Level, m.From, m.Into)
			}
		}
		i++
	}
	b.ReportMetric(float64((rusage.ProcessCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
	b.ReportMetric(float64(prepare.Nanoseconds())/1e3/float64(b.N), "prepare-µs/op")
	b.ReportMetric(float64(assign.Nanoseconds())/1e3/float64(b.N), "assign-µs/op")
	if w != nil && i == len(cs) {
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepareCapture analyses the articles of a capture
// (STORYLINE_BENCH_CAPTURE), cycled, with one clusterer: the steady
// state of Prepare in a long stream, whose words the caches have met.
// cpu-µs/op is the CPU time of this goroutine's thread.
func BenchmarkPrepareCapture(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_CAPTURE")
	if path == "" {
		b.Skip("set STORYLINE_BENCH_CAPTURE=FILE (written by TestCaptureFile)")
	}
	cs := readCaptured(b, path)
	c := New(Options{NoState: true})
	for k := range cs {
		c.Prepare(&cs[k].Article)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	runtime.GC()
	b.ReportAllocs()
	i := 0
	t0 := rusage.ThreadCPU()
	for b.Loop() {
		c.Prepare(&cs[i%len(cs)].Article)
		i++
	}
	b.ReportMetric(float64((rusage.ThreadCPU()-t0).Nanoseconds())/1e3/float64(b.N), "cpu-µs/op")
}
