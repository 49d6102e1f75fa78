package cluster

import (
	"math/rand/v2"
	"testing"
)

// TestIdIndex: an index finds every id added, at its place in the list,
// and no other, through the growths of its table from any starting size,
// for ids that share a home slot (multiples of the table's size apart)
// as well as random ones.
func TestIdIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name  string
		sized int // the reset's room
		ids   func(i int) uint32
	}{
		{"random", 0, func(int) uint32 { return r.Uint32() }},
		{"dense, each id thrice", 100, func(i int) uint32 { return uint32(i % 333) }},
		{"colliding", 8, func(i int) uint32 { return uint32(i) << 20 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var x idIndex
			x.reset(tt.sized)
			var list []fterm
			want := map[uint32]int{}
			for i := range 1000 {
				id := tt.ids(i)
				slot, at := x.find(list, id)
				if w, ok := want[id]; ok {
					if at != w {
						t.Fatalf("find(%d) = %d, want %d", id, at, w)
					}
					continue
				}
				if at >= 0 {
					t.Fatalf("find(%d) = %d before it was added", id, at)
				}
				list = append(list, fterm{id: id})
				x.add(list, slot)
				want[id] = len(list) - 1
				if 2*len(list) > len(x.slots) {
					t.Fatalf("%d ids in %d slots", len(list), len(x.slots))
				}
			}
			for id, w := range want {
				if _, at := x.find(list, id); at != w {
					t.Fatalf("find(%d) = %d, want %d", id, at, w)
				}
			}
		})
	}
}
