package entities

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"

	storyline "github.com/storyline-news/storyline"
)

// TestPolnearSources measures the recognizer on the speakers PolNeAR
// annotates: every attribution source that is a proper name ("Sen. Ted
// Cruz", "Clinton", "the Justice Department" excluded as it starts lower
// case) should be found as a person or an organisation, never a place.
// Gated on STORYLINE_LONG=1; STORYLINE_SPLIT picks the split (train).
func TestPolnearSources(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 to measure on ../shared/data/polnear")
	}
	f, err := os.Open("../../shared/data/polnear/data.jsonl")
	if err != nil {
		t.Skipf("polnear not available: %v", err)
	}
	defer f.Close()
	split := os.Getenv("STORYLINE_SPLIT")
	if split == "" {
		split = "train"
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	seen := map[string]bool{}
	counts := map[string]int{}
	for sc.Scan() {
		var doc struct {
			Article, Split, Text string
			Attributions         []struct {
				Source []struct {
					Start, End int
					Text       string
				}
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Split != split || seen[doc.Article] {
			continue
		}
		seen[doc.Article] = true
		r := Recognize(NewDoc(doc.Text), nil)
		for _, a := range doc.Attributions {
			for _, s := range a.Source {
				w := strings.Fields(s.Text)
				if len(w) == 0 || len(w) > 4 || !unicode.IsUpper([]rune(w[0])[0]) || !unicode.IsUpper([]rune(w[len(w)-1])[0]) {
					continue
				}
				switch strings.ToLower(w[0]) {
				case "i", "he", "she", "we", "they", "it", "the", "a", "an", "this", "that":
					continue
				}
				kind := "missed"
				for _, m := range r.Mentions {
					if m.Start < s.End && s.Start < m.End {
						kind = string(m.Kind)
						if kind == "" {
							kind = "unknown"
						}
						if m.Kind == storyline.Person || m.Kind == storyline.Organization {
							break
						}
					}
				}
				if os.Getenv("DBG") == kind {
					fmt.Printf("%s: %q\n", kind, s.Text)
				}
				counts[kind]++
				counts["total"]++
			}
		}
	}
	n := float64(counts["total"])
	fmt.Printf("polnear %s: %d proper-name sources: person %.3f, org %.3f, place %.3f, unknown kind %.3f, missed %.3f\n",
		split, counts["total"], float64(counts["person"])/n, float64(counts["org"])/n, float64(counts["place"])/n,
		float64(counts["unknown"])/n, float64(counts["missed"])/n)
}
