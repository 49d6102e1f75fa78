package copies

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// token is one word of a text reduced to a hash of its canonical form,
// with its code point offsets.
type token struct {
	h          uint64
	start, end int32
}

// doc is a text prepared for comparison.
type doc struct {
	text  string
	runes int
	toks  []token
}

// prepare tokenizes text and hashes the canonical form of each word.
func prepare(text string) doc {
	d, _ := prepareWith(nil, text)
	return d
}

// prepareWith is prepare tokenizing into buf, which it returns for reuse.
func prepareWith(buf []textproc.Token, text string) (doc, []textproc.Token) {
	tt := textproc.Tokenize(buf[:0], text)
	toks := make([]token, len(tt))
	for i, t := range tt {
		toks[i] = token{h: xxh3.HashString(canonical(t.Term)), start: int32(t.Start), end: int32(t.End)}
	}
	clear(tt) // drop the terms
	return doc{text: text, runes: utf8.RuneCountInString(text), toks: toks}, tt
}

// spelling maps British endings to American ones, so that "recognise" and
// "recognize", "colour" and "color" compare equal. Longer endings first.
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
	term = strings.TrimSuffix(term, "'s")
	if len(term) < 6 || term[0] >= utf8.RuneSelf {
		return term
	}
	switch term[len(term)-1] {
	case 'n', 'g', 'd', 's', 'e', 'r': // how the endings in spelling end
	default:
		return term
	}
	for _, s := range spelling {
		if strings.HasSuffix(term, s.from) {
			return term[:len(term)-len(s.from)] + s.to
		}
	}
	return term
}
