package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store/sqlite"
)

// lockedBuffer is a bytes buffer safe for a writer and a reader in two
// goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe runs `storyline serve` in process on a free port, posts
// articles through the real pipeline, reads them back through the API and
// the UI, and stops it as a signal would.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		base = urlRE.FindString(out.String())
	}
	if base == "" {
		t.Fatalf("serve printed no URL: %q %q", out.String(), errb.String())
	}

	post := func(body string) (int, map[string]any) {
		t.Helper()
		resp, err := http.Post(base+"api/articles", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, v
	}
	body := `[{"id":"s1","title":"Ferry service resumes","text":"The ferry between the two islands resumed on Monday after a week of storms, the operator said.","source":"isles.example","published":"2026-04-06"},
		{"id":"s2","text":""}]`
	code, v := post(body)
	if code != 200 || v["added"] != 1.0 || v["skipped"] != 1.0 {
		t.Fatalf("first post: %d %v", code, v)
	}
	if code, v = post(body); code != 200 || v["unchanged"] != 1.0 || v["added"] != 0.0 {
		t.Errorf("second post: %d %v, want unchanged", code, v)
	}
	if code, v = post(`{"id":"s3","text":"   "}`); code != 400 {
		t.Errorf("all-bad post: %d %v, want 400", code, v)
	}

	for path, want := range map[string]string{
		"api/articles/s1": `"source":"isles.example"`,
		"api/health":      `"status":"ok"`,
		"articles/s1":     "Ferry service resumes",
		"metrics":         `storyline_ingested_articles_total{outcome="added"} 1`,
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET /%s: %d, lacks %s", path, resp.StatusCode, want)
		}
	}

	cancel() // as SIGINT does through signal.NotifyContext
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	// What was posted is in the database for the next run.
	if code, out, _ := runCLI(t, "", "--db", db, "article", "s1", "--json"); code != 0 || !strings.Contains(out, "Ferry service resumes") {
		t.Errorf("article after restart: exit %d %q", code, out)
	}
}

// hangUp yields some of its JSON and then, as a client gone mid-body,
// cancels the request's context and fails.
type hangUp struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (h *hangUp) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if err == io.EOF {
		h.cancel()
		return n, errors.New("connection reset")
	}
	return n, err
}

// TestServeIngestReopens: a request whose client hangs up midway fails
// and stores nothing of the failed batch; the next request runs
// on a pipeline opened anew from the store, not on the failed one (which
// refuses work), and stores its articles.
func TestServeIngestReopens(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.New(ctx, stages(st))
	if err != nil {
		t.Fatal(err)
	}
	reopened := 0
	reopen := func(ctx context.Context) (*pipeline.Pipeline, error) {
		reopened++
		return pipeline.New(ctx, stages(st))
	}
	ing := pipelineIngest(p, reopen, server.DefaultMaxBody)
	article := func(id string) string {
		return fmt.Sprintf(`{"id":%q,"title":"Ferry strike ends in Kelmouth","text":"Ferry crews in Kelmouth returned to work on Friday after the union accepted a new pay offer, ending a strike that had lasted eleven days.","published":"2026-04-06"}`, id)
	}
	rctx, cancel := context.WithCancel(ctx)
	broken := &hangUp{strings.NewReader("[" + article("a1") + "," + article("a2") + ","), cancel}
	if _, err := ing(rctx, broken, "post"); err == nil {
		t.Fatal("a request whose client hung up ingested without error")
	}
	if _, err := st.Article(ctx, "a1"); err == nil {
		t.Error("a1 stored from a request that failed")
	}
	if _, err := p.Feed(ctx, func(func(ingest.Item) bool) {}, pipeline.FeedOptions{}); !errors.Is(err, pipeline.ErrFailed) {
		t.Fatalf("the failed pipeline: %v, want ErrFailed", err)
	}
	rep, err := ing(ctx, strings.NewReader("["+article("b1")+"]"), "post")
	if err != nil {
		t.Fatalf("the request after a failed one: %v", err)
	}
	if rep.Added != 1 || reopened != 1 {
		t.Errorf("added %d, reopened %d times; want 1 and 1", rep.Added, reopened)
	}
	if _, err := st.Article(ctx, "b1"); err != nil {
		t.Errorf("b1 not stored: %v", err)
	}
	if _, err := ing(ctx, strings.NewReader("["+article("c1")+"]"), "post"); err != nil || reopened != 1 {
		t.Errorf("a later request: %v, reopened %d times; want no error and no reopening", err, reopened)
	}
}

// BenchmarkServePost measures POST /api/articles through the real wiring of
// `storyline serve`: ingest.ReadStream, the pipeline with every stage
// stages() configures, and SQLite. Four clients on loopback post JSON
// arrays of 100 new articles each.
func BenchmarkServePost(b *testing.B) {
	const clients, perPost = 4, 100
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.New(ctx, stages(st))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: st, Ingest: pipelineIngest(p, func(ctx context.Context) (*pipeline.Pipeline, error) { return pipeline.New(ctx, stages(st)) }, server.DefaultMaxBody)}).Handler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	words := strings.Fields(`council mayor harbour strike union talks ministry budget river flood bridge
		school hospital election court police market prices export farmers storm coast rail ferry
		said on Monday Tuesday after before while the a of in to and with over under new`)
	r := rand.New(rand.NewPCG(9, 9))
	sentence := func() string {
		ws := make([]string, 10+r.IntN(12))
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
	}
	next := 0
	body := func() []byte {
		arts := make([]map[string]string, perPost)
		for i := range arts {
			var text strings.Builder
			for range 8 {
				text.WriteString(sentence() + " ")
			}
			arts[i] = map[string]string{"id": fmt.Sprintf("p%07d", next), "title": sentence(), "text": text.String(),
				"source": fmt.Sprintf("outlet%d.example", next%40), "published": "2026-04-06"}
			next++
		}
		out, _ := json.Marshal(arts)
		return out
	}
	posted := 0
	for b.Loop() {
		bodies := make([][]byte, clients)
		for c := range bodies {
			bodies[c] = body()
		}
		var wg sync.WaitGroup
		for c := range clients {
			wg.Go(func() {
				resp, err := client.Post(srv.URL+"/api/articles", "application/json", bytes.NewReader(bodies[c]))
				if err != nil {
					b.Error(err)
					return
				}
				defer resp.Body.Close()
				var v struct{ Added int }
				if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 || v.Added != perPost {
					b.Errorf("post: %s added %d %v", resp.Status, v.Added, err)
				}
			})
		}
		wg.Wait()
		posted += clients * perPost
	}
	b.ReportMetric(float64(posted)/b.Elapsed().Seconds(), "articles/s")
}
