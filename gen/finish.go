package gen

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// While an article is written, the names of people are marked (nameOpen
// … nameClose), and so are the statements it attributes to someone and
// their speakers. Once its body is complete, finish words it once more
// (see vary.go) around the marks, lists the marked statements as the
// article's indirect quotes with their final wording, and removes the
// marks.

const (
	nameOpen  = '\x01'
	nameClose = '\x02'
	// A statement the article reports in its own words is marked
	// quoteOpen … quoteClose, and the name of the source it is attributed
	// to speakerOpen … nameClose, so that once the text is final the truth
	// can list it as indirect speech.
	quoteOpen   = '\x03'
	quoteClose  = '\x04'
	speakerOpen = '\x05'
	// actorOpen marks the name of one of the story's people, who speaks
	// in every report of an event.
	actorOpen = '\x06'
	// contOpen opens the rest of a statement that its attribution
	// interrupts ("…, NAME, a councillor, said, contOpen … quoteClose"):
	// it goes with the speaker just before it, whoever else that speaker
	// was claimed by.
	contOpen = '\x07'
)

// finish varies the words of the body (d's paragraphs from firstPara on,
// which start at bodyStart) in the house style st, records the marked
// statements as reported quotes and removes the marks. It reuses d's
// scratch space and allocates nothing once that has grown.
func (d *doc) finish(lx *lexicon, firstPara, bodyStart int, st style, r *rng, ru bool) {
	d.work = append(d.work[:0], d.buf[bodyStart:]...)
	d.buf = d.buf[:bodyStart]
	for pi := firstPara; pi < len(d.paras); pi++ {
		p := d.paras[pi]
		start := len(d.buf)
		// each paragraph is worded on its own, whatever precedes it, so
		// that a copy's paragraphs come out as its original's
		d.work3 = lx.vary(d.work3[:0], d.work[p.start-bodyStart:p.end-bodyStart], st, r, ru)
		d.buf = append(d.buf, d.work3...)
		d.reportStatements(pi, d.buf[start:])
		d.buf = d.buf[:start+len(stripMarks(d.buf[start:]))]
		d.paras[pi] = para{start: start, end: len(d.buf)}
	}
}

// isWordRune reports whether r is a letter or a digit. ASCII and the
// basic Cyrillic alphabet, nearly every rune of the stream, are answered
// without the Unicode tables.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]&wordLetter != 0
	}
	return isWordRuneWide(r)
}

// isWordRuneWide is isWordRune beyond ASCII.
func isWordRuneWide(r rune) bool {
	if 'Ѐ' <= r && r <= 'џ' { // U+0400–U+045F: all letters
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// The classes of ASCII bytes that words are made of.
const (
	wordLetter = 1 << iota // a letter or a digit
	wordJoin               // an apostrophe or a hyphen, which a word may run through
)

// asciiWord holds the word classes of each ASCII byte.
var asciiWord = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) {
			t[c] = wordLetter
		}
	}
	t['\''], t['-'] = wordJoin, wordJoin
	return t
}()

func isMark(c byte) bool { return c >= nameOpen && c <= contOpen }

// nextMark returns the index of the first mark in p from i on, or len(p).
// Marks come every thirty bytes or so, between runs of text: it looks at
// eight bytes at a time.
func nextMark(p []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i+8 <= len(p) {
		// The lowest byte flagged here is the first below 8: a mark, or
		// a NUL (only bytes above a flagged one may be flagged wrongly).
		x := binary.LittleEndian.Uint64(p[i:])
		low := (x - 8*ones) &^ x & highs
		if low == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(low) / 8
		if isMark(p[i]) {
			return i
		}
		i++
	}
	for ; i < len(p); i++ {
		if isMark(p[i]) {
			return i
		}
	}
	return i
}

// stripMarks removes the marks from p, in place.
func stripMarks(p []byte) []byte {
	i := nextMark(p, 0)
	out := p[:i]
	for i < len(p) {
		j := nextMark(p, i+1)
		out = append(out, p[i+1:j]...)
		i = j
	}
	return out
}

// reportStatements records the marked statements of paragraph pi (its
// marked text p) with their speakers: each statement goes with the
// unclaimed speaker just before it ("According to NAME, …", "NAME, 54, a
// nurse, said …") or else the one just after it ("…, NAME said.").
func (d *doc) reportStatements(pi int, p []byte) {
	type mark struct {
		start, end int
		speaker    bool
		used       bool
		cont       bool
	}
	var ms [16]mark
	n := 0
	for i := nextMark(p, 0); i < len(p) && n < len(ms); i = nextMark(p, i+1) {
		switch p[i] {
		case speakerOpen, actorOpen:
			j := bytes.IndexByte(p[i:], nameClose)
			if j < 0 {
				return
			}
			ms[n] = mark{start: i + 1, end: i + j, speaker: true}
			n++
		case quoteOpen, contOpen:
			j := bytes.IndexByte(p[i:], quoteClose)
			if j < 0 {
				return
			}
			ms[n] = mark{start: i + 1, end: i + j, cont: p[i] == contOpen}
			n++
		}
	}
	for k := 0; k < n; k++ {
		if ms[k].speaker {
			continue
		}
		sp := -1
		if k > 0 && ms[k-1].speaker && (!ms[k-1].used || ms[k].cont) {
			sp = k - 1
		} else if k+1 < n && ms[k+1].speaker {
			sp = k + 1
		}
		if sp < 0 {
			continue
		}
		ms[sp].used = true
		name := p[ms[sp].start:ms[sp].end]
		if c := bytes.IndexByte(name, ','); c >= 0 {
			name = name[:c] // the age that follows a resident's name
		}
		t0 := len(d.work2)
		d.work2 = append(d.work2, p[ms[k].start:ms[k].end]...)
		text := stripMarks(d.work2[t0:])
		d.report(pi, bytes.TrimSpace(text), name)
		d.work2 = d.work2[:t0]
	}
}
