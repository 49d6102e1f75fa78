package quotes

// postIndex maps posting keys (a speaker and a stem, see postingKey) to
// their postings. It is an open-addressing hash table with linear
// probing: two flat arrays instead of a map of slices, and most keys,
// which have one posting, hold it in place, so that the index of the
// statements remembered costs about 21 bytes per key instead of a map
// entry and a list each.
type postIndex struct {
	keys []uint64 // 0 marks a free place
	// vals holds a key's one posting, or listFlag|i for lists[i].
	vals  []uint64
	n     int // keys held
	lists [][]uint64
	free  []uint32 // indexes of lists free for reuse
}

// listFlag marks a value that indexes lists; a posting never has it (see
// Grouper.post).
const listFlag = 1 << 63

// minPostIndex is the fewest places the table has.
const minPostIndex = 1024

// postKey is key as the index holds it: never 0, which marks a free place.
func postKey(key uint64) uint64 {
	if key == 0 {
		return 1
	}
	return key
}

// find returns the place of key k and true, or the free place where it
// would go and false.
func (x *postIndex) find(k uint64) (int, bool) {
	if len(x.keys) == 0 {
		x.keys, x.vals = make([]uint64, minPostIndex), make([]uint64, minPostIndex)
	}
	mask := len(x.keys) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		switch x.keys[i] {
		case k:
			return i, true
		case 0:
			return i, false
		}
	}
}

// get returns the postings of key k, or nil; one is the room for a single
// posting, which the returned slice may be.
func (x *postIndex) get(k uint64, one *[1]uint64) []uint64 {
	i, ok := x.find(k)
	if !ok {
		return nil
	}
	if v := x.vals[i]; v&listFlag != 0 {
		return x.lists[uint32(v)]
	}
	one[0] = x.vals[i]
	return one[:]
}

// put sets the postings of key k to l, removing the key when l is empty.
// l may be the list get returned, changed.
func (x *postIndex) put(k uint64, l []uint64) {
	i, ok := x.find(k)
	if len(l) == 0 {
		if ok {
			x.remove(i)
		}
		return
	}
	if !ok {
		if 4*(x.n+1) > 3*len(x.keys) {
			x.rehash(2 * len(x.keys))
			i, _ = x.find(k)
		}
		x.keys[i], x.vals[i] = k, 0
		x.n++
	}
	old := x.vals[i]
	switch {
	case len(l) == 1:
		if old&listFlag != 0 {
			x.release(uint32(old))
		}
		x.vals[i] = l[0]
	case old&listFlag != 0:
		x.lists[uint32(old)] = l
	default:
		x.vals[i] = listFlag | uint64(x.newList(l))
	}
}

// newList stores l and returns its index.
func (x *postIndex) newList(l []uint64) uint32 {
	if n := len(x.free); n > 0 {
		j := x.free[n-1]
		x.free = x.free[:n-1]
		x.lists[j] = l
		return j
	}
	x.lists = append(x.lists, l)
	return uint32(len(x.lists) - 1)
}

// release frees list j.
func (x *postIndex) release(j uint32) {
	x.lists[j] = nil
	x.free = append(x.free, j)
}

// remove empties place i, moving back the keys after it that probed past
// it, so that no lookup stops short of its key.
func (x *postIndex) remove(i int) {
	if v := x.vals[i]; v&listFlag != 0 {
		x.release(uint32(v))
	}
	mask := len(x.keys) - 1
	for j := (i + 1) & mask; x.keys[j] != 0; j = (j + 1) & mask {
		home := int(x.keys[j]) & mask
		if (j-home)&mask >= (j-i)&mask {
			x.keys[i], x.vals[i] = x.keys[j], x.vals[j]
			i = j
		}
	}
	x.keys[i], x.vals[i] = 0, 0
	x.n--
}

// rehash moves the keys into a table of size places (a power of two).
func (x *postIndex) rehash(size int) {
	keys, vals := x.keys, x.vals
	x.keys, x.vals = make([]uint64, size), make([]uint64, size)
	mask := size - 1
	for p, k := range keys {
		if k == 0 {
			continue
		}
		i := int(k) & mask
		for x.keys[i] != 0 {
			i = (i + 1) & mask
		}
		x.keys[i], x.vals[i] = k, vals[p]
	}
}
