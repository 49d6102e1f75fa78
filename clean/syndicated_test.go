package clean

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestSyndicatedLinesStay: a paragraph that several outlets carry is
// content, however often one outlet repeats it; a line only one outlet
// carries, or a short one, is its boilerplate once it repeats.
func TestSyndicatedLinesStay(t *testing.T) {
	ctx := context.Background()
	const (
		agency = "The ministry said on Sunday that the talks would resume in Vienna next week."
		footer = "Harbour Gazette, serving the coast since 1921."
		// a short line several outlets carry is furniture all the same
		listen = "Listen to this report"
	)
	tests := []struct {
		name       string
		otherFirst bool // another outlet carries the agency paragraph before the third article
		wantAgency bool
	}{
		{"carried by two outlets", true, true},
		{"carried by one outlet", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{MinArticles: 3})
			if tc.otherFirst {
				b := storyline.Article{ID: "b0", Source: "other.example", Hash: "hb",
					Text: "A wire report.\n" + agency + "\n" + listen}
				if err := c.Clean(ctx, &b); err != nil {
					t.Fatal(err)
				}
			}
			var last storyline.Article
			for i, lead := range []string{"Envoys arrived on Monday.", "Delegates met on Tuesday.", "Talks stalled on Wednesday."} {
				last = storyline.Article{ID: fmt.Sprint("a", i), Source: "gazette.example", Hash: fmt.Sprint("h", i),
					Text: lead + "\n" + agency + "\n" + footer + "\n" + listen}
				if err := c.Clean(ctx, &last); err != nil {
					t.Fatal(err)
				}
			}
			if got := strings.Contains(last.Text, agency); got != tc.wantAgency {
				t.Errorf("agency paragraph kept = %v, want %v: %q", got, tc.wantAgency, last.Text)
			}
			if strings.Contains(last.Text, footer) || strings.Contains(last.Text, listen) {
				t.Errorf("the outlet's repeated short lines were kept: %q", last.Text)
			}
		})
	}
}

// TestCrossOutletBounded: the memory of lines' outlets keeps two
// generations of at most max lines, and forgets the oldest.
func TestCrossOutletBounded(t *testing.T) {
	x := newCrossOutlet(100)
	a, b := outletKey("a.example"), outletKey("b.example")
	x.note(1, a)
	x.note(1, b)
	if !x.shared(1) {
		t.Fatal("a line two outlets carried is not shared")
	}
	x.note(2, a)
	x.note(2, a)
	if x.shared(2) {
		t.Fatal("a line one outlet repeated is shared")
	}
	for k := range uint64(1000) {
		x.note(k+10, a)
		if x.lines() > 200 {
			t.Fatalf("holds %d lines, want at most 200", x.lines())
		}
	}
	if x.shared(1) {
		t.Error("a line from long ago is still remembered")
	}
}

// TestNoteReportsShared: what note reports is what shared says after it,
// across generations, for lines of several outlets seen again.
func TestNoteReportsShared(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := newCrossOutlet(50)
	outlets := []uint32{outletKey("a"), outletKey("b"), outletKey("c")}
	for range 20000 {
		k := 1 + r.Uint64N(300)
		got := x.note(k, outlets[r.IntN(len(outlets))])
		if want := x.shared(k); got != want {
			t.Fatalf("note(%d) = %v, shared = %v", k, got, want)
		}
	}
}

// TestSyndicatedShortLinesStay: a report that several outlets re-run,
// each more than MinArticles times under its own furniture, keeps its
// short sentences (a resident's reaction of nine words): they are the
// report's content, which other outlets carry too, not one outlet's
// boilerplate. Each outlet's own furniture is still learned and removed.
func TestSyndicatedShortLinesStay(t *testing.T) {
	ctx := context.Background()
	const (
		lead     = "Ministers agreed on Monday to rebuild the harbour wall before the winter storms arrive."
		reaction = "Shopkeeper Anna Berg, 51, cautioned that prices would rise."
		close    = "Work is due to start in March, the council said in a statement."
	)
	outlets := []string{"north.example", "south.example", "east.example"}
	c := New(Options{MinArticles: 3})
	var last storyline.Article
	for round := range 4 {
		for _, o := range outlets {
			footer := o + ", serving the coast since 1921."
			last = storyline.Article{ID: fmt.Sprint(o, round), Source: o, Hash: fmt.Sprint(o, round),
				Text: lead + "\n" + reaction + "\n" + close + "\n" + footer}
			if round%2 == 1 {
				// a re-run under the outlet's own credit line
				last.Text = "Photo: " + o + "\n" + last.Text
			}
			if err := c.Clean(ctx, &last); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(last.Text, reaction) {
				t.Errorf("%s: the syndicated reaction was removed: %q", last.ID, last.Text)
			}
		}
	}
	if strings.Contains(last.Text, "serving the coast") {
		t.Errorf("the outlet's repeated footer was kept: %q", last.Text)
	}
}

// TestLineTable: a table filled to the lines it is made for finds every
// key it holds with its value, and no other, whatever the key's halves
// (a key with one half zero is a key like any other); reset empties it.
func TestLineTable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 10, 100, 1000, 4096} {
		tb := newLineTable(n)
		want := make(map[uint64]uint32, n)
		special := []uint64{1, 1 << 32, 0xffffffff, 0xffffffff << 32, ^uint64(0)}
		for len(want) < n {
			k := r.Uint64()
			if len(want) < len(special) {
				k = special[len(want)]
			}
			if _, ok := want[k]; ok || k == 0 {
				continue
			}
			i, ok := tb.find(k)
			if ok {
				t.Fatalf("n=%d: key %x found before it was put", n, k)
			}
			v := r.Uint32()
			tb.put(i, k, v)
			want[k] = v
		}
		if tb.n != n {
			t.Fatalf("n=%d: holds %d lines", n, tb.n)
		}
		for k, v := range want {
			if got, ok := tb.get(k); !ok || got != v {
				t.Fatalf("n=%d: get(%x) = %d %v, want %d", n, k, got, ok, v)
			}
		}
		for range 1000 {
			k := r.Uint64()
			if _, held := want[k]; held || k == 0 {
				continue
			}
			if _, ok := tb.get(k); ok {
				t.Fatalf("n=%d: get(%x) found a key never put", n, k)
			}
		}
		tb.reset()
		for k := range want {
			if _, ok := tb.get(k); ok {
				t.Fatalf("n=%d: get(%x) found a key after reset", n, k)
			}
		}
	}
}
