package copies

import "unicode"

// quoteMask marks the code points of text that stand inside quotation
// marks (straight, curly, angled or low-9 double quotes). A quotation left
// open runs to the end of its paragraph, as multi-paragraph quotes do; a
// closing mark that opens a word (a typesetter's slip) opens a new quote.
func quoteMask(text string) []bool {
	rs := []rune(text)
	mask := make([]bool, len(rs))
	open := -1
	closeAt := func(end int) {
		for i := open; i < end; i++ {
			mask[i] = true
		}
		open = -1
	}
	for i, r := range rs {
		switch r {
		case '\n':
			if open >= 0 {
				closeAt(i)
			}
		case '“', '«', '„':
			if open >= 0 && (r == '“' && !followedByWord(rs, i)) {
				closeAt(i + 1)
				continue
			}
			if open >= 0 {
				closeAt(i)
			}
			open = i
		case '”', '»':
			if open >= 0 {
				closeAt(i + 1)
			} else if r == '”' && followedByWord(rs, i) {
				open = i
			}
		case '"':
			if open >= 0 && !followedByWord(rs, i) {
				closeAt(i + 1)
			} else if open < 0 {
				open = i
			} else {
				closeAt(i)
				open = i
			}
		}
	}
	if open >= 0 {
		closeAt(len(rs))
	}
	return mask
}

func followedByWord(rs []rune, i int) bool {
	return i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1]))
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
