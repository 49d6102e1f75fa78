package copies

import (
	"math/bits"
	"slices"
)

// postings is one generation of the passage index: the documents filed
// under each winnowing fingerprint, in a block of its own, oldest first,
// so that a lookup reads a fingerprint's postings from one place rather
// than following a chain across memory, a cache miss a step. A block of
// c postings holds room for c rounded up to a power of two, after its
// count; a full one is copied to a block twice its size, one that another
// fingerprint outgrew or a new one at the end of the arena. A
// fingerprint filed under one document, as most are, has no block: the
// table holds the document in place of an offset (see inline). Only the
// first keep postings of a fingerprint are kept: one
// filed under more is a stock phrase whose postings the lookup never
// walks, and only its count grows. The Finder keeps two generations and
// drops the older one whole when the newer fills up, so the index holds a
// bounded window of recent articles without any per-entry bookkeeping.
type postings struct {
	// table maps a fingerprint to the offset of its block in blocks
	table chainTable
	// blocks holds the blocks: blocks[off] is how many documents were
	// filed under the fingerprint, and blocks[off+1:] the first keep of
	// them, in filing order
	blocks []uint32
	// keep is how many postings a fingerprint keeps (see newPostings)
	keep uint32
	// freed[k] lists the blocks of room 1<<k freed (see free), chained
	// through their first word: the first one's offset plus one, 0 for
	// none
	freed [8]uint32
	// filed counts the postings filed, kept or not
	filed int
	// first is the first document filed; articles counts the documents;
	// start is the stream time (Unix seconds) when the generation opened,
	// 0 until one is known
	first    uint32
	articles int
	start    int64
	// words holds 16 bits of each token hash of every document, in
	// document order; wordsEnd[d-first] ends document d's. They let a
	// candidate that is no longer in memory be checked for a shared
	// passage before it is read from the store.
	words    []uint16
	wordsEnd []uint32
	// quoted holds a bit for each of those words, set when it starts
	// inside quotation marks, 64 to a word, each document's from a new
	// one; quotedEnd[d-first] ends document d's. A document indexed
	// without them has none.
	quoted    []uint64
	quotedEnd []uint32
	// noWords keeps no words, only where each document's would end in
	// words (wordsEnd), as for a Finder without a source, which reads
	// back no candidate and so never looks at them; nwords counts the
	// words filed, kept or not
	noWords bool
	nwords  int
}

// inline marks a fingerprint's only posting, held in the table in place
// of the offset of a block: the document number with this bit set, for
// a document below inline-1 (a later one has a block). It spares the
// block, eight bytes, and the lookup a read from another place in
// memory.
const inline = 1 << 31

// maxPassageBytes bounds Options.PassageBytes so that a block offset,
// counted in 4-byte postings, stays well below inline.
const maxPassageBytes = 1<<31 - 1

// isInline reports whether off, a block offset from the table, holds a
// document instead (see inline); noEntry does not.
func isInline(off uint32) bool { return off&inline != 0 && off != noEntry }

// maxCount is the most a fingerprint's count says (see head): what the
// lookup weighs a fingerprint by.
const maxCount = 255

// blockCap is the room of a block that holds c postings, c > 0: c
// rounded up to a power of two.
func blockCap(c uint32) uint32 {
	n := uint32(1)
	for n < c {
		n *= 2
	}
	return n
}

// add files the fingerprints and words of document d, nwords of them
// (words may be nil when the generation keeps none), with the bits of its
// quoted words.
func (p *postings) add(d uint32, fps []uint32, words []uint16, nwords int, quoted []uint64) {
	if p.articles == 0 {
		p.first = d
	}
	p.articles++
	if !p.noWords {
		p.words = append(p.words, words...)
	}
	p.nwords += nwords
	p.wordsEnd = append(p.wordsEnd, uint32(p.nwords))
	p.quoted = append(p.quoted, quoted...)
	p.quotedEnd = append(p.quotedEnd, uint32(len(p.quoted)))
	p.filed += len(fps)
	t := &p.table
	for _, h := range fps {
		i, found := t.find(h)
		if !found {
			if d < inline-1 {
				t.fill(i, h, inline|d)
				continue
			}
			off := p.alloc(0)
			p.blocks[off], p.blocks[off+1] = 1, d
			t.fill(i, h, off)
			continue
		}
		off := uint32(t.slots[i]) - 1
		if isInline(off) {
			// a second posting: the first moves to a block of its own,
			// which grows as any other
			first := off &^ inline
			off = p.alloc(0)
			p.blocks[off], p.blocks[off+1] = 1, first
			t.fill(i, h, off)
		}
		c := p.blocks[off]
		switch {
		case c >= p.keep:
			// a stock phrase: counted only
		case c < blockCap(c):
			p.blocks[off+1+c] = d
		default:
			// full: copied to a block twice the size, and freed
			k := bits.TrailingZeros32(c)
			n := p.alloc(k + 1)
			copy(p.blocks[n+1:], p.blocks[off+1:off+1+c])
			p.blocks[n+1+c] = d
			p.free(off, k)
			t.fill(i, h, n)
			off = n
		}
		p.blocks[off] = c + 1
	}
}

// alloc returns a block of room 1<<k: one freed before, else a new one
// at the end of the arena.
func (p *postings) alloc(k int) uint32 {
	if k < len(p.freed) && p.freed[k] != 0 {
		off := p.freed[k] - 1
		p.freed[k] = p.blocks[off]
		return off
	}
	off := len(p.blocks)
	p.blocks = slices.Grow(p.blocks, 1+1<<k)[:off+1+1<<k]
	return uint32(off)
}

// free files the block at off, of room 1<<k, for alloc to hand out
// again: a fingerprint's postings outgrow one block size after another,
// and the next fingerprint to outgrow its block takes the one left.
func (p *postings) free(off uint32, k int) {
	if k < len(p.freed) {
		p.blocks[off] = p.freed[k]
		p.freed[k] = off + 1
	}
}

// expect makes room for a document of keys fingerprints, words words
// and quoted words of quotation bits. Once the generation holds enough
// documents to show the rate at which it fills, a table or array that is
// full is sized at once for what it is projected to hold when the
// generation closes, at maxArticles documents or maxBytes of memory, but
// at most four times what it holds: growing the table by half re-files
// every key each time, and append grows large arrays by a quarter.
func (p *postings) expect(keys, words, quoted, maxArticles, maxBytes int) {
	t := &p.table
	if p.articles < 256 || (100*(t.n+keys) <= 85*len(t.slots) && len(p.blocks)+4*keys <= cap(p.blocks) &&
		(p.noWords || len(p.words)+words <= cap(p.words)) && len(p.quoted)+quoted <= cap(p.quoted) && len(p.wordsEnd) < cap(p.wordsEnd)) {
		return
	}
	f := float64(maxArticles) / float64(p.articles)
	if u := p.used(); u > 0 {
		f = min(f, float64(maxBytes)/float64(u))
	}
	f = max(1, min(f, 4))
	if 100*(t.n+keys) > 85*len(t.slots) {
		t.growTo(int(float64(t.n) * f))
	}
	p.blocks = reserve(p.blocks, 4*keys, f)
	if !p.noWords {
		p.words = reserve(p.words, words, f)
	}
	p.wordsEnd = reserve(p.wordsEnd, 1, f)
	p.quoted = reserve(p.quoted, quoted, f)
	p.quotedEnd = reserve(p.quotedEnd, 1, f)
}

// reserve returns s with room for n more elements; when it has none, it
// is copied to an array f times its length.
func reserve[T any](s []T, n int, f float64) []T {
	if len(s)+n <= cap(s) {
		return s
	}
	return slices.Grow(s, max(n, int(float64(len(s))*(f-1))))
}

// block returns the block filed under h (noEntry when none), read from
// the table.
func (p *postings) block(h uint32) uint32 {
	if p == nil {
		return noEntry
	}
	return p.table.head(h)
}

// count returns how many documents are filed under the block at off
// (noEntry for none), at most maxCount.
func (p *postings) count(off uint32) int {
	if off == noEntry {
		return 0
	}
	if isInline(off) {
		return 1
	}
	return int(min(p.blocks[off], maxCount))
}

// newest returns the n newest documents filed under the block at off,
// oldest first; n is at most its count and no more than it keeps. A
// document held inline is returned in a slice of its own (see only,
// which the lookup reads it with).
func (p *postings) newest(off uint32, n int) []uint32 {
	if d, ok := only(off); ok {
		return []uint32{d}[:min(n, 1)]
	}
	kept := min(p.blocks[off], p.keep)
	return p.blocks[off+1+kept-uint32(n) : off+1+kept]
}

// only returns the document held inline at off (see inline), ok set,
// when it holds one.
func only(off uint32) (d uint32, ok bool) {
	if isInline(off) {
		return off &^ inline, true
	}
	return 0, false
}

// newPostings opens a generation at stream time start, keeping up to
// maxPosting postings a fingerprint: the lookup walks no fingerprint
// filed under more (Options.MaxPosting); from maxCount on, it keeps them
// all, and the lookup walks the newest maxCount. like, when not nil, is
// the generation before it, whose size it reserves, so that the new one
// seldom grows. With noWords it keeps the number of each document's
// words and not the words.
func newPostings(start int64, like *postings, maxPosting int, noWords bool) *postings {
	p := &postings{start: start, keep: ^uint32(0), noWords: noWords}
	if maxPosting < maxCount {
		p.keep = uint32(max(maxPosting, 0))
	}
	if like != nil && like.articles > 0 {
		p.table.reserve(like.table.n)
		p.blocks = make([]uint32, 0, len(like.blocks))
		if !noWords {
			p.words = make([]uint16, 0, len(like.words))
		}
		p.wordsEnd = make([]uint32, 0, len(like.wordsEnd))
		p.quoted = make([]uint64, 0, len(like.quoted))
		p.quotedEnd = make([]uint32, 0, len(like.quotedEnd))
	}
	return p
}

// wordsOf returns the words of document d, nil when it has none here:
// none indexed with it, as a document Finder.Load restored from its
// sketch, whose words are unknown rather than empty (see screen).
// They are never written again, so the slice stays valid after the lock
// is released.
func (p *postings) wordsOf(d uint32) []uint16 {
	if p == nil || p.noWords || p.articles == 0 || d < p.first || d-p.first >= uint32(len(p.wordsEnd)) {
		return nil
	}
	i := d - p.first
	start := uint32(0)
	if i > 0 {
		start = p.wordsEnd[i-1]
	}
	if start == p.wordsEnd[i] {
		return nil
	}
	return p.words[start:p.wordsEnd[i]:p.wordsEnd[i]]
}

// quotedOf returns the bits of document d's quoted words, nil when it
// has none here. Like wordsOf's, the slice stays valid.
func (p *postings) quotedOf(d uint32) []uint64 {
	if p == nil || p.articles == 0 || d < p.first || d-p.first >= uint32(len(p.quotedEnd)) {
		return nil
	}
	i := d - p.first
	start := uint32(0)
	if i > 0 {
		start = p.quotedEnd[i-1]
	}
	if start == p.quotedEnd[i] {
		return nil
	}
	return p.quoted[start:p.quotedEnd[i]:p.quotedEnd[i]]
}

// used is the memory the generation's documents take, whatever was
// reserved: what its budget is weighed against. Words are weighed as two
// bytes each whether kept or not, so that a generation without them
// holds as many articles as one with them. The keys and postings are
// weighed as 13 and 8 bytes each, what the chains they were filed in
// took, whatever the blocks take now, so that a generation holds as many
// articles as it did.
func (p *postings) used() int {
	return 13*p.table.n + 8*p.filed + 2*p.nwords + 4*len(p.wordsEnd) + 8*len(p.quoted) + 4*len(p.quotedEnd)
}

// bytes is the generation's memory.
func (p *postings) bytes() int {
	return p.table.bytes() + 4*cap(p.blocks) + 2*cap(p.words) + 4*cap(p.wordsEnd) + 8*cap(p.quoted) + 4*cap(p.quotedEnd)
}

// shortWords reduces token hashes to 16 bits each, for the passage
// index; nil for a Finder without a source, whose index keeps none.
func (f *Finder) shortWords(hs []uint32) []uint16 {
	if f.src == nil {
		return nil
	}
	return shortWords(hs)
}

// shortWords reduces token hashes to 16 bits each.
func shortWords(hs []uint32) []uint16 {
	b := make([]uint16, len(hs))
	for i, h := range hs {
		b[i] = uint16(h >> 16)
	}
	return b
}
