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

// TestFingerprintPositions checks the fingerprints and their positions
// against a direct reading of the selected n-grams: each hash once, in
// text order of its first selection, with every position it was
// selected at, in text order.
func TestFingerprintPositions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct{ n, distinct int }{{0, 1}, {1, 1}, {9, 3}, {200, 1000}, {400, 40}, {3000, 100000}} {
		grams := make([]uint32, tc.n)
		for i := range grams {
			grams[i] = uint32(r.IntN(tc.distinct)) * 2654435761
		}
		sc := &scratch{grams: grams, pos: winnowPos(nil, grams)}
		fps, at, pos := fingerprintPositions(sc)
		var wantFps []uint32
		wantPos := map[uint32][]uint32{}
		for _, p := range sc.pos {
			h := grams[p]
			if _, ok := wantPos[h]; !ok {
				wantFps = append(wantFps, h)
			}
			wantPos[h] = append(wantPos[h], uint32(p))
		}
		if !slices.Equal(fps, wantFps) {
			t.Fatalf("%d grams: fingerprints %v, want %v", tc.n, fps, wantFps)
		}
		for k, h := range fps {
			if got := pos[at[k]:at[k+1]]; !slices.Equal(got, wantPos[h]) {
				t.Fatalf("%d grams: positions of %d %v, want %v", tc.n, h, got, wantPos[h])
			}
		}
	}
}

// TestGramsFrom checks that the shingle hashes are those shingleHash
// makes of each run of words (appended after what the buffer holds), and
// that the n-gram hashes gone on from them are those hashed from the
// words, for texts of every length around the n-gram's.
func TestGramsFrom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		words := make([]uint64, n)
		for i := range words {
			words[i] = r.Uint64()
		}
		want := []uint64{7}
		switch {
		case n > 0 && n < shingleWords:
			want = append(want, shingleHash(words))
		case n >= shingleWords:
			for i := 0; i+shingleWords <= n; i++ {
				want = append(want, shingleHash(words[i:i+shingleWords]))
			}
		}
		if got := shingles([]uint64{7}, words); !slices.Equal(got, want) {
			t.Fatalf("%d words: shingles %v, want %v", n, got, want)
		}
		sh := shingles(nil, words)
		if got, want := gramsFrom(nil, sh, words), grams(nil, words); !slices.Equal(got, want) {
			t.Fatalf("%d words: gramsFrom %v, grams %v", n, got, want)
		}
	}
}
