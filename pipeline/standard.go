package pipeline

import (
	"context"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/copies"
	"github.com/storyline-news/storyline/quotes"
	"github.com/storyline-news/storyline/reading"
	"github.com/storyline-news/storyline/textproc"
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

// ClusteringOptions tune Clustering.
type ClusteringOptions struct {
	// NoCopies leaves the copy finder out: articles are clustered on
	// their text, entities and dates alone, without copies as must-link
	// evidence. The finder is a fifth of a clustering run's CPU, and on
	// the generated streams and the real labelled sets its evidence moves
	// event F1 by less than 0.01 either way, since copies are also close
	// in text; it is the clusterer ingest runs, given less evidence.
	NoCopies bool
}

// Clustering returns the configuration `storyline cluster --in` runs: the
// stages whose output the clusterer reads (cleaning, with the learned
// lines removed from the articles of a batch cleaned before they were
// learned, reading, copies) with the very clusterer Standard uses, and
// none of the rest (quotes and their statements, credits), whose output
// clustering never reads. Earlier articles cleaned again change no
// assignment; they are few and cost little. Its copy finder reports only
// the copies the clusterer takes for evidence (copies.Options.MinShare
// at cluster.StrongCopyShare), for about two thirds of the work: each
// pair as the full finder reports it, though on a long stream it finds a
// few that the full finder's cap on candidates per article leaves out,
// so that a few articles may be placed otherwise than by ingest. The
// finder searches only the articles it keeps in memory (its recent
// cache) and reads none back from st: a clustering run's store keeps no
// text (cmd/storyline's cluster), so a candidate read back could never
// be a copy, and screening it was a tenth of the finder's work at 100k.
// The copies it reports are evidence, not a listing: whole copies carry
// no passages or shares and passages no text, so st should drop copies
// (memory.Options.DropCopies), as the cluster command's does.
//
// Its clusterer, cleaner and reader keep no state for a later run
// (cluster.Options.NoState, clean.Options.NoState,
// reading.Options.NoState): the store lives for one run, and assignments
// are the same. Nor does its clusterer explain its assignments
// (cluster.Options.NoExplain): st should drop explanations
// (memory.Options.DropWhy), as the cluster command's does.
func Clustering(st storyline.Store, opts ClusteringOptions) Config {
	clusterer := cluster.New(cluster.Options{NoState: true, NoExplain: true})
	cl := clean.New(clean.Options{NoState: true})
	cfg := Config{
		Store:     st,
		Cleaner:   cl,
		Recleaner: cl,
		Reader:    reading.New(reading.Options{NoQuotes: true, NoState: true}),
		Clusterer: clusterer,
		Prepare:   prepare(clusterer),
	}
	if !opts.NoCopies {
		finder := copies.New(nil, copies.Options{MinShare: cluster.StrongCopyShare, NoState: true})
		cfg.Copies, cfg.PrepareCopies = finder, prepareCopies(finder)
	}
	return cfg
}

// prepare runs the clusterer's per-article analysis in the concurrent read
// step, from the words of a.Text the reader made when it hands them on;
// what it returns assigns the article later, in arrival order.
func prepare(c *cluster.Clusterer) func(a *storyline.Article, words []textproc.Word) AssignFunc {
	return func(a *storyline.Article, words []textproc.Word) AssignFunc {
		f := c.PrepareWords(a, words)
		return func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
			return c.AssignPrepared(ctx, a, f, copies)
		}
	}
}

// prepareCopies runs the copy finder's per-article work in the concurrent
// read step; what it returns finds the article's copies later, in arrival
// order.
func prepareCopies(f *copies.Finder) func(a *storyline.Article, words []textproc.Token) CopiesFunc {
	return func(a *storyline.Article, words []textproc.Token) CopiesFunc {
		var pc *copies.Prepared
		if words != nil {
			pc = f.PrepareTokens(a, words)
		} else {
			pc = f.Prepare(a)
		}
		return func(ctx context.Context) ([]storyline.Copy, error) {
			return f.AddPrepared(ctx, a, pc)
		}
	}
}
