package lang

import (
	"cmp"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
	_ "unsafe" // for go:linkname

	"github.com/abadojack/whatlanggo"
)

// whatlanggo ranks a text's trigrams by frequency and scores each language
// by how far its profile's ranks are from the text's. Its implementation
// keys trigrams by string, sorts them through reflection and looks every
// trigram of every profile up in a map, which costs about 0.4 ms per
// 512-byte sample, more than the rest of the read stage. The model below
// computes the same ranks and distances with packed integer trigrams and
// an inverted index of the profiles, built once per Detector. It reads the
// profiles from whatlanggo itself (they are unexported, hence the
// linkname), so the two cannot drift apart; TestTrigramModelAgrees checks
// that both give the same answers.

//go:linkname latinProfiles github.com/abadojack/whatlanggo.latinLangs
var latinProfiles map[whatlanggo.Lang][]string

//go:linkname cyrillicProfiles github.com/abadojack/whatlanggo.cyrillicLangs
var cyrillicProfiles map[whatlanggo.Lang][]string

// whatlanggo's distance constants.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// trigramModel scores a text against the profiles of one script's
// languages that a whitelist allows.
type trigramModel struct {
	langs []whatlanggo.Lang // sorted
	// base is each language's distance when no trigram matches.
	base []int
	// index maps a packed trigram to the profile ranks it has.
	index trigramIndex
	// dense finds them by dense key for a sample written in its
	// alphabet (see dense.go); nil when there is no such alphabet.
	dense *denseIndex
}

type profileRank struct {
	lang int32 // index into langs
	rank int32
}

// newTrigramModel returns the model for the languages of profiles in
// whitelist (all of them when it is empty, as in whatlanggo), with dense
// keys for samples written in alpha when it is not nil.
func newTrigramModel(profiles map[whatlanggo.Lang][]string, whitelist map[whatlanggo.Lang]bool, alpha *alphabet) *trigramModel {
	m := new(trigramModel)
	ranks := make(map[uint64][]profileRank)
	for l := range profiles {
		if whitelist[l] || len(whitelist) == 0 {
			m.langs = append(m.langs, l)
		}
	}
	slices.Sort(m.langs)
	for li, l := range m.langs {
		p := profiles[l]
		m.base = append(m.base, maxTrigramDistance*len(p))
		for rank, tg := range p {
			key, ok := packString(tg)
			if !ok {
				continue // never matches a text trigram
			}
			ranks[key] = append(ranks[key], profileRank{lang: int32(li), rank: int32(rank)})
		}
	}
	m.index = newTrigramIndex(ranks)
	if alpha != nil && len(m.langs) > 0 {
		m.dense = newDenseIndex(&m.index, alpha)
	}
	return m
}

// trigramIndex is a read-only hash table from packed trigrams to profile
// ranks, open addressing with linear probing: about three times quicker
// than a Go map for the lookup of every distinct trigram of a text.
type trigramIndex struct {
	// slots hold the keys and where their ranks are, side by side so
	// that a probe touches one cache line
	slots []indexSlot
	ranks []profileRank
	shift uint
}

// indexSlot is a key of a trigramIndex and its ranks, ranks[lo:hi];
// empty for a free slot.
type indexSlot struct {
	key    uint64
	lo, hi int32
}

func newTrigramIndex(ranks map[uint64][]profileRank) trigramIndex {
	size, shift := 16, uint(64-4)
	for size < 3*len(ranks) {
		size, shift = size*2, shift-1
	}
	x := trigramIndex{slots: make([]indexSlot, size), shift: shift}
	keys := make([]uint64, 0, len(ranks))
	for k := range ranks {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same layout every time
	for _, k := range keys {
		i := x.slot(k)
		for x.slots[i].hi > x.slots[i].lo {
			i = (i + 1) & (len(x.slots) - 1)
		}
		x.slots[i] = indexSlot{key: k, lo: int32(len(x.ranks)), hi: int32(len(x.ranks) + len(ranks[k]))}
		x.ranks = append(x.ranks, ranks[k]...)
	}
	return x
}

func (x *trigramIndex) slot(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> x.shift)
}

// get returns the profile ranks of key, none when no profile has it.
func (x *trigramIndex) get(key uint64) []profileRank {
	for i := x.slot(key); ; i = (i + 1) & (len(x.slots) - 1) {
		sl := &x.slots[i]
		if sl.hi == sl.lo {
			return nil
		}
		if sl.key == key {
			return x.ranks[sl.lo:sl.hi]
		}
	}
}

// packString packs a trigram of exactly three code points.
func packString(s string) (uint64, bool) {
	var r [3]rune
	n := 0
	for _, c := range s {
		if n == 3 {
			return 0, false
		}
		r[n] = c
		n++
	}
	if n != 3 {
		return 0, false
	}
	return pack(r[0], r[1], r[2]), true
}

// pack orders trigrams as whatlanggo's string comparison does: UTF-8
// preserves code point order, and a code point fits in 21 bits.
func pack(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// trigramChar is whatlanggo's character folding: spaces, punctuation,
// symbols and digits become a space, the rest lower case.
func trigramChar(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiTrigramChars[r]
	}
	if cyrillicLetter(r) {
		switch {
		case 'а' <= r && r <= 'я' || 'ѐ' <= r && r <= 'џ':
			return r // lower case already
		case 'А' <= r && r <= 'Я':
			return r + 'а' - 'А'
		case 'Ѐ' <= r && r <= 'Џ':
			return r + 'ѐ' - 'Ѐ'
		}
		return unicode.ToLower(r)
	}
	if generalPunctuation <= r && r < generalPunctuation+rune(len(punctTrigramChars)) {
		return punctTrigramChars[r-generalPunctuation] // dashes, curly quotes
	}
	return foldTrigramChar(r)
}

func foldTrigramChar(r rune) rune {
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// generalPunctuation is the first code point of the General Punctuation
// block, whose dashes, quotation marks and spaces news writes often, and
// punctTrigramChars is trigramChar for the block, answered without the
// unicode tables' searches.
const generalPunctuation = 0x2000

var punctTrigramChars = func() (t [0x70]rune) {
	for i := range t {
		t[i] = foldTrigramChar(generalPunctuation + rune(i))
	}
	return t
}()

// asciiTrigramChars is trigramChar for ASCII.
var asciiTrigramChars = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		t[r] = foldTrigramChar(rune(r))
	}
	return t
}()

type rankedTrigram struct {
	key   uint64
	count int
}

// scratch is detect's working memory, sized for the 512-byte samples
// Detect scores; longer texts spill to the heap. Detectors pool them.
type scratch struct {
	// titled holds DetectTitled's text.
	titled       [titledSample + 1]byte
	keys, sorted [520]uint64
	distinct     [520]rankedTrigram
	starts       [64]int
	// byCount is denseIndex.score's count of trigrams per count.
	byCount     [522]int32
	dist, order [128]int
}

// detect returns the closest language and whatlanggo's confidence in it,
// or -1.
func (m *trigramModel) detect(text string, s *scratch) (whatlanggo.Lang, float64) {
	// count: the trigrams of the folded text with a space after it,
	// densely keyed when the text is in the model's alphabet
	keys, dense := s.keys[:0], false
	if m.dense != nil && len(text) < 1<<15 {
		keys, dense = m.dense.alpha.denseKeys(keys, text)
	}
	// rank 0 is the most frequent trigram, ties broken by the greater
	// one: the distinct trigrams from the greatest down, then a stable
	// counting sort by frequency
	dist := scratchInts(s.dist[:], len(m.langs))
	copy(dist, m.base)
	var distinct int
	if dense {
		distinct = m.dense.score(keys, s, dist)
	} else {
		keys = packedKeys(s.keys[:0], text)
		distinct = m.scorePacked(keys, s, dist)
	}
	switch len(m.langs) {
	case 0:
		return -1, 0
	case 1:
		return m.langs[0], 1
	}
	order := scratchInts(s.order[:], len(m.langs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(dist[a], dist[b]) })
	score1 := maxTotalDistance - dist[order[0]]
	score2 := maxTotalDistance - dist[order[1]]
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		// whatlanggo divides integers here
		return m.langs[order[0]], min(float64(score1/500), 1)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(distinct) + 0.05
	if rate > confidentRate {
		return m.langs[order[0]], 1
	}
	return m.langs[order[0]], rate / confidentRate
}

// scorePacked adds to dist, per language, the distances of the trigrams
// of keys, packed, from its profile, and returns how many distinct
// trigrams there are. It sorts keys.
func (m *trigramModel) scorePacked(keys []uint64, s *scratch, dist []int) int {
	radixSort(keys, s.sorted[:])
	distinct := s.distinct[:0]
	most := 0
	for j := len(keys); j > 0; {
		i := j - 1
		for i > 0 && keys[i-1] == keys[j-1] {
			i--
		}
		distinct = append(distinct, rankedTrigram{key: keys[i], count: j - i})
		most = max(most, j-i)
		j = i
	}
	// each trigram's rank is its place in a stable counting sort by
	// frequency, the most frequent first: starts[c] is where the next
	// trigram of the c-th greatest count goes. The distances add up in
	// any order, so each trigram is scored as its rank is known, with
	// no sorted copy of them made.
	starts := scratchInts(s.starts[:], most+2)
	for _, t := range distinct {
		starts[most-t.count+1]++
	}
	for c := 1; c < len(starts); c++ {
		starts[c] += starts[c-1]
	}
	for _, t := range distinct {
		pos := starts[most-t.count]
		starts[most-t.count]++
		addDistances(dist, m.index.get(t.key), pos)
	}
	return len(distinct)
}

// addDistances adds to dist the distance of a trigram at rank pos in a
// text from its ranks prs in the profiles, less the distance counted
// when a profile lacks it.
func addDistances(dist []int, prs []profileRank, pos int) {
	for _, pr := range prs {
		d := pos - int(pr.rank)
		if d < 0 {
			d = -d
		}
		dist[pr.lang] += d - maxTrigramDistance
	}
}

// packedKeys appends to dst the packed trigrams of the folded text with
// a space after it.
func packedKeys(dst []uint64, text string) []uint64 {
	r1, r2 := ' ', rune(-1)
	for _, c := range text {
		r3 := trigramChar(c)
		if r2 >= 0 && !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			dst = append(dst, pack(r1, r2, r3))
		}
		if r2 >= 0 {
			r1 = r2
		}
		r2 = r3
	}
	if r2 >= 0 && r2 != ' ' {
		dst = append(dst, pack(r1, r2, ' '))
	}
	return dst
}

// radixSort sorts keys in increasing order, using tmp (or, when it is too
// short, a new buffer) as working memory. A comparison sort of a text's
// trigrams mispredicts about every other branch; the radix sort has
// almost none, and skips the bits in which all keys agree, as the zero
// bits between the code points of ASCII or Cyrillic trigrams.
func radixSort(keys, tmp []uint64) {
	if len(keys) < 48 {
		slices.Sort(keys)
		return
	}
	if len(tmp) < len(keys) {
		tmp = make([]uint64, len(keys))
	}
	or, and := uint64(0), ^uint64(0)
	for _, k := range keys {
		or |= k
		and &= k
	}
	src, dst := keys, tmp[:len(keys)]
	diff := or ^ and // the bits in which keys differ
	for shift := uint(0); shift < 64 && diff>>shift != 0; shift += 8 {
		// each digit is the 8 bits from the next bit in which keys
		// differ: ASCII trigrams, which differ in 7 bits of each code
		// point, take three passes
		shift += uint(bits.TrailingZeros64(diff >> shift))
		var count [256]int32
		for _, k := range src {
			count[k>>shift&0xff]++
		}
		sum := int32(0)
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for _, k := range src {
			b := k >> shift & 0xff
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// scratchInts returns n zeroed ints of buf, or new ones when buf is too
// short.
func scratchInts(buf []int, n int) []int {
	if n > len(buf) {
		return make([]int, n)
	}
	clear(buf[:n])
	return buf[:n]
}

// script is whatlanggo.DetectScript for text written in Latin and
// Cyrillic letters only; for any other script it defers to whatlanggo.
// whatlanggo returns the first script to fill more than half the text's
// bytes, else the most frequent, ties going to the script seen last.
func script(text string) *unicode.RangeTable {
	half := len(text) / 2
	latin, cyr := 0, 0
	lastLatin := true
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// eight ASCII bytes at once: only latin can grow
			if w := load64(text[i : i+8]); w&asciiHigh == 0 {
				if n := asciiLetters(w); n > 0 {
					latin += n
					lastLatin = true
					if latin > half {
						return unicode.Latin
					}
				}
				i += 8
				continue
			}
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case c < utf8.RuneSelf:
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				continue // ASCII other than letters is a stop character or no script's
			}
			latin++
			lastLatin = true
		case cyrillicLetter(c):
			cyr++
			lastLatin = false
		case unicode.IsSymbol(c) || unicode.IsSpace(c) || unicode.IsPunct(c) || unicode.IsDigit(c):
			continue
		case unicode.Is(unicode.Latin, c):
			latin++
			lastLatin = true
		case unicode.Is(unicode.Cyrillic, c):
			cyr++
			lastLatin = false
		case unicode.In(c, unicode.Inherited, unicode.Common):
			continue // counted by no script
		default:
			return whatlanggo.DetectScript(text)
		}
		if latin > half {
			return unicode.Latin
		}
		if cyr > half {
			return unicode.Cyrillic
		}
	}
	switch {
	case latin == 0 && cyr == 0:
		return nil
	case latin > cyr || latin == cyr && lastLatin:
		return unicode.Latin
	}
	return unicode.Cyrillic
}
