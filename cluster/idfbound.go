package cluster

import (
	"math"
	"math/bits"
	"slices"
)

// rankHeaviest returns, ranked (rankedTerm) with their weights, the terms
// of f (counted: c.dfs, c.seens) that may be among its k heaviest, in
// c.rankBuf: the k heaviest of them are the k heaviest of all. A term's
// weight (vectorize) takes a logarithm, the most of its cost, and most
// of an article's terms are too light to be kept: their weights are
// bounded first without one (idfBounds), and a term whose bound from
// above is less than the bounds from below of k others is lighter than
// those k, whatever its weight. The other terms' weights are computed as
// vectorize computes them, to the bit.
func (c *Clusterer) rankHeaviest(f *Features, k int) []rankedTerm {
	n := len(f.terms)
	xs := slices.Grow(c.idfArgs[:0], n)[:n]
	los := slices.Grow(c.wLow[:0], n)[:n]
	his := slices.Grow(c.wHigh[:0], n)[:n]
	c.idfArgs, c.wLow, c.wHigh = xs, los, his
	docs := float64(c.docs) + idfPrior
	lo, hi := uint32(math.MaxUint32), uint32(0)
	for i, t := range f.terms {
		// the argument of c.idf's logarithm, written as it writes it
		x := docs / float64(c.dfs[i]+1)
		xs[i] = x
		l, h := idfBounds(x)
		d, b := damped(t.tf), float64(t.boost)
		// rounding is monotone: the weights of the bounds bound the
		// weight; below, a weight is no less than zero
		wl := float32(max(d*l*b, 0))
		los[i], his[i] = wl, float32(d*h*b)
		lo, hi = min(lo, math.Float32bits(wl)), max(hi, math.Float32bits(wl))
	}
	// the least bound from below that k terms reach, about: the bounds
	// (non-negative, so their bits ascend with them) counted in ranges,
	// the heaviest first, until k
	var counts [rankBuckets]int32
	shift := uint(max(0, bits.Len32(hi-lo)-rankBits))
	for _, wl := range los {
		counts[(math.Float32bits(wl)-lo)>>shift]++
	}
	b, sum := (hi-lo)>>shift, int32(0)
	for ; ; b-- {
		if sum += counts[b]; int(sum) >= k || b == 0 {
			break
		}
	}
	floor := math.Float32frombits(lo + b<<shift)
	rs := c.rankBuf[:0]
	for i, t := range f.terms {
		if his[i] < floor {
			// at least k terms weigh floor or more
			continue
		}
		w := float32(damped(t.tf) * math.Log(xs[i]) * float64(t.boost))
		rs = append(rs, rankedTerm{rankKey(w, c.seens[i]), t.id, w})
	}
	return rs
}

// idfBounds bounds math.Log(x), for x > 1: x is m·2^e with m in [1, 2),
// and the log of m is between those of the ends of its 1/lnSteps range
// (lnSteps), widened by far more than the rounding errors of the sums and
// of math.Log.
func idfBounds(x float64) (lo, hi float64) {
	b := math.Float64bits(x)
	e := float64(int(b>>52&0x7ff) - 1023)
	j := b >> (52 - lnStepBits) & (lnSteps - 1)
	base := e * math.Ln2
	return base + lnSteps1[j] - idfSlack, base + lnSteps1[j+1] + idfSlack
}

// lnStepBits is the log of lnSteps, the ranges of [1, 2) whose ends' logs
// lnSteps1 holds; idfSlack widens idfBounds.
const (
	lnStepBits = 8
	lnSteps    = 1 << lnStepBits
	idfSlack   = 1e-9
)

// lnSteps1 holds the logs of 1 + j/lnSteps, j from 0 to lnSteps; it is
// never modified.
var lnSteps1 = func() (t [lnSteps + 1]float64) {
	for j := range t {
		t[j] = math.Log(1 + float64(j)/lnSteps)
	}
	return t
}()
