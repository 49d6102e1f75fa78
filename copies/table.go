package copies

// chainTable maps a 32-bit key to the newest entry filed under it; older
// entries with the same key are reached through a next array kept by the
// caller. It is open addressing with linear probing over packed uint64
// slots (key<<32 | entry+1), so an empty slot is 0. It grows by half when
// 85% full, so it is always between 57% and 85% full: about 11 bytes per
// key on average, 14 at worst. The passage index files a block of
// postings under each key instead (see postings), through find and fill.
//
// The keys of a run of filled slots are kept in the order of their home
// slots (Robin Hood hashing), so that a probe for a key the table lacks
// stops at the first key whose home is past its own, rather than at the
// next empty slot: most keys a lookup asks for are absent (most band
// keys and fingerprints of an arrival), and at the load of a full table
// the probe for one read some seven slots, often from the next cache
// line, where it now reads two or three.
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
	if i, found := t.probe(key); found {
		return uint32(t.slots[i]) - 1
	}
	return noEntry
}

// probe returns the slot of key, found set, or the slot where it would
// be filed: the first empty one or the first whose key's home is past
// key's, which fill moves on with the rest of the run. The table has
// slots.
func (t *chainTable) probe(key uint32) (i int, found bool) {
	i = t.slotOf(key)
	for d := 0; ; d++ {
		s := t.slots[i]
		if s == 0 {
			return i, false
		}
		if uint32(s>>32) == key {
			return i, true
		}
		if t.distance(s, i) < d {
			return i, false
		}
		i = t.nextSlot(i)
	}
}

// distance returns how far the key of slot s, filed in slot i, is from
// its home slot.
func (t *chainTable) distance(s uint64, i int) int {
	d := i - t.slotOf(uint32(s>>32))
	if d < 0 {
		d += len(t.slots)
	}
	return d
}

// find returns the slot of key, growing the table first when one more
// key would fill it past 85%: where the key is, found set, or the slot
// where fill files it.
func (t *chainTable) find(key uint32) (i int, found bool) {
	if 100*(t.n+1) > 85*len(t.slots) {
		t.grow()
	}
	return t.probe(key)
}

// fill files entry under key in slot i, which find returned for it:
// holding key already, or where key goes, the keys from there to the
// next empty slot moved on by one.
func (t *chainTable) fill(i int, key, entry uint32) {
	v := uint64(key)<<32 | uint64(entry+1)
	if s := t.slots[i]; s != 0 && uint32(s>>32) == key {
		t.slots[i] = v
		return
	}
	t.n++
	for v != 0 {
		v, t.slots[i] = t.slots[i], v
		i = t.nextSlot(i)
	}
}

// push files entry under key and returns the entry it displaced as the
// newest (noEntry when the key was new).
func (t *chainTable) push(key, entry uint32) uint32 {
	i, found := t.find(key)
	old := noEntry
	if found {
		old = uint32(t.slots[i]) - 1
	}
	t.fill(i, key, entry)
	return old
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
	t.slots, t.n = make([]uint64, size), 0
	for _, s := range old {
		if s == 0 {
			continue
		}
		i, _ := t.probe(uint32(s >> 32))
		t.fill(i, uint32(s>>32), uint32(s)-1)
	}
}

// used is the memory the table's keys take at its usual load, whatever
// was reserved.
func (t *chainTable) used() int { return t.n * 12 }

// bytes is the table's memory.
func (t *chainTable) bytes() int { return 8 * cap(t.slots) }
