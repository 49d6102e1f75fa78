package gen

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
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
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	valid := utf8.ValidString(s)
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if safeASCII[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			// Valid text needs decoding only where U+2028 and U+2029
			// (E2 80 A8/A9) may start.
			if valid && c != 0xE2 {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
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
	b = append(b, s[start:]...)
	return append(b, '"')
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

// WriteJSONL writes opts.Articles articles to w as JSON Lines, checking ctx
// between articles.
func WriteJSONL(ctx context.Context, w io.Writer, opts Options) (Stats, error) {
	g := New(opts)
	bw := bufio.NewWriterSize(w, 1<<16)
	var st Stats
	var line []byte
	every := g.opts.ProgressEvery
	for {
		if st.Articles%256 == 0 {
			if err := ctx.Err(); err != nil {
				return st, fmt.Errorf("gen: %w", err)
			}
		}
		a, ok := g.Next()
		if !ok {
			break
		}
		line = AppendJSON(line[:0], &a)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return st, fmt.Errorf("gen: write: %w", err)
		}
		st.Articles++
		st.Bytes += int64(len(line))
		if a.CopyOf != "" {
			st.Copies++
		}
		if a.Lang == "ru" {
			st.Russian++
		}
		if opts.Progress != nil && st.Articles%every == 0 {
			opts.Progress(st.Articles)
		}
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("gen: write: %w", err)
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
// copies of one original (duplicate if both are duplicates, partial if
// either is partial, near_duplicate otherwise). It keeps the copies of each
// original in memory, not the texts.
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
				kind := "near_duplicate"
				switch {
				case c.kind == "partial" || d.kind == "partial":
					kind = "partial"
				case c.kind == "duplicate" && d.kind == "duplicate":
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
