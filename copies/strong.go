package copies

import (
	"slices"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Strong copies only (Options.MinShare). A clusterer reads the copies
// that are evidence of one event: whole copies, and passages covering a
// fair share of one article. The Finder indexes and looks up the same
// fingerprints as without MinShare (the LSH band keys come from one hash
// a shingle, see onePermKeys), but keeps a candidate only when it shares
// enough fingerprints for such a share (shareTest.enough), and aligns it only
// when the runs of equal words through the n-grams they share, gaps
// bridged as the aligner bridges them, cover enough of either text
// (mayCopyStrong). What only aligning needs (the sorted shingle set, the
// quotation marks, the length in code points) is prepared for an article
// when it is first aligned (complete).
const (
	// coverSlack is how far below MinShare the share the runs cover may
	// be for a pair to be aligned: the runs miss the passages through
	// n-grams neither index nor lookup holds, and may end short of a
	// passage's edges.
	coverSlack = 0.8
	// shortSlack is coverSlack for a candidate no longer in memory,
	// measured on its short words, in words: it is read back only when
	// the runs cover the share itself, of either text's words.
	shortSlack = 1.0
	// minLSHBands is how many LSH bands must find a candidate that shares
	// no fingerprint for it to be looked at: a near-duplicate (Jaccard
	// similarity 0.7 or more) meets in two of the thirteen 96 times in
	// 100, and it seldom shares none.
	minLSHBands = 2
	// fpWords is the most words a shared passage can hold per
	// fingerprint it shares (see shareTest.enough): a passage of n words
	// holds (n-gramWords+1)/window whole windows of n-grams, each of
	// which selects one, so at least one for 19 words from 12.
	fpWords = 19
	// unwalkedGate is the share of what is wanted that the runs through
	// the fingerprints a candidate shares must cover for the runs
	// through those the lookup did not walk to be measured too.
	unwalkedGate = 0.25
	// maxUnwalked caps the fingerprints the lookup did not walk that
	// are measured (see coverRuns.fps).
	maxUnwalked = 32
	// maxCoverPairs caps the runs mayCopyStrong collects; past it a pair
	// is aligned.
	maxCoverPairs = 256
)

// strongOnly reports whether the Finder reports strong copies only.
func (f *Finder) strongOnly() bool { return f.opts.MinShare > 0 }

// strong reports whether a copy compare found is one the Finder reports:
// every copy, or with MinShare set, a whole copy or passages that are
// not all quotations covering at least MinShare of one article (shares
// rounded as reported).
func (f *Finder) strong(c storyline.Copy) bool {
	if !f.strongOnly() || c.Kind != storyline.Partial {
		return true
	}
	quotes := len(c.Passages) > 0
	for _, p := range c.Passages {
		quotes = quotes && p.Quote
	}
	return !quotes && max(c.AShare, c.BShare) >= f.opts.MinShare
}

// prepareLean is Prepare with MinShare set: the words and fingerprints
// with their positions as Prepare computes them, band keys by
// one-permutation hashing (by MinHash for a text too short to fill its
// bins), the shingle set kept unsorted and the quotation marks left for
// complete.
func (f *Finder) prepareLean(a *storyline.Article, sc *scratch, toks []textproc.Token, given bool) *Prepared {
	e := buildLean(a, sc, toks, given)
	p := &Prepared{e: e}
	fps, at, pos := fingerprintPositions(sc)
	p.s = sketch{id: a.ID, fps: fps, words: f.shortWords(e.d.hs), nwords: len(e.d.hs), at: unixOf(a.Published)}
	if len(sc.sh) < 2*numHashes {
		// too few shingles to fill the bins: MinHashed as without
		// MinShare, which costs little for so few
		p.s.keys, p.s.hasSh = f.params.bandKeys(sc.sh)
	} else {
		p.s.keys, p.s.hasSh = onePermKeys(sc.sh)
	}
	p.at, p.pos = at, pos
	return p
}

// buildLean is buildEntry for prepareLean. It leaves in sc the shingle
// hashes (sh), the n-gram hashes (grams) and the positions winnowing
// selected (pos).
func buildLean(a *storyline.Article, sc *scratch, toks []textproc.Token, given bool) *entry {
	text := a.Text
	tt := sc.hashWords(text, toks, given)
	wide, hs := sc.wide, sc.hs
	n := len(tt)
	sc.sh = shingles(sc.sh[:0], wide)
	sc.selectFingerprints()
	fpos := sc.fpos
	ns := len(sc.sh)
	arena := make([]uint32, 2*n+ns+len(fpos))
	eh := arena[:n:n]
	copy(eh, hs)
	starts := arena[n : 2*n : 2*n]
	set := arena[2*n : 2*n+ns : 2*n+ns]
	for i, h := range sc.sh {
		set[i] = uint32(h >> 32)
	}
	ef := arena[2*n+ns:]
	copy(ef, fpos)
	e := &entry{id: a.ID, published: a.Published, d: doc{text: text, hs: eh, starts: starts}, set: set, fpos: ef, lean: true,
		leanBytes: leanSize(text, n, ns)}
	e.d.setTokens(tt)
	if !given {
		clear(tt) // drop the terms
	}
	return e
}

// The parts of a lean entry completed (entry.done).
const (
	setDone    = 1 << iota // the shingle set sorted
	quotesDone             // the quotation marks and the length known
)

// complete makes a lean entry e (see buildLean) ready to be aligned: its
// shingle set sorted and without repeats, its quotation marks and length
// in code points. It is safe to call concurrently; an entry built whole
// is complete already.
func (f *Finder) complete(e *entry) {
	f.completeSet(e)
	f.completeQuotes(e)
}

// completeSet sorts the shingle set of a lean entry e, for a Jaccard
// similarity, once. It is safe to call concurrently.
func (f *Finder) completeSet(e *entry) {
	if !e.lean || e.done.Load()&setDone != 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.done.Load()&setDone != 0 {
		return
	}
	sc := f.scratch.Get().(*scratch)
	sc.sortBuf = bucketSort(e.set, sc.sortBuf)
	f.scratch.Put(sc)
	e.set = slices.Compact(e.set)
	e.done.Or(setDone)
}

// completeQuotes finds the quotation marks of a lean entry e and its
// length in code points, once. It is safe to call concurrently.
func (f *Finder) completeQuotes(e *entry) {
	if !e.lean || e.done.Load()&quotesDone != 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.done.Load()&quotesDone != 0 {
		return
	}
	q := scanQuotes(e.d.text, nil, nil)
	if len(e.d.text) == q.runes {
		q.marks = nil // code points are bytes
	}
	e.q, e.d.runes = q, int32(q.runes)
	e.qwords = q.wordBits(e.d.starts)
	e.done.Or(quotesDone)
}

// length returns the length of e in code points when it is known, else
// where its last word ends, which is no more: what a share of e is at
// least measured against.
func (e *entry) length() int {
	if !e.lean || e.done.Load()&quotesDone != 0 {
		return int(e.d.runes)
	}
	return int(e.d.last)
}

// leanSize is what size counts for a lean entry of n words and ns
// shingles, besides its words and fingerprints: as much as for the entry
// completed, estimated when it is built (and kept in entry.leanBytes),
// so that it does not change when the entry is completed.
func leanSize(text string, n, ns int) int {
	return 4*ns + 8*((n+63)/64) + 4*(len(text)/64+1) + 16
}

// screenStrong is screen with MinShare set: it reports whether candidate
// t of the arrival xp is to be read back or aligned whole. A candidate
// no longer in memory is measured on its short words (see mayCopyShort)
// before it is read back.
func (f *Finder) screenStrong(cr *coverRuns, xp *Prepared, t *target, unwalked []int32) bool {
	if t.e != nil {
		return f.mayCopyStrong(cr, xp, t.e, *t, unwalked)
	}
	if f.src == nil {
		return false // it cannot be read back (see fetch)
	}
	if t.c.shared == 0 {
		return t.c.bands >= minLSHBands
	}
	if t.words == nil || t.c.bands >= strongBands || t.fps == nil || len(t.fps) < int(t.c.shared) ||
		len(xp.s.words) > maxFPos || len(t.words) > maxFPos {
		return true
	}
	a, b := xp.s.words, t.words
	cr.reset(f.opts.MinShare*shortSlack, len(a), len(b))
	// the first n-gram is looked for by a scan of b, the next ones
	// through an index of its words
	looked := 0
	for k := range cr.fps(t.fps, unwalked) {
		for _, i32 := range xp.positions(k) {
			i := int(i32)
			if i+gramWords > len(a) {
				return true
			}
			if cr.covered(i) {
				continue
			}
			g := a[i : i+gramWords]
			if looked++; looked == 1 {
				for j := 0; j+gramWords <= len(b); j++ {
					if b[j] == g[0] && equalRun(b, g, j, 0, gramWords) && cr.add(extendRun(a, b, i, j).inWords()) {
						return true
					}
				}
				continue
			}
			if looked == 2 {
				cr.words.index(b)
			}
			for _, j32 := range cr.words.at(g[0]) {
				j := int(j32)
				if j+gramWords <= len(b) && b[j] == g[0] && equalRun(b, g, j, 0, gramWords) && cr.add(extendRun(a, b, i, j).inWords()) {
					return true
				}
			}
		}
	}
	return cr.covers()
}

// touchMax is how many of the fingerprints a candidate shares
// touchTargets reads ahead.
const touchMax = 4

// touchTargets reads ahead what screening (mayAlign, or mayCopyStrong
// with MinShare) reads first of each candidate in memory, and returns
// the sum of what it read, so that the reads are not optimized away:
// where the first fingerprints it shares with the arrival xp are filed,
// then the words at the first such position. The candidates were last
// read long ago; read one at a time, as screening reads them, each read
// waits for memory, and read side by side they overlap.
func touchTargets(targets []target, xp *Prepared) (sum uint32) {
	for i := range targets {
		t := &targets[i]
		if y := t.e; y != nil && len(y.fpos) > 0 {
			for _, k := range t.fps[:min(len(t.fps), touchMax)] {
				key := xp.s.fps[k] >> 16 << 16
				sum += y.fpos[winnowedAt(key, len(y.fpos))]
			}
		}
	}
	var buf [8]int
	for i := range targets {
		t := &targets[i]
		if y := t.e; y != nil && len(t.fps) > 0 {
			for _, j := range y.positions(buf[:0], xp.s.fps[t.fps[0]]) {
				if j < len(y.d.hs) {
					sum += y.d.hs[j] + y.d.starts[j] + uint32(y.d.lens[j])
				}
				break
			}
		}
	}
	return sum
}

// mayCopyStrong reports whether an arrival xp and a candidate y may form
// a copy the Finder reports with MinShare set, and so are to be aligned
// whole. A candidate only the LSH index found is a near-duplicate or
// nothing, as in mayAlign; one that many bands found, or that shares too
// many fingerprints to list, is aligned. Otherwise the runs of equal
// words through the n-grams at every shared fingerprint are measured: a
// pair is aligned when they cover enough of either text to make a share
// of MinShare likely.
func (f *Finder) mayCopyStrong(cr *coverRuns, xp *Prepared, y *entry, t target, unwalked []int32) bool {
	x := xp.e
	if t.c.shared == 0 {
		if t.c.bands < minLSHBands {
			return false
		}
		f.completeSet(x)
		f.completeSet(y)
		return jaccardAtLeast(x.set, y.set, f.opts.NearThreshold)
	}
	if t.c.bands >= strongBands || t.fps == nil || len(t.fps) < int(t.c.shared) {
		return true
	}
	a, b := x.d.hs, y.d.hs
	if len(a) > maxFPos || len(b) > maxFPos || len(a) == 0 || len(b) == 0 {
		return true
	}
	cr.reset(f.opts.MinShare*coverSlack, int(x.d.last), int(y.d.last))
	var ybuf [8]int
	ys := ybuf[:0]
	for k := range cr.fps(t.fps, unwalked) {
		xs := xp.positions(k)
		if cr.coveredAll(xs) {
			continue
		}
		ys = y.positions(ys[:0], xp.s.fps[k])
		for _, i32 := range xs {
			i := int(i32)
			if cr.covered(i) {
				continue
			}
			for _, j := range ys {
				if !equalRun(a, b, i, j, gramWords) {
					continue
				}
				if cr.add(extendRun(a, b, i, j).inCodePoints(&x.d, &y.d)) {
					return true
				}
			}
		}
	}
	if len(cr.runs) == 0 && cr.looked == 0 && len(ys) == 0 {
		// no occurrence at all: y is not the text that was indexed (an
		// update read from the store), so nothing is known
		return true
	}
	return cr.covers()
}

// shareTest tells the candidates that share enough fingerprints with
// an arrival of words words for a share of MinShare of the shorter of
// the two (see enough), from the numbers of words the passage index
// holds, which it reads without a call for each candidate: a lookup
// tests a few hundred.
type shareTest struct {
	// the ends of the documents' words in the current generation of the
	// passage index and in the one before (nil when there is none),
	// from their first documents on
	curEnd, prevEnd     []uint32
	curFirst, prevFirst uint32
	// most[k] is the most words a candidate sharing k fingerprints may
	// have to share enough (0 for none); one that shares len(most) or
	// more shares enough whatever its number of words (see enough)
	most []uint32
}

// shareTest returns the test for the arrival looked up last, its
// bounds in buf. f.mu is held, and the test is used under it.
func (f *Finder) shareTest(buf []uint32) shareTest {
	t := shareTest{curEnd: f.cur.wordsEnd, curFirst: f.cur.first, most: shareBounds(buf, f.look.words, f.opts.MinShare*coverSlack)}
	if len(t.curEnd) == 0 {
		t.curFirst = noEntry // a generation just opened holds nothing yet
	}
	if f.prev != nil {
		t.prevEnd, t.prevFirst = f.prev.wordsEnd, f.prev.first
	}
	return t
}

// shareBounds returns in buf the bounds of enough for an arrival of words
// words and a share need of the shorter text, in the units of
// fingerprints shared (see enough): a candidate that shares k
// fingerprints has s = 19k words of passages at most, which is enough
// for any candidate when s >= need*words, and else for one of nb words,
// fewer than the arrival's, when s >= need*nb. Both are the same
// products as the tests they stand for, so the bounds decide exactly as
// those would.
func shareBounds(buf []uint32, words int, need float64) []uint32 {
	all := need * float64(words)
	most := buf[:0]
	for k := 0; float64(k)*fpWords < all; k++ {
		s := float64(k) * fpWords
		// the most words nb < words with s >= need*nb: the quotient,
		// then moved to where the products say
		nb := words - 1
		if q := s / need; q < float64(nb) {
			nb = int(q)
		}
		for nb > 0 && s < need*float64(nb) {
			nb--
		}
		for nb+1 < words && s >= need*float64(nb+1) {
			nb++
		}
		most = append(most, uint32(max(nb, 0)))
	}
	return most
}

// enough reports whether candidate c shares enough fingerprints with
// the arrival for a share of MinShare of the shorter of the two: a
// passage of n words holds at least one fingerprint for every 19 of its
// words, in both texts (every window of n-grams in it selects one, see
// winnowPos), so covering a share s of w words takes s*w/19 of them (with
// coverSlack for the passages that bridge a few unequal words and for
// shares counted in code points). A candidate the passage index no longer
// has words for is kept.
func (t *shareTest) enough(c *candidate) bool {
	// sharing len(most) or more is enough for the shorter, whichever it
	// is; else the candidate can share enough only as the shorter of the
	// two, or when its words are unknown (0, never more than the bound)
	return int(c.shared) >= len(t.most) || t.wordsOf(c.doc) <= t.most[c.shared]
}

// wordsOf returns the number of words of document d in the generation of
// the passage index that holds it, 0 when neither does. The current
// generation holds the documents from its first on, the one before those
// before them.
func (t *shareTest) wordsOf(d uint32) uint32 {
	ends, i := t.curEnd, d-t.curFirst
	if d < t.curFirst {
		ends, i = t.prevEnd, d-t.prevFirst
	}
	if i >= uint32(len(ends)) {
		return 0
	}
	if i == 0 {
		return ends[0]
	}
	return ends[i] - ends[i-1]
}
