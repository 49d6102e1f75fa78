package copies

// nearGen is one generation of the near-duplicate index and of the ids
// of the documents filed since it opened: one table per LSH band, each
// chaining documents through next (by document number, from first on).
// Exact duplicates have equal shingle sets, so they meet in every band;
// the normalized-text hash tells them apart when pairs are scored. The
// Finder keeps two generations and drops the older whole when the newer
// fills up, like the passage index, so that what it holds is bounded by
// a window of recent documents, in count and in bytes.
type nearGen struct {
	first  uint32
	tables [bands]chainTable
	next   [][bands]uint32
	// ids of the documents, by document number, in one arena
	idBytes []byte
	idEnd   []uint32
	// shingle filters of the documents (see newShingleFilter), in one
	// arena, filterEnd[d-first] ending document d's, and the sizes of
	// their shingle sets (0 when unknown)
	filters   []uint64
	filterEnd []uint32
	nset      []uint16
	// root[d-first] links document d to its group, the documents known
	// to be whole copies of one another (see Finder.rootOf); d itself
	// for the group's root. at[d-first] is its publication time in
	// minutes since 1970 (0 when unknown), which picks the root.
	root []uint32
	at   []uint32
}

// newNearGen opens a generation at document first, sized for about hint
// documents (the size of the one before), so that it seldom grows.
func newNearGen(first uint32, hint int) *nearGen {
	g := &nearGen{first: first}
	if hint > 0 {
		g.next = make([][bands]uint32, 0, hint)
		g.idEnd = make([]uint32, 0, hint)
		g.filterEnd = make([]uint32, 0, hint)
		g.nset = make([]uint16, 0, hint)
		g.root = make([]uint32, 0, hint)
		g.at = make([]uint32, 0, hint)
		for b := range g.tables {
			g.tables[b].reserve(hint)
		}
	}
	return g
}

// add files document d, the next one, with its id and, when hasSh, its
// band keys, and the shingle filter of its n distinct shingles (none
// when n is 0).
func (g *nearGen) add(d uint32, id string, keys [bands]uint32, hasSh bool, filter []uint64, n int, at int64) {
	g.idBytes = append(g.idBytes, id...)
	g.idEnd = append(g.idEnd, uint32(len(g.idBytes)))
	if n > maxFilterSet || len(filter) == 0 {
		n, filter = 0, nil
	}
	g.filters = append(g.filters, filter...)
	g.filterEnd = append(g.filterEnd, uint32(len(g.filters)))
	g.nset = append(g.nset, uint16(n))
	g.root = append(g.root, d)
	g.at = append(g.at, uint32(max(at/60, 0)))
	var nx [bands]uint32
	for b := range nx {
		nx[b] = noEntry
	}
	if hasSh {
		for b, k := range keys {
			nx[b] = g.tables[b].push(k, d)
		}
	}
	g.next = append(g.next, nx)
}

// expect makes room for one more document. Once the generation holds
// enough documents to show the rate at which it fills, a band table that
// is full is sized at once for the keys it is projected to hold when the
// generation closes, at maxArticles documents or maxBytes of memory (see
// used), but at most four times what it holds: growing a table by half
// re-files every key each time, a write to a random place in memory, and
// the first generation, sized for no one before it, grows from nothing.
// Projected to grow by less than half, a table is left to grow as it
// would.
func (g *nearGen) expect(maxArticles, maxBytes int) {
	n := g.len()
	if n < 256 {
		return
	}
	full := false
	for b := range g.tables {
		if t := &g.tables[b]; 100*(t.n+1) > 85*len(t.slots) {
			full = true
			break
		}
	}
	if !full {
		return
	}
	f := float64(maxArticles) / float64(n)
	if u := g.used(); u > 0 {
		f = min(f, float64(maxBytes)/float64(u))
	}
	if f < 1.5 {
		return
	}
	f = min(f, 4)
	for b := range g.tables {
		if t := &g.tables[b]; 100*(t.n+1) > 85*len(t.slots) {
			t.growTo(int(float64(t.n) * f))
		}
	}
}

// len is how many documents the generation holds.
func (g *nearGen) len() int {
	if g == nil {
		return 0
	}
	return len(g.idEnd)
}

// holds reports whether document d was filed in the generation.
func (g *nearGen) holds(d uint32) bool {
	return g != nil && d >= g.first && d-g.first < uint32(len(g.idEnd))
}

// id returns the id of document d, which the generation holds.
func (g *nearGen) id(d uint32) string { return string(g.idOf(d)) }

// idOf returns the bytes of the id of document d, which the generation
// holds; they are never written again.
func (g *nearGen) idOf(d uint32) []byte {
	i := d - g.first
	start := uint32(0)
	if i > 0 {
		start = g.idEnd[i-1]
	}
	return g.idBytes[start:g.idEnd[i]:g.idEnd[i]]
}

// filter returns the shingle filter of document d, which the generation
// holds, and the size of its shingle set; nil and 0 when unknown.
func (g *nearGen) filter(d uint32) ([]uint64, int) {
	i := d - g.first
	start := uint32(0)
	if i > 0 {
		start = g.filterEnd[i-1]
	}
	if g.nset[i] == 0 {
		return nil, 0
	}
	return g.filters[start:g.filterEnd[i]:g.filterEnd[i]], int(g.nset[i])
}

// walk calls fn for the documents filed under key in band b, newest
// first, at most maxChain of them.
func (g *nearGen) walk(b int, key uint32, fn func(d uint32)) {
	if g == nil {
		return
	}
	n := 0
	for d := g.tables[b].head(key); d != noEntry && n < maxChain; d = g.next[d-g.first][b] {
		fn(d)
		n++
	}
}

// used is the memory the generation's documents take, whatever was
// reserved: what its budget is weighed against. The shingle filters and
// the roots are left out, so that they do not shorten the window the
// index reaches.
func (g *nearGen) used() int {
	n := len(g.idBytes) + 4*len(g.idEnd) + 4*bands*len(g.next)
	for i := range g.tables {
		n += g.tables[i].used()
	}
	return n
}

// bytes is the generation's memory.
func (g *nearGen) bytes() int {
	if g == nil {
		return 0
	}
	n := cap(g.idBytes) + 4*cap(g.idEnd) + 4*bands*cap(g.next) +
		8*cap(g.filters) + 4*cap(g.filterEnd) + 2*cap(g.nset) + 4*cap(g.root) + 4*cap(g.at)
	for i := range g.tables {
		n += g.tables[i].bytes()
	}
	return n
}
