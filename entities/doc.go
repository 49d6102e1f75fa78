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

	// src is Text as a string, so that Slice takes substrings without
	// allocating. off is the byte offset in src of each code point, for
	// text dense with multibyte ones; for others wide lists those (by
	// code point index) and extra[k] counts the bytes past one of
	// wide[0..k]. Both are nil when every code point is one byte.
	src         string
	off         []int32
	wide, extra []int32
	// caps is, per token, Capitalized's answer, set by NewDoc.
	caps []bool
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = set(`mr mrs ms dr sen rep gov st jr sr gen lt col sgt adm prof rev gov
no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u s d c p m a`)

// NewDoc tokenizes text and finds its sentences and paragraphs.
func NewDoc(text string) *Doc {
	d := &Doc{src: text}
	d.decode()
	d.Tokens = textproc.Tokenize(make([]textproc.Token, 0, len(d.Text)/5), text)
	flags := make([]bool, 2*len(d.Tokens))
	d.SentStart, d.caps = flags[:len(d.Tokens):len(d.Tokens)], flags[len(d.Tokens):]
	d.Para = make([]int, len(d.Tokens))
	para := 0
	prevEnd := 0
	for i, t := range d.Tokens {
		start := i == 0
		sawStop, sawQuote, sawColon, sawSpace := false, false, false, false
		for _, r := range d.Text[prevEnd:t.Start] {
			if unicode.IsSpace(r) {
				sawSpace = true
			}
			switch {
			case r == '\n':
				para++
				start = true
			case r == '.' || r == '!' || r == '?' || r == '…':
				sawStop = true
			case isQuoteMark(r) && sawStop:
				sawQuote = true
			case isOpenQuote(r):
				sawQuote = true
			case r == ':':
				sawStop, sawColon = true, true
			}
		}
		if sawStop && sawSpace && i > 0 {
			prev := d.Tokens[i-1]
			// a capital initial ("Elijah E. Cummings") ends no sentence
			initial := prev.End-prev.Start == 1 && isUpper(d.Text[prev.Start])
			abbrev := (abbreviations[prev.Term] || initial) && d.Text[prev.End] == '.'
			first := d.Text[t.Start]
			upper := isUpper(first) || unicode.IsDigit(first) && !sawColon
			if upper && (!abbrev || prev.End-prev.Start > 1 && !titles[prev.Term]) {
				start = true
			}
		}
		if sawQuote && isUpper(d.Text[t.Start]) {
			start = true
		}
		d.SentStart[i] = start
		d.caps[i] = isUpper(d.Text[t.Start])
		d.Para[i] = para
		prevEnd = t.End
	}
	return d
}

// decode sets Text to the code points of src and the offsets that map
// them to bytes. An invalid byte decodes as U+FFFD, as in []rune(src);
// src is then respelled so that Slice agrees with string(Text[start:end]).
func (d *Doc) decode() {
	src := d.src
	n := utf8.RuneCountInString(src)
	d.Text = make([]rune, n)
	dense := len(src)-n > n/8
	if dense {
		d.off = make([]int32, n+1)
	}
	valid := true
	k := 0
	for i := 0; i < len(src); k++ {
		if dense {
			d.off[k] = int32(i)
		}
		c := src[i]
		if c < utf8.RuneSelf {
			d.Text[k] = rune(c)
			i++
			continue
		}
		r, size := rune(0), 2
		if 0xc2 <= c && c <= 0xdf && i+1 < len(src) && src[i+1]&0xc0 == 0x80 {
			r = rune(c&0x1f)<<6 | rune(src[i+1]&0x3f) // two bytes, as Cyrillic letters
		} else {
			r, size = utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
		}
		d.Text[k] = r
		i += size
		if !dense && size > 1 {
			d.wide = append(d.wide, int32(k))
			extra := int32(size - 1)
			if len(d.extra) > 0 {
				extra += d.extra[len(d.extra)-1]
			}
			d.extra = append(d.extra, extra)
		}
	}
	if dense {
		d.off[n] = int32(len(src))
	}
	if !valid {
		d.src = string(d.Text)
		d.offsets()
	}
}

// offsets sets dense offsets from src.
func (d *Doc) offsets() {
	d.wide, d.extra = nil, nil
	d.off = make([]int32, 0, len(d.Text)+1)
	for i := range d.src {
		d.off = append(d.off, int32(i))
	}
	d.off = append(d.off, int32(len(d.src)))
	if len(d.off) == len(d.src)+1 {
		d.off = nil // every code point one byte
	}
}

// byteAt returns the offset in src of code point i.
func (d *Doc) byteAt(i int) int {
	switch {
	case d.off != nil:
		return int(d.off[i])
	case len(d.wide) == 0:
		return i
	}
	lo, hi := 0, len(d.wide) // wide[:lo] are before i
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(d.wide[m]) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return i
	}
	return i + int(d.extra[lo-1])
}

// Word returns token i's text as written.
func (d *Doc) Word(i int) string {
	t := d.Tokens[i]
	return d.Slice(t.Start, t.End)
}

// Slice returns string(d.Text[start:end]) without copying.
func (d *Doc) Slice(start, end int) string {
	if d.off == nil && d.wide == nil {
		return d.src[start:end]
	}
	return d.src[d.byteAt(start):d.byteAt(end)]
}

// Capitalized reports whether token i starts with an upper-case letter.
func (d *Doc) Capitalized(i int) bool {
	if len(d.caps) == len(d.Tokens) {
		return d.caps[i]
	}
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
