package copies

// A shingle filter is a bit set of about one bit per distinct shingle of
// an article, with the bit of each of its shingles set (a one-hash Bloom
// filter). The near-duplicate index keeps one for every article it holds,
// some 55 bytes for 350 words, so that an LSH candidate that shares no
// fingerprint with an arrival, which only a Jaccard similarity at the
// near-duplicate threshold can make a pair, is read back from the store
// only when that similarity is possible. Every shingle of the candidate
// has its bit set, so the arrival's shingles whose bit is set are at
// least the shingles the two share: an upper bound on the Jaccard
// similarity that is never wrong, and tight enough to rule out the chance
// collisions in one LSH band (similarity under a tenth) that make most of
// such candidates on a long stream.

// newShingleFilter returns the filter of a sorted set of distinct shingle
// hashes (entry.set): 64 bits for every 64 shingles or part of it.
func newShingleFilter(set []uint32) []uint64 {
	if len(set) == 0 {
		return nil
	}
	f := make([]uint64, (len(set)+63)/64)
	m := uint64(64 * len(f))
	for _, v := range set {
		b := shingleBit(v, m)
		f[b/64] |= 1 << (b % 64)
	}
	return f
}

// shingleBit is the bit of shingle hash v in a filter of m bits.
func shingleBit(v uint32, m uint64) uint64 {
	return uint64(v*0x9E3779B1) * m >> 32
}

// maxFilterSet is the largest set size a filter records; a larger set is
// recorded as unknown (0), and its article is never ruled out.
const maxFilterSet = 1<<16 - 1

// mayReachJaccard reports whether a set of distinct shingle hashes may
// have a Jaccard similarity of at least t (as jaccardAtLeast measures it)
// with a set of n shingles whose filter is filter. It is false only when
// the similarity is certainly below t; without a filter or a size it is
// true.
func mayReachJaccard(set []uint32, filter []uint64, n int, t float64) bool {
	na := len(set)
	if na == 0 || n == 0 || len(filter) == 0 {
		return true
	}
	if float64(min(na, n)) < t*float64(max(na, n)) {
		return false // as jaccardAtLeast: the sizes alone rule it out
	}
	m := uint64(64 * len(filter))
	// the shared shingles are at most the arrival's that find their bit
	// set; the similarity grows with them, so their count bounds it
	inter := 0
	for _, v := range set {
		b := shingleBit(v, m)
		inter += int(filter[b/64] >> (b % 64) & 1)
	}
	inter = min(inter, n)
	return float64(inter)/float64(na+n-inter) >= t
}
