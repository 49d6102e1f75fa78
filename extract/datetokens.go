package extract

import (
	"unicode"
	"unicode/utf8"
)

// The tokens and words of date lines (see scanDateLine).

// dateTokKind is the kind of a date line token.
type dateTokKind uint8

const (
	tokNum dateTokKind = iota + 1
	tokWord
	tokPunct
)

// dateTok is one token of a date line: a run of ASCII digits (n is its
// value), a run of letters, or one other character.
type dateTok struct {
	kind   dateTokKind
	s      string
	n      int
	spaced bool // white space comes before the number
}

// maxDateLine is the longest line, in code points, read as a date line
// (so that a Russian line, two bytes a letter, is read as far as an
// English one).
const maxDateLine = 120

// maxDateToks is the most tokens a date line has.
const maxDateToks = 48

// tokenizeDate splits line into toks, up to their capacity. It reports
// false when the line has more tokens, a number of more than four digits
// or a character that no date line holds.
func tokenizeDate(toks []dateTok, line string) ([]dateTok, bool) {
	for i := 0; i < len(line); {
		if len(toks) == cap(toks) {
			return toks, false
		}
		c := line[i]
		switch {
		case c >= '0' && c <= '9':
			j, n := i, 0
			for ; j < len(line) && line[j] >= '0' && line[j] <= '9'; j++ {
				n = n*10 + int(line[j]-'0')
			}
			if j-i > 4 {
				return toks, false
			}
			r, _ := utf8.DecodeLastRuneInString(line[:i])
			toks = append(toks, dateTok{kind: tokNum, s: line[i:j], n: n, spaced: unicode.IsSpace(r)})
			i = j
		case c < utf8.RuneSelf:
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				j := i
				for j < len(line) && (line[j] >= 'a' && line[j] <= 'z' || line[j] >= 'A' && line[j] <= 'Z') {
					j++
				}
				if !knownDateWord(line[i:j]) {
					return toks, false
				}
				toks = append(toks, dateTok{kind: tokWord, s: line[i:j]})
				i = j
			case asciiSpace(c):
				i++
			case isDatePunct(rune(c)):
				toks = append(toks, dateTok{kind: tokPunct, s: line[i : i+1]})
				i++
			default:
				return toks, false
			}
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			switch {
			case unicode.IsLetter(r):
				j := i + size
				for j < len(line) {
					r2, s2 := utf8.DecodeRuneInString(line[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += s2
				}
				if !knownDateWord(line[i:j]) {
					return toks, false
				}
				toks = append(toks, dateTok{kind: tokWord, s: line[i:j]})
				i = j
			case unicode.IsSpace(r):
				i += size
			case isDatePunct(r):
				toks = append(toks, dateTok{kind: tokPunct, s: line[i : i+size]})
				i += size
			default:
				return toks, false
			}
		}
	}
	return toks, true
}

// opensDateLine reports whether s opens as a date line or a dated byline
// may: with a digit, a bracket, or a date word or "By" (see
// knownDateWord). Most lines fail here, at their first word.
func opensDateLine(s string) bool {
	c := s[0]
	switch {
	case c >= '0' && c <= '9', c == '(', c == '[':
		return true
	case c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
		return false
	}
	end := len(s)
	for i, r := range s {
		if !unicode.IsLetter(r) {
			end = i
			break
		}
	}
	return knownDateWord(s[:end])
}

// dateVocab holds, in lower case, every word a date line may hold: the
// months, the labels, connectors and weekdays of dateWords, the time
// zones, am/pm and their letters, ordinal suffixes, "uk", and "by" that
// opens a byline.
var dateVocab = func() map[string]bool {
	v := map[string]bool{}
	for w := range monthNames {
		v[w] = true
	}
	for w := range dateWords {
		v[w] = true
	}
	for w := range zoneOffsets {
		v[w] = true
	}
	for _, w := range []string{"am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "uk", "by"} {
		v[w] = true
	}
	return v
}()

// maxDateWord is the length in bytes of the longest word of dateVocab
// ("опубликовано").
const maxDateWord = 24

// knownDateWord reports whether w is a word of dateVocab, in any case.
// Prose fails here, at its first word.
func knownDateWord(w string) bool {
	if len(w) > maxDateWord {
		return false
	}
	var buf [maxDateWord]byte
	lw := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			if lw = lowerWord(buf[:], w); lw == nil {
				return false
			}
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw = append(lw, c)
	}
	return dateVocab[string(lw)]
}

// isDatePunct reports whether a date line may hold r: separators and the
// marks of times, zones and numeric dates.
func isDatePunct(r rune) bool {
	switch r {
	case ',', '|', '/', '-', ':', '.', '(', ')', '[', ']', '+', '·', '•', '–', '—':
		return true
	}
	return false
}

// lowerWord writes the lower case of w into buf and returns it, or nil
// when it does not fit (no vocabulary word is that long).
func lowerWord(buf []byte, w string) []byte {
	buf = buf[:0]
	for _, r := range w {
		r = unicode.ToLower(r)
		if len(buf)+utf8.RuneLen(r) > cap(buf) {
			return nil
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// trimSpaceASCII trims white space around s, without a pass over the
// whole string when s begins and ends with neither.
func trimSpaceASCII(s string) string {
	if s != "" && !asciiSpace(s[0]) && !asciiSpace(s[len(s)-1]) && s[0] < utf8.RuneSelf && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[n:]
	}
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}
