package textproc

import (
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text as Tokenize delimits it, before any folding
// or filtering: callers that analyse many texts can cache what a word
// becomes (see Pipeline.Analyze) by its raw form and skip the work for
// words they have seen.
type Word struct {
	// Raw is the word as written: text[Byte : Byte+len(Raw)].
	Raw string
	// Byte is Raw's byte offset in the text.
	Byte int
	// Start and End are code point offsets, as in Token.
	Start, End int
	// Capital is set when the word's first letter is upper case.
	Capital bool
	// Initial is set when the word opens the text, a sentence, a line or
	// a clause after a colon or a dash, quotes and brackets aside: a
	// capital there says nothing about a name.
	Initial bool
}

// ScanWords appends the words of text to dst, delimited exactly as
// Tokenize delimits tokens, and returns it. It does not allocate beyond
// growing dst.
func ScanWords(dst []Word, text string) []Word {
	start, byteStart := -1, 0
	prevWord := false
	initial := true // no word or other character since a sentence break
	wordInitial, capital := false, false
	runeIdx := 0
	for i := 0; i < len(text); {
		if start >= 0 {
			// inside a word, its ASCII letters and digits and its
			// two-byte Cyrillic letters only move the word's end
			j, n := wordRun(text, i)
			if n > 0 {
				i, runeIdx, prevWord = j, runeIdx+n, true
				continue
			}
		}
		at := i
		var r, f rune
		var word bool
		if c := text[i]; c < utf8.RuneSelf {
			i++
			r, f = rune(c), rune(c)
			switch asciiClass[c] {
			case asciiUpper, asciiWord:
				word = true
			case asciiTick:
				f = '\''
			}
		} else if isCyrillic2(text, i) {
			// a letter, which folding leaves a letter
			r, f, word = rune(c&0x1f)<<6|rune(text[i+1]&0x3f), 0, true
			i += 2
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			f = foldRune(r)
			word = isWordRune(f)
		}
		switch {
		case word:
			if start < 0 {
				start, byteStart = runeIdx, at
				wordInitial = initial
				capital = r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			}
			initial = false
		case (f == '\'' || f == '-') && start >= 0 && prevWord && i < len(text) && nextIsWord(text[i:]):
			// a joiner inside the word
		default:
			if start >= 0 {
				// a joiner is taken only before a word character, so a
				// word never ends with one
				dst = append(dst, Word{Raw: text[byteStart:at], Byte: byteStart, Start: start, End: runeIdx,
					Capital: capital, Initial: wordInitial})
				start = -1
			}
			initial = breaksSentence(r, initial)
		}
		prevWord = word
		runeIdx++
	}
	if start >= 0 {
		dst = append(dst, Word{Raw: text[byteStart:], Byte: byteStart, Start: start, End: runeIdx,
			Capital: capital, Initial: wordInitial})
	}
	return dst
}

// breaksSentence returns whether, after the non-word character r, the next
// word opens a sentence: r ends one (or a line, or opens a clause after a
// colon or a dash), or r is white space, a quote or a bracket and the
// state so far says so.
func breaksSentence(r rune, initial bool) bool {
	switch r {
	case ' ', '\t', '"', '\'', '(', '«', '“':
		return initial
	case '.', '!', '?', '\n', ':', '—':
		return true
	}
	return false
}

// wordRun returns where the run of ASCII letters and digits and two-byte
// Cyrillic letters starting at text[i] ends, and its length in code
// points: word characters that no folding turns into anything else.
func wordRun(text string, i int) (end, runes int) {
	for i < len(text) {
		switch runByte[text[i]] {
		case runASCII:
			i++
		case runCyrillic:
			if i+1 == len(text) || text[i+1]&0xc0 != 0x80 {
				return i, runes
			}
			i += 2
		default:
			return i, runes
		}
		runes++
	}
	return i, runes
}

// What a byte is to wordRun.
const (
	runOther    = iota
	runASCII    // an ASCII letter or digit
	runCyrillic // the first byte of a code point of U+0400–U+047F
)

// runByte classifies every byte for wordRun; it is never modified.
var runByte = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if k := asciiClass[c]; k == asciiWord || k == asciiUpper {
			t[c] = runASCII
		}
	}
	t[0xd0], t[0xd1] = runCyrillic, runCyrillic
	return t
}()
