package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/store/sqlite"
)

// textArticle returns the i-th of a stream of distinct ~3 KB plain-text
// articles in the shape real input has: a title line, a date line, a
// dateline, paragraphs with a quote.
func textArticle(i int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Harbour talks resume as strike enters day %d\nMar %d 2026\n\n", i%40+1, i%28+1)
	fmt.Fprintf(&b, "PORTVILLE, March %d (Meridian) — Negotiators for the dock workers' union and the port authority met again on Tuesday, report %d said.\n\n", i%28+1, i)
	for p := 0; p < 7; p++ {
		fmt.Fprintf(&b, "Paragraph %d of report %d: cargo ships waited outside the breakwater while officials in district %d counted the cost of idle cranes, and shippers warned that perishable goods from %d farms would spoil. ", p, i, (i*7+p)%97, (i*13+p)%89)
		fmt.Fprintf(&b, "“We are not leaving until the offer reflects what the work is worth,” union steward Ana Ruiz %d said, adding that talks would continue.\n\n", (i+p)%50)
	}
	return b.Bytes()
}

// benchIngest ingests n distinct text files per iteration through a
// pipeline built by cfg into a fresh SQLite database.
func benchIngest(b *testing.B, cfg func(storyline.Store) Config) {
	ctx := context.Background()
	dir := b.TempDir()
	const n = 2000
	inputs := make([]ingest.Input, n)
	for i := range inputs {
		p := filepath.Join(dir, fmt.Sprintf("a%05d.txt", i))
		if err := writeFile(p, textArticle(i)); err != nil {
			b.Fatal(err)
		}
		inputs[i] = ingest.Input{Path: p, Size: int64(len(textArticle(i)))}
	}
	b.ResetTimer()
	run := 0
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("run%d.db", run)))
		if err != nil {
			b.Fatal(err)
		}
		run++
		p, err := New(ctx, cfg(st))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		items := func(yield func(ingest.Item) bool) {
			for _, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{Workers: 2}) {
				if !yield(it) {
					return
				}
			}
		}
		r, err := p.Feed(ctx, items, FeedOptions{})
		if err != nil || r.Added != n {
			b.Fatalf("feed: %+v %v", r, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestText is issue #2's figure: plain-text articles of ~3 KB
// read, extracted and stored in SQLite, no later stages.
func BenchmarkIngestText(b *testing.B) {
	benchIngest(b, func(st storyline.Store) Config { return Config{Store: st} })
}

// BenchmarkIngestTextFull runs the same input through every stage.
func BenchmarkIngestTextFull(b *testing.B) {
	benchIngest(b, Standard)
}

func TestTextArticleShape(t *testing.T) {
	a := textArticle(3)
	if n := len(a); n < 2500 || n > 4000 {
		t.Fatalf("article is %d bytes, want ~3 KB", n)
	}
	if !strings.Contains(string(a), "“") {
		t.Fatal("no quote in the article")
	}
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

// BenchmarkIngestHTML is issue #2's HTML figure: the 181 real pages of the
// article-extraction benchmark read, extracted (go-trafilatura) and stored
// in SQLite, extraction on every core, no later stages.
func BenchmarkIngestHTML(b *testing.B) {
	src := filepath.Join("..", "..", "shared", "data", "article_extraction_benchmark", "data.jsonl.gz")
	f, err := os.Open(src)
	if err != nil {
		b.Skipf("no benchmark pages (%v)", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var inputs []ingest.Input
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var page struct{ ID, HTML string }
		if err := json.Unmarshal(sc.Bytes(), &page); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, page.ID+".html")
		if err := writeFile(p, []byte(page.HTML)); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, ingest.Input{Path: p, Size: int64(len(page.HTML))})
	}
	ctx := context.Background()
	run := 0
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("run%d.db", run)))
		if err != nil {
			b.Fatal(err)
		}
		run++
		p, err := New(ctx, Config{Store: st})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		items := func(yield func(ingest.Item) bool) {
			for _, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{Workers: runtime.GOMAXPROCS(0)}) {
				if !yield(it) {
					return
				}
			}
		}
		r, err := p.Feed(ctx, items, FeedOptions{})
		if err != nil || r.Added+r.Skipped != len(inputs) {
			b.Fatalf("feed: %+v %v", r, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(inputs)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
