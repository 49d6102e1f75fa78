package quotes

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// TestStemmerMatchesContentStems: the stemmer, with its memory and the
// short words it answers without it, gives contentStems' stems, the
// first time a text is seen and again from memory.
func TestStemmerMatchesContentStems(t *testing.T) {
	texts := []string{"", "a", "I'm", "he's", "It is a go.", "В и с ы", "Он сказал, что всё в порядке.",
		"The harbour number 1 will reopen after repairs to the northern quay wall"}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 6}).All() {
		for _, q := range a.Quotes {
			texts = append(texts, q.Text)
		}
	}
	var s stemmer
	for pass := range 2 {
		for _, text := range texts {
			if got, want := s.stems(text), contentStems(text); !slices.Equal(got, want) {
				t.Fatalf("pass %d: stems(%q) = %q, want %q", pass, text, got, want)
			}
		}
	}
}
