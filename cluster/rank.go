package cluster

import (
	"math"
	"math/bits"
	"slices"
)

// rankedTerm is a weighted term with most of what compareTerms reads,
// packed so that most comparisons are one of integers: key orders by
// weight, heaviest first, then by seen (the arrival that brought the term
// first); the terms' hashes, then their text (which only a hash collision
// reaches), break the remaining ties.
type rankedTerm struct {
	key uint64
	id  uint32
	w   float32
}

// rankKey is the key of a term of weight w first counted at arrival seen:
// ascending keys order weights descending (as floats compare: -0 is 0),
// then seen ascending.
func rankKey(w float32, seen uint32) uint64 {
	if w == 0 {
		w = 0 // -0 ties with 0
	}
	b := math.Float32bits(w)
	if b>>31 != 0 {
		b = ^b
	} else {
		b |= 1 << 31
	}
	// b ascends with w; its complement descends
	return uint64(^b)<<32 | uint64(seen)
}

// cmpRanked orders two ranked terms: weight descending, then
// compareTerms.
func (c *Clusterer) cmpRanked(a, b rankedTerm) int {
	switch {
	case a.key < b.key:
		return -1
	case a.key > b.key:
		return 1
	}
	return c.compareTerms(a.id, b.id)
}

// sortHeaviest sorts ts by weight, heaviest first, ties by compareTerms.
func (c *Clusterer) sortHeaviest(ts []tw) { c.selectHeaviest(ts, len(ts)) }

// selectHeaviest moves the k heaviest terms of ts to its front, sorted
// as sortHeaviest sorts them; the order of the rest is unspecified. The
// order is total, so the k chosen do not depend on the order of ts.
func (c *Clusterer) selectHeaviest(ts []tw, k int) {
	rs := c.ranked(ts)
	c.orderTop(rs, k)
	for i, r := range rs {
		ts[i] = tw{r.id, r.w}
	}
}

// ranked returns ts with their rank keys, in c.rankBuf.
func (c *Clusterer) ranked(ts []tw) []rankedTerm {
	rs := slices.Grow(c.rankBuf[:0], len(ts))[:len(ts)]
	stat := c.stat
	for i, t := range ts {
		rs[i] = rankedTerm{rankKey(t.w, stat[t.id].seen), t.id, t.w}
	}
	c.rankBuf = rs
	return rs
}

// orderTop puts the k heaviest of rs first, in order (all of rs when k
// reaches its length). The terms are first placed by weight range
// (bucketTop), so that the sorts, of the few terms of a range each, make
// few of the comparisons that a quicksort mispredicts; when all weigh
// the same, a quickselect and a sort order them.
func (c *Clusterer) orderTop(rs []rankedTerm, k int) {
	if c.bucketTop(rs, k) {
		return
	}
	if k < len(rs) {
		c.partition(rs, k)
		c.sortRanked(rs[:k])
	} else {
		c.sortRanked(rs)
	}
}

// bucketTop is orderTop for terms of different weights (it reports
// false, and leaves rs as it is, for fewer than two terms or terms of
// one weight). The weights (the keys' high halves) are counted in ranges
// between the heaviest and the lightest, about one a term (rankBuckets
// at most), and the terms placed range by range, heaviest first, without
// a comparison (a counting sort), up to the range that holds the k-th
// term, the lighter ones after them in any order; the ranges that hold
// the k first are then sorted each: a term of a lighter range ranks
// after every term of a heavier one.
func (c *Clusterer) bucketTop(rs []rankedTerm, k int) bool {
	if len(rs) < 2 {
		return false
	}
	lo, hi := uint32(rs[0].key>>32), uint32(rs[0].key>>32)
	for i := range rs {
		w := uint32(rs[i].key >> 32)
		lo, hi = min(lo, w), max(hi, w)
	}
	if lo == hi {
		return false
	}
	k = min(k, len(rs))
	// fewer ranges for fewer terms: each range costs its count's sum
	nb := min(max(bits.Len(uint(len(rs))), minRankBits), rankBits)
	shift := uint(max(0, bits.Len32(hi-lo)-nb))
	// ends[b+1] counts the terms of range b, then, summed, ends[b] is
	// where range b starts; as terms are placed it becomes its end
	ends := c.rankEnds[:1<<nb+1]
	clear(ends)
	for i := range rs {
		ends[(uint32(rs[i].key>>32)-lo)>>shift+1]++
	}
	// last is the range of the k-th term: the lighter ones are placed
	// as one, from where range last+1 starts
	last := 0
	for b := 1; ; b++ {
		ends[b] += ends[b-1]
		if int(ends[b]) >= k {
			last = b - 1
			break
		}
	}
	tmp := slices.Grow(c.rankTmp[:0], len(rs))[:len(rs)]
	for i := range rs {
		b := min((uint32(rs[i].key>>32)-lo)>>shift, uint32(last+1))
		tmp[ends[b]] = rs[i]
		ends[b]++
	}
	copy(rs, tmp)
	c.rankTmp = tmp
	for b, start := 0, 0; b <= last; b++ {
		end := int(ends[b])
		if end-start > 1 {
			c.sortRanked(rs[start:end])
		}
		start = end
	}
	return true
}

// rankBits is the log of rankBuckets, the most ranges of weight bucketTop
// places terms in, and minRankBits that of the fewest.
const (
	rankBits    = 8
	rankBuckets = 1 << rankBits
	minRankBits = 4
)

// selectHeaviestSorted puts the k heaviest terms of ts first, sorted as
// sortHeaviest sorts them, for terms whose first sorted were in order
// when last sorted: a centroid's, sorted when it was last pruned
// (centroid.sorted), whose weights the few members since have moved
// little, followed by the terms they brought. An insertion sort puts the
// first sorted back in order with about one comparison each, mostly
// predicted, where a quicksort makes several, half of them
// mispredicted; the k heaviest of the rest are selected and sorted
// apart (orderTop), and the two runs merged. Should the first terms be
// far from order (a young cluster), it gives up after a budget of moves
// and selects from all the terms. The order is total, so the k chosen,
// and their order, are those of selectHeaviest; unlike it, it leaves
// ts[k:] unspecified: not the other terms, which callers drop.
func (c *Clusterer) selectHeaviestSorted(ts []tw, k, sorted int) {
	k = min(k, len(ts))
	rs := c.ranked(ts)
	head, tail := rs[:min(sorted, len(rs))], rs[min(sorted, len(rs)):]
	moves, budget := 0, 2*len(head)
	for i := 1; i < len(head) && moves <= budget; i++ {
		for j := i; j > 0 && c.lessRanked(&head[j], &head[j-1]); j-- {
			head[j], head[j-1] = head[j-1], head[j]
			moves++
		}
	}
	if moves > budget || len(head) == 0 {
		c.orderTop(rs, k)
		for i, r := range rs[:k] {
			ts[i] = tw{r.id, r.w}
		}
		return
	}
	tail = tail[:c.orderTopLen(tail, k)]
	// merge the runs; the k heaviest of all are the k heaviest of the
	// head and of the tail's k heaviest
	for i, j, n := 0, 0, 0; n < k; n++ {
		var r *rankedTerm
		if j == len(tail) || i < len(head) && c.lessRanked(&head[i], &tail[j]) {
			r = &head[i]
			i++
		} else {
			r = &tail[j]
			j++
		}
		ts[n] = tw{r.id, r.w}
	}
}

// orderTopLen is orderTop of the k heaviest of rs (all when fewer) and
// returns how many that is.
func (c *Clusterer) orderTopLen(rs []rankedTerm, k int) int {
	k = min(k, len(rs))
	c.orderTop(rs, k)
	return k
}

// lessRanked reports whether a ranks before b (cmpRanked), comparing
// keys inline.
func (c *Clusterer) lessRanked(a, b *rankedTerm) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return c.compareTerms(a.id, b.id) < 0
}

// sortRanked sorts rs by cmpRanked: a quicksort around the median of
// three with the comparisons inline, insertion sort for short ranges,
// and slices.SortFunc past a depth that only an unlucky order of input
// reaches. The order is total, so the result is the one any sort gives.
func (c *Clusterer) sortRanked(rs []rankedTerm) {
	depth := 2 * bits.Len(uint(len(rs)))
	for len(rs) > 12 {
		if depth == 0 {
			slices.SortFunc(rs, c.cmpRanked)
			return
		}
		depth--
		i := c.pivot(rs, 0, len(rs)-1)
		// the shorter side by recursion, the longer by the loop
		if i < len(rs)-i {
			c.sortRanked(rs[:i])
			rs = rs[i+1:]
		} else {
			c.sortRanked(rs[i+1:])
			rs = rs[:i]
		}
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && c.lessRanked(&rs[j], &rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// pivot partitions rs[lo:hi+1] around the median of its first, middle
// and last elements and returns where that pivot lands: the elements
// before it are less than it by lessRanked, those after are not.
func (c *Clusterer) pivot(rs []rankedTerm, lo, hi int) int {
	mid := lo + (hi-lo)/2
	// the median of three to rs[hi]
	if c.lessRanked(&rs[mid], &rs[lo]) {
		rs[mid], rs[lo] = rs[lo], rs[mid]
	}
	if c.lessRanked(&rs[hi], &rs[lo]) {
		rs[hi], rs[lo] = rs[lo], rs[hi]
	}
	if c.lessRanked(&rs[mid], &rs[hi]) {
		rs[mid], rs[hi] = rs[hi], rs[mid]
	}
	p := rs[hi]
	i := lo
	for j := lo; j < hi; j++ {
		if c.lessRanked(&rs[j], &p) {
			rs[i], rs[j] = rs[j], rs[i]
			i++
		}
	}
	rs[i], rs[hi] = rs[hi], rs[i]
	return i
}

// partition reorders rs so that its first k elements are the k least by
// cmpRanked (in any order): a quickselect around the median of three.
func (c *Clusterer) partition(rs []rankedTerm, k int) {
	lo, hi := 0, len(rs)-1
	for lo < hi {
		i := c.pivot(rs, lo, hi)
		switch {
		case i == k || i == k-1:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
}
