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

// sortedKeys returns the keys counted at least min times, sorted.
func (t *countTable) sortedKeys(min uint32) []uint64 {
	if min > countExact {
		// The histogram cannot say how many: collect, then sort.
		var keys []uint64
		for _, s := range t.slots {
			if k := s.key(); k != 0 && s.n >= min {
				keys = append(keys, k)
			}
		}
		return sortKeys(keys)
	}
	n := 0
	for c := bucket(min); c <= countExact; c++ {
		n += t.hist[c]
	}
	// Two passes over the slots, counting then placing, and no list of
	// the keys in between.
	ks := newKeySorter(n)
	for _, s := range t.slots {
		if k := s.key(); k != 0 && s.n >= min {
			ks.count(k)
		}
	}
	ks.counted()
	for _, s := range t.slots {
		if k := s.key(); k != 0 && s.n >= min {
			ks.place(k)
		}
	}
	return ks.sorted()
}

// sortKeys returns keys sorted ascending, in a slice of its own when there
// are many (keys is left as it was), else keys itself.
func sortKeys(keys []uint64) []uint64 {
	if len(keys) < minBucketSort {
		slices.Sort(keys)
		return keys
	}
	ks := newKeySorter(len(keys))
	for _, k := range keys {
		ks.count(k)
	}
	ks.counted()
	for _, k := range keys {
		ks.place(k)
	}
	return ks.sorted()
}

// minBucketSort is the fewest keys a keySorter sorts by buckets; fewer
// are sorted by comparison.
const minBucketSort = 64

// keySorter sorts line keys. Line keys are hashes, spread evenly: they are
// dealt into about a quarter as many buckets by their top bits, counted
// first and then placed, and each bucket, of a few keys, is then sorted on
// its own. On the thousands of keys an outlet's state holds (saved every
// saveEvery articles) that takes a third of the time a comparison sort
// does. Keys not spread evenly (a bucket of many) are still sorted, by
// comparison. Few keys are sorted by comparison alone.
type keySorter struct {
	shift uint
	// Bucket b goes to out[start[b]:start[b+1]]; next[b] is where its
	// next key goes. Until counted, start[b+1] counts bucket b.
	start, next []int32
	out         []uint64
}

// newKeySorter returns a sorter of n keys: count each, call counted, then
// place each, and take them sorted.
func newKeySorter(n int) *keySorter {
	ks := new(keySorter)
	if n < minBucketSort {
		ks.out = make([]uint64, 0, n)
	} else {
		width := bits.Len(uint(n)) - 2 // n/4 to n/2 buckets
		ks.shift = uint(64 - width)
		ks.start = make([]int32, 1<<width+1)
	}
	return ks
}

// count counts k in its bucket.
func (ks *keySorter) count(k uint64) {
	if ks.start != nil {
		ks.start[k>>ks.shift+1]++
	}
}

// counted ends counting: the buckets take their places.
func (ks *keySorter) counted() {
	if ks.start == nil {
		return
	}
	for b := 1; b < len(ks.start); b++ {
		ks.start[b] += ks.start[b-1]
	}
	ks.next = slices.Clone(ks.start[:len(ks.start)-1])
	ks.out = make([]uint64, ks.start[len(ks.start)-1])
}

// place puts k in its bucket.
func (ks *keySorter) place(k uint64) {
	if ks.start == nil {
		ks.out = append(ks.out, k)
		return
	}
	b := k >> ks.shift
	ks.out[ks.next[b]] = k
	ks.next[b]++
}

// sorted returns the keys placed, sorted.
func (ks *keySorter) sorted() []uint64 {
	if ks.start == nil {
		slices.Sort(ks.out)
		return ks.out
	}
	for b := 0; b+1 < len(ks.start); b++ {
		bucket := ks.out[ks.start[b]:ks.start[b+1]]
		if len(bucket) > 16 {
			slices.Sort(bucket)
			continue
		}
		for i := 1; i < len(bucket); i++ {
			for j := i; j > 0 && bucket[j] < bucket[j-1]; j-- {
				bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
			}
		}
	}
	return ks.out
}
