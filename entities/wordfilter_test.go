package entities

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
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

// TestLexFilterTurnsAway checks that the lexicon's filter passes every
// word of the lexicon and turns away nearly all the words of a synthetic
// stream's text that the lexicon lacks, which a recognizer looks up the
// most.
func TestLexFilterTurnsAway(t *testing.T) {
	for _, w := range lexicon.index.keys {
		if !lexicon.filter.may(w) {
			t.Errorf("the filter turns away %q, a word of the lexicon", w)
		}
	}
	absent, passed := 0, 0
	seen := map[string]bool{}
	for a := range gen.New(gen.Options{Articles: 200, Seed: 1}).All() {
		for _, tok := range textproc.Tokenize(nil, a.Text) {
			if seen[tok.Term] || lexicon.index.find(tok.Term) >= 0 {
				continue
			}
			seen[tok.Term] = true
			absent++
			if lexicon.filter.may(tok.Term) {
				passed++
			}
		}
	}
	if absent < 1000 || passed*20 > absent {
		t.Errorf("the filter passes %d of %d words the lexicon lacks, want fewer than 1 in 20", passed, absent)
	}
}
