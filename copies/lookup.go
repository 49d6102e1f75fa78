package copies

import (
	"slices"

	"github.com/zeebo/xxh3"
)

// candidate is an indexed document that may share text with an arrival.
type candidate struct {
	doc    uint32
	near   bool  // found by an LSH band
	bands  uint8 // how many LSH bands found it
	root   bool  // the root of a strong candidate (see addRoots)
	shared int32 // fingerprints shared
	last   int32 // its latest hit in lookupScratch.hits, -1 for none
}

// strongBands is how many LSH bands must find a candidate for it to be
// compared beyond MaxCandidates, up to MaxNear: a pair of Jaccard
// similarity 0.85 meets in four of the thirteen bands 99 times in 100,
// unrelated news almost never.
const strongBands = 4

// hit is one fingerprint a candidate shares with the arrival: its index in
// the arrival's fingerprints, and the candidate's hit before it.
type hit struct{ fp, prev int32 }

// maxShared is how many shared fingerprints a target carries to mayAlign;
// a candidate that shares more is aligned whole.
const maxShared = 64

// lookupScratch is the memory of one lookup, reused under the Finder's
// lock: the candidates, a hash table from document to candidate, and the
// hits of every candidate, chained.
type lookupScratch struct {
	cands []candidate
	// slots hold gen<<32 | candidate index+1 by document, open
	// addressing; a slot of another generation is empty, so the table is
	// never cleared. They are the first of room: each lookup starts with
	// minSlots of them, doubled as the candidates need, so that the
	// table of an ordinary arrival stays small enough to stay in cache
	// after one with thousands of candidates.
	slots []uint64
	room  []uint64
	gen   uint32
	hits  []hit
	docs  []uint32
	// offs holds the blocks of each fingerprint of the arrival, in the
	// current generation and the one before
	offs []uint32
	// touched keeps the sum of the slots read ahead, so that the reads
	// are not optimized away
	touched uint64
	heads   []fpHead
	keys    []uint64
	// the documents resolve chooses and their ids
	chosen []uint32
	ids    [][]byte
	// idSlots is a set of the hashes of the ids resolve chose, open
	// addressing, a slot of another generation empty
	idSlots [128]uint64
	idGen   uint32
	// words is the arrival's length in words, most the bounds of its
	// share test (see shareTest)
	words int
	most  []uint32
	// unwalked are the arrival's fingerprints (indexes in its sketch)
	// whose postings were not walked: too common, or past the budget
	unwalked []int32
}

// seenID reports whether id is among chosen, the ids resolve chose so
// far; when it is not, it files it as chosen next. At most len(idSlots)/2
// ids are filed: past that, chosen is searched.
func (l *lookupScratch) seenID(id []byte, chosen [][]byte) bool {
	if len(chosen) == 0 {
		if l.idGen++; l.idGen == 0 {
			clear(l.idSlots[:])
			l.idGen = 1
		}
	}
	if len(chosen) >= len(l.idSlots)/2 {
		return slices.ContainsFunc(chosen, func(c []byte) bool { return string(c) == string(id) })
	}
	h := uint32(xxh3.Hash(id))
	mask := len(l.idSlots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := l.idSlots[i]
		if uint32(s>>32) != l.idGen {
			l.idSlots[i] = uint64(l.idGen)<<32 | uint64(h)
			return false
		}
		if uint32(s) == h && slices.ContainsFunc(chosen, func(c []byte) bool { return string(c) == string(id) }) {
			return true
		}
	}
}

// reset empties the scratch for a new lookup.
func (l *lookupScratch) reset() {
	l.cands, l.hits = l.cands[:0], l.hits[:0]
	if l.gen++; l.gen == 0 {
		clear(l.room)
		l.gen = 1
	}
	if len(l.room) == 0 {
		l.room = make([]uint64, minSlots)
	}
	l.slots = l.room[:minSlots]
}

// minSlots is the size a lookup's table of candidates starts at, 8 KiB:
// room for 512 candidates, where an ordinary arrival has about 190 (at
// 100,000 articles).
const minSlots = 1024

func (l *lookupScratch) home(d uint32) int {
	return int(uint64(d*0x9E3779B1) * uint64(len(l.slots)) >> 32)
}

// get returns the candidate of document d, added when new.
func (l *lookupScratch) get(d uint32) *candidate {
	mask := len(l.slots) - 1
	i := l.home(d)
	for {
		s := l.slots[i]
		if uint32(s>>32) != l.gen {
			break
		}
		if c := &l.cands[uint32(s)-1]; c.doc == d {
			return c
		}
		i = (i + 1) & mask
	}
	l.cands = append(l.cands, candidate{doc: d, last: -1})
	l.slots[i] = uint64(l.gen)<<32 | uint64(len(l.cands))
	if 2*len(l.cands) > len(l.slots) {
		l.grow()
	}
	return &l.cands[len(l.cands)-1]
}

// grow doubles the table and files the candidates again.
func (l *lookupScratch) grow() {
	n := 2 * len(l.slots)
	if len(l.room) < n {
		l.room = make([]uint64, n)
	}
	l.slots = l.room[:n]
	clear(l.slots)
	mask := len(l.slots) - 1
	for k, c := range l.cands {
		i := l.home(c.doc)
		for l.slots[i] != 0 {
			i = (i + 1) & mask
		}
		l.slots[i] = uint64(l.gen)<<32 | uint64(k+1)
	}
}

// lookup collects the candidates of s in f.look from the LSH bands and
// the passage index. f.mu is held.
func (f *Finder) lookup(s sketch) {
	l := &f.look
	l.reset()
	mark := func(d uint32) {
		c := l.get(d)
		c.near = true
		c.bands++
	}
	if s.hasSh {
		// the band tables' home slots first, read side by side (see
		// the fingerprints' below)
		var touched uint64
		for b, k := range s.keys {
			touched += f.near.tables[b].touch(k)
			if f.nearPrev != nil {
				touched += f.nearPrev.tables[b].touch(k)
			}
		}
		l.touched += touched
		for b, k := range s.keys {
			f.near.walk(b, k, mark)
			f.nearPrev.walk(b, k, mark)
		}
		f.addRoots()
	}
	// the counts tell a stock phrase without walking its postings
	limit := f.opts.MaxPosting
	// touch the home slot of every fingerprint first: the reads do not
	// depend on each other, so they overlap, and the probes below find
	// the slots in cache; so with the blocks they lead to
	var touched uint64
	for _, h := range s.fps {
		touched += f.cur.table.touch(h)
		if f.prev != nil {
			touched += f.prev.table.touch(h)
		}
	}
	offs := slices.Grow(l.offs[:0], 2*len(s.fps))[:2*len(s.fps)]
	for i, h := range s.fps {
		ec, ep := f.cur.block(h), f.prev.block(h)
		offs[2*i], offs[2*i+1] = ec, ep
		if ec&inline == 0 { // neither noEntry nor a document held inline
			touched += uint64(f.cur.blocks[ec])
		}
		if ep&inline == 0 {
			touched += uint64(f.prev.blocks[ep])
		}
	}
	l.offs = offs
	l.touched += touched
	heads, total := l.heads[:0], 0
	l.unwalked = l.unwalked[:0]
	strongOnly := f.strongOnly()
	for i := range s.fps {
		ec, ep := offs[2*i], offs[2*i+1]
		n, np := f.cur.count(ec), 0
		if ep != noEntry {
			np = f.prev.count(ep)
		}
		if n+np == 0 {
			continue
		}
		if n+np > limit {
			if strongOnly {
				l.unwalked = append(l.unwalked, int32(i))
			}
			continue
		}
		heads = append(heads, fpHead{cur: ec, prev: ep, n: int32(n), np: int32(np), fp: int32(i)})
		total += n + np
	}
	l.heads = heads
	// Past the budget, the rarest fingerprints are walked first: they
	// are the most telling, and a text made of phrases that many
	// articles share cannot make the lookup walk all their postings.
	budget := postingBudget * f.opts.MaxCandidates
	if total > budget {
		slices.SortStableFunc(heads, func(a, b fpHead) int { return int(a.n+a.np) - int(b.n+b.np) })
	}
	// the heads walked: while fewer postings than the budget were
	// walked before them (each yields as many as it counts)
	walk, walked := 0, 0
	for _, hd := range heads {
		if walked >= budget {
			break
		}
		walk++
		walked += int(hd.n + hd.np)
	}
	for _, hd := range heads[walk:] {
		if strongOnly {
			l.unwalked = append(l.unwalked, hd.fp)
		}
	}
	docs := f.readPostings(heads[:walk])
	// every posting walked is a hit, the n-th filed at hits[n]
	hits := slices.Grow(l.hits[:0], len(docs))[:len(docs)]
	n := 0
	for _, hd := range heads[:walk] {
		for _, d := range docs[hd.at : hd.at+hd.got] {
			c := l.get(d)
			c.shared++
			hits[n] = hit{fp: hd.fp, prev: c.last}
			c.last = int32(n)
			n++
		}
	}
	l.hits = hits
}

// maxRoots caps the roots an arrival adds to its candidates.
const maxRoots = 4

// addRoots adds to the candidates in f.look the roots (see rootOf) of
// those many LSH bands found (strongBands), marked to be compared first,
// when there are many of them:
// a story syndicated to hundreds of outlets fills the LSH chains and the
// MaxNear comparisons with its newest copies, and a new copy is still
// paired with the article they all copy. f.mu is held.
func (f *Finder) addRoots() {
	l := &f.look
	// Below half of MaxNear strong candidates, every one is compared and
	// a group of copies that large is rare: the roots, read from all
	// over the index, are looked up only when the group may outgrow the
	// comparisons.
	strong := 0
	for i := range l.cands {
		if l.cands[i].bands >= strongBands {
			strong++
		}
	}
	if 2*strong < f.opts.MaxNear {
		return
	}
	var roots [maxRoots]uint32
	nr := 0
	for i, n := 0, len(l.cands); i < n && nr < maxRoots; i++ {
		c := &l.cands[i]
		if c.bands < strongBands {
			continue
		}
		r := f.rootOf(c.doc)
		if r == c.doc || slices.Contains(roots[:nr], r) {
			continue
		}
		roots[nr] = r
		nr++
	}
	for _, r := range roots[:nr] {
		c := l.get(r)
		c.near, c.root = true, true
		c.bands = max(c.bands, strongBands)
	}
}

// readPostings reads the documents filed under each of heads, in both
// generations, newest first, into l.docs: those of heads[h] are
// docs[heads[h].at:][:heads[h].got]. f.mu is held.
func (f *Finder) readPostings(heads []fpHead) []uint32 {
	l := &f.look
	total := 0
	for h := range heads {
		total += int(heads[h].n + heads[h].np)
	}
	docs := slices.Grow(l.docs[:0], total)[:total]
	at := 0
	for h := range heads {
		hd := &heads[h]
		hd.at = int32(at)
		if hd.n > 0 {
			if d, ok := only(hd.cur); ok {
				docs[at] = d
				at++
			} else {
				for _, d := range slices.Backward(f.cur.newest(hd.cur, int(hd.n))) {
					docs[at] = d
					at++
				}
			}
		}
		if hd.np > 0 {
			if d, ok := only(hd.prev); ok {
				docs[at] = d
				at++
			} else {
				for _, d := range slices.Backward(f.prev.newest(hd.prev, int(hd.np))) {
					docs[at] = d
					at++
				}
			}
		}
		hd.got = int32(at) - hd.at
	}
	l.docs = docs
	return docs
}

// fpHead is an arrival's fingerprint found in the passage index: its
// blocks in each generation and how many postings each holds.
type fpHead struct {
	cur, prev uint32
	n, np     int32
	fp        int32 // index in the arrival's fingerprints
	// at and got place its documents in the walked ones (see readPostings)
	at, got int32
}

// postingBudget is how many postings a lookup walks per candidate it may
// align (Options.MaxCandidates), 2,048 by default: far more than an
// ordinary article needs.
const postingBudget = 64

// target is a candidate to align: its id and, when the recent articles
// hold it, its entry, else its short words when the passage index has them.
type target struct {
	id    string
	e     *entry
	words []uint16
	// quoted marks the words that start inside quotation marks, when
	// the passage index has them
	quoted []uint64
	c      candidate
	// fps are the fingerprints it shares with the arrival, as indexes in
	// the arrival's, in its order; nil when it shares more than maxShared
	fps []int32
	// filter and nset are its shingle filter and the size of its
	// shingle set, when it is not in memory and the index has them
	filter []uint64
	nset   int
}

// resolve orders the candidates in f.look (near ones first, the roots
// addRoots added first among them, then by shared fingerprints, newest
// first) and returns distinct ones, without self: the first
// MaxCandidates, and beyond them up to MaxNear that many LSH bands found
// (strongBands), the copies of a story syndicated to dozens of outlets.
// f.mu is held.
func (f *Finder) resolve(self string, buf *targetBuf) []target {
	l := &f.look
	// one sort key per candidate: near, root, shared, document, all
	// descending
	keys := l.keys[:0]
	strongOnly := f.strongOnly()
	var shares shareTest
	if strongOnly {
		shares = f.shareTest(l.most)
		l.most = shares.most
	}
	for i := range l.cands {
		c := &l.cands[i]
		if strongOnly && !c.near && !shares.enough(c) {
			continue
		}
		k := uint64(c.doc) | uint64(c.shared&(1<<30-1))<<32
		if c.near {
			k |= 1 << 63
		}
		if c.root {
			k |= 1 << 62
		}
		keys = append(keys, k)
	}
	l.keys = keys
	// choose first, then allocate exactly what the chosen need; the
	// walk stops long before the end of a long list, which is sorted only
	// as far as it goes
	chosen, ids := l.chosen[:0], l.ids[:0]
	strong, other, hits := 0, 0, 0
	desc := descending{keys: keys}
	for k := range keys {
		c := l.get(uint32(desc.at(k)))
		inPool := other < f.opts.MaxCandidates
		if !inPool && (c.bands < strongBands || strong >= f.opts.MaxNear) {
			if !c.near {
				break // the rest are not near: none is strong
			}
			continue
		}
		id := f.idOf(c.doc)
		if len(id) == 0 || string(id) == self || l.seenID(id, ids) {
			continue
		}
		if inPool {
			other++
		} else {
			strong++
		}
		if c.shared <= maxShared {
			hits += int(c.shared)
		}
		chosen, ids = append(chosen, c.doc), append(ids, id)
	}
	out := slices.Grow(buf.targets[:0], len(chosen))[:len(chosen)]
	arena := slices.Grow(buf.fps[:0], hits)
	for i, d := range chosen {
		c := *l.get(d)
		t := target{c: c}
		// the entry's id is the string wanted: made only when it is not
		// in memory. The entry filed as document d is the one indexed
		// as d, under the same id (a newer version of the article
		// takes its place as another document), so the ids' bytes,
		// elsewhere in memory, are not compared. A candidate no longer
		// in memory has its id made only when it may be read back.
		switch t.e = f.win.at(d); {
		case t.e != nil && len(t.e.id) == len(ids[i]):
			t.id = t.e.id
		case t.e != nil:
			t.id = string(ids[i])
		default:
			if t.e = f.win.newest(ids[i]); t.e != nil {
				t.id = t.e.id
			} else if f.src != nil {
				t.id = string(ids[i])
			}
		}
		if t.e == nil && f.src != nil {
			t.filter, t.nset = f.filter(d)
			if t.words = f.cur.wordsOf(d); t.words == nil {
				t.words, t.quoted = f.prev.wordsOf(d), f.prev.quotedOf(d)
			} else {
				t.quoted = f.cur.quotedOf(d)
			}
		}
		if c.shared <= maxShared {
			start := len(arena)
			for h := c.last; h >= 0; h = l.hits[h].prev {
				arena = append(arena, l.hits[h].fp)
			}
			t.fps = arena[start:len(arena):len(arena)]
			slices.Reverse(t.fps)
		}
		out[i] = t
	}
	clear(ids) // keep no ids alive
	l.chosen, l.ids = chosen, ids
	buf.targets, buf.fps = out, arena
	return out
}

// targetBuf is the memory of the targets of one arrival, reused by the
// next once they are compared.
type targetBuf struct {
	targets []target
	fps     []int32
	// whole are the documents found to be whole copies of the arrival
	whole []uint32
	// unwalked are the arrival's fingerprints the lookup did not walk
	// (see lookupScratch), for Options.MinShare
	unwalked []int32
	// res holds what comparing the arrival with each target found
	res []compared
}

// release drops what the targets and results point to, so that the
// buffer, waiting for its next use, keeps no entry or copy alive.
func (b *targetBuf) release() {
	clear(b.targets)
	clear(b.res)
}

// descending walks keys from the largest, sorting them a block at a time
// as the walk reaches it: a block of the largest keys left is selected,
// then sorted.
type descending struct {
	keys   []uint64
	sorted int // keys[:sorted] are the largest, in descending order
}

// descBlock is the fewest keys descending sorts at a time.
const descBlock = 64

// at returns the k-th largest key; k is at most one past the last asked.
func (d *descending) at(k int) uint64 {
	if k >= d.sorted {
		rest := d.keys[d.sorted:]
		// a list of at most a block is sorted whole; a longer one (from
		// about 100 keys, BenchmarkDescending) has its largest block
		// selected first
		n := len(rest)
		if n > descBlock {
			if n = min(max(descBlock, d.sorted), n); n < len(rest) {
				selectLargest(rest, n)
			}
		}
		slices.Sort(rest[:n])
		slices.Reverse(rest[:n])
		d.sorted += n
	}
	return d.keys[k]
}

// selectLargest reorders a so that a[:n] holds its n largest values, in
// no order (quickselect, the pivot the median of three).
func selectLargest(a []uint64, n int) {
	lo, hi := 0, len(a) // a[lo:hi] holds the boundary at n
	for hi-lo > 16 {
		mid := lo + (hi-lo)/2
		x, y, z := a[lo], a[mid], a[hi-1]
		pivot := max(min(x, y), min(max(x, y), z))
		// largest first: [lo, i) > pivot, [i, j) == pivot, [k, hi) < pivot
		i, j, k := lo, lo, hi
		for j < k {
			switch v := a[j]; {
			case v > pivot:
				a[i], a[j] = a[j], a[i]
				i++
				j++
			case v < pivot:
				k--
				a[j], a[k] = a[k], a[j]
			default:
				j++
			}
		}
		switch {
		case n < i:
			hi = i
		case n > j:
			lo = j
		default:
			return
		}
	}
	s := a[lo:hi]
	slices.Sort(s)
	slices.Reverse(s)
}
