package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/textproc"
)

func at(s string) storyline.Published {
	p, err := storyline.ParsePublished(s)
	if err != nil {
		panic(err)
	}
	return p
}

// hostile is text written to break out of HTML wherever it lands.
const hostile = `<script>alert(1)</script>`

// seed stores a hand-written story of a harbour strike: an agency text,
// an outlet that copies it, one that reports on its own, and a hostile
// article in a second story.
func seed(t testing.TB, st storyline.Store) {
	t.Helper()
	agency := "Dock workers in Port Velna walked out on Tuesday, halting all container traffic. " +
		"\"We will stay out until the new contract is signed,\" union leader Marta Oren said.\n" +
		"The port authority said talks would resume on Thursday."
	arts := []storyline.Article{
		{ID: "a1", Title: "Port Velna dock workers strike", Source: "agency.example", URL: "https://agency.example/strike", Lang: "en",
			Published: at("2025-05-06T07:00:00Z"), Text: agency,
			Entities: []storyline.Entity{{Name: "Marta Oren", Kind: storyline.Person, Mentions: []storyline.Mention{{Text: "Marta Oren", Start: 147, End: 157}}}}},
		{ID: "a2", Title: "Port Velna dock workers strike - Coast Herald", Source: "Coast Herald", Lang: "en",
			Published: at("2025-05-06T09:15:00Z"), Text: "HERALD — " + agency,
			Entities: []storyline.Entity{{Name: "Marta Oren", Kind: storyline.Person}}},
		{ID: "a3", Title: "Strike at Port Velna enters second day", Source: "bay-news.example", Lang: "en",
			Published: at("2025-05-07T10:00:00Z"),
			Text:      "The dock strike in Port Velna entered its second day. Union leader Marta Oren said members would stay out until a contract was signed."},
		{ID: "x1", Title: hostile, Source: `"><script>alert(2)</script>`, URL: "javascript:alert(3)", Lang: "en",
			Published: at("2025-05-08"), Text: "Body with <img src=x onerror=alert(4)> and " + hostile + " inside."},
	}
	for i := range arts {
		arts[i].Hash = textproc.Hash(arts[i].Title + "\n" + arts[i].Text)
	}
	b := storyline.Batch{
		Articles: arts,
		Copies: []storyline.Copy{{A: "a1", B: "a2", Kind: storyline.NearDuplicate, Similarity: 0.95, AShare: 1, BShare: 0.97,
			Direction: storyline.AToB, Passages: []storyline.Passage{{AStart: 0, AEnd: 80, BStart: 9, BEnd: 89, Text: agency[:80]}}}},
		Assignments: []storyline.Assignment{
			{Article: "a1", Event: "e1", Story: "s1", Why: &storyline.Why{NewEvent: true, NewStory: true}},
			{Article: "a2", Event: "e1", Story: "s1"},
			{Article: "a3", Event: "e2", Story: "s1"},
			{Article: "x1", Event: "ex", Story: "sx"},
		},
		Quotes: map[string][]storyline.Quote{
			"a1": {{Article: "a1", Text: "We will stay out until the new contract is signed", Start: 82, End: 131, Speaker: "Marta Oren", Kind: storyline.Direct, Statement: "q1", SpeakerStart: -1, SpeakerEnd: -1}},
			"a2": {{Article: "a2", Text: "We will stay out until the new contract is signed", Start: 91, End: 140, Speaker: "Marta Oren", Kind: storyline.Direct, Statement: "q1", SpeakerStart: -1, SpeakerEnd: -1}},
			"a3": {{Article: "a3", Text: "members would stay out until a contract was signed", Start: 83, End: 133, Speaker: "Marta Oren", Kind: storyline.Indirect, Statement: "q1", SpeakerStart: -1, SpeakerEnd: -1}},
			"x1": {{Article: "x1", Text: hostile, Start: 43, End: 68, Speaker: hostile, Kind: storyline.Direct, Statement: "qx"}},
		},
	}
	if _, err := st.Commit(context.Background(), b); err != nil {
		t.Fatal(err)
	}
}

// fakeIngest stores JSON Lines the way the CLI does in spirit: an id and a
// text are required, the content hash decides unchanged from updated, and
// each new article opens a story of its own.
func fakeIngest(st storyline.Store) IngestFunc {
	return func(ctx context.Context, r io.Reader, origin string) (IngestReport, error) {
		var rep IngestReport
		var batch []storyline.Article
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 64<<20)
		for n := 1; sc.Scan(); n++ {
			var a storyline.Article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				rep.Skipped = append(rep.Skipped, SkippedItem{Origin: fmt.Sprintf("%s:%d", origin, n), Reason: err.Error()})
				continue
			}
			if strings.TrimSpace(a.Text) == "" {
				rep.Skipped = append(rep.Skipped, SkippedItem{Origin: fmt.Sprintf("%s:%d", origin, n), Reason: "empty text"})
				continue
			}
			if a.ID == "" {
				a.ID = textproc.Hash(a.Text)[:16]
			}
			a.Origin = fmt.Sprintf("%s:%d", origin, n)
			a.Hash = textproc.Hash(a.Title + "\n" + a.Text)
			batch = append(batch, a)
		}
		if err := sc.Err(); err != nil {
			return rep, fmt.Errorf("read: %w", err)
		}
		b := storyline.Batch{Articles: batch}
		for _, a := range batch {
			b.Assignments = append(b.Assignments, storyline.Assignment{Article: a.ID, Event: "e-" + a.ID, Story: "s-" + a.ID})
		}
		outs, err := st.Commit(ctx, b)
		if err != nil {
			return rep, fmt.Errorf("commit: %w", err)
		}
		for i, a := range batch {
			rep.Articles = append(rep.Articles, IngestedArticle{ID: a.ID, Outcome: outs[i], Story: "s-" + a.ID})
			switch outs[i] {
			case storyline.Added:
				rep.Added++
			case storyline.Unchanged:
				rep.Unchanged++
			case storyline.Updated:
				rep.Updated++
			}
		}
		return rep, nil
	}
}

// testStore is a store the server is tested over.
type testStore struct {
	name string
	open func(t testing.TB) storyline.Store
}

// testStores lists the stores the server is tested over.
func testStores() []testStore {
	return []testStore{
		{"memory", func(testing.TB) storyline.Store { return memory.New(memory.Options{}) }},
		{"sqlite", func(t testing.TB) storyline.Store {
			db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}},
	}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newTestServer serves the seeded story from an in-memory store.
func newTestServer(t testing.TB) (*Server, storyline.Store) {
	return newTestServerOn(t, testStores()[0].open(t))
}

func newTestServerOn(t testing.TB, st storyline.Store) (*Server, storyline.Store) {
	seed(t, st)
	return New(Config{Store: st, Ingest: fakeIngest(st), MaxBody: 4096, Logger: quiet()}), st
}

// failingStats is a store whose Stats fails.
type failingStats struct{ storyline.Store }

func (failingStats) Stats(context.Context) (storyline.Stats, error) {
	return storyline.Stats{}, errors.New("stats: disk on fire")
}

func do(t *testing.T, h http.Handler, method, target, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestAPI(t *testing.T) {
	for _, sc := range testStores() {
		t.Run(sc.name, func(t *testing.T) {
			srv, _ := newTestServerOn(t, sc.open(t))
			testAPI(t, srv.Handler())
		})
	}
}

func testAPI(t *testing.T, h http.Handler) {
	for _, tc := range []struct {
		name, target string
		code         int
		// keys that the JSON object must have
		keys []string
		// substrings the body must contain
		has []string
	}{
		{"health", "/api/health", 200, []string{"status", "stats"}, []string{`"status":"ok"`, `"articles":4`}},
		{"stories", "/api/stories", 200, []string{"stories", "limit", "offset"}, []string{`"id":"sx"`, `"first_published":"2025-05-06T07:00:00Z"`, `"articles":3`}},
		{"stories page", "/api/stories?limit=1", 200, []string{"stories", "next_offset"}, []string{`"next_offset":1`, `"id":"sx"`}},
		{"stories last page", "/api/stories?limit=1&offset=1", 200, []string{"stories"}, []string{`"id":"s1"`}},
		{"stories search", "/api/stories?q=dock", 200, []string{"stories"}, []string{`"id":"s1"`}},
		{"stories until", "/api/stories?until=2025-05-07", 200, []string{"stories"}, []string{`"id":"s1"`}},
		{"stories since", "/api/stories?since=2025-05-08", 200, []string{"stories"}, []string{`"id":"sx"`}},
		{"stories bad date", "/api/stories?since=yesterday", 400, []string{"error"}, []string{"since: want YYYY-MM-DD"}},
		{"stories bad limit", "/api/stories?limit=0", 400, []string{"error"}, []string{"limit: want an integer from 1 to 100"}},
		{"stories bad offset", "/api/stories?offset=-1", 400, []string{"error"}, nil},
		{"story", "/api/stories/s1", 200, []string{"id", "headline", "summary", "timeline", "sources", "first_reporter", "speakers", "entities", "copy_graph", "articles"},
			[]string{`"headline":"Port Velna dock workers strike"`, `"first_reporter":"agency.example"`, `"name":"Marta Oren"`, `"directed":true`}},
		{"story missing", "/api/stories/nope", 404, []string{"error"}, []string{"story not found"}},
		{"article", "/api/articles/a2", 200, []string{"id", "title", "text", "published", "quotes", "copies", "story", "event"},
			[]string{`"story":"s1"`, `"kind":"near_duplicate"`, `"speaker":"Marta Oren"`}},
		{"article missing", "/api/articles/nope", 404, []string{"error"}, nil},
		{"quotes by speaker", "/api/quotes?speaker=marta%20oren", 200, []string{"quotes"}, []string{`"statement":"q1"`}},
		{"quotes bad limit", "/api/quotes?limit=x", 400, []string{"error"}, nil},
		{"unknown endpoint", "/api/nothing", 404, []string{"error"}, []string{"no such endpoint"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.target, "", "")
			if rec.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d: %s", tc.target, rec.Code, tc.code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy header")
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &obj); err != nil {
				t.Fatalf("body is not a JSON object: %v\n%s", err, rec.Body)
			}
			for _, k := range tc.keys {
				if _, ok := obj[k]; !ok {
					t.Errorf("no %q in %s", k, rec.Body)
				}
			}
			for _, s := range tc.has {
				if !strings.Contains(rec.Body.String(), s) {
					t.Errorf("body lacks %s:\n%s", s, rec.Body)
				}
			}
		})
	}
}

func TestSnakeCase(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, target := range []string{"/api/stories", "/api/stories/s1", "/api/articles/a1", "/api/quotes", "/api/health"} {
		rec := do(t, srv.Handler(), "GET", target, "", "")
		var v any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if k != strings.ToLower(k) || strings.ContainsAny(k, " -") {
						t.Errorf("%s: key %q is not snake_case", target, k)
					}
					if target != "/api/health" || k != "by_lang" {
						walk(x)
					}
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(v)
	}
}

func TestHealthUnavailable(t *testing.T) {
	srv := New(Config{Store: failingStats{memory.New(memory.Options{})}, Logger: quiet()})
	rec := do(t, srv.Handler(), "GET", "/api/health", "", "")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"status":"unavailable"`) {
		t.Errorf("health with a failing store = %d %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "disk on fire") {
		t.Error("health leaks the store's error text")
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, tc := range []struct{ method, target string }{
		{"DELETE", "/api/stories/s1"},
		{"POST", "/api/stories"},
		{"PUT", "/api/articles"},
	} {
		if rec := do(t, srv.Handler(), tc.method, tc.target, "", ""); rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s = %d, want 405", tc.method, tc.target, rec.Code)
		}
	}
}

func TestMetrics(t *testing.T) {
	srv, _ := newTestServer(t)
	h := srv.Handler()
	do(t, h, "GET", "/api/stories", "", "")
	do(t, h, "GET", "/api/stories/nope", "", "")
	do(t, h, "POST", "/api/articles", "application/json", `{"id":"m1","text":"Metrics count this."}`)
	rec := do(t, h, "GET", "/metrics", "", "")
	body := rec.Body.String()
	for _, want := range []string{
		`storyline_http_requests_total{code="200",method="GET",route="GET /api/stories"} 1`,
		`storyline_http_requests_total{code="404",method="GET",route="GET /api/stories/{id}"} 1`,
		`storyline_ingested_articles_total{outcome="added"} 1`,
		`storyline_http_request_duration_seconds_bucket{route="GET /api/stories",le="0.05"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
