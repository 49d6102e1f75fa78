package ingest

import "unsafe"

// maxSpans is how many members of a fields can be spans: all but text
// and html.
const maxSpans = 7

// span is a member of fields read as a plain stretch of the decoder's
// input, not yet copied. It names the member rather than pointing at it:
// a pointer kept in the decoder would make the fields escape to the heap,
// an allocation per article.
type span struct {
	m    part
	text []byte
}

// setSpan makes text, a stretch of d.b, the value of the member m once
// the object is read; it replaces what m was given before (a key seen
// twice takes its last value, as encoding/json does).
func (d *fastDecoder) setSpan(m part, text []byte) {
	for i := range d.nspans {
		if d.spans[i].m == m {
			d.spans[i].text = text
			return
		}
	}
	d.spans[d.nspans] = span{m: m, text: text}
	d.nspans++
}

// setString gives the member m of f the value s at once, dropping any
// span it was given before.
func (d *fastDecoder) setString(f *fields, m part, s string) {
	for i := range d.nspans {
		if d.spans[i].m == m {
			d.nspans--
			d.spans[i] = d.spans[d.nspans]
			d.spans[d.nspans] = span{}
			break
		}
	}
	*f.at(m) = s
}

// own copies the spans into one buffer and sets their members to strings
// of it: the id, title, URL, source, language and date of an article cost
// one allocation rather than one each. They are small, and those the
// article keeps (all but the date) live about as long as one another; the
// text, which the store drops first, has its own.
func (d *fastDecoder) own(f *fields) {
	n := 0
	for _, s := range d.spans[:d.nspans] {
		n += len(s.text)
	}
	if n == 0 {
		for _, s := range d.spans[:d.nspans] {
			*f.at(s.m) = ""
		}
		d.nspans = 0
		return
	}
	buf := make([]byte, 0, n)
	for _, s := range d.spans[:d.nspans] {
		if len(s.text) == 0 {
			*f.at(s.m) = "" // (a string of no bytes points at none)
			continue
		}
		at := len(buf)
		buf = append(buf, s.text...)
		*f.at(s.m) = unsafe.String(&buf[at], len(s.text))
	}
	d.nspans = 0
}
