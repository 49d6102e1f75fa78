package clean

import (
	"math/bits"

	"github.com/zeebo/xxh3"
)

// crossOutlet remembers, for the lines seen lately, which outlet carried
// each, or that several did. An outlet's boilerplate is its own: a line
// that other outlets carry too is syndicated content (an agency's
// paragraph, a shared statement) however often one outlet repeats it, and
// is never taken for boilerplate.
//
// Only lines of syndicatedWords words or more are followed: the lines
// outlets share as furniture are short ("Photo: …", "Listen to this
// article", a share bar), while a syndicated report is made of sentences,
// some of them short (a resident's reaction, "Shopkeeper Anna Berg, 51,
// cautioned that prices would rise."). Shorter lines are learned per
// outlet as before.
//
// It holds at most 2×max lines in two generations: when the current one
// is full it becomes the previous one, and the lines of the generation
// before are forgotten.
type crossOutlet struct {
	cur, prev lineTable // line key → outletKey, or several
	max       int
	turns     int // generations begun
}

// syndicatedWords is the fewest words of a line followed across outlets.
// At 12 (a long sentence), the short sentences of a report that several
// outlets re-run were learned as the furniture of each outlet that ran
// the report three times, and removed from its copies: on the 20k
// generated stream 216 content lines were lost (and duplicates stored as
// near-duplicates). At 8 six are lost, and no more boilerplate is kept;
// shorter furniture lines that outlets share (a share bar, "Listen to
// this article") are still learned per outlet.
const syndicatedWords = 8

// several marks a line carried by more than one outlet; outletKey is
// never zero.
const several = 0

func newCrossOutlet(max int) *crossOutlet {
	return &crossOutlet{cur: newLineTable(max), max: max}
}

// outletKey is a short, non-zero key of an outlet's name.
func outletKey(source string) uint32 { return uint32(xxh3.HashString(source)) | 1 }

// note records that outlet carried the line k, which is not zero, and
// reports whether, now, several outlets did (shared(k)).
func (x *crossOutlet) note(k uint64, outlet uint32) bool {
	i, ok := x.cur.find(k)
	if ok {
		v := x.cur.slots[i].val
		if v != outlet && v != several {
			x.cur.slots[i].val, v = several, several
		}
		return v == several
	}
	v := outlet
	if pv, ok := x.prev.get(k); ok && pv != outlet {
		v = several
	}
	x.cur.put(i, k, v)
	if x.cur.n >= x.max {
		// k moves to the previous generation with its value, where
		// shared finds it.
		x.prev, x.cur = x.cur, x.prev
		x.turns++
		if x.cur.slots == nil {
			x.cur = newLineTable(x.max)
		} else {
			x.cur.reset()
		}
	}
	return v == several
}

// shared reports whether more than one outlet carried the line k.
func (x *crossOutlet) shared(k uint64) bool {
	if v, ok := x.cur.get(k); ok {
		return v == several
	}
	v, ok := x.prev.get(k)
	return ok && v == several
}

// lines is how many lines x remembers.
func (x *crossOutlet) lines() int { return x.cur.n + x.prev.n }

// lineTable maps non-zero line keys to outlet keys: open addressing with
// linear probing, at most two thirds full, and no deletion (a generation
// is cleared whole). A key and its value share a slot, so that a look-up
// misses the caches once. Its look-ups cost about half those of a Go map
// of the same lines, which, at half a million lines, miss the caches
// alike.
//
// A slot is the key's two halves and the value, twelve bytes, and the
// table has as many slots as its lines need rather than a power of two
// (a key's first slot is found by multiplying, not masking): a
// generation of 2^19 lines takes 9 MiB, where 16-byte slots at most half
// full took 16 MiB.
type lineTable struct {
	slots []lineSlot
	n     int
}

// lineSlot is one slot of a lineTable: the key's low and high halves,
// both 0 when the slot is free, and its value.
type lineSlot struct {
	lo, hi, val uint32
}

// newLineTable returns a table for n lines: 3/2 slots a line.
func newLineTable(n int) lineTable {
	return lineTable{slots: make([]lineSlot, max(16, n+n/2+1))}
}

// home returns the slot where the probe sequence of k starts: the top
// bits of k mixed, scaled to the table's size.
func (t *lineTable) home(k uint64) int {
	hi, _ := bits.Mul64(k*0x9e3779b97f4a7c15, uint64(len(t.slots)))
	return int(hi)
}

// find returns the slot of k and true, or the free slot where k would go
// and false.
func (t *lineTable) find(k uint64) (int, bool) {
	lo, hi := uint32(k), uint32(k>>32)
	for i := t.home(k); ; {
		switch s := &t.slots[i]; {
		case s.lo == lo && s.hi == hi:
			return i, true
		case s.lo == 0 && s.hi == 0:
			return i, false
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// touch loads the slot where the look-up of k starts and returns its
// key, for a caller to load the slots of many keys before it looks them
// up (the result keeps the load from being left out).
func (t *lineTable) touch(k uint64) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return uint64(t.slots[t.home(k)].lo)
}

// get returns the value of k.
func (t *lineTable) get(k uint64) (uint32, bool) {
	if t.n == 0 {
		return 0, false
	}
	i, ok := t.find(k)
	if !ok {
		return 0, false
	}
	return t.slots[i].val, true
}

// put stores k with v in the free slot i that find returned.
func (t *lineTable) put(i int, k uint64, v uint32) {
	t.slots[i] = lineSlot{lo: uint32(k), hi: uint32(k >> 32), val: v}
	t.n++
}

// reset empties the table.
func (t *lineTable) reset() {
	clear(t.slots)
	t.n = 0
}
