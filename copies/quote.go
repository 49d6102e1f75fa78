package copies

import (
	"unicode"
	"unicode/utf8"
)

// textBits returns two bit sets over the code points of text, which has
// n of them: those inside quotation marks (straight, curly, angled or
// low-9 double quotes) and the letters. A quotation left open runs to the
// end of its paragraph, as multi-paragraph quotes do; a closing mark that
// opens a word (a typesetter's slip) opens a new quote.
func textBits(text string, n int) (quotes, letters []uint64) {
	words := (n + 63) / 64
	buf := make([]uint64, 2*words)
	quotes, letters = buf[:words:words], buf[words:]
	open := -1
	closeAt := func(end int) {
		setRange(quotes, open, end)
		open = -1
	}
	// the letters of the current 64 code points, flushed when full
	var cur uint64
	i := 0
	for b := 0; b < len(text); i++ {
		if i&63 == 0 && i > 0 {
			letters[i/64-1], cur = cur, 0
		}
		c := text[b]
		if c < utf8.RuneSelf {
			b++
			if uint32((c|0x20)-'a') < 26 {
				cur |= 1 << (i & 63)
				continue
			}
			switch c {
			case '\n':
				if open >= 0 {
					closeAt(i)
				}
			case '"':
				if open >= 0 && !followedByWord(text, b-1) {
					closeAt(i + 1)
				} else if open < 0 {
					open = i
				} else {
					closeAt(i)
					open = i
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[b:])
		if unicode.IsLetter(r) {
			cur |= 1 << (i & 63)
		}
		switch r {
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
		b += size
	}
	if i > 0 {
		letters[(i-1)/64] = cur
	}
	if open >= 0 {
		closeAt(i)
	}
	return quotes, letters
}

// setRange sets bits [from, to) of set.
func setRange(set []uint64, from, to int) {
	for from < to {
		w, lo := from/64, from%64
		hi := min(64, lo+to-from)
		mask := ^uint64(0) << lo
		if hi < 64 {
			mask &= 1<<hi - 1
		}
		set[w] |= mask
		from += hi - lo
	}
}

// quoteMask marks the code points of text that stand inside quotation
// marks, as textBits does.
func quoteMask(text string) []bool {
	n := utf8.RuneCountInString(text)
	quotes, _ := textBits(text, n)
	mask := make([]bool, n)
	for i := range mask {
		mask[i] = quotes[i/64]&(1<<(i%64)) != 0
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
