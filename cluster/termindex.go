package cluster

import "github.com/storyline-news/storyline/textproc"

// idIndex is an open-addressing table from the ids of a list of terms
// (an analysis' terms, or its name keys) to their places in the list, at
// most half full.
type idIndex struct {
	slots []int32 // place in the list plus one; zero is free
	shift uint
}

// reset sizes the table for up to n ids, 16 at least, and empties it.
func (x *idIndex) reset(n int) {
	size, shift := 16, uint(32-4)
	for size < 2*n {
		size *= 2
		shift--
	}
	if cap(x.slots) < size {
		x.slots = make([]int32, size)
	}
	x.slots = x.slots[:size]
	clear(x.slots)
	x.shift = shift
}

// find returns the place of id in list, or -1 and the free slot where
// the place of id goes (put).
func (x *idIndex) find(list []fterm, id uint32) (slot uint32, at int) {
	mask := uint32(len(x.slots) - 1)
	for h := (id * 0x9e3779b1) >> x.shift; ; h = (h + 1) & mask {
		p := x.slots[h]
		if p == 0 {
			return h, -1
		}
		if list[p-1].id == id {
			return h, int(p - 1)
		}
	}
}

// add records the last of list, whose id find did not find and gave
// slot for, keeping the table at most half full.
func (x *idIndex) add(list []fterm, slot uint32) {
	x.slots[slot] = int32(len(list))
	if len(list)*2 >= len(x.slots) {
		x.grow(list)
	}
}

// grow doubles the table and puts the places of list again, in the
// memory of an earlier growth when it has room.
func (x *idIndex) grow(list []fterm) {
	if n := 2 * len(x.slots); cap(x.slots) >= n {
		x.slots = x.slots[:n]
		clear(x.slots)
	} else {
		x.slots = make([]int32, n)
	}
	x.shift--
	mask := uint32(len(x.slots) - 1)
	for i, t := range list {
		h := (t.id * 0x9e3779b1) >> x.shift
		for x.slots[h] != 0 {
			h = (h + 1) & mask
		}
		x.slots[h] = int32(i + 1)
	}
}

// reset sizes the tables for up to n terms and empties them.
func (s *scratch) reset(n int) {
	s.termIdx.reset(n)
	// an article has a few dozen name keys at most, mostly
	s.keyIdx.reset(32)
	s.terms = s.terms[:0]
	s.keys = s.keys[:0]
}

// term returns the entry of term id, adding it when new.
func (s *scratch) term(id uint32) (*fterm, bool) {
	slot, at := s.termIdx.find(s.terms, id)
	if at >= 0 {
		return &s.terms[at], false
	}
	s.terms = append(s.terms, fterm{id: id, boost: 1})
	s.termIdx.add(s.terms, slot)
	return &s.terms[len(s.terms)-1], true
}

// lookup returns the position of term id, or -1.
func (s *scratch) lookup(id uint32) int {
	_, at := s.termIdx.find(s.terms, id)
	return at
}

// addKey counts a name key, written as w (nil for an entity's name).
func (s *scratch) addKey(id uint32, tf float32, w *textproc.Word, inTitle bool) {
	slot, at := s.keyIdx.find(s.keys, id)
	if at >= 0 {
		k := &s.keys[at]
		k.tf += tf
		if k.n == 0 && w != nil {
			k.inTitle, k.at, k.n = inTitle, w.Byte, w.Len
		}
		return
	}
	k := fterm{id: id, tf: tf}
	if w != nil {
		k.inTitle, k.at, k.n = inTitle, w.Byte, w.Len
	}
	s.keys = append(s.keys, k)
	s.keyIdx.add(s.keys, slot)
}

// hasKey reports whether name key id is counted.
func (s *scratch) hasKey(id uint32) bool {
	_, at := s.keyIdx.find(s.keys, id)
	return at >= 0
}
