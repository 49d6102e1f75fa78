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

	"github.com/storyline-news/storyline"
)

// ArticleSource fetches an article by id; a storyline.ArticleStore is one.
// The Finder uses it to read the text of candidates it no longer caches.
type ArticleSource interface {
	Article(ctx context.Context, id string) (storyline.Article, error)
}

// Options tune a Finder. Zero fields take the defaults.
type Options struct {
	// MinWords is the fewest words a shared passage must have (default 12).
	MinWords int
	// NearThreshold is the shingle Jaccard similarity from which two
	// articles are near-duplicates (default 0.7).
	NearThreshold float64
	// NearShare is the share of both articles that shared passages must
	// cover for a pair to count as near-duplicates even below
	// NearThreshold, as with reordered paragraphs (default 0.8).
	NearShare float64
	// MaxCandidates caps the articles aligned per arrival (default 32).
	MaxCandidates int
	// MaxPosting is how many articles may share a fingerprint before it is
	// taken for a stock phrase and ignored (default 64).
	MaxPosting int
	// CacheSize is how many recent articles are kept in memory, so that
	// candidates of the same uncommitted batch can be aligned (default 2048).
	CacheSize int
}

func (o Options) withDefaults() Options {
	if o.MinWords <= 0 {
		o.MinWords = 12
	}
	if o.NearThreshold <= 0 {
		o.NearThreshold = 0.7
	}
	if o.NearShare <= 0 {
		o.NearShare = 0.8
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = 32
	}
	if o.MaxPosting <= 0 {
		o.MaxPosting = 64
	}
	if o.CacheSize <= 0 {
		o.CacheSize = 2048
	}
	return o
}

// maxChain caps the entries walked under one LSH key: a key shared by a
// huge cluster of copies yields its newest members only.
const maxChain = 256

// Finder finds the copies an arriving article forms with every article
// seen before. It implements storyline.CopyFinder and storyline.Stateful
// and is safe for concurrent use.
type Finder struct {
	src    ArticleSource
	opts   Options
	params *hashParams

	mu sync.Mutex
	// ids of indexed articles, by document number, in one arena
	idBytes []byte
	idEnd   []uint32
	// near-duplicate index: one table per band, each chaining documents
	// through next. Exact duplicates have equal shingle sets, so they meet
	// in every band; the normalized-text hash tells them apart when pairs
	// are scored.
	tables [bands]chainTable
	next   [][bands]uint32
	// passage index: fingerprint entries chained per fingerprint;
	// docFirst[d] is the first entry of document d
	fp       chainTable
	fpNext   []uint32
	docFirst []uint32
	pending  map[string][]byte
	cache    *cache
}

// New returns an empty Finder that reads candidates from src (which may
// be nil when every candidate stays in the cache, as in tests).
func New(src ArticleSource, opts Options) *Finder {
	opts = opts.withDefaults()
	return &Finder{
		src:     src,
		opts:    opts,
		params:  newHashParams(),
		pending: make(map[string][]byte),
		cache:   newCache(opts.CacheSize),
	}
}

// sketch is what the index keeps of one article.
type sketch struct {
	id    string
	keys  [bands]uint32
	hasSh bool
	fps   []uint32
}

func (f *Finder) sketch(id string, d doc, sh []uint64) sketch {
	s := sketch{id: id, fps: fingerprints(nil, d.toks)}
	s.keys, s.hasSh = f.params.bandKeys(sh)
	return s
}

// candidate is an indexed document that may share text with an arrival.
type candidate struct {
	doc    uint32
	near   bool // found by an LSH band
	shared int  // fingerprints shared
}

// AddArticle returns the pairs a forms with the articles indexed before,
// then indexes it. Pairs are ordered by the other article's id.
func (f *Finder) AddArticle(ctx context.Context, a *storyline.Article) ([]storyline.Copy, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("copies %s: %w", a.ID, err)
	}
	e := newEntry(*a)
	s := f.sketch(a.ID, e.d, e.sh)
	f.mu.Lock()
	cands := f.lookup(s)
	f.insert(s, true)
	f.cache.put(e)
	ids := f.resolve(cands, a.ID)
	f.mu.Unlock()

	// Candidates are fetched and aligned on every core: each comparison
	// reads only the two entries and the options.
	type result struct {
		c   storyline.Copy
		ok  bool
		err error
	}
	res := make([]result, len(ids))
	compareOne := func(i int) {
		other, err := f.fetch(ctx, ids[i])
		if err != nil {
			res[i].err = fmt.Errorf("copies %s: candidate %s: %w", a.ID, ids[i], err)
			return
		}
		if other != nil {
			res[i].c, res[i].ok = f.compare(e, other)
		}
	}
	if workers := min(runtime.GOMAXPROCS(0), len(ids)); workers <= 1 {
		for i := range ids {
			compareOne(i)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					compareOne(i)
				}
			}()
		}
		for i := range ids {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	var out []storyline.Copy
	for _, r := range res {
		if r.err != nil {
			return nil, r.err
		}
		if r.ok {
			out = append(out, r.c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return otherID(out[i], a.ID) < otherID(out[j], a.ID)
	})
	return out, nil
}

func otherID(c storyline.Copy, id string) string {
	if c.A == id {
		return c.B
	}
	return c.A
}

// lookup collects candidates from the LSH bands and the fingerprint
// index. f.mu is held.
func (f *Finder) lookup(s sketch) map[uint32]*candidate {
	cands := make(map[uint32]*candidate)
	get := func(d uint32) *candidate {
		c := cands[d]
		if c == nil {
			c = &candidate{doc: d}
			cands[d] = c
		}
		return c
	}
	walk := func(b int, key uint32) {
		n := 0
		for d := f.tables[b].head(key); d != noEntry && n < maxChain; d = f.next[d][b] {
			get(d).near = true
			n++
		}
	}
	if s.hasSh {
		for b, k := range s.keys {
			walk(b, k)
		}
	}
	var docs []uint32
	for _, h := range s.fps {
		docs = docs[:0]
		for e := f.fp.head(h); e != noEntry; e = f.fpNext[e] {
			if len(docs) > f.opts.MaxPosting {
				break
			}
			docs = append(docs, f.entryDoc(e))
		}
		if len(docs) > f.opts.MaxPosting {
			continue // a stock phrase
		}
		for _, d := range docs {
			get(d).shared++
		}
	}
	return cands
}

// entryDoc finds the document a fingerprint entry belongs to.
func (f *Finder) entryDoc(e uint32) uint32 {
	i, _ := slices.BinarySearch(f.docFirst, e+1)
	return uint32(i - 1)
}

// insert adds a sketch to the index and, when record is set, queues it
// for the store. f.mu is held.
func (f *Finder) insert(s sketch, record bool) {
	d := uint32(len(f.idEnd))
	f.idBytes = append(f.idBytes, s.id...)
	f.idEnd = append(f.idEnd, uint32(len(f.idBytes)))
	var nx [bands]uint32
	for b := range nx {
		nx[b] = noEntry
	}
	if s.hasSh {
		for b, k := range s.keys {
			nx[b] = f.tables[b].push(k, d)
		}
	}
	f.next = append(f.next, nx)
	f.docFirst = append(f.docFirst, uint32(len(f.fpNext)))
	for _, h := range s.fps {
		e := uint32(len(f.fpNext))
		f.fpNext = append(f.fpNext, f.fp.push(h, e))
	}
	if record {
		f.pending[docKey(d)] = encodeSketch(s)
	}
}

func (f *Finder) id(d uint32) string {
	start := uint32(0)
	if d > 0 {
		start = f.idEnd[d-1]
	}
	return string(f.idBytes[start:f.idEnd[d]])
}

// resolve orders candidates (near ones first, then by shared
// fingerprints, newest first) and returns their distinct ids, without
// self, at most MaxCandidates. f.mu is held.
func (f *Finder) resolve(cands map[uint32]*candidate, self string) []string {
	list := make([]*candidate, 0, len(cands))
	for _, c := range cands {
		list = append(list, c)
	}
	slices.SortFunc(list, func(x, y *candidate) int {
		switch {
		case x.near != y.near:
			if x.near {
				return -1
			}
			return 1
		case x.shared != y.shared:
			return y.shared - x.shared
		case x.doc > y.doc:
			return -1
		case x.doc < y.doc:
			return 1
		}
		return 0
	})
	seen := map[string]bool{self: true}
	var ids []string
	for _, c := range list {
		if len(ids) == f.opts.MaxCandidates {
			break
		}
		id := f.id(c.doc)
		if seen[id] {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
	}
	return ids
}

// fetch returns a prepared candidate from the cache or the source; nil
// when the source no longer has it.
func (f *Finder) fetch(ctx context.Context, id string) (*entry, error) {
	f.mu.Lock()
	e := f.cache.get(id)
	f.mu.Unlock()
	if e != nil {
		return e, nil
	}
	if f.src == nil {
		return nil, nil
	}
	art, err := f.src.Article(ctx, id)
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return newEntry(art), nil
}

// Stats describes the size of a Finder's index.
type Stats struct {
	// Articles is how many articles are indexed.
	Articles int
	// NearBytes is the memory of the near-duplicate index (ids and LSH
	// tables); PassageBytes that of the fingerprint index.
	NearBytes, PassageBytes int
}

// Stats reports the index size.
func (f *Finder) Stats() Stats {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := Stats{Articles: len(f.idEnd)}
	s.NearBytes = cap(f.idBytes) + 4*cap(f.idEnd) + cap(f.next)*4*bands
	for i := range f.tables {
		s.NearBytes += f.tables[i].bytes()
	}
	s.PassageBytes = f.fp.bytes() + 4*cap(f.fpNext) + 4*cap(f.docFirst)
	return s
}
