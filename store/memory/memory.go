// Package memory is a storyline.Store that keeps everything in memory:
// for `storyline cluster --in`, benchmarks and tests. It honours the same
// contract as the SQLite store (package store/sqlite), checked by the
// same conformance suite, and keeps nothing it does not need: the raw
// input of articles only when asked.
package memory

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Options tune a store.
type Options struct {
	// KeepRaw keeps each article's Raw input; by default it is dropped
	// and Article returns Raw nil.
	KeepRaw bool
	// DropText keeps articles lean for runs over millions of them: Text,
	// Dates, Cited, the mentions of entities and the text of copies'
	// passages are not kept (entity names and kinds, and passages'
	// offsets, are), so Search and StoryFilter.Query see titles only.
	DropText bool
	// DropEntities keeps no entities of articles either, nor their totals:
	// Entities reports none and StoryFilter.Entity matches nothing. With
	// DropText and DropState, an article costs the store little more than
	// its id, title and assignment, what a one-off clustering run reads.
	DropEntities bool
	// DropState keeps no stage state: Commit ignores Batch.State, State
	// reports ErrNotFound and ScanState visits nothing. A store that lives
	// as long as one run, whose stages are never loaded from it again,
	// needs none, and an online index's state (a sketch of every article)
	// is some 2 KB per article.
	DropState bool
	// DropCopies keeps no copies: Commit ignores Batch.Copies and Copies
	// lists none.
	DropCopies bool
	// DropWhy keeps no explanation of assignments: Commit ignores each
	// Assignment's Why, and Assignment returns Why nil. Its terms and
	// names are some 150 bytes per article.
	DropWhy bool
	// DropTitles keeps none of the titles the clusterer gives events and
	// stories (Batch.Titles): each is titled by its first article. With
	// DropText, DropEntities, DropState, DropCopies and DropWhy, a store
	// keeps what `storyline cluster` reads back, each article's event
	// and story, and what the pipeline asks of it on the way.
	DropTitles bool
}

// Store is an in-memory storyline.Store, safe for concurrent use.
type Store struct {
	opts Options

	mu       sync.RWMutex
	articles map[string]*record
	updates  int
	copies   map[[2]string]storyline.Copy
	assign   map[string]storyline.Assignment
	events   map[string]*cluster
	stories  map[string]*cluster
	titles   map[string]string
	merges   []storyline.Merge
	quotes   map[string][]storyline.Quote
	state    map[string]map[string][]byte
	entities map[entityKey]*entityTotal
	closed   bool
	// touched lists the clusters the running commit changed.
	touched []*cluster
}

// record is a stored article with what listings need precomputed.
type record struct {
	a  storyline.Article
	ts int64 // sort key: Unix µs, unknownTS when unknown
	// entityKeys are the normalised entity names, for StoryFilter.Entity.
	entityKeys []string
	// mentions counts each entity's mentions when the store drops text
	// (and with it the mentions themselves); nil otherwise.
	mentions []int32
}

// unknownTS sorts articles without a date last.
const unknownTS int64 = 1<<63 - 1

type entityKey struct{ name, kind string }
type entityTotal struct{ articles, mentions int }

var _ storyline.Store = (*Store)(nil)

// New returns an empty store.
func New(o Options) *Store {
	return &Store{
		opts:     o,
		articles: map[string]*record{},
		copies:   map[[2]string]storyline.Copy{},
		assign:   map[string]storyline.Assignment{},
		events:   map[string]*cluster{},
		stories:  map[string]*cluster{},
		titles:   map[string]string{},
		quotes:   map[string][]storyline.Quote{},
		state:    map[string]map[string][]byte{},
		entities: map[entityKey]*entityTotal{},
	}
}

// Close marks the store closed; later calls fail.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

var errClosed = errors.New("memory: store is closed")

func pubTS(p storyline.Published) int64 {
	if p.IsZero() {
		return unknownTS
	}
	return p.Time.UnixMicro()
}

// Commit applies a batch atomically: it is checked in full before any of
// it is applied, and applying cannot fail.
func (s *Store) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("memory: commit: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: commit: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed
	}
	outs := make([]storyline.Outcome, len(b.Articles))
	for i := range b.Articles {
		outs[i] = s.putArticle(b.Articles[i])
	}
	for _, a := range b.Recleaned {
		old := s.articles[a.ID]
		if old == nil {
			continue
		}
		// The input is unchanged: keep what came from it.
		a.Hash, a.Raw, a.Source, a.URL, a.Published = old.a.Hash, old.a.Raw, old.a.Source, old.a.URL, old.a.Published
		a.Format, a.Origin = old.a.Format, old.a.Origin
		s.replace(old, a)
	}
	for _, cp := range b.Copies {
		if s.opts.DropCopies {
			break
		}
		if cp.A > cp.B {
			cp = cp.Swapped()
		}
		if s.opts.DropText {
			// A passage's text is a piece of an article's text, and
			// would keep all of it alive.
			ps := make([]storyline.Passage, len(cp.Passages))
			for i, p := range cp.Passages {
				p.Text = ""
				ps[i] = p
			}
			cp.Passages = ps
		}
		s.copies[[2]string{cp.A, cp.B}] = cp
	}
	for _, as := range b.Assignments {
		s.assignArticle(as)
	}
	for _, m := range b.Merges {
		s.merge(m)
	}
	s.settle()
	for id, t := range b.Titles {
		if s.opts.DropTitles {
			break
		}
		if t == "" {
			delete(s.titles, id)
		} else {
			s.titles[id] = strings.Clone(t)
		}
	}
	for id, qs := range b.Quotes {
		if len(qs) == 0 {
			delete(s.quotes, id)
			continue
		}
		s.quotes[id] = slices.Clone(qs)
	}
	for stage, kv := range b.State {
		if s.opts.DropState {
			break
		}
		m := s.state[stage]
		if m == nil {
			m = map[string][]byte{}
			s.state[stage] = m
		}
		for k, v := range kv {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = slices.Clone(v)
			}
		}
	}
	return outs, nil
}

func (s *Store) putArticle(a storyline.Article) storyline.Outcome {
	if a.Hash == "" {
		a.Hash = textproc.Hash(a.Title + "\n" + a.Text)
	}
	// Work done ahead for a stage is for that stage alone; a stored
	// article never carries it.
	a.Ahead = nil
	if !s.opts.KeepRaw {
		a.Raw = nil
	} else {
		a.Raw = slices.Clone(a.Raw)
	}
	old := s.articles[a.ID]
	if old != nil && old.a.Hash == a.Hash {
		return storyline.Unchanged
	}
	if old == nil {
		s.articles[a.ID] = s.newRecord(a)
		return storyline.Added
	}
	s.updates++
	s.replace(old, a)
	return storyline.Updated
}

// newRecord makes the record of a, counting its entities.
func (s *Store) newRecord(a storyline.Article) *record {
	r := &record{ts: pubTS(a.Published)}
	if s.opts.DropEntities {
		a.Entities = nil
	}
	if s.opts.DropText {
		a.Text, a.Dates, a.Cited = "", nil, nil
		// Entities keep their names, cloned (a name is often a substring
		// of the text it was found in, and would keep all of it alive),
		// and the number of their mentions, which Entities reports.
		ents := make([]storyline.Entity, len(a.Entities))
		r.mentions = make([]int32, len(a.Entities))
		for i, e := range a.Entities {
			ents[i] = storyline.Entity{Name: strings.Clone(e.Name), Kind: e.Kind}
			r.mentions[i] = int32(len(e.Mentions))
		}
		a.Entities = ents
	}
	r.a = a
	seen := map[entityKey]int{}
	var order []entityKey
	for i, e := range a.Entities {
		if e.Name == "" {
			continue
		}
		k := entityKey{e.Name, string(e.Kind)}
		if _, ok := seen[k]; !ok {
			order = append(order, k)
			r.entityKeys = append(r.entityKeys, textproc.Normalize(e.Name))
		}
		seen[k] += max(r.mentionCount(i), 1)
	}
	for _, k := range order {
		s.entity(k, 1, seen[k])
	}
	return r
}

// mentionCount is the number of mentions of the record's i-th entity.
func (r *record) mentionCount(i int) int {
	if r.mentions != nil {
		return int(r.mentions[i])
	}
	return len(r.a.Entities[i].Mentions)
}

// replace puts a in the place of the stored old.
func (s *Store) replace(old *record, a storyline.Article) {
	r := s.newRecord(a)
	s.articles[a.ID] = r
	s.dropEntities(old)
	if as, ok := s.assign[a.ID]; ok && (old.ts != r.ts || old.a.Title != a.Title) {
		for _, c := range []*cluster{s.events[as.Event], s.stories[as.Story]} {
			if c != nil {
				c.dirty = true
				s.touch(c)
			}
		}
	}
}

func (s *Store) dropEntities(old *record) {
	seen := map[entityKey]int{}
	for i, e := range old.a.Entities {
		if e.Name != "" {
			seen[entityKey{e.Name, string(e.Kind)}] += max(old.mentionCount(i), 1)
		}
	}
	for k, n := range seen {
		s.entity(k, -1, -n)
	}
}

func (s *Store) entity(k entityKey, articles, mentions int) {
	t := s.entities[k]
	if t == nil {
		t = &entityTotal{}
		s.entities[k] = t
	}
	t.articles += articles
	t.mentions += mentions
	if t.articles <= 0 {
		delete(s.entities, k)
	}
}

// Hashes returns the stored content hash of each of ids that is stored.
func (s *Store) Hashes(ctx context.Context, ids []string) (map[string]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		if r := s.articles[id]; r != nil {
			out[id] = r.a.Hash
		}
	}
	return out, nil
}

// Article returns one article (with Raw when KeepRaw), or ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (storyline.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := s.articles[id]
	if r == nil {
		return storyline.Article{}, fmt.Errorf("memory: article %q: %w", id, storyline.ErrNotFound)
	}
	a := r.a
	a.Raw = slices.Clone(r.a.Raw)
	return a, nil
}

// ArticleText returns only an article's clean text and publication time
// (copies.TextSource), without copying its raw input.
func (s *Store) ArticleText(ctx context.Context, id string) (string, storyline.Published, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := s.articles[id]
	if r == nil {
		return "", storyline.Published{}, fmt.Errorf("memory: article %q: %w", id, storyline.ErrNotFound)
	}
	return r.a.Text, r.a.Published, nil
}

// inRange reports whether ts lies in [since, until], a day Until
// including the whole day.
func inRange(ts int64, since, until storyline.Published) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	if ts == unknownTS {
		return false
	}
	if !since.IsZero() && ts < since.Time.UnixMicro() {
		return false
	}
	if !until.IsZero() {
		hi := until.Time.UnixMicro()
		if !until.HasTime {
			hi = until.Time.Add(24*time.Hour).UnixMicro() - 1
		}
		if ts > hi {
			return false
		}
	}
	return true
}

func byPub(x, y *record) int {
	return cmp.Or(cmp.Compare(x.ts, y.ts), strings.Compare(x.a.ID, y.a.ID))
}

// Articles lists articles in publication order (unknown dates last, then
// by id), without Raw. The listing is a snapshot taken when iteration
// starts.
func (s *Store) Articles(ctx context.Context, f storyline.ArticleFilter) iter.Seq2[storyline.Article, error] {
	return func(yield func(storyline.Article, error) bool) {
		s.mu.RLock()
		var list []*record
		keep := func(r *record) bool {
			return (f.Source == "" || r.a.Source == f.Source) && (f.Lang == "" || r.a.Lang == f.Lang) &&
				inRange(r.ts, f.Since, f.Until)
		}
		if len(f.IDs) > 0 {
			seen := map[string]bool{}
			for _, id := range f.IDs {
				if r := s.articles[id]; r != nil && !seen[id] && keep(r) {
					seen[id] = true
					list = append(list, r)
				}
			}
		} else {
			for _, r := range s.articles {
				if keep(r) {
					list = append(list, r)
				}
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(list, byPub)
		for i, r := range list {
			if f.Limit > 0 && i >= f.Limit {
				return
			}
			if err := ctx.Err(); err != nil {
				yield(storyline.Article{}, fmt.Errorf("memory: articles: %w", err))
				return
			}
			a := r.a
			a.Raw = nil
			if !yield(a, nil) {
				return
			}
		}
	}
}

// Stats summarises the store.
func (s *Store) Stats(ctx context.Context) (storyline.Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := storyline.Stats{Articles: len(s.articles), ByLang: map[string]int{}, ByFormat: map[string]int{}}
	sources := map[string]bool{}
	lo, hi := (*record)(nil), (*record)(nil)
	for _, r := range s.articles {
		if r.a.Source != "" {
			sources[r.a.Source] = true
		}
		st.ByLang[r.a.Lang]++
		st.ByFormat[r.a.Format]++
		if r.ts == unknownTS {
			continue
		}
		if lo == nil || r.ts < lo.ts {
			lo = r
		}
		if hi == nil || r.ts > hi.ts {
			hi = r
		}
	}
	st.Sources = len(sources)
	if lo != nil {
		st.First, st.Last = lo.a.Published, hi.a.Published
	}
	quotes := 0
	for _, qs := range s.quotes {
		quotes += len(qs)
	}
	st.Counts = map[string]int{
		"copies": len(s.copies), "events": len(s.events), "stories": len(s.stories),
		"quotes": quotes, "entities": len(s.entities), "updates": s.updates,
	}
	return st, nil
}

// Entities lists the entities stored articles mention: those in most
// articles first, then by mentions, then by name.
func (s *Store) Entities(ctx context.Context, limit int) ([]storyline.EntityCount, error) {
	s.mu.RLock()
	out := make([]storyline.EntityCount, 0, len(s.entities))
	for k, t := range s.entities {
		out = append(out, storyline.EntityCount{Name: k.name, Kind: storyline.EntityKind(k.kind), Articles: t.articles, Mentions: t.mentions})
	}
	s.mu.RUnlock()
	slices.SortFunc(out, func(x, y storyline.EntityCount) int {
		return cmp.Or(-cmp.Compare(x.Articles, y.Articles), -cmp.Compare(x.Mentions, y.Mentions),
			strings.Compare(x.Name, y.Name), strings.Compare(string(x.Kind), string(y.Kind)))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
