package cluster

import (
	"math"
	"time"
)

// index maps a term to the clusters whose centroid holds it, most recent
// last. Entries of merged or evicted clusters are dropped lazily, and
// those of evicted clusters at each sweep.
type index struct {
	post [][]*node // by term id
	// keep is how many of the most recent clusters a list keeps (the
	// lookups read no more): a list is compacted when it holds twice as
	// many, so that it stays bounded however many clusters hold its term.
	keep int
}

func newIndex(keep int) *index { return &index{keep: keep} }

// grow makes the index cover n term ids.
func (x *index) grow(n int) {
	if n > len(x.post) {
		x.post = append(x.post, make([][]*node, n-len(x.post))...)
	}
}

// add posts n under the given terms; callers pass only terms that n's
// centroid did not hold before, so a node is rarely posted twice under one
// term (candidates tolerate it).
func (x *index) add(n *node, ids []uint32) {
	for _, id := range ids {
		p := append(x.post[id], n)
		if len(p) >= 2*x.keep {
			p = compact(p, x.keep)
		}
		x.post[id] = p
	}
}

// compact drops dead nodes and keeps the last keep entries.
func compact(p []*node, keep int) []*node {
	out := p[:0]
	for _, n := range p {
		if !n.dead() && !n.gone {
			out = append(out, n)
		}
	}
	if len(out) > keep {
		out = append(out[:0], out[len(out)-keep:]...)
	}
	for i := len(out); i < len(p); i++ {
		p[i] = nil
	}
	return out
}

// candidates looks up the clusters sharing the heaviest terms of v,
// ranks them by the weight of the query terms they share, and scores the
// first MaxCandidates exactly.
func (c *Clusterer) candidates(x *index, v vector, cyrillic bool, at time.Time, tau time.Duration) []candidate {
	kv := c.kvec
	q := append(c.query[:0], v[:min(len(v), c.opts.QueryTerms)]...)
	// the heaviest name keys other articles have too find the reports
	// in other scripts
	keys := 0
	for i := 0; i < len(kv) && keys < queryKeys; i++ {
		if c.df[kv[i].id] > 1 {
			q = append(q, kv[i])
			keys++
		}
	}
	c.query = q
	c.stamp++
	touched := c.touched[:0]
	x.grow(c.lex.size())
	words := len(q) - keys
	for i, t := range q {
		p := x.post[t.id]
		if len(p) > c.opts.MaxPostings {
			p = p[len(p)-c.opts.MaxPostings:]
		}
		for _, n := range p {
			if n.dead() || n.gone || (n.stamp == c.stamp && n.stampTerm == t.id) || (i >= words && !n.crossScript(cyrillic)) {
				continue
			}
			if n.stamp != c.stamp {
				n.stamp, n.acc = c.stamp, 0
				touched = append(touched, n)
			}
			n.stampTerm = t.id
			n.acc += float64(t.w)
		}
	}
	c.touched = touched[:0]
	// keep the MaxCandidates best by shared query weight (ties: older)
	k := c.opts.MaxCandidates
	top := c.top[:0]
	better := func(a, b *node) bool {
		if a.acc != b.acc {
			return a.acc > b.acc
		}
		return a.seq < b.seq
	}
	for _, n := range touched {
		if len(top) == k && !better(n, top[k-1]) {
			continue
		}
		i := len(top)
		if i < k {
			top = append(top, n)
		} else {
			i = k - 1
		}
		for ; i > 0 && better(n, top[i-1]); i-- {
			top[i] = top[i-1]
		}
		top[i] = n
	}
	c.top = top
	out := c.cands[:0]
	docNames := c.docNames(v)
	c.scatter(v)
	c.scatter(kv)
	for _, n := range top {
		out = append(out, c.score(n, docNames, cyrillic, at, tau))
	}
	c.unscatter(kv)
	c.unscatter(v)
	c.cands = out[:0]
	return out
}

// docNames is the squared norm of v's name terms.
func (c *Clusterer) docNames(v vector) float64 {
	var s float64
	for _, t := range v {
		if c.isName(t.id) {
			s += float64(t.w) * float64(t.w)
		}
	}
	return s
}

// score scores cluster n against the article whose vector and name keys
// are scattered (c.qw), whose name terms weigh docNames (squared).
func (c *Clusterer) score(n *node, docNames float64, cyrillic bool, at time.Time, tau time.Duration) candidate {
	var dot, dotN, centN float64
	for i, id := range n.cent.ids {
		w := float64(n.cent.ws[i])
		q := float64(c.qw[id])
		dot += q * w
		if c.isName(id) {
			dotN += q * w
			centN += w * w
		}
	}
	cd := candidate{n: n, nameCos: -1, wordCos: -1}
	if n.cent.norm2 > 0 {
		cd.cos = dot / math.Sqrt(n.cent.norm2)
	}
	if docNames > 0 && centN > 0 {
		cd.nameCos = dotN / math.Sqrt(docNames*centN)
	}
	if docWords, centW := 1-docNames, n.cent.norm2-centN; docWords > 1e-6 && centW > 1e-9 {
		cd.wordCos = (dot - dotN) / math.Sqrt(docWords*centW)
	}
	if n.crossScript(cyrillic) && n.keys.norm2 > 0 && len(c.kvec) > 0 {
		// reports in different scripts share their names, not their
		// words: the agreement of names stands for that of the text
		kcos := c.cosineScattered(&n.keys)
		cd.cross = true
		cd.nameCos = kcos
		cd.cos = max(cd.cos, kcos)
	}
	cd.sim = cd.cos * c.decay(n, at, tau)
	return cd
}

// queryKeys is how many of an article's name keys look up candidates.
const queryKeys = 4

// crossScript reports whether most of n's members are in the other
// script than an article (Cyrillic or not).
func (n *node) crossScript(cyrillic bool) bool {
	cyr := n.scripts[1] > n.scripts[0]
	return n.size > 0 && cyr != cyrillic
}
