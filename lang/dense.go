package lang

import (
	"math/bits"
	"slices"
	"sync"
	"unicode/utf8"
)

// Most samples are written in a small alphabet: once folded, an English
// or a German one in the space, a–z and the letters of Latin-1, a Russian
// one in the space, a–z, а–я and ё. Their trigrams then number each
// character by its place in the alphabet and a trigram by its three
// numbers, order kept: a dense key below size³, which is counted in a
// table rather than sorted, and finds its profile ranks by direct
// indexing rather than by hashing. A sample with a character outside its
// model's alphabet takes the packed path; the answers are the same.

// lowAlphabet is the code points an alphabet may hold: all below it.
// Below twoBytes, a code point takes one or two bytes of UTF-8.
const lowAlphabet, twoBytes = 0x480, 0x800

// alphabet numbers some folded characters, the space first, in code
// point order.
type alphabet struct {
	size int
	// codes is, per folded code point below lowAlphabet, its number
	// plus one, 0 when the alphabet lacks it; raw is, per code point
	// below twoBytes, the number plus one of its folded character.
	codes [lowAlphabet]uint8
	raw   [twoBytes]uint8
}

// newAlphabet returns the alphabet of the space and the letters of the
// given ranges, each a first and last code point: what trigramChar
// returns, lower case.
func newAlphabet(ranges ...[2]rune) *alphabet {
	chars := []rune{' '}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if trigramChar(r) == r && r != ' ' {
				chars = append(chars, r)
			}
		}
	}
	slices.Sort(chars)
	a := &alphabet{size: len(chars)}
	for i, r := range chars {
		a.codes[r] = uint8(i + 1)
	}
	for r := range rune(twoBytes) {
		a.raw[r] = uint8(a.code(trigramChar(r)))
	}
	return a
}

// code returns the number plus one of the folded character f, or 0.
func (a *alphabet) code(f rune) int {
	if f < 0 || f >= lowAlphabet {
		return 0
	}
	return int(a.codes[f])
}

var (
	latinAlphabet    = newAlphabet([2]rune{'a', 'z'}, [2]rune{0xdf, 0xff})
	cyrillicAlphabet = newAlphabet([2]rune{'a', 'z'}, [2]rune{'а', 'я'}, [2]rune{'ё', 'ё'})
)

// denseIndex finds the profile ranks of a dense key: a bit per key says
// whether a profile has it, and the bits set before it number it, so
// that the index takes a bit per key rather than a number.
type denseIndex struct {
	alpha *alphabet
	// present has the bits; before counts, per word of present, the
	// bits set in the words before it. Both are arrays as long as any
	// alphabet's keys need (maxDenseKeys), indexed by a key's word masked
	// to their length, so that a lookup needs no bounds check.
	present *[maxDenseKeys / 64]uint64
	before  *[maxDenseKeys / 64]uint16
	// the ranks of the trigram numbered id are ranks[starts[id-1]:
	// starts[id]], numbered from 1 in key order.
	starts []int32
	ranks  []profileRank
	// scratch holds *denseScratch, for score.
	scratch sync.Pool
}

// maxDenseKeys bounds the dense keys of any alphabet a denseIndex numbers:
// a power of two, so that a key masked to it is in bounds of the arrays
// sized by it (64³ keys, more than the 59³ and 60³ of the Latin and
// Cyrillic alphabets).
const maxDenseKeys = 1 << 18

// denseScratch counts dense keys: counts per key, a bit per key counted
// and a bit per word of those bits not zero; all zero between calls.
// Fixed arrays, indexed by keys masked to their lengths, spare score's
// loops a bounds check per key.
type denseScratch struct {
	counts [maxDenseKeys]uint16
	seen   [maxDenseKeys / 64]uint64
	words  [maxDenseKeys / 64 / 64]uint64
}

// newDenseIndex indexes the profile trigrams of x written in alpha; nil
// when they are too many to number, or alpha's keys more than maxDenseKeys.
func newDenseIndex(x *trigramIndex, alpha *alphabet) *denseIndex {
	n := alpha.size
	if n*n*n > maxDenseKeys {
		return nil
	}
	di := &denseIndex{alpha: alpha, present: new([maxDenseKeys / 64]uint64), before: new([maxDenseKeys / 64]uint16)}
	slot := map[int]indexSlot{}
	var order []int
	for _, sl := range x.slots {
		if sl.hi == sl.lo {
			continue
		}
		a, b, c := alpha.code(rune(sl.key>>42)), alpha.code(rune(sl.key>>21&(1<<21-1))), alpha.code(rune(sl.key&(1<<21-1)))
		if a == 0 || b == 0 || c == 0 {
			continue // never in a sample of alpha
		}
		key := ((a-1)*n+b-1)*n + c - 1
		slot[key] = sl
		order = append(order, key)
	}
	if len(order) >= 1<<16 {
		return nil
	}
	slices.Sort(order)
	di.starts = append(di.starts, 0)
	for _, key := range order {
		sl := slot[key]
		di.present[key>>6] |= 1 << (key & 63)
		di.ranks = append(di.ranks, x.ranks[sl.lo:sl.hi]...)
		di.starts = append(di.starts, int32(len(di.ranks)))
	}
	count := 0
	for w, b := range di.present {
		di.before[w] = uint16(count)
		count += bits.OnesCount64(b)
	}
	return di
}

// id returns the number of a dense key among the profiles' (from 1), 0
// when no profile has it.
func (di *denseIndex) id(key int) uint64 {
	w, b := key>>6&(maxDenseKeys/64-1), uint(key&63)
	word := di.present[w]
	// times the key's bit: 0 when no profile has it, without a branch
	// (most keys have none, unpredictably)
	return (uint64(di.before[w]) + uint64(bits.OnesCount64(word&(1<<b-1))) + 1) * (word >> b & 1)
}

// score adds to dist, per language, the distances of the trigrams of
// keys, fewer than 1<<16 dense keys, from its profile, and returns how
// many distinct trigrams there are. Counting the keys, it counts the
// trigrams of each count too; the distinct keys are then met from the
// greatest down, each ranked after the trigrams of greater counts and
// the greater keys of its own, and scored at once.
func (di *denseIndex) score(keys []uint64, s *scratch, dist []int) int {
	sc, _ := di.scratch.Get().(*denseScratch)
	if sc == nil {
		sc = new(denseScratch)
	}
	counts, seen, words := &sc.counts, &sc.seen, &sc.words
	// byCount[c] is the trigrams counted c times so far (less those
	// counted 0 times, which go negative and are not read)
	byCount := s.byCount[:]
	if len(byCount) < len(keys)+2 {
		byCount = make([]int32, len(keys)+2)
	}
	byCount = byCount[:len(keys)+2]
	clear(byCount)
	most := 0
	for _, k := range keys {
		k &= maxDenseKeys - 1 // below it already
		seen[k>>6] |= 1 << (k & 63)
		words[k>>12] |= 1 << (k >> 6 & 63)
		c := counts[k]
		counts[k] = c + 1
		byCount[c]--
		byCount[c+1]++
		most = max(most, int(c)+1)
	}
	// byCount[c] becomes the rank of the next trigram counted c times:
	// after all those counted more
	distinct := int32(0)
	for c := most; c > 0; c-- {
		n := byCount[c]
		byCount[c] = distinct
		distinct += n
	}
	for v := len(words) - 1; v >= 0; v-- {
		bw := words[v]
		words[v] = 0
		for bw != 0 {
			w := 63 - bits.LeadingZeros64(bw)
			bw &^= 1 << w
			w = (w | v<<6) & (maxDenseKeys/64 - 1)
			b := seen[w]
			seen[w] = 0
			for b != 0 {
				top := 63 - bits.LeadingZeros64(b)
				b &^= 1 << top
				k := (w<<6 | top) & (maxDenseKeys - 1)
				c := counts[k]
				counts[k] = 0
				pos := byCount[c]
				byCount[c]++
				addDistances(dist, di.ranksOf(di.id(k)), int(pos))
			}
		}
	}
	di.scratch.Put(sc)
	return int(distinct)
}

// ranksOf returns the profile ranks of a key as id numbers it.
func (di *denseIndex) ranksOf(id uint64) []profileRank {
	if id == 0 {
		return nil
	}
	return di.ranks[di.starts[id-1]:di.starts[id]]
}

// maxDenseKeys appends to dst the dense keys of text's trigrams, as detect
// counts them, and reports whether every character of text is in a; when
// it is not, dst's contents are undefined.
func (a *alphabet) denseKeys(dst []uint64, text string) ([]uint64, bool) {
	n := uint64(a.size)
	// a key per code point at most, and one after: each is written in
	// place and kept by advancing k, without a branch on whether it is
	// kept (a space beside a space or the start is not), which follows
	// the text's spaces unpredictably
	dst = slices.Grow(dst, len(text)+1)
	out := dst[len(dst) : len(dst)+len(text)+1]
	k := 0
	r1, r2 := uint64(0), uint64(0) // the space, and none yet
	have2 := false
	for i := 0; i < len(text); {
		c := text[i]
		var code int
		if c < utf8.RuneSelf {
			code = int(a.raw[c])
			i++
		} else if 0xc2 <= c && c <= 0xdf && i+1 < len(text) && text[i+1]&0xc0 == 0x80 {
			// two bytes, as Cyrillic and Latin-1 letters
			code = int(a.raw[rune(c&0x1f)<<6|rune(text[i+1]&0x3f)])
			i += 2
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			code = a.code(trigramChar(r))
			i += size
		}
		if code == 0 {
			return dst, false
		}
		r3 := uint64(code - 1)
		if have2 {
			out[k] = (r1*n+r2)*n + r3
			// kept unless r2 is a space and r1 or r3 is one too: the
			// codes are small, so r1*r3 is 0 exactly when one is 0
			keep := 0
			if r2|r1*r3 != 0 {
				keep = 1
			}
			k += keep
			r1 = r2
		}
		r2, have2 = r3, true
	}
	if have2 && r2 != 0 {
		out[k] = (r1*n + r2) * n
		k++
	}
	return dst[:len(dst)+k], true
}
