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

// TestGrouperForgets: a grouper over a long stream keeps at most
// MaxStatements statements, and the postings of forgotten ones go too.
func TestGrouperForgets(t *testing.T) {
	g := NewGrouper(GrouperOptions{MaxStatements: 10})
	ctx := context.Background()
	for i := range 500 {
		q := []storyline.Quote{{Article: fmt.Sprint("a", i), Speaker: fmt.Sprintf("Speaker%d Person%d", i, i),
			Text: fmt.Sprintf("The harbour number %d will reopen after repairs to the northern quay wall", i)}}
		if err := g.Group(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if g.remembered > 10 {
		t.Errorf("%d statements kept, want at most 10", g.remembered)
	}
	stems := len(contentStems("The harbour number 1 will reopen after repairs to the northern quay wall"))
	// a forgotten statement's postings go with it
	if g.post.n > 10*(stems+1) {
		t.Errorf("%d posting keys for 10 statements of about %d stems each: forgotten ones kept", g.post.n, stems)
	}
}
