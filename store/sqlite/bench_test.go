package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/store/storetest"
)

// pipelineBatch is the pipeline's default batch size
// (pipeline.DefaultBatchSize).
const pipelineBatch = 256

// realisticGen makes articles as the pipeline commits them: about 3.5 KB
// of text with a raw input twice that, eight entities, a date, 13 quotes
// (as the reader finds in the generated stream), two copies, an
// assignment, a sketch of some 500 bytes and ten statement values under
// random keys in the state, and ids that look like content hashes
// (random order).
func realisticGen(seed uint64) *storetest.Gen {
	g := storetest.NewGen(seed, 3500)
	g.Raw, g.Copies, g.HashIDs, g.StateBytes = true, 2, true, 500
	g.Quotes, g.StatementKeys = 13, 10
	return g
}

// BenchmarkStore measures Commit (per article, in batches of the
// pipeline's size) and Article(id) reads on a store already holding 10 000
// and then 100 000 articles, so that a cost growing with the store shows;
// with STORYLINE_LONG=1 also at 300 000 and 1 000 000 (some 16 GB of
// disk).
func BenchmarkStore(b *testing.B) {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	g := realisticGen(1)
	sizes := []int{10_000, 100_000}
	if os.Getenv("STORYLINE_LONG") != "" {
		sizes = append(sizes, 300_000, 1_000_000)
	}
	for _, stored := range sizes {
		for g.Next() < stored {
			if _, err := db.Commit(ctx, g.Batch(min(1000, stored-g.Next()))); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		b.Run(fmt.Sprintf("commit/stored=%dk", stored/1000), func(b *testing.B) {
			n := 0
			var cpu time.Duration
			var written int64
			for b.Loop() {
				b.StopTimer()
				batch := g.Batch(pipelineBatch)
				b.StartTimer()
				t0, w0 := rusage.ProcessCPU(), bytesWritten()
				if _, err := db.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
				cpu += rusage.ProcessCPU() - t0
				written += bytesWritten() - w0
				n += pipelineBatch
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/article")
			// CPU time is what the shared machine's load does not inflate.
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
			// Bytes the process wrote to disk (WAL and checkpoints), where
			// the system reports them.
			b.ReportMetric(float64(written)/float64(n), "disk-B/article")
		})
		b.Run(fmt.Sprintf("article/stored=%dk", stored/1000), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(uint64(stored), 1))
			n := 0
			t0 := rusage.ProcessCPU()
			for b.Loop() {
				if _, err := db.Article(ctx, g.ID(rng.IntN(stored))); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64((rusage.ProcessCPU()-t0).Microseconds())/float64(n), "cpu-µs/read")
		})
	}
	if _, err := db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(db.Path()); err == nil {
		b.Logf("%d articles in %d bytes: %d bytes per article", g.Next(), fi.Size(), fi.Size()/int64(g.Next()))
	}
	if rss := rusage.PeakRSS(); rss > 0 {
		b.Logf("peak RSS %d MiB", rss>>20)
	}
}

// bytesWritten returns the bytes the process has caused to be written
// to storage (Linux's /proc/self/io), or 0 where that is not known.
func bytesWritten() int64 {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "write_bytes:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
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
