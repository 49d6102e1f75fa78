package textproc

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: its folded, lower-cased form and where it
// stands, in code points.
type Token struct {
	// Term is the token's text after the filters that have run.
	Term string
	// Start and End are code point offsets into the original text.
	Start, End int
	// Position is the token's index among the text's tokens.
	Position int
}

// isWordRune reports whether r belongs inside a word. Apostrophes and
// hyphens join word characters on both sides ("Putin's", "co-operation").
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize splits text into words with code point offsets. Terms are lower
// case with quotes, dashes and ё folded; an apostrophe or hyphen between
// two word characters stays inside the word. Tokens are appended to dst,
// which may be nil, so callers can reuse a buffer.
func Tokenize(dst []Token, text string) []Token {
	var arr [64]rune
	buf := arr[:0]
	start, byteStart := -1, 0
	changed := false // some rune of the word was folded or lowered
	var prev rune
	runeIdx := 0
	flush := func(end, byteEnd int) {
		if start < 0 {
			return
		}
		// drop a trailing joiner ("rock-" at a line break)
		for len(buf) > 0 && (buf[len(buf)-1] == '\'' || buf[len(buf)-1] == '-') {
			buf = buf[:len(buf)-1]
			end--
			byteEnd--
		}
		if len(buf) > 0 {
			term := text[byteStart:byteEnd] // no allocation when unchanged
			if changed {
				term = string(buf)
			}
			dst = append(dst, Token{Term: term, Start: start, End: end, Position: len(dst)})
		}
		buf = buf[:0]
		start = -1
		changed = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		at := i
		i += size
		f := foldRune(r)
		switch {
		case isWordRune(f):
			if start < 0 {
				start, byteStart = runeIdx, at
			}
			l := unicode.ToLower(f)
			if l != r {
				changed = true
			}
			buf = append(buf, l)
		case (f == '\'' || f == '-') && start >= 0 && isWordRune(prev) && i < len(text):
			next, _ := utf8.DecodeRuneInString(text[i:])
			if isWordRune(foldRune(next)) {
				if f != r {
					changed = true
				}
				buf = append(buf, f)
			} else {
				flush(runeIdx, at)
			}
		default:
			flush(runeIdx, at)
		}
		prev = f
		runeIdx++
	}
	flush(runeIdx, len(text))
	return dst
}
