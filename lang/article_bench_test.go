package lang

import (
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// benchText returns title and text of the first synthetic article in
// language code whose text is 3.5 to 4.5 KB, a typical news article.
func benchText(tb testing.TB, code string) string {
	tb.Helper()
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		if a.Lang == code && len(a.Text) >= 3500 && len(a.Text) <= 4500 {
			return a.Title + "\n" + a.Text
		}
	}
	tb.Fatalf("no %s article of about 4 KB in the stream", code)
	return ""
}

// BenchmarkDetectArticle detects the language of a ~4 KB English and a
// Russian article, as the read stage does.
func BenchmarkDetectArticle(b *testing.B) {
	d := New()
	for _, code := range []string{"en", "ru"} {
		text := benchText(b, code)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if got := d.Detect(text); got != code {
					b.Fatalf("Detect = %q, want %q", got, code)
				}
			}
		})
	}
}

// BenchmarkDetectStream detects the language of 500 articles of the
// synthetic stream in turn, one per iteration: unlike one article read
// again and again, it leaves the branch predictor nothing to learn.
func BenchmarkDetectStream(b *testing.B) {
	d := New()
	var texts []string
	size := 0
	for a := range gen.New(gen.Options{Articles: 500, Seed: 1}).All() {
		texts = append(texts, a.Title+"\n"+a.Text)
		size += len(a.Title) + 1 + len(a.Text)
	}
	b.SetBytes(int64(size / len(texts)))
	i := 0
	for b.Loop() {
		d.Detect(texts[i%len(texts)])
		i++
	}
}

// BenchmarkNew builds a Detector: its trigram models and dense indexes.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}

// BenchmarkShortcut runs the function-word shortcut over the 2 KB that
// Detect reads of 500 articles of the synthetic stream in turn, against
// the model's cost in BenchmarkDetectStream.
func BenchmarkShortcut(b *testing.B) {
	d := New()
	var texts []string
	for a := range gen.New(gen.Options{Articles: 500, Seed: 1}).All() {
		t := a.Title + "\n" + a.Text
		if len(t) > d.Sample {
			t = t[:runeCut(t, d.Sample)]
		}
		texts = append(texts, t)
	}
	i := 0
	for b.Loop() {
		t := texts[i%len(texts)]
		latin, cyr, _ := countLetters(t, d.MinLetters)
		opts := d.latin
		if cyr > latin {
			opts = d.cyrillic
		}
		shortcut(t, cyr > latin, opts)
		i++
	}
}
