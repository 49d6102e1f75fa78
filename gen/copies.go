package gen

import (
	"bytes"
	"strings"
)

// Copies: an agency story re-run whole under another outlet's
// boilerplate, a near-copy with a paragraph dropped and words changed,
// and an article of its own with a few paragraphs taken over.

// copyParas appends src's body paragraphs [from, to) and their quotes.
func (g *Generator) copyParas(d *doc, src *doc, from, to int) {
	for i := from; i < to; i++ {
		p := src.paras[i]
		if p.boiler {
			continue
		}
		pi := len(d.paras)
		s := d.open()
		d.buf = append(d.buf, src.text(p)...)
		d.close(s, false)
		for _, q := range src.quotes {
			if q.para == i {
				d.quotes = append(d.quotes, pquote{para: pi, q: q.q})
			}
		}
		for _, q := range src.reported {
			if q.para == i {
				d.report(pi, src.rtext(q), src.rspeaker(q))
			}
		}
	}
}

var (
	swapsEN = [][2]string{{" said ", " stated "}, {" about ", " around "}, {" people ", " residents "}, {" after ", " following "},
		{" more than ", " over "}, {" but ", " although "}, {" would ", " will "}, {" at least ", " no fewer than "},
		{" began ", " started "}, {" workers ", " employees "}, {" officials ", " authorities "},
		{" the government ", " ministers "}, {" because ", " as "}, {" also ", " additionally "}, {" town ", " city "},
		{" quickly ", " rapidly "}, {" several ", " a number of "}, {" announced ", " said "}, {" until ", " till "}}
	swapsRU = [][2]string{{" заявил", " сообщил"}, {" около ", " примерно "}, {" более ", " свыше "}, {" после ", " по итогам "},
		{" жители ", " горожане "}, {" власти ", " администрация "}, {" сообщил", " рассказал"}, {" ещё ", " также "}}
)

// paraphrase swaps a word or two in the paragraph that ends the buffer, so
// that two outlets reporting one event do not write identical sentences.
func (g *Generator) paraphrase(d *doc, start int, r *rng, ru bool) {
	swaps := swapsEN
	if ru {
		swaps = swapsRU
	}
	for n := 0; n < 3; n++ {
		sw := swaps[r.intn(len(swaps))]
		j := bytes.Index(d.buf[start:], []byte(sw[0]))
		if j < 0 {
			continue
		}
		j += start
		d.tail = append(d.tail[:0], d.buf[j+len(sw[0]):]...)
		d.buf = append(append(d.buf[:j], sw[1]...), d.tail...)
	}
}

// nearCopy appends src's body with a paragraph dropped and words swapped.
func (g *Generator) nearCopy(d *doc, src *doc, r *rng, lang int) {
	first := len(d.paras)
	drop := -1
	if len(src.paras) > 3 && r.chance(0.7) {
		drop = 1 + r.intn(len(src.paras)-1)
	}
	for i := range src.paras {
		if i != drop {
			g.copyParas(d, src, i, i+1)
		}
	}
	swaps := swapsEN
	if lang == 1 {
		swaps = swapsRU
	}
	edited := false
	edits := 2
	if len(d.paras)-first < 7 {
		edits = 1
	}
	for n := 0; n < edits; n++ {
		pi := first + r.intn(len(d.paras)-first)
		p := d.paras[pi]
		for _, sw := range swaps {
			j := bytes.Index(d.text(p), []byte(sw[0]))
			if j < 0 {
				continue
			}
			g.replaceIn(d, pi, p.start+j, len(sw[0]), sw[1])
			edited = true
			break
		}
	}
	if !edited {
		last := len(d.paras) - 1
		add := " More details to follow."
		if lang == 1 {
			add = " Подробности уточняются."
		}
		g.replaceIn(d, last, d.paras[last].end, 0, add)
	}
}

// replaceIn replaces n bytes at off inside paragraph pi, shifting the
// paragraphs after it, and forgets quotes the edit broke.
func (g *Generator) replaceIn(d *doc, pi, off, n int, with string) {
	old := string(d.buf[off : off+n])
	d.tail = append(d.tail[:0], d.buf[off+n:]...)
	d.buf = append(append(d.buf[:off], with...), d.tail...)
	delta := len(with) - n
	d.paras[pi].end += delta
	for i := pi + 1; i < len(d.paras); i++ {
		d.paras[i].start += delta
		d.paras[i].end += delta
	}
	// a quote the edit fell in is edited alike; one it broke is dropped
	text := d.text(d.paras[pi])
	kept := d.quotes[:0]
	for _, q := range d.quotes {
		if q.para == pi && !bytes.Contains(text, []byte(q.q.Text)) && n > 0 {
			q.q.Text = strings.Replace(q.q.Text, old, with, 1)
		}
		if q.para != pi || bytes.Contains(text, []byte(q.q.Text)) {
			kept = append(kept, q)
		}
	}
	d.quotes = kept
	rkept := d.reported[:0]
	for _, q := range d.reported {
		if q.para == pi && !bytes.Contains(text, d.rtext(q)) && n > 0 {
			edited := strings.Replace(string(d.rtext(q)), old, with, 1)
			t0 := len(d.rbuf)
			d.rbuf = append(d.rbuf, edited...)
			q.text = [2]int{t0, len(d.rbuf)}
		}
		if q.para != pi || bytes.Contains(text, d.rtext(q)) {
			rkept = append(rkept, q)
		}
	}
	d.reported = rkept
}

// partialCopy appends an article of its own with two or three of src's
// paragraphs inside it.
func (g *Generator) partialCopy(d *doc, src *doc, e *event, sp spec, br, r *rng) {
	own := g.spec(e, sp.k)
	own.copyOf = -1
	own.outlet = sp.outlet
	if d.own == nil {
		d.own = new(doc)
	}
	tmp := d.own
	tmp.reset()
	g.body(tmp, e, own, br)
	n := max(min(2+r.intn(2), len(src.paras)-1), 1)
	starts := len(src.paras) - n + 1
	from := r.intn(starts)
	// a passage that is all quotation is not a copy anyone can tell:
	// take paragraphs with a reporter's sentence of some length among them
	for k := 0; k < starts; k++ {
		if f := (from + k) % starts; plainAmong(src, f, f+n) {
			from = f
			break
		}
	}
	to := min(from+n, len(src.paras))
	g.copyParas(d, tmp, 0, 1)
	g.copyParas(d, src, from, to)
	g.copyParas(d, tmp, 1, len(tmp.paras))
}

// plainAmong reports whether src's paragraphs [from, to) hold one of at
// least sixteen words with no direct quotation in it.
func plainAmong(src *doc, from, to int) bool {
	for i := from; i < to && i < len(src.paras); i++ {
		quoted := false
		for _, q := range src.quotes {
			if q.para == i {
				quoted = true
				break
			}
		}
		if !quoted && bytes.Count(src.text(src.paras[i]), []byte{' '}) >= 15 {
			return true
		}
	}
	return false
}
