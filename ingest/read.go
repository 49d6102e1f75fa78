package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
)

// format is an input format.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSON
	formatFeed
	formatWARC
)

// formatByExt maps a lower-case file extension to a format.
func formatByExt(ext string) format {
	switch ext {
	case ".txt", ".text":
		return formatText
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".jsonl", ".ndjson", ".json":
		return formatJSON
	case ".rss", ".atom", ".xml":
		return formatFeed
	case ".warc":
		return formatWARC
	}
	return formatUnknown
}

// sniff guesses a format from the first bytes of an input.
func sniff(head []byte) format {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(h[:min(len(h), 512)])
	switch {
	case bytes.HasPrefix(h, []byte("WARC/")):
		return formatWARC
	case len(h) > 0 && (h[0] == '{' || h[0] == '['):
		return formatJSON
	case bytes.HasPrefix(lower, []byte("<?xml")) &&
		(bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf"))):
		return formatFeed
	case bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")):
		return formatFeed
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html")):
		return formatHTML
	}
	return formatText
}

// isBinary reports whether data looks like a binary file: NUL bytes, or
// content that is neither text nor a markup nor JSON by its magic number.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ct := http.DetectContentType(head)
	return !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "json") &&
		!strings.Contains(ct, "xml") && ct != "application/octet-stream"
}

// fileID is a file's base name without its extensions (".gz" and one
// more): "000_7cbe878a3a053c16.txt" gives "000_7cbe878a3a053c16".
func fileID(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, ".gz")
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// ctxReader fails reads once its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read reads from the underlying reader unless the context is done.
func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Read reads one input and yields its articles and skips, in input order.
// A text or HTML file is one article; JSON Lines, a JSON array, a feed and
// a WARC are many. Gzip-compressed inputs (".gz") are decompressed. The
// format comes from the extension when it names one, else from the
// content. Reading stops early when ctx is done.
func Read(ctx context.Context, in Input, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		runOrdered(ctx, opts.Workers, opts.dropRaw(yield), func(ctx context.Context, emit func(Item) bool) {
			withLimit(ctx, in.Path, opts, emit, func(ctx context.Context, emit func(Item) bool) {
				readInput(ctx, in, opts, emit)
			})
		})
	}
}

// ReadInputs reads inputs in order, as Read does each, with one pool of
// opts.Workers extracting articles from all of them, so that a folder of
// single-article files is extracted in parallel too. It yields the index
// in ins of the input each item comes from: when the index moves on, the
// inputs before it are done (a progress bar adds their sizes).
func ReadInputs(ctx context.Context, ins []Input, opts Options) iter.Seq2[int, Item] {
	return func(yield func(int, Item) bool) {
		runOrdered(ctx, opts.Workers, opts.dropRaw(func(it Item) bool {
			return yield(it.input, it)
		}), func(ctx context.Context, emit func(Item) bool) {
			for i, in := range ins {
				if ctx.Err() != nil {
					return
				}
				stopped := false
				withLimit(ctx, in.Path, opts, func(it Item) bool {
					it.input = i
					if !emit(it) {
						stopped = true
						return false
					}
					return true
				}, func(ctx context.Context, emit func(Item) bool) {
					readInput(ctx, in, opts, emit)
				})
				if stopped {
					return
				}
			}
		})
	}
}

// readInput is Read under the read time limit.
func readInput(ctx context.Context, in Input, opts Options, yield func(Item) bool) {
	skip := func(origin, why string) bool {
		return yield(Item{Skip: &Skip{Origin: origin, Reason: why}})
	}
	origin := in.Path
	var r io.Reader
	name := in.Path
	if in.Path == "-" {
		r = opts.stdin()
		name = ""
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			skip(origin, reason(err))
			return
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			skip(origin, "is a folder")
			return
		}
		r = f
	}
	r = ctxReader{ctx: ctx, r: r}
	lowerName := strings.ToLower(name)
	br := bufio.NewReaderSize(r, 16<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			skip(origin, fmt.Sprintf("bad gzip stream: %v", err))
			return
		}
		defer zr.Close()
		br = bufio.NewReaderSize(ctxReader{ctx: ctx, r: zr}, 16<<10)
		lowerName = strings.TrimSuffix(lowerName, ".gz")
	}
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		skip(origin, reason(err))
		return
	}
	if len(bytes.TrimSpace(head)) == 0 && len(head) < 4096 {
		skip(origin, "empty file")
		return
	}
	f := formatByExt(filepath.Ext(lowerName))
	switch {
	case f != formatUnknown:
	case bytes.HasPrefix(head, []byte("WARC/")):
		f = formatWARC
	case !isBinary(head):
		f = sniff(head)
	}
	// A WARC holds binary payloads; any other input must be text.
	if f != formatWARC && isBinary(head) {
		skip(origin, "binary file, not text")
		return
	}
	id := ""
	if name != "" {
		id = fileID(name)
	}
	switch f {
	case formatJSON:
		readJSON(ctx, br, origin, opts, yield)
		return
	case formatWARC:
		readWARC(ctx, br, origin, opts, yield)
		return
	}
	hint := in.Size
	if lowerName != strings.ToLower(name) {
		hint = 0 // compressed size says little
	}
	data, err := readLimitedSize(br, opts.maxSize(), hint)
	if err != nil {
		skip(origin, err.Error())
		return
	}
	switch f {
	case formatFeed:
		readFeed(ctx, data, origin, opts, yield)
	case formatHTML:
		yield(deferred(func() Item {
			a, err := extract.HTMLHints(data, extract.Hints{ID: id}, extract.DefaultHTMLOptions())
			return article(a, err, origin)
		}))
	default:
		if bytes.IndexByte(data, 0) >= 0 {
			skip(origin, "binary file, not text (NUL bytes)")
			return
		}
		if !utf8.Valid(data) {
			skip(origin, fmt.Sprintf("invalid UTF-8 at byte %d", invalidAt(data)))
			return
		}
		yield(deferred(func() Item {
			a, err := extract.Text(data, extract.Hints{ID: id})
			return article(a, err, origin)
		}))
	}
}

// ReadStream reads JSON from r, as an HTTP POST body: one object, an
// array of objects, or JSON Lines. Each object is an article with any of
// id, title, text or html, url, source, date (or published) and lang; an
// object with neither text nor html whose "articles" (or "items", "data",
// "results", "documents", "docs", "entries", "posts") is an array, as API
// responses and exports have, stands for the articles of that array.
// origin names the stream in skips and in each Article.Origin.
func ReadStream(ctx context.Context, r io.Reader, origin string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		runOrdered(ctx, opts.Workers, opts.dropRaw(yield), func(ctx context.Context, emit func(Item) bool) {
			withLimit(ctx, origin, opts, emit, func(ctx context.Context, emit func(Item) bool) {
				readJSON(ctx, bufio.NewReaderSize(ctxReader{ctx: ctx, r: r}, 16<<10), origin, opts, emit)
			})
		})
	}
}

// dropRaw returns yield, which, when o.DropRaw is set, first lets go of
// the item's raw input.
func (o Options) dropRaw(yield func(Item) bool) func(Item) bool {
	if !o.DropRaw {
		return yield
	}
	return func(it Item) bool {
		it.Article.Raw = nil
		return yield(it)
	}
}

// withLimit runs read under opts.ReadTimeout. When the limit stops it
// early, a skip says so (once), unless the read already reported it; when
// ctx itself is done, reading just stops.
func withLimit(ctx context.Context, origin string, opts Options, yield func(Item) bool, read func(context.Context, func(Item) bool)) {
	if opts.ReadTimeout <= 0 {
		read(ctx, yield)
		return
	}
	lctx, cancel := context.WithTimeout(ctx, opts.ReadTimeout)
	defer cancel()
	const limitReason = "read time limit exceeded"
	reported, stopped := false, false
	read(lctx, func(it Item) bool {
		if it.Skip != nil && it.Skip.Reason == limitReason {
			reported = true
		}
		if !yield(it) {
			stopped = true
			return false
		}
		return true
	})
	if !stopped && !reported && ctx.Err() == nil && errors.Is(lctx.Err(), context.DeadlineExceeded) {
		yield(Item{Skip: &Skip{Origin: origin, Reason: fmt.Sprintf("%s (%s)", limitReason, opts.ReadTimeout)}})
	}
}

// readLimited reads all of r, failing when it holds more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	return readLimitedSize(r, max, 0)
}

// readLimitedSize is readLimited with a size hint for the buffer.
func readLimitedSize(r io.Reader, max, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 && hint <= max {
		buf.Grow(int(hint) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, errors.New(reason(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file over the size limit of %d bytes", max)
	}
	return data, nil
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// article turns an extraction result into an Item: the article with its
// origin and a content-hash id when it has none, or a skip.
func article(a storyline.Article, err error, origin string) Item {
	if err != nil {
		why := err.Error()
		switch {
		case errors.Is(err, extract.ErrEmpty):
			why = "empty article"
		case errors.Is(err, extract.ErrInvalidUTF8):
			why = "invalid UTF-8"
		}
		return Item{Skip: &Skip{Origin: origin, Reason: why}}
	}
	if strings.TrimSpace(a.Text) == "" {
		return Item{Skip: &Skip{Origin: origin, Reason: "empty article"}}
	}
	a.Origin = origin
	if a.ID == "" {
		a.ID = contentID(a)
	}
	return Item{Article: a}
}

// contentID is the stable id of an article without one: the first 16 hex
// digits of its content hash.
func contentID(a storyline.Article) string {
	h := a.Hash
	if h == "" {
		h = extract.Hash(a.Title, a.Text)
	}
	return h[:16]
}
