// Package copies finds articles that share text: exact duplicates by a
// hash of the normalized text, near-duplicates by MinHash with LSH
// banding over word shingles, and shared passages (excerpts inside
// otherwise different articles) through a winnowing fingerprint index and
// a linear-time aligner. For every pair it reports the passages with code
// point offsets into both clean texts, the share of each article reused
// and the direction of the copy; Citations and Original add the evidence
// for the likely original of an article.
package copies

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// ArticleSource fetches an article by id; a storyline.ArticleStore is one.
// The Finder uses it to read the text of candidates it no longer caches.
type ArticleSource interface {
	Article(ctx context.Context, id string) (storyline.Article, error)
}

// TextSource is an ArticleSource that can also read only what the Finder
// needs of a candidate it no longer holds: the clean text and the
// publication time. When the source implements it, the Finder reads
// candidates with ArticleText, which can skip what Article decodes for
// nothing here (raw input, entities, dates, credits).
type TextSource interface {
	ArticleSource
	// ArticleText returns the id's text and publication time, or an
	// error wrapping storyline.ErrNotFound.
	ArticleText(ctx context.Context, id string) (text string, published storyline.Published, err error)
}

// maxChain caps the entries walked under one LSH key: a key shared by a
// huge cluster of copies yields its newest members only.
const maxChain = 256

// Finder finds the copies an arriving article forms with every article
// seen before. It implements storyline.CopyFinder and storyline.Stateful
// and is safe for concurrent use.
//
// Its memory is bounded by a window of recent articles, in count and in
// bytes, whatever the length of the stream: the recent articles are kept
// prepared for alignment within CacheBytes, so that most candidates are
// aligned without a store read or tokenizing; the passage index holds the
// fingerprints and 16-bit word hashes of the last articles (about 2 KB
// each) within PassageArticles and PassageBytes, and a candidate older
// than the recent ones is read from the source only when its word hashes
// align with the arrival's (without a source the words are not kept);
// the near-duplicate index holds the band keys and ids of the last
// articles within NearArticles and NearBytes.
type Finder struct {
	src    ArticleSource
	opts   Options
	params *hashParams

	mu sync.Mutex
	// docs is how many documents were ever indexed: the next document
	// number
	docs uint32
	// near-duplicate index and ids: the current generation and the one
	// before it (nil until the first rotation)
	near, nearPrev *nearGen
	// passage index: the current generation and the one before it (nil
	// until the first rotation)
	cur, prev *postings
	// now is the stream clock: the newest publication time seen (Unix
	// seconds), advanced by at most a day per article so that one article
	// dated far ahead cannot flush the index
	now     int64
	pending map[string][]byte
	win     *recent
	// old holds candidates read back from the source
	old *fetchedCache
	// lookup scratch, used under mu
	look lookupScratch

	aligners   sync.Pool // of *alignScratch
	targetBufs sync.Pool // of *targetBuf
	scratch    sync.Pool // of *scratch
	fetched    atomic.Int64
}

// New returns an empty Finder that reads candidates from src. src may be
// nil: candidates are then those among the recent articles only, as when
// the source keeps no text (storyline cluster's store); the Finder then
// spends nothing on the others, and its passage index keeps no words
// (see Finder), two fifths less memory.
func New(src ArticleSource, opts Options) *Finder {
	opts = opts.withDefaults()
	return &Finder{
		src:        src,
		opts:       opts,
		params:     newHashParams(),
		pending:    make(map[string][]byte),
		win:        newRecent(opts.CacheBytes*7/8, opts.CacheSize),
		old:        newFetchedCache(opts.CacheBytes / 4),
		cur:        newPostings(0, nil, opts.MaxPosting, src == nil),
		near:       newNearGen(0, 0),
		aligners:   sync.Pool{New: func() any { return new(alignScratch) }},
		targetBufs: sync.Pool{New: func() any { return new(targetBuf) }},
		scratch:    sync.Pool{New: func() any { return new(scratch) }},
	}
}

// sketch is what the index keeps of one article.
type sketch struct {
	id    string
	keys  [bands]uint32
	hasSh bool
	fps   []uint32
	// at is the publication time in Unix seconds, 0 when unknown
	at int64
	// words are the token hashes reduced to 16 bits, quoted a bit for
	// each, set when it starts inside quotation marks (neither is
	// stored). A Finder without a source keeps no words, only their
	// number, nwords (see wordCount).
	words  []uint16
	nwords int
	quoted []uint64
	// filter is the shingle filter of the article's nset distinct
	// shingles (not stored either)
	filter []uint64
	nset   int
	// with is what decodeSketch reads back of the documents the article
	// was found to copy whole, as distances back from its own number
	// (see appendWith); nil otherwise
	with []uint32
}

// wordCount is how many words the sketched article has: its words
// when it has them, else nwords.
func (s *sketch) wordCount() int {
	if s.words != nil {
		return len(s.words)
	}
	return s.nwords
}

func unixOf(p storyline.Published) int64 {
	if p.IsZero() {
		return 0
	}
	return p.Time.Unix()
}

// Prepared is an article made ready for AddPrepared: everything the
// Finder computes from the article alone (its words, shingles, MinHash
// band keys, fingerprints and quotation marks), which is most of the
// work of finding its copies and depends on no other article.
type Prepared struct {
	e *entry
	s sketch
	// the word positions of each fingerprint s.fps[k] are
	// pos[at[k]:at[k+1]]
	at, pos []uint32
}

// Prepare does the part of AddArticle that depends on a alone. It is safe
// to call concurrently, for many articles at once and in any order, so
// that a pipeline can prepare a batch on every core and then add the
// articles one by one, in arrival order, with AddPrepared.
func (f *Finder) Prepare(a *storyline.Article) *Prepared { return f.prepare(a, nil, false) }

// PrepareTokens is Prepare for an article whose words the caller has at
// hand: toks must be what textproc.Tokenize returns for a.Text, as a
// reader that finds the article's entities in its text has them. It
// spares tokenizing the text again; toks is only read, and may be reused
// once it returns.
func (f *Finder) PrepareTokens(a *storyline.Article, toks []textproc.Token) *Prepared {
	return f.prepare(a, toks, true)
}

// prepare is Prepare with the words of a.Text toks when given is set.
func (f *Finder) prepare(a *storyline.Article, toks []textproc.Token, given bool) *Prepared {
	sc := f.scratch.Get().(*scratch)
	defer f.scratch.Put(sc)
	if f.strongOnly() {
		return f.prepareLean(a, sc, toks, given)
	}
	e := buildEntry(a, sc, toks, given)
	p := &Prepared{e: e}
	fps, at, pos := fingerprintPositions(sc)
	p.s = sketch{id: a.ID, fps: fps, words: f.shortWords(e.d.hs), nwords: len(e.d.hs), quoted: e.qwords, at: unixOf(a.Published),
		filter: newShingleFilter(e.set), nset: len(e.set)}
	p.s.keys, p.s.hasSh = f.params.bandKeys(sc.sh)
	p.at, p.pos = at, pos
	return p
}

// positions returns the word positions of the arrival's k-th fingerprint.
func (p *Prepared) positions(k int32) []uint32 { return p.pos[p.at[k]:p.at[k+1]] }

// AddArticle returns the pairs a forms with the articles indexed before,
// then indexes it. Pairs are ordered by the other article's id. It is
// Prepare and AddPrepared in one step.
func (f *Finder) AddArticle(ctx context.Context, a *storyline.Article) ([]storyline.Copy, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("copies %s: %w", a.ID, err)
	}
	return f.AddPrepared(ctx, a, f.Prepare(a))
}

// AddPrepared is AddArticle for an article p was prepared from, by
// Prepare, with the same id, text and publication time; an article that
// changed since is prepared again. What is left is the work that depends
// on the articles added before: looking up the indexes, aligning the
// candidates and indexing a.
func (f *Finder) AddPrepared(ctx context.Context, a *storyline.Article, p *Prepared) ([]storyline.Copy, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("copies %s: %w", a.ID, err)
	}
	if p == nil || p.e.id != a.ID || p.e.d.text != a.Text || p.e.published != a.Published {
		p = f.Prepare(a)
	}
	e, s := p.e, p.s
	f.mu.Lock()
	f.look.words = s.wordCount()
	f.lookup(s)
	d := f.insert(s, true)
	f.win.put(d, e)
	f.old.forget(a.ID)
	tb := f.targetBufs.Get().(*targetBuf)
	targets := f.resolve(a.ID, tb)
	if f.strongOnly() {
		tb.unwalked = append(tb.unwalked[:0], f.look.unwalked...)
	}
	f.mu.Unlock()
	defer func() {
		tb.release()
		f.targetBufs.Put(tb)
	}()

	// The candidates are first screened here, one by one: most share a
	// stock phrase or a quotation and nothing more, which the words
	// around each shared fingerprint tell for a fraction of a
	// microsecond. Those left, to be read from the store or aligned
	// whole, are compared on every core when there are enough of them
	// to pay for waking the other cores; each comparison reads only the
	// two entries and the options.
	res := slices.Grow(tb.res[:0], len(targets))[:len(targets)]
	clear(res)
	tb.res = res
	var arrShingles *shingleSet
	for _, t := range targets {
		if t.e == nil && t.words != nil && t.c.near && !f.strongOnly() {
			arrShingles = newShingleSet(s.words)
			break
		}
	}
	as := f.aligners.Get().(*alignScratch)
	as.touched += touchTargets(targets, p)
	heavy := as.heavy[:0]
	for i := range targets {
		var ok bool
		if f.strongOnly() {
			ok = f.screenStrong(&as.cover, p, &targets[i], tb.unwalked)
		} else {
			ok = f.screen(as, p, s.words, arrShingles, &targets[i], a.ID)
		}
		if ok {
			heavy = append(heavy, int32(i))
		}
	}
	compareOne := func(i int, as *alignScratch) {
		t := &targets[i]
		other := t.e
		if other == nil {
			var err error
			if other, err = f.fetch(ctx, t.id); err != nil {
				res[i].err = fmt.Errorf("copies %s: candidate %s: %w", a.ID, t.id, err)
				return
			}
			if other == nil {
				return
			}
			if f.strongOnly() && !f.mayCopyStrong(&as.cover, p, other, *t, tb.unwalked) || !f.strongOnly() && !f.mayAlign(&as.local, p, other, *t) {
				return
			}
		}
		if c, ok := f.compareWith(&as.full, e, other); ok && f.strong(c) {
			res[i].c = &c
		}
	}
	if workers := min(runtime.GOMAXPROCS(0), len(heavy)/minParallel); workers <= 1 {
		for _, i := range heavy {
			compareOne(int(i), as)
		}
	} else {
		var wg sync.WaitGroup
		var next atomic.Int32
		for w := range workers {
			wg.Go(func() {
				was := as
				if w > 0 {
					was = f.aligners.Get().(*alignScratch)
					defer f.aligners.Put(was)
				}
				for k := int(next.Add(1) - 1); k < len(heavy); k = int(next.Add(1) - 1) {
					compareOne(int(heavy[k]), was)
				}
			})
		}
		wg.Wait()
	}
	as.heavy = heavy
	f.aligners.Put(as)
	var out []storyline.Copy
	whole := false
	for _, r := range res {
		if r.err != nil {
			return nil, r.err
		}
		if r.c != nil {
			out = append(out, *r.c)
			whole = whole || r.c.Kind == storyline.Duplicate || r.c.Kind == storyline.NearDuplicate
		}
	}
	if whole {
		// the arrival joins the group of the articles it is found to
		// copy whole, so that the copies that come after it are
		// compared with the group's earliest too (see addRoots)
		with := tb.whole[:0]
		for i, r := range res {
			if r.c != nil && (r.c.Kind == storyline.Duplicate || r.c.Kind == storyline.NearDuplicate) {
				with = append(with, targets[i].c.doc)
			}
		}
		tb.whole = with
		f.mu.Lock()
		f.join(d, with)
		if !f.opts.NoState {
			f.recordJoin(d, s, with)
		}
		f.mu.Unlock()
	}
	sort.Slice(out, func(i, j int) bool {
		return otherID(out[i], a.ID) < otherID(out[j], a.ID)
	})
	return out, nil
}

// compared is what comparing an arrival with a candidate found.
type compared struct {
	c   *storyline.Copy // nil when the pair is no copy
	err error
}

// minParallel is how many candidates to read back or align whole an
// arrival must have, per core, for them to be compared on several
// cores: below it, waking another core costs more than it saves.
const minParallel = 4

// screen reports whether candidate t of an arrival (prepared as xp, its
// short words arrival, their shingles arrShingles when some candidate
// needs them) is to be read back or aligned whole; false when the cheap
// tests show it shares nothing that counts.
func (f *Finder) screen(as *alignScratch, xp *Prepared, arrival []uint16, arrShingles *shingleSet, t *target, self string) bool {
	e := xp.e
	if t.e != nil {
		return f.mayAlign(&as.local, xp, t.e, *t)
	}
	if f.src == nil {
		return false // it cannot be read back (see fetch)
	}
	// A candidate that shares no fingerprint is a pair only at the
	// near-duplicate similarity (see mayAlign): one no longer in memory
	// is read from the store only if its shingle filter allows it.
	if t.c.shared == 0 && !mayReachJaccard(e.set, t.filter, t.nset, f.opts.NearThreshold) {
		return false
	}
	// A candidate no longer in memory is read from the store only if its
	// short words show it may be a near-duplicate or share a passage that
	// may be copying.
	if t.words != nil && !(t.c.near && mayBeNear(arrShingles, t.words, f.opts.NearThreshold)) &&
		(!f.mayPassShort(xp, arrival, t) || !f.mayShare(&as.share, e, arrival, self < t.id, t.words, t.quoted)) {
		return false
	}
	return true
}

func otherID(c storyline.Copy, id string) string {
	if c.A == id {
		return c.B
	}
	return c.A
}

// insert adds a sketch to the index and, when record is set, queues it
// for the store; it returns the document number. f.mu is held.
func (f *Finder) insert(s sketch, record bool) uint32 {
	d := f.docs
	f.docs++
	if n := f.near.len(); n > 0 && (n >= f.opts.NearArticles/2 || f.near.used() >= f.opts.NearBytes/2) {
		f.nearPrev, f.near = f.near, newNearGen(d, f.near.len())
	}
	f.near.expect(f.opts.NearArticles/2, f.opts.NearBytes/2)
	f.near.add(d, s.id, s.keys, s.hasSh, s.filter, s.nset, s.at)
	f.tick(s.at)
	f.cur.expect(len(s.fps), s.wordCount(), len(s.quoted), f.opts.PassageArticles/2, f.opts.PassageBytes/2)
	f.cur.add(d, s.fps, s.words, s.wordCount(), s.quoted)
	if record && !f.opts.NoState {
		f.pending[f.docKey(d)] = encodeSketch(s)
	}
	return d
}

// tick advances the stream clock to at and opens a new generation of the
// passage index, dropping the previous one, when the current one spans
// half the window in time or in articles. f.mu is held.
func (f *Finder) tick(at int64) {
	if at > f.now {
		if f.now == 0 {
			f.now = at
		} else {
			f.now = min(at, f.now+24*60*60)
		}
	}
	if f.cur.start == 0 {
		f.cur.start = f.now
	}
	half := int64(f.opts.PassageWindow/time.Second) / 2
	if n := f.cur.articles; n > 0 && (n >= f.opts.PassageArticles/2 || f.cur.used() >= f.opts.PassageBytes/2 ||
		(half > 0 && f.cur.start != 0 && f.now-f.cur.start >= half)) {
		f.prev, f.cur = f.cur, newPostings(f.now, f.cur, f.opts.MaxPosting, f.src == nil)
	}
}

// filter returns the shingle filter of document d and the size of its
// shingle set, nil and 0 when the index has none.
func (f *Finder) filter(d uint32) ([]uint64, int) {
	switch {
	case f.near.holds(d):
		return f.near.filter(d)
	case f.nearPrev.holds(d):
		return f.nearPrev.filter(d)
	}
	return nil, 0
}

// id returns the id of document d, "" when the index no longer holds it.
func (f *Finder) id(d uint32) string {
	switch {
	case f.near.holds(d):
		return f.near.id(d)
	case f.nearPrev.holds(d):
		return f.nearPrev.id(d)
	}
	return ""
}

// idOf returns the bytes of the id of document d, nil when the index no
// longer holds it. f.mu is held.
func (f *Finder) idOf(d uint32) []byte {
	switch {
	case f.near.holds(d):
		return f.near.idOf(d)
	case f.nearPrev.holds(d):
		return f.nearPrev.idOf(d)
	}
	return nil
}

// gen returns the generation of the near-duplicate index that holds
// document d, nil when neither does. f.mu is held.
func (f *Finder) gen(d uint32) *nearGen {
	switch {
	case f.near.holds(d):
		return f.near
	case f.nearPrev.holds(d):
		return f.nearPrev
	}
	return nil
}

// maxHops caps the links rootOf follows.
const maxHops = 8

// rootOf returns the root of the group of document d: of the documents
// known, through the whole copies found as they arrived, to copy one
// another, the earliest published that the index still holds; d itself
// when it is the root or the index no longer holds it. f.mu is held.
func (f *Finder) rootOf(d uint32) uint32 {
	for range maxHops {
		g := f.gen(d)
		if g == nil {
			return d
		}
		r := g.root[d-g.first]
		if r == d || f.gen(r) == nil {
			return d
		}
		d = r
	}
	return d
}

// earlier reports whether document a was published before document b,
// both held by the index; an unknown time is the latest, and a tie goes
// to the one that arrived first. f.mu is held.
func (f *Finder) earlier(a, b uint32) bool {
	ga, gb := f.gen(a), f.gen(b)
	ta, tb := ga.at[a-ga.first]-1, gb.at[b-gb.first]-1 // unknown wraps to the latest
	if ta != tb {
		return ta < tb
	}
	return a < b
}

// join merges the groups of document d and of the documents in with,
// whole copies of d, under the earliest published of their roots.
// f.mu is held.
func (f *Finder) join(d uint32, with []uint32) {
	root := f.rootOf(d)
	var buf [8]uint32
	roots := append(buf[:0], root)
	for _, w := range with {
		r := f.rootOf(w)
		if !slices.Contains(roots, r) {
			roots = append(roots, r)
			if f.earlier(r, root) {
				root = r
			}
		}
	}
	for _, r := range append(roots, d) {
		if g := f.gen(r); g != nil {
			g.root[r-g.first] = root
		}
	}
}

// recordJoin adds to the stored sketch s of document d the documents
// with it joined, so that Load joins them again. The sketch is still
// pending unless Pending ran since d was indexed; it is then queued
// again, whole, to replace the one stored. f.mu is held.
func (f *Finder) recordJoin(d uint32, s sketch, with []uint32) {
	key := f.docKey(d)
	b, ok := f.pending[key]
	if !ok {
		b = encodeSketch(s)
	}
	f.pending[key] = appendWith(b, d, with)
}

// Stats describes the size of a Finder's index.
type Stats struct {
	// Articles is how many articles were indexed; NearArticles how many
	// the near-duplicate index still holds, the most recent ones.
	Articles, NearArticles int
	// NearBytes is the memory of the near-duplicate index (ids and LSH
	// tables of its window); PassageBytes that of the passage index
	// (fingerprints and 16-bit word hashes of its window).
	NearBytes, PassageBytes int
	// PassageArticles is how many articles the passage index holds, the
	// most recent ones.
	PassageArticles int
	// RecentArticles and RecentBytes are the recent articles kept prepared
	// for alignment and their memory.
	RecentArticles, RecentBytes int
	// ReadBackArticles and ReadBackBytes are the candidates read back
	// from the source kept prepared for the next arrivals, and their memory.
	ReadBackArticles, ReadBackBytes int
	// Fetched counts the candidates read back from the source because they
	// were no longer among the recent articles.
	Fetched int64
}

// Stats reports the index size.
func (f *Finder) Stats() Stats {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := Stats{Articles: int(f.docs), NearArticles: f.near.len() + f.nearPrev.len()}
	s.NearBytes = f.near.bytes() + f.nearPrev.bytes()
	for _, p := range []*postings{f.cur, f.prev} {
		if p != nil {
			s.PassageBytes += p.bytes()
			s.PassageArticles += p.articles
		}
	}
	s.RecentArticles, s.RecentBytes = f.win.len(), f.win.bytes
	s.ReadBackArticles = f.old.len()
	f.old.mu.Lock()
	s.ReadBackBytes = f.old.bytes
	f.old.mu.Unlock()
	s.Fetched = f.fetched.Load()
	return s
}
