package ingest

import "unsafe"

// maxSpans is how many members of a fields can be spans: all but text
// and html.
const maxSpans = 7

// span is a member of fields read as a plain stretch of the decoder's
// input, not yet copied.
type span struct {
	dst  *string
	text []byte
}

// setSpan makes text, a stretch of d.b, the value of the member dst once
// the object is read; it replaces what dst was given before (a key seen
// twice takes its last value, as encoding/json does).
func (d *fastDecoder) setSpan(dst *string, text []byte) {
	for i := range d.nspans {
		if d.spans[i].dst == dst {
			d.spans[i].text = text
			return
		}
	}
	d.spans[d.nspans] = span{dst: dst, text: text}
	d.nspans++
}

// setString gives the member dst the value s at once, dropping any span
// it was given before.
func (d *fastDecoder) setString(dst *string, s string) {
	for i := range d.nspans {
		if d.spans[i].dst == dst {
			d.nspans--
			d.spans[i] = d.spans[d.nspans]
			d.spans[d.nspans] = span{}
			break
		}
	}
	*dst = s
}

// own copies the spans into one buffer and sets their members to strings
// of it: the id, title, URL, source, language and date of an article cost
// one allocation rather than one each. They are small, and those the
// article keeps (all but the date) live about as long as one another; the
// text, which the store drops first, has its own.
func (d *fastDecoder) own() {
	n := 0
	for _, s := range d.spans[:d.nspans] {
		n += len(s.text)
	}
	if n == 0 {
		for _, s := range d.spans[:d.nspans] {
			*s.dst = ""
		}
		d.nspans = 0
		return
	}
	buf := make([]byte, 0, n)
	for _, s := range d.spans[:d.nspans] {
		if len(s.text) == 0 {
			*s.dst = "" // (a string of no bytes points at none)
			continue
		}
		at := len(buf)
		buf = append(buf, s.text...)
		*s.dst = unsafe.String(&buf[at], len(s.text))
	}
	d.nspans = 0
}
