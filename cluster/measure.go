package cluster

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Some happenings are told apart by a figure that defines them, which
// every report states and which their words, names and days do not
// hold: two earthquakes of one island, a week or years apart, are
// reported in the same words ("a strong earthquake jolted Qeshm island
// on Sunday, damaging villages"), and only the magnitude each report
// leads with says which quake it is. An article and an event that both
// state a magnitude in their leads, none of the article's close to any
// of the event's, report two quakes (otherMagnitude); so do two events
// (otherMagnitudes), which an article stating none, close to both, would
// otherwise merge.
//
// A magnitude is revised as readings come in (5.6, then 5.7, within a
// day), and agencies read one quake differently (5.9 for Tehran's
// seismological centre, 6.1 for the U.S. Geological Survey), a large
// quake's the most (7.0 and 7.3, 6.6 and 7.0: the scales part above
// magnitude 6.5, and a large quake's first reading is often revised):
// two magnitudes within magnitudeTolerance agree, and an event keeps
// every magnitude its members state, so that a report stating either
// agency's figure joins it. A report naming both agrees with both. Only
// the lead's magnitudes count: further down, reports recall earlier
// quakes ("a magnitude-6.1 quake struck the area in September"); in the
// lead, a figure told as an aftershock's ("a 4.8-magnitude aftershock
// followed") or a past quake's ("the strongest since a 6.8-magnitude
// quake", "the magnitude 9.0 quake of 2011") is not the quake's. Only
// magnitudes written with a decimal count: "a magnitude 6 quake" is a
// rounding, and often a general statement ("a magnitude 6 quake can
// cause severe damage"). Casualty counts, the other figure of such
// news, are no guard: they grow as a story develops.

// magnitudeTolerance is how far apart, in tenths, two magnitudes of
// one quake may be stated: a revision, or another agency's reading;
// largeTolerance is as far for a quake of largeMagnitude or more.
const (
	magnitudeTolerance = 2
	largeMagnitude     = 65
	largeTolerance     = 5
)

// maxMagnitudes bounds the magnitudes kept of an article and of an
// event.
const maxMagnitudes = 8

// leadMagnitudes appends to dst the magnitudes (in tenths) the title
// and the lead of text state, each once, in the order stated, at most
// maxMagnitudes. cyrillic asks for the Russian words ("магнитудой 5,6",
// "5,6 по шкале Рихтера"), else the English ("a 5.6-magnitude quake",
// "magnitude of 5.6", "measuring 5.6 on the Richter scale").
func leadMagnitudes(dst []int16, title, text string, cyrillic bool) []int16 {
	lead := text[:min(len(text), 2*leadSpan)] // bytes, as leadWeekday's
	dst = scanMagnitudes(dst, title, cyrillic)
	return scanMagnitudes(dst, lead, cyrillic)
}

// magnitudeWord is a word of magnitudes: the word for magnitude, which
// a figure precedes or follows, or the name of the scale, which a
// figure precedes.
type magnitudeWord struct {
	// stem is the word, or its stem, after its first letter when
	// initials lists the first letters it may take (either case);
	// ending is set when the word may take an ending (in Russian; in
	// English "magnitudes" are the several of a series of aftershocks).
	stem     string
	initials string
	ending   bool
	// after is set when the figure may follow the word.
	after bool
	// rare is the place in stem of its rarest byte in text, which
	// indexStem looks for: the first byte of a word is mostly a frequent
	// letter, and of a Cyrillic one always one of two bytes.
	rare int
}

var (
	englishMagnitudes = [2]magnitudeWord{
		{stem: "agnitude", initials: "mM", after: true, rare: 1}, // g
		{stem: "Richter"},
	}
	russianMagnitudes = [2]magnitudeWord{
		{stem: "агнитуд", initials: "мМ", ending: true, after: true, rare: 3}, // г's second byte
		{stem: "Рихтер", ending: true, rare: 5},                               // х's second byte
	}
)

// scanMagnitudes appends to dst the magnitudes s states (leadMagnitudes).
func scanMagnitudes(dst []int16, s string, cyrillic bool) []int16 {
	words := &englishMagnitudes
	if cyrillic {
		words = &russianMagnitudes
	}
	for k := range words {
		kw := &words[k]
		for off := 0; len(dst) < maxMagnitudes; {
			i := indexStem(s[off:], kw.stem, kw.rare)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(kw.stem)
			off = end
			if kw.initials != "" {
				r, n := utf8.DecodeLastRuneInString(s[:start])
				if n == 0 || !strings.ContainsRune(kw.initials, r) {
					continue
				}
				start -= n
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isWordRune(r) {
				continue
			}
			if kw.ending {
				for end < len(s) {
					r, n := utf8.DecodeRuneInString(s[end:])
					if !isWordRune(r) {
						break
					}
					end += n
				}
			} else if r, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && isWordRune(r) {
				continue
			}
			v, before, ok := magnitudeBefore(s[:start])
			after := s[end:]
			if !ok && kw.after {
				v, after, ok = magnitudeAfter(s[end:])
				before = s[:start]
			}
			if ok && v >= 10 && v < 100 && !slices.Contains(dst, v) && !anotherQuake(before, after) {
				dst = append(dst, v)
			}
		}
	}
	return dst
}

// indexStem is strings.Index(s, stem), found by looking for stem's
// byte at rare, the rarest in text, so that few places are compared.
func indexStem(s, stem string, rare int) int {
	for off := rare; off < len(s); {
		i := strings.IndexByte(s[off:], stem[rare])
		if i < 0 {
			return -1
		}
		p := off + i - rare
		if p+len(stem) <= len(s) && s[p:p+len(stem)] == stem {
			return p
		}
		off += i + 1
	}
	return -1
}

// magnitudeAfter reads the figure following the word for magnitude,
// past a few words that may stand between ("of at least 5.9",
// "магнитудой около 5,6"), in tenths, and returns s after it; ok is
// false when there is none, or only a whole number.
func magnitudeAfter(s string) (v int16, rest string, ok bool) {
	for words := 0; ; words++ {
		s = skipSeparators(s)
		if s == "" || words > 3 {
			return 0, "", false
		}
		if s[0] >= '0' && s[0] <= '9' {
			return readDecimal(s)
		}
		w := leadingWord(s)
		if w == "" || !linkWords[w] {
			return 0, "", false
		}
		s = s[len(w):]
	}
}

// magnitudeBefore reads the figure preceding the word for magnitude or
// the scale's name ("a 5.6-magnitude quake", "6.1 on the Richter
// scale", "5,6 балла по шкале Рихтера"), past a few words that may stand
// between, in tenths, and returns s before it; ok is false when there
// is none, only a whole number, or the figure ends a range ("from 2.8 to
// 3.8 on the Richter scale": the aftershocks').
func magnitudeBefore(s string) (v int16, rest string, ok bool) {
	for words := 0; ; words++ {
		s = skipSeparatorsBack(s)
		if s == "" || words > 3 {
			return 0, "", false
		}
		if b := s[len(s)-1]; b >= '0' && b <= '9' {
			v, rest, ok := readDecimalBack(s)
			if !ok || rangeWords[trailingWord(skipSeparatorsBack(rest))] {
				return 0, "", false
			}
			return v, rest, true
		}
		w := trailingWord(s)
		if w == "" || !scaleWords[w] {
			return 0, "", false
		}
		s = s[:len(s)-len(w)]
	}
}

// linkWords may stand between the word for magnitude and its figure.
var linkWords = map[string]bool{
	"of": true, "at": true, "least": true, "about": true, "around": true,
	"approximately": true, "roughly": true, "nearly": true, "some": true,
	"was": true, "is": true, "estimated": true, "preliminary": true,
	"около": true, "примерно": true, "порядка": true, "не": true,
	"менее": true, "более": true, "свыше": true, "в": true,
	"составила": true, "составляет": true,
}

// scaleWords may stand between a figure and the word for magnitude or
// the scale's name.
var scaleWords = map[string]bool{
	"on": true, "the": true, "degrees": true, "points": true,
	"по": true, "шкале": true, "балла": true, "баллов": true, "балл": true,
}

// rangeWords before a figure make it the end of a range or a list.
var rangeWords = map[string]bool{
	"to": true, "and": true, "or": true, "from": true,
	"до": true, "и": true, "или": true, "от": true,
}

// readDecimal reads a figure with one or two decimals at the start of
// s ("5.6", "5,6", and "5. 6" as tokenised text writes it), in tenths,
// rounded, and returns s after it.
func readDecimal(s string) (v int16, rest string, ok bool) {
	i, whole := 0, 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		whole = whole*10 + int(s[i]-'0')
		i++
	}
	if i == len(s) || s[i] != '.' && s[i] != ',' {
		return 0, "", false
	}
	i++
	if i < len(s) && s[i] == ' ' && s[i-1] == '.' {
		i++
	}
	frac, n := 0, 0
	for i < len(s) && n < 3 && s[i] >= '0' && s[i] <= '9' {
		frac = frac*10 + int(s[i]-'0')
		i++
		n++
	}
	if n == 0 || n > 2 {
		return 0, "", false
	}
	return tenths(whole, frac, n), s[i:], true
}

// readDecimalBack reads a figure ending s, as readDecimal reads one
// starting it, and returns s before it.
func readDecimalBack(s string) (v int16, rest string, ok bool) {
	i, frac, n, p := len(s), 0, 0, 1
	for i > 0 && n < 3 && s[i-1] >= '0' && s[i-1] <= '9' {
		frac += int(s[i-1]-'0') * p
		p *= 10
		i--
		n++
	}
	if n > 2 || i == 0 {
		return 0, "", false
	}
	if s[i-1] == ' ' && i > 1 && s[i-2] == '.' {
		i--
	}
	if s[i-1] != '.' && s[i-1] != ',' {
		return 0, "", false
	}
	i--
	whole, m := 0, 0
	for p = 1; i > 0 && m < 3 && s[i-1] >= '0' && s[i-1] <= '9'; m++ {
		whole += int(s[i-1]-'0') * p
		p *= 10
		i--
	}
	if m == 0 || m > 2 {
		return 0, "", false
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) || r == '.' || r == ',' {
			return 0, "", false
		}
	}
	return tenths(whole, frac, n), s[:i], true
}

// tenths is whole.frac, frac having n digits, in tenths, rounded.
func tenths(whole, frac, n int) int16 {
	if n == 2 {
		frac = (frac + 5) / 10
	}
	return int16(min(whole*10+frac, 1<<14))
}

// anotherQuake reports whether the words around a magnitude, before
// and after its figure and word, tell it as another quake's than the
// one reported: an aftershock's ("a 4.8-magnitude aftershock", "an
// aftershock measuring 4.8 on the Richter scale", "афтершок магнитудой
// 4,8"), or a past one's ("since a magnitude-6.8 quake", "the 2011
// magnitude 9.0 quake", "a 9.0-magnitude quake and tsunami in March
// 2011").
func anotherQuake(before, after string) bool {
	w, _ := nearWord(skipSeparatorsBack(before), true)
	if isYear(w) {
		return true
	}
	for k, s := 0, before; k < 3; k++ {
		var w string
		if w, s = nearWord(s, true); w == "" {
			break
		}
		if lw := strings.ToLower(w); aftershockWord(lw) || lw == "since" {
			return true
		}
	}
	inYear := -1 // the words since "in" or "of", which a year may follow
	for k, s := 0, after; k < 6; k++ {
		var w string
		if w, s = nearWord(s, false); w == "" {
			break
		}
		lw := strings.ToLower(w)
		switch {
		case k == 0 && aftershockWord(lw):
			return true
		case lw == "in" || lw == "of":
			inYear = 0
		case inYear >= 0 && inYear < 3 && isYear(w):
			return true
		case inYear >= 0:
			inYear++
		}
	}
	return false
}

// aftershockWord reports whether a word, lower case, names an aftershock.
func aftershockWord(w string) bool {
	return strings.HasPrefix(w, "aftershock") || strings.HasPrefix(w, "афтершок") || strings.HasPrefix(w, "повторн")
}

// isYear reports whether a word is a year of the last two centuries.
func isYear(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}

// nearWord returns the word of letters and digits nearest the start of
// s (the end, when back), and s past it; "" when a sentence's or a
// line's end comes first, or none is left.
func nearWord(s string, back bool) (w, rest string) {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if back {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if isWordRune(r) {
			break
		}
		if r == '.' || r == '!' || r == '?' || r == ';' || r == '\n' {
			return "", ""
		}
		if back {
			s = s[:len(s)-n]
		} else {
			s = s[n:]
		}
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if back {
			r, n = utf8.DecodeLastRuneInString(s[:len(s)-i])
		}
		if !isWordRune(r) {
			break
		}
		i += n
	}
	if back {
		return s[len(s)-i:], s[:len(s)-i]
	}
	return s[:i], s[i:]
}

// skipSeparators drops the spaces and dashes starting s.
func skipSeparators(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !isMeasureSeparator(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// skipSeparatorsBack drops the spaces and dashes ending s.
func skipSeparatorsBack(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isMeasureSeparator(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// isMeasureSeparator reports whether r may stand between a figure and
// its words: a space (not a line's end), a hyphen or a dash.
func isMeasureSeparator(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '-' || r == '–' || r == '—'
}

// leadingWord is the word of letters starting s, "" when none does.
func leadingWord(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) || r >= '0' && r <= '9' {
			break
		}
		i += n
	}
	return s[:i]
}

// trailingWord is the word of letters ending s, "" when none does.
func trailingWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) || r >= '0' && r <= '9' {
			break
		}
		i -= n
	}
	return s[i:]
}

// isWordRune reports whether r is a letter or a digit of a word, of the
// scripts of leadMagnitudes' words.
func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r >= 'А' && r <= 'я' || r == 'ё' || r == 'Ё'
}

// magnitudesApart reports whether two sets of magnitudes are both
// stated and no two of them, one of each, are within
// magnitudeTolerance: they tell of two quakes.
func magnitudesApart(a, b []int16) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			tolerance := int16(magnitudeTolerance)
			if max(x, y) >= largeMagnitude {
				tolerance = largeTolerance
			}
			if d := x - y; d <= tolerance && d >= -tolerance {
				return false
			}
		}
	}
	return true
}

// otherMagnitude reports whether an article states magnitudes none of
// which agrees with one event n's members state.
func otherMagnitude(f *Features, n *node) bool { return magnitudesApart(f.magnitudes, n.magnitudes) }

// otherMagnitudes reports whether events a and b state magnitudes of
// which none agree: two quakes.
func otherMagnitudes(a, b *node) bool { return magnitudesApart(a.magnitudes, b.magnitudes) }

// addMagnitudes adds the magnitudes of an article, or of an event
// merged into n, to those n's members state, up to maxMagnitudes.
func addMagnitudes(n *node, ms []int16) { n.magnitudes = addDistinct(n.magnitudes, ms, maxMagnitudes) }

// addDistinct appends to xs those of ys it does not hold, up to max in
// all.
func addDistinct[T comparable](xs, ys []T, max int) []T {
	for _, y := range ys {
		if len(xs) >= max {
			break
		}
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}
