package cluster_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/corpus"
	"github.com/storyline-news/storyline/gen"
)

// orderSeeds are the arrival orders the order tests try besides the
// listed one.
var orderSeeds = []uint64{1, 2, 3, 4, 5, 6, 7, 8}

// partition lists the groups of ids that share a value of m, each
// sorted, in order: a form two clusterings can be compared in whatever
// their cluster ids.
func partition(m map[string]string) [][]string {
	groups := map[string][]string{}
	for id, c := range m {
		groups[c] = append(groups[c], id)
	}
	var out [][]string
	for _, g := range groups {
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// TestExamplesAnyOrder feeds the five real examples through the full
// pipeline in the listed order and in shuffled orders (late and early
// arrivals, undated articles first or last) and asserts the same event
// partition every time: the interview (000, 001, 003), the earlier video
// call (002), the later phone call (004).
func TestExamplesAnyOrder(t *testing.T) {
	dir := "../../shared/examples/articles"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("examples not available: %v", err)
	}
	for _, seed := range append([]uint64{0}, orderSeeds...) {
		cs := feedCaptureOrder(t, []string{dir}, nil, seed)
		gold, pred := map[string]string{}, map[string]string{}
		var order []string
		for _, c := range cs {
			id := c.Article.ID
			order = append(order, id[:3])
			pred[id] = c.Event
			switch {
			case strings.HasPrefix(id, "002"), strings.HasPrefix(id, "004"):
				gold[id] = id[:3]
			default:
				gold[id] = "interview"
			}
		}
		if len(cs) != 5 {
			t.Fatalf("seed %d: %d articles clustered, want 5", seed, len(cs))
		}
		want, got := partition(gold), partition(pred)
		if !equalPartitions(want, got) {
			t.Errorf("seed %d, order %v: events %v, want %v", seed, order, got, want)
		}
	}
}

// TestCorpusAnyOrder feeds the sample corpus through the full pipeline
// in shuffled orders and asserts a floor on event-level pairwise F1 in
// each, and that no order loses much against the listed one.
func TestCorpusAnyOrder(t *testing.T) {
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, corpus.FS()); err != nil {
		t.Fatal(err)
	}
	truth := corpus.Truth()
	source := func(path string) string {
		if rel, err := filepath.Rel(tmp, filepath.Dir(path)); err == nil && rel != "." {
			return strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		}
		return ""
	}
	var sum float64
	for _, seed := range append([]uint64{0}, orderSeeds...) {
		cs := feedCaptureOrder(t, []string{tmp}, source, seed)
		gold, pred := map[string]string{}, map[string]string{}
		for _, c := range cs {
			if a, ok := truth.Article(c.Article.ID); ok {
				gold[c.Article.ID], pred[c.Article.ID] = a.Event, c.Event
			}
		}
		p, r, f := pairwise(gold, pred)
		sum += f
		if f < 0.9 && testing.Verbose() {
			logImpure(t, gold, pred)
		}
		t.Logf("seed %d: pairwise P %.3f R %.3f F1 %.3f", seed, p, r, f)
		if f < corpusOrderFloor {
			t.Errorf("seed %d: pairwise F1 %.3f below %.2f", seed, f, corpusOrderFloor)
		}
	}
	t.Logf("mean pairwise F1 over %d orders %.3f", len(orderSeeds)+1, sum/float64(len(orderSeeds)+1))
}

// corpusOrderFloor is the least event-level pairwise F1 the sample
// corpus keeps in any of the orders tried.
const corpusOrderFloor = 0.8

func equalPartitions(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], ",") != strings.Join(b[i], ",") {
			return false
		}
	}
	return true
}

// logImpure logs the predicted events that hold articles of several gold
// events.
func logImpure(t *testing.T, gold, pred map[string]string) {
	byPred := map[string]map[string]int{}
	for id, p := range pred {
		if byPred[p] == nil {
			byPred[p] = map[string]int{}
		}
		byPred[p][gold[id]]++
	}
	var lines []string
	for p, g := range byPred {
		if len(g) > 1 {
			lines = append(lines, fmt.Sprintf("%s %v", p, g))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Logf("  mixed %s", l)
	}
}

// genOrderFloor is the least event-level pairwise F1 a generated stream
// keeps in any of the orders tried.
const genOrderFloor = 0.75

// TestGeneratedAnyOrder clusters a small generated stream through the full
// pipeline in its order and in shuffled orders (late and early
// publications, backfills) and asserts a floor on event-level pairwise F1
// in each.
func TestGeneratedAnyOrder(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "gen.jsonl")
	if _, err := gen.WriteFile(context.Background(), src, gen.Options{Articles: 400, Seed: 5, Days: 30}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	gold := map[string]string{}
	for _, l := range lines {
		var a struct{ ID, Cluster string }
		if err := json.Unmarshal(l, &a); err != nil {
			t.Fatal(err)
		}
		gold[a.ID] = a.Cluster
	}
	for _, seed := range []uint64{0, 1, 2} {
		ls := append([][]byte(nil), lines...)
		if seed != 0 {
			r := rand.New(rand.NewPCG(seed, seed))
			r.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
		}
		path := filepath.Join(dir, fmt.Sprintf("order%d.jsonl", seed))
		if err := os.WriteFile(path, append(bytes.Join(ls, []byte("\n")), '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		pred := map[string]string{}
		for _, c := range feedCapture(t, []string{path}, nil) {
			pred[c.Article.ID] = c.Event
		}
		p, r, f := pairwise(gold, pred)
		t.Logf("seed %d: pairwise P %.3f R %.3f F1 %.3f", seed, p, r, f)
		if f < genOrderFloor {
			t.Errorf("seed %d: pairwise F1 %.3f below %.2f", seed, f, genOrderFloor)
		}
	}
}
