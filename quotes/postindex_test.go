package quotes

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostIndex checks the index against a map under random puts, grown
// lists and removals, with keys that share their low bits so
// that probe runs are long and removals move keys back.
func TestPostIndex(t *testing.T) {
	for _, spread := range []uint64{1 << 10, 1 << 40} {
		r := rand.New(rand.NewPCG(7, spread))
		var x postIndex
		ref := map[uint32][]uint32{}
		check := func(step int) {
			t.Helper()
			if x.n != len(ref) {
				t.Fatalf("spread %d step %d: %d keys, want %d", spread, step, x.n, len(ref))
			}
			for k, want := range ref {
				if got := x.get(k); !slices.Equal(got, want) {
					t.Fatalf("spread %d step %d: key %x holds %v, want %v", spread, step, k, got, want)
				}
			}
		}
		for step := range 20000 {
			// keys 1024 apart collide in a table of up to 1024 places
			k := postKey(uint64(r.IntN(3000)) * spread)
			switch op := r.IntN(10); {
			case op < 6: // add a posting
				l := append(x.get(k), uint32(r.IntN(1000)))
				x.put(k, l)
				ref[k] = append(slices.Clone(ref[k]), l[len(l)-1])
			default: // drop the key
				x.put(k, nil)
				delete(ref, k)
			}
			if step%2000 == 0 {
				check(step)
			}
		}
		check(-1)
	}
}
