package reading

import (
	"context"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
)

// benchArticle returns the first article of the synthetic stream in
// language lang whose text is 3.5 to 4.5 KB, the size of a typical news
// article.
func benchArticle(tb testing.TB, lang string) *storyline.Article {
	tb.Helper()
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		if a.Lang == lang && len(a.Text) >= 3500 && len(a.Text) <= 4500 {
			return &storyline.Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: storyline.Published{Time: a.Published}}
		}
	}
	tb.Fatalf("no %s article of about 4 KB in the stream", lang)
	return nil
}

// BenchmarkReadArticle reads one ~4 KB article, English and Russian, with
// quotes (read) and without (features).
func BenchmarkReadArticle(b *testing.B) {
	ctx := context.Background()
	for _, lang := range []string{"en", "ru"} {
		a := benchArticle(b, lang)
		r := New(Options{})
		b.Run(lang+"/read", func(b *testing.B) {
			b.SetBytes(int64(len(a.Text)))
			b.ReportAllocs()
			for b.Loop() {
				c := *a
				if _, err := r.Read(ctx, &c); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(lang+"/features", func(b *testing.B) {
			b.SetBytes(int64(len(a.Text)))
			b.ReportAllocs()
			for b.Loop() {
				c := *a
				if err := r.Features(ctx, &c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFeaturesStream reads (Features, what clustering uses) 1000
// articles of the synthetic stream in turn, one per iteration, committing
// learned names every 64 articles as the pipeline does per batch: the
// mix of languages, lengths and names of a stream, and caches as cold.
func BenchmarkFeaturesStream(b *testing.B) {
	ctx := context.Background()
	var arts []storyline.Article
	size := 0
	for a := range gen.New(gen.Options{Articles: 1000, Seed: 1}).All() {
		arts = append(arts, storyline.Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: storyline.Published{Time: a.Published}})
		size += len(a.Text)
	}
	r := New(Options{NoQuotes: true})
	b.SetBytes(int64(size / len(arts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%64 == 0 {
			r.Pending()
		}
		c := arts[i%len(arts)]
		if err := r.Features(ctx, &c); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
