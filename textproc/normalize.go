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
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

// appendNormalized appends the normalized form of s to dst.
func appendNormalized(dst []byte, s string) []byte {
	if !nfkcStable(s) {
		s = norm.NFKC.String(s)
	}
	space := true // drop leading space
	for i := 0; i < len(s); {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			case c == ' ', c == '\n', c == '\t', c == '\r', c == '\v', c == '\f':
				if !space {
					dst = append(dst, ' ')
				}
				space = true
				continue
			}
			space = false
			dst = append(dst, c)
			continue
		}
		if isCyrillic2(s, i) {
			space = false
			dst = utf8.AppendRune(dst, foldCyrillic(rune(s[i]&0x1f)<<6|rune(s[i+1]&0x3f)))
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(foldRune(r))
		if r == ' ' {
			if !space {
				dst = append(dst, ' ')
			}
			space = true
			continue
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	for len(dst) > 0 && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// nfkcStable reports, without the normalisation tables, that s is in
// NFKC for certain: every code point of s is ASCII or one of the common
// non-ASCII letters and signs of news text (Latin-1, Cyrillic, general
// punctuation, currency signs) that NFKC leaves as they are and that
// never combine with the code point before them, so that no sequence of
// them changes either. False means s may need normalising.
// TestNFKCStable checks the set against the tables.
func nfkcStable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c < 0xe0 {
			// two bytes: U+0080–U+07FF
			if i+1 >= len(s) || s[i+1]&0xc0 != 0x80 {
				return false
			}
			lo := s[i+1] & 0x3f
			switch c {
			case 0xc2: // U+0080–U+00BF
				if stableC2&(1<<lo) == 0 {
					return false
				}
			case 0xc3, 0xd0, 0xd1, 0xd3: // U+00C0–U+00FF, U+0400–U+047F, U+04C0–U+04FF
			case 0xd2: // U+0480–U+04BF but the combining U+0483–U+0487
				if lo >= 3 && lo <= 7 {
					return false
				}
			default:
				return false
			}
			i += 2
			continue
		}
		// three bytes: U+2000–U+203F and U+2080–U+20BF only
		if c != 0xe2 || i+2 >= len(s) || s[i+2]&0xc0 != 0x80 {
			return false
		}
		lo := s[i+2] & 0x3f
		switch s[i+1] {
		case 0x80:
			if stable2000&(1<<lo) == 0 {
				return false
			}
		case 0x82:
			if stable2080&(1<<lo) == 0 {
				return false
			}
		default:
			return false
		}
		i += 3
	}
	return true
}

// The code points of U+0080–U+00BF, U+2000–U+203F and U+2080–U+20BF
// that nfkcStable accepts, as bits by offset in their block of 64:
// U+0080–U+009F, U+00A1–U+00A7, ©, «–®, °, ±, ¶, ·, », ¿; U+200B–U+2010,
// U+2012–U+2016, U+2018–U+2023, U+2027–U+202E, U+2030–U+2032, U+2035,
// U+2038–U+203B, U+203D, U+203F; U+208F, U+209D–U+20A7, U+20A9–U+20BF.
const (
	stableC2   uint64 = 0x88c37afeffffffff
	stable2000 uint64 = 0xaf277f8fff7df800
	stable2080 uint64 = 0xfffffeffe0008000
)

// Hash returns a stable hex hash of the normalized form of s, so that texts
// differing only in case, quotes, dashes or white space hash the same.
func Hash(s string) string {
	h := xxh3.Hash128(appendNormalized(make([]byte, 0, len(s)), s)).Bytes()
	const hexdigits = "0123456789abcdef"
	out := make([]byte, 32)
	for i, c := range h {
		out[2*i] = hexdigits[c>>4]
		out[2*i+1] = hexdigits[c&15]
	}
	return string(out)
}
