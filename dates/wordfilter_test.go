package dates

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for w := range dateWords {
		if !dateFilter.may(w) {
			t.Errorf("dateFilter rejects %q", w)
		}
	}
	if dateFilter.may("zzzzzzzzzzzz") {
		t.Error("dateFilter passes a word of no date")
	}
}
