package server

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/storyline-news/storyline"
)

// fakeStore is a small in-memory storyline.Store for the server's tests:
// enough of each read to exercise the handlers, no more.
type fakeStore struct {
	mu       sync.Mutex
	articles map[string]storyline.Article
	copies   []storyline.Copy
	assign   map[string]storyline.Assignment
	titles   map[string]string
	quotes   map[string][]storyline.Quote
	// failStats makes Stats fail, for the health check.
	failStats bool
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		articles: make(map[string]storyline.Article),
		assign:   make(map[string]storyline.Assignment),
		titles:   make(map[string]string),
		quotes:   make(map[string][]storyline.Quote),
	}
}

var _ storyline.Store = (*fakeStore)(nil)

func (s *fakeStore) Commit(_ context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]storyline.Outcome, 0, len(b.Articles))
	for _, a := range b.Articles {
		old, ok := s.articles[a.ID]
		switch {
		case !ok:
			out = append(out, storyline.Added)
		case old.Hash == a.Hash:
			out = append(out, storyline.Unchanged)
			continue
		default:
			out = append(out, storyline.Updated)
		}
		s.articles[a.ID] = a
	}
	for _, c := range b.Copies {
		s.copies = slices.DeleteFunc(s.copies, func(x storyline.Copy) bool { return x.A == c.A && x.B == c.B })
		s.copies = append(s.copies, c)
	}
	for _, as := range b.Assignments {
		s.assign[as.Article] = as
	}
	for id, t := range b.Titles {
		s.titles[id] = t
	}
	for id, qs := range b.Quotes {
		s.quotes[id] = qs
	}
	return out, nil
}

func (s *fakeStore) Close() error { return nil }

func (s *fakeStore) Hashes(_ context.Context, ids []string) (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string)
	for _, id := range ids {
		if a, ok := s.articles[id]; ok {
			out[id] = a.Hash
		}
	}
	return out, nil
}

func (s *fakeStore) Article(_ context.Context, id string) (storyline.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.articles[id]
	if !ok {
		return a, fmt.Errorf("article %q: %w", id, storyline.ErrNotFound)
	}
	return a, nil
}

func byPublished(x, y storyline.Article) int {
	if x.Published.IsZero() != y.Published.IsZero() {
		if x.Published.IsZero() {
			return 1
		}
		return -1
	}
	return cmp.Or(x.Published.Time.Compare(y.Published.Time), strings.Compare(x.ID, y.ID))
}

func (s *fakeStore) sorted() []storyline.Article {
	all := make([]storyline.Article, 0, len(s.articles))
	for _, a := range s.articles {
		all = append(all, a)
	}
	slices.SortFunc(all, byPublished)
	return all
}

func (s *fakeStore) Articles(_ context.Context, f storyline.ArticleFilter) iter.Seq2[storyline.Article, error] {
	s.mu.Lock()
	all := s.sorted()
	s.mu.Unlock()
	return func(yield func(storyline.Article, error) bool) {
		n := 0
		for _, a := range all {
			if len(f.IDs) > 0 && !slices.Contains(f.IDs, a.ID) {
				continue
			}
			if f.Source != "" && a.Source != f.Source || f.Lang != "" && a.Lang != f.Lang {
				continue
			}
			if f.Limit > 0 && n >= f.Limit {
				return
			}
			n++
			a.Raw = nil
			if !yield(a, nil) {
				return
			}
		}
	}
}

func (s *fakeStore) Search(_ context.Context, q string, limit int) ([]storyline.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []storyline.Article
	for _, a := range s.sorted() {
		if strings.Contains(strings.ToLower(a.Title+" "+a.Text), strings.ToLower(q)) {
			out = append(out, a)
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (s *fakeStore) Stats(context.Context) (storyline.Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failStats {
		return storyline.Stats{}, fmt.Errorf("stats: disk on fire")
	}
	return storyline.Stats{Articles: len(s.articles)}, nil
}

func (s *fakeStore) Entities(context.Context, int) ([]storyline.EntityCount, error) { return nil, nil }

func (s *fakeStore) Copies(_ context.Context, f storyline.CopyFilter) ([]storyline.Copy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []storyline.Copy
	for _, c := range s.copies {
		if f.Article == "" || c.A == f.Article || c.B == f.Article {
			out = append(out, c)
		}
	}
	return out, nil
}

func (s *fakeStore) Assignment(_ context.Context, id string) (storyline.Assignment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.assign[id]
	if !ok {
		return a, fmt.Errorf("assignment %q: %w", id, storyline.ErrNotFound)
	}
	return a, nil
}

// stories builds every story from the assignments.
func (s *fakeStore) stories() []storyline.Story {
	byID := make(map[string]*storyline.Story)
	events := make(map[string]*storyline.Event)
	for _, a := range s.sorted() {
		as, ok := s.assign[a.ID]
		if !ok {
			continue
		}
		st, ok := byID[as.Story]
		if !ok {
			st = &storyline.Story{ID: as.Story, Title: cmp.Or(s.titles[as.Story], a.Title), FirstPublished: a.Published}
			byID[as.Story] = st
		}
		st.Articles = append(st.Articles, a.ID)
		st.LastPublished = a.Published
		ev, ok := events[as.Event]
		if !ok {
			ev = &storyline.Event{ID: as.Event, Story: as.Story, Title: cmp.Or(s.titles[as.Event], a.Title), FirstPublished: a.Published}
			events[as.Event] = ev
		}
		ev.Articles = append(ev.Articles, a.ID)
		ev.LastPublished = a.Published
	}
	for _, ev := range events {
		byID[ev.Story].Events = append(byID[ev.Story].Events, *ev)
	}
	out := make([]storyline.Story, 0, len(byID))
	for _, st := range byID {
		slices.SortFunc(st.Events, func(x, y storyline.Event) int {
			return cmp.Or(x.FirstPublished.Time.Compare(y.FirstPublished.Time), strings.Compare(x.ID, y.ID))
		})
		out = append(out, *st)
	}
	slices.SortFunc(out, func(x, y storyline.Story) int {
		return cmp.Or(y.LastPublished.Time.Compare(x.LastPublished.Time), strings.Compare(x.ID, y.ID))
	})
	return out
}

func (s *fakeStore) Stories(_ context.Context, f storyline.StoryFilter) ([]storyline.Story, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []storyline.Story
	for _, st := range s.stories() {
		if !f.Since.IsZero() && st.LastPublished.Time.Before(f.Since.Time) {
			continue
		}
		if !f.Until.IsZero() && st.FirstPublished.Time.After(f.Until.Time) {
			continue
		}
		if f.Query != "" && !s.storyMatches(st, func(a storyline.Article) bool {
			return strings.Contains(strings.ToLower(a.Title+" "+a.Text), strings.ToLower(f.Query))
		}) {
			continue
		}
		if f.Source != "" && !s.storyMatches(st, func(a storyline.Article) bool { return a.Source == f.Source }) {
			continue
		}
		out = append(out, st)
	}
	if f.Offset >= len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func (s *fakeStore) storyMatches(st storyline.Story, ok func(storyline.Article) bool) bool {
	for _, id := range st.Articles {
		if ok(s.articles[id]) {
			return true
		}
	}
	return false
}

func (s *fakeStore) Story(_ context.Context, id string) (storyline.Story, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.stories() {
		if st.ID == id {
			return st, nil
		}
	}
	return storyline.Story{}, fmt.Errorf("story %q: %w", id, storyline.ErrNotFound)
}

func (s *fakeStore) Quotes(_ context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []storyline.Quote
	for _, a := range s.sorted() {
		if f.Article != "" && a.ID != f.Article {
			continue
		}
		if f.Story != "" && s.assign[a.ID].Story != f.Story {
			continue
		}
		for _, q := range s.quotes[a.ID] {
			if f.Speaker != "" && !strings.EqualFold(q.Speaker, f.Speaker) {
				continue
			}
			if f.Statement != "" && q.Statement != f.Statement {
				continue
			}
			out = append(out, q)
		}
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func (s *fakeStore) State(_ context.Context, stage, key string) ([]byte, error) {
	return nil, fmt.Errorf("state %s/%s: %w", stage, key, storyline.ErrNotFound)
}

func (s *fakeStore) ScanState(context.Context, string, string) iter.Seq2[string, []byte] {
	return func(func(string, []byte) bool) {}
}
