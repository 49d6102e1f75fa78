package gen

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// AppendJSON appends a as one JSON object (no newline): the common article
// fields, then the ground truth.
func AppendJSON(b []byte, a *Article) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, a.ID)
	b = append(b, `,"title":`...)
	b = appendString(b, a.Title)
	b = append(b, `,"text":`...)
	b = appendString(b, a.Text)
	b = append(b, `,"lang":`...)
	b = appendString(b, a.Lang)
	b = append(b, `,"date":`...)
	b = appendString(b, a.Date)
	b = append(b, `,"source":`...)
	b = appendString(b, a.Source)
	b = append(b, `,"url":`...)
	b = appendString(b, a.URL)
	b = append(b, `,"cluster":`...)
	b = appendString(b, a.Cluster)
	b = append(b, `,"story":`...)
	b = appendString(b, a.Story)
	if a.CopyOf != "" {
		b = append(b, `,"copy_of":`...)
		b = appendString(b, a.CopyOf)
		b = append(b, `,"copy_kind":`...)
		b = appendString(b, string(a.CopyKind))
	}
	b = append(b, `,"quotes":[`...)
	for i, q := range a.Quotes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendString(b, q.Text)
		b = append(b, `,"speaker":`...)
		b = appendString(b, q.Speaker)
		b = append(b, `,"kind":`...)
		b = appendString(b, string(q.Kind))
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(a.Boilerplate) > 0 {
		b = append(b, `,"boilerplate":[`...)
		for i, s := range a.Boilerplate {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendDocJSON appends the article rendered in d as AppendJSON would,
// without building an Article.
func (g *Generator) appendDocJSON(b []byte, d *doc, e *event, sp spec, copyOf int) []byte {
	o := &g.outlets[sp.outlet]
	id := e.base + sp.k
	b = append(b, `{"id":"`...)
	b = appendID(b, id)
	b = append(b, `","title":`...)
	b = appendString(b, d.title)
	b = append(b, `,"text":"`...)
	for i, p := range d.paras {
		if i > 0 {
			b = append(b, `\n\n`...)
		}
		b = appendEscaped(b, d.text(p))
	}
	b = append(b, `","lang":"`...)
	b = append(b, [2]string{"en", "ru"}[sp.lang]...)
	b = append(b, `","date":"`...)
	b = appendDate(b, sp.pub, true)
	b = append(b, `","source":`...)
	b = appendString(b, o.name)
	b = append(b, `,"url":"https://`...)
	b = appendEscaped(b, o.host)
	b = appendDate(b, sp.pub, false)
	b = appendID(b, id)
	b = append(b, `","cluster":"e`...)
	b = strconv.AppendInt(b, int64(e.id), 10)
	b = append(b, `","story":"s`...)
	b = strconv.AppendInt(b, int64(e.story.id), 10)
	b = append(b, '"')
	if copyOf >= 0 {
		b = append(b, `,"copy_of":"`...)
		b = appendID(b, copyOf)
		b = append(b, `","copy_kind":"`...)
		b = append(b, sp.kind...)
		b = append(b, '"')
	}
	b = append(b, `,"quotes":[`...)
	for i, q := range d.quotes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendString(b, q.q.Text)
		b = append(b, `,"speaker":`...)
		b = appendString(b, q.q.Speaker)
		b = append(b, `,"kind":"`...)
		b = append(b, q.q.Kind...)
		b = append(b, `"}`...)
	}
	for i, q := range d.reported {
		if i > 0 || len(d.quotes) > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendString(b, d.rtext(q))
		b = append(b, `,"speaker":`...)
		b = appendString(b, d.rspeaker(q))
		b = append(b, `,"kind":"`...)
		b = append(b, "indirect"...)
		b = append(b, `"}`...)
	}
	b = append(b, ']')
	n := 0
	for _, p := range d.paras {
		if !p.boiler {
			continue
		}
		if n == 0 {
			b = append(b, `,"boilerplate":[`...)
		} else {
			b = append(b, ',')
		}
		n++
		b = appendString(b, d.text(p))
	}
	if n > 0 {
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendDate appends t as t.AppendFormat does with the layout
// "2006-01-02T15:04:05Z" (long) or "/2006/01/02/", without reading the
// layout for every article.
func appendDate(b []byte, t time.Time, long bool) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		if long {
			return t.AppendFormat(b, "2006-01-02T15:04:05Z")
		}
		return t.AppendFormat(b, "/2006/01/02/")
	}
	two := func(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	sep := byte('-')
	if !long {
		b, sep = append(b, '/'), '/'
	}
	b = two(two(b, y/100), y%100)
	b = two(append(b, sep), int(mo))
	b = two(append(b, sep), d)
	if !long {
		return append(b, '/')
	}
	h, mi, s := t.Clock()
	b = two(append(b, 'T'), h)
	b = two(append(b, ':'), mi)
	b = two(append(b, ':'), s)
	return append(b, 'Z')
}

const hexDigits = "0123456789abcdef"

// safeASCII marks the bytes that need no escaping in a JSON string.
var safeASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string, escaping what JSON requires and
// what encoding/json escapes for HTML safety, so that the output is the
// same as json.Marshal's.
func appendString[T ~string | ~[]byte](b []byte, s T) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends the inside of a JSON string.
func appendEscaped[T ~string | ~[]byte](b []byte, s T) []byte {
	// Valid UTF-8 needs decoding only where U+2028 and U+2029 (E2 80
	// A8/A9) may start: once s is known to be valid, wide lets its other
	// bytes from 0x80 on through as they are.
	wide, checked := false, false
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if safeASCII[c] || wide && c >= utf8.RuneSelf && c != 0xE2 {
			i = skipSafe(s, i+1, wide) // most of a text is runs of such bytes
			continue
		}
		if c >= utf8.RuneSelf {
			if !checked {
				// what comes before is ASCII: s is valid if the rest is
				wide, checked = validUTF8(s[i:]), true
				continue
			}
			r, size := decodeRune(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, s[start:i]...)
				b = append(b, `\u202`...)
				b = append(b, hexDigits[r&0xf])
			default:
				i += size
				continue
			}
			i += size
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	return append(b, s[start:]...)
}

// skipSafe returns where the run of bytes that need no escaping that s
// has at i ends, or a little before: it looks at eight bytes at a time.
// They are those of safeASCII, and when wide all bytes from 0x80 on but
// 0xE2.
func skipSafe[T ~string | ~[]byte](s T, i int, wide bool) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// (v-ones)&^v sets the high bit of a byte of v that is zero and
		// never misses one (it may set those above it too): each term
		// below flags a byte of one kind, and any flag ends the run.
		m := (x - 0x20*ones) &^ x // a byte below 0x20
		v := (x | 0x04*ones) ^ 0x26*ones
		m |= (v - ones) &^ v // '"' or '&'
		v = (x | 0x02*ones) ^ 0x3e*ones
		m |= (v - ones) &^ v // '<' or '>'
		v = x ^ '\\'*ones
		m |= (v - ones) &^ v
		if wide {
			v = x ^ 0xe2*ones
			m |= (v - ones) &^ v
		} else {
			m |= x // a byte from 0x80 on
		}
		if m&highs != 0 {
			break
		}
	}
	return i
}

func validUTF8[T ~string | ~[]byte](s T) bool {
	switch v := any(s).(type) {
	case string:
		return utf8.ValidString(v)
	case []byte:
		return utf8.Valid(v)
	}
	for i := 0; i < len(s); { // a named type: decode rune by rune
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := decodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

func decodeRune[T ~string | ~[]byte](s T) (rune, int) {
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], s[:min(len(s), utf8.UTFMax)])
	return utf8.DecodeRune(buf[:n])
}

// Stats summarises a written stream.
type Stats struct {
	Articles int
	Bytes    int64
	Copies   int
	Russian  int
	Events   int
	Stories  int
}

// chunk is a run of consecutive articles rendered by one worker.
type chunk struct {
	items []item
	out   []byte
	st    Stats
	done  chan struct{}
}

const chunkSize = 128

// WriteJSONL writes opts.Articles articles to w as JSON Lines, checking ctx
// between chunks. Scheduling is sequential; rendering and encoding run on
// every core, and chunks are written in order, so the bytes are the same
// as a sequential run's.
func WriteJSONL(ctx context.Context, w io.Writer, opts Options) (Stats, error) {
	g := New(opts)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait() // no goroutine outlives the call
	}()
	workers := max(runtime.GOMAXPROCS(0), 1)
	jobs := make(chan *chunk, 2*workers)
	order := make(chan *chunk, 4*workers)
	// Written chunks come back for reuse, so that buffers stop growing.
	free := make(chan *chunk, 8*workers)
	// The scheduler: chunks of items, in arrival order.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(order)
		for {
			var c *chunk
			select {
			case c = <-free:
				c.items, c.out, c.st = c.items[:0], c.out[:0], Stats{}
			default:
				c = &chunk{items: make([]item, 0, chunkSize)}
			}
			c.done = make(chan struct{})
			for len(c.items) < chunkSize {
				it, ok := g.nextItem()
				if !ok {
					break
				}
				c.items = append(c.items, it)
			}
			if len(c.items) == 0 {
				return
			}
			select {
			case order <- c:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d, src doc
			for c := range jobs {
				for _, it := range c.items {
					sp, copyOf := g.renderDoc(&d, &src, it.ev, it.k)
					c.out = g.appendDocJSON(c.out, &d, it.ev, sp, copyOf)
					c.out = append(c.out, '\n')
					c.st.Articles++
					if copyOf >= 0 {
						c.st.Copies++
					}
					c.st.Russian += sp.lang
				}
				c.st.Bytes = int64(len(c.out))
				close(c.done)
			}
		}()
	}
	var st Stats
	every := g.opts.ProgressEvery
	for c := range order {
		select {
		case <-c.done:
		case <-ctx.Done():
			return st, fmt.Errorf("gen: %w", ctx.Err())
		}
		if _, err := w.Write(c.out); err != nil {
			return st, fmt.Errorf("gen: write: %w", err)
		}
		before := st.Articles
		st.Articles += c.st.Articles
		st.Bytes += c.st.Bytes
		st.Copies += c.st.Copies
		st.Russian += c.st.Russian
		select {
		case free <- c:
		default:
		}
		if opts.Progress != nil {
			for n := (before/every + 1) * every; n <= st.Articles; n += every {
				opts.Progress(n)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return st, fmt.Errorf("gen: %w", err)
	}
	st.Events, st.Stories = g.events, g.stories
	if opts.Progress != nil {
		opts.Progress(st.Articles)
	}
	return st, nil
}

// WriteFile writes the stream to path, gzip-compressed when path ends in
// ".gz".
func WriteFile(ctx context.Context, path string, opts Options) (st Stats, err error) {
	f, err := os.Create(path)
	if err != nil {
		return Stats{}, fmt.Errorf("gen: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("gen: close %s: %w", path, cerr)
		}
	}()
	if !strings.HasSuffix(path, ".gz") {
		return WriteJSONL(ctx, f, opts)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestSpeed)
	if err != nil {
		return Stats{}, fmt.Errorf("gen: %w", err)
	}
	st, err = WriteJSONL(ctx, zw, opts)
	if err != nil {
		return st, err
	}
	if err := zw.Close(); err != nil {
		return st, fmt.Errorf("gen: gzip %s: %w", path, err)
	}
	return st, nil
}

// WritePairs writes the ground-truth copy pairs of the stream opts
// describes, one {"a", "b", "kind"} line each, as ../shared/tools/
// score_dups.py reads them: every copy with its original, and every two
// whole copies (duplicates or near-duplicates) of one original: duplicate
// if both are duplicates, near_duplicate otherwise. A partial copy and
// another copy of its original share text only if the paragraphs it took
// survive in the other, which the truth does not say; such pairs are not
// written (storyline bench leaves them unjudged). It keeps the copies of
// each original in memory, not the texts.
func WritePairs(ctx context.Context, w io.Writer, opts Options) error {
	type cp struct {
		id   string
		kind string
	}
	groups := map[string][]cp{}
	var origs []string
	g := New(opts)
	for a := range g.All() {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		if a.CopyOf == "" {
			continue
		}
		if _, ok := groups[a.CopyOf]; !ok {
			origs = append(origs, a.CopyOf)
		}
		groups[a.CopyOf] = append(groups[a.CopyOf], cp{a.ID, string(a.CopyKind)})
	}
	bw := bufio.NewWriter(w)
	write := func(a, b, kind string) {
		line := struct {
			A    string `json:"a"`
			B    string `json:"b"`
			Kind string `json:"kind"`
		}{a, b, kind}
		buf, _ := json.Marshal(line) // strings only: cannot fail
		bw.Write(append(buf, '\n'))
	}
	for _, o := range origs {
		cs := groups[o]
		for i, c := range cs {
			write(o, c.id, c.kind)
			for _, d := range cs[i+1:] {
				if c.kind == "partial" || d.kind == "partial" {
					continue
				}
				kind := "near_duplicate"
				if c.kind == "duplicate" && d.kind == "duplicate" {
					kind = "duplicate"
				}
				write(c.id, d.id, kind)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: write pairs: %w", err)
	}
	return nil
}
