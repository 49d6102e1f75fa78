package story

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/textproc"
)

// sentence is one sentence of an article's clean text.
type sentence struct {
	article int // index into the assembly's ordered articles
	pos     int // index of the sentence in its article
	start   int // code point offsets into the article's Text
	end     int
	text    string
	terms   []int32 // until document frequencies are known
	vec     vector
	ntok    int
}

// abbreviations are words that end with a period without ending the
// sentence, lower case and without the period. Single letters ("U.S.",
// "J.") are handled separately.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "gen": true, "sen": true, "rep": true, "gov": true,
	"lt": true, "col": true, "sgt": true, "capt": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "no": true, "vs": true, "etc": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"fig": true, "est": true, "dept": true, "univ": true, "mt": true, "ft": true,
	"г": true, "гг": true, "т": true, "е": true, "им": true, "ул": true, "см": true,
	"тыс": true, "млн": true, "млрд": true, "руб": true, "др": true, "пр": true,
}

// splitSentences splits text into sentences with code point offsets. A
// sentence ends at '.', '!', '?' or '…' (with any closing quotes or
// brackets after it) followed by white space and a capital letter, a digit
// or an opening quote or dash; and at every line break. A period after an
// abbreviation or a single letter does not end a sentence.
func splitSentences(text string) []span {
	rs := []rune(text)
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			emit(i + 1)
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + 1
		for j < len(rs) && (isClosing(rs[j]) || rs[j] == '.' || rs[j] == '!' || rs[j] == '?') {
			j++
		}
		if j >= len(rs) || !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) && rs[k] != '\n' {
			k++
		}
		if k < len(rs) && rs[k] != '\n' && !startsSentence(rs[k]) {
			continue
		}
		if r == '.' && isAbbreviation(rs, i) {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(rs))
	return out
}

// span is a half-open range of code points.
type span struct{ start, end int }

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '›':
		return true
	}
	return false
}

func startsSentence(r rune) bool {
	if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Lo, r) {
		return true
	}
	switch r {
	case '"', '\'', '“', '‘', '«', '„', '(', '[', '-', '–', '—', '‹':
		return true
	}
	return false
}

// isAbbreviation reports whether the word before the period at i is an
// abbreviation or a single letter.
func isAbbreviation(rs []rune, i int) bool {
	j := i
	for j > 0 && (unicode.IsLetter(rs[j-1]) || rs[j-1] == '.') {
		j--
	}
	word := strings.ToLower(strings.Trim(string(rs[j:i]), "."))
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") { // "U.S", "т.е"
		return true
	}
	if len([]rune(word)) == 1 {
		return true
	}
	return abbreviations[word]
}

// vector is a sparse term vector of unit length, sorted by term id.
type vector []termWeight

type termWeight struct {
	term int32
	w    float32
}

// dot returns the dot product of two sorted vectors: their cosine
// similarity, since both have unit length.
func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// dictionary interns terms and counts, for each, how many of the
// assembly's sentences contain it.
type dictionary struct {
	// an analyses text in the story's main language: stop words out,
	// words stemmed, so that "strike" and "strikes" are one term.
	an   textproc.Analyzer
	ids  map[string]int32
	df   []int
	docs int
	toks []textproc.Token
}

func newDictionary(lang string) *dictionary {
	return &dictionary{an: textproc.ForLang(lang), ids: make(map[string]int32)}
}

// terms returns the ids of text's terms, with repeats, skipping tokens
// that carry no meaning on their own (single characters and numbers).
func (d *dictionary) terms(text string) []int32 {
	d.toks = d.an.Analyze(d.toks[:0], text)
	out := make([]int32, 0, len(d.toks))
	for _, t := range d.toks {
		if len(t.Term) < 2 || isNumber(t.Term) {
			continue
		}
		id, ok := d.ids[t.Term]
		if !ok {
			id = int32(len(d.df))
			d.ids[t.Term] = id
			d.df = append(d.df, 0)
		}
		out = append(out, id)
	}
	return out
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// count records one document's terms for document frequencies.
func (d *dictionary) count(terms []int32) {
	d.docs++
	seen := make(map[int32]bool, len(terms))
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			d.df[t]++
		}
	}
}

// idf is the inverse document frequency of a term over the counted
// sentences. Words in most sentences ("the", "и") weigh nearly nothing, so
// no stop word list is needed for any language; a word in no counted
// sentence weighs nothing either.
func (d *dictionary) idf(t int32) float64 {
	df := 0
	if int(t) < len(d.df) {
		df = d.df[t]
	}
	if df == 0 {
		return 0
	}
	return math.Log(float64(d.docs+1) / float64(df))
}

// vector weighs terms by tf-idf and normalises to unit length.
func (d *dictionary) vector(terms []int32) vector {
	if len(terms) == 0 {
		return nil
	}
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	v := make(vector, 0, len(sorted))
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		tf := 1 + math.Log(float64(j-i))
		if w := tf * d.idf(sorted[i]); w > 0 {
			v = append(v, termWeight{sorted[i], float32(w)})
		}
		i = j
	}
	normalize(v)
	return v
}

func normalize(v vector) {
	var n float64
	for _, tw := range v {
		n += float64(tw.w) * float64(tw.w)
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w = float32(float64(v[i].w) / n)
	}
}

// centroid sums vectors and returns the unit-length result.
func centroid(vs []vector) vector {
	sum := make(map[int32]float64)
	for _, v := range vs {
		for _, tw := range v {
			sum[tw.term] += float64(tw.w)
		}
	}
	c := make(vector, 0, len(sum))
	for t, w := range sum {
		c = append(c, termWeight{t, float32(w)})
	}
	slices.SortFunc(c, func(a, b termWeight) int { return int(a.term) - int(b.term) })
	normalize(c)
	return c
}
