package cluster

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// livePosted returns the nodes a term's postings name that are still
// live, in list order.
func livePosted(x *index, id uint32) []*node {
	var out []*node
	for _, e := range x.post[id] {
		if x.live(e) {
			out = append(out, x.nodes[e.slot()])
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

// modelPosting is a posting of the reference lists TestIndexModel keeps
// beside an index: the node posted and its incarnation then.
type modelPosting struct {
	n    *node
	born int
}

// TestIndexModel runs random adds, releases and sweeps of short lists
// against an index and against plain lists of nodes kept by the same
// rules (append; at twice keep, drop the stale and keep the last keep;
// dropStale on short lists), and checks after every step that each list
// of the index holds as many postings as the reference, stale where it
// is stale and naming the same node where it is live: a layout that lost,
// duplicated or misnamed postings, or let a stale one look live after
// its slot was reused (through every generation, which retires slots),
// fails. In "churn", a few nodes released many times go through the
// generations.
func TestIndexModel(t *testing.T) {
	const (
		terms = 12
		nodes = 3
		keep  = 4
		steps = 24000
	)
	tests := []struct {
		name         string
		releaseEvery int  // a release every 2*releaseEvery steps, about
		retires      bool // whether slots go through all generations
	}{
		{"churn", 2, true},
		{"steady", 7, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(tc.releaseEvery), 3))
			x := newIndex(keep)
			x.grow(terms)
			model := make([][]modelPosting, terms)
			born := map[*node]int{} // a node's incarnation; absent once released
			var live [nodes]*node
			next := 0
			fresh := func() *node {
				next++
				n := &node{id: "e" + strconv.Itoa(next), seq: next}
				born[n] = next
				return n
			}
			for i := range live {
				live[i] = fresh()
			}
			isLive := func(p modelPosting) bool { return born[p.n] == p.born }
			// the last term is a rare one: posted once and left, stale,
			// through every generation of its slot
			rare := uint32(terms - 1)
			x.add(live[0], []uint32{rare})
			model[rare] = []modelPosting{{live[0], born[live[0]]}}
			releases := 0
			for step := range steps {
				switch k := r.IntN(2 * tc.releaseEvery); {
				case k == 0:
					i := r.IntN(nodes)
					x.release(live[i])
					delete(born, live[i])
					live[i] = fresh()
					releases++
				case k == 1:
					id := uint32(r.IntN(terms - 1))
					x.dropStale(id)
					if m := model[id]; len(m) > 0 && len(m) <= keep {
						model[id] = slices.DeleteFunc(m, func(p modelPosting) bool { return !isLive(p) })
					}
				default:
					n := live[r.IntN(nodes)]
					ids := r.Perm(terms - 1)[:1+r.IntN(4)]
					var posted []uint32
					for _, id := range ids {
						posted = append(posted, uint32(id))
						m := append(model[id], modelPosting{n, born[n]})
						if len(m) >= 2*keep {
							m = slices.DeleteFunc(m, func(p modelPosting) bool { return !isLive(p) })
							m = m[max(0, len(m)-keep):]
						}
						model[id] = m
					}
					x.add(n, posted)
				}
				for id := range terms {
					got, want := x.post[id], model[id]
					if len(got) != len(want) {
						t.Fatalf("step %d: term %d holds %d postings, want %d", step, id, len(got), len(want))
					}
					for j, p := range got {
						switch l := isLive(want[j]); {
						case x.live(p) != l:
							t.Fatalf("step %d: term %d posting %d live %v, want %v", step, id, j, x.live(p), l)
						case l && x.nodes[p.slot()] != want[j].n:
							t.Fatalf("step %d: term %d posting %d names %s, want %s", step, id, j, x.nodes[p.slot()].id, want[j].n.id)
						}
					}
				}
			}
			if tc.retires && x.retired == 0 {
				t.Errorf("%d releases retired no slot", releases)
			}
			if len(x.slots) > nodes+x.retired {
				t.Errorf("%d slots for %d live nodes and %d retired slots", len(x.slots), nodes, x.retired)
			}
		})
	}
}
