package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/store/memory"
)

func TestPostArticles(t *testing.T) {
	big := `{"id":"big","text":"` + strings.Repeat("x", 5000) + `"}`
	for _, tc := range []struct {
		name, ctype, body string
		code              int
		added, skipped    int
		has               string
	}{
		{"one object", "application/json", `{"id":"n1","title":"T","text":"One article."}`, 200, 1, 0, `"outcome":"added"`},
		{"pretty object", "application/json", "{\n  \"id\": \"n1\",\n  \"text\": \"One article.\"\n}\n", 200, 1, 0, `"id":"n1"`},
		{"array", "application/json", `[{"id":"n1","text":"One."},{"id":"n2","text":"Two."}]`, 200, 2, 0, `"id":"n2"`},
		{"json lines", "application/x-ndjson", "{\"id\":\"n1\",\"text\":\"One.\"}\n{\"id\":\"n2\",\"text\":\"Two.\"}\n\n{\"id\":\"n3\",\"text\":\"Three.\"}\n", 200, 3, 0, `"id":"n3"`},
		{"no content type", "", `{"id":"n1","text":"One."}`, 200, 1, 0, ""},
		{"some skipped", "application/json", `[{"id":"n1","text":"One."},{"id":"n2","text":""}]`, 200, 1, 1, `{"origin":"POST /api/articles:2","reason":"empty text"}`},
		{"all skipped", "application/json", `{"id":"n1","text":"  "}`, 400, 0, 1, `no article accepted: POST /api/articles:1: empty text`},
		{"empty body", "application/json", "  \n", 400, 0, 0, "empty body"},
		{"empty array", "application/json", "[]", 400, 0, 0, "empty array"},
		{"broken json", "application/json", "{\"id\":\"n1\",\"text\":\"One.\"}\n{\"id\": n2}\n", 400, 0, 0, "line 2"},
		{"not an object", "application/json", `["just a string"]`, 400, 0, 0, "item 1: want a JSON object, got a string"},
		{"number line", "application/x-ndjson", "{\"id\":\"n1\",\"text\":\"One.\"}\n42\n", 400, 0, 0, "line 2: want a JSON object, got a number"},
		{"wrong type", "text/html", `<p>hi</p>`, 415, 0, 0, "content type"},
		{"too large", "application/json", big, 413, 0, 0, "larger than 4096 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := newTestServer(t)
			rec := do(t, srv.Handler(), "POST", "/api/articles", tc.ctype, tc.body)
			if rec.Code != tc.code {
				t.Fatalf("POST = %d, want %d: %s", rec.Code, tc.code, rec.Body)
			}
			var resp IngestResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("body: %v: %s", err, rec.Body)
			}
			if resp.Added != tc.added || resp.Skipped != tc.skipped {
				t.Errorf("added %d skipped %d, want %d %d: %s", resp.Added, resp.Skipped, tc.added, tc.skipped, rec.Body)
			}
			if tc.code >= 400 && resp.Error == "" {
				t.Errorf("error response without a message: %s", rec.Body)
			}
			if !strings.Contains(rec.Body.String(), tc.has) {
				t.Errorf("body lacks %s: %s", tc.has, rec.Body)
			}
		})
	}
}

func TestPostGzip(t *testing.T) {
	gz := func(s string) string {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	bomb := gz(`{"id":"z","text":"` + strings.Repeat("a", 100_000) + `"}`)
	for _, tc := range []struct {
		name, enc, body string
		code            int
	}{
		{"gzip", "gzip", gz(`[{"id":"g1","text":"Compressed."},{"id":"g2","text":"Also."}]`), 200},
		{"not gzip", "gzip", "plain text", 400},
		{"expands over the limit", "gzip", bomb, 413},
		{"unknown encoding", "br", "x", 415},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := newTestServer(t)
			req := httptest.NewRequest("POST", "/api/articles", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Content-Encoding", tc.enc)
			rec := httptest.NewRecorder()
			srv.Handler().ServeHTTP(rec, req)
			if rec.Code != tc.code {
				t.Errorf("%d, want %d: %s", rec.Code, tc.code, rec.Body)
			}
			if len(bomb) > 4096 {
				t.Fatalf("the compressed bomb (%d bytes) must fit the 4096-byte body limit", len(bomb))
			}
		})
	}
}

func TestPostIdempotent(t *testing.T) {
	srv, st := newTestServer(t)
	body := `[{"id":"p1","title":"Bridge opens","text":"The bridge opened."},{"id":"p2","text":"Second."}]`
	want := []struct{ added, unchanged, updated int }{{2, 0, 0}, {0, 2, 0}}
	for i, w := range want {
		rec := do(t, srv.Handler(), "POST", "/api/articles", "application/json", body)
		var resp IngestResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || rec.Code != 200 {
			t.Fatalf("post %d: %d %s", i, rec.Code, rec.Body)
		}
		if resp.Added != w.added || resp.Unchanged != w.unchanged || resp.Updated != w.updated {
			t.Errorf("post %d: %+v, want %+v", i, resp, w)
		}
	}
	rec := do(t, srv.Handler(), "POST", "/api/articles", "application/json", `{"id":"p1","title":"Bridge opens","text":"The bridge opened at noon."}`)
	if !strings.Contains(rec.Body.String(), `"updated":1`) {
		t.Errorf("changed text: %s", rec.Body)
	}
	a, err := st.Article(context.Background(), "p1")
	if err != nil || a.Text != "The bridge opened at noon." {
		t.Errorf("stored p1 = %q, %v", a.Text, err)
	}
	// The posted article is readable through the API at once.
	if rec := do(t, srv.Handler(), "GET", "/api/articles/p1", "", ""); rec.Code != 200 {
		t.Errorf("GET posted article = %d", rec.Code)
	}
}

func TestPostReadOnlyAndFailing(t *testing.T) {
	st := memory.New(memory.Options{})
	srv := New(Config{Store: st, Logger: quiet()})
	if rec := do(t, srv.Handler(), "POST", "/api/articles", "application/json", `{"id":"a","text":"b"}`); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("read-only POST = %d, want 503", rec.Code)
	}
	failing := func(context.Context, io.Reader, string) (IngestReport, error) {
		return IngestReport{}, errors.New("disk full")
	}
	srv = New(Config{Store: st, Ingest: failing, Logger: quiet()})
	if rec := do(t, srv.Handler(), "POST", "/api/articles", "application/json", `{"id":"a","text":"b"}`); rec.Code != http.StatusInternalServerError {
		t.Errorf("failing ingest = %d, want 500", rec.Code)
	}
}

// TestShutdownLosesNothing cancels the server while an ingest is in
// flight: the request completes, the article is stored, and Serve returns
// only afterwards.
func TestShutdownLosesNothing(t *testing.T) {
	st := memory.New(memory.Options{})
	started := make(chan struct{})
	release := make(chan struct{})
	inner := fakeIngest(st)
	slow := func(ctx context.Context, r io.Reader, origin string) (IngestReport, error) {
		close(started)
		<-release
		return inner(ctx, r, origin)
	}
	srv := New(Config{Store: st, Ingest: slow, Logger: quiet()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()

	type result struct {
		code int
		err  error
	}
	posted := make(chan result, 1)
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/api/articles", "application/json",
			strings.NewReader(`{"id":"late","text":"Posted just before shutdown."}`))
		if err != nil {
			posted <- result{err: err}
			return
		}
		resp.Body.Close()
		posted <- result{code: resp.StatusCode}
	}()
	<-started
	cancel()
	select {
	case err := <-served:
		t.Fatalf("Serve returned with an ingest in flight: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	// New connections are refused while shutting down.
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("listener still accepts connections after cancel")
	}
	close(release)
	if r := <-posted; r.err != nil || r.code != 200 {
		t.Fatalf("in-flight POST: %d %v", r.code, r.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := st.Article(context.Background(), "late"); err != nil {
		t.Errorf("article posted before shutdown lost: %v", err)
	}
}
