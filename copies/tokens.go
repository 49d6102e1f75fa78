package copies

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// doc is a text prepared for comparison: its words as hashes of their
// canonical form (the high 32 bits of the full word hash), which are
// what texts are aligned by, and as code point offsets: where each
// starts, and its length in a byte. Nine bytes a word are the bulk of
// what the recent articles hold.
type doc struct {
	text string
	// runes is the length of text in code points; last the code point
	// after its last word (0 for none), which bounds a share of it
	// without reading the word offsets
	runes, last int32
	hs          []uint32
	// starts holds the first code point of each word; lens its length
	// in code points, longWord for a word of longWord or more, whose end
	// is in long
	starts []uint32
	lens   []uint8
	long   map[int32]int32
}

// longWord is the length from which a word's end is kept in doc.long.
const longWord = 255

// start returns the first code point of word i.
func (d *doc) start(i int) int32 { return int32(d.starts[i]) }

// end returns the code point after word i.
func (d *doc) end(i int) int32 {
	if l := d.lens[i]; l < longWord {
		return int32(d.starts[i]) + int32(l)
	}
	return d.long[int32(i)]
}

// setTokens records the offsets of tt, the text's words, in d.starts,
// which holds room for them, and d.lens, and where the last ends.
func (d *doc) setTokens(tt []textproc.Token) {
	d.lens = make([]uint8, len(tt))
	d.last = 0
	if len(tt) > 0 {
		d.last = int32(tt[len(tt)-1].End)
	}
	// the arrays in locals, cut to the words: the loop reads no field
	// and checks no bound
	starts, lens := d.starts[:len(tt)], d.lens[:len(tt)]
	for i := range tt {
		t := &tt[i]
		starts[i] = uint32(t.Start)
		n := t.End - t.Start
		if n >= longWord {
			if d.long == nil {
				d.long = make(map[int32]int32)
			}
			d.long[int32(i)] = int32(t.End)
			n = longWord
		}
		lens[i] = uint8(n)
	}
}

// tokenBytes is the memory the word offsets take.
func (d *doc) tokenBytes() int { return 4*cap(d.starts) + cap(d.lens) + 16*len(d.long) }

// prepare tokenizes text and hashes the canonical form of each word.
func prepare(text string) doc {
	d, _, _ := prepareWith(nil, nil, text)
	return d
}

// prepareWith is prepare tokenizing into buf; it also returns the full
// 64-bit word hashes in wide, from which shingles and fingerprints are
// computed (so that they stay what the index stored before tokens were
// cut to 32 bits). It returns both buffers for reuse.
func prepareWith(buf []textproc.Token, wide []uint64, text string) (doc, []textproc.Token, []uint64) {
	tt := textproc.Tokenize(buf[:0], text)
	hs := make([]uint32, len(tt))
	wide = wide[:0]
	for i, t := range tt {
		h := xxh3.HashString(canonical(t.Term))
		wide = append(wide, h)
		hs[i] = uint32(h >> 32)
	}
	d := doc{text: text, runes: int32(utf8.RuneCountInString(text)), hs: hs, starts: make([]uint32, len(tt))}
	d.setTokens(tt)
	clear(tt) // drop the terms
	return d, tt, wide
}

// spelling maps British endings to American ones, so that "recognise" and
// "recognize", "colour" and "color" compare equal. canonical picks the
// endings to try by a word's last two letters.
var spelling = []struct{ from, to string }{
	{"isation", "ization"}, {"isations", "izations"},
	{"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
	{"ysing", "yzing"}, {"ysed", "yzed"}, {"yse", "yze"},
	{"ours", "ors"}, {"our", "or"},
	{"tres", "ters"}, {"tre", "ter"},
	{"ogue", "og"},
}

// canonical folds a lower-case term to the form words are compared in: a
// possessive "'s" dropped and British spellings made American. Both texts
// go through it, so over-folding only ever joins words, never splits them.
func canonical(term string) string {
	if len(term) < 6 {
		return canonicalShort(term)
	}
	return canonicalLong(term)
}

// canonicalShort is canonical for a term of fewer than six bytes, most
// words: its possessive dropped. It is inlined where it is called, which
// canonical, with its call to canonicalLong, is not.
func canonicalShort(term string) string {
	if n := len(term); n >= 2 && term[n-2] == '\'' && term[n-1] == 's' {
		return term[:n-2]
	}
	return term
}

// canonicalLong is canonical for a term of six bytes or more.
func canonicalLong(term string) string {
	term = strings.TrimSuffix(term, "'s")
	n := len(term)
	if n < 6 || term[0] >= utf8.RuneSelf {
		return term
	}
	// the endings of spelling that a word with these last two letters
	// may have, as indexes into it: no two of them fit one word
	var try [2]int8
	switch uint16(term[n-2])<<8 | uint16(term[n-1]) {
	case 'o'<<8 | 'n':
		try = [2]int8{0, -1}
	case 'n'<<8 | 's':
		try = [2]int8{1, -1}
	case 'n'<<8 | 'g':
		try = [2]int8{2, 6}
	case 'e'<<8 | 'd':
		try = [2]int8{3, 7}
	case 'e'<<8 | 's':
		try = [2]int8{4, 11}
	case 's'<<8 | 'e':
		try = [2]int8{5, 8}
	case 'r'<<8 | 's':
		try = [2]int8{9, -1}
	case 'u'<<8 | 'r':
		try = [2]int8{10, -1}
	case 'r'<<8 | 'e':
		try = [2]int8{12, -1}
	case 'u'<<8 | 'e':
		try = [2]int8{13, -1}
	default:
		return term
	}
	for _, k := range try {
		if k < 0 {
			break
		}
		// the first letter of the ending rules out most words that end
		// in its last two, without comparing the rest
		if s := spelling[k]; n >= len(s.from) && term[n-len(s.from)] == s.from[0] && term[n-len(s.from):] == s.from {
			return term[:n-len(s.from)] + s.to
		}
	}
	return term
}
