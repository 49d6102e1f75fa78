package reading

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
)

// corpusArticle is one article of the real sets in ../shared/data, in the
// common article form.
type corpusArticle struct {
	ID           string `json:"id"`
	Article      string `json:"article"` // polnear: one article, several annotators
	Title        string `json:"title"`
	Text         string `json:"text"`
	Date         string `json:"date"`
	ExpectedText string `json:"expected_text"` // article_extraction_benchmark
}

// corpusArticles returns the articles of the real sets that exist under
// ../shared, then a stretch of the synthetic stream (English and
// Russian), in a fixed order.
func corpusArticles(t testing.TB) []*storyline.Article {
	t.Helper()
	var out []*storyline.Article
	for _, path := range []string{
		"../../shared/data/polnear/data.jsonl",
		"../../shared/data/giveme5w1h_news_cluster/data.jsonl",
		"../../shared/data/ecbplus/data.jsonl.gz",
		"../../shared/data/article_extraction_benchmark/data.jsonl.gz",
	} {
		f, err := os.Open(path)
		if err != nil {
			t.Logf("skipping %s: %v", path, err)
			continue
		}
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			z, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			r = z
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		seen := map[string]bool{}
		for sc.Scan() {
			var c corpusArticle
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			key := c.ID
			if c.Article != "" {
				key = c.Article
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			a := &storyline.Article{ID: key, Title: c.Title, Text: c.Text}
			if c.ExpectedText != "" {
				a.Text = c.ExpectedText
			}
			if d, err := time.Parse(time.RFC3339, c.Date); err == nil {
				a.Published = storyline.Published{Time: d.UTC()}
			} else if d, err := time.Parse(time.DateOnly, c.Date); err == nil {
				a.Published = storyline.Day(d)
			}
			out = append(out, a)
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		f.Close()
	}
	paths, _ := filepath.Glob("../../shared/examples/articles/*.txt")
	for _, p := range paths {
		id := strings.SplitN(filepath.Base(p), "_", 2)[0]
		out = append(out, example(t, id))
	}
	g := gen.New(gen.Options{Articles: 3000, Seed: 7})
	for a := range g.All() {
		out = append(out, &storyline.Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: storyline.Published{Time: a.Published}})
	}
	return out
}

// streamArticles returns the first n articles of the JSON Lines stream
// at path (as `storyline gen` writes), none when path is empty.
func streamArticles(t testing.TB, path string, n int) []*storyline.Article {
	t.Helper()
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*storyline.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for len(out) < n && sc.Scan() {
		var c corpusArticle
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		a := &storyline.Article{ID: c.ID, Title: c.Title, Text: c.Text}
		if d, err := time.Parse(time.RFC3339, c.Date); err == nil {
			a.Published = storyline.Published{Time: d.UTC()}
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// readOutput is what Read found in one article, as dumped for comparison.
type readOutput struct {
	ID       string                  `json:"id"`
	Lang     string                  `json:"lang"`
	Dates    []storyline.DateMention `json:"dates"`
	Entities []storyline.Entity      `json:"entities"`
	Quotes   []storyline.Quote       `json:"quotes"`
}

// TestReadDump reads every real article under ../shared (and a stretch of
// the synthetic stream) and writes what Read found as JSON Lines to
// $STORYLINE_READ_OUT, committing learned names every 50 articles as the
// pipeline does per batch (a line with what Pending returned). Diffing two dumps shows whether a change to
// the read stage changed its output. $STORYLINE_READ_STREAM names a JSON
// Lines stream (`storyline gen`) whose first 2000 articles are read too.
// Gated on STORYLINE_LONG=1.
func TestReadDump(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 (and STORYLINE_READ_OUT) to dump Read over ../shared/data")
	}
	outPath := os.Getenv("STORYLINE_READ_OUT")
	if outPath == "" {
		outPath = filepath.Join(t.TempDir(), "read.jsonl")
	}
	arts := append(corpusArticles(t), streamArticles(t, os.Getenv("STORYLINE_READ_STREAM"), 2000)...)
	if len(arts) == 0 {
		t.Skip("no articles under ../shared")
	}
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	r := New(Options{})
	ctx := context.Background()
	for i, a := range arts {
		if i%50 == 0 {
			if p := r.Pending(); len(p) > 0 {
				if err := enc.Encode(map[string]map[string][]byte{"pending": p}); err != nil {
					t.Fatal(err)
				}
			}
			r.SetReference(a.Published)
		}
		qs, err := r.Read(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(readOutput{ID: a.ID, Lang: a.Lang, Dates: a.Dates, Entities: a.Entities, Quotes: qs}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote Read output of %d articles to %s", len(arts), outPath)
}
