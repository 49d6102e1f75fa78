package entities

import storyline "github.com/storyline-news/storyline"

// work is Recognize's working memory: the candidates of one article and
// the maps that join them, kept with the Doc and cleared for each article
// so that reading a stream allocates little more than its results.
type work struct {
	cands []cand
	ptrs  []*cand
	// joined holds the lower-case names and keys of several words of
	// the candidates being made (see makeCand).
	joined []byte
	// lower is lowerTerms' answer.
	lower lowerSet
	// ids numbers the article's distinct stem keys (see internKeys);
	// byLast and kinds, classify's, and full and index, group's, are
	// indexed by those numbers. byReg keys entities by the full names
	// the registry gives surnames.
	ids    strIndex
	byLast []bool
	kinds  []storyline.EntityKind
	full   []*cand
	index  [][3]int32
	byReg  map[string]int
	// count is mentions per entity; ents collects the entities before
	// they are copied to a slice of their own.
	count    []int
	ents     []storyline.Entity
	mentions []Mention
	merged   []Mention // see mergeMentions
	// isName is, per token, whether a name starts there (roles).
	isName []bool
	// lex caches, per token, the lexicon's flags (see Doc.lex).
	lex     []lexFlag
	learned []role
	// surnames are the terms written after a first name (see
	// headlineSurname).
	surnames []string
	// roleAt lists the tokens whose term is a role head (see
	// lowerTerms).
	roleAt []int32
	// capAt lists the capitalised tokens (see Doc.capitalizedTokens),
	// made in capBuf when the caller set the Doc's tokens.
	capAt, capBuf []int32
}

// workOf returns d's working memory, made on first use.
func workOf(d *Doc) *work {
	if d.work == nil {
		d.work = new(work)
	}
	return d.work
}

// emptied returns m cleared, or a new map when m held many entries: the
// memory a map grows to stays with it, and clearing it costs as much,
// so that one long article would slow every later one down.
func emptied[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > 256 {
		return make(map[K]V)
	}
	clear(m)
	return m
}

// internKeys numbers the distinct stem keys of the candidates' names and
// last words, setting their kid and lid, and returns how many there are.
func (w *work) internKeys(cands []*cand) int {
	ids := &w.ids
	ids.reset(len(cands))
	for _, c := range cands {
		c.kid = ids.add(c.key)
		if c.last == c.key {
			c.lid = c.kid
		} else {
			c.lid = ids.add(c.last)
		}
	}
	return len(ids.keys)
}

// resized returns s with n elements, all zero, reusing its array.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// kindSlot is the index of an entity of kind k in work.index's arrays.
func kindSlot(k storyline.EntityKind) int {
	switch k {
	case storyline.Person:
		return 0
	case storyline.Organization:
		return 1
	}
	return 2
}
