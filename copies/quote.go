package copies

import (
	"unicode"
	"unicode/utf8"
)

// textQuotes is what one pass over a text finds of its quotations: the
// code point ranges inside quotation marks (straight, curly, angled or
// low-9 double quotes), the text's length in code points, and the byte
// offset of every 64th code point, from which a range of code points is
// found without decoding the text from its start.
type textQuotes struct {
	// spans holds the ranges inside quotation marks as pairs [start,
	// end), in text order, disjoint
	spans []uint32
	// marks[k] is the byte offset of code point 64k
	marks []uint32
	runes int
}

// scanQuotes finds the quotations of text. A quotation left open runs to
// the end of its paragraph, as multi-paragraph quotes do; a closing mark
// that opens a word (a typesetter's slip) opens a new quote. The two
// slices are appended to spans and marks.
func scanQuotes(text string, spans, marks []uint32) textQuotes {
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
	i := 0
	for b := 0; b < len(text); i++ {
		if i&63 == 0 {
			marks = append(marks, uint32(b))
		}
		c := text[b]
		if c < utf8.RuneSelf {
			if i&63 <= 64-8 && b+8 <= len(text) && plainASCII8(text, b) {
				// eight code points that step passes over, none of
				// them 64th after i
				b += 8
				i += 7
				continue
			}
			if c == '"' || c == '\n' {
				step(rune(c), b, i)
			}
			b++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && b+1 < len(text) && text[b+1]&0xC0 == 0x80 {
			if c == 0xC2 && (text[b+1] == 0xAB || text[b+1] == 0xBB) {
				step(rune(text[b+1]), b, i) // « or »
			}
			b += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[b:])
		if r>>8 == 0x20 {
			step(r, b, i)
		}
		b += size
	}
	if open >= 0 {
		closeAt(i)
	}
	return textQuotes{spans: spans, marks: marks, runes: i}
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
// inside quotation marks.
func (q *textQuotes) mostly(text string, start, end int) bool {
	end = min(end, q.runes)
	if start >= end {
		return false
	}
	k := q.spanAfter(start)
	if 2*k == len(q.spans) || int(q.spans[2*k]) >= end {
		return false // no quotation mark reaches the range
	}
	inside := int(q.spans[2*k]) <= start && end <= int(q.spans[2*k+1])
	in, all := 0, 0
	i := start
	for _, r := range text[q.byteAt(text, start):] {
		if i >= end {
			break
		}
		if (i-start)&63 == 63 && 3*(end-i) < 7*all-10*in {
			// even were every code point left a quoted letter, fewer
			// than seven in ten would be quoted
			return false
		}
		if r < utf8.RuneSelf && uint32((r|0x20)-'a') < 26 || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if inside {
				return true // one quotation holds the range and a letter
			}
			all++
			for 2*k < len(q.spans) && int(q.spans[2*k+1]) <= i {
				k++
			}
			if 2*k < len(q.spans) && int(q.spans[2*k]) <= i {
				in++
			}
		}
		i++
	}
	return all > 0 && 10*in >= 7*all
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
	q := scanQuotes(text, nil, nil)
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
