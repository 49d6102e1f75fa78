package copies

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// overlapping returns two sorted sets of distinct random hashes, of na
// and nb elements, that share shared of them.
func overlapping(r *rand.Rand, na, nb, shared int) (a, b []uint32) {
	seen := map[uint32]bool{}
	draw := func() uint32 {
		for {
			if v := r.Uint32(); !seen[v] {
				seen[v] = true
				return v
			}
		}
	}
	for range shared {
		v := draw()
		a, b = append(a, v), append(b, v)
	}
	for len(a) < na {
		a = append(a, draw())
	}
	for len(b) < nb {
		b = append(b, draw())
	}
	slices.Sort(a)
	slices.Sort(b)
	return a, b
}

// TestMayReachJaccard checks the bound of the shingle filter: it never
// rules out a pair at the threshold, rules out nearly every pair of low
// similarity, and gives up (true) without a filter.
func TestMayReachJaccard(t *testing.T) {
	const threshold = 0.7
	r := rand.New(rand.NewPCG(3, 4))
	ruledOut := map[string][2]int{}
	for range 4000 {
		na := 20 + r.IntN(600)
		nb := na + r.IntN(na/3+1) - na/6
		shared := r.IntN(min(na, nb) + 1)
		a, b := overlapping(r, na, nb, shared)
		exact := jaccardAtLeast(a, b, threshold)
		got := mayReachJaccard(a, newShingleFilter(b), len(b), threshold)
		if exact && !got {
			t.Fatalf("ruled out a pair of similarity %.3f (%d, %d, %d shared)", sortedJaccard(a, b), na, nb, shared)
		}
		band := "0.3-0.7"
		switch j := sortedJaccard(a, b); {
		case j < 0.1:
			band = "<0.1"
		case j < 0.3:
			band = "0.1-0.3"
		case j >= threshold:
			continue
		}
		c := ruledOut[band]
		c[1]++
		if !got {
			c[0]++
		}
		ruledOut[band] = c
	}
	// one bit a shingle sets about 63% of the bits: the bound is about
	// J + 0.63 (1 - J) shared shingles, under the threshold up to some 0.3
	for band, want := range map[string]float64{"<0.1": 0.99, "0.1-0.3": 0.6} {
		c := ruledOut[band]
		if c[1] == 0 || float64(c[0]) < want*float64(c[1]) {
			t.Errorf("similarity %s: ruled out %d of %d pairs, want at least %.0f%%", band, c[0], c[1], 100*want)
		}
	}
	t.Logf("ruled out (of pairs under the threshold): %v", ruledOut)

	a, b := overlapping(r, 300, 300, 0)
	for _, tc := range []struct {
		name   string
		filter []uint64
		n      int
		want   bool
	}{
		{"no filter", nil, 300, true},
		{"no size", newShingleFilter(b), 0, true},
		{"unrelated", newShingleFilter(b), 300, false},
		{"sizes too far apart", newShingleFilter(a), 1000, false},
		{"same set", newShingleFilter(a), 300, true},
	} {
		if got := mayReachJaccard(a, tc.filter, tc.n, threshold); got != tc.want {
			t.Errorf("%s: mayReachJaccard = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestNearFilterSparesFetch checks that an LSH candidate no longer in
// memory that shares no fingerprint with the arrival is read from the
// store only when its shingle filter allows the near-duplicate
// similarity: a chance collision in an LSH band is not read, a
// near-duplicate is, and is reported.
func TestNearFilterSparesFetch(t *testing.T) {
	ctx := context.Background()
	text := filler(1) + filler(2)
	edited := strings.Replace(text, "w1x2y3", "changed", 1)
	tests := []struct {
		name        string
		old         string // the text behind the old document
		wantFetched int64
		wantPairs   int
	}{
		{"chance collision", filler(3) + filler(4), 0, 0},
		{"near-duplicate", edited, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := memSource{}
			f := New(src, Options{CacheSize: 1})
			arr := storyline.Article{ID: "new", Text: text}
			p := f.Prepare(&arr)
			// the old document meets the arrival in every LSH band but
			// is filed under no fingerprint (like an article past the
			// passage index), so that only the near-duplicate test can
			// make the pair
			old := storyline.Article{ID: "old", Text: tc.old}
			src[old.ID] = old
			op := f.Prepare(&old)
			f.mu.Lock()
			f.insert(sketch{id: old.ID, keys: p.s.keys, hasSh: true, filter: op.s.filter, nset: op.s.nset}, false)
			f.mu.Unlock()
			for k := range 2 {
				a := storyline.Article{ID: fmt.Sprintf("f%d", k), Text: filler(10 + k)}
				src[a.ID] = a
				if _, err := f.AddArticle(ctx, &a); err != nil {
					t.Fatal(err)
				}
			}
			src[arr.ID] = arr
			got, err := f.AddArticle(ctx, &arr)
			if err != nil {
				t.Fatal(err)
			}
			if st := f.Stats(); st.Fetched != tc.wantFetched || len(got) != tc.wantPairs {
				t.Errorf("fetched %d, pairs %d (%+v); want %d, %d", st.Fetched, len(got), got, tc.wantFetched, tc.wantPairs)
			}
		})
	}
}
