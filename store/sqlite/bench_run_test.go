package sqlite

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/rusage"
)

// BenchmarkCommitRun commits the batches of a pipeline run of 20 480
// articles into a new store, as the bench does, and reports the CPU the
// committing thread spent: per article, and in the worst commit, where
// once-per-64-commits work lands (the full-text merges; the entity fold
// is spread over the commits after its 64th, foldrun.go). Thread CPU is
// what the shared machine's load inflates least, and it is the
// pipeline's critical path: its store stage commits on one goroutine.
func BenchmarkCommitRun(b *testing.B) {
	const batches = 80
	ctx := context.Background()
	var total, worst time.Duration
	runs := 0
	for b.Loop() {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "run.db"))
		if err != nil {
			b.Fatal(err)
		}
		g := bigGen(1)
		all := make([]time.Duration, 0, batches)
		runtime.GC()
		b.StartTimer()
		runtime.LockOSThread()
		for range batches {
			batch := g.Batch(pipelineBatch)
			t0 := rusage.ThreadCPU()
			if _, err := db.Commit(ctx, batch); err != nil {
				b.Fatal(err)
			}
			all = append(all, rusage.ThreadCPU()-t0)
		}
		runtime.UnlockOSThread()
		b.StopTimer()
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		for _, d := range all {
			total += d
		}
		worst += slices.Max(all)
		if testing.Verbose() {
			for i, d := range all {
				if d > 2*total/time.Duration(len(all)) {
					b.Logf("commit %d: %v", i, d)
				}
			}
		}
		runs++
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(runs*batches*pipelineBatch), "thread-cpu-µs/article")
	b.ReportMetric(float64(worst.Milliseconds())/float64(runs), "worst-commit-ms")
}
