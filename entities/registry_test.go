package entities

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	storyline "github.com/storyline-news/storyline"
)

// refRegistry is the registry's commit as first written, a set of names
// per surname key applied in sorted order of keys and names, in
// generations of limit/2 keys (see MaxNames): the test compares Registry
// with it.
type refRegistry struct {
	names, old map[string]string
	limit      int
	staged     map[string]map[string]bool
}

func newRefRegistry(limit int) *refRegistry {
	return &refRegistry{names: map[string]string{}, staged: map[string]map[string]bool{}, limit: limit}
}

func (g *refRegistry) lookup(key string) (string, bool) {
	if n, ok := g.names[key]; ok {
		return n, true
	}
	n, ok := g.old[key]
	return n, ok
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

// fullName is Registry.FullName.
func (g *refRegistry) fullName(key string) string {
	n, _ := g.lookup(key)
	return n
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
			old, ok := g.lookup(key)
			switch {
			case !ok:
				g.names[key] = name
			case old == name || old == "" || strings.HasSuffix(old, " "+name):
				g.names[key] = old
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
	if len(g.names) >= g.limit/2 {
		g.old, g.names = g.names, map[string]string{}
	}
	return changed
}

// TestRegistryMatchesReference learns batches of names drawn from a small
// pool, so that surnames repeat, grow ("Putin", "Vladimir Putin",
// "Vladimir Vladimirovich Putin"), clash, decline and are learned again,
// and checks that every Commit changes what the reference's does, with
// generations of the default size and of a few keys, which rotate every
// few commits. A second registry learns the same and settles (Settle)
// where the first commits: it must hold the same names.
func TestRegistryMatchesReference(t *testing.T) {
	for _, limit := range []int{MaxNames, 8, 12} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) { testRegistryMatchesReference(t, limit) })
	}
}

func testRegistryMatchesReference(t *testing.T, limit int) {
	given := []string{"Vladimir", "Anna", "Dmitry", "Joe", "Мария", "Vladimir Vladimirovich", "J. K.", "K.", "Vladimirovich", "Dmitry\u00a0Sergeyevich"}
	surnames := []string{"Putin", "Peskov", "Biden", "Захарова", "Захаровой", "Pesko", "Rowling", "Ушаков", "Ушакова"}
	rng := rand.New(rand.NewPCG(3, 4))
	reg, settled := NewRegistry(), NewRegistry()
	reg.limit, settled.limit = limit, limit
	ref := newRefRegistry(limit)
	seen := map[string]bool{}
	for batch := range 600 {
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
			settled.Learn(r)
			ref.learn(r)
		}
		settled.Settle()
		got, want := reg.Commit(), ref.commit()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("batch %d: Commit() = %v, reference %v", batch, got, want)
		}
		held := map[string]bool{}
		for _, m := range []map[string]string{ref.old, ref.names} {
			for key := range m {
				held[key], seen[key] = true, true
			}
		}
		// every key ever learned, also those the generations forgot
		for key := range seen {
			if got, want := reg.FullName(key), ref.fullName(key); got != want {
				t.Fatalf("batch %d: FullName(%q) = %q, reference %q", batch, key, got, want)
			}
			if got, want := settled.FullName(key), ref.fullName(key); got != want {
				t.Fatalf("batch %d: after Settle, FullName(%q) = %q, reference %q", batch, key, got, want)
			}
		}
		if reg.Len() != len(held) || settled.Len() != len(held) {
			t.Fatalf("batch %d: Len() = %d, after Settle %d, reference %d", batch, reg.Len(), settled.Len(), len(held))
		}
		if batch%150 == 0 {
			// a fresh start now and then, so that names are learned anew
			reg, settled, ref = NewRegistry(), NewRegistry(), newRefRegistry(limit)
			reg.limit, settled.limit = limit, limit
			clear(seen)
		}
	}
}

// TestLastField checks lastField and countFields against strings.Fields,
// and isAllCaps against its definition, on random strings of letters,
// spaces of every kind and broken code points.
func TestLastField(t *testing.T) {
	pieces := []string{"a", "Ж", " ", "\t", "\u00a0", "\u2003", "\u3000", "\u0085", "\xc2", "\xa0", "\x85", "\xe2\x80", "\x82", "\xff", "Putin",
		"Пескова", "ё", "\xd0", "\xd1", "\xe2", "ѐ", "NATO", "U.S.", "É", "é", "X", "ФСБ"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := joinRandom(rng, pieces, 8)
		checkFields(t, s)
		if got, want := isAllCaps(s), allCapsRef(s); got != want {
			t.Fatalf("isAllCaps(%q) = %v, want %v", s, got, want)
		}
	}
	// long runs of ASCII, which both read eight bytes at a time, with
	// spaces of every ASCII kind and other bytes around them
	ascii := []string{"Vladimir", "Putin", "K.", " ", "  ", "\t", "\n", "\v\f\r", "\x1f", "!", "\x08", "\x0e", "Ж", "\u2003"}
	for range 20000 {
		s := joinRandom(rng, ascii, 16)
		checkFields(t, s)
		if got, want := string(appendLower(nil, s)), strings.Map(unicode.ToLower, s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// joinRandom joins fewer than n pieces drawn at random.
func joinRandom(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range rng.IntN(n) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// checkFields checks lastField and countFields of s against
// strings.Fields.
func checkFields(t *testing.T, s string) {
	t.Helper()
	want := ""
	if f := strings.Fields(s); len(f) > 0 {
		want = f[len(f)-1]
	}
	if got := lastField(s); got != want {
		t.Fatalf("lastField(%q) = %q, want %q", s, got, want)
	}
	if got, want := countFields(s), len(strings.Fields(s)); got != want {
		t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
	}
}

// TestRegistryLearnsAfterRestore checks that a name committed, then
// replaced by Restore with another person's, is learned again: the
// surname becomes ambiguous.
func TestRegistryLearnsAfterRestore(t *testing.T) {
	reg := NewRegistry()
	anna := &Result{Entities: []storyline.Entity{{Name: "Anna Putin", Kind: storyline.Person}}}
	reg.Learn(anna)
	if got := reg.Commit(); got["putin"] != "Anna Putin" {
		t.Fatalf("first Commit() = %v", got)
	}
	reg.Learn(anna)
	if got := reg.Commit(); len(got) != 0 {
		t.Fatalf("Commit() of a name known = %v, want nothing", got)
	}
	reg.Restore("putin", "Boris Putin")
	reg.Learn(anna)
	if got := reg.Commit(); len(got) != 1 || got["putin"] != "" {
		t.Errorf("Commit() after Restore = %v, want putin ambiguous", got)
	}
}

// TestCloneBoth checks that cloneBoth returns the strings it is given,
// in memory of their own.
func TestCloneBoth(t *testing.T) {
	src := "putin Vladimir Putin"
	for _, c := range [][2]string{{src[:5], src[6:]}, {"", src[6:]}, {src[:5], ""}} {
		k, n := cloneBoth(c[0], c[1])
		if k != c[0] || n != c[1] {
			t.Fatalf("cloneBoth(%q, %q) = %q, %q", c[0], c[1], k, n)
		}
		lo := uintptr(unsafe.Pointer(unsafe.StringData(src)))
		for _, s := range []string{k, n} {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < lo+uintptr(len(src)) {
				t.Errorf("cloneBoth(%q, %q) shares the caller's memory", c[0], c[1])
			}
		}
	}
}

// allCapsRef is isAllCaps as defined: two letters at least, all upper
// case.
func allCapsRef(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
