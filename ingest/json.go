package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/extract"
)

// record is one JSON article. Text fields must be strings; the id and
// dates may also be numbers.
type record struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Date      json.RawMessage `json:"date"`
	Published json.RawMessage `json:"published"`
	Lang      string          `json:"lang"`
}

// wrapperKeys are the keys that commonly hold the article list of an
// export or API response ({"status": "ok", "articles": [...]}).
var wrapperKeys = [...]string{"articles", "items", "data", "results", "documents", "docs", "entries", "posts"}

// hasWrapperKey reports whether head holds a wrapper key followed by a
// colon and an opening bracket ("articles": [), white space allowed
// around the colon.
func hasWrapperKey(head []byte) bool {
	if bytes.IndexByte(head, '[') < 0 {
		return false // no list opens: the common case of an article
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for i := 0; ; {
		j := bytes.IndexByte(head[i:], '"')
		if j < 0 {
			return false
		}
		i += j + 1
		rest := head[i:]
		if len(rest) == 0 {
			return false
		}
		for _, k := range wrapperKeys {
			if rest[0] != k[0] || len(rest) <= len(k) || rest[len(k)] != '"' || string(rest[:len(k)]) != k {
				continue
			}
			p := len(k) + 1
			for p < len(rest) && isSpace(rest[p]) {
				p++
			}
			if p == len(rest) || rest[p] != ':' {
				continue
			}
			p++
			for p < len(rest) && isSpace(rest[p]) {
				p++
			}
			if p < len(rest) && rest[p] == '[' {
				return true
			}
		}
	}
}

// emitValue yields one JSON value: an article, deferred, or, for a
// wrapper object without text or html of its own, each element of its
// article list, with origin "ORIGIN#n". When raw is a line of a block
// that is used again, block holds it: the article's item takes a hold
// on the block (the elements of a wrapper are copies).
func emitValue(raw []byte, origin string, block *lineBlockRef, yield func(Item) bool) bool {
	if head := raw[:min(len(raw), 512)]; len(raw) > 0 && raw[0] == '{' && hasWrapperKey(head) {
		if elems, ok := wrapped(raw); ok {
			for n, e := range elems {
				o := fmt.Sprintf("%s#%d", origin, n+1)
				if !yield(deferredJSON(e, o)) {
					return false
				}
			}
			return true
		}
	}
	it := deferredJSON(raw, origin)
	if block != nil {
		block.hold()
		it.block = block
	}
	return yield(it)
}

// wrapped returns the elements of a wrapper object's article list; ok is
// false when raw is an article itself or not a wrapper.
func wrapped(raw []byte) ([]json.RawMessage, bool) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return nil, false
	}
	if _, ok := top["text"]; ok {
		return nil, false
	}
	if _, ok := top["html"]; ok {
		return nil, false
	}
	for _, k := range wrapperKeys {
		var elems []json.RawMessage
		if v, ok := top[k]; ok && json.Unmarshal(v, &elems) == nil {
			return elems, true
		}
	}
	return nil, false
}

// str reads a JSON string or number as a string; null and absent give "".
func str(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", err
		}
		return n.String(), nil
	}
	return "", fmt.Errorf("want a string or a number, got %.20s", raw)
}

// jsonArticle turns one JSON value into an Item. raw becomes the article's
// Raw: callers give it away. Unless keepRaw is set, the item keeps
// nothing of raw, which the caller may then write over.
func jsonArticle(raw []byte, origin string, keepRaw bool) Item {
	skip := func(why string) Item { return Item{Skip: &Skip{Origin: origin, Reason: why}} }
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return skip("malformed JSON: want an object")
	}
	var f fields
	if !decodeFields(raw, &f) {
		var why string
		if f, why = decodeRecord(raw); why != "" {
			return skip(why)
		}
	}
	h := extract.Hints{
		ID: strings.TrimSpace(f.id), Title: f.title, URL: strings.TrimSpace(f.url),
		Source: f.source, Lang: strings.TrimSpace(f.lang),
	}
	date := f.date
	if date == "" {
		date = f.published
	}
	if date != "" {
		if p, ok := extract.ParseDate(date); ok {
			h.Published = p
		}
	}
	var it Item
	switch {
	case strings.TrimSpace(f.html) != "":
		a, err := extract.HTMLHints([]byte(f.html), h, extract.DefaultHTMLOptions())
		it = article(a, err, origin)
	case strings.TrimSpace(f.text) != "":
		// Decoding leaves no invalid UTF-8 in a string.
		a, err := extract.TextUTF8(f.text, h)
		it = article(a, err, origin)
	default:
		return skip("empty article: no text or html")
	}
	if it.Skip == nil {
		if !keepRaw {
			raw = nil
		} else if cap(raw)-len(raw) > len(raw)/4 {
			// A line read in pieces grew its buffer: keep about what
			// the article needs (an allocation's own rounding is less).
			raw = bytes.Clone(raw)
		}
		it.Article.Raw = raw[:len(raw):len(raw)]
		it.Article.Format = "json"
	}
	return it
}

// decodeRecord decodes raw with encoding/json, for objects decodeFields
// leaves alone; why, when not empty, is the reason to skip the object.
func decodeRecord(raw []byte) (f fields, why string) {
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return f, fmt.Sprintf("malformed JSON: %v", err)
	}
	id, err := str(rec.ID)
	if err != nil {
		return f, fmt.Sprintf("malformed JSON: field \"id\": %v", err)
	}
	date, err := str(rec.Date)
	if err == nil && date == "" {
		date, err = str(rec.Published)
	}
	if err != nil {
		return f, fmt.Sprintf("malformed JSON: date: %v", err)
	}
	return fields{
		id: id, date: date, title: rec.Title, text: rec.Text, html: rec.HTML,
		url: rec.URL, source: rec.Source, lang: rec.Lang,
	}, ""
}

// readJSON reads JSON Lines, a JSON array or one JSON object (possibly
// spanning lines) from br, yielding one Item per object. A malformed line
// is skipped and the next lines still read; a malformed array or
// multi-line object ends the stream with one skip.
func readJSON(ctx context.Context, br *bufio.Reader, origin string, opts Options, yield func(Item) bool) {
	max := opts.maxSize()
	first, err := peekNonSpace(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			yield(Item{Skip: &Skip{Origin: origin, Reason: "empty input"}})
			return
		}
		yield(Item{Skip: &Skip{Origin: origin, Reason: reason(err)}})
		return
	}
	if first == '[' {
		readJSONArray(ctx, br, origin, max, yield)
		return
	}
	readJSONLines(ctx, br, origin, max, true, opts.DropRaw, yield)
}

// readJSONLines reads JSON Lines. When pretty is set and the first line is
// not JSON by itself, the input may be one object spread over lines: it is
// read whole and decoded as such when it parses, else line by line.
func readJSONLines(ctx context.Context, r io.Reader, origin string, max int64, pretty, dropRaw bool, yield func(Item) bool) {
	lr := newLineReader(r)
	if dropRaw {
		lr = newRecyclingLineReader(r)
	}
	lineNo := 0
	for ctx.Err() == nil {
		line, tooLong, err := lr.readLine(max)
		if len(line) > 0 || tooLong {
			lineNo++
			o := origin + ":" + strconv.Itoa(lineNo)
			trimmed := bytes.TrimSpace(line)
			switch {
			case tooLong:
				if !yield(Item{Skip: &Skip{Origin: o, Reason: fmt.Sprintf("line over the size limit of %d bytes", max)}}) {
					return
				}
			case len(trimmed) == 0:
			case pretty && lineNo == 1 && trimmed[0] == '{' && !json.Valid(trimmed) && err == nil:
				rest, rerr := readLimited(lr.rest(), max-int64(len(line)))
				if rerr != nil {
					yield(Item{Skip: &Skip{Origin: origin, Reason: rerr.Error()}})
					return
				}
				all := append(line, rest...)
				if validValues(all) {
					readJSONValues(all, origin, yield)
				} else {
					readJSONLines(ctx, bytes.NewReader(all), origin, max, false, false, yield)
				}
				return
			default:
				if !emitValue(trimmed, o, lr.cur, yield) {
					return
				}
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				yield(Item{Skip: &Skip{Origin: fmt.Sprintf("%s:%d", origin, lineNo+1), Reason: reason(err)}})
			}
			return
		}
	}
}

// validValues reports whether data is a sequence of valid JSON values.
func validValues(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// readJSONValues decodes successive JSON values from data.
func readJSONValues(data []byte, origin string, yield func(Item) bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	for n := 1; ; n++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return
		}
		o := origin
		if n > 1 {
			o = fmt.Sprintf("%s:#%d", origin, n)
		}
		if err != nil {
			yield(Item{Skip: &Skip{Origin: o, Reason: fmt.Sprintf("malformed JSON: %v", err)}})
			return
		}
		if !emitValue(raw, o, nil, yield) {
			return
		}
	}
}

// readJSONArray streams the elements of a JSON array.
func readJSONArray(ctx context.Context, r io.Reader, origin string, max int64, yield func(Item) bool) {
	dec := json.NewDecoder(r)
	if _, err := dec.Token(); err != nil {
		yield(Item{Skip: &Skip{Origin: origin, Reason: fmt.Sprintf("malformed JSON: %v", err)}})
		return
	}
	for n := 1; dec.More() && ctx.Err() == nil; n++ {
		o := fmt.Sprintf("%s:#%d", origin, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			yield(Item{Skip: &Skip{Origin: o, Reason: fmt.Sprintf("malformed JSON array, rest not read: %v", err)}})
			return
		}
		if int64(len(raw)) > max {
			if !yield(Item{Skip: &Skip{Origin: o, Reason: fmt.Sprintf("element over the size limit of %d bytes", max)}}) {
				return
			}
			continue
		}
		if !yield(deferredJSON(raw, o)) {
			return
		}
	}
}

// peekNonSpace discards leading white space (and a byte order mark) and
// returns the next byte without consuming it.
func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
			continue
		case 0xef:
			if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
				br.Discard(3)
				continue
			}
		}
		return b[0], nil
	}
}
