package textproc

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
//
// A term the folding leaves as written is a substring of text; the others
// share a buffer allocated per call (a few, for a text with many).
func Tokenize(dst []Token, text string) []Token {
	// Folded terms are written to arena, a buffer of their own, and
	// each token's Term is the bytes written for it, taken as a string
	// at once (termOf): arena is only appended to, and a term's bytes
	// are never written again, so that the strings stay as they were
	// made. When arena is full the next term goes to a new one (see
	// roomFor); the terms made keep the old one.
	var arena []byte
	runeIdx := 0
	for i := 0; i < len(text); {
		// most of an English or a Russian text, in a loop that calls
		// nothing
		dst, arena, i, runeIdx = plainWords(dst, arena, text, i, runeIdx)
		if i == len(text) {
			break
		}
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			if k := asciiClass[c]; k != asciiWord && k != asciiUpper {
				i++
				runeIdx++
				continue
			}
		case isCyrillic2(text, i):
			// a letter: a word starts
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(foldRune(r)) {
				i += size
				runeIdx++
				continue
			}
		}
		end, runes, kind := 0, 0, otherWord
		if c < utf8.RuneSelf {
			end, runes, kind = plainWord(text, i)
		}
		changed := kind == capitalWord
		if kind == otherWord {
			end, runes, changed = scanWord(text, i)
		}
		// the token is written field by field in place: appending a
		// Token value copies it with a bulk write barrier while the
		// garbage collector runs
		n := len(dst)
		if n == cap(dst) {
			dst = append(dst, Token{})
		}
		dst = dst[:n+1]
		tok := &dst[n]
		tok.Start, tok.End = runeIdx, runeIdx+runes
		tok.Position = n
		if changed {
			arena = roomFor(arena, end-i, len(text))
			a := len(arena)
			if kind == capitalWord {
				// the first letter lowered, the rest as written
				arena = append(append(arena, c+'a'-'A'), text[i+1:end]...)
			} else {
				arena = appendFolded(arena, text[i:end])
			}
			tok.Term = termOf(arena, a)
		} else {
			tok.Term = text[i:end]
		}
		i = end
		runeIdx += runes
	}
	return dst
}

// roomFor returns arena, or a new buffer when arena lacks room for a
// folded term of a word of n bytes: the terms taken from arena keep it,
// and nothing is copied. A buffer is sized for the folded terms of
// nearly every news text of textLen bytes: they take 0.28 of its bytes
// on average, rarely more than a third (the synthetic stream's). Room
// for twice the word's bytes is more than folding needs; were it to
// need more, append would move arena, leaving the terms made where they
// are, which is as safe.
func roomFor(arena []byte, n, textLen int) []byte {
	if cap(arena)-len(arena) >= 2*n+8 {
		return arena
	}
	return make([]byte, 0, max(textLen*3/8+16, 2*n+8))
}

// termOf returns arena[a:] as a string without copying it: Tokenize
// writes nothing more to those bytes (it only appends to arena, and
// leaves it when it is full), so that the string does not change.
func termOf(arena []byte, a int) string {
	return unsafe.String(&arena[a], len(arena)-a)
}

// plainWords is Tokenize's loop over the text from text[i], the code
// point runeIdx, for as long as its words are those plainWord finds,
// single capitals ("K.") and Russian words of а…я after a letter of А…Я
// or а…я, ended by ASCII, which it tokenizes as Tokenize does, and the
// ASCII bytes between them. It returns, with the tokens and folded terms
// appended, where it stopped: the end of text, a word or a code point
// for Tokenize's cases, or full dst or arena, for Tokenize's appends. It
// calls nothing, so that its variables stay in registers.
func plainWords(dst []Token, arena []byte, text string, i, runeIdx int) ([]Token, []byte, int, int) {
	for i < len(text) {
		c := text[i]
		if c >= utf8.RuneSelf {
			// a Russian word: А…Я or а…я, then а…я, ended by ASCII
			if c != 0xd0 && c != 0xd1 || i+1 == len(text) {
				break
			}
			c1 := text[i+1]
			upper := c == 0xd0 && 0x90 <= c1 && c1 <= 0xaf
			if !upper && !keptCyrillic(text, i) {
				break
			}
			j, runes := i+2, 1
			for keptCyrillic(text, j) {
				j += 2
				runes++
			}
			if j < len(text) && !endsWord[text[j]] || len(dst) == cap(dst) || upper && len(arena)+j-i > cap(arena) {
				break // endsWord is false for the bytes above ASCII
			}
			n := len(dst)
			dst = dst[:n+1]
			tok := &dst[n]
			tok.Start, tok.End = runeIdx, runeIdx+runes
			if upper {
				// the first letter lowered: А…П to а…п, Р…Я to р…я
				a := len(arena)
				arena = arena[:a+j-i]
				if c1 < 0xa0 {
					arena[a], arena[a+1] = 0xd0, c1+0x20
				} else {
					arena[a], arena[a+1] = 0xd1, c1-0x20
				}
				if rest := arena[a+2 : cap(arena)]; j-i <= 10 && len(rest) >= 8 && i+10 <= len(text) {
					binary.LittleEndian.PutUint64(rest, load64(text[i+2:])) // as for ASCII below
				} else {
					for p, b := range []byte(text[i+2 : j]) {
						arena[a+2+p] = b
					}
				}
				tok.Term, tok.Position = termOf(arena, a), n
			} else {
				tok.Term, tok.Position = text[i:j], n
			}
			runeIdx += runes
			i = j
			if i < len(text) && text[i] == ' ' {
				// the space after most words, passed at once
				i++
				runeIdx++
			}
			continue
		}
		k := asciiClass[c]
		if k != asciiWord && k != asciiUpper {
			i++
			runeIdx++
			continue
		}
		j := i
		if k == asciiUpper {
			j++
			if j == len(text) || endsWord[text[j]] {
				// a capital alone, lowered
				if len(dst) == cap(dst) || len(arena) == cap(arena) {
					break
				}
				a := len(arena)
				arena = arena[:a+1]
				arena[a] = c + 'a' - 'A'
				dst = dst[:len(dst)+1]
				tok := &dst[len(dst)-1]
				tok.Term, tok.Start, tok.End, tok.Position = termOf(arena, a), runeIdx, runeIdx+1, len(dst)-1
				i = j
				runeIdx++
				continue
			}
		}
		if !keptByte[text[j]] {
			break
		}
		// lowerRun, written out
		j++
		for j+8 <= len(text) {
			if m := unkeptBytes(load64(text[j:])); m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				goto ended
			}
			j += 8
		}
		for j < len(text) && keptByte[text[j]] {
			j++
		}
	ended:
		if j < len(text) && !endsWord[text[j]] {
			break
		}
		n := len(dst)
		if n == cap(dst) {
			break
		}
		dst = dst[:n+1]
		tok := &dst[n]
		tok.Start, tok.End = runeIdx, runeIdx+j-i
		if k == asciiUpper {
			if len(arena)+j-i > cap(arena) {
				dst = dst[:n]
				break
			}
			// the first letter lowered, the rest as written
			a := len(arena)
			arena = arena[:a+j-i]
			arena[a] = c + 'a' - 'A'
			if rest := arena[a+1 : cap(arena)]; j-i <= 9 && len(rest) >= 8 && i+9 <= len(text) {
				// the rest of a short word in one store of eight
				// bytes, those past it overwritten by the next
				binary.LittleEndian.PutUint64(rest, load64(text[i+1:]))
			} else {
				for p, b := range []byte(text[i+1 : j]) {
					arena[a+1+p] = b // no call
				}
			}
			tok.Term, tok.Position = termOf(arena, a), n
		} else {
			tok.Term, tok.Position = text[i:j], n
		}
		runeIdx += j - i
		i = j
		if i < len(text) && text[i] == ' ' {
			// the space after most words, passed at once
			i++
			runeIdx++
		}
	}
	return dst, arena, i, runeIdx
}

// What plainWord finds.
const (
	otherWord   = iota // a word plainWord leaves to scanWord
	keptWord           // a word folding leaves as written
	capitalWord        // a capital letter, then what folding keeps
)

// plainWord returns what scanWord would for the word that starts at
// text[i], an ASCII word character, when the word is a run of lower-case
// ASCII letters and digits, which folding keeps, after at most one
// capital A…Z, and is ended by the end of text or by an ASCII byte that
// ends any word: most words of English text, found without scanWord's
// cases. Its kind says which it found, or otherWord when the word is
// neither, for scanWord.
func plainWord(text string, i int) (end, runes, kind int) {
	j := i
	kind = keptWord
	if c := text[i]; 'A' <= c && c <= 'Z' {
		j++
		kind = capitalWord
	}
	if j == len(text) || !keptByte[text[j]] {
		return 0, 0, otherWord
	}
	j = lowerRun(text, j+1)
	if j < len(text) && !endsWord[text[j]] {
		return 0, 0, otherWord
	}
	return j, j - i, kind
}

// lowerRun returns the end of the run of keptByte bytes that text[j:]
// starts with, eight bytes at a time while it can: the run of lower-case
// letters of a word most often ends within the first eight.
func lowerRun(text string, j int) int {
	for j+8 <= len(text) {
		if m := unkeptBytes(load64(text[j:])); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		j += 8
	}
	for j < len(text) && keptByte[text[j]] {
		j++
	}
	return j
}

// endsWord marks the ASCII bytes that end a word wherever they stand:
// neither word characters nor the apostrophe, hyphen and backtick that
// may join two. It is never modified.
var endsWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == asciiOther && c != '\'' && c != '-'
	}
	return t
}()

// isCyrillic2 reports whether text[i:] starts with a two-byte code point
// of U+0400–U+047F, all of them Cyrillic letters.
func isCyrillic2(text string, i int) bool {
	c := text[i]
	return (c == 0xd0 || c == 0xd1) && i+1 < len(text) && text[i+1]&0xc0 == 0x80
}

// scanWord returns the byte end of the word that starts at text[i], a
// word character, its length in code points, and whether folding changes
// it. An apostrophe or hyphen joins the word only when a word character
// follows, so a word never ends with one.
func scanWord(text string, i int) (end, runes int, changed bool) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiWord:
				// a run of lower-case letters and digits, which
				// folding keeps: most of an English word, most often
				// ended within the next eight bytes
				j := lowerRun(text, i+1)
				runes += j - i
				i = j
				continue
			case asciiUpper:
				changed = true
			case asciiTick:
				if i+1 < len(text) && nextIsWord(text[i+1:]) {
					changed = true
					break
				}
				return i, runes, changed
			default:
				if (c == '\'' || c == '-') && i+1 < len(text) && nextIsWord(text[i+1:]) {
					break
				}
				return i, runes, changed
			}
			i++
			runes++
			continue
		}
		if isCyrillic2(text, i) {
			r := rune(c&0x1f)<<6 | rune(text[i+1]&0x3f)
			if foldCyrillic(r) != r {
				changed = true
			}
			i += 2
			runes++
			// then a run of а…я other than ё, which folding keeps:
			// most of a Russian word
			for keptCyrillic(text, i) {
				i += 2
				runes++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		f := foldRune(r)
		switch {
		case isWordRune(f):
			if unicode.ToLower(f) != r {
				changed = true
			}
		case (f == '\'' || f == '-') && i+size < len(text) && nextIsWord(text[i+size:]):
			if f != r {
				changed = true
			}
		default:
			return i, runes, changed
		}
		i += size
		runes++
	}
	return i, runes, changed
}

// keptCyrillic reports whether text[i:] starts with one of а…я, two-byte
// letters that folding leaves as they are (ё, U+0451, comes after я).
func keptCyrillic(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	c0, c1 := text[i], text[i+1]
	return c0 == 0xd0 && 0xb0 <= c1 && c1 <= 0xbf || c0 == 0xd1 && 0x80 <= c1 && c1 <= 0x8f
}

// foldCyrillic is unicode.ToLower(foldRune(r)) for r in U+0400–U+047F.
func foldCyrillic(r rune) rune {
	switch {
	case r == 'ё' || r == 'Ё':
		return 'е'
	case r < 0x410: // Ѐ…Џ
		return r + 0x50
	case r < 0x430: // А…Я
		return r + 0x20
	case r < 0x460: // а…џ
		return r
	}
	return r | 1 // Ѡ ѡ … Ҁ ҁ: upper case even, lower case odd
}

// appendFolded appends the term of word w, which scanWord delimited: its
// code points folded, and lowered unless they join.
func appendFolded(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case keptByte[c] || keptCyrillic(w, i):
			// a run of what folding keeps, most of a capitalised word
			j := i
			for j < len(w) {
				if keptByte[w[j]] {
					j++
				} else if keptCyrillic(w, j) {
					j += 2
				} else {
					break
				}
			}
			dst = append(dst, w[i:j]...)
			i = j
			continue
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		case isCyrillic2(w, i):
			dst = utf8.AppendRune(dst, foldCyrillic(rune(c&0x1f)<<6|rune(w[i+1]&0x3f)))
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		f := foldRune(r)
		if isWordRune(f) {
			f = unicode.ToLower(f)
		}
		dst = utf8.AppendRune(dst, f)
	}
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

// keptByte marks the bytes that are word characters folding leaves as
// they are: lower-case ASCII letters and digits. It is never modified.
var keptByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == asciiWord
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

// unkeptBytes returns the high bit of each byte of the little-endian word
// w that is not a lower-case ASCII letter or a digit (keptByte), all
// eight bytes at once: adding 0x80 less a range's first byte to a byte
// below 0x80 sets its high bit when the byte is that first byte or
// above, with no carry out of the byte.
func unkeptBytes(w uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	low := w &^ high // each byte's low seven bits
	geA := low + (0x80-'a')*ones
	gtZ := low + (0x80-'z'-1)*ones
	ge0 := low + (0x80-'0')*ones
	gt9 := low + (0x80-'9'-1)*ones
	kept := (geA&^gtZ | ge0&^gt9) &^ w & high
	return kept ^ high
}

// load64 returns the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
