package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

// BenchmarkCommit commits batches of new ~3 KB articles (with entities,
// assignments, quotes and copies) into one growing file and reports
// articles per second.
func BenchmarkCommit(b *testing.B) {
	for _, size := range []int{256, 512} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			g := storetest.NewGen(1, 3000)
			g.Raw = true
			ctx := context.Background()
			n := 0
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				batch := g.Batch(size)
				b.StartTimer()
				t0 := cpuTime()
				if _, err := db.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - t0
				n += size
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			// CPU time is what the shared machine's load does not inflate.
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
		})
	}
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStories lists the most recently active stories of a store
// holding 100 000 articles, as GET /api/stories does, and summarises the
// store as GET /api/health does.
func BenchmarkStories(b *testing.B) {
	const total = 100_000
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "stories.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	g := storetest.NewGen(2, 300)
	for n := 0; n < total; n += 1000 {
		if _, err := db.Commit(ctx, g.Batch(1000)); err != nil {
			b.Fatal(err)
		}
	}
	// Start from a settled store, as a server does long after ingest: the
	// WAL checkpointed and the fixture's garbage collected.
	if _, err := db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	filters := []struct {
		name string
		f    storyline.StoryFilter
	}{
		{"all", storyline.StoryFilter{Limit: 50}},
		{"page10", storyline.StoryFilter{Limit: 50, Offset: 500}},
		{"source", storyline.StoryFilter{Limit: 50, Source: "source07.example"}},
		{"lang", storyline.StoryFilter{Limit: 50, Lang: "ru"}},
		{"entity", storyline.StoryFilter{Limit: 50, Entity: "Entity 3"}},
		{"query", storyline.StoryFilter{Limit: 50, Query: g.Batch(1).Articles[0].Title[:12]}},
	}
	for _, tc := range filters {
		b.Run(tc.name, func(b *testing.B) {
			if _, err := db.Stories(ctx, tc.f); err != nil { // warm the page cache
				b.Fatal(err)
			}
			var took []time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := db.Stories(ctx, tc.f); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t0))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
	// Stats on the same store, as GET /api/health calls it.
	b.Run("stats", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Stats(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
