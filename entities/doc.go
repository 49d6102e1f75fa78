package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
)

// Doc is an article's text prepared for reading: its code points, tokens,
// sentence and paragraph structure. The quotes package reads the same Doc.
type Doc struct {
	// Text is the article's clean text as code points.
	Text []rune
	// Tokens are textproc tokens with code point offsets.
	Tokens []textproc.Token
	// SentStart reports, per token, whether it opens a sentence (or a
	// quotation), where capitalisation says nothing about names.
	SentStart []bool
	// Para is, per token, the index of its paragraph (lines split at '\n').
	Para []int
	// Words are, per token, the words of the text as
	// textproc.ScanWords gives them, located in bytes of the text Reset
	// was given, for a reader that hands them on to a later stage (the
	// clusterer), spared scanning the text again. They are nil when
	// that text is not valid UTF-8 (Text is then respelled, and its
	// offsets are no longer the text's); they are Reset's, of no use to
	// a caller that sets Tokens itself.
	Words []textproc.Word

	// src is Text as a string, so that Slice takes substrings without
	// allocating; off is the byte offset in src of each code point and of
	// the end. ascii reports that every code point is one byte, when off
	// is not needed.
	src   string
	off   []int32
	ascii bool
	// caps is, per token, Capitalized's answer, set by NewDoc; capAt
	// lists the tokens capitalised, in order.
	caps  []bool
	capAt []int32
	// flags holds SentStart and caps, side by side: kept whole, since
	// SentStart's capacity ends where caps starts, so that the next
	// Reset finds the room they had.
	flags []bool
	// words keeps Words' memory, for when Words is nil.
	words []textproc.Word
	// work is Recognize's working memory, kept with the Doc so that a
	// Doc reused with Reset reads the next article without allocating.
	work *work
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = set(`mr mrs ms dr sen rep gov st jr sr gen lt col sgt adm prof rev gov
no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u s d c p m a`)

// NewDoc tokenizes text and finds its sentences and paragraphs.
func NewDoc(text string) *Doc {
	d := new(Doc)
	d.Reset(text)
	return d
}

// Reset makes d the Doc of text, as NewDoc(text) would return, reusing
// the memory d holds: a reader of many articles resets one Doc (or a few,
// pooled) rather than allocating one per article. Whatever was taken from
// d before — its slices, a Result of Recognize — is overwritten.
func (d *Doc) Reset(text string) {
	d.src = text
	d.decode()
	// decode respells an invalid text, each invalid byte as the three
	// of U+FFFD: a valid one keeps its length
	valid := len(d.src) == len(text)
	if min := len(d.Text) / 5; cap(d.Tokens) < min {
		d.Tokens = make([]textproc.Token, 0, min)
	}
	d.Tokens = textproc.Tokenize(d.Tokens[:0], text)
	n := len(d.Tokens)
	flags := d.flags[:cap(d.flags)]
	if len(flags) < 2*n {
		flags = make([]bool, 2*n)
		d.flags = flags
	}
	d.SentStart, d.caps = flags[:n:n], flags[n:2*n]
	if cap(d.Para) < n {
		d.Para = make([]int, n)
	}
	d.Para = d.Para[:n]
	if cap(d.words) < n {
		d.words = make([]textproc.Word, n)
	}
	d.words = d.words[:n]
	d.fillWords()
	para := 0
	prevEnd := 0
	// locals of the lengths checked once, so that the loop writes
	// without bounds checks
	toks, runes := d.Tokens, d.Text
	sent, caps, paras := d.SentStart[:n], d.caps[:n], d.Para[:n]
	if cap(d.capAt) < n {
		d.capAt = make([]int32, 0, n) // every token, at most
	}
	// capAt is written in place, every token's index, and kept by
	// advancing nCap when the token is capitalised: no branch on the
	// capitals, which follow the text unpredictably
	capAt, nCap := d.capAt[:n], 0
	// The loop calls nothing for most tokens, so that its variables stay
	// in registers: a gap where a sentence or a paragraph may start goes
	// to gapStarts, a code point beyond the basic Cyrillic letters to the
	// unicode tables.
	for i := range toks {
		t := &toks[i]
		r0 := runes[t.Start]
		upper := uint32(r0-'A') < 26 // A…Z
		if r0 >= utf8.RuneSelf {
			upper = uint32(r0-0x400) < 0x30 // Ѐ…Я
			if uint32(r0-0x400) >= 0x60 {   // beyond а…џ
				upper = unicode.IsUpper(r0)
			}
		}
		capAt[nCap] = int32(i)
		nCap += b2i(upper)
		// one space since the last token, as most gaps, or a comma and
		// a space, as most others: neither a sentence nor a paragraph
		// starts
		start := false
		if g := t.Start - prevEnd; i == 0 || !(g == 1 && runes[prevEnd] == ' ' || g == 2 && runes[prevEnd] == ',' && runes[prevEnd+1] == ' ') {
			start, para = d.gapStarts(i, prevEnd, para, upper)
			// the gaps passed over open no sentence for ScanWords
			// either: a space, or a comma and a space, after a word
			d.words[i].Initial = textproc.InitialAfter(d.Slice(prevEnd, t.Start), i == 0)
		}
		sent[i], caps[i], paras[i] = start, upper, para
		prevEnd = t.End
	}
	d.capAt = capAt[:nCap]
	// the words' capitals are the tokens'
	words := d.words
	for _, k := range d.capAt {
		words[k].Capital = true
	}
	d.Words = nil
	if valid {
		d.Words = words
	}
}

// fillWords sets d.words, of as many words as d has tokens, to the
// tokens' places in code points and in bytes of src, neither capital
// nor initial: Reset's loop over the tokens sets those where they are,
// so that this loop, of its own, keeps its variables in registers as
// Reset's does.
func (d *Doc) fillWords() {
	toks, words := d.Tokens, d.words[:len(d.Tokens)]
	if d.ascii {
		for i := range toks {
			t := &toks[i]
			words[i] = textproc.Word{Byte: int32(t.Start), Len: int32(t.End - t.Start), Start: int32(t.Start), End: int32(t.End)}
		}
		return
	}
	off := d.off
	for i := range toks {
		t := &toks[i]
		b := off[t.Start]
		words[i] = textproc.Word{Byte: b, Len: off[t.End] - b, Start: int32(t.Start), End: int32(t.End)}
	}
}

// gapStarts is Reset's reading of the gap before token i, which ends
// the token before at prevEnd, in paragraph para: it reports whether
// token i, capitalised when upper, starts a sentence, and the paragraph
// it is in.
//
//go:noinline
func (d *Doc) gapStarts(i, prevEnd, para int, upper bool) (bool, int) {
	toks, runes := d.Tokens, d.Text
	t := &toks[i]
	start := i == 0
	sawStop, sawQuote, sawColon, sawSpace := false, false, false, false
	for _, r := range runes[prevEnd:t.Start] {
		switch {
		case r == ' ':
			sawSpace = true
		case r == '\n':
			sawSpace = true
			para++
			start = true
		case r == '.' || r == '!' || r == '?' || r == '…':
			sawStop = true
		case r == ':':
			sawStop, sawColon = true, true
		case isOpenQuote(r) || isQuoteMark(r) && sawStop:
			sawQuote = true
		case isSpace(r):
			sawSpace = true
		}
	}
	if sawStop && sawSpace && i > 0 {
		prev := &toks[i-1]
		// a capital initial ("Elijah E. Cummings") ends no sentence
		initial := prev.End-prev.Start == 1 && isUpper(runes[prev.Start])
		abbrev := runes[prev.End] == '.' && (initial || abbreviations.has(prev.Term))
		first := runes[t.Start]
		upper := isUpper(first) || unicode.IsDigit(first) && !sawColon
		if upper && (!abbrev || prev.End-prev.Start > 1 && !titles.has(prev.Term)) {
			start = true
		}
	}
	if sawQuote && upper {
		start = true
	}
	return start, para
}

// capitalizedTokens returns the indexes of the capitalised tokens, in
// order: those Reset listed, or, when the caller set Tokens, a list made
// in *buf, which keeps its memory.
func (d *Doc) capitalizedTokens(buf *[]int32) []int32 {
	if len(d.caps) == len(d.Tokens) {
		return d.capAt
	}
	l := (*buf)[:0]
	for i := range d.Tokens {
		if d.Capitalized(i) {
			l = append(l, int32(i))
		}
	}
	*buf = l
	return l
}

// b2i returns 1 for true and 0 for false, which the compiler makes
// without a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isSpace is unicode.IsSpace, answered at once for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// decode sets Text to the code points of src and off to their byte
// offsets. An invalid byte decodes as U+FFFD, as in []rune(src); src is
// then respelled so that Slice agrees with string(Text[start:end]).
func (d *Doc) decode() {
	src := d.src
	size := len(src) // code points at most
	if cap(d.Text) < size || cap(d.off) < size+1 {
		size = utf8.RuneCountInString(src)
	}
	if cap(d.Text) < size {
		d.Text = make([]rune, size)
	}
	if cap(d.off) < size+1 {
		d.off = make([]int32, size+1)
	}
	text, off := d.Text[:cap(d.Text)], d.off[:cap(d.off)]
	valid := true
	k := 0
	// ASCII first, where a code point's offset is its index: off is
	// written from the first other byte on, or never
	for k+8 <= len(src) {
		w := load64(src[k:])
		if w&0x8080808080808080 != 0 {
			break
		}
		t := text[k : k+8 : k+8]
		t[0], t[1], t[2], t[3] = rune(byte(w)), rune(byte(w>>8)), rune(byte(w>>16)), rune(byte(w>>24))
		t[4], t[5], t[6], t[7] = rune(byte(w>>32)), rune(byte(w>>40)), rune(byte(w>>48)), rune(byte(w>>56))
		k += 8
	}
	for k < len(src) && src[k] < utf8.RuneSelf {
		text[k] = rune(src[k])
		k++
	}
	if k == len(src) {
		d.Text, d.off, d.ascii = text[:k], off[:0], true
		return
	}
	for i := range k {
		off[i] = int32(i)
	}
	for i := k; i < len(src); k++ {
		c := src[i]
		if c < utf8.RuneSelf {
			// eight ASCII bytes at once when there are, most of the
			// text between the other code points of an English one
			if i+8 <= len(src) {
				if w := load64(src[i:]); w&0x8080808080808080 == 0 {
					t, o, n := text[k:k+8:k+8], off[k:k+8:k+8], int32(i)
					t[0], t[1], t[2], t[3] = rune(byte(w)), rune(byte(w>>8)), rune(byte(w>>16)), rune(byte(w>>24))
					t[4], t[5], t[6], t[7] = rune(byte(w>>32)), rune(byte(w>>40)), rune(byte(w>>48)), rune(byte(w>>56))
					o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7] = n, n+1, n+2, n+3, n+4, n+5, n+6, n+7
					i += 8
					k += 7
					continue
				}
			}
			off[k] = int32(i)
			text[k] = rune(c)
			i++
			continue
		}
		off[k] = int32(i)
		r, size := rune(0), 2
		if 0xc2 <= c && c <= 0xdf && i+1 < len(src) && src[i+1]&0xc0 == 0x80 {
			r = rune(c&0x1f)<<6 | rune(src[i+1]&0x3f) // two bytes, as Cyrillic letters
		} else {
			r, size = utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
		}
		text[k] = r
		i += size
	}
	off[k] = int32(len(src))
	d.Text, d.off = text[:k], off[:k+1]
	if !valid {
		d.src = string(d.Text)
		d.off = d.off[:0]
		for i := range d.src {
			d.off = append(d.off, int32(i))
		}
		d.off = append(d.off, int32(len(d.src)))
	}
	d.ascii = len(d.off) == len(d.src)+1
}

// Word returns token i's text as written.
func (d *Doc) Word(i int) string {
	t := d.Tokens[i]
	return d.Slice(t.Start, t.End)
}

// Slice returns string(d.Text[start:end]) without copying.
func (d *Doc) Slice(start, end int) string {
	if d.ascii {
		return d.src[start:end]
	}
	return d.src[d.off[start]:d.off[end]]
}

// Capitalized reports whether token i starts with an upper-case letter.
func (d *Doc) Capitalized(i int) bool {
	if len(d.caps) != len(d.Tokens) {
		return d.capitalized(i) // Tokens set by the caller
	}
	return d.caps[i]
}

// capitalized is Capitalized without the answers NewDoc keeps; not
// inlined, so that Capitalized is.
//
//go:noinline
func (d *Doc) capitalized(i int) bool {
	return isUpper(d.Text[d.Tokens[i].Start])
}

// isOpenQuote reports whether r only ever opens a quotation.
func isOpenQuote(r rune) bool { return r == '“' || r == '«' || r == '„' }

// isQuoteMark reports whether r is any double quotation mark.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„':
		return true
	}
	return false
}

// SentenceOf returns the token range [from, to) of the sentence holding
// token i.
func (d *Doc) SentenceOf(i int) (from, to int) {
	from = i
	for from > 0 && !d.SentStart[from] {
		from--
	}
	to = i + 1
	for to < len(d.Tokens) && !d.SentStart[to] {
		to++
	}
	return from, to
}

// TokenAt returns the index of the first token that ends after code point
// pos, or len(Tokens).
func (d *Doc) TokenAt(pos int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// isUpper is unicode.IsUpper, answered at once for ASCII and the basic
// Cyrillic letters, most of the text read.
func isUpper(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x42f: // Ѐ…Я
		return true
	case 0x430 <= r && r <= 0x45f: // а…џ
		return false
	}
	return unicode.IsUpper(r)
}

// isLetter is unicode.IsLetter, answered at once for ASCII and the basic
// Cyrillic letters.
func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x45f:
		return true
	}
	return unicode.IsLetter(r)
}

// toLower is unicode.ToLower, answered at once for ASCII and the basic
// Cyrillic letters.
func toLower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0x400 <= r && r <= 0x40f: // Ѐ…Џ
		return r + 0x50
	case 0x410 <= r && r <= 0x42f: // А…Я
		return r + 0x20
	case 0x430 <= r && r <= 0x45f:
		return r
	}
	return unicode.ToLower(r)
}
