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
	if !isASCII(s) {
		s = norm.NFKC.String(s) // ASCII is already in NFKC
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

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
