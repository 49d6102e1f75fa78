package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestIDFBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, x := range []float64{1 + 1e-12, 1.5, 2, 2 - 1e-12, 51, 1e3, 1e6} {
		lo, hi := idfBounds(x)
		if l := math.Log(x); lo > l || hi < l || hi-lo > 0.005 {
			t.Errorf("idfBounds(%v) = [%v, %v], log %v", x, lo, hi, l)
		}
	}
	for range 100000 {
		x := (float64(r.IntN(1e6)) + idfPrior) / float64(r.IntN(1e6)+1)
		if x <= 1 {
			continue
		}
		lo, hi := idfBounds(x)
		if l := math.Log(x); lo > l || hi < l || hi-lo > 0.005 {
			t.Fatalf("idfBounds(%v) = [%v, %v], log %v", x, lo, hi, l)
		}
	}
}

// TestRankHeaviest checks that the terms rankHeaviest keeps hold the k
// heaviest of all, weighed as vectorize weighs them, on articles whose
// terms tie often (the same counts and frequencies).
func TestRankHeaviest(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	tfs := []float32{1, 2, 3, 4, 5, 6, 7.5}
	boosts := []float32{1, numberBoost, nameBoost}
	for _, tc := range []struct{ terms, docs, maxDF, k int }{
		{100, 60, 60, 64},
		{200, 20000, 20000, 64},
		{300, 100000, 50, 64},
		{150, 100000, 100000, 64},
		{97, 5, 5, 64},
		{500, 1000000, 3, 64},
	} {
		for range 50 {
			c := &Clusterer{docs: tc.docs}
			f := &Features{}
			for i := range tc.terms {
				f.terms = append(f.terms, fterm{id: uint32(i), tf: tfs[r.IntN(len(tfs))], boost: boosts[r.IntN(len(boosts))]})
				c.dfs = append(c.dfs, uint32(1+r.IntN(min(tc.maxDF, tc.docs))))
				// distinct, so that the keys order all terms
				c.seens = append(c.seens, uint32(i))
			}
			var all []rankedTerm
			for i, ft := range f.terms {
				w := float32(damped(ft.tf) * c.idf(c.dfs[i]) * float64(ft.boost))
				all = append(all, rankedTerm{rankKey(w, c.seens[i]), ft.id, w})
			}
			slices.SortFunc(all, func(a, b rankedTerm) int { return cmpUint64(a.key, b.key) })
			got := c.rankHeaviest(f, tc.k)
			if len(got) < tc.k {
				t.Fatalf("%+v: kept %d terms, fewer than %d", tc, len(got), tc.k)
			}
			for _, want := range all[:tc.k] {
				if !slices.Contains(got, want) {
					t.Fatalf("%+v: term %+v of the %d heaviest not kept", tc, want, tc.k)
				}
			}
		}
	}
}

func cmpUint64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
