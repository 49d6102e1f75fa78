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
	cluster          string // the giveme5w1h event, if any
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
				ID, Article, Text, Source, Date, Cluster string
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
			a := baseArticle{id: id, source: r.Source, text: r.Text, cluster: r.Cluster}
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
	// excerpt holds, for each article made by excerpting, the excerpt
	// and the article it was taken from
	excerpt, excerptFrom map[string]string
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
	q := qualitySet{near: map[[2]string]bool{}, partial: map[[2]string]bool{}, excerpt: map[string]string{}, excerptFrom: map[string]string{}}
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
		if i >= len(hosts) {
			break // each host takes one excerpt, so hosts share nothing
		}
		h := hosts[i]
		hp := paragraphs(h.text)
		k := 1 + r.IntN(len(hp)-1)
		paras := slices.Insert(append([]string{}, hp...), k, e.paras...)
		id := fmt.Sprintf("%s~in~%d", e.from.id, i)
		add(id, "excerpts.example", strings.Join(paras, "\n\n"), storyline.Published{})
		q.partial[pairKey(e.from.id, id)] = true
		q.excerpt[id] = strings.Join(e.paras, "\n\n")
		q.excerptFrom[id] = e.from.id
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
func runQuality(t testing.TB, q qualitySet) ([]storyline.Copy, []storyline.Article) {
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
	cleaned := make([]storyline.Article, len(q.arts))
	for i := range q.arts {
		a := q.arts[i]
		if err := cl.Reclean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		cleaned[i] = a
		cs, err := f.AddArticle(ctx, &a)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, cs...)
	}
	return pairs, cleaned
}

// exactCover is the fraction of a's tokens inside a run of n words that
// also occurs in b.
func exactCover(a, b []uint32, n int) float64 {
	if len(a) < n {
		return 0
	}
	set := map[uint64]bool{}
	gram := func(t []uint32) uint64 {
		h := uint64(14695981039346656037)
		for _, w := range t {
			h = (h ^ uint64(w)) * 1099511628211
		}
		return h
	}
	for i := 0; i+n <= len(b); i++ {
		set[gram(b[i:i+n])] = true
	}
	covered := make([]bool, len(a))
	for i := 0; i+n <= len(a); i++ {
		if set[gram(a[i:i+n])] {
			for j := i; j < i+n; j++ {
				covered[j] = true
			}
		}
	}
	c := 0
	for _, v := range covered {
		if v {
			c++
		}
	}
	return float64(c) / float64(len(a))
}

// oraclePairs finds, by brute force over every position of every clean
// text, the pairs that share a run of n identical words that is not a
// quotation in both: the real copies already present among the base
// articles (agency stories run by two outlets), which construction does
// not know. It shares no code with the index or the aligner beyond the
// tokenizer and the quote mask.
func oraclePairs(arts []storyline.Article, n int) map[[2]string]bool {
	type occ struct {
		doc    int
		quoted bool
	}
	post := map[uint64][]occ{}
	for d, a := range arts {
		dd := prepare(a.Text)
		mask := quoteMask(a.Text)
		seen := map[uint64]int{} // index in the posting of this document
		for i := 0; i+n <= len(dd.hs); i++ {
			h := uint64(14695981039346656037)
			nq := 0
			for k := range n {
				h = (h ^ uint64(dd.hs[i+k])) * 1099511628211
				if mask[dd.start(i+k)] {
					nq++
				}
			}
			q := 2*nq >= n // mostly inside quotation marks
			if at, ok := seen[h]; ok {
				// quoted only if every occurrence is
				post[h][at].quoted = post[h][at].quoted && q
				continue
			}
			seen[h] = len(post[h])
			post[h] = append(post[h], occ{d, q})
		}
	}
	out := map[[2]string]bool{}
	for _, ps := range post {
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if ps[i].doc != ps[j].doc && !(ps[i].quoted && ps[j].quoted) {
					out[pairKey(arts[ps[i].doc].ID, arts[ps[j].doc].ID)] = true
				}
			}
		}
	}
	return out
}

func TestQualitySyndication(t *testing.T) {
	if testing.Short() {
		t.Skip("quality set skipped in -short mode")
	}
	base := readBase(t)
	q := buildQuality(base)
	pairs, cleaned := runQuality(t, q)
	// pairs the base articles really share join the partial gold
	byID := map[string]storyline.Article{}
	for _, a := range cleaned {
		byID[a.ID] = a
	}
	oracle := oraclePairs(cleaned, 12)
	// pairs that share an exact run of 8 to 11 words but none of 12 are
	// in the fuzzy zone of the definition (a 12-word passage with small
	// edits): judged neither way
	fuzzy := oraclePairs(cleaned, 8)
	for k := range oracle {
		delete(fuzzy, k)
	}
	// an excerpt made only of quotations is a shared quote, not copying
	quoteOnly := 0
	for k := range q.partial {
		if !oracle[k] {
			delete(q.partial, k)
			quoteOnly++
		}
	}
	constructed := len(q.partial)
	t.Logf("constructed excerpts that are only shared quotes (dropped from gold): %d", quoteOnly)
	for k := range oracle {
		if q.near[k] || q.partial[k] {
			continue
		}
		// the same definitions the finder uses: shingle Jaccard and the
		// share of each text covered by shared runs
		x, y := prepare(byID[k[0]].Text), prepare(byID[k[1]].Text)
		cx, cy := exactCover(x.hs, y.hs, 12), exactCover(y.hs, x.hs, 12)
		if sortedJaccard(uniqueSorted(shingles(nil, wordHashes(byID[k[0]].Text))), uniqueSorted(shingles(nil, wordHashes(byID[k[1]].Text)))) >= 0.7 || min(cx, cy) >= 0.8 {
			q.near[k] = true
		} else {
			q.partial[k] = true
		}
	}
	t.Logf("gold partial: %d constructed + %d found by the exact 12-word oracle", constructed, len(q.partial)-constructed)
	for k := range q.near {
		delete(fuzzy, k)
	}
	for k := range q.partial {
		delete(fuzzy, k)
	}
	predNear, predPartial := map[[2]string]bool{}, map[[2]string]bool{}
	unjudged := 0
	for _, c := range pairs {
		if fuzzy[pairKey(c.A, c.B)] {
			unjudged++
			continue
		}
		if c.Kind == storyline.Partial {
			predPartial[pairKey(c.A, c.B)] = true
		} else {
			predNear[pairKey(c.A, c.B)] = true
		}
	}
	sn, sp := score(q.near, predNear), score(q.partial, predPartial)
	t.Logf("fuzzy-zone pairs (exact 8-11 word run only): %d, of them predicted (unjudged): %d", len(fuzzy), unjudged)
	t.Logf("%d articles (%d base); gold near %d, partial %d; pred near %d, partial %d", len(q.arts), len(base), len(q.near), len(q.partial), len(predNear), len(predPartial))
	t.Logf("duplicates+near-duplicates: P=%.4f R=%.4f F1=%.4f", sn.p, sn.r, sn.f)
	t.Logf("partial: P=%.4f R=%.4f F1=%.4f", sp.p, sp.r, sp.f)
	for k := range predNear {
		if !q.near[k] {
			t.Logf("near FP %v", k)
		}
	}
	for _, c := range pairs {
		if k := pairKey(c.A, c.B); q.near[k] && !predNear[k] {
			t.Logf("near FN %v as %s sim=%.3f shares %.3f %.3f", k, c.Kind, c.Similarity, c.AShare, c.BShare)
		}
	}
	for _, c := range pairs {
		k := pairKey(c.A, c.B)
		if c.Kind == storyline.Partial && !q.partial[k] && !fuzzy[k] {
			t.Logf("partial FP %v", k)
			if os.Getenv("STORYLINE_QUALITY_DEBUG") != "" {
				x, y := prepare(byID[c.A].Text), prepare(byID[c.B].Text)
				best := 0
				prev := make([]int, len(y.hs)+1)
				for i := range x.hs {
					cur := make([]int, len(y.hs)+1)
					for j := range y.hs {
						if x.hs[i] == y.hs[j] {
							cur[j+1] = prev[j] + 1
							best = max(best, cur[j+1])
						}
					}
					prev = cur
				}
				t.Logf("   longest exact run %d words", best)
				for _, p := range c.Passages {
					t.Logf("   quote=%v %q", p.Quote, p.Text)
				}
			}
		}
	}
	for k := range q.partial {
		if !predPartial[k] {
			t.Logf("partial FN %v near=%v", k, predNear[k])
			if os.Getenv("STORYLINE_QUALITY_DEBUG") != "" {
				x, y := prepare(byID[k[0]].Text), prepare(byID[k[1]].Text)
				xm, ym := quoteMask(x.text), quoteMask(y.text)
				xr := []rune(x.text)
				for _, sp := range align(x.hs, y.hs, 12) {
					t.Logf("   aligned %d words, quoted %v/%v: %q", sp.a1-sp.a0, quoted(xm, xr, int(x.start(sp.a0)), int(x.end(sp.a1-1))), quoted(ym, []rune(y.text), int(y.start(sp.b0)), int(y.end(sp.b1-1))), string(xr[x.start(sp.a0):x.end(sp.a1-1)]))
				}
			}
		}
	}
	checkBoundaries(t, pairs, q, byID)
	sameEvent(t, base, predNear, predPartial, q)
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

// checkBoundaries compares, for every constructed excerpt that was found,
// where the passages put it in the excerpting article with where it
// really is, in words.
func checkBoundaries(t *testing.T, pairs []storyline.Copy, q qualitySet, byID map[string]storyline.Article) {
	var errs []int
	for _, c := range pairs {
		z, from := c.B, c.A
		start, end := func(p storyline.Passage) int { return p.BStart }, func(p storyline.Passage) int { return p.BEnd }
		if q.excerpt[c.A] != "" {
			z, from = c.A, c.B
			start, end = func(p storyline.Passage) int { return p.AStart }, func(p storyline.Passage) int { return p.AEnd }
		}
		ex := q.excerpt[z]
		if ex == "" || q.excerptFrom[z] != from || len(c.Passages) == 0 {
			continue
		}
		text := byID[z].Text
		i := strings.Index(text, ex)
		if i < 0 {
			continue // cleaning changed the excerpt
		}
		ts, te := len([]rune(text[:i])), len([]rune(text[:i+len(ex)]))
		ps, pe := start(c.Passages[0]), end(c.Passages[0])
		for _, p := range c.Passages {
			ps, pe = min(ps, start(p)), max(pe, end(p))
		}
		rs := []rune(text)
		words := func(a, b int) int {
			if a > b {
				a, b = b, a
			}
			return len(strings.Fields(string(rs[a:b])))
		}
		errs = append(errs, max(words(ps, ts), words(pe, te)))
	}
	slices.Sort(errs)
	within := 0
	for _, e := range errs {
		if e <= 3 {
			within++
		}
	}
	if len(errs) == 0 {
		t.Fatal("no constructed excerpt found")
	}
	t.Logf("passage boundaries of %d excerpts: median error %d words, 95th pct %d, max %d, within 3 words %.1f%%",
		len(errs), errs[len(errs)/2], errs[len(errs)*95/100], errs[len(errs)-1], 100*float64(within)/float64(len(errs)))
	if float64(within) < 0.9*float64(len(errs)) {
		t.Errorf("only %d of %d excerpt boundaries within 3 words", within, len(errs))
	}
}

// sameEvent reports how the pairs of articles about one giveme5w1h event
// from different outlets fared: they must not pair unless they share text.
func sameEvent(t *testing.T, base []baseArticle, predNear, predPartial map[[2]string]bool, q qualitySet) {
	var total, pred, predGold int
	for i, x := range base {
		for _, y := range base[i+1:] {
			if x.cluster == "" || x.cluster != y.cluster || x.source == y.source {
				continue
			}
			total++
			k := pairKey(x.id, y.id)
			if predNear[k] || predPartial[k] {
				pred++
				if q.near[k] || q.partial[k] {
					predGold++
				}
			}
		}
	}
	t.Logf("same-event pairs from different outlets: %d; paired: %d, of which share text by the oracle: %d", total, pred, predGold)
}
