package entities

import (
	"testing"

	"github.com/storyline-news/storyline/textproc"
)

func TestWordFilterPassesItsSet(t *testing.T) {
	for set, f := range map[*map[string]bool]*textproc.WordFilter{&roleHeads: roleHeadFilter, &places: placeFilter, &knownOrgs: knownOrgFilter,
		&calendarWords: calendarFilter, &functionWords: functionFilter} {
		for w := range *set {
			if !f.May(w) {
				t.Errorf("filter rejects %q", w)
			}
		}
	}
	if roleHeadFilter.May("zzzzzzzzzzzz") {
		t.Error("roleHeadFilter passes a word that is no role")
	}
}
