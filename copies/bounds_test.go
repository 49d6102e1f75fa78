package copies

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// filler returns sentences of words of its own, distinct for each i.
func filler(i int) string {
	var b strings.Builder
	for k := range 6 {
		for m := range 8 {
			fmt.Fprintf(&b, "w%dx%dy%d ", i, k, m)
		}
		b.WriteString("end. ")
	}
	return b.String()
}

// TestRecentAndFetched checks that a candidate evicted from the recent
// articles is read from the source and gives the same pair as one kept in
// memory, and that a candidate whose short words show no passage is not
// read at all.
func TestRecentAndFetched(t *testing.T) {
	ctx := context.Background()
	shared := strings.Join(wire, " ")
	orig := storyline.Article{ID: "o", Text: filler(500) + shared + " " + filler(501)}
	// shares one stock five-word phrase with the original: a fingerprint
	// maybe, a passage never
	stock := storyline.Article{ID: "s", Text: filler(998) + " The central bank raised its key interest rate by half, but " + filler(999)}
	cp := storyline.Article{ID: "z", Text: filler(600) + shared + " " + filler(601)}
	tests := []struct {
		name        string
		opts        Options
		wantFetched bool
	}{
		{"in memory", Options{}, false},
		{"evicted", Options{CacheSize: 3}, true},
		{"over budget", Options{CacheBytes: 1}, true},
	}
	var want storyline.Copy
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := memSource{}
			f := New(src, tc.opts)
			arts := []storyline.Article{orig, stock}
			for k := range 4 {
				arts = append(arts, storyline.Article{ID: fmt.Sprintf("f%d", k), Text: filler(k)})
			}
			arts = append(arts, cp)
			var got []storyline.Copy
			for _, a := range arts {
				src[a.ID] = a
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, cs...)
			}
			if len(got) != 1 || got[0].A != "o" || got[0].B != "z" || got[0].Kind != storyline.Partial {
				t.Fatalf("pairs %+v, want o-z partial", got)
			}
			if i == 0 {
				want = got[0]
			} else if fmt.Sprint(got[0]) != fmt.Sprint(want) {
				t.Errorf("pair %+v, in memory %+v", got[0], want)
			}
			st := f.Stats()
			if (st.Fetched > 0) != tc.wantFetched {
				t.Errorf("fetched %d, want fetched %v", st.Fetched, tc.wantFetched)
			}
			if st.Fetched > 1 {
				t.Errorf("fetched %d candidates, want only the original", st.Fetched)
			}
			if tc.opts.CacheSize > 0 && st.RecentArticles > tc.opts.CacheSize {
				t.Errorf("%d recent articles over the cap %d", st.RecentArticles, tc.opts.CacheSize)
			}
		})
	}
}

// TestPassageWindow checks that the passage index forgets articles
// beyond its window, in articles or in stream time, while exact
// duplicates are found as long as the near-duplicate index holds the
// original, and no longer.
func TestPassageWindow(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	shared := strings.Join(wire[:2], " ")
	tests := []struct {
		name     string
		opts     Options
		gap      int // filler articles between the original and the copy
		step     time.Duration
		wantPair bool
		wantDup  bool
	}{
		{"within articles", Options{PassageArticles: 20}, 5, time.Hour, true, true},
		{"beyond articles", Options{PassageArticles: 20}, 30, time.Hour, false, true},
		{"within time", Options{PassageWindow: 10 * 24 * time.Hour}, 5, 12 * time.Hour, true, true},
		{"beyond time", Options{PassageWindow: 10 * 24 * time.Hour}, 30, 12 * time.Hour, false, true},
		{"beyond the near window", Options{PassageArticles: 20, NearArticles: 20}, 30, time.Hour, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := New(nil, tc.opts)
			at := t0
			add := func(a storyline.Article) []storyline.Copy {
				a.Published = storyline.Instant(at)
				at = at.Add(tc.step)
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				return cs
			}
			orig := storyline.Article{ID: "orig", Text: filler(500) + shared + " " + filler(501)}
			add(orig)
			for k := range tc.gap {
				add(storyline.Article{ID: fmt.Sprintf("f%03d", k), Text: filler(k)})
			}
			cs := add(storyline.Article{ID: "part", Text: filler(600) + shared + " " + filler(601)})
			if got := len(cs) == 1; got != tc.wantPair {
				t.Errorf("pairs %+v, want a pair %v", cs, tc.wantPair)
			}
			cs = add(storyline.Article{ID: "zdup", Text: orig.Text})
			found := false
			for _, c := range cs {
				found = found || (c.A == "orig" && c.Kind == storyline.Duplicate)
			}
			if found != tc.wantDup {
				t.Errorf("exact duplicate of the original found %v, want %v: %+v", found, tc.wantDup, cs)
			}
			if st := f.Stats(); tc.opts.PassageArticles > 0 && st.PassageArticles > tc.opts.PassageArticles {
				t.Errorf("passage index holds %d articles, cap %d", st.PassageArticles, tc.opts.PassageArticles)
			}
		})
	}
}

// TestWindowBytes checks that the indexes stay within their byte budgets
// however many articles pass, and keep the most recent ones.
func TestWindowBytes(t *testing.T) {
	const passageBytes, nearBytes = 2 << 20, 1 << 20
	f := New(nil, Options{PassageBytes: passageBytes, NearBytes: nearBytes})
	r := rand.New(rand.NewPCG(3, 4))
	words := make([]uint16, 300)
	const n = 30_000
	var last sketch
	for i := range n {
		last = randomSketch(r, i, 60)
		for k := range words {
			words[k] = uint16(r.Uint32())
		}
		last.words = words
		f.mu.Lock()
		f.insert(last, false)
		f.mu.Unlock()
	}
	st := f.Stats()
	t.Logf("%+v", st)
	if st.PassageBytes > passageBytes*3/2 || st.NearBytes > nearBytes*3/2 {
		t.Errorf("passage index %d bytes (budget %d), near-duplicate index %d (budget %d)", st.PassageBytes, passageBytes, st.NearBytes, nearBytes)
	}
	if st.PassageArticles == 0 || st.PassageArticles >= n || st.NearArticles == 0 || st.NearArticles >= n {
		t.Errorf("windows of %d and %d articles out of %d", st.PassageArticles, st.NearArticles, n)
	}
	// the newest article is still found by both indexes
	f.mu.Lock()
	f.lookup(last)
	cands := slices.Clone(f.look.cands)
	f.mu.Unlock()
	if !slices.ContainsFunc(cands, func(c candidate) bool { return c.doc == n-1 && c.near && c.shared > 0 }) {
		t.Errorf("the newest article is not a candidate of its own sketch: %+v", cands)
	}
}

func TestSketchEncoding(t *testing.T) {
	s := sketch{id: "x1", hasSh: true, fps: []uint32{7, 9, 11}, at: 1_700_000_000}
	s.keys[3] = 42
	tests := []struct {
		name string
		b    []byte
		at   int64
		with []uint32
	}{
		{"current", encodeSketch(s), s.at, nil},
		// a sketch of an article found to copy documents 7 and 3 whole,
		// itself document 10
		{"grouped", appendWith(encodeSketch(s), 10, []uint32{7, 3}), s.at, []uint32{3, 7}},
		// a sketch stored before the publication time was recorded
		{"older", encodeSketch(s)[:len(encodeSketch(s))-5], 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeSketch(tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if got.id != s.id || got.keys != s.keys || fmt.Sprint(got.fps) != fmt.Sprint(s.fps) || got.at != tc.at ||
				fmt.Sprint(got.with) != fmt.Sprint(tc.with) {
				t.Errorf("decoded %+v", got)
			}
		})
	}
	if _, err := decodeSketch(encodeSketch(s)[:10]); err == nil {
		t.Error("truncated sketch decoded")
	}
	grouped := appendWith(encodeSketch(s), 1000, []uint32{1, 2})
	if _, err := decodeSketch(grouped[:len(grouped)-1]); err == nil {
		t.Error("sketch with a truncated group decoded")
	}
}

// TestMayAlign checks the local check that spares aligning candidates
// that share a stock phrase and no passage.
func TestMayAlign(t *testing.T) {
	shared := strings.Join(wire[:1], " ")
	stock := "the central bank raised its key interest rate by half"
	tests := []struct {
		name string
		x, y string
		near bool
		want bool
	}{
		{"passage", filler(1) + shared + " " + filler(2), filler(3) + shared + " " + filler(4), false, true},
		{"stock phrase only", filler(1) + stock + " " + filler(2), filler(3) + stock + " " + filler(4), false, false},
		// the phrase comes first in y as a stock phrase, then inside the
		// passage: every occurrence is looked at, not the first only
		{"passage after a repeat", filler(1) + shared + " " + filler(2), filler(3) + stock + " " + filler(5) + shared + " " + filler(4), false, true},
		{"near-duplicate", filler(1) + filler(2), filler(1) + filler(2) + " and more", true, true},
		// an LSH candidate (a chance band collision) that shares nothing
		{"LSH candidate only", filler(1) + filler(2), filler(3) + filler(4), true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := New(nil, Options{})
			xp := f.Prepare(&storyline.Article{ID: "x", Text: tc.x})
			x := xp.e
			y, _, _ := newEntry(storyline.Article{ID: "y", Text: tc.y}, nil)
			yfps := map[uint32]bool{}
			for _, h := range fingerprints(nil, wordHashes(tc.y)) {
				yfps[h] = true
			}
			c := target{c: candidate{near: tc.near}}
			for k, h := range xp.s.fps {
				if yfps[h] {
					c.fps = append(c.fps, int32(k))
					c.c.shared++
				}
			}
			if !tc.want && !tc.near && c.c.shared == 0 {
				t.Fatal("the texts share no fingerprint: nothing is checked")
			}
			got := f.mayAlign(new(aligner), xp, y, c)
			if got != tc.want {
				t.Errorf("mayAlign = %v (shared %d), want %v", got, c.c.shared, tc.want)
			}
			// the same test on short words, before y is read back, keeps
			// every candidate mayAlign keeps, and drops the stock phrase
			c.words = shortWords(y.d.hs)
			if short := f.mayPassShort(xp, shortWords(x.d.hs), &c); got && !short || !tc.near && !tc.want && short {
				t.Errorf("mayPassShort = %v, mayAlign %v", short, got)
			}
			if _, ok := f.compare(x, y); !tc.want && ok {
				t.Errorf("skipped a pair compare finds")
			}
		})
	}
}

// TestConcurrentAdd adds articles from several goroutines, with a cache
// small enough that candidates are also fetched: run with -race.
func TestConcurrentAdd(t *testing.T) {
	ctx := context.Background()
	src := memSource{}
	var arts []storyline.Article
	for i := range 40 {
		text := filler(i) + strings.Join(wire[i%3:], " ") + " " + filler(100+i)
		a := storyline.Article{ID: fmt.Sprintf("c%02d", i), Text: text}
		src[a.ID] = a
		arts = append(arts, a)
	}
	f := New(src, Options{CacheSize: 5, MaxCandidates: 64})
	var wg sync.WaitGroup
	pairs := make([]int, 4)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(arts); i += 4 {
				a := arts[i]
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Error(err)
					return
				}
				pairs[w] += len(cs)
			}
		})
	}
	wg.Wait()
	total := 0
	for _, n := range pairs {
		total += n
	}
	// every two articles share at least wire[2]: each arrival pairs with
	// every article before it (fewer than MaxCandidates), whatever the
	// order
	want := 0
	for i := range arts {
		want += i
	}
	if total != want {
		t.Errorf("%d pairs, want %d", total, want)
	}
}

// TestPostingBudget checks that a lookup past its posting budget walks
// the rarest fingerprints first and stops: an arrival made of phrases
// many articles share costs a bounded walk.
func TestPostingBudget(t *testing.T) {
	f := New(nil, Options{MaxCandidates: 1}) // a budget of postingBudget postings
	rare := uint32(1)
	common := []uint32{11, 12, 13, 14, 15}
	f.insert(sketch{id: "rare", fps: []uint32{rare}}, false)
	for i := range 20 {
		f.insert(sketch{id: fmt.Sprintf("c%02d", i), fps: common}, false)
	}
	arrival := sketch{id: "x", fps: append(slices.Clone(common), rare)}
	f.lookup(arrival)
	walked := len(f.look.hits)
	// rare (1), then common ones of 20 each until the budget is spent
	want := 1 + 20*((postingBudget-1+19)/20)
	if walked != want {
		t.Errorf("walked %d postings, want %d", walked, want)
	}
	found := false
	for _, c := range f.look.cands {
		if f.id(c.doc) == "rare" {
			found = c.shared == 1
		}
	}
	if !found {
		t.Error("the candidate of the rarest fingerprint was not found")
	}
	// under the budget every posting is walked
	f = New(nil, Options{})
	f.insert(sketch{id: "rare", fps: []uint32{rare}}, false)
	for i := range 20 {
		f.insert(sketch{id: fmt.Sprintf("c%02d", i), fps: common}, false)
	}
	f.lookup(arrival)
	if got := len(f.look.hits); got != 1+20*len(common) {
		t.Errorf("walked %d postings under the budget, want %d", got, 1+20*len(common))
	}
}

// TestQuotedNotFetched checks that a candidate no longer in memory that
// shares with the arrival only a statement the arrival quotes is not read
// from the store, and one that shares an unquoted passage is.
func TestQuotedNotFetched(t *testing.T) {
	ctx := context.Background()
	statement := "“" + wire[1] + "”"
	tests := []struct {
		name        string
		old, arr    string
		wantFetched int64
		wantPairs   int
	}{
		{"quoted in both", filler(1) + " " + statement + " she said. " + filler(2), filler(3) + " " + statement + " Berg said. " + filler(4), 0, 0},
		{"unquoted", filler(1) + " " + wire[1] + " " + filler(2), filler(3) + " " + wire[1] + " " + filler(4), 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := memSource{}
			f := New(src, Options{CacheSize: 2})
			arts := []storyline.Article{{ID: "old", Text: tc.old}}
			for k := range 3 {
				arts = append(arts, storyline.Article{ID: fmt.Sprintf("f%d", k), Text: filler(10 + k)})
			}
			arts = append(arts, storyline.Article{ID: "new", Text: tc.arr})
			var got []storyline.Copy
			for _, a := range arts {
				src[a.ID] = a
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				got = cs
			}
			if st := f.Stats(); st.Fetched != tc.wantFetched || len(got) != tc.wantPairs {
				t.Errorf("fetched %d, pairs %d (%+v); want %d, %d", st.Fetched, len(got), got, tc.wantFetched, tc.wantPairs)
			}
		})
	}
}

// TestMayBeNear checks the estimate of near-duplication from short word
// hashes that decides whether an LSH candidate no longer in memory is read.
func TestMayBeNear(t *testing.T) {
	base := filler(1) + filler(2)
	short := func(text string) []uint16 { return shortWords(prepare(text).hs) }
	edited := strings.Replace(base, "w1x2y3", "changed", 1)
	tests := []struct {
		name string
		x, y string
		want bool
	}{
		{"same", base, base, true},
		{"one word changed", base, edited, true},
		{"unrelated", base, filler(3) + filler(4), false},
		{"half shared", base, filler(1) + filler(4), false},
		{"too short", base, "two words", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mayBeNear(newShingleSet(short(tc.x)), short(tc.y), 0.7); got != tc.want {
				t.Errorf("mayBeNear = %v, want %v", got, tc.want)
			}
		})
	}
}
