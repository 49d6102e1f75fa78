package copies

// chainTable maps a 32-bit key to the newest entry filed under it; older
// entries with the same key are reached through a next array kept by the
// caller. It is open addressing with linear probing over packed uint64
// slots (key<<32 | entry+1), so an empty slot is 0.
type chainTable struct {
	slots []uint64
	n     int
}

const noEntry = ^uint32(0)

func (t *chainTable) slotOf(key uint32) int {
	return int((uint64(key) * 0x9E3779B97F4A7C15 >> 32) & uint64(len(t.slots)-1))
}

// head returns the newest entry under key, or noEntry.
func (t *chainTable) head(key uint32) uint32 {
	if len(t.slots) == 0 {
		return noEntry
	}
	for i := t.slotOf(key); ; i = (i + 1) & (len(t.slots) - 1) {
		s := t.slots[i]
		if s == 0 {
			return noEntry
		}
		if uint32(s>>32) == key {
			return uint32(s) - 1
		}
	}
}

// push files entry under key and returns the entry it displaced as the
// newest (noEntry when the key was new).
func (t *chainTable) push(key, entry uint32) uint32 {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	v := uint64(key)<<32 | uint64(entry+1)
	for i := t.slotOf(key); ; i = (i + 1) & (len(t.slots) - 1) {
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

func (t *chainTable) grow() {
	old := t.slots
	size := 1024
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.slots = make([]uint64, size)
	for _, s := range old {
		if s == 0 {
			continue
		}
		for i := t.slotOf(uint32(s >> 32)); ; i = (i + 1) & (size - 1) {
			if t.slots[i] == 0 {
				t.slots[i] = s
				break
			}
		}
	}
}

// bytes is the table's memory.
func (t *chainTable) bytes() int { return 8 * cap(t.slots) }
