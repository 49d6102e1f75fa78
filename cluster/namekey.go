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
// nameKeyLen letters in Latin script (Cyrillic transliterated), spelled
// the way both scripts sound them (see foldSpelling), after a '~' that no
// word term has. ok is false for words of fewer than three letters or
// with digits or letters of other scripts.
func nameKey(raw string) (key string, ok bool) {
	var buf [4 * nameKeyLen]byte
	b := buf[:0]
	for _, r := range raw {
		if len(b) >= len(buf)-4 {
			break
		}
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		case r == '\'' || r == '’' || r == '-':
			// joiners: "O'Neil", "Jean-Luc"
		case r == 'ё':
			b = append(b, 'e')
		case r >= 'а' && r <= 'я':
			b = append(b, cyrLatin[r-'а']...)
		default:
			return "", false
		}
	}
	if len(b) < 3 {
		return "", false
	}
	var fold [8 * nameKeyLen]byte
	k := foldSpelling(fold[:0], b)
	return "~" + string(k[:min(len(k), nameKeyLen)]), true
}

// foldSpelling appends to dst the Latin letters b with the spellings
// that Russian writes with other letters rewritten to those the
// transliteration of the Russian gives: "Quenardale" and "Квенардейл"
// both start "kven", "Holstad" and "Холстад" "hols", "Khodorkovsky" and
// "Ходорковский" "hodo", "Washington" and "Вашингтон" "vash", "Jordan"
// and "Джордан" "dzhor", "Thomas" and "Томас" "toma".
func foldSpelling(dst, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		c := b[i]
		var next byte
		if i+1 < len(b) {
			next = b[i+1]
		}
		switch {
		case c == 'k' && next == 'h':
			dst = append(dst, 'h')
			i++
		case c == 'p' && next == 'h':
			dst = append(dst, 'f')
			i++
		case c == 'c' && next == 'k':
			dst = append(dst, 'k')
			i++
		case c == 'q' && next == 'u':
			dst = append(dst, 'k', 'v')
			i++
		case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			dst = append(dst, 's')
		case c == 'c' || c == 'q':
			dst = append(dst, 'k')
		case c == 'x':
			dst = append(dst, 'k', 's')
		case c == 't' && next == 'h':
			dst = append(dst, 't')
			i++
		case c == 'w':
			dst = append(dst, 'v')
		case c == 'j':
			dst = append(dst, 'd', 'z', 'h')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// cyrLatin transliterates the Russian lower-case letters а to я as
// English-language news usually spells names, but х as h (see
// foldSpelling).
var cyrLatin = [32]string{
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
}

// isCalendarWord reports whether a word is the full name of a month or
// a weekday in English: written with a capital inside sentences, it
// tells when a happening took place, not who it happened to, so it is no
// protagonist and has no name key. Russian writes them in lower case.
// "May" is left out: inside a sentence it is as often a name (Theresa
// May) as a month; so are the abbreviations, which are words and names
// too ("The Sun", "Mar Vista"), and which the date stage finds inside the
// dates they are part of ("Dec. 5").
func isCalendarWord(raw string) bool {
	return isMonthName(raw) || isWeekdayName(raw)
}

// isMonthName reports whether a word is the full English name of a month
// but May (see isCalendarWord).
func isMonthName(raw string) bool {
	switch strings.TrimSuffix(strings.ToLower(raw), "'s") {
	case "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// isWeekdayName reports whether a word is the full English name of a
// weekday.
func isWeekdayName(raw string) bool {
	switch strings.TrimSuffix(strings.ToLower(raw), "'s") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}
