package cluster

import (
	"strings"
	"testing"
	"unicode"
)

// countWords is briefText's definition, rune by rune: the runs of
// letters and digits of text.
func countWords(text string) int {
	n, in := 0, false
	for _, r := range text {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !in {
			n++
		}
		in = letter
	}
	return n
}

// TestBriefText: briefText tells texts of fewer than briefWords words
// (runs of letters and digits) from longer ones, in ASCII, in Russian,
// in other scripts, with marks and symbols between words and with
// invalid UTF-8, as counting them rune by rune does.
func TestBriefText(t *testing.T) {
	units := []string{"word ", "Word, ", "42 ", "co-op ", "Кремль ", "заявил: ", "Ҋ ", "҂ ", "҈ ",
		"naïve ", "東京 ", "٣ ", "\xff ", "@[`{ ", "Ӂ—", "x\u0301y "}
	for _, u := range units {
		for _, n := range []int{1, briefWords - 2, briefWords - 1, briefWords, briefWords + 1, 3 * briefWords} {
			text := strings.Repeat(u, n)
			if got, want := briefText(text), countWords(text) < briefWords; got != want {
				t.Errorf("briefText(%d × %q) = %v, want %v (%d words)", n, u, got, want, countWords(text))
			}
		}
	}
	// every code point briefText takes for a Cyrillic letter is one
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if cyrillicLetter(r) && !unicode.IsLetter(r) {
			t.Fatalf("cyrillicLetter(%U) but it is no letter", r)
		}
	}
}
