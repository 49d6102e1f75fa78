package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/storyline-news/storyline"
)

// IngestFunc stores articles posted to the API. r holds JSON Lines: one
// JSON object per line, in the input format the CLI reads (what
// ingest.ReadStream accepts). origin names the request; a skip's Origin is
// origin, a colon and the 1-based line ("POST /api/articles:3"), as
// ingest.ReadStream reports it.
//
// It must validate and store exactly as the CLI does — the same id rules,
// the same content hash, so a repeated post is Unchanged — and report what
// it did: counts, the items it refused, and optionally one entry per stored
// article. An error means the store failed, not that an item was bad. The
// server calls it one request at a time, with a context that is not
// cancelled when the client goes away or the server shuts down, so that an
// ingest that started always commits.
//
// Over the pipeline it is, in essence:
//
//	rep, err := p.Feed(ctx, ingest.ReadStream(ctx, r, origin, opts), pipeline.FeedOptions{OnSkip: ...})
type IngestFunc func(ctx context.Context, r io.Reader, origin string) (IngestReport, error)

// IngestReport says what an ingest did with the posted items.
type IngestReport struct {
	Added     int `json:"added"`
	Unchanged int `json:"unchanged"`
	Updated   int `json:"updated"`
	// Articles optionally lists each stored article and its outcome.
	Articles []IngestedArticle `json:"articles"`
	// Skipped lists the refused items.
	Skipped []SkippedItem `json:"skipped"`
}

// IngestedArticle is one stored article and what storing it did.
type IngestedArticle struct {
	ID      string            `json:"id"`
	Outcome storyline.Outcome `json:"outcome"`
	Story   string            `json:"story,omitempty"`
	Event   string            `json:"event,omitempty"`
}

// SkippedItem is one posted item that was refused, and why.
type SkippedItem struct {
	// Origin is "POST /api/articles:N" for the N-th posted item.
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

// IngestResponse is the body of a POST /api/articles answer.
type IngestResponse struct {
	Added     int `json:"added"`
	Unchanged int `json:"unchanged"`
	Updated   int `json:"updated"`
	Skipped   int `json:"skipped"`
	// Articles are the stored articles when the ingest lists them,
	// SkippedItems the refused ones.
	Articles     []IngestedArticle `json:"articles"`
	SkippedItems []SkippedItem     `json:"skipped_items"`
	// Error explains a 400: every item was refused.
	Error string `json:"error,omitempty"`
}

// ingestOrigin names posted articles in skips and in Article.Origin.
const ingestOrigin = "POST /api/articles"

// jsonLines turns a posted body — one JSON object, a JSON array of
// objects, or JSON Lines — into JSON Lines with one compact object per
// line. It refuses anything else with a message naming where.
func jsonLines(body []byte) ([]byte, int, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, 0, errors.New("empty body: post one JSON object, a JSON array of objects, or JSON Lines")
	}
	var out bytes.Buffer
	n := 0
	add := func(raw json.RawMessage, where string) error {
		if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '{' {
			return fmt.Errorf("%s: want a JSON object, got %s", where, kindOf(b))
		}
		if err := json.Compact(&out, raw); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		out.WriteByte('\n')
		n++
		return nil
	}
	if trimmed[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, 0, fmt.Errorf("invalid JSON array: %s", jsonErr(body, err))
		}
		if len(items) == 0 {
			return nil, 0, errors.New("empty array: nothing to ingest")
		}
		for i, it := range items {
			if err := add(it, fmt.Sprintf("item %d", i+1)); err != nil {
				return nil, 0, err
			}
		}
		return out.Bytes(), n, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		start := dec.InputOffset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("invalid JSON: %s", jsonErr(body, err))
		}
		if err := add(raw, fmt.Sprintf("line %d", lineAt(body, int(start)+leadingSpace(body[start:])))); err != nil {
			return nil, 0, err
		}
	}
	return out.Bytes(), n, nil
}

func leadingSpace(b []byte) int { return len(b) - len(bytes.TrimLeft(b, " \t\r\n")) }

// lineAt returns the 1-based line of byte offset off in b.
func lineAt(b []byte, off int) int {
	off = min(off, len(b))
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// jsonErr describes a JSON error with the line it happened on.
func jsonErr(body []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d: %v", lineAt(body, int(se.Offset)), se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("line %d: %v", lineAt(body, int(te.Offset)), te)
	}
	return err.Error()
}

func kindOf(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

func (s *Server) apiPostArticles(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		writeError(w, http.StatusServiceUnavailable, "this server is read-only: no ingest configured")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !acceptedType(ct) {
		writeError(w, http.StatusUnsupportedMediaType, "content type %q: post application/json or application/x-ndjson", ct)
		return
	}
	var in io.Reader = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip":
		zr, err := gzip.NewReader(in)
		if err != nil {
			writeError(w, http.StatusBadRequest, "gzip body: %v", err)
			return
		}
		defer zr.Close()
		// The limit holds for the body as decompressed too.
		in = &limitedReader{r: zr, n: s.cfg.MaxBody}
	default:
		writeError(w, http.StatusUnsupportedMediaType, "content encoding %q: post plain or gzip", enc)
		return
	}
	body, err := io.ReadAll(in)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || errors.Is(err, errTooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, "body larger than %d bytes: split it into smaller posts", s.cfg.MaxBody)
			return
		}
		writeError(w, http.StatusBadRequest, "reading body: %v", err)
		return
	}
	lines, n, err := jsonLines(body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	// An ingest that started finishes even if the client leaves or the
	// server shuts down: its batch commits, nothing accepted is lost.
	s.ingests.Add(1)
	defer s.ingests.Done()
	ctx := context.WithoutCancel(r.Context())
	s.ingestMu.Lock()
	rep, err := s.cfg.Ingest(ctx, bytes.NewReader(lines), ingestOrigin)
	s.ingestMu.Unlock()
	if err != nil {
		s.log.Error("ingest", "items", n, "err", err)
		writeError(w, http.StatusInternalServerError, "storing articles failed: %v", err)
		return
	}
	resp := IngestResponse{
		Added: rep.Added, Unchanged: rep.Unchanged, Updated: rep.Updated,
		Skipped: len(rep.Skipped), Articles: rep.Articles, SkippedItems: rep.Skipped,
	}
	if resp.Articles == nil {
		resp.Articles = []IngestedArticle{}
	}
	if resp.SkippedItems == nil {
		resp.SkippedItems = []SkippedItem{}
	}
	for outcome, n := range map[string]int{"added": rep.Added, "unchanged": rep.Unchanged, "updated": rep.Updated, "skipped": len(rep.Skipped)} {
		s.metrics.ingested.WithLabelValues(outcome).Add(float64(n))
	}
	code := http.StatusOK
	if rep.Added+rep.Unchanged+rep.Updated == 0 && len(rep.Skipped) > 0 {
		code = http.StatusBadRequest
		msgs := make([]string, 0, 3)
		for _, sk := range rep.Skipped[:min(3, len(rep.Skipped))] {
			msgs = append(msgs, fmt.Sprintf("%s: %s", sk.Origin, sk.Reason))
		}
		resp.Error = "no article accepted: " + strings.Join(msgs, "; ")
	}
	writeJSON(w, code, resp)
}

// errTooLarge reports a decompressed body over the limit.
var errTooLarge = errors.New("body too large")

// limitedReader fails with errTooLarge once more than n bytes were read.
type limitedReader struct {
	r io.Reader
	n int64
}

// Read reads from the underlying reader until the limit is passed.
func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if l.n < 0 {
		return k, errTooLarge
	}
	return k, err
}

// acceptedType reports whether a POST's content type can carry JSON.
func acceptedType(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	switch ct {
	case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines",
		"application/jsonlines", "text/plain", "application/octet-stream",
		// what curl -d sends unless told otherwise; the body is still JSON
		"application/x-www-form-urlencoded":
		return true
	}
	return false
}
