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
