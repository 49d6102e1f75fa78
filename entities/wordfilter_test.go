package entities

import "testing"

// TestWordSetHas checks that every set has each of its words, whatever
// its filter, and turns away words it lacks.
func TestWordSetHas(t *testing.T) {
	for name, s := range map[string]*wordSet{"roleHeads": roleHeads, "places": places, "knownOrgs": knownOrgs,
		"calendarWords": calendarWords, "functionWords": functionWords, "titles": titles, "firstNames": firstNames,
		"orgWords": orgWords, "occupations": occupations, "abbreviations": abbreviations} {
		for w := range s.words {
			if !s.has(w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
		for _, w := range []string{"zzzzzzzzzzzz", "", "the quick"} {
			if s.has(w) {
				t.Errorf("%s has %q", name, w)
			}
		}
	}
}
