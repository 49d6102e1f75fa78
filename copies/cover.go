package copies

import (
	"iter"
	"slices"
)

// The runs of equal words through the n-grams an arrival shares with a
// candidate, which tell with MinShare whether the pair is worth
// aligning (see mayCopyStrong and screenStrong).

// fps returns the fingerprints (indexes in the arrival's sketch)
// through which runs are measured: those a candidate shares with the
// arrival, then, when their runs cover at least unwalkedGate of what is
// wanted, those the lookup did not walk (stock phrases, which the
// aligner joins to the passages around them), at most maxUnwalked.
func (cr *coverRuns) fps(shared, unwalked []int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for _, k := range shared {
			if !yield(k) {
				return
			}
		}
		if len(unwalked) == 0 || len(cr.runs) == 0 ||
			!cr.reaches(false, unwalkedGate*cr.share*float64(cr.na)) && !cr.reaches(true, unwalkedGate*cr.share*float64(cr.nb)) {
			return
		}
		for _, k := range unwalked[:min(len(unwalked), maxUnwalked)] {
			if !yield(k) {
				return
			}
		}
	}
}

// coverRuns collects the runs of equal words through the n-grams two
// texts, of na and nb words, share, until they cover share of either.
type coverRuns struct {
	runs   []coverRun
	na, nb int
	sa, sb int // the words the runs cover, on each side
	share  float64
	looked int
	// hit is the run covered found the last word on: the next word
	// asked about is most often on it too (the fingerprints of a
	// passage come in text order)
	hit int
	ivs [][2]int
	// words finds the short words of a candidate no longer in memory
	words wordIndex
}

// wordIndex finds where each short word occurs in a text (see
// shortWords), in text order, for a text that many n-grams are looked
// for in: the positions of the words whose low byte is v are
// pos[start[v]:start[v+1]].
type wordIndex struct {
	start [257]int32
	pos   []int32
}

// index files the positions of the words of b.
func (x *wordIndex) index(b []uint16) {
	clear(x.start[:])
	for _, w := range b {
		x.start[int(byte(w))+1]++
	}
	for v := 1; v <= 256; v++ {
		x.start[v] += x.start[v-1]
	}
	x.pos = slices.Grow(x.pos[:0], len(b))[:len(b)]
	next := x.start
	for j, w := range b {
		x.pos[next[byte(w)]] = int32(j)
		next[byte(w)]++
	}
}

// at returns the positions, in text order, of the words whose low byte
// is that of w: those of w among them.
func (x *wordIndex) at(w uint16) []int32 { return x.pos[x.start[byte(w)]:x.start[int(byte(w))+1]] }

// coverRun is a run of equal words, [a0, a1) of one text and [b0, b1) of
// the other, and what it covers of each, [ua0, ua1) and [ub0, ub1), in
// the unit texts are measured in: code points, or words when the code
// points of one are not known.
type coverRun struct{ a0, a1, b0, b1, ua0, ua1, ub0, ub1 int }

// inWords returns r measured in words.
func (r coverRun) inWords() coverRun {
	r.ua0, r.ua1, r.ub0, r.ub1 = r.a0, r.a1, r.b0, r.b1
	return r
}

// inCodePoints returns r measured in the code points of a and b.
func (r coverRun) inCodePoints(a, b *doc) coverRun {
	r.ua0, r.ua1 = int(a.start(r.a0)), int(a.end(r.a1-1))
	r.ub0, r.ub1 = int(b.start(r.b0)), int(b.end(r.b1-1))
	return r
}

// reset empties cr for texts of na and nb words and the share wanted.
func (cr *coverRuns) reset(share float64, na, nb int) {
	cr.runs, cr.na, cr.nb, cr.sa, cr.sb, cr.share, cr.looked, cr.hit = cr.runs[:0], na, nb, 0, 0, share, 0, 0
}

// covered reports whether word i of the first text is on a run collected
// already: a run through it on another diagonal, from a repeated n-gram,
// would add to the cover of the second text only.
func (cr *coverRuns) covered(i int) bool {
	if cr.hit < len(cr.runs) {
		if r := &cr.runs[cr.hit]; r.a0 <= i && i < r.a1 {
			return true
		}
	}
	for k := range cr.runs {
		if r := &cr.runs[k]; r.a0 <= i && i < r.a1 {
			cr.hit = k
			return true
		}
	}
	return false
}

// coveredAll reports whether every one of the positions is covered.
func (cr *coverRuns) coveredAll(pos []uint32) bool {
	for _, i := range pos {
		if !cr.covered(int(i)) {
			return false
		}
	}
	return true
}

// add collects r and reports whether the pair is to be aligned: the
// runs collected, added up, cover the share of either text (they
// seldom overlap), or are too many to go on.
func (cr *coverRuns) add(r coverRun) bool {
	if cr.looked++; cr.looked > maxCoverPairs {
		return true
	}
	cr.runs = append(cr.runs, r)
	cr.sa += r.ua1 - r.ua0
	cr.sb += r.ub1 - r.ub0
	return cr.reaches(false, cr.share*float64(cr.na)) || cr.reaches(true, cr.share*float64(cr.nb))
}

// reaches reports whether the runs collected cover at least t of the
// first text, or of the second when second is set. Their union is no
// more than their sum, which is measured first: the union sorts them.
func (cr *coverRuns) reaches(second bool, t float64) bool {
	sum := cr.sa
	if second {
		sum = cr.sb
	}
	return float64(sum) >= t && cr.union(second) >= t
}

// covers reports whether the runs collected cover the share of either
// text.
func (cr *coverRuns) covers() bool {
	return len(cr.runs) > 0 && (cr.reaches(false, cr.share*float64(cr.na)) || cr.reaches(true, cr.share*float64(cr.nb)))
}

// union returns the words of the first text the runs cover, or of the
// second when second is set.
func (cr *coverRuns) union(second bool) float64 {
	iv := cr.ivs[:0]
	for _, r := range cr.runs {
		if second {
			iv = append(iv, [2]int{r.ub0, r.ub1})
		} else {
			iv = append(iv, [2]int{r.ua0, r.ua1})
		}
	}
	cr.ivs = iv
	return float64(unionLen(iv))
}

// extendRun returns the run of words of a and b through the n-gram
// at i in a and j in b, equal but for gaps the aligner bridges: a seed
// of equal words that resumes within maxGap words on both sides.
func extendRun[T word](a, b []T, i, j int) coverRun {
	a0, b0 := i, j
	for {
		for a0 > 0 && b0 > 0 && a[a0-1] == b[b0-1] {
			a0, b0 = a0-1, b0-1
		}
		ga, gb, ok := resumes(a, b, a0, b0, -1)
		if !ok {
			break
		}
		a0, b0 = a0-ga-seedWords, b0-gb-seedWords
	}
	a1, b1 := i+gramWords, j+gramWords
	for {
		for a1 < len(a) && b1 < len(b) && a[a1] == b[b1] {
			a1, b1 = a1+1, b1+1
		}
		ga, gb, ok := resumes(a, b, a1, b1, 1)
		if !ok {
			break
		}
		a1, b1 = a1+ga+seedWords, b1+gb+seedWords
	}
	return coverRun{a0: a0, a1: a1, b0: b0, b1: b1}
}

// resumes looks for a seed of equal words within maxGap words of a run
// of a and b that ends at a1 and b1 (dir 1) or starts at them (dir -1),
// the gaps before it on each side the fewest.
func resumes[T word](a, b []T, a1, b1, dir int) (ga, gb int, ok bool) {
	const reach = maxGap + seedWords // the words a seed may take
	if dir > 0 && a1+reach <= len(a) && b1+reach <= len(b) {
		return resumesIn((*[reach]T)(a[a1:a1+reach]), (*[reach]T)(b[b1:b1+reach]))
	}
	if dir < 0 && a1 >= reach && b1 >= reach {
		// the words before the run, nearest first: a seed ending ga
		// words before a1 is x[ga:ga+seedWords] read backwards
		var x, y [reach]T
		for k := range reach {
			x[k], y[k] = a[a1-1-k], b[b1-1-k]
		}
		return resumesIn(&x, &y)
	}
	for g := 1; g <= 2*maxGap; g++ {
		for ga := max(0, g-maxGap); ga <= min(g, maxGap); ga++ {
			gb := g - ga
			i, j := a1+ga, b1+gb
			if dir < 0 {
				i, j = a1-ga-seedWords, b1-gb-seedWords
			}
			if i >= 0 && j >= 0 && i < len(a) && j < len(b) && a[i] == b[j] && equalRun(a, b, i, j, seedWords) {
				return ga, gb, true
			}
		}
	}
	return 0, 0, false
}

// resumesIn is resumes for a run with maxGap+seedWords words on either
// side of its end, x of one text and y of the other, nearest first: the
// seeds in the order resumes tries them, fewest gaps in all first, with
// the words at hand. maxGap is 2 and seedWords 3.
func resumesIn[T word](x, y *[maxGap + seedWords]T) (ga, gb int, ok bool) {
	// the cases are those of maxGap 2 and seeds of three words: either
	// changed, this does not compile
	const _ = uint(maxGap-2) + uint(2-maxGap) + uint(seedWords-3) + uint(3-seedWords)
	switch {
	case x[0] == y[1] && x[1] == y[2] && x[2] == y[3]:
		return 0, 1, true
	case x[1] == y[0] && x[2] == y[1] && x[3] == y[2]:
		return 1, 0, true
	case x[0] == y[2] && x[1] == y[3] && x[2] == y[4]:
		return 0, 2, true
	case x[1] == y[1] && x[2] == y[2] && x[3] == y[3]:
		return 1, 1, true
	case x[2] == y[0] && x[3] == y[1] && x[4] == y[2]:
		return 2, 0, true
	case x[1] == y[2] && x[2] == y[3] && x[3] == y[4]:
		return 1, 2, true
	case x[2] == y[1] && x[3] == y[2] && x[4] == y[3]:
		return 2, 1, true
	case x[2] == y[2] && x[3] == y[3] && x[4] == y[4]:
		return 2, 2, true
	}
	return 0, 0, false
}

// unionLen returns the length of the union of the intervals iv, which
// it sorts.
func unionLen(iv [][2]int) int {
	slices.SortFunc(iv, func(p, q [2]int) int { return p[0] - q[0] })
	covered, end := 0, -1
	for _, v := range iv {
		switch {
		case v[0] >= end:
			covered += v[1] - v[0]
			end = v[1]
		case v[1] > end:
			covered += v[1] - end
			end = v[1]
		}
	}
	return covered
}
