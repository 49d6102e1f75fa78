package quotes

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// syntheticQuote builds a quote of 12 words drawn from a 5,000-word
// vocabulary for one of 200 speakers.
func syntheticQuote(r *rand.Rand, i int) storyline.Quote {
	var b strings.Builder
	for w := 0; w < 12; w++ {
		fmt.Fprintf(&b, "word%d ", r.IntN(5000))
	}
	return storyline.Quote{Article: fmt.Sprint("a", i), Speaker: fmt.Sprint("Speaker Number", r.IntN(200)), Text: b.String()}
}

// BenchmarkGroup measures the cost of grouping one quote against stores of
// different sizes: with capped postings it stays flat as the store grows.
func BenchmarkGroup(b *testing.B) {
	for _, size := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint("store=", size), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			g := NewGrouper(GrouperOptions{})
			ctx := context.Background()
			batch := make([]storyline.Quote, 0, 1000)
			for i := 0; i < size; i++ {
				batch = append(batch, syntheticQuote(r, i))
				if len(batch) == cap(batch) {
					if err := g.Group(ctx, batch); err != nil {
						b.Fatal(err)
					}
					g.Pending()
					batch = batch[:0]
				}
			}
			one := make([]storyline.Quote, 1)
			i := size
			for b.Loop() {
				one[0] = syntheticQuote(r, i)
				i++
				if err := g.Group(ctx, one); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
