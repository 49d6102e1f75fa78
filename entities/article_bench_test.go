package entities

import (
	"testing"

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

// BenchmarkArticle prepares (NewDoc, and Reset of a reused Doc) and recognizes (Recognize, with a
// registry) a ~4 KB English and a Russian article.
func BenchmarkArticle(b *testing.B) {
	for _, code := range []string{"en", "ru"} {
		text := benchText(b, code)
		b.Run(code+"/newdoc", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				NewDoc(text)
			}
		})
		b.Run(code+"/reset", func(b *testing.B) {
			var d Doc
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				d.Reset(text)
			}
		})
		b.Run(code+"/recognize", func(b *testing.B) {
			reg := NewRegistry()
			reg.Learn(Recognize(NewDoc(text), nil))
			reg.Commit()
			d := NewDoc(text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Recognize(d, reg)
			}
		})
	}
}

// BenchmarkStream reads a stream of synthetic articles in the two
// languages as the reading stage does, one op per article: "reset"
// prepares each article's Doc, "recognize" recognizes prepared Docs,
// learning what each teaches the registry, which commits every 64
// articles, and "both" does the two, as reading does.
func BenchmarkStream(b *testing.B) {
	var texts []string
	size := 0
	for a := range gen.New(gen.Options{Articles: 512, Seed: 3}).All() {
		texts = append(texts, a.Text)
		size += len(a.Text)
	}
	docs := make([]*Doc, len(texts))
	for i, t := range texts {
		docs[i] = NewDoc(t)
	}
	b.Run("reset", func(b *testing.B) {
		var d Doc
		b.SetBytes(int64(size / len(texts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			d.Reset(texts[i%len(texts)])
			i++
		}
	})
	b.Run("recognize", func(b *testing.B) {
		reg := NewRegistry()
		b.SetBytes(int64(size / len(texts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			reg.Learn(Recognize(docs[i%len(docs)], reg))
			if i++; i%64 == 0 {
				reg.Commit()
			}
		}
	})
	b.Run("both", func(b *testing.B) {
		reg := NewRegistry()
		var d Doc
		b.SetBytes(int64(size / len(texts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			d.Reset(texts[i%len(texts)])
			reg.Learn(Recognize(&d, reg))
			if i++; i%64 == 0 {
				reg.Commit()
			}
		}
	})
}
