package quotes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	storyline "github.com/storyline-news/storyline"

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

// polnearSpan is a span of a PolNeAR attribution, in code points.
type polnearSpan struct {
	Start, End int
	Text       string
}

// TestPolnearIndirect scores reported speech against PolNeAR: the
// attributions whose content (15 characters or more) lies mostly outside
// quotation marks are the gold. A predicted indirect quote is right when
// at least half of it lies in one attribution's content; an attribution
// is found when one prediction covers at least half of its content; the
// speaker is right when its mention overlaps the attribution's source or
// its name holds the source's last word. Gated on STORYLINE_LONG=1, as
// TestPolnearDump; the floors sit a little under the figures measured.
func TestPolnearIndirect(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 to score reported speech on ../shared/data/polnear")
	}
	in, err := os.Open("../../shared/data/polnear/data.jsonl")
	if err != nil {
		t.Skipf("polnear not available: %v", err)
	}
	defer in.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	seen := map[string]bool{}
	var gold, pred, right, found, spkRight int
	for sc.Scan() {
		var doc struct {
			Article, Text string
			Attributions  []struct{ Source, Content []polnearSpan }
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if seen[doc.Article] {
			continue
		}
		seen[doc.Article] = true
		text := []rune(doc.Text)
		quoted := polnearQuoted(text)
		type att struct{ source, content []polnearSpan }
		var atts []att
		for _, a := range doc.Attributions {
			n, q := 0, 0
			for _, c := range a.Content {
				n += c.End - c.Start
				for k := c.Start; k < c.End && k < len(quoted); k++ {
					if quoted[k] {
						q++
					}
				}
			}
			if n >= 15 && 2*q < n {
				atts = append(atts, att{a.Source, a.Content})
			}
		}
		gold += len(atts)
		var qs []storyline.Quote
		for _, q := range Extract(entities.Recognize(entities.NewDoc(doc.Text), nil), "a") {
			if q.Kind == storyline.Indirect {
				qs = append(qs, q)
			}
		}
		pred += len(qs)
		overlap := func(q storyline.Quote, a att) int {
			n := 0
			for _, c := range a.content {
				n += max(0, min(q.End, c.End)-max(q.Start, c.Start))
			}
			return n
		}
		for _, q := range qs {
			best, bestN := -1, 0
			for i, a := range atts {
				if n := overlap(q, a); n > bestN {
					best, bestN = i, n
				}
			}
			if best >= 0 && 2*bestN >= q.End-q.Start {
				right++
				if polnearSpeaker(q, atts[best].source) {
					spkRight++
				}
			}
		}
		for _, a := range atts {
			n := 0
			for _, c := range a.content {
				n += c.End - c.Start
			}
			for _, q := range qs {
				if 2*overlap(q, a) >= n {
					found++
					break
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	p, r := float64(right)/float64(max(pred, 1)), float64(found)/float64(max(gold, 1))
	acc := float64(spkRight) / float64(max(right, 1))
	t.Logf("reported speech on PolNeAR: %d gold, %d predicted, P %.3f R %.3f, speaker accuracy %.3f", gold, pred, p, r, acc)
	if p < 0.87 || r < 0.16 || acc < 0.94 {
		t.Errorf("P %.3f R %.3f speaker %.3f: below the floors P 0.87 R 0.16 speaker 0.94", p, r, acc)
	}
}

// polnearQuoted marks the code points of text inside quotation marks that
// close within their paragraph, as ../shared/tools/score_quotes.py finds
// them, the marks included.
func polnearQuoted(text []rune) []bool {
	in := make([]bool, len(text))
	for _, pair := range [][2]rune{{'“', '”'}, {'"', '"'}, {'«', '»'}, {'„', '“'}} {
		for i := 0; i < len(text); i++ {
			if text[i] != pair[0] {
				continue
			}
			j := i + 1
			for j < len(text) && text[j] != pair[1] && text[j] != '\n' {
				j++
			}
			if j == len(text) || text[j] == '\n' {
				i = j
				continue
			}
			for k := i; k <= j; k++ {
				in[k] = true
			}
			i = j
		}
	}
	return in
}

// polnearSpeaker reports whether q's speaker is one of the sources: its
// mention overlaps one, or its name holds the last word of a source that
// is a name.
func polnearSpeaker(q storyline.Quote, sources []polnearSpan) bool {
	name := strings.ToLower(q.Speaker)
	for _, s := range sources {
		if q.SpeakerStart >= 0 && min(q.SpeakerEnd, s.End) > max(q.SpeakerStart, s.Start) {
			return true
		}
		words := strings.FieldsFunc(strings.ToLower(s.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) > 0 && name != "" && !polnearPronouns[words[len(words)-1]] && strings.Contains(name, words[len(words)-1]) {
			return true
		}
	}
	return false
}

var polnearPronouns = wordSet(`he she they we i it you who his her their him them us me`)
