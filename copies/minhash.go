package copies

import (
	"slices"

	"github.com/zeebo/xxh3"
)

// The near-duplicate index: MinHash over word shingles with LSH banding.
// With bands of rows minhashes a pair of Jaccard similarity s becomes a
// candidate with probability 1-(1-s^rows)^bands: at 13 bands of 3 rows,
// 0.9958 at s = 0.7 (the near-duplicate threshold), 0.30 at 0.3, 0.013 at
// 0.1 and 1.6e-6 at 0.005, the similarity of unrelated news, so a lookup
// stays cheap at a million articles.
const (
	shingleWords = 3
	bands        = 13
	rows         = 3
	numHashes    = bands * rows
)

// hashParams are the odd multipliers and the offsets of the numHashes
// hash functions h_i(x) = (a_i*x + b_i) >> 32, fixed so that signatures
// stay comparable across runs.
type hashParams struct{ a, b [numHashes]uint64 }

func newHashParams() *hashParams {
	p := new(hashParams)
	// splitmix64 from a fixed seed
	x := uint64(0x5eed5eed5eed5eed)
	next := func() uint64 {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		return z ^ z>>31
	}
	for i := range numHashes {
		p.a[i] = next() | 1
		p.b[i] = next()
	}
	return p
}

// shingles returns the hashes of the word shingles of a text, given as
// its full word hashes (a text shorter
// than a shingle gives one shingle of all its words), with repeats.
func shingles(dst []uint64, words []uint64) []uint64 {
	if len(words) == 0 {
		return dst
	}
	if len(words) < shingleWords {
		return append(dst, shingleHash(words))
	}
	// the words of each shingle mixed in a row, as shingleHash mixes
	// them, without a loop a shingle: with another shingleWords, this
	// does not compile
	const _ = uint(shingleWords-3) + uint(3-shingleWords)
	start, n := len(dst), len(words)-shingleWords+1
	dst = slices.Grow(dst, n)[:start+n]
	out := dst[start:]
	a, b := words[0], words[1]
	for i, c := range words[2:] {
		out[i] = mix(mix(mix(shingleSeed, a), b), c)
		a, b = b, c
	}
	return dst
}

// shingleSeed starts the hash of every shingle.
const shingleSeed = 0x9E3779B97F4A7C15

// shingleHash hashes a run of full word hashes.
func shingleHash(words []uint64) uint64 {
	h := uint64(shingleSeed)
	for _, w := range words {
		h = mix(h, w)
	}
	return h
}

// mix folds the next word hash w into the hash h of the words before it.
func mix(h, w uint64) uint64 {
	h = (h ^ w) * 0xBF58476D1CE4E5B9
	return h ^ h>>29
}

// bandKeys computes the MinHash signature of a shingle set and folds each
// band of rows values into one 32-bit key. ok is false for an empty set.
func (p *hashParams) bandKeys(sh []uint64) (keys [bands]uint32, ok bool) {
	if len(sh) == 0 {
		return keys, false
	}
	var sig [numHashes]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	// two shingles a pass, so that each multiplier and offset is loaded
	// once for both
	j := 0
	for ; j+1 < len(sh); j += 2 {
		x, y := sh[j], sh[j+1]
		for i := range numHashes {
			a, b := p.a[i], p.b[i]
			v := min(uint32((a*x+b)>>32), uint32((a*y+b)>>32))
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	if j < len(sh) {
		x := sh[j]
		for i := range numHashes {
			v := uint32((p.a[i]*x + p.b[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return bandsOf(&sig), true
}

// sortedJaccard returns the Jaccard similarity of two sorted sets.
func sortedJaccard[T uint32 | uint64](a, b []T) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	u := len(a) + len(b) - inter
	if u == 0 {
		return 1
	}
	return float64(inter) / float64(u)
}

// jaccardAtLeast reports whether sortedJaccard(a, b) >= t. It gives up as
// soon as too few elements are left to share, and before any pass when
// the set sizes alone rule it out (Jaccard is at most their ratio): most
// pairs asked about are far from the threshold.
func jaccardAtLeast(a, b []uint32, t float64) bool {
	_, ok := jaccardReach(a, b, t)
	return ok
}

// jaccardReach is jaccardAtLeast that also returns sortedJaccard(a, b)
// when it reaches t, which the pass that tells it has counted: a pair
// found near is not merged again for its similarity.
func jaccardReach(a, b []uint32, t float64) (float64, bool) {
	na, nb := len(a), len(b)
	if na == 0 && nb == 0 {
		return 1, t <= 1
	}
	if float64(min(na, nb)) < t*float64(max(na, nb)) {
		return 0, false
	}
	// J >= t needs inter >= t(na+nb)/(1+t); one less, for rounding, is
	// what the early exit asks, and the exact test is made at the end
	need := int(t*float64(na+nb)/(1+t)) - 1
	i, j, inter := 0, 0, 0
	for i < na && j < nb {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
			if inter+min(na-i, nb-j) < need {
				return 0, false
			}
		default:
			j++
			if inter+min(na-i, nb-j) < need {
				return 0, false
			}
		}
	}
	sim := float64(inter) / float64(na+nb-inter)
	return sim, sim >= t
}

// shingleSet is the set of the short shingles of a text (see
// shortWords), each the three 16-bit word hashes side by side, in an
// open-addressing table whose occupied slots have the top bit set.
type shingleSet struct {
	slots []uint64
	n     int
}

func shingleOf(w []uint16) uint64 {
	return 1<<63 | uint64(w[0])<<32 | uint64(w[1])<<16 | uint64(w[2])
}

// newShingleSet returns the set of the short shingles of words.
func newShingleSet(words []uint16) *shingleSet {
	size := 16
	for size < 2*len(words) {
		size *= 2
	}
	s := &shingleSet{slots: make([]uint64, size)}
	for i := 0; i+shingleWords <= len(words); i++ {
		v := shingleOf(words[i:])
		j := s.slot(v)
		if s.slots[j] == 0 {
			s.slots[j] = v
			s.n++
		}
	}
	return s
}

// slot returns the slot of v: where it is, or the empty one where it
// would go.
func (s *shingleSet) slot(v uint64) int {
	mask := len(s.slots) - 1
	i := int((v*0x9E3779B97F4A7C15)>>40) & mask
	for s.slots[i] != 0 && s.slots[i] != v {
		i = (i + 1) & mask
	}
	return i
}

// nearMargin is how far below the near-duplicate threshold the Jaccard
// similarity of short shingles may fall for a candidate to be read and
// measured exactly: short hashes that collide, and shingles repeated in
// the candidate (counted as often as they occur), make the two differ a
// little.
const nearMargin = 0.1

// mayBeNear reports whether a candidate, given as 16-bit word hashes, may
// be a near-duplicate of an arrival with the short shingles arr: their
// Jaccard similarity over short shingles is within nearMargin of the
// threshold t. Texts too short for a shingle may always be.
func mayBeNear(arr *shingleSet, words []uint16, t float64) bool {
	if arr == nil || arr.n == 0 || len(words) < shingleWords {
		return true
	}
	inter, n := 0, len(words)-shingleWords+1
	for i := range n {
		if v := shingleOf(words[i:]); arr.slots[arr.slot(v)] == v {
			inter++
		}
	}
	return float64(inter) >= (t-nearMargin)*float64(arr.n+n-inter)
}

// onePermKeys is bandKeys by one-permutation hashing: each shingle is
// hashed once, into one of numHashes bins by its high bits, and each bin
// keeps the least of the low bits it receives; an empty bin takes the
// value of the next full one (circularly) plus a step per bin it
// skipped. Two sets agree in a bin with probability their Jaccard
// similarity, as with numHashes hash functions, for a thirty-ninth of
// the multiplications. The keys differ from bandKeys'; a Finder uses one
// kind only (Options.MinShare).
func onePermKeys(sh []uint64) (keys [bands]uint32, ok bool) {
	if len(sh) == 0 {
		return keys, false
	}
	var sig [numHashes]uint32
	var full [numHashes]bool
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, h := range sh {
		x := h * 0x9E3779B97F4A7C15
		bin := (x >> 32) * numHashes >> 32
		// an empty bin holds the largest value: the least is kept
		// without a branch, one a prediction misses for most shingles
		sig[bin], full[bin] = min(uint32(x), sig[bin]), true
	}
	var dense [numHashes]uint32
	for i := range sig {
		if full[i] {
			dense[i] = sig[i]
			continue
		}
		for d := 1; d < numHashes; d++ {
			if j := (i + d) % numHashes; full[j] {
				dense[i] = sig[j] + uint32(d)*0x9E3779B9
				break
			}
		}
	}
	return bandsOf(&dense), true
}

// bandsOf hashes each band of rows values of a signature into one key.
func bandsOf(sig *[numHashes]uint32) (keys [bands]uint32) {
	var buf [rows * 4]byte
	for b := range bands {
		for r := range rows {
			v := sig[b*rows+r]
			buf[4*r], buf[4*r+1], buf[4*r+2], buf[4*r+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
		}
		keys[b] = uint32(xxh3.Hash(buf[:]) ^ uint64(b)*0x9E3779B97F4A7C15>>32)
	}
	return keys
}
