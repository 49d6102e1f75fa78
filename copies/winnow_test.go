package copies

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveWinnowPos selects the rightmost minimum of every window by
// scanning each window whole, once per position.
func naiveWinnowPos(grams []uint32) []int32 {
	var out []int32
	last := -1
	for start := 0; start == 0 || start+window <= len(grams); start++ {
		m := start
		for i := start + 1; i < min(start+window, len(grams)); i++ {
			if grams[i] <= grams[m] {
				m = i
			}
		}
		if len(grams) > 0 && m != last {
			out = append(out, int32(m))
			last = m
		}
	}
	return out
}

// TestWinnowPos checks the sliding selection against scanning every
// window, on texts of every length up to a few windows, with hashes
// drawn from small ranges so that ties are common.
func TestWinnowPos(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		for _, span := range []uint32{2, 5, 1 << 30} {
			for range 50 {
				grams := make([]uint32, n)
				for i := range grams {
					grams[i] = r.Uint32N(span)
				}
				if got, want := winnowPos(nil, grams), naiveWinnowPos(grams); !slices.Equal(got, want) {
					t.Fatalf("winnowPos(%v) = %v, want %v", grams, got, want)
				}
			}
		}
	}
}
