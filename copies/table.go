package copies

// chainTable maps a 32-bit key to the newest entry filed under it; older
// entries with the same key are reached through a next array kept by the
// caller. It is open addressing with linear probing over packed uint64
// slots (key<<32 | entry+1), so an empty slot is 0. It grows by half when
// 85% full, so it is between 57% and 85% full, about 11 bytes per key on
// average and 14 at worst, but while its owner has sized it ahead for
// the keys it expects (reserve, growTo). The passage index files a block of
// postings under each key instead (see postings), through find and fill.
type chainTable struct {
	slots []uint64
	n     int
}

const noEntry = ^uint32(0)

// slotOf maps a key to its home slot by multiplicative range reduction,
// which works for any table size.
func (t *chainTable) slotOf(key uint32) int {
	h := uint32(uint64(key) * 0x9E3779B97F4A7C15 >> 32)
	return int(uint64(h) * uint64(len(t.slots)) >> 32)
}

func (t *chainTable) nextSlot(i int) int {
	if i++; i == len(t.slots) {
		return 0
	}
	return i
}

// touch reads the home slot of key, to bring it into cache, and returns
// it.
func (t *chainTable) touch(key uint32) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[t.slotOf(key)]
}

// head returns the newest entry under key, or noEntry.
func (t *chainTable) head(key uint32) uint32 {
	if len(t.slots) == 0 {
		return noEntry
	}
	for i := t.slotOf(key); ; i = t.nextSlot(i) {
		s := t.slots[i]
		if s == 0 {
			return noEntry
		}
		if uint32(s>>32) == key {
			return uint32(s) - 1
		}
	}
}

// find returns the slot of key, growing the table first when one more
// key would fill it past 85%: where the key is, found set, or the empty
// slot where fill files it.
func (t *chainTable) find(key uint32) (i int, found bool) {
	if 100*(t.n+1) > 85*len(t.slots) {
		t.grow()
	}
	for i = t.slotOf(key); ; i = t.nextSlot(i) {
		s := t.slots[i]
		if s == 0 {
			return i, false
		}
		if uint32(s>>32) == key {
			return i, true
		}
	}
}

// fill files entry under key in slot i, which find returned for it:
// empty, or holding key already.
func (t *chainTable) fill(i int, key, entry uint32) {
	if t.slots[i] == 0 {
		t.n++
	}
	t.slots[i] = uint64(key)<<32 | uint64(entry+1)
}

// push files entry under key and returns the entry it displaced as the
// newest (noEntry when the key was new).
func (t *chainTable) push(key, entry uint32) uint32 {
	if 100*(t.n+1) > 85*len(t.slots) {
		t.grow()
	}
	v := uint64(key)<<32 | uint64(entry+1)
	for i := t.slotOf(key); ; i = t.nextSlot(i) {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = v
			t.n++
			return noEntry
		}
		if uint32(s>>32) == key {
			t.slots[i] = v
			return uint32(s) - 1
		}
	}
}

// reserve sizes an empty table for about n keys, so that filing them
// does not grow it.
func (t *chainTable) reserve(n int) {
	if len(t.slots) > 0 || n <= 0 {
		return
	}
	t.slots = make([]uint64, max(1024, n*100/70))
}

func (t *chainTable) grow() { t.resize(max(1024, len(t.slots)*3/2)) }

// growTo makes room for about n keys, re-filing the keys at most once; it
// never shrinks the table.
func (t *chainTable) growTo(n int) {
	if size := n * 100 / 70; size > len(t.slots) && 100*n > 85*len(t.slots) {
		t.resize(max(1024, size))
	}
}

// resize re-files every key in a table of size slots.
func (t *chainTable) resize(size int) {
	old := t.slots
	t.slots = make([]uint64, size)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := t.slotOf(uint32(s >> 32))
		for t.slots[i] != 0 {
			i = t.nextSlot(i)
		}
		t.slots[i] = s
	}
}

// used is the memory the table's keys take at its usual load, whatever
// was reserved.
func (t *chainTable) used() int { return t.n * 12 }

// bytes is the table's memory.
func (t *chainTable) bytes() int { return 8 * cap(t.slots) }
