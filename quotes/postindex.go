package quotes

import "slices"

// postIndex maps posting keys (a speaker and a stem, see postingKey,
// folded to 32 bits) to their postings, slot numbers. It is an
// open-addressing hash table with linear probing: two flat arrays instead
// of a map of slices, and most keys, which have one posting, hold it in
// place, so that the index of the statements remembered costs about 11
// bytes per key instead of a map entry and a list each. Two keys that
// fold to one share their postings, which only makes a candidate of a
// statement that matching then rejects.
type postIndex struct {
	// places holds each key beside its value, so that a lookup reads one
	// cache line, not two.
	places []place
	n      int // keys held
	lists  [][]uint32
	free   []uint32  // indexes of lists free for reuse
	one    [1]uint32 // what get returns for a key with one posting
}

// place is one place of the table: a key, 0 when free, and its value, a
// key's one posting or listFlag|i for lists[i].
type place struct{ key, val uint32 }

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
	if len(x.places) == 0 {
		x.places = make([]place, minPostIndex)
	}
	mask := len(x.places) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		switch x.places[i].key {
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
	if v := x.places[i].val; v&listFlag != 0 {
		return x.lists[v&^listFlag]
	}
	x.one[0] = x.places[i].val
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
		i = x.insert(i, k)
	}
	x.set(i, l)
}

// insert puts key k, with no value yet, at the free place i that find
// returned, growing the table first when it is full enough, and returns
// where k went.
func (x *postIndex) insert(i int, k uint32) int {
	if 4*(x.n+1) > 3*len(x.places) {
		x.rehash(2 * len(x.places))
		i, _ = x.find(k)
	}
	x.places[i] = place{key: k}
	x.n++
	return i
}

// set sets the postings at place i, which holds a key, to l (not empty).
func (x *postIndex) set(i int, l []uint32) {
	old := x.places[i].val
	switch {
	case len(l) == 1:
		if old&listFlag != 0 {
			x.release(old &^ listFlag)
		}
		x.places[i].val = l[0]
	case old&listFlag != 0:
		x.lists[old&^listFlag] = l
	default:
		x.places[i].val = listFlag | x.newList(l)
	}
}

// add appends posting s to the list of key k, dropping the list's first
// (oldest) posting when it already holds max, with one probe of the
// table.
func (x *postIndex) add(k, s uint32, max int) {
	i, ok := x.find(k)
	if !ok {
		i = x.insert(i, k)
		x.places[i].val = s
		return
	}
	var l []uint32
	if v := x.places[i].val; v&listFlag != 0 {
		l = x.lists[v&^listFlag]
	} else {
		x.one[0] = v
		l = x.one[:]
	}
	if len(l) >= max {
		copy(l, l[1:])
		l = l[:len(l)-1]
	}
	if len(l) == 1 && &l[0] == &x.one[0] {
		// two postings now: a list of its own, with room to grow
		l = append(make([]uint32, 0, 4), l[0])
	}
	x.set(i, append(l, s))
}

// delete removes posting s from the list of key k, if there, with one
// probe of the table.
func (x *postIndex) delete(k, s uint32) {
	i, ok := x.find(k)
	if !ok {
		return
	}
	v := x.places[i].val
	if v&listFlag == 0 {
		if v == s {
			x.remove(i)
		}
		return
	}
	l := x.lists[v&^listFlag]
	j := slices.Index(l, s)
	if j < 0 {
		return // a full list dropped it
	}
	if l = slices.Delete(l, j, j+1); len(l) == 0 {
		x.remove(i)
		return
	}
	x.set(i, l)
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
	if v := x.places[i].val; v&listFlag != 0 {
		x.release(v &^ listFlag)
	}
	mask := len(x.places) - 1
	for j := (i + 1) & mask; x.places[j].key != 0; j = (j + 1) & mask {
		home := int(x.places[j].key) & mask
		if (j-home)&mask >= (j-i)&mask {
			x.places[i] = x.places[j]
			i = j
		}
	}
	x.places[i] = place{}
	x.n--
}

// rehash moves the keys into a table of size places (a power of two).
func (x *postIndex) rehash(size int) {
	old := x.places
	x.places = make([]place, size)
	mask := size - 1
	for _, p := range old {
		if p.key == 0 {
			continue
		}
		i := int(p.key) & mask
		for x.places[i].key != 0 {
			i = (i + 1) & mask
		}
		x.places[i] = p
	}
}
