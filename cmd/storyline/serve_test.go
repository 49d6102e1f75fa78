package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
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
