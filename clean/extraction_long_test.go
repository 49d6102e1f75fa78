package clean_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/extract"
)

// TestWriteCleanedExtractionPredictions extracts the pages of the article
// extraction benchmark, cleans them in order (each page's outlet is its
// host) and writes {"id","text"} per page to $STORYLINE_OUT/pred-clean.jsonl
// (default: a temporary folder), to be scored with
// shared/tools/score_extraction.py beside extract's own predictions. It
// runs only with STORYLINE_LONG=1.
func TestWriteCleanedExtractionPredictions(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") != "1" {
		t.Skip("set STORYLINE_LONG=1 to write cleaned extraction predictions")
	}
	f, err := os.Open("../../shared/data/article_extraction_benchmark/data.jsonl.gz")
	if err != nil {
		t.Skipf("article extraction benchmark not available: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("STORYLINE_OUT")
	if out == "" {
		out = t.TempDir()
	}
	path := filepath.Join(out, "pred-clean.jsonl")
	w, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	enc := json.NewEncoder(w)
	c := clean.New(clean.Options{})
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var p struct {
			ID   string `json:"id"`
			HTML string `json:"html"`
			URL  string `json:"url"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		a, err := extract.HTML([]byte(p.HTML), p.URL)
		if err != nil {
			t.Logf("%s: %v", p.ID, err)
		}
		if u, err := url.Parse(p.URL); err == nil {
			a.Source = u.Host
		}
		a.ID = p.ID
		if err := c.Clean(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(map[string]string{"id": p.ID, "text": a.Text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}
