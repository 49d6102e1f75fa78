package cluster

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestRankKey(t *testing.T) {
	// ascending keys: heavier first, then seen first
	ordered := []struct {
		w    float32
		seen uint32
	}{
		{math.MaxFloat32, 0}, {2.5, 1}, {2.5, 7}, {1, 0}, {1e-30, 3}, {0, 1}, {float32(math.Copysign(0, -1)), 2}, {-1, 0},
	}
	for i := 1; i < len(ordered); i++ {
		a, b := ordered[i-1], ordered[i]
		if ka, kb := rankKey(a.w, a.seen), rankKey(b.w, b.seen); ka >= kb {
			t.Errorf("rankKey(%v, %d) = %x, not before rankKey(%v, %d) = %x", a.w, a.seen, ka, b.w, b.seen, kb)
		}
	}
	if rankKey(0, 5) != rankKey(float32(math.Copysign(0, -1)), 5) {
		t.Error("-0 and 0 rank apart")
	}
}

func TestSortRanked(t *testing.T) {
	const n = 3000
	c, r := randomTerms(n, 5, 1)
	for _, size := range []int{0, 1, 5, 13, 64, 300, n} {
		var rs []rankedTerm
		for _, id := range r.Perm(n)[:size] {
			w := float32(r.IntN(8)) / 4 // many ties of weight, and of seen
			rs = append(rs, rankedTerm{rankKey(w, c.stat[id].seen), uint32(id), w})
		}
		want := slices.Clone(rs)
		slices.SortFunc(want, c.cmpRanked)
		got := slices.Clone(rs)
		c.sortRanked(got)
		if !slices.Equal(got, want) {
			t.Errorf("sortRanked of %d terms differs from slices.SortFunc", size)
		}
		for k := 1; k < size; k += size/7 + 1 {
			got := slices.Clone(rs)
			c.partition(got, k)
			c.sortRanked(got[:k])
			if !slices.Equal(got[:k], want[:k]) {
				t.Errorf("the %d first of %d terms differ after partition", k, size)
			}
		}
	}
}

// TestKeepTopCounts checks the pruning of count maps against sorting
// every key, on maps with many ties of count.
func TestKeepTopCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{0, 1, 5, 48, 49, 73, 200} {
		for range 20 {
			m := map[string]float32{}
			for i := range size {
				// keys of several lengths, some sharing their first
				// eight bytes, some holding zero bytes (keyPrefix)
				var k string
				switch i % 3 {
				case 0:
					k = fmt.Sprintf("p%d", r.IntN(1000)+i*1000)
				case 1:
					k = fmt.Sprintf("personae%d", r.IntN(1000)+i*1000)
				default:
					k = fmt.Sprintf("p\x00%d", r.IntN(10)+i*10)[:2+r.IntN(3)]
				}
				m[k] = float32(r.IntN(4))
			}
			keys := slices.Collect(maps.Keys(m))
			slices.SortFunc(keys, func(a, b string) int {
				return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b))
			})
			want := map[string]float32{}
			for _, k := range keys[:min(len(keys), 48)] {
				want[k] = m[k]
			}
			keepTopCounts(m, 48, nil)
			if !maps.Equal(m, want) {
				t.Fatalf("%d keys: kept %v, want %v", size, m, want)
			}
		}
	}
}

func TestContribKey(t *testing.T) {
	// ascending keys: larger contributions first; -0 ties with 0
	ordered := []float64{math.MaxFloat64, 2.5, 1, 1e-300, 0, -1e-300, -1, math.Inf(-1)}
	for i := 1; i < len(ordered); i++ {
		a, b := ordered[i-1], ordered[i]
		if ka, kb := contribKey(a), contribKey(b); ka >= kb {
			t.Errorf("contribKey(%v) = %x, not before contribKey(%v) = %x", a, ka, b, kb)
		}
	}
	if contribKey(0) != contribKey(math.Copysign(0, -1)) {
		t.Error("-0 and 0 rank apart")
	}
}

// TestSelectHeaviestSorted checks the selection from a sorted run and a
// tail against selectHeaviest: for a run in order, a run a few weights
// moved out of order, a run far from order, and no run.
func TestSelectHeaviestSorted(t *testing.T) {
	const n = 400
	c := New(Options{})
	c.stat, c.hashes = make([]termStat, n), make([]uint64, n)
	r := rand.New(rand.NewPCG(3, 4))
	for id := range n {
		c.stat[id].seen = uint32(r.IntN(5))
		c.hashes[id] = r.Uint64()
	}
	for _, tc := range []struct {
		name             string
		size, head, keep int
		moved            int // head weights changed after sorting
	}{
		{"head in order", 240, 160, 160, 0},
		{"head slightly out of order", 240, 160, 160, 20},
		{"head far from order", 240, 160, 160, 160},
		{"no head", 240, 0, 160, 0},
		{"head only", 100, 100, 64, 5},
		{"fewer than keep", 30, 10, 64, 3},
		{"short tail", 170, 160, 64, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ts []tw
			for _, id := range r.Perm(n)[:tc.size] {
				ts = append(ts, tw{uint32(id), float32(r.IntN(16)) / 4}) // ties
			}
			c.sortHeaviest(ts[:tc.head])
			for range tc.moved {
				ts[r.IntN(tc.head)].w += float32(r.IntN(3)) / 4
			}
			want := slices.Clone(ts)
			c.selectHeaviest(want, tc.keep)
			k := min(tc.keep, tc.size)
			got := slices.Clone(ts)
			c.selectHeaviestSorted(got, tc.keep, tc.head)
			if !slices.Equal(got[:k], want[:k]) {
				t.Errorf("the %d heaviest differ:\n got %v\nwant %v", k, got[:k], want[:k])
			}
		})
	}
}

// TestOrderTopSpread checks the selection of the heaviest terms (narrow,
// then partition) against a full sort, for weights spread over many
// magnitudes, bunched near one value, and mixed with ties of weight and
// of seen.
func TestOrderTopSpread(t *testing.T) {
	const n = 2000
	c, r := randomTerms(n, 3, 7)
	weights := map[string]func() float32{
		"magnitudes": func() float32 { return float32(math.Exp(r.Float64()*40 - 20)) },
		"bunched":    func() float32 { return 3 + float32(r.IntN(50))*1e-6 },
		"ties":       func() float32 { return float32(r.IntN(3)) / 2 },
		"zeros":      func() float32 { return float32(r.IntN(2)) * r.Float32() },
	}
	for name, weight := range weights {
		for _, size := range []int{2, 17, 65, 160, 240, n} {
			var rs []rankedTerm
			for _, id := range r.Perm(n)[:size] {
				w := weight()
				rs = append(rs, rankedTerm{rankKey(w, c.stat[id].seen), uint32(id), w})
			}
			want := slices.Clone(rs)
			slices.SortFunc(want, c.cmpRanked)
			for _, k := range []int{1, size / 3, size - 1} {
				if k < 1 {
					continue
				}
				got := slices.Clone(rs)
				c.orderTop(got, k)
				if !slices.Equal(got[:k], want[:k]) {
					t.Fatalf("%s: the %d first of %d terms differ from a sort", name, k, size)
				}
			}
		}
	}
}

// randomTerms returns a Clusterer with n terms of random hashes, each
// seen fewer than seen times, and the random source that made them
// (seeded by seed), for the rest of a test's draws.
func randomTerms(n, seen int, seed uint64) (*Clusterer, *rand.Rand) {
	c := New(Options{})
	c.stat, c.hashes = make([]termStat, n), make([]uint64, n)
	r := rand.New(rand.NewPCG(seed, seed+1))
	for id := range n {
		c.stat[id].seen = uint32(r.IntN(seen))
		c.hashes[id] = r.Uint64()
	}
	return c, r
}
