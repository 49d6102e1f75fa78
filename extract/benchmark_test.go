package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// benchPage is one page of the article extraction benchmark.
type benchPage struct {
	ID       string `json:"id"`
	HTML     string `json:"html"`
	URL      string `json:"url"`
	Expected string `json:"expected_text"`
}

const benchData = "../../shared/data/article_extraction_benchmark/data.jsonl.gz"

// loadBenchPages reads the article extraction benchmark, skipping the test
// when the shared data is absent.
func loadBenchPages(tb testing.TB) []benchPage {
	tb.Helper()
	f, err := os.Open(benchData)
	if err != nil {
		tb.Skipf("article extraction benchmark not available: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var pages []benchPage
	for sc.Scan() {
		var p benchPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestWriteBenchmarkPredictions writes, for each extraction setting, a
// PRED JSONL file ({"id","text"} per page) over the article extraction
// benchmark into $STORYLINE_OUT (default: a temporary folder), to be scored
// with shared/tools/score_extraction.py. It runs only with STORYLINE_LONG=1.
func TestWriteBenchmarkPredictions(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") != "1" {
		t.Skip("set STORYLINE_LONG=1 to write extraction benchmark predictions")
	}
	pages := loadBenchPages(t)
	out := os.Getenv("STORYLINE_OUT")
	if out == "" {
		out = t.TempDir()
	}
	// The default and the alternatives it was chosen over. Scored with
	// score_extraction.py: default F1 0.965, balanced 0.963, precision
	// 0.935, fallback 0.953, keeptitle 0.963; a generic PruneSelector of
	// related/share/social/promo classes gave 0.949. (Figures before the
	// site-name title strip; default is now 0.966.)
	settings := map[string]HTMLOptions{
		"default":   DefaultHTMLOptions(),
		"balanced":  {},
		"precision": {Focus: trafilatura.FavorPrecision},
		"fallback":  {Focus: trafilatura.FavorRecall, Fallback: true},
		"keeptitle": {Focus: trafilatura.FavorRecall, KeepTitle: true},
	}
	for name, o := range settings {
		path := filepath.Join(out, "pred-"+name+".jsonl")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, p := range pages {
			a, err := HTMLHints([]byte(p.HTML), Hints{URL: p.URL}, o)
			if err != nil {
				t.Logf("%s: %s: %v", name, p.ID, err)
			}
			if err := enc.Encode(map[string]string{"id": p.ID, "text": a.Text}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}

// BenchmarkHTML measures HTML extraction over the benchmark pages; one
// iteration is one page.
func BenchmarkHTML(b *testing.B) {
	pages := loadBenchPages(b)
	raws := make([][]byte, len(pages))
	var size int64
	for i, p := range pages {
		raws[i] = []byte(p.HTML)
		size += int64(len(p.HTML))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := HTML(raws[i%len(raws)], pages[i%len(pages)].URL); err != nil {
			b.Log(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
