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

// TestChainTable checks the table's entries against a map's as keys are
// pushed, new and again, through several rounds of growth up to a full
// table, and that keys never pushed are absent; the keys of each run of
// filled slots stay in the order of their homes, which is what lets a
// probe for an absent key stop early.
func TestChainTable(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for _, reserved := range []int{0, 5000} {
		var tb chainTable
		tb.reserve(reserved)
		want := map[uint32]uint32{}
		for step := range 20000 {
			key := r.Uint32() % 30000 // keys come back
			old, ok := want[key]
			if !ok {
				old = noEntry
			}
			if got := tb.push(key, uint32(step)); got != old {
				t.Fatalf("reserved %d, step %d: push of %d displaced %d, want %d", reserved, step, key, got, old)
			}
			want[key] = uint32(step)
		}
		if tb.n != len(want) {
			t.Fatalf("reserved %d: %d keys, want %d", reserved, tb.n, len(want))
		}
		for key := range uint32(40000) {
			got, ok := want[key]
			if !ok {
				got = noEntry
			}
			if e := tb.head(key); e != got {
				t.Fatalf("reserved %d: head(%d) = %d, want %d", reserved, key, e, got)
			}
		}
		for i, s := range tb.slots {
			next := tb.slots[tb.nextSlot(i)]
			if s != 0 && next != 0 && tb.distance(next, tb.nextSlot(i)) > tb.distance(s, i)+1 {
				t.Fatalf("reserved %d: slot %d out of the order of homes", reserved, i)
			}
		}
	}
}
