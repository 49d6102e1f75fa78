package quotes

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/zeebo/xxh3"

	storyline "github.com/storyline-news/storyline"
)

// GrouperOptions tune statement matching.
type GrouperOptions struct {
	// MinShared is the fewest content stems two wordings must share.
	MinShared int
	// MinContainment is the least share of the shorter wording's stems
	// that the longer one must contain.
	MinContainment float64
	// MaxPostings caps each (speaker, stem) posting list to its most recent
	// statements, so that matching a quote costs the same however large
	// the store grows.
	MaxPostings int
	// MaxStatements bounds the statements kept in memory for matching;
	// the one matched least recently is forgotten first, and deleted from
	// the stored state.
	MaxStatements int
}

// DefaultGrouperOptions are the options NewGrouper uses for zero fields.
var DefaultGrouperOptions = GrouperOptions{MinShared: 3, MinContainment: 0.6, MaxPostings: 64, MaxStatements: 100_000}

// maxWordings bounds the wordings a statement keeps for matching.
const maxWordings = 16

// slot holds one statement the grouper remembers for matching.
type slot struct {
	st    *statement // nil when the slot is free
	spk   uint64     // hash of st.speaker
	words [][]uint64 // each wording's stem hashes, sorted
	// prev and next link the slots from the most recently matched (head)
	// to the least (tail); -1 ends the list.
	prev, next int32
}

// Grouper gives each quote the id of the statement it renders. Statements
// are matched by speaker and by the content-word stems their wordings
// share, through an inverted index keyed by speaker and stem: a reworded
// quote ("unwillingness to recognise red lines" beside "unpreparedness to
// recognize red lines") joins the statement when it shares enough stems.
// It also learns full speaker names, so that "Putin" alone resolves to
// "Vladimir Putin" once the full name has been seen.
//
// Matching a quote costs at most MaxPostings candidates per content stem
// however long the stream, and memory stays bounded: past MaxStatements
// the statement matched least recently is forgotten. Prepare moves the
// stemming out of the ordered part.
type Grouper struct {
	opts  GrouperOptions
	stem  stemmer
	words wordingMemo // what prepare made of texts seen lately

	prepMu sync.Mutex
	prep   map[*storyline.Quote][]prepared // by the first quote of what Prepare got

	mu         sync.Mutex
	slots      []slot
	free       []int32
	head, tail int32
	// ids holds, by idKey of their ids, the statements remembered and
	// the forgotten ones whose records or tombstone are still stored: one
	// statement per id, which a statement of that id made anew takes up
	// again, so that it carries what is stored of its id.
	ids        map[uint64]*statement
	remembered int // statements in slots
	// post maps postingKey(speaker, stem) to postings, the slots of the
	// statements posted under it, oldest first. A forgotten statement's
	// postings are removed with it, so that the index holds the
	// statements remembered and no more.
	post       postIndex
	names      map[string]string // surname → full name, "" when ambiguous
	dirtyNames map[string]bool
	// dirty lists the statements created or changed since Pending, those
	// whose dirty flag is still set (a forgotten one's is cleared).
	dirty  []*statement
	seq    uint64
	blocks // where statements are stored; see persist.go
	// per slot: the quote's stems it is posted under, counted where their
	// stamp is the current match's gen, and its shortest wording's length
	hits    []hitCount
	gen     uint32
	touched []int32
}

// NewGrouper returns an empty grouper; zero option fields take defaults.
func NewGrouper(opts GrouperOptions) *Grouper {
	if opts.MinShared <= 0 {
		opts.MinShared = DefaultGrouperOptions.MinShared
	}
	if opts.MinContainment <= 0 {
		opts.MinContainment = DefaultGrouperOptions.MinContainment
	}
	if opts.MaxPostings <= 0 {
		opts.MaxPostings = DefaultGrouperOptions.MaxPostings
	}
	if opts.MaxStatements <= 0 {
		opts.MaxStatements = DefaultGrouperOptions.MaxStatements
	}
	return &Grouper{opts: opts, head: -1, tail: -1, ids: map[uint64]*statement{},
		names: map[string]string{}, dirtyNames: map[string]bool{}}
}

// hitCount counts, for one slot, the stems of the quote being matched it
// is posted under, valid when stamp is the match's gen; the two sit side
// by side, so that counting a posting reads one cache line. Beside them
// is the stem count of the slot's shortest wording (at most 65,535), the
// one most likely to share enough: a slot whose count of hits it cannot
// take is skipped without a look at the slot.
type hitCount struct {
	stamp  uint32
	hits   uint16
	minLen uint16
}

// shortest returns the stems of the shortest of words, at most 65,535.
func shortest(words [][]uint64) uint16 {
	n := 1<<16 - 1
	for _, w := range words {
		n = min(n, len(w))
	}
	return uint16(n)
}

// markDirty notes that st is to be written by the next Pending.
func (g *Grouper) markDirty(st *statement) {
	if !st.dirty {
		st.dirty = true
		g.dirty = append(g.dirty, st)
	}
}

// Stage names the grouper's state in the store.
func (g *Grouper) Stage() string { return "statements" }

// speakerKey is the lower-cased last word of a speaker's name, "?" for
// none.
func speakerKey(name string) string {
	key, _ := speakerWords(name)
	return key
}

// speakerWords returns speakerKey(name) and the number of words in name.
func speakerWords(name string) (key string, words int) {
	last := ""
	for f := range strings.FieldsSeq(name) {
		last = f
		words++
	}
	if words == 0 {
		return "?", 0
	}
	return strings.TrimSuffix(lowerWord(last), "'s"), words
}

// lowerWord returns strings.ToLower(w), sooner for a word of ASCII and
// the Russian letters А–я, which the Unicode tables would otherwise be
// searched for, one letter at a time: a name of most Russian speakers.
func lowerWord(w string) string {
	var buf [64]byte
	if len(w) > len(buf) {
		return strings.ToLower(w)
	}
	b, changed := buf[:len(w)], false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b[i], changed = c+'a'-'A', true
		case c < 0x80:
			b[i] = c
		case c == 0xd0 && i+1 < len(w) && 0x90 <= w[i+1] && w[i+1] <= 0xbf:
			// U+0410–U+043F: А–П lower to а–п (U+0430–U+043F), Р–Я to
			// р–я (U+0440–U+044F), а–п stay
			switch c2 := w[i+1]; {
			case c2 <= 0x9f:
				b[i], b[i+1], changed = 0xd0, c2+0x20, true
			case c2 <= 0xaf:
				b[i], b[i+1], changed = 0xd1, c2-0x20, true
			default:
				b[i], b[i+1] = c, c2
			}
			i++
		case c == 0xd1 && i+1 < len(w) && 0x80 <= w[i+1] && w[i+1] <= 0x8f:
			b[i], b[i+1] = c, w[i+1] // р–я (U+0440–U+044F) stay
			i++
		default:
			return strings.ToLower(w)
		}
	}
	if !changed {
		return w
	}
	return string(b)
}

// Group sets the Statement of every quote, in order, and canonicalises
// single-word speaker names to full names the grouper knows.
func (g *Grouper) Group(ctx context.Context, qs []storyline.Quote) error {
	ps := g.take(qs)
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range qs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("group quotes: %w", err)
		}
		q, p := &qs[i], &ps[i]
		if p.full {
			g.learnName(q.Speaker, p.key)
		}
		if !strings.Contains(q.Speaker, " ") {
			if full := g.names[p.key]; full != "" {
				q.Speaker = full
			}
		}
		q.Statement = g.match(q, p)
	}
	return nil
}

// learnName records a full name under its surname key.
func (g *Grouper) learnName(name, key string) {
	old, ok := g.names[key]
	switch {
	case !ok:
		g.names[key] = name
	case old == name || old == "":
		return
	default:
		g.names[key] = "" // two people share the surname
	}
	g.dirtyNames[key] = true
}

// match returns the statement q renders, remembering a new one or a new
// wording as needed.
func (g *Grouper) match(q *storyline.Quote, p *prepared) string {
	if len(p.hashes) == 0 {
		return ""
	}
	// Count, per candidate, the quote's stems it is posted under: a wording
	// shares at most that many (a posting list cut to its newest
	// MaxPostings may count fewer for an old statement, which then loses
	// a match it would barely have made), so most candidates are dropped
	// without comparing their wordings.
	g.gen++
	if g.gen == 0 { // wrapped: old stamps could pass for current
		for i := range g.hits {
			g.hits[i].stamp = 0
		}
		g.gen = 1
	}
	g.touched = g.touched[:0]
	for _, h := range p.hashes {
		for _, e := range g.post.get(postKey(postingKey(p.spk, h))) {
			s := int32(e)
			if c := &g.hits[s]; c.stamp != g.gen {
				c.stamp, c.hits = g.gen, 1
				g.touched = append(g.touched, s)
			} else {
				c.hits++
			}
		}
	}
	nq := len(p.hashes)
	best, bestScore, exact := int32(-1), 0.0, false
	for _, s := range g.touched {
		c := g.hits[s]
		h := int(c.hits)
		if g.cannotShare(h, min(nq, int(c.minLen))) {
			// nor can any longer wording, which needs as many shared
			// stems or more
			continue
		}
		sl := &g.slots[s]
		if sl.spk != p.spk {
			continue // a posting key shared by chance
		}
		for _, w := range sl.words {
			short := min(nq, len(w))
			need := min(g.opts.MinShared, short)
			if g.cannotShare(h, short) {
				continue // skip comparing
			}
			n := shared(p.hashes, w)
			if n < need {
				continue
			}
			score := float64(n) / float64(short)
			if score >= g.opts.MinContainment && (score > bestScore || score == bestScore && sl.st.id < g.slots[best].st.id) {
				best, bestScore = s, score
				exact = n == nq && n == len(w)
			}
		}
	}
	if best >= 0 {
		sl := &g.slots[best]
		g.touch(best)
		if !exact && len(sl.words) < maxWordings {
			sl.st.wordings = append(sl.st.wordings, p.wording)
			for _, h := range p.hashes {
				if !inWordings(sl.words, h) {
					g.post1(best, sl.spk, h)
				}
			}
			sl.words = append(sl.words, p.hashes)
			g.hits[best].minLen = min(g.hits[best].minLen, shortest(sl.words[len(sl.words)-1:]))
			g.markDirty(sl.st)
		}
		return sl.st.id
	}
	st := g.ids[p.idk]
	if st != nil && st.slot >= 0 {
		g.touch(st.slot)
		return p.id
	}
	if st == nil {
		// a copy of the id, not the whole hash it was cut from, stays in
		// memory
		st = &statement{id: strings.Clone(p.id), idk: p.idk, slot: -1}
		g.ids[p.idk] = st
	}
	g.seq++
	st.speaker, st.wordings, st.first, st.seq = p.key, []string{p.wording}, q.Article, g.seq
	g.add(st, p.spk, [][]uint64{p.hashes})
	g.markDirty(st)
	return st.id
}

// cannotShare reports whether a wording whose stems and the quote's number
// short at the fewest cannot share enough of them with the quote, the
// slot that holds it being posted under h of the quote's stems.
func (g *Grouper) cannotShare(h, short int) bool {
	return h < min(g.opts.MinShared, short) || float64(h)/float64(short) < g.opts.MinContainment
}

// idKey is the number a statement id stands for: its 16 hex digits, or
// (an id of another form) its hash.
func idKey(id string) uint64 {
	if len(id) != 16 {
		return xxh3.HashString(id)
	}
	// what strconv.ParseUint(id, 16, 64) gives, in a fraction of its time:
	// every quote prepared anew asks
	var n uint64
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return xxh3.HashString(id)
		}
		n = n<<4 | uint64(c)
	}
	return n
}

// inWordings reports whether one of the wordings has the stem hash h.
func inWordings(words [][]uint64, h uint64) bool {
	for _, w := range words {
		if _, ok := slices.BinarySearch(w, h); ok {
			return true
		}
	}
	return false
}

// add remembers a statement, which ids holds, as the most recently
// matched, forgetting the least recently matched one when memory is full.
func (g *Grouper) add(st *statement, spk uint64, words [][]uint64) {
	var s int32
	if n := len(g.free); n > 0 {
		s, g.free = g.free[n-1], g.free[:n-1]
	} else {
		s = int32(len(g.slots))
		g.slots = append(g.slots, slot{})
		g.hits = append(g.hits, hitCount{})
	}
	g.slots[s] = slot{st: st, spk: spk, words: words, prev: -1, next: -1}
	g.hits[s].minLen = shortest(words)
	g.link(s)
	st.slot = s
	g.remembered++
	for i, w := range words {
		for _, h := range w {
			if !inWordings(words[:i], h) {
				g.post1(s, spk, h)
			}
		}
	}
	// the new statement is at the head, not the tail
	for g.remembered > g.opts.MaxStatements && g.tail >= 0 && g.tail != s {
		g.forget(g.tail)
	}
}

// post1 adds slot s to the posting list of (speaker, stem), dropping the
// list's oldest entry when it is full.
func (g *Grouper) post1(s int32, spk, h uint64) {
	g.post.add(postKey(postingKey(spk, h)), uint32(s), g.opts.MaxPostings)
}

// forget drops slot s from memory with its postings, so that memory
// stays bounded however long the stream; Pending deletes it from the
// stored state.
func (g *Grouper) forget(s int32) {
	sl := &g.slots[s]
	for i, w := range sl.words {
		for _, h := range w {
			if inWordings(sl.words[:i], h) {
				continue
			}
			// unless a full list dropped it
			g.post.delete(postKey(postingKey(sl.spk, h)), uint32(s))
		}
	}
	g.unlink(s)
	sl.st.slot = -1
	g.remembered--
	g.drop(sl.st)
	*sl = slot{prev: -1, next: -1}
	g.free = append(g.free, s)
}

// link puts slot s at the head of the recency list.
func (g *Grouper) link(s int32) {
	sl := &g.slots[s]
	sl.prev, sl.next = -1, g.head
	if g.head >= 0 {
		g.slots[g.head].prev = s
	}
	g.head = s
	if g.tail < 0 {
		g.tail = s
	}
}

// unlink takes slot s out of the recency list.
func (g *Grouper) unlink(s int32) {
	sl := &g.slots[s]
	if sl.prev >= 0 {
		g.slots[sl.prev].next = sl.next
	} else {
		g.head = sl.next
	}
	if sl.next >= 0 {
		g.slots[sl.next].prev = sl.prev
	} else {
		g.tail = sl.prev
	}
	sl.prev, sl.next = -1, -1
}

// touch marks slot s as the most recently matched.
func (g *Grouper) touch(s int32) {
	if g.head != s {
		g.unlink(s)
		g.link(s)
	}
}
