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

// isCalendarWord reports whether a word is the name of a month or a
// weekday in English (or its usual abbreviation): written with a capital
// inside sentences, it tells when a happening took place, not who it
// happened to, so it is no protagonist and has no name key (it keeps the
// weight of a name). Russian writes them in lower case. "May" is left
// out: inside a sentence it is as often a name (Theresa May) as a month.
func isCalendarWord(raw string) bool {
	w := strings.TrimSuffix(strings.ToLower(raw), "'s")
	switch w {
	case "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}
