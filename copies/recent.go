package copies

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
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
	// q holds the text's quotations; qwords a bit for each word, set
	// when it starts inside quotation marks
	q      textQuotes
	qwords []uint64
	// lean marks an entry built by buildLean: set holds its shingle
	// hashes unsorted until completeSet sorts it, and q, qwords and
	// d.runes are unknown until completeQuotes fills them; done holds
	// the bits of the parts completed, written under mu
	lean bool
	done atomic.Uint32
	mu   sync.Mutex
	// leanBytes is what size counts for a lean entry besides its words,
	// offsets and fingerprints (see leanSize)
	leanBytes int
}

// scratch is the reusable memory of preparing one article.
type scratch struct {
	toks    []textproc.Token
	wide    []uint64
	hs      []uint32
	sh      []uint64
	set     []uint32
	grams   []uint32
	pos     []int32
	fpos    []uint32
	sortBuf []uint32
	keys    []uint64
	group   []int32
	spans   []uint32
	marks   []uint32
}

// bucketSort sorts a in place through buf, which it returns for reuse.
// The values are hashes, spread evenly: one pass files them by their top
// bits into about one bucket for every one or two of them, in bucket
// order, and an insertion sort of the whole, which moves each value
// within its bucket only (a value or two), copies them back in order.
// For the few hundred hashes of an article that takes a fraction of a
// comparison sort's time, and of four passes of a sort a byte at a time.
// When values bunched together make a bucket large, the buckets are
// sorted one by one, a large one by the standard library.
func bucketSort(a, buf []uint32) []uint32 {
	n := len(a)
	if n < 64 {
		slices.Sort(a)
		return buf
	}
	b := 5
	for b < 16 && 1<<b < n/2 {
		b++
	}
	nb := 1 << b
	if need := n + nb + 1; cap(buf) < need {
		buf = make([]uint32, need)
	}
	tmp, start := buf[:n], buf[n:n+nb+1]
	clear(start)
	shift := 32 - b
	for _, v := range a {
		start[v>>shift+1]++
	}
	largest := uint32(0)
	for k := 1; k <= nb; k++ {
		largest = max(largest, start[k])
		start[k] += start[k-1]
	}
	// start[k] is where bucket k starts; filing a value moves it on, so
	// that it ends where bucket k+1 starts
	for _, v := range a {
		k := v >> shift
		tmp[start[k]] = v
		start[k]++
	}
	if largest <= 16 {
		for i, v := range tmp {
			j := i
			for ; j > 0 && a[j-1] > v; j-- {
				a[j] = a[j-1]
			}
			a[j] = v
		}
		return buf
	}
	copy(a, tmp)
	lo := 0
	for _, hi := range start[:nb] {
		if s := a[lo:hi]; len(s) > 16 {
			slices.Sort(s)
		} else {
			for i := 1; i < len(s); i++ {
				for j := i; j > 0 && s[j] < s[j-1]; j-- {
					s[j], s[j-1] = s[j-1], s[j]
				}
			}
		}
		lo = int(hi)
	}
	return buf
}

// newEntry prepares a for comparison and also returns its shingle hashes
// in text order, with repeats, and its fingerprints, for the sketch; the
// shingles live in sc, which may be nil, until its next use.
func newEntry(a storyline.Article, sc *scratch) (*entry, []uint64, []uint32) {
	if sc == nil {
		sc = new(scratch)
	}
	e := buildEntry(&a, sc, nil, false)
	fps, _, _ := fingerprintPositions(sc)
	return e, sc.sh, fps
}

// buildEntry prepares a for comparison. It leaves in sc the full word
// hashes (wide), the shingle hashes in text order with repeats (sh), the
// n-gram hashes (grams) and the positions winnowing selected (pos), for
// the sketch. The entry's pointer-free arrays of 32-bit values share one
// allocation. The words of a.Text are toks when given is set (see
// hashWords).
func buildEntry(a *storyline.Article, sc *scratch, toks []textproc.Token, given bool) *entry {
	text := a.Text
	tt := sc.hashWords(text, toks, given)
	wide, hs := sc.wide, sc.hs
	n := len(tt)
	sh := shingles(sc.sh[:0], wide)
	sc.sh = sh
	set := sc.set[:0]
	for _, h := range sh {
		set = append(set, uint32(h>>32))
	}
	sc.sortBuf = bucketSort(set, sc.sortBuf)
	set = slices.Compact(set)
	sc.set = set
	sc.selectFingerprints()
	fpos := sc.fpos
	q := scanQuotes(text, sc.spans[:0], sc.marks[:0])
	sc.spans, sc.marks = q.spans, q.marks
	if len(text) == q.runes {
		q.marks = q.marks[:0] // code points are bytes
	}
	ns, nm := len(q.spans), len(q.marks)
	arena := make([]uint32, 2*n+len(set)+len(fpos)+ns+nm)
	eh := arena[:n:n]
	copy(eh, hs)
	starts := arena[n : 2*n : 2*n]
	rest := arena[2*n:]
	cut := func(src []uint32) []uint32 {
		dst := rest[:len(src):len(src)]
		copy(dst, src)
		rest = rest[len(src):]
		return dst
	}
	es, ef := cut(set), cut(fpos)
	q.spans, q.marks = cut(q.spans), cut(q.marks)
	e := &entry{id: a.ID, published: a.Published, d: doc{text: text, runes: int32(q.runes), hs: eh, starts: starts}, set: es, fpos: ef, q: q}
	e.d.setTokens(tt)
	if !given {
		clear(tt) // drop the terms
	}
	e.qwords = q.wordBits(starts)
	return e
}

// hashWords hashes the canonical form of each word of text: the 64-bit
// hashes go to sc.wide, their high halves to sc.hs. The words are toks
// when given is set (textproc.Tokenize's for text, which are only read),
// else text is tokenized into sc.toks. It returns the words.
func (sc *scratch) hashWords(text string, toks []textproc.Token, given bool) []textproc.Token {
	if !given {
		sc.toks = textproc.Tokenize(sc.toks[:0], text)
		toks = sc.toks
	}
	n := len(toks)
	wide, hs := slices.Grow(sc.wide[:0], n)[:n], slices.Grow(sc.hs[:0], n)[:n]
	for i := range toks {
		// canonical, with most words folded without a call
		term := toks[i].Term
		if len(term) < 6 {
			term = canonicalShort(term)
		} else {
			term = canonicalLong(term)
		}
		h := xxh3.HashString(term)
		wide[i], hs[i] = h, uint32(h>>32)
	}
	sc.wide, sc.hs = wide, hs
	return toks
}

// selectFingerprints winnows the n-grams of the words hashWords left in
// sc.wide, whose shingles are in sc.sh: their hashes go to sc.grams, the
// positions winnowing selects to sc.pos, and to sc.fpos, sorted, each
// selected n-gram's top 16 bits over its position (positions past
// maxFPos are left out).
func (sc *scratch) selectFingerprints() {
	sc.grams = gramsFrom(sc.grams[:0], sc.sh, sc.wide)
	sc.pos = winnowPos(sc.pos[:0], sc.grams)
	fpos := sc.fpos[:0]
	for _, p := range sc.pos {
		if p < maxFPos {
			fpos = append(fpos, sc.grams[p]>>16<<16|uint32(p))
		}
	}
	sc.sortBuf = bucketSort(fpos, sc.sortBuf)
	sc.fpos = fpos
}

// fingerprintPositions returns the fingerprints of the article last
// built in sc, each once, in text order (firstOccurrences of the
// selected n-grams), and the positions of each: those of fps[k] are
// pos[at[k]:at[k+1]], in text order. The three share one allocation.
func fingerprintPositions(sc *scratch) (fps []uint32, at, pos []uint32) {
	selected, grams := sc.pos, sc.grams
	n := len(selected)
	// number the distinct hashes in text order of their first
	// occurrence through a table of hash -> number+1, open addressing,
	// and count the positions of each: group[i] is the number of the
	// hash selected i-th
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(sc.keys) < size {
		sc.keys = make([]uint64, size)
	}
	table := sc.keys[:size]
	clear(table)
	if cap(sc.group) < 2*n+1 {
		sc.group = make([]int32, 2*n+1)
	}
	group, count := sc.group[:n], sc.group[n:2*n+1]
	mask := uint64(size - 1)
	nfp := 0
	for i, p := range selected {
		h := grams[p]
		k := uint64(h*0x9E3779B1) * uint64(size) >> 32
		for {
			v := table[k]
			if v == 0 {
				table[k] = uint64(h)<<32 | uint64(nfp+1)
				count[nfp] = 0
				group[i] = int32(nfp)
				nfp++
				break
			}
			if uint32(v>>32) == h {
				group[i] = int32(uint32(v)) - 1
				break
			}
			k = (k + 1) & mask
		}
		count[group[i]]++
	}
	buf := make([]uint32, nfp+nfp+1+n)
	fps, at, pos = buf[:nfp:nfp], buf[nfp:2*nfp+1:2*nfp+1], buf[2*nfp+1:]
	for i, p := range selected {
		fps[group[i]] = grams[p]
	}
	// at[k] is where fingerprint k's positions start; place them in text
	// order, then shift back
	for k := range nfp {
		at[k+1] = at[k] + uint32(count[k])
	}
	for i, p := range selected {
		g := group[i]
		pos[at[g]] = uint32(p)
		at[g]++
	}
	copy(at[1:], at[:nfp])
	at[0] = 0
	return fps, at, pos
}

// maxFPos bounds the word positions entry.fpos records: a shared passage
// further into a text than that is found by aligning the texts whole.
const maxFPos = 1 << 16

// positions appends the word positions where winnowing selected an
// n-gram hash with the high 16 bits of h, in text order.
func (e *entry) positions(dst []int, h uint32) []int {
	key := h >> 16 << 16
	i := lowerBound(e.fpos, key)
	for ; i < len(e.fpos) && e.fpos[i]&^0xffff == key; i++ {
		dst = append(dst, int(e.fpos[i]&0xffff))
	}
	return dst
}

// lowerBound returns the first index of sorted a whose value is at
// least key. The values are winnowed n-gram hashes (entry.fpos): it
// starts where key would be in their spread (see winnowedAt) and walks
// from there, which takes a few steps where a binary search takes
// seven.
func lowerBound(a []uint32, key uint32) int {
	n := len(a)
	i := winnowedAt(key, n)
	if i < n && a[i] >= key {
		for i > 0 && a[i-1] >= key {
			i--
		}
		return i
	}
	for i < n && a[i] < key {
		i++
	}
	return i
}

// winnowedAt is where key would be among n sorted hashes that winnowing
// selected, in [0, n) (0 when n is 0). Winnowing selects the least hash
// of each window, so the selected ones crowd towards 0: about the share
// 1-(1-x)^5 of them lie below x, of the hashes' range, where an even
// spread puts x (measured on generated news: 4 steps from the place on
// average, 35 from the place an even spread gives).
func winnowedAt(key uint32, n int) int {
	y := 1 - float64(key)*(1.0/(1<<32))
	y2 := y * y
	return min(int(float64(n)*(1-y2*y2*y)), max(n-1, 0))
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

// wordQuoted reports whether word i starts inside quotation marks.
func (e *entry) wordQuoted(i int) bool { return e.qwords[i/64]&(1<<(i%64)) != 0 }

// anyQuote reports whether any code point in [start, end) is inside
// quotation marks.
func (e *entry) anyQuote(start, end int) bool { return e.q.any(start, end) }

// quoted reports whether most of the letters in [start, end) are inside
// quotation marks.
func (e *entry) quoted(start, end int) bool { return e.q.mostly(e.d.text, start, end) }

// slice returns the text between code points start and end.
func (e *entry) slice(start, end int) string {
	return e.d.text[e.q.byteAt(e.d.text, start):e.q.byteAt(e.d.text, end)]
}

// size is the memory an entry holds, roughly.
func (e *entry) size() int {
	if e.lean {
		return int(unsafe.Sizeof(*e)) + len(e.id) + 48 + len(e.d.text) +
			e.d.tokenBytes() + 4*(cap(e.d.hs)+cap(e.fpos)) + e.leanBytes
	}
	return int(unsafe.Sizeof(*e)) + len(e.id) + 48 + len(e.d.text) +
		e.d.tokenBytes() + 4*(cap(e.d.hs)+cap(e.set)+cap(e.fpos)+cap(e.q.spans)+cap(e.q.marks)) + 8*cap(e.qwords)
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

// newest returns the newest entry of the id, nil when the recent holds
// none: get for a document it no longer holds, without making a string
// of the id.
func (w *recent) newest(id []byte) *entry {
	if nd, ok := w.byID[string(id)]; ok && nd >= w.lo {
		return w.ents[nd-w.lo]
	}
	return nil
}

// at returns the entry of document d, nil when the recent no longer
// holds it.
func (w *recent) at(d uint32) *entry {
	if d >= w.lo && d-w.lo < uint32(len(w.ents)) {
		return w.ents[d-w.lo]
	}
	return nil
}

// len is how many entries the recent holds.
func (w *recent) len() int { return len(w.byID) }
