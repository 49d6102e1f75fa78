package copies

import (
	"errors"
	"slices"

	"github.com/storyline-news/storyline"
)

func isNotFound(err error) bool { return errors.Is(err, storyline.ErrNotFound) }

// compare aligns two articles and classifies the pair; ok is false when
// they share nothing that counts as copying.
func (f *Finder) compare(x, y *entry) (storyline.Copy, bool) {
	as := f.aligners.Get().(*alignScratch)
	defer f.aligners.Put(as)
	return f.compareWith(&as.full, x, y)
}

// alignScratch is the aligners of one worker comparing an arrival with
// its candidates: one for each kind of alignment, so that each keeps the
// seed table of the text it aligns most, the arrival's; and the
// candidates left to compare after screening.
type alignScratch struct {
	share, local, full aligner
	heavy              []int32
	// cover measures candidates with Options.MinShare
	cover coverRuns
	// touched keeps the sum of what touchTargets read ahead
	touched uint32
}

// compareWith is compare aligning with al.
func (f *Finder) compareWith(al *aligner, x, y *entry) (storyline.Copy, bool) {
	strongOnly := f.strongOnly()
	if !strongOnly {
		f.complete(x)
		f.complete(y)
	}
	// x, the arrival, is aligned with every candidate, first or second
	arrival := x
	if x.id > y.id {
		x, y = y, x
	}
	if len(x.d.hs) == 0 || len(y.d.hs) == 0 {
		return storyline.Copy{}, false
	}
	c := storyline.Copy{A: x.id, B: y.id}
	if strongOnly {
		// A pair whose shingle sets are similar enough is a whole copy
		// whatever its passages: with MinShare it is reported without
		// aligning, by kind, similarity and direction, which is all a
		// clusterer reads of a whole copy; no passages, no shares.
		f.completeSet(x)
		f.completeSet(y)
		if sim, ok := jaccardReach(x.set, y.set, f.opts.NearThreshold); ok {
			c.Kind, c.Similarity = storyline.NearDuplicate, round3(sim)
			if sameText(x, y) {
				c.Kind, c.Similarity = storyline.Duplicate, 1
			}
			c.Direction = direction(x.published, y.published)
			return c, true
		}
	}
	prime(al, arrival.d.hs)
	var spans []span
	if n := len(x.d.hs); n >= f.opts.MinWords && slices.Equal(x.d.hs, y.d.hs) {
		// the same words: a duplicate, one span, without aligning
		al.out = append(al.out[:0], span{a0: 0, a1: n, b0: 0, b1: n, matched: n})
		spans = al.out
	} else {
		spans = alignWith(al, x.d.hs, y.d.hs, f.opts.MinWords)
	}
	if strongOnly {
		// The shingle sets are not similar enough: neither a strong
		// partial copy nor a near-duplicate is left when the spans
		// cannot cover the share (the passages are cut from them, so
		// they cover no more). The spans are first measured against
		// lengths that may fall short, before the quotation marks of
		// the entries are scanned, then against their lengths.
		share := min(f.opts.MinShare, f.opts.NearShare)
		if !spansMayReach(spans, x, y, share, x.length(), y.length()) {
			return storyline.Copy{}, false
		}
		f.complete(x)
		f.complete(y)
		if !spansMayReach(spans, x, y, share, int(x.d.runes), int(y.d.runes)) {
			return storyline.Copy{}, false
		}
	}
	// The passages are cut into al's memory and copied out only for a
	// pair that is a copy: most pairs aligned share quotations only.
	copying := false
	ps := al.passages[:0]
	for _, sp := range spans {
		al.pieces = splitQuotes(al.pieces[:0], sp, x, y, f.opts.MinWords)
		for _, s := range al.pieces {
			p := storyline.Passage{
				AStart: int(x.d.start(s.a0)), AEnd: int(x.d.end(s.a1 - 1)),
				BStart: int(y.d.start(s.b0)), BEnd: int(y.d.end(s.b1 - 1)),
			}
			if !strongOnly {
				// with MinShare the text is left out: its reader, the
				// clusterer, reads the offsets and Quote only
				p.Text = x.slice(p.AStart, p.AEnd)
			}
			p.Quote = f.quotation(s, x, y)
			if !p.Quote {
				copying = true
			}
			ps = append(ps, p)
		}
	}
	al.passages = ps
	// The similarity is wanted only when it reaches the threshold or the
	// pair is near by its shares: most pairs are told apart by the ratio
	// of the set sizes alone (Jaccard is at most that), or early in the
	// merge; exact duplicates are among the near ones. A pair that
	// shares quotations only is a copy only when the similarity reaches
	// the threshold, which with MinShare it is known not to: it is
	// dropped before its shares are measured.
	j := 0.0
	if !copying {
		if !strongOnly {
			if sim, ok := jaccardReach(x.set, y.set, f.opts.NearThreshold); ok {
				j = sim
			}
		}
		if j < f.opts.NearThreshold {
			clear(ps) // keep no texts alive
			return storyline.Copy{}, false
		}
	}
	if len(ps) > 0 {
		c.Passages = slices.Clone(ps)
		clear(ps)
	}
	slices.SortFunc(c.Passages, func(p, q storyline.Passage) int {
		if p.AStart != q.AStart {
			return p.AStart - q.AStart
		}
		return p.BStart - q.BStart
	})
	c.AShare = coverage(c.Passages, int(x.d.runes), func(p storyline.Passage) (int, int) { return p.AStart, p.AEnd })
	c.BShare = coverage(c.Passages, int(y.d.runes), func(p storyline.Passage) (int, int) { return p.BStart, p.BEnd })
	near := copying && min(c.AShare, c.BShare) >= f.opts.NearShare
	// (with MinShare the sets are known to be below the threshold)
	if near {
		j = sortedJaccard(x.set, y.set)
	} else if copying && !strongOnly {
		if sim, ok := jaccardReach(x.set, y.set, f.opts.NearThreshold); ok {
			j = sim
		}
	}
	switch {
	case j >= f.opts.NearThreshold && sameText(x, y):
		c.Kind, c.Similarity = storyline.Duplicate, 1
	case j >= f.opts.NearThreshold || near:
		c.Kind, c.Similarity = storyline.NearDuplicate, round3(j)
	case copying:
		c.Kind, c.Similarity = storyline.Partial, round3(max(c.AShare, c.BShare))
	default:
		return storyline.Copy{}, false
	}
	c.AShare, c.BShare = round3(c.AShare), round3(c.BShare)
	c.Direction = direction(x.published, y.published)
	if c.Passages == nil {
		c.Passages = []storyline.Passage{}
	}
	return c, true
}

// sameText reports whether x and y have the same normalized text: one
// text, found without hashing it, or texts of one hash.
func sameText(x, y *entry) bool {
	return x.d.text == y.d.text || x.textHash() == y.textHash()
}

// spansMayReach reports whether the passages cut from spans (shared by
// x and y, of nx and ny code points or more) may cover share of either
// text, shares rounded as reported: whether the spans, added up, cover
// that much of nx or ny, a little less for the rounding.
func spansMayReach(spans []span, x, y *entry, share float64, nx, ny int) bool {
	if nx <= 0 || ny <= 0 {
		return true
	}
	sa, sb := 0, 0
	for _, sp := range spans {
		sa += int(x.d.end(sp.a1-1) - x.d.start(sp.a0))
		sb += int(y.d.end(sp.b1-1) - y.d.start(sp.b0))
	}
	want := share - 0.001
	return float64(sa) >= want*float64(nx) || float64(sb) >= want*float64(ny)
}

// mayShare reports whether an arrival x (its tokens as arrival, their
// hashes cut to 16 bits) and a candidate, its words cut alike, share a
// passage that may be copying: every passage of the full texts is one of
// these too (unless a chance match of short hashes, one in 65,536 per
// word, sways the greedy aligner), so a candidate that fails need not be
// read from the store. With the bits of the candidate's quoted words, a
// passage that both quote, with less than a passage around the quotation
// on either side, is the same statement reported twice (see
// quoteWithAttribution), not copying. The texts are aligned in the order
// compare aligns them, since the greedy aligner is not quite symmetric.
func (f *Finder) mayShare(al *aligner, x *entry, arrival []uint16, arrivalFirst bool, words []uint16, quoted []uint64) bool {
	var spans []span
	prime(al, arrival)
	if arrivalFirst {
		spans = alignWith(al, arrival, words, f.opts.MinWords)
	} else {
		spans = alignWith(al, words, arrival, f.opts.MinWords)
	}
	if len(quoted) < (len(words)+63)/64 {
		return len(spans) > 0 // the candidate's quotation marks are not known
	}
	for _, s := range spans {
		i, j, k, l := s.a0, s.a1, s.b0, s.b1
		if !arrivalFirst {
			i, j, k, l = s.b0, s.b1, s.a0, s.a1
		}
		inA, inB := 0, 0
		for w := i; w < j; w++ {
			if x.wordQuoted(w) {
				inA++
			}
		}
		for w := k; w < l; w++ {
			if quoted[w/64]&(1<<(w%64)) != 0 {
				inB++
			}
		}
		minWords := f.opts.MinWords
		if 2*min(inA, inB) < minWords || j-i-inA >= minWords || l-k-inB >= minWords {
			return true
		}
	}
	return false
}

// quotation reports whether a piece of a shared span (from splitQuotes)
// is one statement quoted in both texts, which alone is not copying.
func (f *Finder) quotation(s span, x, y *entry) bool {
	a, b := &x.d, &y.d
	return x.quoted(int(a.start(s.a0)), int(a.end(s.a1-1))) && y.quoted(int(b.start(s.b0)), int(b.end(s.b1-1))) ||
		quoteWithAttribution(s, x, y, f.opts.MinWords)
}

// localWords is how far on either side of a shared fingerprint mayAlign
// looks for a passage, in words; maxLocal caps the windows it aligns, and
// four times as many the pairs of occurrences it looks at.
const (
	localWords = 2 * 12
	maxLocal   = 16
)

// mayAlign reports whether an arrival x and a candidate t are worth
// aligning whole. Most candidates share a stock phrase or a quotation and
// nothing more: aligning a few dozen words around each occurrence of
// each shared fingerprint tells them apart for a fraction of the cost of
// aligning the whole texts. A candidate is aligned whole when it is
// LSH-near and similar enough to be a near-duplicate, when a passage that
// is not a quotation shows around a shared fingerprint, when it shares
// too many fingerprints or they occur too often to look at each, or when
// a passage runs to the edge of the words looked at. A candidate that
// shares no fingerprint came from the LSH index and is aligned only if it
// is a near-duplicate: without a shared fingerprint no run of a dozen
// words is shared but in stock phrases. A passage made only of stock
// phrases (fingerprints too common to index) does not count: it would not
// have made the pair a candidate either.
//
// The occurrences looked at are those winnowing selected, which both
// entries keep: every shared run of a dozen words holds one selected in
// both texts (see winnowPos), so no passage is missed and neither text is
// scanned. A pair of occurrences inside words already looked at is not
// looked at again.
func (f *Finder) mayAlign(al *aligner, xp *Prepared, y *entry, t target) bool {
	x, c := xp.e, t.c
	if c.shared == 0 {
		// an LSH candidate that shares no fingerprint: a near-duplicate
		// or nothing
		return jaccardAtLeast(x.set, y.set, f.opts.NearThreshold)
	}
	if t.fps == nil || len(t.fps) < int(c.shared) {
		return true
	}
	if c.near && jaccardAtLeast(x.set, y.set, f.opts.NearThreshold) {
		return true
	}
	if len(x.d.hs) > maxFPos || len(y.d.hs) > maxFPos {
		return true // positions past maxFPos are not recorded
	}
	// the windows looked at so far, and found to share no passage but
	// quotations: a passage through an occurrence inside one of them
	// would have shown there
	var seen [maxLocal]window2
	ns := 0
	need := f.opts.MinWords - gramWords // how far a passage may reach past its n-gram
	looked := 0
	var ybuf [8]int
	ys := ybuf[:0]
	for _, k := range t.fps {
		ys = y.positions(ys[:0], xp.s.fps[k])
		if len(ys) == 0 {
			continue
		}
		for _, i32 := range xp.positions(k) {
			i := int(i32)
		pairs:
			for _, j := range ys {
				for _, w := range seen[:ns] {
					if w.holds(i, j, need, len(x.d.hs), len(y.d.hs)) {
						continue pairs
					}
				}
				if looked++; looked > 4*maxLocal || ns == maxLocal {
					return true
				}
				w, copied, aligned := f.local(al, x, y, i, j)
				if copied {
					return true
				}
				if aligned {
					seen[ns] = w
					ns++
				}
			}
		}
	}
	// no occurrence at all: y is not the text that was indexed (an
	// update read from the store), so nothing is known
	return looked == 0
}

// window2 is a pair of word ranges, [xa, xb) of one text and [ya, yb) of
// another.
type window2 struct{ xa, xb, ya, yb int }

// holds reports whether the windows hold every passage through n-grams at
// i and j that reaches at most reach words past them, in texts of nx and
// ny words.
func (w window2) holds(i, j, reach, nx, ny int) bool {
	return w.xa <= max(0, i-reach) && min(nx, i+gramWords+reach) <= w.xb &&
		w.ya <= max(0, j-reach) && min(ny, j+gramWords+reach) <= w.yb
}

// local looks for a passage through the n-gram shared at position i of
// x and j of y. copied reports a shared passage that is not a quotation,
// or one that may run on past the words looked at. When the words on
// either side do not settle it, local aligns the windows around the
// n-gram and returns them, with aligned set.
func (f *Finder) local(al *aligner, x, y *entry, i, j int) (w window2, copied, aligned bool) {
	switch f.diagonal(x, y, i, j) {
	case noPassage:
		return w, false, false
	case passage:
		return w, true, false
	}
	w = window2{
		xa: max(0, i-localWords), xb: min(len(x.d.hs), i+gramWords+localWords),
		ya: max(0, j-localWords), yb: min(len(y.d.hs), j+gramWords+localWords),
	}
	p, q := x, y
	pa, pb, qa, qb := w.xa, w.xb, w.ya, w.yb
	if x.id > y.id {
		p, q = y, x
		pa, pb, qa, qb = w.ya, w.yb, w.xa, w.xb
	}
	for _, sp := range alignWith(al, p.d.hs[pa:pb], q.d.hs[qa:qb], f.opts.MinWords) {
		sp.a0, sp.a1, sp.b0, sp.b1 = sp.a0+pa, sp.a1+pa, sp.b0+qa, sp.b1+qa
		if sp.a0 == pa && pa > 0 || sp.a1 == pb && pb < len(p.d.hs) ||
			sp.b0 == qa && qa > 0 || sp.b1 == qb && qb < len(q.d.hs) {
			return w, true, true
		}
		al.pieces = splitQuotes(al.pieces[:0], sp, p, q, f.opts.MinWords)
		for _, s := range al.pieces {
			if !f.quotation(s, p, q) {
				return w, true, true
			}
		}
	}
	return w, false, true
}

// What the words around a shared n-gram tell without aligning them.
const (
	unknown   = iota
	noPassage // no passage runs through the n-gram
	passage   // a passage outside quotation marks runs through it
)

// diagonal looks at the words on either side of an n-gram shared at i in
// x and j in y, on the same diagonal. When the run of equal words through
// it is shorter than a passage and no run of seedWords resumes within
// maxGap words on either side, align cannot make a passage through it:
// noPassage. When the run alone is a passage, with no quotation mark in
// either text, it is one: passage. Anything else is left to align.
func (f *Finder) diagonal(x, y *entry, i, j int) int {
	a, b := x.d.hs, y.d.hs
	if i+gramWords > len(a) || j+gramWords > len(b) {
		return unknown
	}
	for k := range gramWords {
		if a[i+k] != b[j+k] {
			return noPassage // the n-gram hashes collided
		}
	}
	a0, b0 := i, j
	for a0 > 0 && b0 > 0 && a[a0-1] == b[b0-1] {
		a0, b0 = a0-1, b0-1
	}
	a1, b1 := i+gramWords, j+gramWords
	for a1 < len(a) && b1 < len(b) && a[a1] == b[b1] {
		a1, b1 = a1+1, b1+1
	}
	if a1-a0 >= f.opts.MinWords {
		if !x.anyQuote(int(x.d.start(a0)), int(x.d.end(a1-1))) || !y.anyQuote(int(y.d.start(b0)), int(y.d.end(b1-1))) {
			return passage
		}
		return unknown
	}
	if seedNear(a, b, a0, a1, b0, b1) {
		return unknown
	}
	return noPassage
}

// seedNear reports whether a run of seedWords equal words starts within
// maxGap words after the run of equal words a[a0:a1], b[b0:b1], or ends
// within maxGap before it: the aligner would join it to the run.
func seedNear[T word](a, b []T, a0, a1, b0, b1 int) bool {
	for ga := 0; ga <= maxGap; ga++ {
		for gb := 0; gb <= maxGap; gb++ {
			if equalRun(a, b, a1+ga, b1+gb, seedWords) || equalRun(a, b, a0-ga-seedWords, b0-gb-seedWords, seedWords) {
				return true
			}
		}
	}
	return false
}

// mayPassShort is mayAlign for a candidate known only by its short words
// (see shortWords), before it is read back: it reports whether a passage
// may run through an n-gram the two texts share at a fingerprint they
// share. It is false only when the words around every occurrence of
// every shared fingerprint show no passage, as diagonal does: short words
// that are equal where the full ones differ only lengthen the runs, so
// mayAlign would find none in the texts read back either (but for a
// chance match of short words, one in 65,536 a word, that parts a run
// the full words join). Candidates that share no fingerprint, or too many
// to list, or occur too often, are left to the other tests.
func (f *Finder) mayPassShort(xp *Prepared, arrival []uint16, t *target) bool {
	words := t.words
	if t.c.shared == 0 || t.fps == nil || len(t.fps) < int(t.c.shared) ||
		len(arrival) > maxFPos || len(words) > maxFPos {
		return true
	}
	looked := 0
	for _, k := range t.fps {
		for _, i32 := range xp.positions(k) {
			i := int(i32)
			if i+gramWords > len(arrival) {
				return true
			}
			g := arrival[i : i+gramWords]
			for j := 0; j+gramWords <= len(words); j++ {
				if words[j] != g[0] || !equalRun(words, g, j, 0, gramWords) {
					continue
				}
				if looked++; looked > 4*maxLocal {
					return true
				}
				a0, b0 := i, j
				for a0 > 0 && b0 > 0 && arrival[a0-1] == words[b0-1] {
					a0, b0 = a0-1, b0-1
				}
				a1, b1 := i+gramWords, j+gramWords
				for a1 < len(arrival) && b1 < len(words) && arrival[a1] == words[b1] {
					a1, b1 = a1+1, b1+1
				}
				if a1-a0 >= f.opts.MinWords || seedNear(arrival, words, a0, a1, b0, b1) {
					return true
				}
			}
		}
	}
	// no occurrence at all: the words are not of the text indexed
	return looked == 0
}

// equalRun reports whether the n words from i in a equal those from j in b.
func equalRun[T word](a, b []T, i, j, n int) bool {
	if i < 0 || j < 0 || i+n > len(a) || j+n > len(b) {
		return false
	}
	for k := range n {
		if a[i+k] != b[j+k] {
			return false
		}
	}
	return true
}

// direction orders a pair by publication; unknown when not ordered.
func direction(a, b storyline.Published) storyline.Direction {
	switch {
	case a.Before(b):
		return storyline.AToB
	case b.Before(a):
		return storyline.BToA
	}
	return storyline.UnknownDirection
}

// coverage is the fraction of n code points covered by the union of the
// passages' spans on one side.
func coverage(ps []storyline.Passage, n int, side func(storyline.Passage) (int, int)) float64 {
	if n == 0 || len(ps) == 0 {
		return 0
	}
	type iv struct{ s, e int }
	ivs := make([]iv, len(ps))
	for i, p := range ps {
		ivs[i].s, ivs[i].e = side(p)
	}
	slices.SortFunc(ivs, func(a, b iv) int { return a.s - b.s })
	covered, end := 0, -1
	for _, v := range ivs {
		if v.s > end {
			covered += v.e - v.s
			end = v.e
		} else if v.e > end {
			covered += v.e - end
			end = v.e
		}
	}
	return float64(covered) / float64(n)
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// splitQuotes cuts a span where it passes between text quoted in both
// articles and text that is not, so that a shared quotation and the
// narrative copied around it are reported apart. Pieces shorter than
// minWords stay with the piece before them. The pieces are appended to
// out.
func splitQuotes(out []span, s span, x, y *entry, minWords int) []span {
	state := func(i int) bool {
		j := s.b0 + (i - s.a0)
		if j >= s.b1 {
			j = s.b1 - 1
		}
		return x.wordQuoted(i) && y.wordQuoted(j)
	}
	first := len(out)
	cur := span{a0: s.a0, b0: s.b0}
	curState := state(s.a0)
	for i := s.a0 + 1; i <= s.a1; i++ {
		if i < s.a1 && state(i) == curState {
			continue
		}
		j := min(s.b0+(i-s.a0), s.b1)
		if i == s.a1 {
			j = s.b1
		}
		cur.a1, cur.b1 = i, j
		if n := len(out); n > first && (cur.a1-cur.a0 < minWords || out[n-1].a1-out[n-1].a0 < minWords) {
			out[n-1].a1, out[n-1].b1 = cur.a1, cur.b1
		} else {
			out = append(out, cur)
		}
		if i < s.a1 {
			cur = span{a0: i, b0: j}
			curState = state(i)
		}
	}
	return out
}

// quoteWithAttribution reports whether a shared span is a quotation with
// a few shared words around it ("…," the mayor said): the words quoted in
// both texts are at least half a minimum passage, and the words outside
// the quotation, in either text, are fewer than a minimum passage. Such a
// span is the same statement reported twice; the shared words outside it
// are too few to be copying on their own.
func quoteWithAttribution(s span, x, y *entry, minWords int) bool {
	var inA, outA, inB, outB int
	for i := s.a0; i < s.a1; i++ {
		if x.wordQuoted(i) {
			inA++
		} else {
			outA++
		}
	}
	for j := s.b0; j < s.b1; j++ {
		if y.wordQuoted(j) {
			inB++
		} else {
			outB++
		}
	}
	return 2*min(inA, inB) >= minWords && outA < minWords && outB < minWords
}
