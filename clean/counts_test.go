package clean

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCountTable: adding, setting and removing keys in random order leaves
// the table holding what a map does, through growth and the backward
// shifts of removal (keys drawn from a small range collide often, and
// keys with equal low bits share home slots).
func TestCountTable(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  int
		steps int
	}{
		{"few keys", 20, 2000},
		{"many keys", 3000, 40000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(5, uint64(tc.keys)))
			var tab countTable
			want := map[uint64]uint32{}
			key := func() uint64 { return 1 + uint64(r.IntN(tc.keys))<<40 }
			for step := range tc.steps {
				k := key()
				switch op := r.IntN(10); {
				case op < 6:
					want[k]++
					if got := tab.add(k); got != want[k] {
						t.Fatalf("step %d: add(%x) = %d, want %d", step, k, got, want[k])
					}
				case op < 7:
					n := uint32(r.IntN(2 * countExact))
					want[k] = n
					tab.set(k, n)
				default:
					delete(want, k)
					tab.remove(k)
				}
				if tab.len() != len(want) {
					t.Fatalf("step %d: len %d, want %d", step, tab.len(), len(want))
				}
			}
			for k, n := range want {
				if got := tab.get(k); got != n {
					t.Errorf("get(%x) = %d, want %d", k, got, n)
				}
			}
			var hist [countExact + 1]int
			for _, n := range want {
				hist[bucket(n)]++
			}
			if hist != tab.hist {
				t.Errorf("histogram %v, want %v", tab.hist, hist)
			}
			seen := 0
			tab.all(func(k uint64, n uint32) {
				seen++
				if want[k] != n {
					t.Errorf("all: %x counted %d, want %d", k, n, want[k])
				}
			})
			if seen != len(want) {
				t.Errorf("all yielded %d keys, want %d", seen, len(want))
			}
			var wantKeys []uint64
			for k, n := range want {
				if n >= 2 {
					wantKeys = append(wantKeys, k)
				}
			}
			slices.Sort(wantKeys)
			if got := tab.sortedKeys(2); !slices.Equal(got, wantKeys) {
				t.Errorf("sortedKeys(2): %d keys, want %d", len(got), len(wantKeys))
			}
			for _, c := range []uint32{0, 1, 2, 3, countExact} {
				var less, at []uint64
				for k, n := range want {
					switch {
					case n < c:
						less = append(less, k)
					case n == c:
						at = append(at, k)
					}
				}
				gotLess, gotAt := tab.below(c, nil, nil)
				slices.Sort(less)
				slices.Sort(at)
				if !slices.Equal(slices.Sorted(slices.Values(gotLess)), less) || !slices.Equal(slices.Sorted(slices.Values(gotAt)), at) {
					t.Errorf("below(%d): %d and %d keys, want %d and %d", c, len(gotLess), len(gotAt), len(less), len(at))
				}
			}
			if tab.get(1<<63|12345) != 0 {
				t.Errorf("get of a key never added is not 0")
			}
		})
	}
}

// TestSortedKeys: the keys counted at least some times come out sorted,
// all of them and no other, at every count the histogram tells apart and
// above.
func TestSortedKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 100, 5000} {
		var tab countTable
		for range n {
			tab.set(1+r.Uint64N(1<<62), uint32(r.IntN(2*countExact)))
		}
		for _, min := range []uint32{0, 1, 2, 5, countExact, countExact + 1} {
			var want []uint64
			tab.all(func(k uint64, c uint32) {
				if c >= min {
					want = append(want, k)
				}
			})
			slices.Sort(want)
			if got := tab.sortedKeys(min); !slices.Equal(got, want) {
				t.Fatalf("%d keys: sortedKeys(%d) gives %d keys, want %d", n, min, len(got), len(want))
			}
		}
	}
}
