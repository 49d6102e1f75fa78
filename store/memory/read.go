package memory

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Copies lists stored pairs ordered by A, then B.
func (s *Store) Copies(ctx context.Context, f storyline.CopyFilter) ([]storyline.Copy, error) {
	s.mu.RLock()
	var out []storyline.Copy
	for k, c := range s.copies {
		if f.Article != "" && k[0] != f.Article && k[1] != f.Article {
			continue
		}
		if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, c.Kind) {
			continue
		}
		c.Passages = slices.Clone(c.Passages)
		out = append(out, c)
	}
	s.mu.RUnlock()
	slices.SortFunc(out, func(x, y storyline.Copy) int { return cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B)) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// Quotes lists quotes by article publication order, then offset.
func (s *Store) Quotes(ctx context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	speaker := textproc.Normalize(f.Speaker)
	s.mu.RLock()
	type q struct {
		q   storyline.Quote
		ts  int64
		ord int
	}
	var list []q
	for article, qs := range s.quotes {
		if f.Article != "" && article != f.Article {
			continue
		}
		if f.Story != "" {
			if as, ok := s.assign[article]; !ok || as.Story != f.Story {
				continue
			}
		}
		ts := unknownTS
		if r := s.articles[article]; r != nil {
			ts = r.ts
		}
		for i, x := range qs {
			if f.Speaker != "" && textproc.Normalize(x.Speaker) != speaker {
				continue
			}
			if f.Statement != "" && x.Statement != f.Statement {
				continue
			}
			x.Article = article
			list = append(list, q{x, ts, i})
		}
	}
	s.mu.RUnlock()
	slices.SortFunc(list, func(x, y q) int {
		return cmp.Or(cmp.Compare(x.ts, y.ts), strings.Compare(x.q.Article, y.q.Article),
			cmp.Compare(x.q.Start, y.q.Start), cmp.Compare(x.ord, y.ord))
	})
	if f.Limit > 0 && len(list) > f.Limit {
		list = list[:f.Limit]
	}
	out := make([]storyline.Quote, len(list))
	for i, x := range list {
		out[i] = x.q
	}
	return out, nil
}

// State returns one value, or ErrNotFound.
func (s *Store) State(ctx context.Context, stage, key string) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.state[stage][key]
	if !ok {
		return nil, fmt.Errorf("memory: state %s/%s: %w", stage, key, storyline.ErrNotFound)
	}
	return append([]byte{}, v...), nil
}

// ScanState visits a stage's keys with the given prefix in key order
// (bytewise), over a snapshot taken when iteration starts.
func (s *Store) ScanState(ctx context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		s.mu.RLock()
		type kv struct {
			k string
			v []byte
		}
		var list []kv
		for k, v := range s.state[stage] {
			if strings.HasPrefix(k, prefix) {
				list = append(list, kv{k, v})
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(list, func(x, y kv) int { return strings.Compare(x.k, y.k) })
		for _, x := range list {
			if !yield(x.k, append([]byte{}, x.v...)) {
				return
			}
		}
	}
}
