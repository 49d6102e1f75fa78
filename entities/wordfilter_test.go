package entities

import "testing"

func TestWordFilterPassesItsSet(t *testing.T) {
	for set, f := range map[*map[string]bool]*wordFilter{&roleHeads: roleHeadFilter, &places: placeFilter, &knownOrgs: knownOrgFilter,
		&calendarWords: calendarFilter, &functionWords: functionFilter} {
		for w := range *set {
			if !f.may(w) {
				t.Errorf("filter rejects %q", w)
			}
		}
	}
	if roleHeadFilter.may("zzzzzzzzzzzz") {
		t.Error("roleHeadFilter passes a word that is no role")
	}
}
