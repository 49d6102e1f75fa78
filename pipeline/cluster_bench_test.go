package pipeline

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/store/memory"
)

// generated writes n generated articles (gen, seed) as JSON Lines and
// returns them as ingest's input.
func generated(tb testing.TB, n int, seed int64) []ingest.Input {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "corpus.jsonl")
	if _, err := gen.WriteFile(ctx, path, gen.Options{Articles: n, Seed: seed}); err != nil {
		tb.Fatal(err)
	}
	inputs, skips := ingest.Expand(ctx, []string{path})
	if len(skips) > 0 {
		tb.Fatal(skips[0])
	}
	return inputs
}

// benchClustering feeds a generated corpus of JSON Lines through the
// configuration cfg builds over an in-memory store, as `storyline cluster`
// does: the stream decoded by ingest's workers, every batch cleaned, read
// and linked, each commit kept in memory. Besides articles/s it reports
// cores, the CPU time of the process per second of the run: on two cores
// 2.0 means neither was ever idle.
func benchClustering(b *testing.B, cfg func(storyline.Store) Config) {
	ctx := context.Background()
	const n = 4000
	inputs := generated(b, n, 1)
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		st := memory.New(memory.Options{DropState: true, DropText: true, DropEntities: true, DropCopies: true, DropWhy: true, DropTitles: true})
		p, err := New(ctx, cfg(st))
		if err != nil {
			b.Fatal(err)
		}
		items := func(yield func(ingest.Item) bool) {
			for _, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{Workers: runtime.GOMAXPROCS(0)}) {
				if !yield(it) {
					return
				}
			}
		}
		r, err := p.Feed(ctx, items, FeedOptions{})
		if err != nil || r.Added != n {
			b.Fatalf("feed: %+v %v", r, err)
		}
		st.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/b.Elapsed().Seconds(), "cores")
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkFeedClustering is `storyline cluster` on 4,000 generated
// articles: Clustering over an in-memory store.
func BenchmarkFeedClustering(b *testing.B) {
	benchClustering(b, func(st storyline.Store) Config {
		return Clustering(st, ClusteringOptions{})
	})
}

// BenchmarkFeedClusteringNoCopies is the same without the copy finder, so
// that the stages around the clusterer show: how busy both cores are
// when copy evidence costs little.
func BenchmarkFeedClusteringNoCopies(b *testing.B) {
	benchClustering(b, func(st storyline.Store) Config {
		return Clustering(st, ClusteringOptions{NoCopies: true})
	})
}
