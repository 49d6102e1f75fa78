package ingest

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// fields are the members of one JSON article that reading uses, as
// encoding/json would leave them after decoding into a record and reading
// the id and dates with str.
type fields struct {
	id, date, published                  string
	title, text, html, url, source, lang string
}

// part names a member of fields.
type part uint8

const (
	partID part = iota
	partDate
	partPublished
	partTitle
	partText
	partHTML
	partURL
	partSource
	partLang
)

// at returns the member m of f.
func (f *fields) at(m part) *string {
	switch m {
	case partID:
		return &f.id
	case partDate:
		return &f.date
	case partPublished:
		return &f.published
	case partTitle:
		return &f.title
	case partText:
		return &f.text
	case partHTML:
		return &f.html
	case partURL:
		return &f.url
	case partSource:
		return &f.source
	}
	return &f.lang
}

// maxFastDepth is the nesting depth beyond which decodeFields gives the
// object to encoding/json (whose own limit is far deeper).
const maxFastDepth = 200

// decodeFields decodes the JSON object raw into f in one pass: the known
// members by exact name, every other member only checked for syntax. It
// reports false whenever encoding/json could decide otherwise or fail (a
// syntax error, a member of another type, a key that names a known member
// only with case folded or escapes, very deep nesting, trailing bytes); the
// caller then decodes raw with encoding/json, which also words the error.
// When it reports true, f holds what decoding into a record and reading the
// id and dates with str gives.
func decodeFields(raw []byte, f *fields) bool {
	d := fastDecoder{b: raw}
	if !d.object(f) {
		return false
	}
	d.own(f)
	return true
}

// object reads the JSON object b holds, and nothing after it, into f,
// leaving the short members it read as plain stretches of b in d.spans.
func (d *fastDecoder) object(f *fields) bool {
	d.ws()
	if !d.consume('{') {
		return false
	}
	d.ws()
	if d.consume('}') {
		return d.end()
	}
	for {
		d.ws()
		if d.peek() != '"' {
			return false
		}
		key, ok := d.plainKey()
		if !ok {
			return false
		}
		d.ws()
		if !d.consume(':') {
			return false
		}
		d.ws()
		if !d.member(key, f) {
			return false
		}
		d.ws()
		if d.consume(',') {
			continue
		}
		if d.consume('}') {
			return d.end()
		}
		return false
	}
}

// fastDecoder reads one JSON value from b.
type fastDecoder struct {
	b []byte
	i int
	// spans are the short members (all but text and html) read so far
	// that are plain stretches of b, without escapes: they are copied
	// into one buffer of their own once the object is read (own).
	spans  [maxSpans]span
	nspans int
}

func (d *fastDecoder) peek() byte {
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

func (d *fastDecoder) consume(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// ws skips JSON white space.
func (d *fastDecoder) ws() {
	for d.i < len(d.b) {
		// Most calls find none: every white space byte is at most a
		// space, and the next byte is nearly always above it.
		switch c := d.b[d.i]; {
		case c > ' ':
			return
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			d.i++
		default:
			return
		}
	}
}

// end reports whether only white space is left.
func (d *fastDecoder) end() bool {
	d.ws()
	return d.i == len(d.b)
}

// knownKeys are the record's members; encoding/json matches them with case
// folded too.
var knownKeys = [...]string{"id", "title", "text", "html", "url", "source", "date", "published", "lang"}

// plainKey reads an object key made of printable ASCII without escapes;
// other keys report false (encoding/json folds some non-ASCII letters onto
// ASCII ones when it matches keys). A key equal to a known member except in
// case also reports false.
func (d *fastDecoder) plainKey() ([]byte, bool) {
	start := d.i + 1
	for j := start; j < len(d.b); j++ {
		c := d.b[j]
		if c == '"' {
			d.i = j + 1
			k := d.b[start:j]
			for _, known := range knownKeys {
				if len(k) == len(known) && string(k) != known && strings.EqualFold(string(k), known) {
					return nil, false
				}
			}
			return k, true
		}
		if c < 0x20 || c >= utf8.RuneSelf || c == '\\' {
			return nil, false
		}
	}
	return nil, false
}

// member reads the value of the member key into f.
func (d *fastDecoder) member(key []byte, f *fields) bool {
	var m part
	switch string(key) {
	case "id":
		return d.scalar(f, partID)
	case "date":
		return d.scalar(f, partDate)
	case "published":
		return d.scalar(f, partPublished)
	case "title":
		m = partTitle
	case "text":
		m = partText
	case "html":
		m = partHTML
	case "url":
		m = partURL
	case "source":
		m = partSource
	case "lang":
		m = partLang
	default:
		return d.skip(0)
	}
	switch d.peek() {
	case '"':
		s, span, plain, ok := d.strOrSpan()
		switch {
		case !ok:
		case m == partText || m == partHTML:
			// The article's body has a string of its own: the store
			// drops it before the article's other members.
			if plain {
				s = string(span)
			}
			*f.at(m) = s
		case plain:
			d.setSpan(m, span)
		default:
			d.setString(f, m, s)
		}
		return ok
	case 'n':
		// null leaves a string member as it was.
		return d.literal("null")
	}
	return false
}

// scalar reads the member m of f, which may be a string, a number (kept
// as written) or null (the empty string).
func (d *fastDecoder) scalar(f *fields, m part) bool {
	switch c := d.peek(); {
	case c == '"':
		s, span, plain, ok := d.strOrSpan()
		if plain {
			d.setSpan(m, span)
		} else {
			d.setString(f, m, s)
		}
		return ok
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		if !d.number() {
			return false
		}
		d.setSpan(m, d.b[start:d.i])
		return true
	case c == 'n':
		d.setString(f, m, "")
		return d.literal("null")
	}
	return false
}

// literal reads the literal word.
func (d *fastDecoder) literal(word string) bool {
	if len(d.b)-d.i < len(word) || string(d.b[d.i:d.i+len(word)]) != word {
		return false
	}
	d.i += len(word)
	return true
}

// number reads a number in the JSON grammar.
func (d *fastDecoder) number() bool {
	d.consume('-')
	switch c := d.peek(); {
	case c == '0':
		d.i++
	case c >= '1' && c <= '9':
		d.digits()
	default:
		return false
	}
	if d.consume('.') {
		if !d.digits() {
			return false
		}
	}
	if c := d.peek(); c == 'e' || c == 'E' {
		d.i++
		if c := d.peek(); c == '+' || c == '-' {
			d.i++
		}
		if !d.digits() {
			return false
		}
	}
	return true
}

// digits reads one or more decimal digits.
func (d *fastDecoder) digits() bool {
	start := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// skip checks the syntax of one value and moves past it.
func (d *fastDecoder) skip(depth int) bool {
	switch c := d.peek(); {
	case c == '"':
		return d.skipString()
	case c == '{':
		if depth >= maxFastDepth {
			return false
		}
		d.i++
		d.ws()
		if d.consume('}') {
			return true
		}
		for {
			d.ws()
			if d.peek() != '"' || !d.skipString() {
				return false
			}
			d.ws()
			if !d.consume(':') {
				return false
			}
			d.ws()
			if !d.skip(depth + 1) {
				return false
			}
			d.ws()
			if d.consume(',') {
				continue
			}
			return d.consume('}')
		}
	case c == '[':
		if depth >= maxFastDepth {
			return false
		}
		d.i++
		d.ws()
		if d.consume(']') {
			return true
		}
		for {
			d.ws()
			if !d.skip(depth + 1) {
				return false
			}
			d.ws()
			if d.consume(',') {
				continue
			}
			return d.consume(']')
		}
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	}
	return false
}

// skipString checks the syntax of a string (escapes, no control
// characters; any bytes otherwise, as encoding/json allows) and moves past
// it.
func (d *fastDecoder) skipString() bool {
	for j := d.i + 1; ; {
		// The next quote, backslash or control byte: eight bytes at a
		// time, the first marked one found from the mask.
		for j+8 <= len(d.b) {
			if m := specialMask(binary.LittleEndian.Uint64(d.b[j:])); m != 0 {
				j += bits.TrailingZeros64(m) / 8
				break
			}
			j += 8
		}
		for j < len(d.b) && !isSpecial(d.b[j]) {
			j++
		}
		if j == len(d.b) {
			return false
		}
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return true
		case c == '\\':
			n := escapeLen(d.b[j:])
			if n == 0 {
				return false
			}
			j += n
		default:
			return false // a control character
		}
	}
}

// Eight bytes at a time: every byte of a word times oneBits is the same,
// and highBits holds each byte's top bit.
const (
	oneBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// special8 reports whether one of the eight bytes of w is a quote, a
// backslash or a control character (below 0x20).
func special8(w uint64) bool { return specialMask(w) != 0 }

// specialMask marks with its top bit the first byte of w (in memory
// order) that is a quote, a backslash or a control character, and maybe
// bytes after it, none when there is none: subtracting oneBits*n from a
// word sets the top bit of a byte below n, when it had none, exactly for
// the first such byte (bytes after it may be marked by the borrow), and a
// byte equal to c is a zero byte of w^(oneBits*c).
func specialMask(w uint64) uint64 {
	q := w ^ (oneBits * '"')
	b := w ^ (oneBits * '\\')
	return ((w-oneBits*0x20)&^w | (q-oneBits)&^q | (b-oneBits)&^b) & highBits
}

// isSpecial reports whether c is a quote, a backslash or a control
// character: a byte that ends a stretch of a string.
func isSpecial(c byte) bool { return c == '"' || c == '\\' || c < 0x20 }

// closingQuote returns the index of the first quote at or after i that no
// backslash escapes, or len(b).
func closingQuote(b []byte, i int) int {
	for {
		k := bytes.IndexByte(b[i:], '"')
		if k < 0 {
			return len(b)
		}
		i += k
		n := 0
		for n < i && b[i-1-n] == '\\' {
			n++
		}
		if n%2 == 0 {
			return i
		}
		i++
	}
}

// escapeLen returns the length of the valid escape sequence at the start
// of b, or 0.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		if hex4(b[2:]) < 0 {
			return 0
		}
		return 6
	}
	return 0
}

// hex4 reads four hex digits, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// strOrSpan reads a string value as encoding/json decodes it: escapes
// resolved, an unpaired surrogate escape and each byte of invalid UTF-8
// replaced by U+FFFD. A string that needs none of that is returned as the
// stretch of b it is, span, with plain set, and s empty; any other in s.
func (d *fastDecoder) strOrSpan() (s string, span []byte, plain, ok bool) {
	start := d.i + 1
	var sb strings.Builder
	run := start // start of the bytes not yet written to sb
	checked := 0 // the bytes before are known to hold invalid UTF-8
	for j := start; j < len(d.b); {
		// A stretch of valid UTF-8 up to the next quote, backslash or
		// control byte goes at once (text in Cyrillic is all multi-byte
		// code points); one with invalid bytes goes bytewise below.
		if j >= checked {
			// A stretch of ASCII, which the scan sees by the top bits
			// of its words, is valid without a second look.
			k, high := j, uint64(0)
			for k+8 <= len(d.b) {
				w := binary.LittleEndian.Uint64(d.b[k:])
				if m := specialMask(w); m != 0 {
					n := bits.TrailingZeros64(m) / 8
					high |= w & (1<<(8*n) - 1)
					k += n
					break
				}
				high |= w
				k += 8
			}
			for k < len(d.b) && !isSpecial(d.b[k]) {
				high |= uint64(d.b[k])
				k++
			}
			if high&highBits == 0 || utf8.Valid(d.b[j:k]) {
				j = k
			} else {
				checked = k
			}
		}
		for j+8 <= len(d.b) {
			if w := binary.LittleEndian.Uint64(d.b[j:]); w&highBits != 0 || special8(w) {
				break
			}
			j += 8
		}
		if j == len(d.b) {
			break
		}
		c := d.b[j]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, size := utf8.DecodeRune(d.b[j:]); r != utf8.RuneError || size > 1 {
				j += size
				continue
			}
		}
		if c == '"' {
			d.i = j + 1
			if sb.Cap() == 0 {
				return "", d.b[start:j:j], true, true
			}
			sb.Write(d.b[run:j])
			return sb.String(), nil, false, true
		}
		if c < 0x20 {
			return "", nil, false, false
		}
		if sb.Cap() == 0 {
			// The decoded string is at most as long as the quoted one
			// but for invalid UTF-8, each byte of which grows to three.
			sb.Grow(closingQuote(d.b, j) - start)
		}
		sb.Write(d.b[run:j])
		if c != '\\' {
			// A byte of invalid UTF-8.
			sb.WriteRune(utf8.RuneError)
			j++
			run = j
			continue
		}
		n := escapeLen(d.b[j:])
		if n == 0 {
			return "", nil, false, false
		}
		switch e := d.b[j+1]; e {
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'u':
			r := hex4(d.b[j+2:])
			if utf16.IsSurrogate(r) {
				// A pair is two escapes; anything else is one
				// replacement character, and the next escape stands on
				// its own.
				r2 := rune(-1)
				if next := d.b[j+6:]; len(next) >= 2 && next[0] == '\\' && next[1] == 'u' {
					r2 = hex4(next[2:])
				}
				if p := utf16.DecodeRune(r, r2); p != utf8.RuneError {
					r = p
					n += 6
				} else {
					r = utf8.RuneError
				}
			}
			sb.WriteRune(r)
		default:
			sb.WriteByte(e)
		}
		j += n
		run = j
	}
	return "", nil, false, false
}
