package quotes

import (
	"testing"

	"github.com/storyline-news/storyline/entities"
	"github.com/storyline-news/storyline/gen"
)

// benchText returns the text of the first synthetic article in language
// code whose text is 3.5 to 4.5 KB, a typical news article.
func benchText(tb testing.TB, code string) string {
	tb.Helper()
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		if a.Lang == code && len(a.Text) >= 3500 && len(a.Text) <= 4500 {
			return a.Text
		}
	}
	tb.Fatalf("no %s article of about 4 KB in the stream", code)
	return ""
}

// BenchmarkExtractArticle extracts the quotes of a ~4 KB English and a
// Russian article whose entities are already recognized.
func BenchmarkExtractArticle(b *testing.B) {
	for _, code := range []string{"en", "ru"} {
		ents := entities.Recognize(entities.NewDoc(benchText(b, code)), nil)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(ents.Doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(ents, "a")
			}
		})
	}
}
