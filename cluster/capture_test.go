package cluster_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/corpus"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/textproc"
)

// captured is one article as the clusterer receives it from the full
// pipeline (cleaned, read: dates, entities), with its copies and its gold
// event.
type captured struct {
	Article storyline.Article `json:"article"`
	Copies  []storyline.Copy  `json:"copies,omitempty"`
	Gold    string            `json:"gold"`
	// Event is the event the pipeline put the article in, after merges.
	Event string `json:"event"`
}

// feedCapture runs the standard pipeline over paths in memory and returns,
// in arrival order, what its clusterer received. sourceFor names an
// article's outlet from its path when the input names none.
func feedCapture(t testing.TB, paths []string, sourceFor func(string) string) []captured {
	return feedCaptureOrder(t, paths, sourceFor, 0)
}

// feedCaptureOrder is feedCapture with the input files in an order
// shuffled by seed (0: as listed).
func feedCaptureOrder(t testing.TB, paths []string, sourceFor func(string) string, seed uint64) []captured {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	defer st.Close()
	cfg := pipeline.Standard(st)
	var out []captured
	prepare := cfg.Prepare
	cfg.Prepare = func(a *storyline.Article, words []textproc.Word) pipeline.AssignFunc {
		assign := prepare(a, words)
		return func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
			cp := *a
			cp.Raw = nil
			out = append(out, captured{Article: cp, Copies: copies})
			as, merges, err := assign(ctx, copies)
			out[len(out)-1].Event = as.Event
			for _, m := range merges {
				if m.Level != "event" {
					continue
				}
				for i := range out {
					if out[i].Event == m.From {
						out[i].Event = m.Into
					}
				}
			}
			return as, merges, err
		}
	}
	p, err := pipeline.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	inputs, skips := ingest.Expand(ctx, paths)
	if len(skips) > 0 {
		t.Skipf("input not available: %v", skips[0])
	}
	if seed != 0 {
		r := rand.New(rand.NewPCG(seed, seed))
		r.Shuffle(len(inputs), func(i, j int) { inputs[i], inputs[j] = inputs[j], inputs[i] })
	}
	items := func(yield func(ingest.Item) bool) {
		for i, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{Workers: runtime.GOMAXPROCS(0)}) {
			if it.Skip == nil && it.Article.Source == "" && sourceFor != nil {
				it.Article.Source = sourceFor(inputs[i].Path)
			}
			if !yield(it) {
				return
			}
		}
	}
	if _, err := p.Feed(ctx, items, pipeline.FeedOptions{}); err != nil {
		t.Fatal(err)
	}
	return out
}

// goldFromJSONL reads the {id, cluster} labels of a labeled JSONL set.
func goldFromJSONL(t testing.TB, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("labeled set not available: %v", err)
	}
	defer f.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l struct{ ID, Cluster string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		gold[l.ID] = l.Cluster
	}
	return gold
}

// pipelineSets are the labeled sets clustered through the full pipeline,
// with the floor of event-level pairwise F1 each must keep. The floors
// sit a little under what the default options reach (ecbplus 0.923,
// giveme5w1h 0.819, the sample corpus 0.955, the examples 1: the
// interview, the earlier video call and the later phone call apart), so
// that a real regression fails. Other arrival orders: order_test.go.
var pipelineSets = []struct {
	name  string
	floor float64
}{
	{"ecbplus", 0.9},
	{"giveme5w1h", 0.78},
	{"corpus", 0.75},
	{"examples", 0.99},
}

// TestPipelineQuality clusters the labeled sets, the sample corpus and
// the five real examples through the full pipeline (cleaning, reading:
// dates and entities, copies) in input order and asserts floors on
// event-level pairwise F1. With STORYLINE_CAPTURE=DIR it also writes what
// the clusterer received into DIR/NAME.jsonl, so that clustering variants
// can be replayed quickly (STORYLINE_REPLAY=DIR, see replay_test.go).
func TestPipelineQuality(t *testing.T) {
	dir := os.Getenv("STORYLINE_CAPTURE")
	for _, set := range pipelineSets {
		t.Run(set.name, func(t *testing.T) {
			cs := captureSet(t, set.name)
			gold, pred := map[string]string{}, map[string]string{}
			for _, c := range cs {
				gold[c.Article.ID], pred[c.Article.ID] = c.Gold, c.Event
			}
			p, r, f := pairwise(gold, pred)
			t.Logf("%-10s pairwise P %.3f R %.3f F1 %.3f", set.name, p, r, f)
			if set.name == "examples" {
				for _, c := range cs {
					t.Logf("  %s → %s", c.Article.ID, c.Event)
				}
			}
			if f < set.floor {
				t.Errorf("%s: pairwise F1 %.3f below floor %.2f", set.name, f, set.floor)
			}
			if dir != "" {
				writeCaptured(t, filepath.Join(dir, set.name+".jsonl"), cs)
			}
		})
	}
}

// captureSet runs one named set through the pipeline with its gold
// events.
func captureSet(t *testing.T, name string) []captured {
	switch name {
	case "ecbplus", "giveme5w1h":
		path := "../../shared/data/giveme5w1h_news_cluster/data.jsonl"
		if name == "ecbplus" {
			path = gunzipTemp(t, "../../shared/data/ecbplus/data.jsonl.gz")
		}
		gold := goldFromJSONL(t, path)
		cs := feedCapture(t, []string{path}, nil)
		for i := range cs {
			cs[i].Gold = gold[cs[i].Article.ID]
		}
		return cs
	case "corpus":
		// the outlet is named after the folder, as the demo does
		tmp := t.TempDir()
		if err := os.CopyFS(tmp, corpus.FS()); err != nil {
			t.Fatal(err)
		}
		truth := corpus.Truth()
		cs := feedCapture(t, []string{tmp}, func(path string) string {
			if rel, err := filepath.Rel(tmp, filepath.Dir(path)); err == nil && rel != "." {
				return strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
			}
			return ""
		})
		for i := range cs {
			if a, ok := truth.Article(cs[i].Article.ID); ok {
				cs[i].Gold = a.Event
			}
		}
		return cs
	default:
		// the five real examples: 000, 001, 003 report one interview;
		// 002 (an earlier video call) and 004 (a later phone call) two
		// other happenings of the story
		cs := feedCapture(t, []string{"../../shared/examples/articles"}, nil)
		for i := range cs {
			switch id := cs[i].Article.ID; {
			case strings.HasPrefix(id, "002"), strings.HasPrefix(id, "004"):
				cs[i].Gold = id[:3]
			default:
				cs[i].Gold = "interview"
			}
		}
		return cs
	}
}

func gunzipTemp(t *testing.T, path string) string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("labeled set not available: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(path), ".gz"))
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := io.Copy(w, gz); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeCaptured(t *testing.T, path string, cs []captured) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, c := range cs {
		if err := enc.Encode(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// pairwise is pairwise precision, recall and F1 of pred against gold.
func pairwise(gold, pred map[string]string) (p, r, f float64) {
	pairs := func(m map[[2]string]int) float64 {
		var s float64
		for _, n := range m {
			s += float64(n) * float64(n-1) / 2
		}
		return s
	}
	g, pr, both := map[[2]string]int{}, map[[2]string]int{}, map[[2]string]int{}
	for id, gc := range gold {
		pc := pred[id]
		g[[2]string{gc}]++
		pr[[2]string{pc}]++
		both[[2]string{gc, pc}]++
	}
	tp, tpfp, tpfn := pairs(both), pairs(pr), pairs(g)
	if tpfp > 0 {
		p = tp / tpfp
	}
	if tpfn > 0 {
		r = tp / tpfn
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
