package lang

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for set, f := range map[*map[string]bool]*wordFilter{&enWords: enFilter, &ruWords: ruFilter} {
		for w := range *set {
			if !f.may(w) {
				t.Errorf("filter rejects %q", w)
			}
		}
	}
	if enFilter.may("zzzzzzzzzzzz") {
		t.Error("enFilter passes a word not in enWords")
	}
}
