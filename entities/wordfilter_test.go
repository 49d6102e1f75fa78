package entities

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for w := range roleHeads {
		if !roleHeadFilter.may(w) {
			t.Errorf("roleHeadFilter rejects %q", w)
		}
	}
	if roleHeadFilter.may("zzzzzzzzzzzz") {
		t.Error("roleHeadFilter passes a word that is no role")
	}
}
