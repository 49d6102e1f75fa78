package dates

import (
	"slices"
	"time"
)

// wordIndex numbers the date words and tells the month each names, for
// the lookups of every token that passes dateFilter: open addressing on
// a hash of a word's length and three of its bytes, which tells most
// date words apart without reading them whole, and no string hashing or
// map probing.
type wordIndex struct {
	// slots hold a word's number plus one, 0 for an empty slot.
	slots [512]uint16
	words []string
	// month is the month of each word, 0 for a word that names none.
	month []time.Month
}

// newWordIndex indexes the words of set, with their months.
func newWordIndex(set map[string]bool, months map[string]time.Month) *wordIndex {
	x := new(wordIndex)
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	slices.Sort(words) // the same table on every run
	if len(words) >= len(x.slots)/2 {
		panic("dates: too many date words for the index")
	}
	for _, w := range words {
		i := wordSlot(w)
		for x.slots[i] != 0 {
			i = (i + 1) % len(x.slots)
		}
		x.slots[i] = uint16(len(x.words) + 1)
		x.words = append(x.words, w)
		x.month = append(x.month, months[w])
	}
	return x
}

// wordSlot is where the word w, not empty, is looked for first.
func wordSlot(w string) int {
	h := uint(len(w))*0x9e37 ^ uint(w[0])*0x85eb ^ uint(w[len(w)-1])*0xc2b2 ^ uint(w[len(w)/2])*0x27d4
	return int(h^h>>9) % 512
}

// find returns the number of the word w, not empty, or -1.
func (x *wordIndex) find(w string) int {
	for i := wordSlot(w); ; i = (i + 1) % len(x.slots) {
		id := int(x.slots[i]) - 1
		if id < 0 {
			return -1
		}
		if x.words[id] == w {
			return id
		}
	}
}
