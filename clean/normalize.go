package clean

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
	"golang.org/x/text/unicode/norm"
)

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

// normCounts count the characters of a normalized line.
type normCounts struct {
	chars  int // code points but spaces
	digits int // of them, ASCII digits
	spaces int
}

// appendNormalized appends textproc.Normalize(s) to dst without a string
// of its own (split normalizes every line of an article into one buffer),
// and counts what it appended. TestAppendNormalizedMatchesTextproc holds
// it equal to textproc.Normalize.
func appendNormalized(dst []byte, s string) ([]byte, normCounts) {
	var n normCounts
	s = nfkc(s)
	start := len(dst)
	space := true // drop leading space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if f := asciiFold[c]; f != foldSpace {
				space = false
				dst = append(dst, f)
				n.chars++
				if f-'0' < 10 {
					n.digits++
				}
			} else if !space {
				dst = append(dst, ' ')
				n.spaces++
				space = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(textproc.FoldRune(r))
		if r == ' ' {
			if !space {
				dst = append(dst, ' ')
				n.spaces++
			}
			space = true
			continue
		}
		space = false
		dst = utf8.AppendRune(dst, r)
		n.chars++
		if r-'0' < 10 && r >= '0' {
			n.digits++
		}
	}
	if space && len(dst) > start {
		dst = dst[:len(dst)-1] // the one trailing space a run left
		n.spaces--
	}
	return dst, n
}

// nfkcTableEnd bounds the code points nfkcInert knows; past it, NFKC is
// applied.
const nfkcTableEnd = 0x2200

// nfkcInert has a bit set for each code point below nfkcTableEnd that
// NFKC leaves as it is wherever it stands: it is normalized on its own
// (quick check Yes) and a starter that combines with nothing before it.
// A text of such code points and ASCII is its own NFKC form; most news
// text is (Latin, Cyrillic, typographic quotes and dashes).
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

// nfkc returns the NFKC form of s, without looking it up when every code
// point of s is one nfkcInert knows to keep.
func nfkc(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= nfkcTableEnd || nfkcInert[r/64]&(1<<(r%64)) == 0 {
			return norm.NFKC.String(s)
		}
		i += size
	}
	return s
}
