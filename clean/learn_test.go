package clean

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/zeebo/xxh3"
)

// TestPruneMatchesSort: prune keeps the lines a full sort by count, then
// key, keeps: with counts mostly small, many ties at the cut, and counts
// past the histogram's exact range at the cut and above it.
func TestPruneMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 200 {
		counts := make(map[uint64]uint32)
		big := trial%4 == 0 // most lines counted 64 times or more
		for len(counts) < 4097+r.IntN(200) {
			n := uint32(1 + r.IntN(3))
			if r.IntN(10) == 0 || big {
				n = uint32(1 + r.IntN(200))
			}
			counts[1+r.Uint64()%50000] = n // no line has key 0
		}
		a, b := newOutlet(), newOutlet()
		for k, n := range counts {
			a.counts.set(k, n)
			b.counts.set(k, n)
		}
		a.prune(4096)
		b.pruneSorted(4096 * 3 / 4)
		if a.counts.len() != b.counts.len() {
			t.Fatalf("trial %d: kept %d lines, want %d", trial, a.counts.len(), b.counts.len())
		}
		b.counts.all(func(k uint64, n uint32) {
			if got := a.counts.get(k); got != n {
				t.Fatalf("trial %d: line %x counted %d, want %d", trial, k, got, n)
			}
		})
	}
}

// TestRecentHashes: an article whose hash is among the outlet's last
// recentHashes is not counted again, one pushed out of the ring is, and
// the look-up table stays that of the ring, through wrap-arounds and
// repeats.
func TestRecentHashes(t *testing.T) {
	c := New(Options{})
	r := rand.New(rand.NewPCG(11, 12))
	var ring []string // the hashes the outlet should remember, oldest first
	for i := range 2000 {
		h := fmt.Sprintf("%016d", r.IntN(400))
		a := storyline.Article{ID: fmt.Sprint(i), Source: "s", Hash: h, Text: "A line of the outlet."}
		o := c.outlets["s"]
		var before uint32
		if o != nil {
			before = o.counts.get(xxh3.HashString("a line of the outlet."))
		}
		if err := c.Clean(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		o = c.outlets["s"]
		after := o.counts.get(xxh3.HashString("a line of the outlet."))
		repeat := slices.Contains(ring, h)
		if repeat != (after == before) {
			t.Fatalf("article %d, hash %s: count %d → %d, repeat of a recent hash: %v", i, h, before, after, repeat)
		}
		if !repeat {
			if ring = append(ring, h); len(ring) > recentHashes {
				ring = ring[1:]
			}
		}
		want := map[string]int{}
		for _, h := range o.recent {
			want[hashPrefix(h)]++
		}
		if !maps.Equal(o.inRecent, want) {
			t.Fatalf("article %d: look-up table of %d hashes, ring of %d", i, len(o.inRecent), len(want))
		}
	}
}

// TestGreatest: greatest returns the n greatest of distinct keys, as a
// sort does, for every n, on keys in random, sorted and reversed order.
func TestGreatest(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, size := range []int{0, 1, 2, 3, 5, 17, 100, 1000} {
		random := make([]uint64, 0, size)
		for seen := map[uint64]bool{}; len(random) < size; {
			if k := r.Uint64() % 5000; !seen[k] {
				seen[k] = true
				random = append(random, k)
			}
		}
		sorted := slices.Sorted(slices.Values(random))
		reversed := slices.Clone(sorted)
		slices.Reverse(reversed)
		for _, order := range [][]uint64{random, sorted, reversed} {
			for n := range size + 2 {
				keys := slices.Clone(order)
				got := slices.Sorted(slices.Values(greatest(keys, n)))
				want := sorted[max(0, size-n):]
				if !slices.Equal(got, want) {
					t.Fatalf("greatest(%d of %d) = %v, want %v", n, size, got, want)
				}
				if rest := slices.Sorted(slices.Values(keys)); !slices.Equal(rest, sorted) {
					t.Fatalf("greatest(%d of %d) lost keys", n, size)
				}
			}
		}
	}
}
