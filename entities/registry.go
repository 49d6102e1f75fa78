package entities

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

// MaxNames bounds the surnames a Registry holds. Past it the registry
// forgets the surnames not learned again since the last time it reached
// half of it, so that a stream of any length keeps its memory bounded: a
// surname with its full name takes about 120 bytes, MaxNames of them
// about 30 MB.
const MaxNames = 1 << 18

// Registry remembers full person names across articles so that an article
// that says only "Putin" is joined to "Vladimir Putin". A surname shared by
// two full names is ambiguous and resolves to nothing.
//
// Learning is staged: Learn records what an article taught, and only
// Commit makes it visible to FullName, applying staged names in sorted
// order. Articles read concurrently between two commits therefore see the
// same registry whatever order they run in. It is safe for concurrent use.
type Registry struct {
	mu sync.RWMutex
	// names maps a surname stem key to its full name, "" if ambiguous;
	// old holds the generation before, consulted after names. When names
	// reaches half of limit it becomes old and old is dropped.
	names, old map[string]string
	limit      int
	// staged are the distinct full names learned since the last Commit,
	// as the articles write them; isStaged holds the same names.
	staged   []string
	isStaged map[string]bool
}

// NewRegistry returns an empty registry that holds up to MaxNames
// surnames.
func NewRegistry() *Registry {
	return &Registry{names: make(map[string]string), isStaged: make(map[string]bool), limit: MaxNames}
}

// lookup returns the committed name of key; g.mu must be held.
func (g *Registry) lookup(key string) (string, bool) {
	if n, ok := g.names[key]; ok {
		return n, true
	}
	n, ok := g.old[key]
	return n, ok
}

// rotate starts a new generation when the current one is full; g.mu must
// be held for writing.
func (g *Registry) rotate() {
	if len(g.names) >= g.limit/2 {
		g.old, g.names = g.names, make(map[string]string)
	}
}

// FullName returns the committed full name known for a surname key, or "".
func (g *Registry) FullName(key string) string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n, _ := g.lookup(key)
	return n
}

// Learn stages the full person names of r until the next Commit.
func (g *Registry) Learn(r *Result) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, e := range r.Entities {
		if e.Kind != storyline.Person {
			continue
		}
		if g.isStaged[e.Name] {
			continue
		}
		if n := countFields(e.Name); n < 2 || n > 4 {
			continue
		}
		g.isStaged[e.Name] = true
		g.staged = append(g.staged, e.Name)
	}
}

// staged is a full name and the key of its surname.
type staged struct{ key, name string }

// Commit makes the staged names visible and returns the surname keys whose
// full name changed, with the new value ("" when it became ambiguous).
// Names apply in the order of their keys, then of the names.
func (g *Registry) Commit() map[string]string {
	g.mu.Lock()
	defer g.mu.Unlock()
	changed := make(map[string]string)
	if len(g.staged) == 0 {
		g.rotate()
		return changed
	}
	// the surnames' keys, lowered into one string: stem(strings.ToLower(
	// the name's last word))
	var lowered []byte
	ends := make([]int, len(g.staged))
	for i, name := range g.staged {
		for _, r := range lastField(name) {
			lowered = utf8.AppendRune(lowered, unicode.ToLower(r))
		}
		ends[i] = len(lowered)
	}
	keys := string(lowered)
	pairs := make([]staged, len(g.staged))
	for i, name := range g.staged {
		lo := 0
		if i > 0 {
			lo = ends[i-1]
		}
		pairs[i] = staged{key: stem(keys[lo:ends[i]]), name: name}
	}
	clear(g.staged) // the names hold their articles' text
	g.staged = g.staged[:0]
	clear(g.isStaged)
	slices.SortFunc(pairs, func(a, b staged) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name))
	})
	for _, p := range pairs {
		// keys and names are copied before the registry keeps them, so
		// that it holds neither the articles' text nor keys
		old, ok := g.lookup(p.key)
		switch {
		case !ok:
			key := strings.Clone(p.key)
			g.names[key] = strings.Clone(p.name)
			changed[key] = g.names[key]
		case old == p.name || old == "" || strings.HasSuffix(old, " "+p.name):
			// learned again, or "Vladimir Vladimirovich Putin" already
			// known: keep it in the new generation
			if _, current := g.names[p.key]; !current {
				g.names[strings.Clone(p.key)] = old
			}
		case strings.HasSuffix(p.name, " "+old):
			key := strings.Clone(p.key)
			g.names[key] = strings.Clone(p.name)
			changed[key] = g.names[key]
		default:
			key := strings.Clone(p.key)
			g.names[key] = "" // two people share the surname
			changed[key] = ""
		}
	}
	g.rotate()
	return changed
}

// lastField returns the last of strings.Fields(s), or "".
func lastField(s string) string {
	last, start := "", -1
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			last, start = s[start:i], -1
		}
	}
	if start >= 0 {
		last = s[start:]
	}
	return last
}

// Restore sets a committed name, as loaded from a store.
func (g *Registry) Restore(key, name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.names[key] = name
	g.rotate()
}

// Len returns how many surnames the registry holds.
func (g *Registry) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n := len(g.names)
	for k := range g.old {
		if _, dup := g.names[k]; !dup {
			n++
		}
	}
	return n
}
