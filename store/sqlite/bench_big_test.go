package sqlite

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/store/storetest"
)

// bigGen makes the articles of the stores BenchmarkCommitAt builds: as
// realisticGen, with texts of the generated stream's size (some 2 KB, a
// raw input twice that) and some 19 entities an article, 11 of them named
// by no earlier article, as the reader finds in that stream (a store of
// 20 000 of its articles holds 275 000 entities).
func bigGen(seed uint64) *storetest.Gen {
	g := realisticGen(seed)
	g.TextBytes = 2100
	g.FreshEntities = 11
	return g
}

// BenchmarkCommitAt measures Commit of batches of the pipeline's size into
// a store already holding 100 000 articles and, with STORYLINE_LONG=1,
// 1 000 000. The stores are built once (the large one takes a quarter of
// an hour and some 10 GB) in the directory STORYLINE_STORE_BENCH names,
// and each run works on a copy, so that runs of different code start
// from the same file; without the variable the benchmark is skipped, so
// that CI never builds them.
func BenchmarkCommitAt(b *testing.B) {
	dir := os.Getenv("STORYLINE_STORE_BENCH")
	if dir == "" {
		b.Skip("set STORYLINE_STORE_BENCH=DIR to build (once) stores of 100k and, with STORYLINE_LONG=1, 1M articles there")
	}
	sizes := []int{100_000}
	if os.Getenv("STORYLINE_LONG") != "" {
		sizes = append(sizes, 1_000_000)
	}
	ctx := context.Background()
	for _, stored := range sizes {
		built := filepath.Join(dir, fmt.Sprintf("stored-%dk.db", stored/1000))
		if err := buildStore(ctx, built, stored); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("stored=%dk", stored/1000), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.db")
			if err := copyFile(built, path); err != nil {
				b.Fatal(err)
			}
			db, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			g := bigGen(uint64(stored) + 7)
			g.Skip(stored)
			// One batch first, so that the schema's upgrade and the first
			// reads of the file are not measured.
			if _, err := db.Commit(ctx, g.Batch(pipelineBatch)); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			b.ReportAllocs()
			n := 0
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				batch := g.Batch(pipelineBatch)
				b.StartTimer()
				t0 := rusage.ProcessCPU()
				if _, err := db.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
				cpu += rusage.ProcessCPU() - t0
				n += pipelineBatch
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/article")
			// CPU time is what the shared machine's load does not inflate
			// (the process's, so that the collector's work counts).
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
		})
	}
}

// buildStore makes a store of n articles at path unless one is there.
func buildStore(ctx context.Context, path string, n int) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	db, err := Open(ctx, tmp)
	if err != nil {
		return err
	}
	g := bigGen(1)
	for g.Next() < n {
		if _, err := db.Commit(ctx, g.Batch(min(1000, n-g.Next()))); err != nil {
			db.Close()
			return err
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// copyFile copies the file at src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
