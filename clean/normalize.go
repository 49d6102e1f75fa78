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

// Counting adds, for each byte of a normalized line, an entry of
// byteCounts: three counters packed in one word, countBits each, so that
// the loop has no branch for text to mispredict. A piece of at most
// countPiece bytes cannot carry a counter into the next.
const (
	countBits  = 21
	countMask  = 1<<countBits - 1
	countPiece = countMask
	countChar  = 1
	countDigit = 1<<countBits | countChar
	countSpace = 1 << (2 * countBits)
)

// byteCounts is what a byte of a normalized line adds to the packed
// counters: a space, an ASCII digit (a character too), the first byte of
// another code point, or nothing (a continuation byte).
var byteCounts = func() (t [256]uint64) {
	for c := range t {
		switch {
		case c == ' ':
			t[c] = countSpace
		case c >= '0' && c <= '9':
			t[c] = countDigit
		case utf8.RuneStart(byte(c)):
			t[c] = countChar
		}
	}
	return t
}()

// appendNormalized appends textproc.Normalize(s) to dst without a string
// of its own (split normalizes every line of an article into one buffer),
// and counts what it appended.
func appendNormalized(dst []byte, s string) ([]byte, normCounts) {
	start := len(dst)
	dst = textproc.AppendNormalized(dst, s)
	var n normCounts
	for b := dst[start:]; len(b) > 0; {
		piece := b[:min(len(b), countPiece)]
		b = b[len(piece):]
		var sum uint64
		for _, c := range piece {
			sum += byteCounts[c]
		}
		n.chars += int(sum & countMask)
		n.digits += int(sum >> countBits & countMask)
		n.spaces += int(sum >> (2 * countBits))
	}
	return dst, n
}
