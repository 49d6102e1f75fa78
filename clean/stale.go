package clean

import (
	"slices"
)

// seenArticle is one of an outlet's latest articles as the Cleaner
// remembers it: its id and the keys of the lines it could learn.
type seenArticle struct {
	id   string
	keys []uint64 // sorted, distinct
	// sketch has the bit keyBit of each of keys set: a key whose bit is
	// clear is not among them, and is not searched for.
	sketch [2]uint64
}

// keyBit picks one of the 128 bits of a sketch for the line key k.
func keyBit(k uint64) (word int, bit uint64) { return int(k >> 63), 1 << (k >> 57 & 63) }

// mayHold reports whether a sketch may hold one of keys.
func mayHold(s [2]uint64, keys []uint64) bool {
	for _, k := range keys {
		if w, b := keyBit(k); s[w]&b != 0 {
			return true
		}
	}
	return false
}

// sketchOf returns the sketch of keys.
func sketchOf(keys []uint64) (s [2]uint64) {
	for _, k := range keys {
		w, b := keyBit(k)
		s[w] |= b
	}
	return s
}

// latest is a ring of an outlet's latest articles, so that a line learned
// now names the earlier articles that carry it without a look at the
// store: the cost of learning stays flat however large the store grows.
type latest struct {
	ring []seenArticle
	next int
	// stale are the remembered articles that carried a line when it was
	// learned, since the last Stale; named marks them.
	stale []string
	named map[string]bool
	// restored is set when the outlet's counts came from the store: its
	// articles from before the restart are not in the ring until the ring
	// has filled again. unseen is set when a line was learned meanwhile.
	restored, unseen bool
}

// remember adds an article's learnable line keys to the ring of size max.
// It keeps a copy of keys, in the slice of the article it replaces once
// the ring is full.
func (l *latest) remember(id string, keys []uint64, max int) {
	if len(l.ring) < max {
		l.ring = append(l.ring, seenArticle{id: id, keys: slices.Clone(keys), sketch: sketchOf(keys)})
	} else {
		e := &l.ring[l.next]
		e.id, e.keys, e.sketch = id, append(e.keys[:0], keys...), sketchOf(keys)
		l.next = (l.next + 1) % max
	}
	if len(l.ring) == max {
		l.restored = false // the ring covers the outlet's latest articles
	}
}

// learned notes, oldest first, the remembered articles that carry one of
// the keys just learned: they were cleaned before and keep the lines.
func (l *latest) learned(keys []uint64) {
	l.unseen = l.unseen || l.restored
	n := len(l.ring)
	for i := range n {
		e := &l.ring[(l.next+i)%n]
		if !mayHold(e.sketch, keys) || l.named[e.id] {
			continue
		}
		for _, k := range keys {
			if w, b := keyBit(k); e.sketch[w]&b == 0 {
				continue
			}
			if _, ok := slices.BinarySearch(e.keys, k); ok {
				if l.named == nil {
					l.named = make(map[string]bool)
				}
				l.named[e.id] = true
				l.stale = append(l.stale, e.id)
				break
			}
		}
	}
}

// Stale returns what to clean again because lines were learned since the
// last call, and forgets it: the ids of the outlets' latest articles (up
// to Options.RecentArticles per outlet) that carry a newly learned line,
// oldest first per outlet, outlets in name order; and, sorted, the outlets
// whose earlier articles the Cleaner does not remember because it was
// restored from the store since, whose stored articles must be listed to
// be cleaned again.
func (c *Cleaner) Stale() (ids, outlets []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, src := range sortedKeys(c.changed) {
		o := c.outlets[src]
		if o == nil {
			continue
		}
		ids = append(ids, o.latest.stale...)
		o.latest.stale = o.latest.stale[:0]
		clear(o.latest.named)
		if o.latest.unseen {
			outlets = append(outlets, src)
			o.latest.unseen = false
		}
	}
	clear(c.changed)
	return ids, outlets
}
