package memory

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

// BenchmarkCommit commits batches of new ~3 KB articles with entities,
// assignments, quotes and copies and reports articles per second: into a
// store that keeps everything, and into one that keeps what `storyline
// cluster` reads back (lean).
func BenchmarkCommit(b *testing.B) {
	lean := Options{DropState: true, DropText: true, DropEntities: true, DropCopies: true, DropWhy: true, DropTitles: true}
	for _, tc := range []struct {
		name string
		opts Options
		size int
	}{{"batch=256", Options{}, 256}, {"batch=1024", Options{}, 1024}, {"lean/batch=256", lean, 256}} {
		b.Run(tc.name, func(b *testing.B) {
			size := tc.size
			s := New(tc.opts)
			g := storetest.NewGen(1, 3000)
			ctx := context.Background()
			n := 0
			for b.Loop() {
				b.StopTimer()
				batch := g.Batch(size)
				b.StartTimer()
				if _, err := s.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
				n += size
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkStories lists the 50 most recently active stories of 100 000
// articles.
func BenchmarkStories(b *testing.B) {
	s := New(Options{})
	g := storetest.NewGen(2, 300)
	ctx := context.Background()
	for range 100 {
		if _, err := s.Commit(ctx, g.Batch(1000)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.Stories(ctx, storyline.StoryFilter{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}
