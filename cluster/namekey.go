package cluster

import (
	"strings"
	"unicode"
)

// Reports of one happening in two languages share few words but the same
// names: "Портвилля" and "Portville's". A name's key is the start of its
// Latin spelling, which passes over inflection and most transliteration
// variants ("Бренмур", "Brenmoor"), and articles of different scripts are
// compared on their keys (see crossScript).

// nameKeyLen is how many Latin letters of a name its key keeps.
const nameKeyLen = 5

// nameKey returns the cross-language key of a word as written: its first
// nameKeyLen letters in Latin script (Cyrillic transliterated), after a
// '~' that no word term has. ok is false for words of fewer than three
// letters or with digits or letters of other scripts.
func nameKey(raw string) (key string, ok bool) {
	var b strings.Builder
	b.WriteByte('~')
	n := 0
	for _, r := range raw {
		if n >= nameKeyLen {
			break
		}
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
			n++
		case r == '\'' || r == '’' || r == '-':
			// joiners: "O'Neil", "Jean-Luc"
		case r == 'ё':
			b.WriteByte('e')
			n++
		case r >= 'а' && r <= 'я':
			t := cyrLatin[r-'а']
			b.WriteString(t)
			n += len(t)
		default:
			return "", false
		}
	}
	if n < 3 {
		return "", false
	}
	s := b.String()
	return s[:min(len(s), 1+nameKeyLen)], true
}

// cyrLatin transliterates the Russian lower-case letters а to я as
// English-language news usually spells names.
var cyrLatin = [32]string{
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
}
