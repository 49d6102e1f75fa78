package copies

import (
	"math/bits"
	"slices"
	"sync/atomic"
	"unsafe"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// entry is an article prepared for comparison: what compare needs and
// nothing more, in a few pointer-free arrays, so that thousands of recent
// articles can stay in memory at little cost to the collector.
type entry struct {
	id        string
	published storyline.Published
	d         doc
	// hash is the hash of the normalized text (textproc.Hash), once known
	hash atomic.Pointer[string]
	// set holds the distinct shingle hashes (their high 32 bits), sorted
	set []uint32
	// fpos holds every position winnowing selects below maxFPos, as the
	// high 16 bits of the n-gram hash over the word position, sorted:
	// where each fingerprint occurs, found without a pass over the text.
	// Another fingerprint with the same 16 bits is told apart by its
	// words, which mayAlign compares anyway.
	fpos []uint32
	// quotes and letters are bit sets over the text's code points: inside
	// quotation marks, and a letter
	quotes, letters []uint64
}

// scratch is the reusable memory of preparing one article.
type scratch struct {
	toks  []textproc.Token
	wide  []uint64
	sh    []uint64
	grams []uint32
	pos   []int32
	radix []uint32
}

// radixSort sorts a in place, a byte at a time from the lowest, through
// buf, which it returns for reuse: for the few hundred hashes of an
// article it takes a fraction of a comparison sort's time.
func radixSort(a, buf []uint32) []uint32 {
	if len(a) < 64 {
		slices.Sort(a)
		return buf
	}
	if cap(buf) < len(a) {
		buf = make([]uint32, len(a))
	}
	buf = buf[:len(a)]
	src, dst := a, buf
	for shift := 0; shift < 32; shift += 8 {
		var count [256]int
		for _, v := range src {
			count[byte(v>>shift)]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, v := range src {
			b := byte(v >> shift)
			dst[count[b]] = v
			count[b]++
		}
		src, dst = dst, src
	}
	// four passes leave the result in a
	return buf
}

// newEntry prepares a for comparison and also returns its shingle hashes
// in text order, with repeats, and its fingerprints, for the sketch; the
// shingles live in sc, which may be nil, until its next use.
func newEntry(a storyline.Article, sc *scratch) (*entry, []uint64, []uint32) {
	if sc == nil {
		sc = new(scratch)
	}
	var d doc
	d, sc.toks, sc.wide = prepareWith(sc.toks, sc.wide, a.Text)
	sh := shingles(sc.sh[:0], sc.wide)
	sc.sh = sh
	set := make([]uint32, len(sh))
	for i, h := range sh {
		set[i] = uint32(h >> 32)
	}
	sc.radix = radixSort(set, sc.radix)
	set = slices.Clip(slices.Compact(set))
	e := &entry{id: a.ID, published: a.Published, d: d, set: set}
	sc.grams = grams(sc.grams[:0], sc.wide)
	sc.pos = winnowPos(sc.pos[:0], sc.grams)
	e.fpos = make([]uint32, 0, len(sc.pos))
	fps := make([]uint32, len(sc.pos))
	for i, p := range sc.pos {
		h := sc.grams[p]
		fps[i] = h
		if p < maxFPos {
			e.fpos = append(e.fpos, h>>16<<16|uint32(p))
		}
	}
	slices.Sort(e.fpos)
	e.quotes, e.letters = textBits(a.Text, d.runes)
	return e, sh, slices.Clip(firstOccurrences(fps))
}

// maxFPos bounds the word positions entry.fpos records: a shared passage
// further into a text than that is found by aligning the texts whole.
const maxFPos = 1 << 16

// positions appends the word positions where winnowing selected an
// n-gram hash with the high 16 bits of h, in text order.
func (e *entry) positions(dst []int, h uint32) []int {
	key := h >> 16 << 16
	i, _ := slices.BinarySearch(e.fpos, key)
	for ; i < len(e.fpos) && e.fpos[i]&^0xffff == key; i++ {
		dst = append(dst, int(e.fpos[i]&0xffff))
	}
	return dst
}

// textHash is the hash of the normalized text, which tells exact
// duplicates from near ones, computed the first time it is asked for:
// most entries never are.
func (e *entry) textHash() string {
	if h := e.hash.Load(); h != nil {
		return *h
	}
	h := textproc.Hash(e.d.text)
	e.hash.Store(&h)
	return h
}

// inQuote reports whether code point i is inside quotation marks.
func (e *entry) inQuote(i int32) bool { return e.quotes[i/64]&(1<<(i%64)) != 0 }

// quotedWords returns a bit for each word, set when it starts inside
// quotation marks.
func (e *entry) quotedWords() []uint64 {
	bits := make([]uint64, (len(e.d.toks)+63)/64)
	for i, t := range e.d.toks {
		if e.inQuote(t.start) {
			bits[i/64] |= 1 << (i % 64)
		}
	}
	return bits
}

// anyQuote reports whether any code point in [start, end) is inside
// quotation marks.
func (e *entry) anyQuote(start, end int) bool {
	end = min(end, e.d.runes)
	for i := start; i < end; {
		w, lo := i/64, i%64
		hi := min(64, lo+end-i)
		mask := ^uint64(0) << lo
		if hi < 64 {
			mask &= (1 << hi) - 1
		}
		if e.quotes[w]&mask != 0 {
			return true
		}
		i += hi - lo
	}
	return false
}

// quoted reports whether most of the letters in [start, end) are inside
// quotation marks.
func (e *entry) quoted(start, end int) bool {
	end = min(end, e.d.runes)
	in, all := 0, 0
	for i := start; i < end; {
		w := i / 64
		lo := i % 64
		hi := min(64, lo+end-i)
		mask := ^uint64(0) << lo
		if hi < 64 {
			mask &= (1 << hi) - 1
		}
		l := e.letters[w] & mask
		all += bits.OnesCount64(l)
		in += bits.OnesCount64(l & e.quotes[w])
		i += hi - lo
	}
	return all > 0 && 10*in >= 7*all
}

// slice returns the text between code points start and end.
func (e *entry) slice(start, end int) string {
	t := e.d.text
	if len(t) == e.d.runes {
		return t[start:end]
	}
	bs, i := -1, 0
	for b := range t {
		if i == start {
			bs = b
		}
		if i == end {
			return t[bs:b]
		}
		i++
	}
	return t[bs:]
}

// size is the memory an entry holds, roughly.
func (e *entry) size() int {
	return int(unsafe.Sizeof(*e)) + len(e.id) + 48 + len(e.d.text) +
		int(unsafe.Sizeof(token{}))*cap(e.d.toks) + 4*(cap(e.d.hs)+cap(e.set)+cap(e.fpos)) + 8*(cap(e.quotes)+cap(e.letters))
}

// recent keeps the entries of the most recent documents, by document
// number, within a byte budget and a count, evicting the oldest.
type recent struct {
	maxBytes, maxCount int
	lo                 uint32   // the document number of ents[0]
	ents               []*entry // nil where a document has no entry
	bytes              int
	// byID finds the newest entry of an id, for a document whose own
	// entry was superseded by a newer version of the article
	byID map[string]uint32
}

func newRecent(maxBytes, maxCount int) *recent {
	return &recent{maxBytes: maxBytes, maxCount: maxCount, byID: make(map[string]uint32)}
}

// put files e as document d, the newest.
func (w *recent) put(d uint32, e *entry) {
	if len(w.ents) == 0 {
		w.lo = d
	}
	for uint32(len(w.ents)) < d-w.lo {
		w.ents = append(w.ents, nil) // documents loaded without text
	}
	if old, ok := w.byID[e.id]; ok && old >= w.lo {
		if oe := w.ents[old-w.lo]; oe != nil {
			w.bytes -= oe.size()
			w.ents[old-w.lo] = nil
		}
	}
	w.ents = append(w.ents, e)
	w.byID[e.id] = d
	w.bytes += e.size()
	for len(w.ents) > 0 && (w.bytes > w.maxBytes || (w.maxCount > 0 && len(w.ents) > w.maxCount)) {
		if oe := w.ents[0]; oe != nil {
			w.bytes -= oe.size()
			if w.byID[oe.id] == w.lo {
				delete(w.byID, oe.id)
			}
		}
		w.ents[0] = nil
		w.ents = w.ents[1:]
		w.lo++
	}
}

// get returns the entry of document d with the given id, or the newest
// entry of that id, or nil when the recent no longer holds it.
func (w *recent) get(d uint32, id string) *entry {
	if d >= w.lo && d-w.lo < uint32(len(w.ents)) {
		if e := w.ents[d-w.lo]; e != nil {
			return e
		}
	}
	if nd, ok := w.byID[id]; ok && nd >= w.lo {
		return w.ents[nd-w.lo]
	}
	return nil
}

// len is how many entries the recent holds.
func (w *recent) len() int { return len(w.byID) }
