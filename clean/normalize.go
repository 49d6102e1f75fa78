package clean

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
	"golang.org/x/text/unicode/norm"
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

// Normalizing a line with no code point that needs its neighbours looks
// each one up in a table: an ASCII byte in asciiOut, a two-byte code
// point (Latin, Greek, Cyrillic and more) in twoByte, and one of the
// typographic block U+2000–U+21FF (quotes, dashes, spaces, ellipsis, №)
// in punctBlock. The tables are built from textproc.Normalize itself, so
// that they say what it does. A code point in none of them, or marked
// slow, sends the line to appendNormalized.
const (
	outSpace = 0xff // asciiOut: white space
	outSlow  = 0xfe // asciiOut: not in the table

	punctFirst = 0x2000
	punctEnd   = 0x2200
)

// foldKind says what a table entry holds.
type foldKind uint8

const (
	foldSlow  foldKind = iota // the code point needs appendNormalized
	foldBytes                 // it normalizes to out[:n]
	foldWhite                 // it is white space
)

// foldEntry is what normalizing does to one code point: the bytes it
// becomes and what they add to the packed counters.
type foldEntry struct {
	counts uint64
	out    [6]byte
	n      uint8
	kind   foldKind
}

var (
	asciiOut   [utf8.RuneSelf]byte
	twoByte    [0x800 - utf8.RuneSelf]foldEntry
	punctBlock [punctEnd - punctFirst]foldEntry
)

func init() {
	for c := range rune(utf8.RuneSelf) {
		e := foldOf(c)
		switch {
		case e.kind == foldWhite:
			asciiOut[c] = outSpace
		case e.kind == foldBytes && e.n == 1 && e.out[0] < utf8.RuneSelf:
			asciiOut[c] = e.out[0]
		default:
			asciiOut[c] = outSlow
		}
	}
	for r := rune(utf8.RuneSelf); r < 0x800; r++ {
		twoByte[r-utf8.RuneSelf] = foldOf(r)
	}
	for r := rune(punctFirst); r < punctEnd; r++ {
		punctBlock[r-punctFirst] = foldOf(r)
	}
}

// foldOf finds what normalizing does to r wherever it stands: what it
// becomes between two inert characters. r must start a segment under
// NFKC, combining with nothing before it; what follows it and could
// combine with it (a combining mark) starts no segment and is slow, so
// that a line the tables take is normalized a code point at a time. What
// r becomes must be white space alone or hold none, and be at most six
// bytes. Any other code point is slow.
func foldOf(r rune) foldEntry {
	if r >= utf8.RuneSelf {
		p := norm.NFKC.PropertiesString(string(r))
		if !p.BoundaryBefore() {
			return foldEntry{}
		}
	}
	const mark = "\x01" // inert, and left as it is by normalizing
	got := textproc.Normalize(mark + string(r) + mark)
	if len(got) < 2*len(mark) || got[:len(mark)] != mark || got[len(got)-len(mark):] != mark {
		return foldEntry{}
	}
	out := got[len(mark) : len(got)-len(mark)]
	switch {
	case out == " ":
		return foldEntry{kind: foldWhite}
	case out == "" || len(out) > len(foldEntry{}.out) || strings.IndexByte(out, ' ') >= 0 ||
		!utf8.ValidString(out):
		return foldEntry{}
	}
	e := foldEntry{kind: foldBytes, n: uint8(len(out))}
	copy(e.out[:], out)
	for i := range len(out) {
		e.counts += byteCounts[out[i]]
	}
	return e
}

// maxFastLine is the longest line appendNormalizedFast takes: its packed
// counters cannot carry over on a line that grows at most threefold.
const maxFastLine = countPiece / 3

// appendNormalizedFast is appendNormalized for lines whose code points
// the tables know, in one pass that normalizes and counts. It reports
// false, with dst as it was, for any other line.
func appendNormalizedFast(dst []byte, s string) ([]byte, normCounts, bool) {
	if len(s) > maxFastLine {
		return dst, normCounts{}, false
	}
	start := len(dst)
	var sum uint64
	pending := false // a space is owed before the next character
	wordFrom := 0    // where eight bytes at once may be tried again
	for i := 0; i < len(s); {
		// Eight bytes of ASCII that need only their case folded (see
		// fold8), single spaces between words, go at once.
		for !pending && i >= wordFrom && i+8 <= len(s) {
			raw := load8(s, i)
			if hi := raw & highBits; hi != 0 {
				// Not before the first byte that is not ASCII has gone
				// bytewise, nor, in text mostly not ASCII (Cyrillic),
				// before the eight bytes have.
				wordFrom = i + 1 + bits.TrailingZeros64(hi)/8
				if bits.OnesCount64(hi) >= 4 {
					wordFrom = i + 8
				}
				break
			}
			w, ok := fold8(raw)
			if !ok {
				break
			}
			sp := equal8(w, ' ')
			if sp&(sp<<8) != 0 || sp&0x80 != 0 && len(dst) == start ||
				sp>>63 != 0 && (i+8 == len(s) || s[i+8] >= utf8.RuneSelf || asciiOut[s[i+8]] >= utf8.RuneSelf) {
				break
			}
			dg := atLeast8(w, '0') &^ atLeast8(w, '9'+1)
			ns := uint64(bits.OnesCount64(sp))
			sum += (8-ns)*countChar + uint64(bits.OnesCount64(dg))<<countBits + ns*countSpace
			dst = binary.LittleEndian.AppendUint64(dst, w)
			i += 8
		}
		// The last one to seven bytes go at once too, as the top of the
		// line's last eight bytes shifted down: the zero bytes shifted in
		// are kept, and neither spaces nor digits.
		if r := len(s) - i; !pending && i >= wordFrom && r > 0 && r < 8 && len(s) >= 8 {
			raw := load8(s, len(s)-8) >> (8 * (8 - r))
			w, ok := fold8(raw)
			sp := equal8(w, ' ')
			if raw&highBits == 0 && ok && sp&(sp<<8) == 0 && (sp&0x80 == 0 || len(dst) > start) && sp>>(8*r-1) == 0 {
				dg := atLeast8(w, '0') &^ atLeast8(w, '9'+1)
				ns := uint64(bits.OnesCount64(sp))
				sum += (uint64(r)-ns)*countChar + uint64(bits.OnesCount64(dg))<<countBits + ns*countSpace
				dst = binary.LittleEndian.AppendUint64(dst, w)[:len(dst)+r]
				i = len(s)
			}
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch o := asciiOut[c]; o {
			case outSpace:
				pending = len(dst) > start
			case outSlow:
				return dst[:start], normCounts{}, false
			default:
				if pending {
					dst = append(dst, ' ')
					sum += countSpace
					pending = false
				}
				dst = append(dst, o)
				sum += byteCounts[o]
			}
			continue
		}
		var e *foldEntry
		switch {
		case c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			e = &twoByte[(rune(c&0x1f)<<6|rune(s[i+1]&0x3f))-utf8.RuneSelf]
			i += 2
		case c == 0xe2 && i+2 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0x88 && s[i+2]&0xc0 == 0x80:
			// U+2000–U+21FF is e2 80 80 to e2 87 bf
			e = &punctBlock[rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f)]
			i += 3
		default:
			return dst[:start], normCounts{}, false
		}
		switch e.kind {
		case foldSlow:
			return dst[:start], normCounts{}, false
		case foldWhite:
			pending = len(dst) > start
			continue
		}
		if pending {
			dst = append(dst, ' ')
			sum += countSpace
			pending = false
		}
		if e.n == 2 {
			dst = append(dst, e.out[0], e.out[1]) // Cyrillic, Greek, Latin
		} else {
			dst = append(dst, e.out[:e.n]...)
		}
		sum += e.counts
	}
	return dst, normCounts{
		chars:  int(sum & countMask),
		digits: int(sum >> countBits & countMask),
		spaces: int(sum >> (2 * countBits)),
	}, true
}

// load8 returns the eight bytes of s from i as a little-endian word.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Eight bytes at a time: oneBits times a byte repeats it in each byte of
// a word, and highBits holds each byte's top bit.
const (
	oneBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// atLeast8 marks, for a word of ASCII bytes, each byte that is at least
// c: adding 0x80-c to a byte below 0x80 sets its top bit exactly then,
// and carries into no other byte.
func atLeast8(w uint64, c byte) uint64 { return (w + oneBits*uint64(0x80-c)) & highBits }

// equal8 marks each byte of w equal to c.
func equal8(w uint64, c byte) uint64 {
	x := w ^ oneBits*uint64(c)
	return ^((x&^highBits + oneBits*0x7f) | x) & highBits
}

// fold8 normalizes w, eight bytes of ASCII, spaces aside: upper case
// letters become lower case. It reports false when a byte is not ASCII,
// is '`' or white space other than a space, which the bytewise path
// normalizes.
func fold8(w uint64) (uint64, bool) {
	upper := (w + oneBits*(0x80-'A')) &^ (w + oneBits*(0x80-'Z'-1))
	white := (w + oneBits*(0x80-'\t')) &^ (w + oneBits*(0x80-'\r'-1))
	x := w ^ oneBits*'`'
	tick := ^(x&^highBits + oneBits*0x7f | x)
	// The top bits of upper and white are right for ASCII, and w has
	// none set when the whole is zero.
	return w | upper&highBits>>2, (w|white|tick)&highBits == 0
}
