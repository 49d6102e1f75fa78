package entities

import (
	"bufio"
	"os"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// personCase is one sentence of testdata/persons.txt with the names it
// holds that are people and that are not.
type personCase struct {
	text       string
	persons    []string
	notPersons []string
}

func readPersonCases(t *testing.T) []personCase {
	t.Helper()
	f, err := os.Open("testdata/persons.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []personCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "+ "):
			out[len(out)-1].persons = append(out[len(out)-1].persons, line[2:])
		case strings.HasPrefix(line, "- "):
			out[len(out)-1].notPersons = append(out[len(out)-1].notPersons, line[2:])
		default:
			out = append(out, personCase{text: line})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// personMentions returns the texts of the person mentions Recognize finds
// in text, and the names of its person entities.
func personMentions(text string) map[string]bool {
	r := Recognize(NewDoc(text), nil)
	out := map[string]bool{}
	for _, e := range r.Entities {
		if e.Kind != storyline.Person {
			continue
		}
		out[e.Name] = true
		for _, m := range e.Mentions {
			out[m.Text] = true
		}
	}
	return out
}

// TestPersonRecall measures how many of the people named in
// testdata/persons.txt Recognize finds as people, whole (neither missed
// nor split), and checks that it takes none of the listed teams, places
// and organisations for a person.
func TestPersonRecall(t *testing.T) {
	const minRecall = 0.85
	found, total := 0, 0
	for _, c := range readPersonCases(t) {
		got := personMentions(c.text)
		for _, p := range c.persons {
			total++
			if got[p] {
				found++
			} else {
				t.Logf("missed %q in %q (people found: %v)", p, c.text, keys(got))
			}
		}
		for _, n := range c.notPersons {
			if got[n] {
				t.Errorf("%q taken for a person in %q", n, c.text)
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("person recall %d/%d = %.3f", found, total, recall)
	if recall < minRecall {
		t.Errorf("person recall %.3f, want at least %.2f", recall, minRecall)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestOccupationHeads checks that occupationBefore knows every head of
// occupationModifiers, after each of its modifiers.
func TestOccupationHeads(t *testing.T) {
	for head, mods := range occupationModifiers {
		for mod := range mods.words {
			d := NewDoc(mod + " " + head + " Tom Brady")
			Recognize(d, nil) // sizes the lexicon's cache
			c := &cand{tok0: 2, tok1: 4}
			if !occupationBefore(d, 1, c) {
				t.Errorf("%q %q: no occupation before the name", mod, head)
			}
		}
	}
}
