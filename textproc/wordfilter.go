package textproc

// WordFilter rejects most words absent from a word set without a map
// lookup: it holds, for each first and each last byte, the lengths of the
// set's words (bit 63 standing for 63 bytes and more). The zero value is
// an empty filter.
type WordFilter struct{ first, last [256]uint64 }

// NewWordFilter returns a filter over the words of set.
func NewWordFilter[V any](set map[string]V) *WordFilter {
	f := new(WordFilter)
	for w := range set {
		f.Add(w)
	}
	return f
}

// Add adds w to the words the filter passes.
func (f *WordFilter) Add(w string) {
	if w == "" {
		return
	}
	bit := uint64(1) << min(len(w), 63)
	f.first[w[0]] |= bit
	f.last[w[len(w)-1]] |= bit
}

// May reports whether w may be in the set the filter was made from; when
// it returns false, w is certainly not.
func (f *WordFilter) May(w string) bool {
	if w == "" {
		return true
	}
	bit := uint64(1) << min(len(w), 63)
	return f.first[w[0]]&bit != 0 && f.last[w[len(w)-1]]&bit != 0
}
