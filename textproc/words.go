package textproc

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text as Tokenize delimits it, before any folding
// or filtering: callers that analyse many texts can cache what a word
// becomes (see Pipeline.Analyze) by its raw form and skip the work for
// words they have seen.
//
// A Word locates the word in its text and holds no pointer: a text's
// words, a few thousand, fill a slice of 20 bytes each that the garbage
// collector need not scan, and writing one needs no write barrier.
type Word struct {
	// Byte and Len locate the word as written in the text, in bytes:
	// text[Byte : Byte+Len] (see Raw).
	Byte, Len int32
	// Start and End are code point offsets, as in Token.
	Start, End int32
	// Capital is set when the word's first letter is upper case.
	Capital bool
	// Initial is set when the word opens the text, a sentence, a line or
	// a clause after a colon or a dash, quotes and brackets aside: a
	// capital there says nothing about a name.
	Initial bool
}

// Raw is the word as written in text, the text ScanWords read it from.
func (w *Word) Raw(text string) string { return text[w.Byte : w.Byte+w.Len] }

// ScanWords appends the words of text to dst, delimited exactly as
// Tokenize delimits tokens, and returns it. It does not allocate beyond
// growing dst. Offsets are int32: text must be shorter than 2 GiB.
func ScanWords(dst []Word, text string) []Word {
	initial := true // no word or other character since a sentence break
	runeIdx := 0
	for i := 0; i < len(text); {
		// between words: a character that is no word character only
		// moves the sentence state on
		c := text[i]
		size := 1
		var capital bool
		switch {
		case c < utf8.RuneSelf:
			k := asciiClass[c]
			if k != asciiWord && k != asciiUpper {
				initial = asciiBreak[c] == breakSet || asciiBreak[c] == breakKeep && initial
				i++
				runeIdx++
				continue
			}
			capital = k == asciiUpper
		case isCyrillic2(text, i):
			// a letter, which folding leaves a letter
			r := rune(c&0x1f)<<6 | rune(text[i+1]&0x3f)
			size = 2
			capital = isUpperCyrillic(r)
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			size = n
			if !isWordRune(foldRune(r)) {
				initial = breaksSentence(r, initial)
				i += size
				runeIdx++
				continue
			}
			capital = unicode.IsUpper(r)
		}
		// a word starts
		start, byteStart, wordInitial := runeIdx, i, initial
		initial = false
		i += size
		runeIdx++
	word:
		for i < len(text) {
			// its ASCII letters and digits, eight at a time while the
			// text has eight bytes more (asciiRun), where a byte at a
			// time cost a table load and a branch each
			for i+8 <= len(text) {
				x := load8(text, i)
				run := asciiRun(x)
				i += run
				runeIdx += run
				if run != 8 {
					if afterRun[byte(x>>(8*uint(run)))] == runEnds {
						// an ASCII byte that ends any word, read from
						// the eight loaded: most words end so
						break word
					}
					break
				}
			}
			if i+8 > len(text) || text[i] >= utf8.RuneSelf {
				// and its two-byte Cyrillic letters, and the ASCII ones
				// of the last eight bytes, only move its end
				j, n := wordRun(text, i)
				i, runeIdx = j, runeIdx+n
				if i == len(text) {
					break
				}
			}
			// another word character, or a joiner before one, goes on
			// with the word; a joiner is taken only before a word
			// character, so a word never ends with one
			c := text[i]
			if c < utf8.RuneSelf {
				if afterRun[c] == runJoiner && i+1 < len(text) && nextIsWord(text[i+1:]) {
					i++
					runeIdx++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if f := foldRune(r); !isWordRune(f) && !((f == '\'' || f == '-') && i+size < len(text) && nextIsWord(text[i+size:])) {
				break
			}
			i += size
			runeIdx++
		}
		if len(dst) == cap(dst) {
			// room for about as many words as the rest of the text
			// holds (a word takes six bytes or more, its spaces
			// included, in most texts), so that dst seldom grows again
			dst = slices.Grow(dst, (len(text)-i)/6+16)
		}
		n := len(dst)
		dst = dst[:n+1]
		// field by field, in place: a Word value built and then copied
		// costs more stores
		wd := &dst[n]
		wd.Byte, wd.Len, wd.Start, wd.End = int32(byteStart), int32(i-byteStart), int32(start), int32(runeIdx)
		wd.Capital, wd.Initial = capital, wordInitial
		if i < len(text) && text[i] == ' ' {
			// the space after most words, passed at once: it keeps
			// the sentence state, which a word leaves false
			i++
			runeIdx++
		}
	}
	return dst
}

// InitialAfter returns the sentence state ScanWords carries across gap,
// the characters between two words (or before the first), from initial,
// its state before them: whether the word after gap is Initial. A word
// leaves the state false, and the text starts with it true, so that a
// caller that delimits words as Tokenize does can tell each Word's
// Initial from its gap alone.
func InitialAfter(gap string, initial bool) bool {
	for _, r := range gap {
		initial = breaksSentence(r, initial)
	}
	return initial
}

// What an ASCII character that is no word character does to the
// sentence state (see breaksSentence): keeps it, sets it (the next word
// opens a sentence) or clears it.
const (
	breakClear = iota
	breakKeep
	breakSet
)

// asciiBreak is breaksSentence for ASCII characters; it is never
// modified.
var asciiBreak = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case breaksSentence(rune(c), false):
			t[c] = breakSet
		case breaksSentence(rune(c), true):
			t[c] = breakKeep
		}
	}
	return t
}()

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

// What a byte that ends a run of ASCII letters and digits is to
// ScanWords.
const (
	runOn     = iota // a byte of a longer code point (or a letter or digit): the slower tests decide
	runEnds          // any other ASCII byte but a joiner: the word ends
	runJoiner        // an apostrophe, hyphen or backtick: the word goes on before a word character
)

// afterRun classifies every byte for ScanWords; it is never modified.
var afterRun = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c == '\'' || c == '-' || c == '`':
			t[c] = runJoiner
		case runByte[c] != runASCII:
			t[c] = runEnds
		}
	}
	return t
}()

// isUpperCyrillic is unicode.IsUpper for r in U+0400–U+047F, answered
// at once for Ѐ…Я and а…џ.
func isUpperCyrillic(r rune) bool {
	switch {
	case r < 0x430: // Ѐ…Я
		return true
	case r < 0x460: // а…џ
		return false
	}
	return unicode.IsUpper(r)
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

// asciiRun returns how many of the eight bytes of x (as load8 reads
// them), from the first, are ASCII letters and digits: 8 when all are.
// The bytes are tested at once, each in its lane: for a byte b below
// 0x80, the top bit of (127+n)-b is set when b < n, and that of
// b+(127-m) when b > m, and neither carries nor borrows into the next
// lane; letters are tested folded to lower case (b|0x20), and a byte of
// 0x80 or more (its top bit set in x) is neither.
func asciiRun(x uint64) int {
	const (
		ones = 0x0101010101010101
		tops = 0x8080808080808080
	)
	low := x &^ tops
	digit := (ones*(127+'9'+1) - low) & (low + ones*(127-'0'+1))
	lower := low | ones*0x20
	letter := (ones*(127+'z'+1) - lower) & (lower + ones*(127-'a'+1))
	return bits.TrailingZeros64((^(digit|letter)|x)&tops) >> 3
}
