package textproc

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// A stem shorter than minPrefixStem would match too many words: such words
// are matched exactly. A word the stemmer leaves alone is matched as a
// prefix from minPrefixWord letters on ("журналист" finds "журналистам").
const (
	minPrefixStem = 3
	minPrefixWord = 4
)

// PrefixStem returns the Snowball stem of a folded, lower-case query word
// (Russian for Cyrillic words, English for Latin ones) when searching
// for it as a prefix is worthwhile. Indexed text is not stemmed; a query
// word matches the words that start with its stem ("переговоры" finds
// "переговорах", "talks" finds "talked").
func PrefixStem(word string) (string, bool) {
	var cyr, lat bool
	for _, r := range word {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			lat = true
		case unicode.IsDigit(r):
			return "", false
		}
	}
	var s string
	switch {
	case cyr && !lat:
		s = russian.Stem(word, false)
	case lat && !cyr:
		s = english.Stem(word, false)
	default:
		return "", false
	}
	n := utf8.RuneCountInString(s)
	if n < minPrefixStem || (s == word && n < minPrefixWord) {
		return "", false
	}
	return s, true
}
