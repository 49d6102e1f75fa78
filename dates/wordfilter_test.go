package dates

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for w := range dateWords {
		if !dateFilter.May(w) {
			t.Errorf("dateFilter rejects %q", w)
		}
	}
	if dateFilter.May("zzzzzzzzzzzz") {
		t.Error("dateFilter passes a word of no date")
	}
}

// TestWordIndex checks that the index finds every date word with its
// month, and no other word.
func TestWordIndex(t *testing.T) {
	for w := range dateWords {
		id := dateIndex.find(w)
		if id < 0 || dateIndex.words[id] != w || dateIndex.month[id] != months[w] {
			t.Errorf("find(%q) = %d", w, id)
		}
	}
	for _, w := range []string{"x", "the", "mayor", "monday's's", "декабрь1", "новогодний", "2021", "sept.", "thiss"} {
		if id := dateIndex.find(w); id >= 0 {
			t.Errorf("find(%q) = %d (%q), want -1", w, id, dateIndex.words[id])
		}
	}
}
