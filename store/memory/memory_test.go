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

// TestDropViews checks that a store without copies, explanations and
// titles keeps none of them, and still places every article as one that
// keeps them all: merges move the articles of the event merged.
func TestDropViews(t *testing.T) {
	ctx := context.Background()
	why := &storyline.Why{NewEvent: true, Similarity: 0.5, Terms: []string{"summit"}}
	batches := []storyline.Batch{{
		Articles: []storyline.Article{{ID: "a", Title: "First title"}, {ID: "b", Title: "Second title"}},
		Copies:   []storyline.Copy{{A: "a", B: "b", Kind: storyline.Duplicate}},
		Assignments: []storyline.Assignment{
			{Article: "a", Event: "e1", Story: "s1", Why: why},
			{Article: "b", Event: "e2", Story: "s2", Why: why},
		},
		Titles: map[string]string{"s1": "Given title", "e1": "Given event title"},
	}, {
		Articles:    []storyline.Article{{ID: "c", Title: "Third title"}},
		Assignments: []storyline.Assignment{{Article: "c", Event: "e2", Story: "s2"}},
		Merges:      []storyline.Merge{{Level: "event", From: "e2", Into: "e1"}, {Level: "story", From: "s2", Into: "s1"}},
	}}
	tests := []struct {
		name                string
		opts                Options
		copies              int
		why                 bool
		storyTitle, evTitle string
	}{
		{"keep all", Options{}, 1, true, "Given title", "Given event title"},
		{"drop copies", Options{DropCopies: true}, 0, true, "Given title", "Given event title"},
		{"drop why", Options{DropWhy: true}, 1, false, "Given title", "Given event title"},
		{"drop titles", Options{DropTitles: true}, 1, true, "First title", "First title"},
		{"drop all", Options{DropCopies: true, DropWhy: true, DropTitles: true}, 0, false, "First title", "First title"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.opts)
			for _, b := range batches {
				if _, err := s.Commit(ctx, b); err != nil {
					t.Fatal(err)
				}
			}
			if cs, _ := s.Copies(ctx, storyline.CopyFilter{}); len(cs) != tc.copies {
				t.Errorf("%d copies, want %d", len(cs), tc.copies)
			}
			for _, id := range []string{"a", "b", "c"} {
				as, err := s.Assignment(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if as.Event != "e1" || as.Story != "s1" {
					t.Errorf("%s in event %s story %s, want e1 s1", id, as.Event, as.Story)
				}
				if hasWhy := as.Why != nil; id == "a" && hasWhy != tc.why {
					t.Errorf("%s: Why %+v, want it kept: %v", id, as.Why, tc.why)
				}
			}
			st, err := s.Story(ctx, "s1")
			if err != nil {
				t.Fatal(err)
			}
			if st.Title != tc.storyTitle || len(st.Events) != 1 || st.Events[0].Title != tc.evTitle || len(st.Articles) != 3 {
				t.Errorf("story %q with events %+v, want %q with one event %q of three articles", st.Title, st.Events, tc.storyTitle, tc.evTitle)
			}
		})
	}
}
