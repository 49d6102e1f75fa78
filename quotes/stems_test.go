package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// TestStemmerMatchesContentStems: the stemmer, with its memory and the
// short words it answers without it, gives contentStems' stems, the
// first time a text is seen and again from memory.
func TestStemmerMatchesContentStems(t *testing.T) {
	texts := []string{"", "a", "I'm", "he's", "It is a go.", "В и с ы", "Он сказал, что всё в порядке.",
		"talks talk talking talked talks talk", strings.Repeat("minister said the talks went well again ", 9),
		"The harbour number 1 will reopen after repairs to the northern quay wall"}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 6}).All() {
		for _, q := range a.Quotes {
			texts = append(texts, q.Text)
		}
	}
	var s stemmer
	for pass := range 2 {
		for _, text := range texts {
			got, hashes := s.stems(text)
			want := contentStems(text)
			if !slices.Equal(got, want) {
				t.Fatalf("pass %d: stems(%q) = %q, want %q", pass, text, got, want)
			}
			if wantH := hashStems(want); !slices.Equal(hashes, wantH) && len(want) > 0 {
				t.Fatalf("pass %d: stems(%q) hashes %x, want %x", pass, text, hashes, wantH)
			}
		}
	}
}
