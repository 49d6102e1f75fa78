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
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = norm.NFKC.String(s) // ASCII is already in NFKC
			break
		}
	}
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
