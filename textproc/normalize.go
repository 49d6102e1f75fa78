// Package textproc is Storyline's text analysis: normalisation, a tokenizer
// that keeps code point offsets, and (per language) token filters such as
// stop words and stemming, composed into one Analyzer per language.
package textproc

import (
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
	"golang.org/x/text/unicode/norm"
)

// foldRune maps typographic variants to one form: curly and angled quotes
// to straight ones, dashes to '-', ё to е, and all white space to ' '.
func foldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`', '\u00b4':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033', '\u301d', '\u301e':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad':
		return '-'
	case 'ё':
		return 'е'
	case 'Ё':
		return 'Е'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// FoldRune is the one-rune form of Normalize without case folding: quotes,
// dashes, ё and white space unified. It never changes the number of runes,
// so offsets into a folded text equal offsets into the original.
func FoldRune(r rune) rune { return foldRune(r) }

// Normalize returns s in the form used for hashing and comparison: Unicode
// NFKC, lower case, quotes, dashes and ё unified, runs of white space
// collapsed to one space, trimmed.
func Normalize(s string) string {
	return string(AppendNormalized(make([]byte, 0, len(s)), s))
}

// AppendNormalized appends Normalize(s) to dst, for callers that normalize
// many strings into one buffer.
func AppendNormalized(dst []byte, s string) []byte {
	st := normState{space: true}
	return st.append(dst, NFKC(s))
}

// normState is where normalizing stands between the pieces of one text:
// space is set after white space (and at the start, where it is dropped),
// pending when a space is owed before the next character. A space is
// written only before a character, so none trails.
type normState struct{ space, pending bool }

// foldSpace marks white space in asciiFold; no ASCII byte is 0xff.
const foldSpace = 0xff

// asciiFold says what normalizing does to each ASCII byte: the byte it
// becomes (upper case folded, '`' to a quote), or foldSpace.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		case c == ' ', c == '\n', c == '\t', c == '\r', c == '\v', c == '\f':
			t[c] = foldSpace
		}
	}
	return t
}()

// normKept marks the bytes that normalizing leaves as they are: ASCII
// other than upper case, '`' and white space. It is never modified.
var normKept = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiFold[c] == byte(c) && c != ' '
	}
	return t
}()

// keptRun returns where the run starting at s[i] of ASCII and Cyrillic
// letters that normalizing leaves as they are (normKept, keptCyrillic)
// ends, single spaces between them included: the run is its own
// normalized form when a kept character precedes it.
func keptRun(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case normKept[c]:
			i++
		case keptCyrillic(s, i):
			i += 2
		case c == ' ' && i+1 < len(s) && (normKept[s[i+1]] || keptCyrillic(s, i+1)):
			i++
		default:
			return i
		}
	}
	return i
}

// append appends the normalized form of s, already in NFKC, to dst.
func (st *normState) append(dst []byte, s string) []byte {
	space, pending := st.space, st.pending
	for i := 0; i < len(s); {
		var r rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if normKept[c] {
				j := keptRun(s, i+1)
				if pending {
					dst = append(dst, ' ')
					pending = false
				}
				space = false
				dst = append(dst, s[i:j]...)
				i = j
				continue
			}
			i++
			if r = rune(asciiFold[c]); r == foldSpace {
				r = ' '
			}
		case keptCyrillic(s, i):
			j := keptRun(s, i+2)
			if pending {
				dst = append(dst, ' ')
				pending = false
			}
			space = false
			dst = append(dst, s[i:j]...)
			i = j
			continue
		case isCyrillic2(s, i):
			r = foldCyrillic(rune(c&0x1f)<<6 | rune(s[i+1]&0x3f))
			i += 2
		default:
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			r = unicode.ToLower(foldRune(r))
		}
		if r == ' ' {
			pending = pending || !space
			space = true
			continue
		}
		if pending {
			dst = append(dst, ' ')
			pending = false
		}
		space = false
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	st.space, st.pending = space, pending
	return dst
}

// nfkcTableEnd bounds the code points nfkcInert knows; past it, NFKC is
// looked up.
const nfkcTableEnd = 0x2200

// nfkcInert has a bit set for each code point below nfkcTableEnd that
// NFKC leaves as it is wherever it stands: it is normalized on its own
// (quick check Yes) and a starter that combines with nothing before it.
// A text of such code points and ASCII is its own NFKC form; most news
// text is (Latin, Cyrillic, typographic quotes and dashes). It is built
// from the normalization tables once, at start-up (under a millisecond).
var nfkcInert = func() (t [nfkcTableEnd / 64]uint64) {
	var b [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r < nfkcTableEnd; r++ {
		c := b[:utf8.EncodeRune(b[:], r)]
		if norm.NFKC.Properties(c).BoundaryBefore() && norm.NFKC.IsNormal(c) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

// NFKC returns the Unicode NFKC form of s: s itself, without a lookup in
// the normalization tables, when every code point of s is one NFKC keeps
// wherever it stands.
func NFKC(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII, which NFKC keeps: eight bytes at a time while
			// they all are
			i++
			for i+8 <= len(s) && load8(s, i)&0x8080808080808080 == 0 {
				i += 8
			}
			continue
		}
		var r rune
		size := 2
		if c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// a two-byte code point (Latin, Greek, Cyrillic: most of the
			// non-ASCII text there is), decoded here
			r = rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= nfkcTableEnd || nfkcInert[r/64]&(1<<(r%64)) == 0 {
			return norm.NFKC.String(s)
		}
		i += size
	}
	return s
}

// load8 returns s[i:i+8] as a little-endian uint64 (s[i] in the low
// byte), which the compiler makes one load; the caller checks that the
// bytes exist.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Hash returns a stable hex hash of the normalized form of s, so that texts
// differing only in case, quotes, dashes or white space hash the same.
func Hash(s string) string { return HashLines(s) }

// HashLines returns Hash of the lines joined by newlines, normalizing and
// hashing as it goes, with neither the joined text nor its normalized form
// ever held whole. NFKC of each line on its own equals NFKC of the whole,
// since lines meet at a newline, which nothing combines with.
func HashLines(lines ...string) string {
	var (
		h   xxh3.Hasher
		buf [1024]byte
		st  = normState{space: true}
	)
	for k, line := range lines {
		if k > 0 {
			st.append(nil, "\n") // white space, written before what follows
		}
		line = NFKC(line)
		for len(line) > 0 {
			// Pieces of at most a quarter of buf, which normalize to at
			// most three times their bytes (an invalid byte becomes
			// U+FFFD), cut where a code point starts when one does
			// within the bytes a code point can take.
			n := min(len(line), len(buf)/4)
			for back := 0; back < utf8.UTFMax-1 && n < len(line) && n > 1 && !utf8.RuneStart(line[n]); back++ {
				n--
			}
			h.Write(st.append(buf[:0], line[:n]))
			line = line[n:]
		}
	}
	return HashString(h.Sum128().Bytes())
}

// HashString returns a 128-bit xxh3 sum in the form Hash returns it:
// lower-case hex, most significant byte first. Stages that hash the
// normalized text themselves, as it goes by, make the same hash with it.
func HashString(sum [16]byte) string {
	const hexdigits = "0123456789abcdef"
	var out [32]byte
	for i, c := range sum {
		out[2*i] = hexdigits[c>>4]
		out[2*i+1] = hexdigits[c&15]
	}
	return string(out[:])
}
