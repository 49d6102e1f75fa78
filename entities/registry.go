package entities

import (
	"math/bits"
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
	// names maps a surname stem key to its full name, "" if ambiguous,
	// and the generation that set it. A key counts in the current
	// generation, gen, or the one before; one map holds both, so that a
	// key absent from both is one lookup. When the current generation
	// holds half of limit keys (fresh counts them) a new one starts, and
	// the keys of the generation before it are deleted.
	names map[string]regName
	gen   uint32
	fresh int
	limit int
	// staged numbers the distinct full names learned since the last
	// Commit, as the articles write them: its keys, in the order
	// learned.
	staged strIndex
	// commit is Commit's working memory, kept between commits.
	commit struct {
		lowered []byte
		spans   [][2]int
		next    []int
		heads   []int
		names   []string
		// keys numbers the commit's keys, chains their names.
		keys   strIndex
		chains []chain
	}
}

// regName is a full name a Registry holds and the generation that set
// it.
type regName struct {
	name string
	gen  uint32
}

// chain links the staged names of one key (see Commit).
type chain struct{ first, last int }

// NewRegistry returns an empty registry that holds up to MaxNames
// surnames.
func NewRegistry() *Registry {
	return &Registry{names: make(map[string]regName), gen: 1, limit: MaxNames}
}

// lookup returns the committed name of key; g.mu must be held.
func (g *Registry) lookup(key string) (string, bool) {
	n, ok := g.names[key]
	if !ok || n.gen+1 < g.gen {
		return "", false
	}
	return n.name, true
}

// current reports whether key was set in the current generation; g.mu
// must be held.
func (g *Registry) current(key string) bool {
	n, ok := g.names[key]
	return ok && n.gen == g.gen
}

// set sets key's name in the current generation; g.mu must be held for
// writing.
func (g *Registry) set(key, name string) {
	if !g.current(key) {
		g.fresh++
	}
	g.names[key] = regName{name: name, gen: g.gen}
}

// rotate starts a new generation when the current one is full, and
// forgets the keys of the generation before it, not set again since;
// g.mu must be held for writing.
func (g *Registry) rotate() {
	if g.fresh < g.limit/2 {
		return
	}
	g.gen++
	g.fresh = 0
	for k, n := range g.names {
		if n.gen+1 < g.gen {
			delete(g.names, k)
		}
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
		if n := countFields(e.Name); n < 2 || n > 4 {
			continue
		}
		g.staged.add(e.Name) // once: a name staged already keeps its number
	}
}

// Commit makes the staged names visible and returns the surname keys whose
// full name changed, with the new value ("" when it became ambiguous).
// The names of one key apply in sorted order.
func (g *Registry) Commit() map[string]string {
	changed := make(map[string]string)
	g.commitTo(changed)
	return changed
}

// Settle is Commit for a caller that stores no state: it makes the
// staged names visible, as Commit does, and collects no record of what
// changed, which such a caller would drop.
func (g *Registry) Settle() {
	g.commitTo(nil)
}

// commitTo is Commit, recording what changed in changed unless it is
// nil.
func (g *Registry) commitTo(changed map[string]string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	staged := g.staged.keys
	n := len(staged)
	cw := &g.commit
	// the surnames' keys, stem(strings.ToLower(the name's last word)),
	// lowered into one string
	lowered := cw.lowered[:0]
	spans := slices.Grow(cw.spans[:0], n)[:n]
	for i, name := range staged {
		spans[i][0] = len(lowered)
		lowered = appendLower(lowered, lastField(name))
		spans[i][1] = len(lowered)
	}
	keys := string(lowered)
	// What one key's names do touches no other key, so keys may go in
	// any order: they go in the order they were learned, each with its
	// names chained by next.
	cw.keys.reset(n)
	chains := cw.chains[:0]
	next := slices.Grow(cw.next[:0], n)[:n]
	heads := cw.heads[:0]
	for i := range n {
		key := stem(keys[spans[i][0]:spans[i][1]])
		spans[i][1] = spans[i][0] + len(key)
		next[i] = -1
		if id := int(cw.keys.add(key)); id < len(chains) {
			next[chains[id].last] = i
			chains[id].last = i
		} else {
			chains = append(chains, chain{i, i})
			heads = append(heads, i)
		}
	}
	names := cw.names[:0]
	for _, h := range heads {
		names = names[:0]
		for i := h; i >= 0; i = next[i] {
			names = append(names, staged[i])
		}
		slices.Sort(names)
		for _, name := range names {
			g.apply(keys[spans[h][0]:spans[h][1]], name, changed)
		}
	}
	g.staged.reset(0) // the names hold their articles' text
	clear(names)
	cw.keys.reset(0) // its keys are the commit's
	cw.chains = chains[:0]
	cw.lowered, cw.spans, cw.next, cw.heads, cw.names = lowered[:0], spans[:0], next[:0], heads[:0], names[:0]
	g.rotate()
}

// apply commits one full name learned for a surname key, recording in
// changed, unless it is nil, what it changed. The key and name are
// copied before the registry keeps them, so that it holds neither
// articles' text nor a commit's keys; g.mu must be held for writing.
func (g *Registry) apply(key, name string, changed map[string]string) {
	// lookup and current, with one search of the map
	n, found := g.names[key]
	old, ok := n.name, found && n.gen+1 >= g.gen
	current := found && n.gen == g.gen
	switch {
	case !ok:
		key, name = cloneBoth(key, name)
		g.put(key, name, current)
		record(changed, key, name)
	case old == name || old == "" || endsWithWord(old, name):
		// learned again, or "Vladimir Vladimirovich Putin" already known:
		// keep it in the new generation
		if !current {
			g.put(strings.Clone(key), old, current)
		}
	case endsWithWord(name, old):
		key, name = cloneBoth(key, name)
		g.put(key, name, current)
		record(changed, key, name)
	default:
		key = strings.Clone(key)
		g.put(key, "", current) // two people share the surname
		record(changed, key, "")
	}
}

// record sets changed[key] to name, unless changed is nil.
func record(changed map[string]string, key, name string) {
	if changed != nil {
		changed[key] = name
	}
}

// put is set for a key whose being current, set in the current
// generation, the caller knows.
func (g *Registry) put(key, name string, current bool) {
	if !current {
		g.fresh++
	}
	g.names[key] = regName{name: name, gen: g.gen}
}

// cloneBoth returns copies of key and name that share one allocation.
func cloneBoth(key, name string) (string, string) {
	if key == "" || name == "" {
		// a concatenation with an empty string is the other one, shared
		return strings.Clone(key), strings.Clone(name)
	}
	both := key + name
	return both[:len(key)], both[len(key):]
}

// endsWithWord reports whether s ends with a space and w, as
// strings.HasSuffix(s, " "+w).
func endsWithWord(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && strings.HasSuffix(s, w)
}

// appendLower appends w lowered code point by code point, as
// unicode.ToLower does, to dst: ASCII bytes at once, the basic Cyrillic
// letters without the unicode tables (toLower).
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, toLower(r))
		i += size
	}
	return dst
}

// lastField returns the last of strings.Fields(s), or "". It reads s
// from the end, where the field is: ASCII and the two-byte Cyrillic
// letters (U+0400–U+047F, no spaces), most of the names read, without
// decoding.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		if c := s[end-1]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	start := end
	// eight ASCII bytes at a time back to the space before the field
	for start >= 8 {
		w := load64(s[start-8:])
		if w&asciiHigh != 0 {
			break
		}
		if sp := asciiSpaces(w); sp != 0 {
			return s[start-8+(63-bits.LeadingZeros64(sp))/8+1 : end]
		}
		start -= 8
	}
	for start > 0 {
		c := s[start-1]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				break
			}
			start--
			continue
		}
		if start >= 2 && c&0xc0 == 0x80 && (s[start-2] == 0xd0 || s[start-2] == 0xd1) {
			start -= 2
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	return s[start:end]
}

// asciiSpace reports whether the ASCII byte c is white space.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// Restore sets a committed name, as loaded from a store.
func (g *Registry) Restore(key, name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.set(key, name)
	g.rotate()
}

// Len returns how many surnames the registry holds.
func (g *Registry) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.names) // rotate deletes the keys of older generations
}
