package copies

import (
	"context"
	"sync"

	"github.com/storyline-news/storyline"
)

// fetchedCache keeps the candidates last read back from the store,
// prepared, within a byte budget: an old article that shares a passage
// with one arrival tends to share it with the next ones of the same story
// too, and reading and preparing it again for each costs more than
// keeping it a while. It evicts in the order articles were read, but
// gives an article asked for again since it was read, or since it was
// last spared, a second chance (the clock algorithm): the old copies of a
// story that keeps growing stay, those read once for a chance match go.
type fetchedCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	byID     map[string]*fetchedEntry
	order    []string // ids in the order they were read or spared, oldest first
	head     int      // index in order of the oldest still cached
}

// fetchedEntry is a cached entry and whether it was asked for again.
type fetchedEntry struct {
	e   *entry
	hit bool
}

func newFetchedCache(maxBytes int) *fetchedCache {
	return &fetchedCache{maxBytes: maxBytes, byID: make(map[string]*fetchedEntry)}
}

// get returns the cached entry of id, nil when there is none.
func (c *fetchedCache) get(id string) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	fe := c.byID[id]
	if fe == nil {
		return nil
	}
	fe.hit = true
	return fe.e
}

// put caches e, evicting past the budget.
func (c *fetchedCache) put(e *entry) {
	if c.maxBytes <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byID[e.id]; ok {
		return
	}
	c.byID[e.id] = &fetchedEntry{e: e}
	c.order = append(c.order, e.id)
	c.bytes += e.size()
	// each entry is spared at most once, and the new one is moved
	// after the others once they are all spared: the loop ends
	for c.bytes > c.maxBytes && c.head < len(c.order) {
		id := c.order[c.head]
		c.order[c.head] = ""
		c.head++
		fe, ok := c.byID[id]
		if !ok {
			continue // forgotten
		}
		if fe.e == e && len(c.byID) > 1 || fe.hit {
			// the new entry goes after the others; one asked for
			// again is spared once
			fe.hit = false
			c.order = append(c.order, id)
			continue
		}
		c.bytes -= fe.e.size()
		delete(c.byID, id)
	}
	if c.head > len(c.order)/2 && c.head > 64 {
		c.order = append(c.order[:0], c.order[c.head:]...)
		c.head = 0
	}
}

// forget drops id, whose article changed.
func (c *fetchedCache) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if fe, ok := c.byID[id]; ok {
		c.bytes -= fe.e.size()
		delete(c.byID, id)
		// its place in order is skipped when reached
	}
}

// len is how many entries are cached.
func (c *fetchedCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byID)
}

// fetch reads a candidate no longer among the recent articles from the source and
// prepares it; nil when there is no source or it no longer has it.
func (f *Finder) fetch(ctx context.Context, id string) (*entry, error) {
	if f.src == nil {
		return nil, nil
	}
	if e := f.old.get(id); e != nil {
		return e, nil
	}
	f.fetched.Add(1)
	var art storyline.Article
	var err error
	if ts, ok := f.src.(TextSource); ok {
		art.ID = id
		art.Text, art.Published, err = ts.ArticleText(ctx, id)
	} else {
		art, err = f.src.Article(ctx, id)
	}
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	sc := f.scratch.Get().(*scratch)
	defer f.scratch.Put(sc)
	var e *entry
	if f.strongOnly() {
		// completed when aligned (see complete), which most are not
		e = buildLean(&art, sc, nil, false)
	} else {
		e = buildEntry(&art, sc, nil, false)
	}
	f.old.put(e)
	return e, nil
}
