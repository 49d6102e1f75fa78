package quotes

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/entities"
	"github.com/storyline-news/storyline/gen"
)

// BenchmarkQuotesPath runs what the pipeline asks of this package per
// article, on one goroutine: Extract, Prepare and the ordered Group, over
// the first 300 articles of a generated stream whose entities are
// recognized beforehand. One op is the 300 articles.
func BenchmarkQuotesPath(b *testing.B) {
	var docs []*entities.Result
	var ids []string
	for a := range gen.New(gen.Options{Articles: 300, Seed: 1}).All() {
		docs = append(docs, entities.Recognize(entities.NewDoc(a.Text), nil))
		ids = append(ids, a.ID)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		g := NewGrouper(GrouperOptions{})
		for i, ents := range docs {
			qs := Extract(ents, ids[i])
			g.Prepare(qs)
			if err := g.Group(ctx, qs); err != nil {
				b.Fatal(err)
			}
		}
		g.Pending()
	}
}
