package copies

import "slices"

// The passage index: winnowing fingerprints of word n-grams. Every shared
// run of at least gramWords+window-1 words is guaranteed to share one
// fingerprint (Schleimer, Wilkerson and Aiken's winnowing), so excerpts of
// a dozen words are found whatever the rest of the two articles says.
const (
	gramWords = 5
	window    = 8
)

// fingerprints appends the winnowed fingerprints of a text given as its
// full word hashes, each once, in text order.
func fingerprints(dst []uint32, words []uint64) []uint32 {
	return winnow(dst, grams(nil, words))
}

// grams appends the hashes of every word n-gram of a text given as its
// full word hashes.
func grams(dst []uint32, words []uint64) []uint32 {
	for i := 0; i+gramWords <= len(words); i++ {
		dst = append(dst, uint32(shingleHash(words[i:i+gramWords])>>32))
	}
	return dst
}

// gramsFrom is grams for words whose shingles (see shingles) are sh: the
// hash of an n-gram goes on from that of the shingle it starts with,
// which spares hashing its first shingleWords words again.
func gramsFrom(dst []uint32, sh []uint64, words []uint64) []uint32 {
	if len(words) < gramWords || len(sh) != len(words)-shingleWords+1 {
		return grams(dst, words)
	}
	// the two words past each shingle mixed in a row, as shingleHash
	// mixes them: with n-grams other than two words longer than
	// shingles, this does not compile
	const _ = uint(gramWords-shingleWords-2) + uint(2-gramWords+shingleWords)
	n := len(words) - gramWords + 1
	dst = slices.Grow(dst, n)
	for i, h := range sh[:n] {
		dst = append(dst, uint32(mix(mix(h, words[i+3]), words[i+4])>>32))
	}
	return dst
}

// winnow appends the fingerprints winnowed from the n-gram hashes grams,
// each once, in text order.
func winnow(dst []uint32, grams []uint32) []uint32 {
	start := len(dst)
	for _, p := range winnowPos(nil, grams) {
		dst = append(dst, grams[p])
	}
	return append(dst[:start], firstOccurrences(dst[start:])...)
}

// winnowPos appends the positions in grams that winnowing selects, in
// text order: the rightmost minimum of every window of grams, once per
// position. A hash may be selected at several positions; every shared
// run of gramWords+window-1 words holds a position selected in both
// texts.
func winnowPos(dst []int32, grams []uint32) []int32 {
	n := len(grams)
	if n <= 0 {
		return dst
	}
	if n <= window {
		m := 0
		for i := range grams {
			if grams[i] <= grams[m] {
				m = i
			}
		}
		return append(dst, int32(m))
	}
	// the rightmost minimum of each window, kept as the window slides:
	// scanned again only when it leaves
	m := 0
	for i := 1; i < window; i++ {
		if grams[i] <= grams[m] {
			m = i
		}
	}
	dst = append(dst, int32(m))
	for start := 1; start+window <= n; start++ {
		last := m
		if e := start + window - 1; m < start {
			m = start
			for i := start + 1; i <= e; i++ {
				if grams[i] <= grams[m] {
					m = i
				}
			}
		} else if grams[e] <= grams[m] {
			m = e
		}
		if m != last {
			dst = append(dst, int32(m))
		}
	}
	return dst
}

// firstOccurrences keeps the first occurrence of each value of hs, in
// order, in place.
func firstOccurrences(hs []uint32) []uint32 {
	sorted := slices.Clone(hs)
	slices.Sort(sorted)
	dup := false
	for i := 1; i < len(sorted) && !dup; i++ {
		dup = sorted[i] == sorted[i-1]
	}
	if !dup {
		return hs
	}
	emitted := make([]bool, len(sorted))
	out := hs[:0]
	for _, h := range hs {
		if i, _ := slices.BinarySearch(sorted, h); !emitted[i] {
			emitted[i] = true
			out = append(out, h)
		}
	}
	return out
}
