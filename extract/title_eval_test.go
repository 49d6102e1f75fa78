package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestTitleLinesOnRealArticles measures title-line detection on real
// labeled articles (shared/data giveme5w1h and PolNeAR): with the gold
// title put before the text as a first line, Text must take it as the
// title; on PolNeAR texts with their title paragraph removed, Text must
// rarely mistake the first body paragraph for a title.
func TestTitleLinesOnRealArticles(t *testing.T) {
	for _, set := range []string{"giveme5w1h_news_cluster", "polnear"} {
		f, err := os.Open("../../shared/data/" + set + "/data.jsonl")
		if err != nil {
			t.Skipf("labeled data not available: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		seen := map[string]bool{}
		n, recovered, mistaken := 0, 0, 0
		for sc.Scan() {
			var r struct{ Title, Text, Article string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			if seen[r.Article+r.Title] || strings.TrimSpace(r.Title) == "" {
				continue
			}
			seen[r.Article+r.Title] = true
			n++
			a, _ := Text([]byte(r.Title+"\n\n"+r.Text), Hints{})
			if a.Title == cleanLine(r.Title) {
				recovered++
			}
			if set != "polnear" {
				continue // giveme5w1h texts often begin with their title
			}
			// PolNeAR texts open with "Title." as a paragraph: drop it.
			_, body, ok := strings.Cut(r.Text, "\n\n")
			if !ok {
				continue
			}
			first, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
			b, _ := Text([]byte(body), Hints{})
			if !strings.HasPrefix(b.Text, strings.TrimSpace(first)) {
				mistaken++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d articles, title line taken %d (%.3f), first body line mistaken for a title %d",
			set, n, recovered, float64(recovered)/float64(n), mistaken)
		if float64(recovered) < 0.97*float64(n) {
			t.Errorf("%s: title line taken for %d of %d articles, want at least 97%%", set, recovered, n)
		}
		if float64(mistaken) > 0.02*float64(n) {
			t.Errorf("%s: first body line mistaken for a title in %d of %d articles, want at most 2%%", set, mistaken, n)
		}
	}
}
