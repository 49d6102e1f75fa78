package quotes

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for w := range wordClasses {
		if !classFilter.May(w) {
			t.Errorf("classFilter rejects %q", w)
		}
	}
	if classFilter.May("zzzzzzzzzzzz") {
		t.Error("classFilter passes a word of no class")
	}
}
