package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// capturedArticle is one line written by TestPipelineQuality (capture_test.go):
// an article as the full pipeline hands it to the clusterer, its copies
// and its gold event.
type capturedArticle struct {
	Article storyline.Article `json:"article"`
	Copies  []storyline.Copy  `json:"copies,omitempty"`
	Gold    string            `json:"gold"`
}

func readCaptured(t testing.TB, path string) []capturedArticle {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("capture not available: %v", err)
	}
	defer f.Close()
	var out []capturedArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var c capturedArticle
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// replay clusters captured articles in order and returns article id →
// event, following merges.
func replay(t testing.TB, opts Options, cs []capturedArticle) map[string]string {
	events, _ := replayStories(t, opts, cs)
	return events
}

// replayStories is replay returning the stories (after merges) as well.
func replayStories(t testing.TB, opts Options, cs []capturedArticle) (events, stories map[string]string) {
	c := New(opts)
	if dbg := os.Getenv("STORYLINE_DEBUG"); dbg != "" {
		c.debug = func(s string) { t.Log(s) }
	}
	events, stories = map[string]string{}, map[string]string{}
	for i := range cs {
		a := &cs[i].Article
		copies := cs[i].Copies
		if os.Getenv("STORYLINE_NOCOPIES") != "" {
			copies = nil
		}
		if dbg := os.Getenv("STORYLINE_DEBUG"); dbg != "" {
			if dbg == "*" || strings.Contains(cs[i].Gold, dbg) {
				c.debug = func(s string) { t.Log(s) }
			} else {
				c.debug = nil
			}
		}
		as, merges, err := c.Assign(context.Background(), a, copies)
		if err != nil {
			t.Fatal(err)
		}
		events[a.ID], stories[a.ID] = as.Event, as.Story
		if dbg := os.Getenv("STORYLINE_DEBUG"); dbg != "" && (dbg == "*" || strings.Contains(cs[i].Gold, dbg)) {
			f := c.Prepare(a)
			var names []string
			for _, id := range c.salient(f) {
				names = append(names, c.lex.term(id))
			}
			t.Logf("%s %-22s → %s sim %.3f names %v copies %d | %.60s", a.ID[:min(8, len(a.ID))], cs[i].Gold, as.Event, as.Why.Similarity, names, len(cs[i].Copies), a.Title)
		}
		followMerges(events, stories, merges)
	}
	return events, stories
}

// bcubedF1 is the B-cubed F1 of pred against gold.
func bcubedF1(gold, pred map[string]string) float64 {
	both, g, p := map[[2]string]int{}, map[string]int{}, map[string]int{}
	for id, gc := range gold {
		pc := pred[id]
		both[[2]string{gc, pc}]++
		g[gc]++
		p[pc]++
	}
	var prec, rec float64
	for id, gc := range gold {
		pc := pred[id]
		n := float64(both[[2]string{gc, pc}])
		prec += n / float64(p[pc])
		rec += n / float64(g[gc])
	}
	prec /= float64(len(gold))
	rec /= float64(len(gold))
	return 2 * prec * rec / (prec + rec)
}

// TestReplay replays the captures in STORYLINE_REPLAY=DIR with the
// default options and prints pairwise and B-cubed figures per set
// (STORYLINE_REPLAY_SETS=a,b to choose the sets).
func TestReplay(t *testing.T) {
	dir := os.Getenv("STORYLINE_REPLAY")
	if dir == "" {
		t.Skip("set STORYLINE_REPLAY=DIR (written by TestPipelineQuality) to replay")
	}
	sets := []string{"ecbplus", "corpus", "giveme5w1h", "examples"}
	if s := os.Getenv("STORYLINE_REPLAY_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	for _, name := range sets {
		cs := readCaptured(t, filepath.Join(dir, name+".jsonl"))
		reorder(cs)
		gold := map[string]string{}
		for _, c := range cs {
			gold[c.Article.ID] = c.Gold
		}
		var opts Options
		if js := os.Getenv("STORYLINE_OPTS"); js != "" {
			if err := json.Unmarshal([]byte(js), &opts); err != nil {
				t.Fatal(err)
			}
		}
		pred, spred := replayStories(t, opts, cs)
		if strings.Contains(cs[0].Gold, "|") {
			// gold is story|event
			sgold := map[string]string{}
			for id, g := range gold {
				sgold[id], gold[id] = strings.SplitN(g, "|", 2)[0], g
			}
			p, r, f := pairF1(sgold, spred)
			t.Logf("%-11s stories P %.3f R %.3f F1 %.3f  B3 %.3f  stories %d", name, p, r, f, bcubedF1(sgold, spred), countDistinct(spred))
		}
		if out := os.Getenv("STORYLINE_PRED"); out != "" {
			f, err := os.Create(filepath.Join(out, name+".pred.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				b, _ := json.Marshal(map[string]string{"id": c.Article.ID, "cluster": pred[c.Article.ID], "story": spred[c.Article.ID], "gold": c.Gold, "title": c.Article.Title})
				f.Write(append(b, '\n'))
			}
			f.Close()
		}
		p, r, f := pairF1(gold, pred)
		t.Logf("%-11s P %.3f R %.3f F1 %.3f  B3 %.3f  events %d", name, p, r, f, bcubedF1(gold, pred), countDistinct(pred))
		if name == "examples" {
			for _, c := range cs {
				t.Logf("  %s → %s", c.Article.ID, pred[c.Article.ID])
			}
		}
	}
}

func countDistinct(m map[string]string) int {
	s := map[string]bool{}
	for _, v := range m {
		s[v] = true
	}
	return len(s)
}
