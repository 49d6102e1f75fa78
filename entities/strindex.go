package entities

// strIndex numbers distinct strings in the order they are added. It is
// an open-addressing table of numbers, holding no pointers, so that
// clearing it for the next article is one memclr; the recognizer's
// lookups are many and short-lived, where a map's hashing and clearing
// cost more.
type strIndex struct {
	// slots hold a number plus one, 0 for an empty slot, and above it
	// the hash of its string, so that a probe compares strings only
	// when their hashes agree; their count is a power of two,
	// 1<<(32-shift).
	slots []uint64
	shift uint
	keys  []string
}

// strHash hashes s eight bytes at a time, most words in one or two
// multiplications; its high bits, which the multiplications mix best,
// pick a slot.
func strHash(s string) uint32 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(s)) * m
	for len(s) > 8 {
		h = (h ^ load64(s)) * m
		h ^= h >> 31
		s = s[8:]
	}
	// the last one to eight bytes, overlapping when a word's bytes
	// were not fewer
	var t uint64
	switch {
	case len(s) >= 4:
		t = uint64(load32(s)) | uint64(load32(s[len(s)-4:]))<<32
	case len(s) > 0:
		t = uint64(s[0]) | uint64(s[len(s)/2])<<8 | uint64(s[len(s)-1])<<16
	}
	h = (h ^ t) * m
	h ^= h >> 29
	h *= m
	return uint32(h >> 32)
}

// load64 returns the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 returns the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// reset empties x, sized for about n strings.
func (x *strIndex) reset(n int) {
	size, shift := 64, uint(32-6)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	if len(x.slots) < size {
		x.slots = make([]uint64, size)
		x.shift = shift
	} else {
		clear(x.slots)
	}
	clear(x.keys) // the strings are the article's
	x.keys = x.keys[:0]
}

// find returns the number of s, or -1.
func (x *strIndex) find(s string) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	mask := uint32(len(x.slots) - 1)
	h := strHash(s)
	for i := h >> x.shift; ; i = (i + 1) & mask {
		sl := x.slots[i]
		if sl == 0 {
			return -1
		}
		if id := int32(uint32(sl)) - 1; uint32(sl>>32) == h && x.keys[id] == s {
			return id
		}
	}
}

// add returns the number of s, numbering it if it is new.
func (x *strIndex) add(s string) int32 {
	if 2*(len(x.keys)+1) > len(x.slots) {
		x.grow()
	}
	mask := uint32(len(x.slots) - 1)
	h := strHash(s)
	i := h >> x.shift
	for ; ; i = (i + 1) & mask {
		sl := x.slots[i]
		if sl == 0 {
			break
		}
		if id := int32(uint32(sl)) - 1; uint32(sl>>32) == h && x.keys[id] == s {
			return id
		}
	}
	id := int32(len(x.keys))
	x.keys = append(x.keys, s)
	x.slots[i] = uint64(h)<<32 | uint64(id+1)
	return id
}

// grow doubles the slots (or makes the first) and places the keys again.
func (x *strIndex) grow() {
	size, shift := 2*len(x.slots), x.shift-1
	if size == 0 {
		size, shift = 64, 32-6
	}
	x.slots, x.shift = make([]uint64, size), shift
	mask := uint32(size - 1)
	for id, s := range x.keys {
		h := strHash(s)
		i := h >> shift
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = uint64(h)<<32 | uint64(id+1)
	}
}
