package sqlite

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline"
)

// The dates, entities and citations of an article, and the passages of a
// copy, are read by no one but this package, and an article read decoded
// them as JSON in half of its time (JSON also took a quarter of the time
// a commit spent on copies, and a fifth of their bytes for the field
// names). They are stored in a compact binary form instead: a leading
// codecVersion byte (JSON, which earlier versions wrote and which is
// still read, starts with '['), then a count and the items' fields in
// declaration order, integers as zig-zag varints and strings as a varint
// length and the bytes. A slice of mentions stores its length plus one,
// so that nil and empty stay apart. TestCodecFields fails when one of the
// types gains a field, so that the codec learns it.
const codecVersion = 1

var errCodec = errors.New("malformed value")

// enc appends the encoding of values to a buffer.
type enc struct{ b []byte }

// newEnc starts the encoding of n items.
func newEnc(n int) *enc {
	e := &enc{b: make([]byte, 0, 64)}
	e.b = append(e.b, codecVersion)
	e.count(n)
	return e
}

func (e *enc) int(v int)   { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *enc) count(n int) { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *enc) value() any  { return e.b }

func (e *enc) str(s string) {
	e.count(len(s))
	e.b = append(e.b, s...)
}

func (e *enc) mentions(m []storyline.Mention) {
	if m == nil {
		e.count(0)
		return
	}
	e.count(len(m) + 1)
	for _, x := range m {
		e.str(x.Text)
		e.int(x.Start)
		e.int(x.End)
	}
}

// encodeDates returns the column value of an article's dates: nil (NULL)
// when there are none.
func encodeDates(ds []storyline.DateMention) any {
	if len(ds) == 0 {
		return nil
	}
	e := newEnc(len(ds))
	for _, d := range ds {
		e.str(d.Date)
		e.str(d.Text)
		e.int(d.Start)
		e.int(d.End)
		e.str(string(d.Precision))
	}
	return e.value()
}

// encodeEntities returns the column value of an article's entities.
func encodeEntities(es []storyline.Entity) any {
	if len(es) == 0 {
		return nil
	}
	e := newEnc(len(es))
	for _, x := range es {
		e.str(x.Name)
		e.str(string(x.Kind))
		e.mentions(x.Mentions)
	}
	return e.value()
}

// encodeCited returns the column value of an article's citations.
func encodeCited(cs []storyline.Citation) any {
	if len(cs) == 0 {
		return nil
	}
	e := newEnc(len(cs))
	for _, c := range cs {
		e.str(c.Source)
		e.str(c.Text)
		e.int(c.Start)
		e.int(c.End)
	}
	return e.value()
}

// encodePassages returns the passages column of a copy.
func encodePassages(ps []storyline.Passage) any {
	if len(ps) == 0 {
		return nil
	}
	e := newEnc(len(ps))
	for _, p := range ps {
		e.int(p.AStart)
		e.int(p.AEnd)
		e.int(p.BStart)
		e.int(p.BEnd)
		e.str(p.Text)
		q := 0
		if p.Quote {
			q = 1
		}
		e.count(q)
	}
	return e.value()
}

// dec reads values from one column's bytes. Strings share one copy of
// the bytes. The first error sticks; later reads return zero values.
type dec struct {
	s   string
	err error
}

func (d *dec) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint([]byte(d.s[:min(len(d.s), binary.MaxVarintLen64)]))
	if n <= 0 {
		d.err = errCodec
		return 0
	}
	d.s = d.s[n:]
	return v
}

func (d *dec) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint([]byte(d.s[:min(len(d.s), binary.MaxVarintLen64)]))
	if n <= 0 {
		d.err = errCodec
		return 0
	}
	d.s = d.s[n:]
	return int(v)
}

// count reads a count of items that take at least one byte each.
func (d *dec) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.err = errCodec
		return 0
	}
	return int(n)
}

func (d *dec) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)) {
		d.err = errCodec
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *dec) mentions() []storyline.Mention {
	// The count is the length plus one: an empty slice at the end of the
	// value has a count of 1 and no bytes after it.
	n := d.uvarint()
	if n > uint64(len(d.s))+1 {
		d.err = errCodec
		return nil
	}
	if n == 0 || d.err != nil {
		return nil
	}
	out := make([]storyline.Mention, n-1)
	for i := range out {
		out[i] = storyline.Mention{Text: d.str(), Start: d.int(), End: d.int()}
	}
	return out
}

// openCodec starts decoding a column value; isJSON reports that it holds
// JSON as earlier versions wrote, which the caller decodes instead.
func openCodec(b []byte) (d *dec, isJSON bool, err error) {
	if len(b) == 0 {
		return nil, false, nil
	}
	switch b[0] {
	case '[', 'n': // a JSON array, or null
		return nil, true, nil
	case codecVersion:
		return &dec{s: string(b[1:])}, false, nil
	}
	return nil, false, fmt.Errorf("%w: leading byte %#x", errCodec, b[0])
}

// finish reports a malformed or overlong value.
func (d *dec) finish() error {
	if d.err == nil && len(d.s) > 0 {
		d.err = fmt.Errorf("%w: %d bytes left over", errCodec, len(d.s))
	}
	return d.err
}

// decodeDates decodes a dates column.
func decodeDates(b []byte) ([]storyline.DateMention, error) {
	d, isJSON, err := openCodec(b)
	if d == nil {
		var out []storyline.DateMention
		if isJSON {
			err = json.Unmarshal(b, &out)
		}
		return out, err
	}
	out := make([]storyline.DateMention, d.count())
	for i := range out {
		out[i] = storyline.DateMention{Date: d.str(), Text: d.str(), Start: d.int(), End: d.int(),
			Precision: storyline.Precision(d.str())}
	}
	return out, d.finish()
}

// decodeEntities decodes an entities column.
func decodeEntities(b []byte) ([]storyline.Entity, error) {
	d, isJSON, err := openCodec(b)
	if d == nil {
		var out []storyline.Entity
		if isJSON {
			err = json.Unmarshal(b, &out)
		}
		return out, err
	}
	out := make([]storyline.Entity, d.count())
	for i := range out {
		out[i] = storyline.Entity{Name: d.str(), Kind: storyline.EntityKind(d.str()), Mentions: d.mentions()}
	}
	return out, d.finish()
}

// decodeCited decodes a cited column.
func decodeCited(b []byte) ([]storyline.Citation, error) {
	d, isJSON, err := openCodec(b)
	if d == nil {
		var out []storyline.Citation
		if isJSON {
			err = json.Unmarshal(b, &out)
		}
		return out, err
	}
	out := make([]storyline.Citation, d.count())
	for i := range out {
		out[i] = storyline.Citation{Source: d.str(), Text: d.str(), Start: d.int(), End: d.int()}
	}
	return out, d.finish()
}

// decodePassages decodes a passages column.
func decodePassages(b []byte) ([]storyline.Passage, error) {
	d, isJSON, err := openCodec(b)
	if d == nil {
		var out []storyline.Passage
		if isJSON {
			err = json.Unmarshal(b, &out)
		}
		return out, err
	}
	out := make([]storyline.Passage, d.count())
	for i := range out {
		out[i] = storyline.Passage{AStart: d.int(), AEnd: d.int(), BStart: d.int(), BEnd: d.int(), Text: d.str()}
		switch d.uvarint() {
		case 0:
		case 1:
			out[i].Quote = true
		default:
			if d.err == nil {
				d.err = errCodec
			}
		}
	}
	return out, d.finish()
}
