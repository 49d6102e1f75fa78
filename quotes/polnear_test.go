package quotes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/entities"
)

// TestPolnearDump runs the extractor over PolNeAR and writes the quotes as
// JSON Lines for ../shared/tools/score_quotes.py. It is gated on
// STORYLINE_LONG=1; the output path is $STORYLINE_QUOTES_OUT (default
// polnear_quotes.jsonl in the test's temporary directory, printed).
func TestPolnearDump(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 to run over ../shared/data/polnear")
	}
	in, err := os.Open("../../shared/data/polnear/data.jsonl")
	if err != nil {
		t.Skipf("polnear not available: %v", err)
	}
	defer in.Close()
	outPath := os.Getenv("STORYLINE_QUOTES_OUT")
	if outPath == "" {
		outPath = filepath.Join(t.TempDir(), "polnear_quotes.jsonl")
	}
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	seen := map[string]bool{}
	n := 0
	for sc.Scan() {
		var doc struct{ ID, Article, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if seen[doc.Article] {
			continue
		}
		seen[doc.Article] = true
		res := entities.Recognize(entities.NewDoc(doc.Text), nil)
		for _, q := range Extract(res, doc.ID) {
			if err := enc.Encode(q); err != nil {
				t.Fatal(err)
			}
		}
		n++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("wrote quotes of %d articles to %s\n", n, outPath)
}
