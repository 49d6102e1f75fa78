package copies

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// textQuotes is what one pass over a text finds of its quotations: the
// code point ranges inside quotation marks (straight, curly, angled or
// low-9 double quotes), the text's length in code points, and the byte
// offset of every 64th code point, from which a range of code points is
// found without decoding the text from its start, with the letters
// before it, from which the letters of a range are counted without
// decoding more than the code points past the 64th before each end.
type textQuotes struct {
	// spans holds the ranges inside quotation marks as pairs [start,
	// end), in text order, disjoint
	spans []uint32
	// marks[k] is the byte offset of code point 64k
	marks []uint32
	// letters[k] is how many letters (see isLetter) the code points
	// before 64k hold, and its last element how many the text holds
	letters []uint32
	runes   int
}

// isLetter reports whether r is a letter, as mostly counts them.
func isLetter(r rune) bool {
	return r < utf8.RuneSelf && uint32((r|0x20)-'a') < 26 || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

// scanQuotes finds the quotations of text. A quotation left open runs to
// the end of its paragraph, as multi-paragraph quotes do; a closing mark
// that opens a word (a typesetter's slip) opens a new quote. The three
// slices are appended to spans, marks and letters.
func scanQuotes(text string, spans, marks, letters []uint32) textQuotes {
	open := -1
	closeAt := func(end int) {
		if end > open {
			spans = append(spans, uint32(open), uint32(end))
		}
		open = -1
	}
	// step takes the quotation mark or line end r at byte b, code point i
	step := func(r rune, b, i int) {
		switch r {
		case '\n':
			if open >= 0 {
				closeAt(i)
			}
		case '"':
			if open >= 0 && !followedByWord(text, b) {
				closeAt(i + 1)
			} else if open < 0 {
				open = i
			} else {
				closeAt(i)
				open = i
			}
		case '“', '«', '„':
			if open >= 0 && (r == '“' && !followedByWord(text, b)) {
				closeAt(i + 1)
				break
			}
			if open >= 0 {
				closeAt(i)
			}
			open = i
		case '”', '»':
			if open >= 0 {
				closeAt(i + 1)
			} else if r == '”' && followedByWord(text, b) {
				open = i
			}
		}
	}
	// code points are decoded as a range loop does (an invalid byte is one
	// code point), two-byte sequences (Cyrillic, « ») without a call
	i, nl := 0, uint32(0) // nl counts the letters before i
	for b := 0; b < len(text); i++ {
		if i&63 == 0 {
			marks = append(marks, uint32(b))
			letters = append(letters, nl)
		}
		c := text[b]
		if c < utf8.RuneSelf {
			if i&63 <= 64-8 && b+8 <= len(text) && plainASCII8(text, b) {
				// eight code points that step passes over, none of
				// them 64th after i
				nl += asciiLetters8(text, b)
				b += 8
				i += 7
				continue
			}
			if c == '"' || c == '\n' {
				step(rune(c), b, i)
			} else if uint32((c|0x20)-'a') < 26 {
				nl++
			}
			b++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && b+1 < len(text) && text[b+1]&0xC0 == 0x80 {
			if c == 0xC2 && (text[b+1] == 0xAB || text[b+1] == 0xBB) {
				step(rune(text[b+1]), b, i) // « or »
			} else if unicode.IsLetter(rune(c&0x1F)<<6 | rune(text[b+1]&0x3F)) {
				nl++
			}
			b += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[b:])
		if r>>8 == 0x20 {
			step(r, b, i)
		}
		if unicode.IsLetter(r) {
			nl++
		}
		b += size
	}
	if open >= 0 {
		closeAt(i)
	}
	return textQuotes{spans: spans, marks: marks, letters: append(letters, nl), runes: i}
}

// asciiLetters8 returns how many of the eight bytes of text from b are
// ASCII letters, a word at a time; the bytes are ASCII (plainASCII8).
func asciiLetters8(text string, b int) uint32 {
	_ = text[b+7]
	w := uint64(text[b]) | uint64(text[b+1])<<8 | uint64(text[b+2])<<16 | uint64(text[b+3])<<24 |
		uint64(text[b+4])<<32 | uint64(text[b+5])<<40 | uint64(text[b+6])<<48 | uint64(text[b+7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// each byte lower-cased (as far as letters go) is below 0x80, so
	// adding less than 0x80 - 0x20 to it carries into no other byte: the
	// top bit tells it is at least 'a', then past 'z'
	x := w | 0x20*ones
	atLeastA, pastZ := x+(0x80-'a')*ones, x+(0x80-'z'-1)*ones
	return uint32(bits.OnesCount64(atLeastA &^ pastZ & highs))
}

// plainASCII8 reports whether the eight bytes of text from b are ASCII
// and neither a double quote nor a line end, a word at a time.
func plainASCII8(text string, b int) bool {
	_ = text[b+7]
	w := uint64(text[b]) | uint64(text[b+1])<<8 | uint64(text[b+2])<<16 | uint64(text[b+3])<<24 |
		uint64(text[b+4])<<32 | uint64(text[b+5])<<40 | uint64(text[b+6])<<48 | uint64(text[b+7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, nl := w^('"'*ones), w^('\n'*ones)
	return (w|(q-ones)&^q|(nl-ones)&^nl)&highs == 0
}

// byteAt returns the byte offset in text of code point i (len(text) at
// the end).
func (q *textQuotes) byteAt(text string, i int) int {
	if i >= q.runes {
		return len(text)
	}
	if len(text) == q.runes {
		return i
	}
	b := int(q.marks[i/64])
	for k := i % 64; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	return b
}

// spanAfter returns the index (in pairs) of the first span that ends
// after code point i.
func (q *textQuotes) spanAfter(i int) int {
	n := len(q.spans) / 2
	lo, hi := 0, n
	for lo < hi {
		m := (lo + hi) / 2
		if int(q.spans[2*m+1]) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// any reports whether any code point in [start, end) is inside quotation
// marks.
func (q *textQuotes) any(start, end int) bool {
	end = min(end, q.runes)
	if start >= end {
		return false
	}
	k := q.spanAfter(start)
	return 2*k < len(q.spans) && int(q.spans[2*k]) < end
}

// mostly reports whether most of the letters of text in [start, end) are
// inside quotation marks: seven in ten or more.
func (q *textQuotes) mostly(text string, start, end int) bool {
	end = min(end, q.runes)
	if start >= end {
		return false
	}
	k := q.spanAfter(start)
	if 2*k == len(q.spans) || int(q.spans[2*k]) >= end {
		return false // no quotation mark reaches the range
	}
	all := q.lettersIn(text, start, end)
	if int(q.spans[2*k]) <= start && end <= int(q.spans[2*k+1]) {
		return all > 0 // one quotation holds the range
	}
	in := 0
	for ; 2*k < len(q.spans) && int(q.spans[2*k]) < end; k++ {
		in += q.lettersIn(text, max(start, int(q.spans[2*k])), min(end, int(q.spans[2*k+1])))
	}
	return all > 0 && 10*in >= 7*all
}

// lettersIn returns how many letters the code points of text in [start,
// end) hold, start <= end <= q.runes.
func (q *textQuotes) lettersIn(text string, start, end int) int {
	return q.lettersBefore(text, end) - q.lettersBefore(text, start)
}

// lettersBefore returns how many letters the code points of text before
// i hold, i <= q.runes: those before the 64th code point at or before
// i, counted by scanQuotes, and those from it to i.
func (q *textQuotes) lettersBefore(text string, i int) int {
	n := int(q.letters[i/64])
	rest := i % 64
	if rest == 0 {
		return n
	}
	if len(text) == q.runes {
		// code points are bytes
		b := i - rest
		for ; b+8 <= i; b += 8 {
			if !asciiOnly8(text, b) {
				break
			}
			n += int(asciiLetters8(text, b))
		}
		for ; b < i; b++ {
			if c := text[b]; c < utf8.RuneSelf && uint32((c|0x20)-'a') < 26 {
				n++
			}
		}
		return n
	}
	for _, r := range text[q.marks[i/64]:] {
		if isLetter(r) {
			n++
		}
		if rest--; rest == 0 {
			break
		}
	}
	return n
}

// asciiOnly8 reports whether the eight bytes of text from b are ASCII.
func asciiOnly8(text string, b int) bool {
	_ = text[b+7]
	return (text[b]|text[b+1]|text[b+2]|text[b+3]|text[b+4]|text[b+5]|text[b+6]|text[b+7])&0x80 == 0
}

// wordBits returns a bit for each word starting at the code points
// starts (ascending), set when it starts inside quotation marks.
func (q *textQuotes) wordBits(starts []uint32) []uint64 {
	bits := make([]uint64, (len(starts)+63)/64)
	k := 0
	for w, s := range starts {
		for 2*k < len(q.spans) && q.spans[2*k+1] <= s {
			k++
		}
		if 2*k == len(q.spans) {
			break
		}
		if q.spans[2*k] <= s {
			bits[w/64] |= 1 << (w % 64)
		}
	}
	return bits
}

// quoteMask marks the code points of text that stand inside quotation
// marks, as scanQuotes finds them.
func quoteMask(text string) []bool {
	q := scanQuotes(text, nil, nil, nil)
	mask := make([]bool, q.runes)
	for k := 0; k < len(q.spans); k += 2 {
		for i := q.spans[k]; i < q.spans[k+1]; i++ {
			mask[i] = true
		}
	}
	return mask
}

// followedByWord reports whether the rune at byte b of text is followed
// by a letter or digit.
func followedByWord(text string, b int) bool {
	_, size := utf8.DecodeRuneInString(text[b:])
	r, _ := utf8.DecodeRuneInString(text[b+size:])
	return b+size < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// quoted reports whether most of the letters in [start, end) are inside
// quotation marks.
func quoted(mask []bool, rs []rune, start, end int) bool {
	in, all := 0, 0
	for i := start; i < end && i < len(rs); i++ {
		if !unicode.IsLetter(rs[i]) {
			continue
		}
		all++
		if mask[i] {
			in++
		}
	}
	return all > 0 && 10*in >= 7*all
}
