package entities

// strIndex numbers distinct strings in the order they are added. It is
// an open-addressing table of numbers, holding no pointers, so that
// clearing it for the next article is one memclr; the recognizer's
// lookups are many and short-lived, where a map's hashing and clearing
// cost more.
type strIndex struct {
	// slots hold a number plus one, 0 for an empty slot; their count is
	// a power of two, 1<<(32-shift).
	slots []int32
	shift uint
	keys  []string
}

// strHash is 32-bit FNV-1a; its high bits pick a slot.
func strHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// reset empties x, sized for about n strings.
func (x *strIndex) reset(n int) {
	size, shift := 64, uint(32-6)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	if len(x.slots) < size {
		x.slots = make([]int32, size)
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
	for i := strHash(s) >> x.shift; ; i = (i + 1) & mask {
		id := x.slots[i] - 1
		if id < 0 || x.keys[id] == s {
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
	i := strHash(s) >> x.shift
	for ; ; i = (i + 1) & mask {
		id := x.slots[i] - 1
		if id < 0 {
			break
		}
		if x.keys[id] == s {
			return id
		}
	}
	id := int32(len(x.keys))
	x.keys = append(x.keys, s)
	x.slots[i] = id + 1
	return id
}

// grow doubles the slots (or makes the first) and places the keys again.
func (x *strIndex) grow() {
	size, shift := 2*len(x.slots), x.shift-1
	if size == 0 {
		size, shift = 64, 32-6
	}
	x.slots, x.shift = make([]int32, size), shift
	mask := uint32(size - 1)
	for id, s := range x.keys {
		i := strHash(s) >> shift
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = int32(id) + 1
	}
}
