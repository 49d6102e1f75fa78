package copies

import "slices"

// postings is one generation of the passage index: the documents filed
// under each winnowing fingerprint, newest first, chained through the
// entries' next (kept beside the document, one cache line a step). The Finder keeps two generations and
// drops the older one whole when the newer fills up, so the index holds a
// bounded window of recent articles without any per-entry bookkeeping.
type postings struct {
	table   chainTable
	entries []postingEntry
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
}

// postingEntry is one document filed under a fingerprint and the entry
// filed before it under the same one.
type postingEntry struct{ next, doc uint32 }

// add files the fingerprints and words of document d, with the bits of
// its quoted words.
func (p *postings) add(d uint32, fps []uint32, words []uint16, quoted []uint64) {
	if p.articles == 0 {
		p.first = d
	}
	p.articles++
	p.words = append(p.words, words...)
	p.wordsEnd = append(p.wordsEnd, uint32(len(p.words)))
	p.quoted = append(p.quoted, quoted...)
	p.quotedEnd = append(p.quotedEnd, uint32(len(p.quoted)))
	for _, h := range fps {
		e := uint32(len(p.entries))
		p.entries = append(p.entries, postingEntry{next: p.table.push(h, e), doc: d})
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
	if p.articles < 256 || (100*(t.n+keys) <= 85*len(t.slots) && len(p.entries)+keys <= cap(p.entries) &&
		len(p.words)+words <= cap(p.words) && len(p.quoted)+quoted <= cap(p.quoted) && len(p.wordsEnd) < cap(p.wordsEnd)) {
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
	p.entries = reserve(p.entries, keys, f)
	p.words = reserve(p.words, words, f)
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

// head returns the newest entry filed under h (noEntry when none) and how
// many documents are filed under it, at most 255.
func (p *postings) head(h uint32) (uint32, int) {
	if p == nil {
		return noEntry, 0
	}
	return p.table.headCount(h)
}

// newPostings opens a generation at stream time start; like, when not
// nil, is the generation before it, whose size it reserves, so that the
// new one seldom grows.
func newPostings(start int64, like *postings) *postings {
	p := &postings{table: chainTable{counted: true}, start: start}
	if like != nil && like.articles > 0 {
		p.table.reserve(like.table.n)
		p.entries = make([]postingEntry, 0, len(like.entries))
		p.words = make([]uint16, 0, len(like.words))
		p.wordsEnd = make([]uint32, 0, len(like.wordsEnd))
		p.quoted = make([]uint64, 0, len(like.quoted))
		p.quotedEnd = make([]uint32, 0, len(like.quotedEnd))
	}
	return p
}

// wordsOf returns the words of document d, nil when it has none here.
// They are never written again, so the slice stays valid after the lock
// is released.
func (p *postings) wordsOf(d uint32) []uint16 {
	if p == nil || p.articles == 0 || d < p.first || d-p.first >= uint32(len(p.wordsEnd)) {
		return nil
	}
	i := d - p.first
	start := uint32(0)
	if i > 0 {
		start = p.wordsEnd[i-1]
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
// reserved: what its budget is weighed against.
func (p *postings) used() int {
	return p.table.used() + 8*len(p.entries) + 2*len(p.words) + 4*len(p.wordsEnd) + 8*len(p.quoted) + 4*len(p.quotedEnd)
}

// bytes is the generation's memory.
func (p *postings) bytes() int {
	return p.table.bytes() + 8*cap(p.entries) + 2*cap(p.words) + 4*cap(p.wordsEnd) + 8*cap(p.quoted) + 4*cap(p.quotedEnd)
}

// shortWords reduces token hashes to 16 bits each.
func shortWords(hs []uint32) []uint16 {
	b := make([]uint16, len(hs))
	for i, h := range hs {
		b[i] = uint16(h >> 16)
	}
	return b
}
