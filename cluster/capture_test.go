package cluster_test

import (
	"bufio"
	"context"
	"encoding/json"
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
)

// captured is one article as the clusterer receives it from the full
// pipeline (cleaned, read: dates, entities), with its copies and its gold
// event.
type captured struct {
	Article storyline.Article `json:"article"`
	Copies  []storyline.Copy  `json:"copies,omitempty"`
	Gold    string            `json:"gold"`
}

// feedCapture runs the standard pipeline over paths in memory and returns,
// in arrival order, what its clusterer received. sourceFor names an
// article's outlet from its path when the input names none.
func feedCapture(t testing.TB, paths []string, sourceFor func(string) string) []captured {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	defer st.Close()
	cfg := pipeline.Standard(st)
	var out []captured
	prepare := cfg.Prepare
	cfg.Prepare = func(a *storyline.Article) pipeline.AssignFunc {
		assign := prepare(a)
		return func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
			cp := *a
			cp.Raw = nil
			out = append(out, captured{Article: cp, Copies: copies})
			return assign(ctx, copies)
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

// TestCapture writes, with STORYLINE_CAPTURE=DIR, what the clusterer
// receives from the full pipeline for each labeled set into
// DIR/NAME.jsonl, so that clustering variants can be replayed quickly
// (STORYLINE_REPLAY=DIR, see replay_test.go). The ecbplus set must be
// gunzipped to DIR/ecbplus.in.jsonl first.
func TestCapture(t *testing.T) {
	dir := os.Getenv("STORYLINE_CAPTURE")
	if dir == "" {
		t.Skip("set STORYLINE_CAPTURE=DIR to capture the labeled sets through the pipeline")
	}
	write := func(name string, cs []captured) {
		f, err := os.Create(filepath.Join(dir, name+".jsonl"))
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
	for _, set := range []struct{ name, path string }{
		{"giveme5w1h", "../../shared/data/giveme5w1h_news_cluster/data.jsonl"},
		{"ecbplus", filepath.Join(dir, "ecbplus.in.jsonl")},
	} {
		gold := goldFromJSONL(t, set.path)
		cs := feedCapture(t, []string{set.path}, nil)
		for i := range cs {
			cs[i].Gold = gold[cs[i].Article.ID]
		}
		write(set.name, cs)
	}
	// the sample corpus, with the outlet named after its folder
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
	write("corpus", cs)
	// the five real examples: 000, 001, 003 one interview; 002 and 004
	// two other happenings
	cs = feedCapture(t, []string{"../../shared/examples/articles"}, nil)
	for i := range cs {
		switch id := cs[i].Article.ID; {
		case strings.HasPrefix(id, "002"), strings.HasPrefix(id, "004"):
			cs[i].Gold = id[:3]
		default:
			cs[i].Gold = "interview"
		}
	}
	write("examples", cs)
}
