package copies

import "sync"

// fetchedCache keeps the candidates last read back from the store,
// prepared, within a byte budget, evicting the first read: an old
// article that shares a passage with one arrival tends to share it with
// the next ones of the same story too, and reading and preparing it again
// for each costs more than keeping it a while.
type fetchedCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	byID     map[string]*entry
	order    []string // ids in the order they were read, oldest first
	head     int      // index in order of the oldest still cached
}

func newFetchedCache(maxBytes int) *fetchedCache {
	return &fetchedCache{maxBytes: maxBytes, byID: make(map[string]*entry)}
}

// get returns the cached entry of id, nil when there is none.
func (c *fetchedCache) get(id string) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byID[id]
}

// put caches e, evicting the oldest entries past the budget.
func (c *fetchedCache) put(e *entry) {
	if c.maxBytes <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byID[e.id]; ok {
		return
	}
	c.byID[e.id] = e
	c.order = append(c.order, e.id)
	c.bytes += e.size()
	for c.bytes > c.maxBytes && c.head < len(c.order) {
		id := c.order[c.head]
		c.order[c.head] = ""
		c.head++
		if old, ok := c.byID[id]; ok {
			c.bytes -= old.size()
			delete(c.byID, id)
		}
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
	if old, ok := c.byID[id]; ok {
		c.bytes -= old.size()
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
