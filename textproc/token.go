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
	prevWord := false
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
		at := i
		var r, f, lower rune
		var word bool
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of most texts: a table says what the byte is.
			i++
			r, f, lower = rune(c), rune(c), rune(c)
			switch asciiClass[c] {
			case asciiUpper:
				word, lower = true, rune(c+'a'-'A')
			case asciiWord:
				word = true
			case asciiTick:
				f = '\''
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			f = foldRune(r)
			word = isWordRune(f)
			if word {
				lower = unicode.ToLower(f)
			}
		}
		switch {
		case word:
			if start < 0 {
				start, byteStart = runeIdx, at
			}
			if lower != r {
				changed = true
			}
			buf = append(buf, lower)
		case (f == '\'' || f == '-') && start >= 0 && prevWord && i < len(text) && nextIsWord(text[i:]):
			if f != r {
				changed = true
			}
			buf = append(buf, f)
		default:
			flush(runeIdx, at)
		}
		prevWord = word
		runeIdx++
	}
	flush(runeIdx, len(text))
	return dst
}

// What an ASCII byte is to the tokenizer.
const (
	asciiOther = iota
	asciiWord  // a lower-case letter or a digit
	asciiUpper // an upper-case letter
	asciiTick  // a backtick, folded to an apostrophe
)

// asciiClass classifies every ASCII byte; it is never modified.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = asciiWord
		case c >= 'A' && c <= 'Z':
			t[c] = asciiUpper
		case c == '`':
			t[c] = asciiTick
		}
	}
	return t
}()

// nextIsWord reports whether s starts with a word character.
func nextIsWord(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		k := asciiClass[c]
		return k == asciiWord || k == asciiUpper
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(foldRune(r))
}
