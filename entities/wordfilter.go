package entities

// wordFilter rejects most words absent from a word set without a map
// lookup: it holds, for each first and each last byte, the lengths of the
// set's words (bit 63 standing for 63 bytes and more).
type wordFilter struct{ first, last [256]uint64 }

func newWordFilter[V any](set map[string]V) *wordFilter {
	f := new(wordFilter)
	fillWordFilter(f, set)
	return f
}

// fillWordFilter adds the words of set to f, which callers may keep on
// the stack.
func fillWordFilter[V any](f *wordFilter, set map[string]V) {
	for w := range set {
		if w != "" {
			bit := uint64(1) << min(len(w), 63)
			f.first[w[0]] |= bit
			f.last[w[len(w)-1]] |= bit
		}
	}
}

// may reports whether w may be in the set the filter was made from.
func (f *wordFilter) may(w string) bool {
	if w == "" {
		return true
	}
	bit := uint64(1) << min(len(w), 63)
	return f.first[w[0]]&bit != 0 && f.last[w[len(w)-1]]&bit != 0
}
