package dates

import (
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// benchArticle returns the text and publication date of the first
// synthetic article in language code whose text is 3.5 to 4.5 KB.
func benchArticle(tb testing.TB, code string) (string, storyline.Published) {
	tb.Helper()
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		if a.Lang == code && len(a.Text) >= 3500 && len(a.Text) <= 4500 {
			return a.Text, storyline.Published{Time: a.Published}
		}
	}
	tb.Fatalf("no %s article of about 4 KB in the stream", code)
	return "", storyline.Published{}
}

// BenchmarkFindArticle finds the dates of a ~4 KB English and a Russian
// article from its tokens, as the read stage does.
func BenchmarkFindArticle(b *testing.B) {
	for _, code := range []string{"en", "ru"} {
		text, pub := benchArticle(b, code)
		runes := []rune(text)
		toks := textproc.Tokenize(nil, text)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				FindTokensRef(runes, toks, pub, storyline.Published{})
			}
		})
	}
}
