package cluster

import "testing"

// livePosted returns the nodes a term's postings name that are still
// live, in list order.
func livePosted(x *index, id uint32) []*node {
	var out []*node
	for _, e := range x.post[id] {
		if x.live(e) {
			out = append(out, x.nodes[e.slot])
		}
	}
	return out
}

func TestIndexSlots(t *testing.T) {
	a, b, c := &node{id: "a", seq: 1}, &node{id: "b", seq: 2}, &node{id: "c", seq: 3}
	tests := []struct {
		name string
		run  func(x *index)
		term uint32
		want []*node
	}{
		{"posted", func(x *index) { x.add(a, []uint32{1}); x.add(b, []uint32{1}) }, 1, []*node{a, b}},
		{"released", func(x *index) {
			x.add(a, []uint32{1, 2})
			x.add(b, []uint32{1})
			x.release(a)
		}, 1, []*node{b}},
		{"slot reused, old postings stale", func(x *index) {
			x.add(a, []uint32{2})
			x.release(a)
			x.add(c, []uint32{1}) // takes a's slot
		}, 2, nil},
		{"reused slot names the new node", func(x *index) {
			x.add(a, []uint32{2})
			x.release(a)
			x.add(c, []uint32{1})
		}, 1, []*node{c}},
		{"merged node not posted", func(x *index) {
			a.into = b
			defer func() { a.into = nil }()
			x.add(a, []uint32{1})
		}, 1, nil},
		{"evicted node not posted", func(x *index) {
			c.gone = true
			defer func() { c.gone = false }()
			x.add(c, []uint32{1})
		}, 1, nil},
		{"compaction keeps the most recent", func(x *index) {
			for _, n := range []*node{a, b, c} {
				x.add(n, []uint32{3})
			}
			x.post[3] = x.compact(x.post[3], 2)
		}, 3, []*node{b, c}},
		{"short lists drop stale postings", func(x *index) {
			x.add(a, []uint32{3})
			x.add(b, []uint32{3})
			x.release(b)
			x.dropStale(3)
			if len(x.post[3]) != 1 {
				t.Errorf("dropStale left %d postings, want 1", len(x.post[3]))
			}
		}, 3, []*node{a}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, n := range []*node{a, b, c} {
				n.slot = 0
			}
			x := newIndex(4)
			x.grow(8)
			tc.run(x)
			got := livePosted(x, tc.term)
			if len(got) != len(tc.want) {
				t.Fatalf("live postings of %d: %d nodes, want %d", tc.term, len(got), len(tc.want))
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("posting %d names %s, want %s", i, got[i].id, tc.want[i].id)
				}
			}
		})
	}
}

// TestIndexScripts checks that the index counts its slots by script as
// members join, nodes leave and slots are reused, so that a lookup by
// name key skips its lists exactly when no node could count.
func TestIndexScripts(t *testing.T) {
	latin := &node{id: "a", seq: 1, size: 1, scripts: [2]float32{1, 0}}
	cyr := &node{id: "b", seq: 2, size: 1, scripts: [2]float32{0, 1}}
	tests := []struct {
		name             string
		run              func(x *index)
		forLatin, forCyr bool // anyCross for a Latin and a Cyrillic article
	}{
		{"empty", func(x *index) {}, false, false},
		{"one Latin node", func(x *index) { x.add(latin, []uint32{1}) }, false, true},
		{"both", func(x *index) { x.add(latin, []uint32{1}); x.add(cyr, []uint32{2}) }, true, true},
		{"Cyrillic node released", func(x *index) {
			x.add(latin, []uint32{1})
			x.add(cyr, []uint32{2})
			x.release(cyr)
		}, false, true},
		{"Latin node turns Cyrillic", func(x *index) {
			x.add(latin, []uint32{1})
			latin.scripts = [2]float32{1, 3}
			defer func() { latin.scripts = [2]float32{1, 0} }()
			x.refresh(latin)
		}, true, false},
		{"slot reused by the other script", func(x *index) {
			x.add(latin, []uint32{1})
			x.release(latin)
			x.add(cyr, []uint32{1})
		}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			latin.slot, cyr.slot = 0, 0
			x := newIndex(4)
			x.grow(8)
			tc.run(x)
			if got := x.anyCross(false); got != tc.forLatin {
				t.Errorf("anyCross(Latin article) = %v, want %v", got, tc.forLatin)
			}
			if got := x.anyCross(true); got != tc.forCyr {
				t.Errorf("anyCross(Cyrillic article) = %v, want %v", got, tc.forCyr)
			}
			n := 0
			for _, k := range x.perScript {
				n += k
			}
			if n != len(x.slots) {
				t.Errorf("perScript counts %d slots, the index holds %d", n, len(x.slots))
			}
		})
	}
}

// TestIndexWalk checks what a walk over the postings counts: each live
// node once per term, however often posted under it, stale postings
// never, name keys only for nodes in the other script; and that it
// leaves the slots as it found them.
func TestIndexWalk(t *testing.T) {
	latin := &node{id: "a", seq: 1, size: 1, scripts: [2]float32{1, 0}}
	cyr := &node{id: "b", seq: 2, size: 1, scripts: [2]float32{0, 1}}
	gone := &node{id: "c", seq: 3, size: 1, scripts: [2]float32{1, 0}}
	x := newIndex(8)
	x.grow(8)
	x.add(latin, []uint32{1, 2, 5})
	x.add(latin, []uint32{1}) // posted twice under term 1
	x.add(cyr, []uint32{2, 5})
	x.add(gone, []uint32{1, 2})
	x.release(gone)
	q := []tw{{1, 0.5}, {2, 0.25}, {5, 0.125}} // two words, one name key
	lists := [][]posting{x.post[1], x.post[2], x.post[5]}
	for _, tc := range []struct {
		cyrillic bool
		want     map[*node]float64
	}{
		{false, map[*node]float64{latin: 0.75, cyr: 0.25 + 0.125}},
		{true, map[*node]float64{latin: 0.75 + 0.125, cyr: 0.25}},
	} {
		hits := x.walk(nil, q, 2, lists, tc.cyrillic)
		got := map[*node]float64{}
		for _, h := range hits {
			if _, ok := got[x.nodes[h.slot]]; ok {
				t.Errorf("cyrillic %v: two hits for %s", tc.cyrillic, x.nodes[h.slot].id)
			}
			got[x.nodes[h.slot]] = h.acc
		}
		if len(got) != len(tc.want) {
			t.Errorf("cyrillic %v: %d nodes met, want %d", tc.cyrillic, len(got), len(tc.want))
		}
		for n, w := range tc.want {
			if got[n] != w {
				t.Errorf("cyrillic %v: %s shares %v, want %v", tc.cyrillic, n.id, got[n], w)
			}
		}
		for i, s := range x.slots {
			if s.hit != 0 {
				t.Errorf("slot %d keeps hit %d after the walk", i, s.hit)
			}
		}
	}
}
