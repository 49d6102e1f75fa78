package clean

import (
	"math/bits"
	"slices"
)

// countTable counts an outlet's lines: it maps non-zero line keys to how
// many distinct articles carried each. It is open addressing with linear
// probing, at most three quarters full, the key and its count side by
// side: a line is counted with one probe sequence, where a Go map took a
// look-up and an assignment, and pruning walks one dense array. Keys are
// removed by shifting the entries after them back, so that no slot is
// ever marked deleted. The table keeps a histogram of its counts, which
// pruning reads.
type countTable struct {
	slots []countSlot // len is a power of two, or 0
	n     int
	shift uint // 64 - log2(len(slots))
	// hist[c] is how many keys are counted c times, hist[countExact]
	// how many countExact times or more.
	hist [countExact + 1]int
}

// countExact is the count from which the histogram of a countTable puts
// all counts in one bucket.
const countExact = 64

// bucket returns the bucket of the histogram that counts n falls in.
func bucket(n uint32) int { return int(min(n, countExact)) }

// countSlot is one slot of a countTable: the key's low and high halves
// and its count, twelve bytes where a uint64 key and its count took
// sixteen (padded), so that an outlet's table takes a quarter less memory
// and cache; key 0 marks it free.
type countSlot struct {
	lo, hi, n uint32
}

// key returns the key the slot holds, 0 when it is free.
func (s *countSlot) key() uint64 { return uint64(s.hi)<<32 | uint64(s.lo) }

// setKey makes k the slot's key.
func (s *countSlot) setKey(k uint64) { s.lo, s.hi = uint32(k), uint32(k>>32) }

// minCountSlots is the size of a table's first allocation.
const minCountSlots = 64

// len returns how many keys t holds.
func (t *countTable) len() int { return t.n }

// home returns the slot where the probe sequence of k starts.
func (t *countTable) home(k uint64) int { return int(k * 0x9e3779b97f4a7c15 >> t.shift) }

// find returns the slot of k and true, or the free slot where k would go
// and false. t must have slots.
func (t *countTable) find(k uint64) (int, bool) {
	mask := len(t.slots) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.slots[i].key() {
		case k:
			return i, true
		case 0:
			return i, false
		}
	}
}

// touch loads the slot where the look-up of k starts and returns its
// key, as lineTable.touch does.
func (t *countTable) touch(k uint64) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[t.home(k)].key()
}

// get returns the count of k, 0 when t does not hold it.
func (t *countTable) get(k uint64) uint32 {
	if t.n == 0 {
		return 0
	}
	i, ok := t.find(k)
	if !ok {
		return 0
	}
	return t.slots[i].n
}

// add counts k once more and returns its count. k must not be 0.
func (t *countTable) add(k uint64) uint32 {
	s := t.slot(k)
	t.hist[bucket(s.n)]--
	s.n++
	t.hist[bucket(s.n)]++
	return s.n
}

// set gives k the count n. k must not be 0.
func (t *countTable) set(k uint64, n uint32) {
	s := t.slot(k)
	t.hist[bucket(s.n)]--
	s.n = n
	t.hist[bucket(s.n)]++
}

// slot returns the slot of k, taking a free one, counted 0 in the
// histogram, when t does not hold k.
func (t *countTable) slot(k uint64) *countSlot {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	i, ok := t.find(k)
	if !ok {
		t.slots[i].setKey(k)
		t.n++
		t.hist[0]++
	}
	return &t.slots[i]
}

// grow doubles the slots and places every key again.
func (t *countTable) grow() {
	old := t.slots
	size := max(2*len(old), minCountSlots)
	t.slots = make([]countSlot, size)
	t.shift = uint(64 - bits.Len(uint(size-1)))
	for _, s := range old {
		if s.key() != 0 {
			i, _ := t.find(s.key())
			t.slots[i] = s
		}
	}
}

// remove forgets k, when t holds it, moving back the entries after it
// that its slot lay in the way of.
func (t *countTable) remove(k uint64) {
	if t.n == 0 {
		return
	}
	i, ok := t.find(k)
	if !ok {
		return
	}
	t.hist[bucket(t.slots[i].n)]--
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j].key() != 0; j = (j + 1) & mask {
		// The entry at j may move to the hole at i when its home is not
		// cyclically in (i, j].
		if h := t.home(t.slots[j].key()); (j-h)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = countSlot{}
	t.n--
}

// all calls yield with each key and its count, in slot order; yield must
// not change t.
func (t *countTable) all(yield func(k uint64, n uint32)) {
	for _, s := range t.slots {
		if k := s.key(); k != 0 {
			yield(k, s.n)
		}
	}
}

// below appends to less the keys counted fewer than c times and to at
// those counted c times, in slot order: what pruning gathers, in a loop
// of its own rather than through all's calls.
func (t *countTable) below(c uint32, less, at []uint64) ([]uint64, []uint64) {
	for i := range t.slots {
		s := &t.slots[i]
		switch k := s.key(); {
		case k == 0:
		case s.n < c:
			less = append(less, k)
		case s.n == c:
			at = append(at, k)
		}
	}
	return less, at
}

// sortedKeys returns the keys counted at least min times, sorted. The
// histogram says how many there are (a few dozen of an outlet's thousands
// of lines): the list is made to that size, not to a guess from the
// table's.
func (t *countTable) sortedKeys(min uint32) []uint64 {
	n := t.n / 8 // a guess, unless the histogram says how many
	if min <= countExact {
		n = 0
		for c := bucket(min); c <= countExact; c++ {
			n += t.hist[c]
		}
	}
	keys := make([]uint64, 0, n)
	for _, s := range t.slots {
		if k := s.key(); k != 0 && s.n >= min {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
