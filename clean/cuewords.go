package clean

import (
	"encoding/binary"
	"strings"
)

// cueList names one list of cue words, a bit of a cueSet.
type cueList uint8

const (
	cueCopyright cueList = 1 << iota
	cueDisclaimer
	cueAdBlock
	cuePhotoAgency
	cueShare
)

// cueSet is the lists some word of which a line contains.
type cueSet uint8

// allCues is the set of every list.
const allCues = cueSet(cueCopyright | cueDisclaimer | cueAdBlock | cuePhotoAgency | cueShare)

func (s cueSet) has(l cueList) bool { return s&cueSet(l) != 0 }

// cueWord is a cue word of five bytes or more, with its first four bytes
// and the four after its first as little-endian words.
type cueWord struct {
	head, next uint32
	word       string
	list       cueList
}

// cueFinder finds, in one pass over a line, which lists of cue words it
// contains a word of, where a strings.Contains per word scanned the line
// thirty times. At every other position a four-byte window is looked up
// in a filter of the words' first four bytes and of the four after their
// first: a word of five bytes or more holds one of the two at an even
// position wherever it stands (a false hit costs a look at the words).
// Shorter words are looked for on their own. A hit is compared with the
// words whose head or next has its bit only, not with every word: the
// windows of common words ("that", "news", "cont") hit often.
type cueFinder struct {
	filter [1 << 16 / 64]uint64 // by filterBit of a word's head and next
	// bucket holds, by filterBit, 1 + the index in buckets of the words
	// whose head or next has that bit, or 0.
	bucket  [1 << 16]uint8
	buckets [][]cueWord
	short   []cueWord // words under five bytes
}

// filterBit maps four bytes to a bit of the filter.
func filterBit(head uint32) uint32 { return head * 0x9e3779b1 >> 16 }

// newCueFinder returns a finder of the words of the lists.
func newCueFinder(lists map[cueList][]string) *cueFinder {
	f := new(cueFinder)
	for l, words := range lists {
		for _, w := range words {
			if len(w) < 5 {
				f.short = append(f.short, cueWord{word: w, list: l})
				continue
			}
			h := binary.LittleEndian.Uint32([]byte(w))
			n := binary.LittleEndian.Uint32([]byte(w[1:]))
			cw := cueWord{head: h, next: n, word: w, list: l}
			for i, b := range []uint32{filterBit(h), filterBit(n)} {
				if i == 1 && b == filterBit(h) {
					break // one bit for both: the word is in its bucket
				}
				f.filter[b/64] |= 1 << (b % 64)
				if f.bucket[b] == 0 {
					if len(f.buckets) == 255 {
						panic("clean: too many cue words")
					}
					f.buckets = append(f.buckets, nil)
					f.bucket[b] = uint8(len(f.buckets))
				}
				k := f.bucket[b] - 1
				f.buckets[k] = append(f.buckets[k], cw)
			}
		}
	}
	return f
}

// hit reports whether a word may hold the four bytes h first or second.
func (f *cueFinder) hit(h uint32) bool { return f.bit(h) != 0 }

// bit returns the filter's bit for the four bytes h, in its place in its
// word: not zero when a word may hold them first or second.
func (f *cueFinder) bit(h uint32) uint64 {
	b := filterBit(h)
	return f.filter[b/64] & (1 << (b % 64))
}

// match adds to set the lists of the words that start s[i:] or, one byte
// before, s[i-1:], whose four bytes at i are h, which hit the filter.
func (f *cueFinder) match(s string, i int, h uint32, set cueSet) cueSet {
	for _, w := range f.buckets[f.bucket[filterBit(h)]-1] {
		if set.has(w.list) {
			continue
		}
		if w.head == h && strings.HasPrefix(s[i:], w.word) || w.next == h && i > 0 && strings.HasPrefix(s[i-1:], w.word) {
			set |= cueSet(w.list)
		}
	}
	return set
}

// find returns the lists among want of which s contains a word: the
// lists for which mayContain(s, words) is true. A list not wanted is
// taken as found from the start, so that its words are not looked at.
func (f *cueFinder) find(s string, want cueSet) cueSet {
	set := ^want
	for _, w := range f.short {
		if !set.has(w.list) && strings.Contains(s, w.word) {
			set |= cueSet(w.list)
		}
	}
	// The windows at even positions, three from each eight-byte load,
	// whose filter bits are looked up together: nearly every line hits
	// none, and is told so by one branch per six bytes.
	i := 0
	for ; i+8 <= len(s); i += 6 {
		w := load8(s, i)
		h0, h1, h2 := uint32(w), uint32(w>>16), uint32(w>>32)
		if f.bit(h0)|f.bit(h1)|f.bit(h2) == 0 {
			continue
		}
		for k, h := range [3]uint32{h0, h1, h2} {
			if f.hit(h) {
				set = f.match(s, i+2*k, h, set)
			}
		}
	}
	for ; i+4 <= len(s); i += 2 {
		h := uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
		if f.hit(h) {
			set = f.match(s, i, h, set)
		}
	}
	return set & want
}
