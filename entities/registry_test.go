package entities

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// refRegistry is the registry's commit as first written, a set of names
// per surname key applied in sorted order of keys and names: the test
// compares Registry with it.
type refRegistry struct {
	names  map[string]string
	staged map[string]map[string]bool
}

func (g *refRegistry) learn(r *Result) {
	for _, e := range r.Entities {
		f := strings.Fields(e.Name)
		if e.Kind != storyline.Person || len(f) < 2 || len(f) > 4 {
			continue
		}
		key := stem(strings.ToLower(f[len(f)-1]))
		if g.staged[key] == nil {
			g.staged[key] = make(map[string]bool)
		}
		g.staged[key][e.Name] = true
	}
}

func (g *refRegistry) commit() map[string]string {
	changed := make(map[string]string)
	var keys []string
	for k := range g.staged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		var names []string
		for n := range g.staged[key] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			old, ok := g.names[key]
			switch {
			case !ok:
				g.names[key] = name
			case old == name || old == "" || strings.HasSuffix(old, " "+name):
				continue
			case strings.HasSuffix(name, " "+old):
				g.names[key] = name
			default:
				g.names[key] = ""
			}
			changed[key] = g.names[key]
		}
	}
	clear(g.staged)
	return changed
}

// TestRegistryMatchesReference learns batches of names drawn from a small
// pool, so that surnames repeat, grow ("Putin", "Vladimir Putin",
// "Vladimir Vladimirovich Putin"), clash and decline, and checks that
// every Commit changes what the reference's does.
func TestRegistryMatchesReference(t *testing.T) {
	given := []string{"Vladimir", "Anna", "Dmitry", "Joe", "Мария", "Vladimir Vladimirovich", "J. K.", "K.", "Vladimirovich", "Dmitry\u00a0Sergeyevich"}
	surnames := []string{"Putin", "Peskov", "Biden", "Захарова", "Захаровой", "Pesko", "Rowling", "Ушаков", "Ушакова"}
	rng := rand.New(rand.NewPCG(3, 4))
	reg := NewRegistry()
	ref := &refRegistry{names: map[string]string{}, staged: map[string]map[string]bool{}}
	for batch := range 300 {
		for range rng.IntN(4) {
			r := &Result{}
			for range rng.IntN(6) {
				name := given[rng.IntN(len(given))] + " " + surnames[rng.IntN(len(surnames))]
				kind := storyline.Person
				switch rng.IntN(8) {
				case 0:
					kind = storyline.Organization
				case 1:
					name = surnames[rng.IntN(len(surnames))]
				case 2:
					name = "  " + name + " "
				}
				r.Entities = append(r.Entities, storyline.Entity{Name: name, Kind: kind})
			}
			reg.Learn(r)
			ref.learn(r)
		}
		got, want := reg.Commit(), ref.commit()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("batch %d: Commit() = %v, reference %v", batch, got, want)
		}
		if batch%50 == 0 {
			// a fresh start now and then, so that names are learned anew
			reg, ref = NewRegistry(), &refRegistry{names: map[string]string{}, staged: map[string]map[string]bool{}}
		}
	}
	for key, name := range ref.names {
		if got := reg.FullName(key); got != name {
			t.Errorf("FullName(%q) = %q, reference %q", key, got, name)
		}
	}
}

// TestLastField checks lastField against strings.Fields on random strings
// of letters, spaces of every kind and broken code points.
func TestLastField(t *testing.T) {
	pieces := []string{"a", "Ж", " ", "\t", "\u00a0", "\u2003", "\u3000", "\u0085", "\xc2", "\xa0", "\x85", "\xe2\x80", "\x82", "\xff", "Putin"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Fatalf("lastField(%q) = %q, want %q", s, got, want)
		}
	}
}
