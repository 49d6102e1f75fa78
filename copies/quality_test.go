package copies

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
)

// The quality set: real articles from ../shared/data, plus copies made of
// them by deterministic transformations that mimic syndication. Gold
// pairs are known by construction.

type baseArticle struct {
	id, source, text string
	published        storyline.Published
}

// readBase reads the unique articles of polnear and
// giveme5w1h_news_cluster.
func readBase(t testing.TB) []baseArticle {
	root := filepath.Join("..", "..", "shared", "data")
	files := []string{filepath.Join(root, "polnear", "data.jsonl"), filepath.Join(root, "giveme5w1h_news_cluster", "data.jsonl")}
	var out []baseArticle
	seen := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Skip("../shared/data not available: ", err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 1<<20), 8<<20)
		for sc.Scan() {
			var r struct {
				ID, Article, Text, Source, Date string
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			id := r.ID
			if r.Article != "" {
				id = r.Article // polnear: one line per annotator
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			a := baseArticle{id: id, source: r.Source, text: r.Text}
			if len(r.Date) >= 10 {
				a.published, _ = storyline.ParsePublished(r.Date[:10])
			}
			out = append(out, a)
		}
		fh.Close()
	}
	return out
}

func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// republisherLines are another outlet's furniture: generic kinds the
// cleaner knows and a tagline it can only learn.
var republisherLines = []string{
	"Read also:", "Share this article on Facebook", "Source link",
	"Daily Example Wire: independent news for independent minds since 1998",
	"Please disable your ad blocker to continue reading the news.",
}

// lightEdit changes about one word in forty: a spelling variant, a
// synonym, a dropped word, and straight quotes for curly ones.
func lightEdit(text string, r *rand.Rand) string {
	swaps := map[string]string{"said": "stated", "says": "states", "told": "informed", "also": "as well", "president": "President",
		"recognize": "recognise", "organization": "organisation", "center": "centre", "percent": "per cent", "big": "large"}
	words := strings.Split(text, " ")
	for i, w := range words {
		if r.IntN(40) != 0 {
			continue
		}
		if s, ok := swaps[strings.ToLower(w)]; ok {
			words[i] = s
		} else if len(w) > 3 {
			words[i] = w[:len(w)-1] // a typo
		}
	}
	out := strings.Join(words, " ")
	return strings.NewReplacer("“", "\"", "”", "\"", "’", "'").Replace(out)
}

type qualitySet struct {
	arts          []storyline.Article
	near, partial map[[2]string]bool
}

func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// buildQuality makes the set: each base article gets at most one role.
func buildQuality(base []baseArticle) qualitySet {
	r := rand.New(rand.NewPCG(1, 2))
	q := qualitySet{near: map[[2]string]bool{}, partial: map[[2]string]bool{}}
	var hosts []baseArticle
	type excerpt struct {
		from  baseArticle
		paras []string
	}
	var excerpts []excerpt
	add := func(id, source, text string, pub storyline.Published) {
		q.arts = append(q.arts, storyline.Article{ID: id, Source: source, Text: text, Published: pub})
	}
	for _, b := range base {
		ps := paragraphs(b.text)
		role := r.IntN(100)
		if len(strings.Fields(b.text)) < 60 {
			role = 99
		}
		switch {
		case role < 10: // host of another article's excerpt; not stored itself
			if len(ps) >= 4 {
				hosts = append(hosts, b)
				continue
			}
		case role < 25: // excerpted into a host later
			if len(ps) >= 5 {
				i := 1 + r.IntN(len(ps)-3)
				n := 2 + r.IntN(2)
				sel := ps[i:min(i+n, len(ps))]
				if len(strings.Fields(strings.Join(sel, " "))) >= 40 {
					excerpts = append(excerpts, excerpt{b, sel})
				}
			}
		}
		add(b.id, b.source, b.text, b.published)
		group := []string{b.id}
		if role >= 25 && role < 35 { // whole republication with boilerplate
			lines := append([]string{}, ps...)
			k := r.IntN(len(lines) + 1)
			lines = slices.Insert(lines, k, republisherLines[0], base[r.IntN(len(base))].id)
			lines = append(lines, republisherLines[1:]...)
			id := b.id + "~rep"
			add(id, "republisher.example", strings.Join(lines, "\n\n"), b.published)
			group = append(group, id)
		}
		if role >= 30 && role < 45 { // light edits
			id := b.id + "~edit"
			add(id, "edits.example", lightEdit(b.text, r), b.published)
			group = append(group, id)
		}
		if role >= 45 && role < 55 && len(ps) >= 3 { // paragraphs reordered
			p2 := append([]string{}, ps...)
			r.Shuffle(len(p2), func(i, j int) { p2[i], p2[j] = p2[j], p2[i] })
			id := b.id + "~shuf"
			add(id, "shuffle.example", strings.Join(p2, "\n\n"), b.published)
			group = append(group, id)
		}
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				q.near[pairKey(group[i], group[j])] = true
			}
		}
	}
	for i, e := range excerpts {
		if len(hosts) == 0 {
			break
		}
		h := hosts[i%len(hosts)]
		hp := paragraphs(h.text)
		k := 1 + r.IntN(len(hp)-1)
		paras := slices.Insert(append([]string{}, hp...), k, e.paras...)
		id := fmt.Sprintf("%s~in~%d", e.from.id, i)
		add(id, "excerpts.example", strings.Join(paras, "\n\n"), storyline.Published{})
		q.partial[pairKey(e.from.id, id)] = true
	}
	return q
}

type prf struct{ p, r, f float64 }

func score(gold, pred map[[2]string]bool) prf {
	tp := 0
	for k := range pred {
		if gold[k] {
			tp++
		}
	}
	var s prf
	if len(pred) > 0 {
		s.p = float64(tp) / float64(len(pred))
	}
	if len(gold) > 0 {
		s.r = float64(tp) / float64(len(gold))
	}
	if s.p+s.r > 0 {
		s.f = 2 * s.p * s.r / (s.p + s.r)
	}
	return s
}

// runQuality cleans and indexes the set in order and returns the pairs.
func runQuality(t testing.TB, q qualitySet) []storyline.Copy {
	ctx := context.Background()
	cl := clean.New(clean.Options{})
	f := New(nil, Options{CacheSize: len(q.arts)})
	// Learn every outlet's repeated lines first, then clean each article
	// with what was learned: the steady state the pipeline reaches by
	// re-cleaning an outlet's earlier articles when its lines change.
	for i := range q.arts {
		a := q.arts[i]
		if err := cl.Clean(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	var pairs []storyline.Copy
	for i := range q.arts {
		a := q.arts[i]
		if err := cl.Reclean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		cs, err := f.AddArticle(ctx, &a)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, cs...)
	}
	return pairs
}

func TestQualitySyndication(t *testing.T) {
	if testing.Short() {
		t.Skip("quality set skipped in -short mode")
	}
	base := readBase(t)
	q := buildQuality(base)
	pairs := runQuality(t, q)
	predNear, predPartial := map[[2]string]bool{}, map[[2]string]bool{}
	for _, c := range pairs {
		if c.Kind == storyline.Partial {
			predPartial[pairKey(c.A, c.B)] = true
		} else {
			predNear[pairKey(c.A, c.B)] = true
		}
	}
	sn, sp := score(q.near, predNear), score(q.partial, predPartial)
	t.Logf("%d articles (%d base); gold near %d, partial %d; pred near %d, partial %d", len(q.arts), len(base), len(q.near), len(q.partial), len(predNear), len(predPartial))
	t.Logf("duplicates+near-duplicates: P=%.4f R=%.4f F1=%.4f", sn.p, sn.r, sn.f)
	t.Logf("partial: P=%.4f R=%.4f F1=%.4f", sp.p, sp.r, sp.f)
	for k := range predNear {
		if !q.near[k] {
			t.Logf("near FP %v", k)
		}
	}
	for k := range q.near {
		if !predNear[k] {
			t.Logf("near FN %v", k)
		}
	}
	for _, c := range pairs {
		k := pairKey(c.A, c.B)
		if c.Kind == storyline.Partial && !q.partial[k] {
			t.Logf("partial FP %v", k)
			if os.Getenv("STORYLINE_QUALITY_DEBUG") != "" {
				for _, p := range c.Passages {
					t.Logf("   quote=%v %q", p.Quote, p.Text)
				}
			}
		}
	}
	for k := range q.partial {
		if !predPartial[k] {
			t.Logf("partial FN %v", k)
		}
	}
	if dir := os.Getenv("STORYLINE_QUALITY_OUT"); dir != "" {
		writePairs(t, filepath.Join(dir, "gold_near.jsonl"), q.near)
		writePairs(t, filepath.Join(dir, "gold_partial.jsonl"), q.partial)
		writePairs(t, filepath.Join(dir, "pred_near.jsonl"), predNear)
		writePairs(t, filepath.Join(dir, "pred_partial.jsonl"), predPartial)
	}
	if sn.f < 0.98 {
		t.Errorf("near-duplicate F1 %.4f < 0.98", sn.f)
	}
	if sp.f < 0.95 {
		t.Errorf("partial F1 %.4f < 0.95", sp.f)
	}
}

func writePairs(t testing.TB, path string, pairs map[[2]string]bool) {
	var b strings.Builder
	ks := make([][2]string, 0, len(pairs))
	for k := range pairs {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(x, y [2]string) int { return strings.Compare(x[0]+"\x00"+x[1], y[0]+"\x00"+y[1]) })
	for _, k := range ks {
		line, _ := json.Marshal(map[string]string{"a": k[0], "b": k[1]})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
