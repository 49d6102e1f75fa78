package cluster

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// shared explains a match: the terms contributing most to the similarity
// of v with n, in readable form, names listed apart.
func (c *Clusterer) shared(v vector, f *Features, n *node) (terms, entities []string) {
	// the shared terms by contribution, most first, ties by
	// compareTerms: ranked terms whose keys order the contributions as
	// rankKey orders weights, sorted by sortRanked
	cs := c.rankBuf[:0]
	c.scatter(v)
	for i, id := range n.cent.ids {
		if q := c.qw[id]; q > 0 {
			cs = append(cs, rankedTerm{key: contribKey(float64(q) * float64(n.cent.ws[i])), id: id})
		}
	}
	c.unscatter(v)
	c.rankBuf = cs
	c.sortRanked(cs)
	// the article's terms by id (positions plus one in c.pos), so that
	// each contribution finds its term without a scan of them
	for i := range f.terms {
		c.pos[f.terms[i].id] = int32(i + 1)
	}
	defer func() {
		for i := range f.terms {
			c.pos[f.terms[i].id] = 0
		}
	}()
	// rawT and rawE mark (bit i for the i-th) the terms and entities
	// written as the article writes them
	var rawT, rawE uint32
	for _, x := range cs {
		if len(terms) >= 8 && len(entities) >= 5 {
			break
		}
		var boost float32 = 1
		i := int(c.pos[x.id]) - 1
		if i >= 0 {
			boost = f.terms[i].boost
		}
		name := boost >= nameBoost
		if name && len(entities) >= 5 || !name && len(terms) >= 8 {
			continue
		}
		// the article's own writing of the term (lowered below), else
		// the lexicon's
		var surface string
		raw := i >= 0
		if raw {
			surface = f.raw(&f.terms[i])
		} else {
			surface = c.lex.term(x.id)
		}
		if name {
			rawE |= uint32(b2i(raw)) << len(entities)
			entities = append(entities, surface)
		} else {
			rawT |= uint32(b2i(raw)) << len(terms)
			terms = append(terms, surface)
		}
	}
	lowerSurfaces(terms, entities, rawT, rawE)
	if n.crossScript(f.cyrillic) {
		// reports in another script: the names they share, as this
		// article writes them
		c.scatter(c.kvec)
		for _, k := range f.keys {
			if len(entities) >= 5 {
				break
			}
			if c.qw[k.id] == 0 || !slices.Contains(n.keys.ids, k.id) {
				continue
			}
			if w := f.written(&k); w != "" && !slices.Contains(entities, w) {
				entities = append(entities, w)
			}
		}
		c.unscatter(c.kvec)
	}
	return terms, entities
}

// lowerSurfaces lowers the strings of terms and entities marked in
// rawT and rawE (bit i for the i-th) as strings.ToLower does, the ASCII
// ones (most) into one allocation shared by all, not one each.
func lowerSurfaces(terms, entities []string, rawT, rawE uint32) {
	n := 0
	for i, s := range terms {
		n += len(s) * int(rawT>>i&1)
	}
	for i, s := range entities {
		n += len(s) * int(rawE>>i&1)
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range terms {
		if rawT>>i&1 != 0 {
			terms[i] = lowerInto(&b, s)
		}
	}
	for i, s := range entities {
		if rawE>>i&1 != 0 {
			entities[i] = lowerInto(&b, s)
		}
	}
}

// lowerInto returns strings.ToLower(s), written into b when s is ASCII
// with a capital; b must have room for s (no write may move what it
// holds).
func lowerInto(b *strings.Builder, s string) string {
	upper := false
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	start := b.Len()
	for j := 0; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()[start:]
}

// contribKey is the key of a contribution w to a similarity: ascending
// keys order contributions descending (as floats compare: -0 is 0).
func contribKey(w float64) uint64 {
	b := math.Float64bits(w)
	switch {
	case w == 0:
		b = 1 << 63 // -0 ties with 0
	case b>>63 != 0:
		b = ^b
	default:
		b |= 1 << 63
	}
	return ^b
}

// b2i is 1 for true, else 0.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
