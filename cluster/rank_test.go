package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
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
	c := New(Options{})
	c.stat = make([]termStat, n)
	r := rand.New(rand.NewPCG(1, 2))
	for id := range n {
		c.stat[id].seen = uint32(r.IntN(5))
		c.stat[id].hash = r.Uint64()
	}
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
