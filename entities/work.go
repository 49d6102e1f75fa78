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
	lower map[string]bool
	// byLast and kinds are classify's; full and index are group's.
	byLast map[string]bool
	kinds  map[string]storyline.EntityKind
	full   map[string]*cand
	index  map[entityKey]int
	// count is mentions per entity; ents collects the entities before
	// they are copied to a slice of their own.
	count    []int
	ents     []storyline.Entity
	mentions []Mention
	merged   []Mention // see mergeMentions
	// isName is, per token, whether a name starts there (roles).
	isName  []bool
	learned []role
}

// entityKey keys an entity by its kind and stem key, or by a full name.
type entityKey struct{ kind, key string }

// workOf returns d's working memory, made on first use.
func workOf(d *Doc) *work {
	if d.work == nil {
		d.work = &work{
			lower:  make(map[string]bool),
			byLast: make(map[string]bool),
			kinds:  make(map[string]storyline.EntityKind),
			full:   make(map[string]*cand),
			index:  make(map[entityKey]int),
		}
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
