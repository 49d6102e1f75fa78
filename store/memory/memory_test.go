package memory

import (
	"context"
	"errors"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storyline.Store { return New(Options{KeepRaw: true}) })
}

// TestDropState checks that a store without state keeps none and says
// so as a store that never had any would.
func TestDropState(t *testing.T) {
	ctx := context.Background()
	b := storyline.Batch{State: map[string]map[string][]byte{"copies": {"d1": []byte("sketch")}}}
	for _, drop := range []bool{false, true} {
		s := New(Options{DropState: drop})
		if _, err := s.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
		v, err := s.State(ctx, "copies", "d1")
		n := 0
		for range s.ScanState(ctx, "copies", "") {
			n++
		}
		switch {
		case drop && (!errors.Is(err, storyline.ErrNotFound) || n != 0):
			t.Errorf("DropState: State = %q, %v; ScanState visits %d", v, err, n)
		case !drop && (err != nil || string(v) != "sketch" || n != 1):
			t.Errorf("default: State = %q, %v; ScanState visits %d", v, err, n)
		}
	}
}

func TestOptions(t *testing.T) {
	ctx := context.Background()
	a := storyline.Article{ID: "a", Title: "Geneva summit", Text: "Leaders met in Geneva on Tuesday.", Raw: []byte("<p>raw</p>"),
		Entities: []storyline.Entity{{Name: "Geneva", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "Geneva"}, {Text: "Geneva"}}}}}
	tests := []struct {
		name     string
		opts     Options
		raw      string
		text     string
		tuesday  int
		entities int
		mentions int
	}{
		{"default", Options{}, "", a.Text, 1, 1, 2},
		{"keep raw", Options{KeepRaw: true}, "<p>raw</p>", a.Text, 1, 1, 2},
		{"drop text", Options{DropText: true}, "", "", 0, 1, 2},
		{"drop entities", Options{DropText: true, DropEntities: true}, "", "", 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.opts)
			cp := storyline.Copy{A: "a", B: "b", Kind: storyline.Partial,
				Passages: []storyline.Passage{{AStart: 0, AEnd: 11, BStart: 0, BEnd: 11, Text: "Leaders met"}}}
			if _, err := s.Commit(ctx, storyline.Batch{Articles: []storyline.Article{a}, Copies: []storyline.Copy{cp}}); err != nil {
				t.Fatal(err)
			}
			wantPassage := "Leaders met"
			if tc.opts.DropText {
				wantPassage = ""
			}
			if cs, _ := s.Copies(ctx, storyline.CopyFilter{Article: "a"}); len(cs) != 1 || len(cs[0].Passages) != 1 ||
				cs[0].Passages[0].Text != wantPassage || cs[0].Passages[0].AEnd != 11 {
				t.Errorf("copies = %+v, want the passage with text %q", cs, wantPassage)
			} else if cp.Passages[0].Text != "Leaders met" {
				t.Error("the store changed the caller's passage")
			}
			got, err := s.Article(ctx, "a")
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Raw) != tc.raw || got.Text != tc.text {
				t.Errorf("raw %q text %q", got.Raw, got.Text)
			}
			if hits, _ := s.Search(ctx, "tuesday", 5); len(hits) != tc.tuesday {
				t.Errorf("search in text: %d hits, want %d", len(hits), tc.tuesday)
			}
			if hits, _ := s.Search(ctx, "summit", 5); len(hits) != 1 {
				t.Errorf("search in title: %d hits", len(hits))
			}
			if ents, _ := s.Entities(ctx, 0); len(ents) != tc.entities || len(ents) > 0 && ents[0].Mentions != tc.mentions {
				t.Errorf("entities = %+v", ents)
			}
			// The caller's slices are not retained.
			a.Raw[0] = 'X'
			if got, _ := s.Article(ctx, "a"); tc.opts.KeepRaw && string(got.Raw) != "<p>raw</p>" {
				t.Errorf("store shares the caller's Raw: %q", got.Raw)
			}
			a.Raw[0] = '<'
		})
	}
}

// TestAheadNotKept checks that work a reader did ahead for a stage is not
// kept with a stored article: it belongs to that stage's one reading.
func TestAheadNotKept(t *testing.T) {
	ctx := context.Background()
	s := New(Options{})
	a := storyline.Article{ID: "a1", Title: "T", Text: "Body.", Ahead: []string{"line"}}
	if _, err := s.Commit(ctx, storyline.Batch{Articles: []storyline.Article{a}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Ahead != nil {
		t.Errorf("stored article keeps Ahead = %v", got.Ahead)
	}
}
