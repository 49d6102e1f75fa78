package copies

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func uniqueSorted(sh []uint64) []uint64 {
	s := slices.Clone(sh)
	slices.Sort(s)
	return slices.Compact(s)
}

func collide(x, y [bands]uint32) bool {
	for b := range x {
		if x[b] == y[b] {
			return true
		}
	}
	return false
}

// TestLSHRecall checks the LSH banding against exact shingle Jaccard on
// the quality set (every pair of its articles) and on pairs made to sit
// just above the near-duplicate threshold.
func TestLSHRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("LSH recall check skipped in -short mode")
	}
	base := readBase(t)
	q := buildQuality(base)
	p := newHashParams()
	sets := make([][]uint64, len(q.arts))
	keys := make([][bands]uint32, len(q.arts))
	ok := make([]bool, len(q.arts))
	for i, a := range q.arts {
		sh := shingles(nil, wordHashes(a.Text))
		sets[i] = uniqueSorted(sh)
		keys[i], ok[i] = p.bandKeys(sh)
	}
	const threshold = 0.7
	var above, found, low, lowFound int
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			if !ok[i] || !ok[j] {
				continue
			}
			c := collide(keys[i], keys[j])
			// Jaccard cannot exceed the ratio of the set sizes: only
			// pairs that could reach the threshold, and candidates, need
			// the exact value
			small, large := min(len(sets[i]), len(sets[j])), max(len(sets[i]), len(sets[j]))
			if !c && float64(small) < threshold*float64(large) {
				low++
				continue
			}
			jac := sortedJaccard(sets[i], sets[j])
			if jac >= threshold {
				above++
				if c {
					found++
				}
			} else if jac < 0.3 {
				low++
				if c {
					lowFound++
				}
			}
		}
	}
	recall := float64(found) / float64(above)
	t.Logf("quality set: %d pairs with Jaccard >= %.2f, LSH recall %.4f; %d pairs below 0.3, %d candidates (%.2e)",
		above, threshold, recall, low, lowFound, float64(lowFound)/float64(low))
	if above < 100 || recall < 0.99 {
		t.Errorf("LSH recall %.4f over %d pairs, want >= 0.99", recall, above)
	}

	// pairs at the threshold: mutate words of real articles until the
	// exact Jaccard falls in [0.70, 0.75)
	r := rand.New(rand.NewPCG(3, 4))
	var n, hit int
	for _, a := range q.arts {
		words := wordHashes(a.Text)
		if len(words) < 150 {
			continue
		}
		orig := uniqueSorted(shingles(nil, words))
		ko, _ := p.bandKeys(orig)
		mut := slices.Clone(words)
		// each changed word changes up to three shingles: start a little
		// short of the number that brings Jaccard to 0.72
		for range len(mut) * 4 / 100 {
			mut[r.IntN(len(mut))] = r.Uint64()
		}
		for range len(mut) {
			k := r.IntN(len(mut))
			mut[k] = r.Uint64()
			sh := shingles(nil, mut)
			jac := sortedJaccard(orig, uniqueSorted(sh))
			if jac < threshold {
				break
			}
			if jac < 0.75 {
				km, _ := p.bandKeys(sh)
				n++
				if collide(ko, km) {
					hit++
				}
				break
			}
		}
		if n == 400 {
			break
		}
	}
	at := float64(hit) / float64(n)
	t.Logf("pairs with Jaccard in [0.70, 0.75): %d, LSH recall %.4f (theory at 0.70: 0.9958)", n, at)
	if n < 300 || at < 0.98 {
		t.Errorf("recall at the threshold %.4f over %d pairs", at, n)
	}
}

// TestLowerBound checks lowerBound against a binary search, on even and
// skewed values (crowded at the top, or towards 0 as winnowing selects
// them), with repeats and keys past either end.
func TestLowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 7, 100, 1000} {
		for _, skew := range []string{"even", "top", "winnowed"} {
			a := make([]uint32, n)
			for i := range a {
				a[i] = r.Uint32()
				switch skew {
				case "top":
					a[i] = a[i]>>24 | 0xfff00000 // crowded at the top
				case "winnowed":
					for range window - 1 { // the least of a window
						a[i] = min(a[i], r.Uint32())
					}
				}
				if i > 0 && r.IntN(4) == 0 {
					a[i] = a[i-1] // a repeat
				}
			}
			slices.Sort(a)
			keys := []uint32{0, ^uint32(0)}
			for range 200 {
				keys = append(keys, r.Uint32())
			}
			keys = append(keys, a...)
			for _, k := range keys {
				want, _ := slices.BinarySearch(a, k)
				if got := lowerBound(a, k); got != want {
					t.Fatalf("n=%d skew=%s: lowerBound(%d) = %d, want %d", n, skew, k, got, want)
				}
			}
		}
	}
}

// TestWinnowedAt checks that the place winnowedAt gives is inside the
// array for every key, at its ends for the extreme keys.
func TestWinnowedAt(t *testing.T) {
	for _, tc := range []struct {
		key     uint32
		n, want int
	}{
		{0, 0, 0}, {^uint32(0), 0, 0}, {0, 1, 0}, {^uint32(0), 1, 0},
		{0, 100, 0}, {^uint32(0), 100, 99}, {1 << 31, 100, 96},
	} {
		if got := winnowedAt(tc.key, tc.n); got != tc.want {
			t.Errorf("winnowedAt(%d, %d) = %d, want %d", tc.key, tc.n, got, tc.want)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 10_000 {
		n := r.IntN(2000) + 1
		if i := winnowedAt(r.Uint32(), n); i < 0 || i >= n {
			t.Fatalf("winnowedAt out of [0, %d): %d", n, i)
		}
	}
}

// TestDescending checks that walking keys through descending, as far as
// resolve goes, yields them in the order a full sort gives, with
// repeated values and lists of every length around the block sizes.
func TestDescending(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 2000 {
		n := r.IntN(700)
		if trial%10 == 0 {
			n = r.IntN(3000)
		}
		span := uint64(1) << (1 + r.IntN(40)) // small spans repeat values
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = r.Uint64N(span)
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		slices.Reverse(want)
		walk := r.IntN(n + 1)
		d := descending{keys: keys}
		for k := range walk {
			if got := d.at(k); got != want[k] {
				t.Fatalf("trial %d (%d keys): key %d is %d, want %d", trial, n, k, got, want[k])
			}
		}
		// the keys are only reordered
		slices.Sort(keys)
		slices.Reverse(keys)
		if !slices.Equal(keys, want) {
			t.Fatalf("trial %d: keys changed", trial)
		}
	}
}

// TestJaccardReach checks jaccardReach against sortedJaccard on sets
// of every overlap, around the threshold and far from it: the
// similarity it returns is sortedJaccard's whenever it reaches t.
func TestJaccardReach(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	set := func(n int, from []uint32, shared int) []uint32 {
		s := append([]uint32(nil), from[:shared]...)
		for len(s) < n {
			s = append(s, r.Uint32())
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	reached := 0
	for range 5000 {
		na, nb := r.IntN(60), r.IntN(60)
		a := set(na, nil, 0)
		b := set(nb, a, r.IntN(min(len(a), nb)+1))
		for _, th := range []float64{0.3, 0.7, 1} {
			want := sortedJaccard(a, b)
			sim, ok := jaccardReach(a, b, th)
			if ok != (want >= th) || ok && sim != want {
				t.Fatalf("jaccardReach(%v, %v, %v) = %v, %v; sortedJaccard %v", a, b, th, sim, ok, want)
			}
			if ok {
				reached++
			}
		}
	}
	if reached < 500 {
		t.Errorf("only %d pairs reached a threshold: the sets test too little", reached)
	}
}
