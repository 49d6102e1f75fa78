package cluster

import (
	"math"
	"time"
)

// index maps a term to the clusters whose centroid holds it, most recent
// last. Entries of merged or evicted clusters are dropped lazily, and
// those of evicted clusters at each sweep.
//
// A posting names a slot, not a node: the slots hold what a lookup reads
// and writes for each posting it walks (the node's generation, the
// lookup's partial score) in one dense array, so that walking long lists
// does not visit a node scattered in memory per posting. A node takes a
// slot when first posted and gives it back when merged or evicted
// (release); the slot's generation then changes, which makes the postings
// naming the node stale. A slot whose generations are used up is retired
// (never taken again), so that no stale posting can look live.
type index struct {
	post [][]posting // by term id
	// keep is how many of the most recent clusters a list keeps (the
	// lookups read no more): a list is compacted when it holds twice as
	// many, so that it stays bounded however many clusters hold its term.
	keep  int
	slots []slot
	nodes []*node // by slot
	// scripts holds scriptOf of each slot's node, kept current by
	// refresh, so that lookups by name key need not visit the node, and
	// perScript counts the slots of each script: a lookup by name key
	// skips the lists when no node is in the other script.
	scripts   []uint8
	perScript [3]int
	// seqs holds each slot's node.seq, which breaks ties between
	// candidates without a visit to the node.
	seqs []int
	free []uint32
	// retired counts the slots whose generations were used up.
	retired int
	// touched keeps the sum of the postings add loads ahead, so that
	// the loads are not dropped.
	touched uint32
}

// posting is one entry of a term's list, in 4 bytes: the slot of a node
// (its low slotBits bits) and the slot's generation when it was posted
// (the high bits). The lists are most of what the index holds, and
// appending to them and walking them mostly waits for memory: postings
// half the size of a pair of uint32 take half the cache lines.
type posting uint32

const (
	// slotBits bounds an index to 1<<slotBits slots (4M), live and
	// retired: the active window (Options.EventIdle, StoryIdle) keeps
	// the live ones far fewer, and a slot retires after maxGen (1,023)
	// releases, so that a stream of a million articles retires a few
	// hundred.
	slotBits = 22
	slotMask = 1<<slotBits - 1
	maxGen   = 1<<(32-slotBits) - 1
)

// slot returns the slot p names.
func (p posting) slot() uint32 { return uint32(p) & slotMask }

// slot is the index's state of one node, in 8 bytes: a lookup walks
// many postings, each reading its slot, and eight slots to a cache line
// miss it less often than the fewer of a larger one; what a lookup
// accumulates per node lives in its hits, a short array that stays in
// cache.
type slot struct {
	// tag is the posting that names the slot's node (the slot and its
	// generation), so that a posting is live when it equals it; a
	// retired slot's names another slot, which no posting of it equals.
	tag posting
	// hit is, during a lookup, the place of the node's entry in the
	// lookup's hits plus one; zero outside lookups and for the nodes
	// the lookup has not met.
	hit uint32
}

// hit is what a lookup accumulates for one node it met: the weight of
// the query terms the node shares (acc), the position in the query of
// the last one that counted (term), and the node's slot.
type hit struct {
	acc  float64
	term uint32
	slot uint32
}

// scriptOf is 0 for a node without members, else 2 when most of its
// members are in Cyrillic, 1 otherwise.
func scriptOf(n *node) uint8 {
	switch {
	case n.size == 0:
		return 0
	case n.scripts[1] > n.scripts[0]:
		return 2
	}
	return 1
}

// refresh records n's script by its slot, after members joined it.
func (x *index) refresh(n *node) {
	if n.slot > 0 {
		x.setScript(uint32(n.slot-1), scriptOf(n))
	}
}

// setScript records script as slot s's, keeping perScript current.
func (x *index) setScript(s uint32, script uint8) {
	x.perScript[x.scripts[s]]--
	x.scripts[s] = script
	x.perScript[script]++
}

// anyCross reports whether a node of the index may be in the other
// script than an article (crossScript): whether a lookup by name key
// can count anything.
func (x *index) anyCross(cyrillic bool) bool {
	if cyrillic {
		return x.perScript[1] > 0
	}
	return x.perScript[2] > 0
}

// crossScript is node.crossScript from a script (scriptOf).
func crossScript(script uint8, cyrillic bool) bool {
	return script != 0 && (script == 2) != cyrillic
}

func newIndex(keep int) *index { return &index{keep: keep} }

// grow makes the index cover n term ids.
func (x *index) grow(n int) {
	if n > len(x.post) {
		x.post = append(x.post, make([][]posting, n-len(x.post))...)
	}
}

// slotOf returns n's slot, taking one when n has none; false when the
// index has no slot left (see slotBits).
func (x *index) slotOf(n *node) (uint32, bool) {
	if n.slot > 0 {
		return uint32(n.slot - 1), true
	}
	var s uint32
	if k := len(x.free); k > 0 {
		s, x.free = x.free[k-1], x.free[:k-1]
	} else {
		if len(x.slots) > slotMask {
			return 0, false
		}
		s = uint32(len(x.slots))
		x.slots = append(x.slots, slot{tag: posting(s)})
		x.nodes = append(x.nodes, nil)
		x.scripts = append(x.scripts, 0)
		x.seqs = append(x.seqs, 0)
		x.perScript[0]++
	}
	x.nodes[s], x.seqs[s] = n, n.seq
	x.setScript(s, scriptOf(n))
	n.slot = int32(s + 1)
	return s, true
}

// release gives back n's slot, when it holds one: n was merged into
// another node or left the active window, and its postings are stale.
func (x *index) release(n *node) {
	if n.slot == 0 {
		return
	}
	s := uint32(n.slot - 1)
	n.slot = 0
	x.nodes[s], x.seqs[s] = nil, 0
	x.setScript(s, 0)
	if tag := x.slots[s].tag; uint32(tag)>>slotBits < maxGen {
		x.slots[s] = slot{tag: tag + 1<<slotBits}
		x.free = append(x.free, s)
		return
	}
	// every generation of the slot may be in a list still: a tag of
	// another slot matches none of them
	x.slots[s] = slot{tag: posting((s + 1) & slotMask)}
	x.retired++
}

// live reports whether a posting still names the node holding its slot.
func (x *index) live(p posting) bool { return x.slots[p.slot()].tag == p }

// add posts n under the given terms; callers pass only terms that n's
// centroid did not hold before, so a node is rarely posted twice under one
// term (candidates tolerate it). A node the index has no slot left for
// (see slotBits) is not posted: lookups do not find it.
func (x *index) add(n *node, ids []uint32) {
	if len(ids) == 0 || n.gone || n.dead() {
		// a lookup never yields a merged or evicted node: an evicted
		// story still named by a live event may take members
		return
	}
	s, ok := x.slotOf(n)
	if !ok {
		return
	}
	e := x.slots[s].tag
	// the lists' ends first, in a loop of their own, so that their loads
	// from memory overlap
	var touch uint32
	for _, id := range ids {
		if p := x.post[id]; len(p) > 0 {
			touch += uint32(p[len(p)-1])
		}
	}
	x.touched = touch
	for _, id := range ids {
		p := x.post[id]
		if p == nil {
			// most lists get a few postings: room for them at once
			p = make([]posting, 0, 4)
		}
		p = append(p, e)
		if len(p) >= 2*x.keep {
			p = x.compact(p, x.keep)
		}
		x.post[id] = p
	}
}

// compact drops stale postings and keeps the last keep live ones, in
// their order. It reads the list from its end and stops at the keep-th
// live posting: those before it would be dropped whether live or not
// (about half of a full list goes unread, in a generated stream of
// 10,000 articles).
func (x *index) compact(p []posting, keep int) []posting {
	// the kept postings gather at the end, p[w:], then move to the front
	w := len(p)
	for i := len(p) - 1; i >= 0 && len(p)-w < keep; i-- {
		if e := p[i]; x.live(e) {
			w--
			p[w] = e
		}
	}
	return p[:copy(p, p[w:])]
}

// dropStale compacts the list of term id when it is short (see sweep):
// long lists are compacted as they grow (add), while the short lists of
// rare terms, which may not grow again, would otherwise keep stale
// postings.
func (x *index) dropStale(id uint32) {
	if int(id) >= len(x.post) || len(x.post[id]) == 0 || len(x.post[id]) > x.keep {
		return
	}
	p := x.compact(x.post[id], len(x.post[id]))
	if len(p) == 0 {
		p = nil
	}
	x.post[id] = p
}

// candidates looks up the clusters sharing the heaviest terms of v,
// ranks them by the weight of the query terms they share, and scores the
// first MaxCandidates exactly. f is the article looking up events (nil
// for stories and relinks): see score.
func (c *Clusterer) candidates(x *index, v vector, cyrillic bool, at time.Time, tau time.Duration, f *Features) []candidate {
	kv := c.kvec
	q := append(c.query[:0], v[:min(len(v), c.opts.QueryTerms)]...)
	// the heaviest name keys other articles have too find the reports
	// in other scripts
	keys := 0
	for i := 0; i < len(kv) && keys < queryKeys; i++ {
		if c.stat[kv[i].id].df > 1 {
			q = append(q, kv[i])
			keys++
		}
	}
	c.query = q
	x.grow(c.lex.size())
	words := len(q) - keys
	if !x.anyCross(cyrillic) {
		// the name keys count only for nodes in the other script
		q = q[:words]
	}
	// the lists first, in a loop of their own, so that their loads from
	// memory overlap: their headers, and the first, middle and last
	// postings of each, whose loads do not wait on one another as the
	// walk's do (a posting's slot, then its hit)
	lists := c.lists[:0]
	var touch uint32
	for _, t := range q {
		p := x.post[t.id]
		if len(p) > c.opts.MaxPostings {
			p = p[len(p)-c.opts.MaxPostings:]
		}
		lists = append(lists, p)
		if len(p) > 0 {
			touch += uint32(p[0] + p[len(p)/2] + p[len(p)-1])
		}
	}
	hits := x.walk(c.hits[:0], q, words, lists, cyrillic)
	clear(lists)
	c.lists = lists[:0]
	c.hits = hits[:0]
	// keep the MaxCandidates best by shared query weight (ties: older)
	k := c.opts.MaxCandidates
	top := c.top[:0]
	for n := range hits {
		h := &hits[n]
		if len(top) == k && !x.better(h, &hits[top[k-1]]) {
			continue
		}
		i := len(top)
		if i < k {
			top = append(top, uint32(n))
		} else {
			i = k - 1
		}
		for ; i > 0 && x.better(h, &hits[top[i-1]]); i-- {
			top[i] = top[i-1]
		}
		top[i] = uint32(n)
	}
	for i, n := range top {
		top[i] = hits[n].slot
	}
	c.top = top
	// the candidates' centroids, scattered in memory, are loaded
	// together before they are scored one by one
	for _, sl := range top {
		n := x.nodes[sl]
		touch += uint32(len(n.days))
		if ct := &n.cent; len(ct.ids) > 0 {
			touch += ct.ids[0] + ct.ids[len(ct.ids)-1] + uint32(ct.ws[0]) + uint32(ct.ws[len(ct.ws)-1])
		}
	}
	c.touched = touch
	out := c.cands[:0]
	docNames := c.docNames(v)
	c.scatter(v)
	c.scatter(kv)
	for _, sl := range top {
		out = append(out, c.score(x.nodes[sl], docNames, cyrillic, at, tau, f))
	}
	c.unscatter(kv)
	c.unscatter(v)
	c.cands = out[:0]
	return out
}

// better reports whether hit a ranks before hit b among a lookup's
// candidates: it shares more query weight, or as much and its node is
// older.
func (x *index) better(a, b *hit) bool {
	if a.acc != b.acc {
		return a.acc > b.acc
	}
	return x.seqs[a.slot] < x.seqs[b.slot]
}

// walk appends to hits an entry for each node that the postings lists
// (of the query terms q, the first words of them words, the rest name
// keys) name and that is live, with the weight of the terms it shares,
// and returns it. The terms of a query are distinct (its words and its
// name keys, written apart), so that a node posted twice under a term
// (the position of the term in its hit tells) counts it once. The slots
// of the nodes met are left as they were.
func (x *index) walk(hits []hit, q []tw, words int, lists [][]posting, cyrillic bool) []hit {
	slots := x.slots
	for i, t := range q[:words] {
		w := float64(t.w)
		for _, e := range lists[i] {
			s := &slots[e.slot()]
			if s.tag != e {
				continue
			}
			if s.hit == 0 {
				hits = append(hits, hit{acc: w, term: uint32(i), slot: e.slot()})
				s.hit = uint32(len(hits))
				continue
			}
			if h := &hits[s.hit-1]; h.term != uint32(i) {
				h.term = uint32(i)
				h.acc += w
			}
		}
	}
	// the name keys count only for nodes in the other script: the
	// script, one byte a slot, is read before the slot
	scripts := x.scripts
	for i := words; i < len(q); i++ {
		w := float64(q[i].w)
		for _, e := range lists[i] {
			if !crossScript(scripts[e.slot()], cyrillic) {
				continue
			}
			s := &slots[e.slot()]
			if s.tag != e {
				continue
			}
			if s.hit == 0 {
				hits = append(hits, hit{acc: w, term: uint32(i), slot: e.slot()})
				s.hit = uint32(len(hits))
				continue
			}
			if h := &hits[s.hit-1]; h.term != uint32(i) {
				h.term = uint32(i)
				h.acc += w
			}
		}
	}
	for _, h := range hits {
		slots[h.slot].hit = 0
	}
	return hits
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
// are scattered (c.qw), whose name terms weigh docNames (squared). For
// an article looking up events (f), the similarity is decayed by the
// days of the happenings when both know theirs (they tell better than
// publication), else by time and then by the weekdays (dayFactor,
// decay, weekdayAgreement); for other lookups (f nil), by time.
func (c *Clusterer) score(n *node, docNames float64, cyrillic bool, at time.Time, tau time.Duration, f *Features) candidate {
	dot, dotN, centN := dotNames(n.cent.ids, n.cent.ws, c.qw, c.names)
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
	switch {
	case f != nil && f.HasDay && len(n.days) > 0:
		cd.sim = cd.cos * c.dayFactor(f, n)
	case f != nil:
		cd.sim = cd.cos * c.decay(n, at, tau) * c.weekdayAgreement(f, n)
	default:
		cd.sim = cd.cos * c.decay(n, at, tau)
	}
	return cd
}

// dotNames returns the dot product of the centroid (ids, ws) with the
// vector scattered in qw, the same over the name terms (names, by term
// id: 1 for a name, else 0), and the centroid's squared norm over its
// name terms. A function of its own, so that its loop keeps everything
// in registers (not inlined, where it spilled its counter).
//
//go:noinline
func dotNames(ids []uint32, ws, qw []float32, names []uint8) (dot, dotN, centN float64) {
	// names as long as qw (growScratch grows them together), so that a
	// term's check against qw's length covers both
	ws, names = ws[:len(ids)], names[:len(qw)]
	for i, id := range ids {
		w := float64(ws[i])
		// without a branch, which the processor would mispredict: q is
		// 0 for a term not in the article (c.qw is zero but for the
		// scattered terms), nw is w for a name term, else 0, and a
		// product with either adds +0, which leaves a sum (of weights,
		// never negative) as it is; nw*q and nw*w are name*(q*w) and
		// name*(w*w) exactly, name being 0 or 1
		q := float64(qw[id])
		nw := float64(names[id]) * w
		dot += q * w
		dotN += nw * q
		centN += nw * w
	}
	return dot, dotN, centN
}

// queryKeys is how many of an article's name keys look up candidates.
const queryKeys = 4

// crossScript reports whether most of n's members are in the other
// script than an article (Cyrillic or not).
func (n *node) crossScript(cyrillic bool) bool {
	cyr := n.scripts[1] > n.scripts[0]
	return n.size > 0 && cyr != cyrillic
}
