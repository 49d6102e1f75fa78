package quotes

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/internal/rusage"
)

// quoteStream hands out the true quotes of a generated news stream, one
// article's at a time: real speakers recur, stories repeat their people's
// statements across outlets, copies carry them verbatim or edited.
type quoteStream struct {
	g *gen.Generator
}

func newQuoteStream() *quoteStream {
	return &quoteStream{g: gen.New(gen.Options{Articles: 10_000_000, Seed: 1})}
}

// next returns the next article's quotes (nil ones skipped).
func (s *quoteStream) next() []storyline.Quote {
	for {
		a, ok := s.g.Next()
		if !ok {
			return nil
		}
		if len(a.Quotes) == 0 {
			continue
		}
		qs := make([]storyline.Quote, len(a.Quotes))
		for i, q := range a.Quotes {
			qs[i] = storyline.Quote{Article: a.ID, Text: q.Text, Speaker: q.Speaker, Kind: q.Kind}
		}
		return qs
	}
}

// BenchmarkGroupStream groups a generated stream's quotes one article per
// op after the grouper has already seen `seen` quotes of that stream, so
// the cost per quote at 10k, 100k and 400k seen (past MaxStatements, where
// forgetting runs) shows whether it stays flat as the stream grows. With
// part=all the op is what the pipeline pays in all: Prepare (which it runs
// on its readers, in parallel) plus the ordered Group; with part=ordered
// it is Group alone, the part that runs in stream order, the quotes
// having been prepared beforehand. ns/quote is per quote; pending-cpu-ns
// is the part of cpu-ns that Pending takes, called every 64 articles.
func BenchmarkGroupStream(b *testing.B) {
	ctx := context.Background()
	for _, bc := range []struct {
		seen    int
		ordered bool
	}{{10_000, false}, {100_000, false}, {400_000, false}, {10_000, true}, {100_000, true}, {400_000, true}} {
		part := map[bool]string{false: "all", true: "ordered"}[bc.ordered]
		seen := bc.seen
		b.Run(fmt.Sprintf("part=%s/seen=%d", part, seen), func(b *testing.B) {
			src := newQuoteStream()
			g := NewGrouper(GrouperOptions{})
			group := func(qs []storyline.Quote) {
				g.Prepare(qs)
				if err := g.Group(ctx, qs); err != nil {
					b.Fatal(err)
				}
			}
			arts := 0
			for n := 0; n < seen; {
				qs := src.next()
				group(qs)
				n += len(qs)
				if arts++; arts%64 == 0 {
					g.Pending()
				}
			}
			pool := make([][]storyline.Quote, 4096)
			fill := func() {
				for i := range pool {
					pool[i] = src.next()
					if bc.ordered {
						g.Prepare(pool[i])
					}
				}
			}
			fill()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			k, quotes := 0, 0
			var refills, pending time.Duration
			cpu0 := rusage.ProcessCPU()
			for b.Loop() {
				if k == len(pool) {
					b.StopTimer()
					c := rusage.ProcessCPU()
					fill()
					runtime.GC() // the generator's garbage is not grouping's
					refills += rusage.ProcessCPU() - c
					k = 0
					b.StartTimer()
				}
				if bc.ordered {
					if err := g.Group(ctx, pool[k]); err != nil {
						b.Fatal(err)
					}
				} else {
					group(pool[k])
				}
				quotes += len(pool[k])
				if k++; k%64 == 0 {
					c := rusage.ProcessCPU()
					g.Pending()
					pending += rusage.ProcessCPU() - c
				}
			}
			// CPU time, not wall time, is what a shared machine measures
			// fairly (less the pool's refills and their garbage).
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(quotes, 1)), "ns/quote")
			b.ReportMetric(float64((rusage.ProcessCPU()-cpu0-refills).Nanoseconds())/float64(max(quotes, 1)), "cpu-ns/quote")
			// of which Pending, which the pipeline runs before each commit
			b.ReportMetric(float64(pending.Nanoseconds())/float64(max(quotes, 1)), "pending-cpu-ns/quote")
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB") // after the stream seen
		})
	}
}
