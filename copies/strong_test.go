package copies

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// strongPairs runs a Finder with opts over arts and returns the strong
// copies it reports (per Finder.strong with MinShare at minShare), by
// pair. A source holding arts reads back what the Finder no longer holds.
func strongPairs(t testing.TB, arts []storyline.Article, opts Options, minShare float64) map[[2]string]storyline.Copy {
	t.Helper()
	src := memSource{}
	for _, a := range arts {
		src[a.ID] = a
	}
	f := New(src, opts)
	judge := &Finder{opts: Options{MinShare: minShare}}
	out := map[[2]string]storyline.Copy{}
	ctx := context.Background()
	for i := range arts {
		cs, err := f.AddPrepared(ctx, &arts[i], f.Prepare(&arts[i]))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if judge.strong(c) {
				out[pairKey(c.A, c.B)] = c
			}
		}
	}
	return out
}

// agreement compares the strong copies a Finder with MinShare reports
// with those a Finder without it reports among all its copies.
type agreement struct {
	full, lean, both  int
	recall, precision float64
	// differ counts the pairs both report that differ (kind, shares,
	// passages or direction)
	differ int
	// missed and extra are a few pairs only one of them reports
	missed, extra [][2]string
}

// strongView is c as a Finder with MinShare reports it: the passages
// without their text, and a pair whose shingle sets reach the
// near-duplicate threshold with neither passages nor shares. Which pairs
// reach it is told by the kind: a near-duplicate by its shares alone, with
// a lower similarity, keeps them.
func strongView(c storyline.Copy) storyline.Copy {
	if c.Kind == storyline.Duplicate || c.Kind == storyline.NearDuplicate && c.Similarity >= 0.7 {
		c.AShare, c.BShare, c.Passages = 0, 0, nil
		return c
	}
	c.Passages = slices.Clone(c.Passages)
	for i := range c.Passages {
		c.Passages[i].Text = ""
	}
	return c
}

func agree(t testing.TB, arts []storyline.Article, minShare float64) agreement {
	full := strongPairs(t, arts, Options{}, minShare)
	lean := strongPairs(t, arts, Options{MinShare: minShare}, minShare)
	g := agreement{full: len(full), lean: len(lean)}
	for p, c := range full {
		lc, ok := lean[p]
		if !ok {
			if len(g.missed) < 5 {
				g.missed = append(g.missed, p)
			}
			continue
		}
		g.both++
		if !reflect.DeepEqual(lc, strongView(c)) {
			g.differ++
		}
	}
	for p := range lean {
		if _, ok := full[p]; !ok && len(g.extra) < 5 {
			g.extra = append(g.extra, p)
		}
	}
	g.recall = float64(g.both) / float64(max(g.full, 1))
	g.precision = float64(g.both) / float64(max(g.lean, 1))
	return g
}

func (g agreement) check(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: strong pairs %d without MinShare, %d with, %d both (%d reported otherwise): recall %.4f precision %.4f; missed e.g. %v, extra e.g. %v",
		name, g.full, g.lean, g.both, g.differ, g.recall, g.precision, g.missed, g.extra)
	if g.full == 0 {
		t.Fatalf("%s: no strong pairs to compare", name)
	}
	if g.recall < 0.97 || g.precision < 0.97 {
		t.Errorf("%s: recall %.4f, precision %.4f of the strong pairs; want both at least 0.97", name, g.recall, g.precision)
	}
	if g.differ > 0 {
		t.Errorf("%s: %d of %d pairs both report are reported otherwise", name, g.differ, g.both)
	}
}

// TestStrongAgreesOnGenerated checks that a Finder with MinShare reports
// the strong copies a Finder without it finds, on a generated stream with
// syndicated copies, rewrites and shared passages.
func TestStrongAgreesOnGenerated(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 1000
	}
	s := newGenStream(n)
	var arts []storyline.Article
	for a, ok := s.next(); ok; a, ok = s.next() {
		arts = append(arts, a)
	}
	agree(t, arts, 0.2).check(t, "generated")
}

// TestStrongAgreesOnRealSets is TestStrongAgreesOnGenerated on the
// labeled real sets in ../shared (ECB+ and GiveMe5W1H), skipped when they
// are not there.
func TestStrongAgreesOnRealSets(t *testing.T) {
	for _, set := range []string{"giveme5w1h_news_cluster/data.jsonl", "ecbplus/data.jsonl.gz"} {
		t.Run(strings.Split(set, "/")[0], func(t *testing.T) {
			path := filepath.Join("..", "..", "shared", "data", set)
			arts, err := readArticles(path)
			if os.IsNotExist(err) {
				t.Skipf("%s not found: the real sets are not here", path)
			}
			if err != nil {
				t.Fatal(err)
			}
			agree(t, arts, 0.2).check(t, set)
		})
	}
}

// TestStrongAgreesOnFile is TestStrongAgreesOnGenerated on a JSON Lines
// file named by STORYLINE_COPIES_STRONG (a 'storyline gen' file has its
// boilerplate removed as a perfect cleaner would), skipped without it.
func TestStrongAgreesOnFile(t *testing.T) {
	path := os.Getenv("STORYLINE_COPIES_STRONG")
	if path == "" {
		t.Skip("STORYLINE_COPIES_STRONG names no file")
	}
	arts, err := readArticles(path)
	if err != nil {
		t.Fatal(err)
	}
	agree(t, arts, 0.2).check(t, path)
}

// readArticles reads the articles of a JSON Lines file, gzipped when its
// name ends in .gz, with the boilerplate paragraphs a gen record names
// removed.
func readArticles(path string) ([]storyline.Article, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(fh)
		if err != nil {
			return nil, err
		}
		r = z
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var arts []storyline.Article
	for sc.Scan() {
		var rec genRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		text := rec.Text
		if len(rec.Boilerplate) > 0 {
			paras := strings.Split(text, "\n\n")
			paras = slices.DeleteFunc(paras, func(p string) bool { return slices.Contains(rec.Boilerplate, p) })
			text = strings.Join(paras, "\n\n")
		}
		a := storyline.Article{ID: rec.ID, Text: text}
		if tm, err := time.Parse(time.RFC3339, rec.Date); err == nil {
			a.Published = storyline.Published{Time: tm.UTC(), HasTime: true}
		}
		arts = append(arts, a)
	}
	return arts, sc.Err()
}

func TestStrongRule(t *testing.T) {
	copying := []storyline.Passage{{Text: "copied"}}
	quoted := []storyline.Passage{{Text: "said", Quote: true}}
	tests := []struct {
		name     string
		c        storyline.Copy
		minShare float64
		want     bool
	}{
		{"duplicate", storyline.Copy{Kind: storyline.Duplicate}, 0.2, true},
		{"near-duplicate", storyline.Copy{Kind: storyline.NearDuplicate}, 0.2, true},
		{"partial over the share in A", storyline.Copy{Kind: storyline.Partial, AShare: 0.25, BShare: 0.05, Passages: copying}, 0.2, true},
		{"partial over the share in B", storyline.Copy{Kind: storyline.Partial, AShare: 0.05, BShare: 0.2, Passages: copying}, 0.2, true},
		{"partial under the share", storyline.Copy{Kind: storyline.Partial, AShare: 0.199, BShare: 0.1, Passages: copying}, 0.2, false},
		{"quotations only", storyline.Copy{Kind: storyline.Partial, AShare: 0.5, BShare: 0.5, Passages: quoted}, 0.2, false},
		{"quotation and copying", storyline.Copy{Kind: storyline.Partial, AShare: 0.5, BShare: 0.5, Passages: append(quoted, copying...)}, 0.2, true},
		{"every copy without MinShare", storyline.Copy{Kind: storyline.Partial, AShare: 0.01, Passages: quoted}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(nil, Options{MinShare: tt.minShare})
			if got := f.strong(tt.c); got != tt.want {
				t.Errorf("strong(%+v) with MinShare %v = %v, want %v", tt.c, tt.minShare, got, tt.want)
			}
		})
	}
}

// TestNoState checks that a Finder with NoState finds the same copies
// and records no sketches, and that the sketches of a Finder with
// MinShare are kept apart from those of one without it.
func TestNoState(t *testing.T) {
	s := newGenStream(300)
	var arts []storyline.Article
	for a, ok := s.next(); ok; a, ok = s.next() {
		arts = append(arts, a)
	}
	run := func(opts Options) ([]storyline.Copy, map[string][]byte) {
		f := New(nil, opts)
		var out []storyline.Copy
		for i := range arts {
			cs, err := f.AddArticle(context.Background(), &arts[i])
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, cs...)
		}
		return out, f.Pending()
	}
	for _, minShare := range []float64{0, 0.2} {
		with, pending := run(Options{MinShare: minShare})
		without, none := run(Options{MinShare: minShare, NoState: true})
		if len(with) == 0 || !reflect.DeepEqual(with, without) {
			t.Errorf("MinShare %v: %d copies with state, %d without, or they differ", minShare, len(with), len(without))
		}
		if len(pending) != len(arts) || none != nil {
			t.Errorf("MinShare %v: %d sketches pending for %d articles, %d with NoState", minShare, len(pending), len(arts), len(none))
		}
		st := memState{}
		for k, v := range pending {
			st["copies/"+k] = v
		}
		for _, other := range []float64{0, 0.2} {
			f := New(nil, Options{MinShare: other})
			if err := f.Load(context.Background(), st); err != nil {
				t.Fatal(err)
			}
			want := 0
			if other == minShare {
				want = len(arts)
			}
			if got := f.Stats().Articles; got != want {
				t.Errorf("sketches of MinShare %v loaded with MinShare %v: %d articles, want %d", minShare, other, got, want)
			}
		}
	}
}

// TestStrongConcurrent adds a generated stream from four goroutines to a
// Finder with MinShare (run it with -race: lean entries are completed
// by whichever comparison needs them first) and checks that every copy
// it reports is a strong one.
func TestStrongConcurrent(t *testing.T) {
	s := newGenStream(400)
	var arts []storyline.Article
	src := memSource{}
	for a, ok := s.next(); ok; a, ok = s.next() {
		arts = append(arts, a)
		src[a.ID] = a
	}
	f := New(src, Options{MinShare: 0.2, CacheSize: 50})
	var wg sync.WaitGroup
	found := make([][]storyline.Copy, 4)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(arts); i += 4 {
				cs, err := f.AddArticle(context.Background(), &arts[i])
				if err != nil {
					t.Error(err)
					return
				}
				found[w] = append(found[w], cs...)
			}
		})
	}
	wg.Wait()
	n := 0
	for _, cs := range found {
		for _, c := range cs {
			n++
			if !f.strong(c) {
				t.Errorf("%s %s reported, not a strong copy: %s shares %v/%v", c.A, c.B, c.Kind, c.AShare, c.BShare)
			}
		}
	}
	if n == 0 {
		t.Error("no copies found")
	}
}

// TestWordIndex checks that the index of a candidate's short words
// yields every position of a word, in text order, whatever its low byte.
func TestWordIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var x wordIndex
	for _, n := range []int{0, 1, 300, 5000} {
		b := make([]uint16, n)
		for i := range b {
			b[i] = uint16(r.IntN(600)) // low bytes shared by several words, 255 among them
		}
		x.index(b)
		for w := range uint16(600) {
			var want, got []int
			for j, v := range b {
				if v == w {
					want = append(want, j)
				}
			}
			for _, j := range x.at(w) {
				if b[j] == w {
					got = append(got, int(j))
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d word %d: positions %v, want %v", n, w, got, want)
			}
		}
	}
}

// TestPrepareTokens checks that an article prepared from its tokens is
// prepared as from its text, with MinShare and without, that the tokens
// are left as they were, and that the two finders find the same copies.
func TestPrepareTokens(t *testing.T) {
	ctx := context.Background()
	for _, opts := range []Options{{}, {MinShare: 0.2}} {
		stream := newGenStream(400)
		fText, fToks := New(nil, opts), New(nil, opts)
		pairs := 0
		for {
			a, ok := stream.next()
			if !ok {
				break
			}
			toks := textproc.Tokenize(nil, a.Text)
			before := slices.Clone(toks)
			pt, pk := fText.Prepare(&a), fToks.PrepareTokens(&a, toks)
			if !slices.Equal(toks, before) {
				t.Fatalf("%s: PrepareTokens changed the tokens", a.ID)
			}
			if !reflect.DeepEqual(pt.s, pk.s) || !slices.Equal(pt.at, pk.at) || !slices.Equal(pt.pos, pk.pos) ||
				!slices.Equal(pt.e.d.hs, pk.e.d.hs) || !slices.Equal(pt.e.d.starts, pk.e.d.starts) ||
				!slices.Equal(pt.e.d.lens, pk.e.d.lens) || !slices.Equal(pt.e.set, pk.e.set) || !slices.Equal(pt.e.fpos, pk.e.fpos) ||
				pt.e.d.last != pk.e.d.last || pt.e.d.runes != pk.e.d.runes || !slices.Equal(pt.e.qwords, pk.e.qwords) {
				t.Fatalf("MinShare %v, %s: prepared from tokens otherwise than from text", opts.MinShare, a.ID)
			}
			ct, err := fText.AddPrepared(ctx, &a, pt)
			if err != nil {
				t.Fatal(err)
			}
			ck, err := fToks.AddPrepared(ctx, &a, pk)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ct, ck) {
				t.Fatalf("MinShare %v, %s: copies %v from tokens, %v from text", opts.MinShare, a.ID, ck, ct)
			}
			pairs += len(ct)
		}
		if pairs == 0 {
			t.Fatalf("MinShare %v: no copies in the stream", opts.MinShare)
		}
	}
}

// TestCoverReaches checks the cover measured by the sum of the runs
// first against their union alone, for overlapping random runs.
func TestCoverReaches(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var cr coverRuns
	for range 2000 {
		cr.reset(0.2, 400, 300)
		for range r.IntN(6) {
			a0, b0 := r.IntN(380), r.IntN(280)
			a1, b1 := a0+1+r.IntN(20), b0+1+r.IntN(20)
			cr.runs = append(cr.runs, coverRun{a0: a0, a1: a1, b0: b0, b1: b1}.inWords())
			cr.sa += a1 - a0
			cr.sb += b1 - b0
		}
		for _, want := range []float64{0, 10, 20, 40, 80} {
			if got, exact := cr.reaches(false, want), cr.union(false) >= want; got != exact {
				t.Fatalf("runs %v: reaches %v of the first text %v, union says %v", cr.runs, want, got, exact)
			}
			if got, exact := cr.reaches(true, want), cr.union(true) >= want; got != exact {
				t.Fatalf("runs %v: reaches %v of the second text %v, union says %v", cr.runs, want, got, exact)
			}
		}
	}
}

// TestResumes checks resumes, which reads the words around a run's end
// at once where they are all in the texts, against a search of every
// gap in turn, fewest in all first, on short texts of few distinct
// words (so that seeds resume often) in both directions and at the
// texts' edges.
func TestResumes(t *testing.T) {
	walk := func(a, b []uint32, a1, b1, dir int) (int, int, bool) {
		for g := 1; g <= 2*maxGap; g++ {
			for ga := max(0, g-maxGap); ga <= min(g, maxGap); ga++ {
				gb := g - ga
				i, j := a1+ga, b1+gb
				if dir < 0 {
					i, j = a1-ga-seedWords, b1-gb-seedWords
				}
				if equalRun(a, b, i, j, seedWords) {
					return ga, gb, true
				}
			}
		}
		return 0, 0, false
	}
	r := rand.New(rand.NewPCG(7, 8))
	found := 0
	for range 20_000 {
		a, b := make([]uint32, 1+r.IntN(12)), make([]uint32, 1+r.IntN(12))
		for i := range a {
			a[i] = uint32(r.IntN(2))
		}
		for i := range b {
			b[i] = uint32(r.IntN(2))
		}
		a1, b1 := r.IntN(len(a)+1), r.IntN(len(b)+1)
		for _, dir := range []int{1, -1} {
			ga, gb, ok := resumes(a, b, a1, b1, dir)
			wa, wb, wok := walk(a, b, a1, b1, dir)
			if ga != wa || gb != wb || ok != wok {
				t.Fatalf("resumes(%v, %v, %d, %d, %d) = %d, %d, %v; want %d, %d, %v", a, b, a1, b1, dir, ga, gb, ok, wa, wb, wok)
			}
			if ok {
				found++
			}
		}
	}
	if found < 1000 {
		t.Errorf("only %d runs resumed: the texts test too little", found)
	}
}

// TestShareBounds checks the share test's bounds against the products
// they stand for: for arrivals and candidates of every length around the
// bounds, a candidate is kept exactly when the shares the fingerprints
// allow reach the share of the shorter text, so that no copy is lost to
// a bound one word too tight and no candidate is kept by one too loose.
func TestShareBounds(t *testing.T) {
	// what enough decides, written as the products it stands for
	want := func(shared, nb, words int, need float64) bool {
		s := float64(shared) * fpWords
		if s >= need*float64(words) {
			return true
		}
		return nb == 0 || nb < words && s >= need*float64(nb)
	}
	for _, minShare := range []float64{0.2, 0.1, 0.35, 1.0 / 3} {
		need := minShare * coverSlack
		for _, words := range []int{0, 1, 2, 19, 118, 119, 120, 237, 238, 400, 1000, 4999} {
			most := shareBounds(nil, words, need)
			kept := 0
			for shared := range len(most) + 3 {
				for nb := range words + 4 {
					st := shareTest{curEnd: []uint32{uint32(nb)}, most: most}
					got := st.enough(&candidate{doc: 0, shared: int32(shared)})
					if w := want(shared, nb, words, need); got != w {
						t.Fatalf("need %v, arrival of %d words: a candidate of %d words sharing %d fingerprints kept %v, want %v",
							need, words, nb, shared, got, w)
					}
					if got {
						kept++
					}
				}
			}
			if words >= 2 && kept == (len(most)+3)*(words+4) {
				t.Errorf("need %v, arrival of %d words: every candidate kept", need, words)
			}
		}
	}
}

// TestShareTestWords checks that the share test reads a candidate's
// number of words from the generation of the passage index that holds
// it, and 0 (unknown, so kept) for a document neither holds.
func TestShareTestWords(t *testing.T) {
	// documents 5 to 9 in the generation before, of 1, 1, 2, 2 and 3
	// words; 10 to 12 in the current one, of 3, 4 and 5 words
	prev := shareTest{curEnd: []uint32{3, 7, 12}, curFirst: 10, prevEnd: []uint32{1, 2, 4, 6, 9}, prevFirst: 5}
	tests := []struct {
		name  string
		st    shareTest
		words []uint32 // of documents 0 to 14
	}{
		{"two generations", prev, []uint32{0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 0, 0}},
		{"one generation", shareTest{curEnd: []uint32{3, 7, 12}, curFirst: 10}, []uint32{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 5, 0, 0}},
		{"the current one empty", shareTest{curFirst: noEntry, prevEnd: prev.prevEnd, prevFirst: 5}, []uint32{0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for d, want := range tt.words {
				if got := tt.st.wordsOf(uint32(d)); got != want {
					t.Errorf("document %d: %d words, want %d", d, got, want)
				}
			}
		})
	}
}
