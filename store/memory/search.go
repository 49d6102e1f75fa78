package memory

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// The memory store searches by scanning every article: there is no index
// to keep, which suits its uses (tests, benchmarks, one-shot clustering).
// Matching follows the SQLite store: words are split at anything that is
// not a letter or digit, folded (lower case, ё as е), every part of the
// query must match, quoted words form a phrase and a trailing '*' matches
// a prefix; ranking is BM25 with titles weighted.

const (
	titleWeight = 4.0
	bm25K1      = 1.2
	bm25B       = 0.75
)

// part is one element of a query: a phrase of one or more words, the last
// possibly a prefix.
type part struct {
	words  []string
	prefix bool
	// alt is the word typed, also matched exactly when its stem (in
	// words) is not a prefix of it.
	alt []string
}

// words splits text into folded words the way the SQLite index does.
func words(dst []string, toks []textproc.Token, text string) ([]string, []textproc.Token) {
	toks = textproc.Tokenize(toks[:0], text)
	for _, t := range toks {
		for _, w := range strings.FieldsFunc(t.Term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			dst = append(dst, w)
		}
	}
	return dst, toks
}

// parseQuery reads a query as the SQLite store's ftsQuery does.
func parseQuery(input string) []part {
	var parts []part
	var toks []textproc.Token
	var ws []string
	inQuote := false
	for i, seg := range strings.Split(strings.Map(textproc.FoldRune, input), `"`) {
		if i > 0 {
			inQuote = !inQuote
		}
		if inQuote {
			ws, toks = words(ws[:0], toks, seg)
			if len(ws) > 0 {
				parts = append(parts, part{words: slices.Clone(ws)})
			}
			continue
		}
		for _, field := range strings.FieldsFunc(seg, unicode.IsSpace) {
			prefix := strings.HasSuffix(field, "*")
			toks = textproc.Tokenize(toks[:0], field)
			for j, t := range toks {
				if !(prefix && j == len(toks)-1) {
					if s, ok := textproc.PrefixStem(t.Term); ok {
						ws, _ = words(ws[:0], nil, s)
						p := part{words: slices.Clone(ws), prefix: true}
						if !strings.HasPrefix(t.Term, s) {
							ws, _ = words(ws[:0], nil, t.Term)
							p.alt = slices.Clone(ws)
						}
						if len(p.words) > 0 {
							parts = append(parts, p)
							continue
						}
					}
				}
				ws, _ = words(ws[:0], nil, t.Term)
				if len(ws) > 0 {
					parts = append(parts, part{words: slices.Clone(ws), prefix: prefix && j == len(toks)-1})
				}
			}
		}
	}
	return parts
}

// count returns how often p occurs in ws.
func (p part) count(ws []string) int {
	n := 0
	if len(p.alt) > 0 {
		n = part{words: p.alt}.count(ws)
	}
	last := len(p.words) - 1
outer:
	for i := 0; i+last < len(ws); i++ {
		for j, w := range p.words {
			if j == last && p.prefix {
				if !strings.HasPrefix(ws[i+j], w) {
					continue outer
				}
			} else if ws[i+j] != w {
				continue outer
			}
		}
		n++
	}
	return n
}

type hit struct {
	id    string
	tf    []float64 // weighted term frequency per part
	len   int
	score float64
}

// search returns the ids of the articles matching query, best first; ok
// is false when the query has no words.
func (s *Store) search(query string, limit int) (ids []string, ok bool) {
	parts := parseQuery(query)
	if len(parts) == 0 {
		return nil, false
	}
	s.mu.RLock()
	recs := make([]*record, 0, len(s.articles))
	for _, r := range s.articles {
		recs = append(recs, r)
	}
	s.mu.RUnlock()
	var (
		hits     []hit
		df       = make([]int, len(parts))
		totalLen int
		tws, xws []string
		toks     []textproc.Token
	)
	for _, r := range recs {
		tws, toks = words(tws[:0], toks, r.a.Title)
		xws, toks = words(xws[:0], toks, r.a.Text)
		totalLen += len(tws) + len(xws)
		h := hit{id: r.a.ID, tf: make([]float64, len(parts)), len: len(tws) + len(xws)}
		all := true
		for i, p := range parts {
			tc, xc := p.count(tws), p.count(xws)
			if tc+xc == 0 {
				all = false
				break
			}
			h.tf[i] = titleWeight*float64(tc) + float64(xc)
		}
		if !all {
			continue
		}
		for i := range parts {
			df[i]++
		}
		hits = append(hits, h)
	}
	if len(hits) == 0 {
		return nil, true
	}
	n := float64(len(recs))
	avg := float64(totalLen) / n
	for i := range hits {
		h := &hits[i]
		for j, tf := range h.tf {
			idf := math.Log((n-float64(df[j])+0.5)/(float64(df[j])+0.5) + 1)
			h.score += idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(h.len)/avg))
		}
	}
	slices.SortFunc(hits, func(x, y hit) int { return cmp.Or(-cmp.Compare(x.score, y.score), strings.Compare(x.id, y.id)) })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	ids = make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	return ids, true
}

// Search finds articles whose title or text match a full-text query, best
// first. It scans every article.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]storyline.Article, error) {
	if limit <= 0 {
		limit = 20
	}
	ids, _ := s.search(query, limit)
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]storyline.Article, 0, len(ids))
	for _, id := range ids {
		if r := s.articles[id]; r != nil {
			a := r.a
			a.Raw = nil
			out = append(out, a)
		}
	}
	return out, nil
}
