package copies

import (
	mathbits "math/bits"
	"slices"
	"unsafe"

	"github.com/storyline-news/storyline"
)

// span is a shared passage as token ranges [a0, a1) and [b0, b1).
type span struct {
	a0, a1, b0, b1 int
	matched        int // tokens matched exactly inside the span
}

// Alignment tuning. A seed is a run of seedWords equal words; runs on the
// same track separated by at most maxGap unmatched words on each side are
// joined, which tolerates a changed, added or dropped word.
const (
	seedWords   = 3
	maxGap      = 2
	maxSeedPos  = 8 // positions remembered per seed in the first text
	minMatchPct = 80
)

// word is the type of a word hash a text is aligned by: the 32 bits an
// entry keeps, or the 16 bits the passage index keeps.
type word interface{ ~uint16 | ~uint32 }

// align finds the maximal shared spans of two word sequences (word
// hashes) that hold at least minWords words on both sides. It runs in
// time linear in len(a)+len(b): one pass to index a's seeds, one greedy
// pass over b that extends each seed as far as it goes and then jumps
// past it.
func align[T word](a, b []T, minWords int) []span {
	var al aligner
	return alignWith(&al, a, b, minWords)
}

// aligner holds the scratch memory of align, reused across calls. The
// spans it returns stay valid until its next call.
type aligner struct {
	// seed table: open addressing over keys, pos holds a position + 1 in
	// a (0 for an empty slot) of the key's first occurrence
	keys    []uint64
	pos     []int32
	nextPos []int32
	runs    []span
	out     []span
	// filter has a bit set for the seeds of a (at filterBit), so that a
	// seed of b that a lacks, most of them in texts that share little, is
	// passed over without probing the table
	filter     []uint64
	filterBits uint
	// built is the sequence the seed table was built for: an arrival is
	// the first text of many alignments in a row. Holding it keeps it
	// from being freed and its address reused; nb is its length and wb
	// the size of its words.
	built  unsafe.Pointer
	nb, wb int
	// scratch of aligning with the seed table of the second text: how
	// many positions of each seed were taken, and the pairs of
	// positions of equal seeds
	seen        []uint8
	pairs       []pair
	first, last []int32
	has         []uint64
	// pieces holds what splitQuotes cut a span into, for its caller
	pieces []span
	// passages holds the passages compareWith cuts from the spans
	passages []storyline.Passage
}

// index builds the seed table of a: the first and further positions of
// each seed.
func index[T word](al *aligner, a []T) {
	size := 64
	for size < 2*len(a) {
		size *= 2
	}
	if cap(al.keys) < size {
		al.keys, al.pos = make([]uint64, size), make([]int32, size)
	}
	al.keys, al.pos = al.keys[:size], al.pos[:size]
	clear(al.pos)
	if cap(al.nextPos) < len(a) {
		al.nextPos = make([]int32, len(a))
	}
	nextPos := al.nextPos[:len(a)]
	// 16 bits a seed: one in 16 absent seeds gets past the filter
	bits := uint(6)
	for 1<<bits < 16*len(a) {
		bits++
	}
	if words := 1 << (bits - 6); cap(al.filter) < words {
		al.filter = make([]uint64, words)
	} else {
		al.filter = al.filter[:words]
		clear(al.filter)
	}
	al.filterBits = bits
	for i := len(a) - seedWords; i >= 0; i-- {
		k := seedKey(a[i : i+seedWords])
		f := filterBit(k, bits)
		al.filter[f>>6] |= 1 << (f & 63)
		s := al.slot(k)
		if p := al.pos[s]; p != 0 {
			nextPos[i] = p - 1
		} else {
			nextPos[i] = -1
			al.keys[s] = k
		}
		al.pos[s] = int32(i) + 1
	}
	al.built, al.nb, al.wb = unsafe.Pointer(&a[0]), len(a), int(unsafe.Sizeof(a[0]))
}

// slot returns the slot of key k in the seed table.
func (al *aligner) slot(k uint64) int {
	mask := len(al.keys) - 1
	i := int(k>>32^k) & mask
	for al.pos[i] != 0 && al.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// alignWith is align with the scratch memory of al. When al holds the
// seed table of b and not of a (see prime), it aligns without building
// one for a, with the same result.
func alignWith[T word](al *aligner, a, b []T, minWords int) []span {
	if len(a) < seedWords || len(b) < seedWords {
		return nil
	}
	if !holds(al, a) && holds(al, b) {
		al.runs = runsFromB(al, a, b, al.runs[:0])
	} else {
		prime(al, a)
		al.runs = runsFromA(al, a, b, al.runs[:0])
	}
	return al.join(minWords)
}

// prime builds the seed table of a unless al holds it: a text aligned
// with many others, first or second, is indexed once.
func prime[T word](al *aligner, a []T) {
	if len(a) >= seedWords && !holds(al, a) {
		index(al, a)
	}
}

// holds reports whether al's seed table is that of a.
func holds[T word](al *aligner, a []T) bool {
	return len(a) > 0 && al.built == unsafe.Pointer(&a[0]) && al.nb == len(a) && al.wb == int(unsafe.Sizeof(a[0]))
}

// runsFromA appends to runs the greedy runs of equal words of b against
// a, whose seed table al holds: a pass over b that extends each seed as
// far as it goes, from the best of its first maxSeedPos positions in a,
// and jumps past it.
func runsFromA[T word](al *aligner, a, b []T, runs []span) []span {
	nextPos := al.nextPos[:len(a)]
	filter, bits := al.filter, al.filterBits
	for j := 0; j+seedWords <= len(b); {
		k := seedKey(b[j : j+seedWords])
		if f := filterBit(k, bits); filter[f>>6]&(1<<(f&63)) == 0 {
			j++
			continue
		}
		p := al.pos[al.slot(k)] - 1
		if p < 0 {
			j++
			continue
		}
		best, bestLen := -1, 0
		for n := 0; p >= 0 && n < maxSeedPos; n++ {
			l := extend(a, b, int(p), j)
			if l > bestLen || (l == bestLen && continues(runs, int(p))) {
				best, bestLen = int(p), l
			}
			p = nextPos[p]
		}
		runs, j = take(runs, best, bestLen, j)
	}
	return runs
}

// runsFromB is runsFromA with the seed table of b instead of a's. A pass
// over a collects the pairs of positions (i in a, j in b) of equal seeds,
// keeping for each seed its first maxSeedPos positions in a, as a's
// table would, in a list for each j in the order of i; the pass over b
// then weighs, at each position, the same positions in a in the same
// order. It visits only the positions of b that have pairs, found from a
// bit for each: a text aligned with many others shares seeds with each
// at a few of its positions.
func runsFromB[T word](al *aligner, a, b []T, runs []span) []span {
	if cap(al.seen) < len(al.keys) {
		al.seen = make([]uint8, len(al.keys))
	}
	seen := al.seen[:len(al.keys)]
	clear(seen)
	if cap(al.first) < len(b) {
		al.first, al.last = make([]int32, len(b)), make([]int32, len(b))
	}
	// has marks the positions j of b that have pairs; first[j] is the
	// index of the first pair of such a position, last[j] of its last
	nw := (len(b) + 63) / 64
	if cap(al.has) < nw {
		al.has = make([]uint64, nw)
	}
	has := al.has[:nw]
	clear(has)
	first, last := al.first[:len(b)], al.last[:len(b)]
	nextPos := al.nextPos[:len(b)]
	filter, bits := al.filter, al.filterBits
	pairs := al.pairs[:0]
	for i := 0; i+seedWords <= len(a); i++ {
		k := seedKey(a[i : i+seedWords])
		if f := filterBit(k, bits); filter[f>>6]&(1<<(f&63)) == 0 {
			continue
		}
		s := al.slot(k)
		if al.pos[s] == 0 || seen[s] == maxSeedPos {
			continue
		}
		seen[s]++
		for j := al.pos[s] - 1; j >= 0; j = nextPos[j] {
			n := int32(len(pairs))
			pairs = append(pairs, pair{i: int32(i), next: -1})
			if w, bit := j>>6, uint64(1)<<(j&63); has[w]&bit == 0 {
				has[w] |= bit
				first[j] = n
			} else {
				pairs[last[j]].next = n
			}
			last[j] = n
		}
	}
	al.pairs = pairs
	// the positions with pairs in order, from where the pass goes on:
	// past the last run taken, or the next word
	j := 0
	for w, set := range has {
		for ; set != 0; set &= set - 1 {
			p := w<<6 | mathbits.TrailingZeros64(set)
			if p < j {
				continue
			}
			best, bestLen := -1, 0
			for m := first[p]; m >= 0; m = pairs[m].next {
				i := int(pairs[m].i)
				l := extend(a, b, i, p)
				if l > bestLen || (l == bestLen && continues(runs, i)) {
					best, bestLen = i, l
				}
			}
			runs, j = take(runs, best, bestLen, p)
		}
	}
	return runs
}

// take records the run of n equal words at best in a and j in b when it
// is long enough to count, and returns where the pass over b goes on:
// past the run, or at the next word.
func take(runs []span, best, n, j int) ([]span, int) {
	if n < seedWords {
		return runs, j + 1
	}
	return append(runs, span{a0: best, a1: best + n, b0: j, b1: j + n, matched: n}), j + n
}

// pair is a position in the first text whose seed is at a position of
// the second, and the next such pair of that position, -1 for none.
type pair struct{ i, next int32 }

// extend returns how many words are equal from p in a and j in b.
func extend[T word](a, b []T, p, j int) int {
	l := 0
	for p+l < len(a) && j+l < len(b) && a[p+l] == b[j+l] {
		l++
	}
	return l
}

// continues reports whether a run from position p of a would continue
// the last of runs across a gap of at most maxGap words: the position
// preferred among equally long ones.
func continues(runs []span, p int) bool {
	if len(runs) == 0 {
		return false
	}
	g := p - runs[len(runs)-1].a1
	return g >= 0 && g <= maxGap
}

// join joins al.runs on one track across small edits and keeps the
// spans of at least minWords words, mostly matched.
func (al *aligner) join(minWords int) []span {
	out := al.out[:0]
	for _, r := range al.runs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			ga, gb := r.a0-last.a1, r.b0-last.b1
			if ga >= 0 && gb >= 0 && ga <= maxGap && gb <= maxGap {
				last.a1, last.b1 = r.a1, r.b1
				last.matched += r.matched
				continue
			}
		}
		out = append(out, r)
	}
	out = slices.DeleteFunc(out, func(s span) bool {
		n := min(s.a1-s.a0, s.b1-s.b0)
		return n < minWords || 100*s.matched < minMatchPct*max(s.a1-s.a0, s.b1-s.b0)
	})
	al.out = out
	if len(out) == 0 {
		return nil
	}
	return out
}

// filterBit is the bit of seed key k in a filter of 1<<bits bits.
func filterBit(k uint64, bits uint) uint64 { return k * 0xD6E8FEB86659FD93 >> (64 - bits) }

// seedKey is the key of a seed, its seedWords words. Three 16-bit words
// fit in one 64-bit value, which an odd multiplier mixes without
// collisions; 32-bit words take two independent products. Either is one
// step of latency where chaining a product per word took three.
func seedKey[T word](t []T) uint64 {
	_ = t[seedWords-1]
	if unsafe.Sizeof(t[0]) == 2 {
		return (uint64(t[0])<<32 | uint64(t[1])<<16 | uint64(t[2])) * 0x9E3779B97F4A7C15
	}
	return (uint64(t[0])<<32|uint64(t[1]))*0x9E3779B97F4A7C15 ^ uint64(t[2])*0xC2B2AE3D27D4EB4F
}
