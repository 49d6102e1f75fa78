package entities

import (
	"sort"
	"strings"
	"sync"

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
	staged     map[string]map[string]bool
}

// NewRegistry returns an empty registry that holds up to MaxNames
// surnames.
func NewRegistry() *Registry {
	return &Registry{names: make(map[string]string), staged: make(map[string]map[string]bool), limit: MaxNames}
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
		f := strings.Fields(e.Name)
		if len(f) < 2 || len(f) > 4 {
			continue
		}
		key := stem(strings.ToLower(f[len(f)-1]))
		if g.staged[key] == nil {
			g.staged[key] = make(map[string]bool)
		}
		if !g.staged[key][e.Name] {
			// a copy, so that the registry does not keep the article's text
			g.staged[key][strings.Clone(e.Name)] = true
		}
	}
}

// Commit makes the staged names visible and returns the surname keys whose
// full name changed, with the new value ("" when it became ambiguous).
func (g *Registry) Commit() map[string]string {
	g.mu.Lock()
	defer g.mu.Unlock()
	changed := make(map[string]string)
	keys := make([]string, 0, len(g.staged))
	for k := range g.staged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		names := make([]string, 0, len(g.staged[key]))
		for n := range g.staged[key] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			old, ok := g.lookup(key)
			switch {
			case !ok:
				g.names[key] = name
			case old == name || old == "":
				if _, current := g.names[key]; !current {
					g.names[key] = old // learned again: keep it in the new generation
				}
				continue
			case strings.HasSuffix(old, " "+name):
				if _, current := g.names[key]; !current {
					g.names[key] = old
				}
				continue // "Vladimir Vladimirovich Putin" already known
			case strings.HasSuffix(name, " "+old):
				g.names[key] = name
			default:
				g.names[key] = "" // two people share the surname
			}
			changed[key] = g.names[key]
		}
	}
	clear(g.staged)
	g.rotate()
	return changed
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
