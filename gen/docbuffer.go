package gen

import "bytes"

// para is one paragraph of a doc's buffer.
type para struct {
	start, end int
	boiler     bool
}

type pquote struct {
	para int
	q    Quote
}

// doc is an article being rendered: paragraphs in one buffer.
type doc struct {
	conn   int    // where a connector starts
	lower  int    // where it ends: lower-case a "The" there
	tail   []byte // scratch for edits
	tail2  []byte
	buf    []byte
	paras  []para
	quotes []pquote
	title  []byte
	// statements in the article's own words (see rquote)
	rbuf     []byte
	reported []rquote
	// scratch for finish
	work  []byte
	work2 []byte
	work3 []byte
	// own holds the article of its own that a partial copy puts the
	// copied paragraphs in (see partialCopy), kept for the next one
	own *doc
}

func (d *doc) reset() {
	d.buf, d.paras, d.quotes, d.title = d.buf[:0], d.paras[:0], d.quotes[:0], d.title[:0]
	d.rbuf, d.reported = d.rbuf[:0], d.reported[:0]
}

// rquote is a statement an article reports in its own words, attributed
// to one of its invented sources: the text and the speaker's name as byte
// ranges of the doc's rbuf.
type rquote struct {
	para          int
	text, speaker [2]int
}

// report records a statement of paragraph pi.
func (d *doc) report(pi int, text, speaker []byte) {
	t0 := len(d.rbuf)
	d.rbuf = append(d.rbuf, text...)
	s0 := len(d.rbuf)
	d.rbuf = append(d.rbuf, speaker...)
	d.reported = append(d.reported, rquote{para: pi, text: [2]int{t0, s0}, speaker: [2]int{s0, len(d.rbuf)}})
}

func (d *doc) rtext(q rquote) []byte    { return d.rbuf[q.text[0]:q.text[1]] }
func (d *doc) rspeaker(q rquote) []byte { return d.rbuf[q.speaker[0]:q.speaker[1]] }

func (d *doc) open() int { return len(d.buf) }

func (d *doc) close(start int, boiler bool) {
	if l := d.lower; l > start {
		if l < len(d.buf) && d.buf[l] == quoteOpen {
			l++
		}
		w := d.buf[l:]
		if k := bytes.IndexAny(w, " ,"); k >= 0 {
			w = w[:k]
		}
		switch {
		case commonStart[string(w)]:
			d.buf[l] += 'a' - 'A' // commonStart words are capitalised ASCII
		case len(w) > 0 && 'A' <= w[0] && w[0] <= 'Z', len(w) > 0 && isDigit(w[0]):
			// a name, a place, a weekday or a number: as it is
		default:
			l = d.lower
			d.buf = append(d.buf[:d.conn], d.buf[l:]...)
		}
	}
	d.lower = 0
	first := start
	if first < len(d.buf) && d.buf[first] == quoteOpen {
		first++
	}
	if first < len(d.buf) && 'a' <= d.buf[first] && d.buf[first] <= 'z' {
		d.buf[first] -= 'a' - 'A'
	}
	d.paras = append(d.paras, para{start: start, end: len(d.buf), boiler: boiler})
}

func (d *doc) text(p para) []byte { return d.buf[p.start:p.end] }
