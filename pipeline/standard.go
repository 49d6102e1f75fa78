package pipeline

import (
	"context"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/copies"
	"github.com/storyline-news/storyline/quotes"
	"github.com/storyline-news/storyline/reading"
)

// Standard returns the configuration with every stage Storyline has, over
// the store st, each with its default options. It is the one place stages
// are chosen, shared by ingest, demo, cluster --in, bench and the server.
func Standard(st storyline.Store) Config {
	cleaner := clean.New(clean.Options{})
	clusterer := cluster.New(cluster.Options{})
	finder := copies.New(st, copies.Options{})
	return Config{
		Store:         st,
		Cleaner:       cleaner,
		Recleaner:     cleaner,
		Reader:        reading.New(reading.Options{}),
		Citations:     copies.Citations,
		Copies:        finder,
		PrepareCopies: prepareCopies(finder),
		Clusterer:     clusterer,
		Prepare:       prepare(clusterer),
		Statements:    quotes.NewGrouper(quotes.GrouperOptions{}),
	}
}

// Clustering returns the configuration `storyline cluster --in` runs: the
// stages whose output the clusterer reads (cleaning, with the learned
// lines removed from the articles of a batch cleaned before they were
// learned, reading, copies) with the very clusterer Standard uses, and
// none of the rest (quotes and their statements, credits), whose output
// clustering never reads. Earlier articles cleaned again change no
// assignment; they are few and cost little.
//
// Its clusterer keeps no state for a later run (cluster.Options.NoState):
// the store lives for one run, and assignments are the same.
func Clustering(st storyline.Store) Config {
	clusterer := cluster.New(cluster.Options{NoState: true})
	cl := clean.New(clean.Options{})
	finder := copies.New(st, copies.Options{MinShare: 0.2, NoState: true})
	return Config{
		Store:         st,
		Cleaner:       cl,
		Recleaner:     cl,
		Reader:        reading.New(reading.Options{NoQuotes: true}),
		Copies:        finder,
		PrepareCopies: prepareCopies(finder),
		Clusterer:     clusterer,
		Prepare:       prepare(clusterer),
	}
}

// prepare runs the clusterer's per-article analysis in the concurrent read
// step; what it returns assigns the article later, in arrival order.
func prepare(c *cluster.Clusterer) func(a *storyline.Article) AssignFunc {
	return func(a *storyline.Article) AssignFunc {
		f := c.Prepare(a)
		return func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
			return c.AssignPrepared(ctx, a, f, copies)
		}
	}
}

// prepareCopies runs the copy finder's per-article work in the concurrent
// read step; what it returns finds the article's copies later, in arrival
// order.
func prepareCopies(f *copies.Finder) func(a *storyline.Article) CopiesFunc {
	return func(a *storyline.Article) CopiesFunc {
		pc := f.Prepare(a)
		return func(ctx context.Context) ([]storyline.Copy, error) {
			return f.AddPrepared(ctx, a, pc)
		}
	}
}
