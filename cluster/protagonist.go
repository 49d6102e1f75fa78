package cluster

import (
	"sort"
)

// protagonists is how many names of its title and lead stand for what an
// article is about, and how many of an event's most named ones stand for
// the event.
const (
	protagonists  = 2
	maxEventNames = 24
)

// salient returns the ids of the article's protagonists: the name terms
// weighing most in its title and lead.
func (c *Clusterer) salient(f *Features) []uint32 {
	type cand struct {
		i    int
		head float32
	}
	var cs []cand
	for i := range f.Terms {
		if f.Head[i] > 0 && float64(f.Boost[i]) >= nameBoost {
			cs = append(cs, cand{i, f.Head[i]})
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		x, y := cs[a], cs[b]
		if x.head != y.head {
			return x.head > y.head
		}
		if f.TF[x.i] != f.TF[y.i] {
			return f.TF[x.i] > f.TF[y.i]
		}
		return x.i < y.i
	})
	out := make([]uint32, 0, protagonists)
	for _, x := range cs[:min(len(cs), protagonists)] {
		out = append(out, c.termID(f.Terms[x.i]))
	}
	return out
}

// addNames counts an article's protagonists into an event's names.
func (c *Clusterer) addNames(n *node, sal []uint32) {
	if len(sal) == 0 {
		return
	}
	if n.names == nil {
		n.names = make(map[uint32]float32, 8)
	}
	for _, id := range sal {
		n.names[id]++
	}
	if len(n.names) > maxEventNames*3/2 {
		top := topNames(n, maxEventNames)
		keep := make(map[uint32]float32, len(top))
		for _, id := range top {
			keep[id] = n.names[id]
		}
		n.names = keep
	}
}

// topNames returns an event's k most counted names (ties: lower id).
func topNames(n *node, k int) []uint32 {
	ids := make([]uint32, 0, len(n.names))
	for id := range n.names {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := n.names[ids[i]], n.names[ids[j]]
		if a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	return ids[:min(len(ids), k)]
}

// sameProtagonists reports whether an article may report the same
// happening as event n as far as its protagonists tell: one of the
// article's protagonists is one of the event's names, or one of the
// event's main names occurs in the article. Two look-alike happenings
// (another player placed on injured reserve, another actor cast in the
// role) share their words but not their protagonists. Without names on
// either side nothing contradicts.
func (c *Clusterer) sameProtagonists(f *Features, sal []uint32, n *node) bool {
	if len(sal) == 0 || len(n.names) == 0 {
		return true
	}
	for _, id := range sal {
		if n.names[id] > 0 {
			return true
		}
	}
	for _, id := range topNames(n, protagonists) {
		t := c.terms[id]
		if i := sort.SearchStrings(f.Terms, t); i < len(f.Terms) && f.Terms[i] == t {
			return true
		}
	}
	return false
}
