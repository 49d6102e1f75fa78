package quotes

// postIndex maps posting keys (a speaker and a stem, see postingKey,
// folded to 32 bits) to their postings, slot numbers. It is an
// open-addressing hash table with linear probing: two flat arrays instead
// of a map of slices, and most keys, which have one posting, hold it in
// place, so that the index of the statements remembered costs about 11
// bytes per key instead of a map entry and a list each. Two keys that
// fold to one share their postings, which only makes a candidate of a
// statement that matching then rejects.
type postIndex struct {
	keys []uint32 // 0 marks a free place
	// vals holds a key's one posting, or listFlag|i for lists[i].
	vals  []uint32
	n     int // keys held
	lists [][]uint32
	free  []uint32  // indexes of lists free for reuse
	one   [1]uint32 // what get returns for a key with one posting
}

// listFlag marks a value that indexes lists; a slot number never has it.
const listFlag = 1 << 31

// minPostIndex is the fewest places the table has.
const minPostIndex = 1024

// postKey is key as the index holds it: folded to 32 bits, and never 0,
// which marks a free place.
func postKey(key uint64) uint32 {
	k := uint32(key ^ key>>32)
	if k == 0 {
		return 1
	}
	return k
}

// find returns the place of key k and true, or the free place where it
// would go and false.
func (x *postIndex) find(k uint32) (int, bool) {
	if len(x.keys) == 0 {
		x.keys, x.vals = make([]uint32, minPostIndex), make([]uint32, minPostIndex)
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

// get returns the postings of key k, or nil. The slice is valid until the
// next call of get or put.
func (x *postIndex) get(k uint32) []uint32 {
	i, ok := x.find(k)
	if !ok {
		return nil
	}
	if v := x.vals[i]; v&listFlag != 0 {
		return x.lists[v&^listFlag]
	}
	x.one[0] = x.vals[i]
	return x.one[:]
}

// put sets the postings of key k to l, removing the key when l is empty.
// l may be the list get returned, changed.
func (x *postIndex) put(k uint32, l []uint32) {
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
			x.release(old &^ listFlag)
		}
		x.vals[i] = l[0]
	case old&listFlag != 0:
		x.lists[old&^listFlag] = l
	default:
		x.vals[i] = listFlag | x.newList(l)
	}
}

// newList stores l and returns its index.
func (x *postIndex) newList(l []uint32) uint32 {
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
		x.release(v &^ listFlag)
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
	x.keys, x.vals = make([]uint32, size), make([]uint32, size)
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
