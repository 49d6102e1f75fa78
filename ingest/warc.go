package ingest

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	warc "github.com/internetarchive/gowarc"

	"github.com/storyline-news/storyline/extract"
)

// readWARC yields one article per HTML response record of a WARC file,
// with the URL from WARC-Target-URI. Other records are passed over
// silently; a response that is not HTML, too large or empty is skipped.
// A corrupt WARC ends with one skip: records cannot be found past it.
func readWARC(ctx context.Context, r io.Reader, origin string, opts Options, yield func(Item) bool) {
	wr, err := warc.NewReader(r)
	if err != nil {
		yield(Item{Skip: &Skip{Origin: origin, Reason: fmt.Sprintf("malformed WARC: %v", err)}})
		return
	}
	defer wr.Close()
	for n := 1; ctx.Err() == nil; n++ {
		rec, err := wr.ReadRecord()
		if errors.Is(err, io.EOF) {
			return
		}
		o := fmt.Sprintf("%s:#%d", origin, n)
		if err != nil {
			yield(Item{Skip: &Skip{Origin: o, Reason: fmt.Sprintf("malformed WARC record, rest not read: %v", err)}})
			return
		}
		it, ok := warcRecord(rec, o, opts.maxSize())
		rec.Content.Close()
		if ok && !yield(it) {
			return
		}
	}
}

// warcRecord reads one WARC record; ok is false for records that are not
// HTTP responses.
func warcRecord(rec *warc.Record, origin string, max int64) (Item, bool) {
	if !strings.EqualFold(rec.Header.Get("WARC-Type"), "response") {
		return Item{}, false
	}
	skip := func(why string) (Item, bool) { return Item{Skip: &Skip{Origin: origin, Reason: why}}, true }
	target := strings.TrimSpace(rec.Header.Get("WARC-Target-URI"))
	target = strings.Trim(target, "<>")
	if _, err := rec.Content.Seek(0, io.SeekStart); err != nil {
		return skip(fmt.Sprintf("unreadable record: %v", err))
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
	if err != nil {
		return skip(fmt.Sprintf("malformed HTTP response in record: %v", err))
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt != "text/html" && mt != "application/xhtml+xml" {
			return Item{}, false
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Item{}, false
	}
	var body io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return skip(fmt.Sprintf("bad gzip body: %v", err))
		}
		defer zr.Close()
		body = zr
	case "deflate":
		fr := flate.NewReader(body)
		defer fr.Close()
		body = fr
	}
	data, err := readLimited(body, max)
	if err != nil {
		return skip(err.Error())
	}
	return deferred(func() Item {
		a, err := extract.HTMLHints(data, extract.Hints{URL: target}, extract.DefaultHTMLOptions())
		it := article(a, err, origin)
		if it.Skip == nil {
			it.Article.Format = "warc"
		}
		return it
	}), true
}
