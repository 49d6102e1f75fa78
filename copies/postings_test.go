package copies

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostingsBlocks files documents under fingerprints drawn from a
// small set, so that some are filed under hundreds, and checks every
// fingerprint's count and newest documents against a plain list, with
// the postings kept below maxCount and from it on.
func TestPostingsBlocks(t *testing.T) {
	for _, maxPosting := range []int{1, 5, 64, 300} {
		t.Run(fmt.Sprintf("keep=%d", maxPosting), func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(maxPosting)))
			p := newPostings(0, nil, maxPosting, false)
			want := map[uint32][]uint32{}
			for d := uint32(100); d < 1100; d++ {
				var fps []uint32
				for range 20 {
					// a few common fingerprints, many rare ones
					h := uint32(r.IntN(40))
					if r.IntN(2) == 0 {
						h = r.Uint32()
					}
					if !slices.Contains(fps, h) {
						fps = append(fps, h)
					}
				}
				p.add(d, fps, nil, 0, nil)
				for _, h := range fps {
					want[h] = append(want[h], d)
				}
			}
			for h, docs := range want {
				off := p.block(h)
				if off == noEntry {
					t.Fatalf("%d: not found", h)
				}
				n := p.count(off)
				if wn := min(len(docs), maxCount); n != wn {
					t.Fatalf("%d: count %d, want %d", h, n, wn)
				}
				if n > maxPosting {
					continue // never walked
				}
				if got := p.newest(off, n); !slices.Equal(got, docs[len(docs)-n:]) {
					t.Fatalf("%d: newest %v, want %v", h, got, docs[len(docs)-n:])
				}
				if k := n / 2; k > 0 && !slices.Equal(p.newest(off, k), docs[len(docs)-k:]) {
					t.Fatalf("%d: newest %d wrong", h, k)
				}
			}
			if p.block(0xdeadbeef) != noEntry && want[0xdeadbeef] == nil {
				t.Fatal("found a fingerprint never filed")
			}
			filed := 0
			for _, docs := range want {
				filed += len(docs)
			}
			if p.filed != filed {
				t.Fatalf("filed %d postings, want %d", p.filed, filed)
			}
		})
	}
}
