package clean

import (
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
)

// normCounts count the characters of a normalized line.
type normCounts struct {
	chars  int // code points but spaces
	digits int // of them, ASCII digits
	spaces int
}

// appendNormalized appends textproc.Normalize(s) to dst without a string
// of its own (split normalizes every line of an article into one buffer),
// and counts what it appended.
func appendNormalized(dst []byte, s string) ([]byte, normCounts) {
	start := len(dst)
	dst = textproc.AppendNormalized(dst, s)
	var n normCounts
	for _, c := range dst[start:] {
		switch {
		case c == ' ':
			n.spaces++
		case c >= '0' && c <= '9':
			n.digits++
			n.chars++
		case utf8.RuneStart(c):
			n.chars++
		}
	}
	return dst, n
}
