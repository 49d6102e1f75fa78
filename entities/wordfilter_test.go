package entities

import (
	"strings"
	"testing"
)

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

// TestLexiconAgrees checks that one lookup in the lexicon answers as the
// word lists do, for every word of every list and for words in none.
func TestLexiconAgrees(t *testing.T) {
	lists := map[*wordSet]lexFlag{titles: inTitles, functionWords: inFunctionWords, calendarWords: inCalendarWords,
		discourse: inDiscourse, connectors: inConnectors, orgWords: inOrgWords, knownOrgs: inKnownOrgs, places: inPlaces,
		firstNames: inFirstNames, occupations: inOccupations, roleHeads: inRoleHeads, roleModifiers: inRoleModifiers,
		honorifics: inHonorifics, abbreviations: inAbbreviations, speechVerbs: inSpeechVerbs,
		personObjectVerbs: inPersonObjectVerbs, determiners: inDeterminers, prepositions: inPrepositions, platforms: inPlatforms}
	words := []string{"", "zzzz", "putin", "the quick", "песков"}
	for s := range lists {
		for w := range s.words {
			words = append(words, w)
		}
	}
	for _, w := range words {
		var want lexFlag
		for s, f := range lists {
			if s.has(w) {
				want |= f
			}
		}
		if got := lexOf(w); got != want {
			t.Errorf("lexOf(%q) = %b, want %b", w, got, want)
		}
	}
}

// TestStrIndex checks that strIndex numbers strings in the order added,
// finds them again across growth, and forgets them on reset.
func TestStrIndex(t *testing.T) {
	var x strIndex
	if x.find("a") != -1 {
		t.Fatal("an empty index found a string")
	}
	for round := range 3 {
		x.reset(4)
		var keys []string
		for i := range 500 {
			keys = append(keys, string(rune('a'+i%26))+string(rune('0'+i/26))+strings.Repeat("x", round))
		}
		for i, k := range keys {
			if id := x.add(k); id != int32(i) {
				t.Fatalf("add(%q) = %d, want %d", k, id, i)
			}
			if id := x.add(k); id != int32(i) {
				t.Fatalf("add(%q) again = %d, want %d", k, id, i)
			}
		}
		for i, k := range keys {
			if id := x.find(k); id != int32(i) {
				t.Errorf("find(%q) = %d, want %d", k, id, i)
			}
		}
		if id := x.find("absent"); id != -1 {
			t.Errorf("find(absent) = %d", id)
		}
	}
	x.reset(1)
	if id := x.find("a0"); id != -1 {
		t.Errorf("find after reset = %d", id)
	}
}
