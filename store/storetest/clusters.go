package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// clusterFixture stores six articles in two stories:
//
//	s1: e1 {a1 (day 0, tass, ru), a2 (day 1, bbc, en)}, e2 {a3 (day 3, bbc, en)}
//	s2: e3 {b1 (day 2, cnn, en, Geneva), b2 (unknown date, cnn, en)}
//	s3: e4 {c1 (unknown date)}
func clusterFixture(t *testing.T, s storyline.Store) {
	t.Helper()
	a1 := art("a1", "Песков о переговорах", "Дмитрий Песков прокомментировал переговоры.", "tass.ru", "ru", day(0))
	a1.Entities = []storyline.Entity{{Name: "Dmitry Peskov", Kind: storyline.Person, Mentions: []storyline.Mention{{Text: "Дмитрий Песков", Start: 0, End: 14}}}}
	a2 := art("a2", "Kremlin on talks", "Peskov commented on the talks.", "bbc.com", "en", day(1))
	a2.Entities = []storyline.Entity{{Name: "Dmitry Peskov", Kind: storyline.Person, Mentions: []storyline.Mention{{Text: "Peskov", Start: 0, End: 6}}}}
	a3 := art("a3", "Phone call follows", "Ushakov described the call.", "bbc.com", "en", at(3, 12))
	b1 := art("b1", "Summit in Geneva", "Leaders met in Geneva.", "cnn.com", "en", day(2))
	b2 := art("b2", "Geneva aftermath", "Undated follow-up.", "cnn.com", "en", storyline.Published{})
	c1 := art("c1", "Undated", "Nothing dated here.", "x", "en", storyline.Published{})
	commit(t, s, storyline.Batch{
		Articles: []storyline.Article{a1, a2, a3, b1, b2, c1},
		Assignments: []storyline.Assignment{
			{Article: "a1", Event: "e1", Story: "s1", Why: &storyline.Why{NewEvent: true, NewStory: true}},
			{Article: "a2", Event: "e1", Story: "s1", Why: &storyline.Why{Similarity: 0.5, Terms: []string{"peskov"}}},
			{Article: "a3", Event: "e2", Story: "s1"},
			{Article: "b1", Event: "e3", Story: "s2"},
			{Article: "b2", Event: "e3", Story: "s2"},
			{Article: "c1", Event: "e4", Story: "s3"},
		},
		Titles: map[string]string{"e2": "The phone call"},
	})
}

func testClusters(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	ctx := context.Background()
	as, err := s.Assignment(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	if as.Event != "e1" || as.Story != "s1" || as.Why == nil || as.Why.Similarity != 0.5 || !slices.Equal(as.Why.Terms, []string{"peskov"}) {
		t.Errorf("assignment = %+v (why %+v)", as, as.Why)
	}
	all := stories(t, s, storyline.StoryFilter{})
	if got, want := storyIDs(all), []string{"s1", "s2", "s3"}; !slices.Equal(got, want) {
		t.Fatalf("stories = %v, want %v (most recently active first, undated last)", got, want)
	}
	s1 := all[0]
	if s1.Title != "Песков о переговорах" {
		t.Errorf("s1 title = %q, want the earliest article's", s1.Title)
	}
	if s1.FirstPublished != day(0) || s1.LastPublished != at(3, 12) {
		t.Errorf("s1 published %v..%v", s1.FirstPublished, s1.LastPublished)
	}
	if !slices.Equal(s1.Articles, []string{"a1", "a2", "a3"}) {
		t.Errorf("s1 articles = %v", s1.Articles)
	}
	if len(s1.Events) != 2 || s1.Events[0].ID != "e1" || s1.Events[1].ID != "e2" {
		t.Fatalf("s1 events = %+v", s1.Events)
	}
	if e := s1.Events[1]; e.Title != "The phone call" || e.Story != "s1" || !slices.Equal(e.Articles, []string{"a3"}) {
		t.Errorf("e2 = %+v", e)
	}
	if e := s1.Events[0]; !slices.Equal(e.Articles, []string{"a1", "a2"}) || e.FirstPublished != day(0) || e.LastPublished != day(1) {
		t.Errorf("e1 = %+v", e)
	}
	s2 := all[1]
	if !slices.Equal(s2.Articles, []string{"b1", "b2"}) || s2.LastPublished != day(2) {
		t.Errorf("s2 = %+v", s2)
	}
	s3 := all[2]
	if !s3.FirstPublished.IsZero() || !s3.LastPublished.IsZero() || s3.Title != "Undated" {
		t.Errorf("s3 = %+v", s3)
	}
	one, err := s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if one.ID != "s2" || !slices.Equal(one.Articles, s2.Articles) || len(one.Events) != 1 {
		t.Errorf("Story(s2) = %+v", one)
	}
	// A title set later wins over the earliest article's.
	commit(t, s, storyline.Batch{Titles: map[string]string{"s1": "Peskov on talks"}})
	if one, _ := s.Story(ctx, "s1"); one.Title != "Peskov on talks" {
		t.Errorf("titled s1 = %q", one.Title)
	}
	// An empty title clears it, beside others set in the same batch.
	commit(t, s, storyline.Batch{Titles: map[string]string{"s1": "", "s2": "Second title", "s9": ""}})
	if one, _ := s.Story(ctx, "s1"); one.Title == "Peskov on talks" || one.Title == "" {
		t.Errorf("s1 after its title was cleared = %q, want its earliest article's", one.Title)
	}
	if one, _ := s.Story(ctx, "s2"); one.Title != "Second title" {
		t.Errorf("titled s2 = %q", one.Title)
	}
	commit(t, s, storyline.Batch{Titles: map[string]string{"s1": "Peskov on talks", "s2": ""}})
	if one, _ := s.Story(ctx, "s1"); one.Title != "Peskov on talks" {
		t.Errorf("retitled s1 = %q", one.Title)
	}
	// A new earliest article retitles an untitled cluster and extends it.
	a0 := art("a0", "Earliest word", "Before everything.", "ria.ru", "ru", day(-1))
	commit(t, s, storyline.Batch{Articles: []storyline.Article{a0},
		Assignments: []storyline.Assignment{{Article: "a0", Event: "e1", Story: "s1"}}})
	one, _ = s.Story(ctx, "s1")
	if one.FirstPublished != day(-1) || one.Events[0].Title != "Earliest word" || len(one.Articles) != 4 || one.Articles[0] != "a0" {
		t.Errorf("after an earlier article: %+v", one)
	}
	// Updating an article's date moves the cluster's bounds.
	a3 := art("a3", "Phone call follows", "Ushakov described the call, updated.", "bbc.com", "en", day(5))
	commit(t, s, storyline.Batch{Articles: []storyline.Article{a3}})
	one, _ = s.Story(ctx, "s1")
	if one.LastPublished != day(5) {
		t.Errorf("after update: last %v, want %v", one.LastPublished, day(5))
	}
}

func testReassign(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	ctx := context.Background()
	// a3 leaves s1 for s2; c1's story empties and disappears.
	commit(t, s, storyline.Batch{Assignments: []storyline.Assignment{
		{Article: "a3", Event: "e3", Story: "s2"},
		{Article: "c1", Event: "e3", Story: "s2"},
	}})
	s1, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s1.Articles, []string{"a1", "a2"}) || s1.LastPublished != day(1) || len(s1.Events) != 1 {
		t.Errorf("s1 after reassignment = %+v", s1)
	}
	s2, _ := s.Story(ctx, "s2")
	if !slices.Equal(s2.Articles, []string{"b1", "a3", "b2", "c1"}) || s2.LastPublished != at(3, 12) {
		t.Errorf("s2 after reassignment = %+v", s2)
	}
	if _, err := s.Story(ctx, "s3"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("emptied story s3: %v, want ErrNotFound", err)
	}
	if got := storyIDs(stories(t, s, storyline.StoryFilter{})); !slices.Equal(got, []string{"s2", "s1"}) {
		t.Errorf("stories = %v", got)
	}
	if got := stats(t, s).Counts; got["events"] != 2 || got["stories"] != 2 {
		t.Errorf("counts = %v", got)
	}
	// s1 no longer has a bbc article about the call, but a2 is bbc.
	if got := storyIDs(stories(t, s, storyline.StoryFilter{Source: "x"})); !slices.Equal(got, []string{"s2"}) {
		t.Errorf("source x = %v", got)
	}
	if got := storyIDs(stories(t, s, storyline.StoryFilter{Lang: "ru"})); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("lang ru = %v", got)
	}
}

func testMerges(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	ctx := context.Background()
	// Event e3 (story s2) is merged into e1 (story s1): its articles follow.
	commit(t, s, storyline.Batch{Merges: []storyline.Merge{{Level: "event", From: "e3", Into: "e1", After: "b2"}}})
	s1, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s1.Articles, []string{"a1", "a2", "b1", "a3", "b2"}) {
		t.Errorf("s1 after event merge = %v", s1.Articles)
	}
	if len(s1.Events) != 2 || !slices.Equal(s1.Events[0].Articles, []string{"a1", "a2", "b1", "b2"}) {
		t.Errorf("events after event merge = %+v", s1.Events)
	}
	if as, _ := s.Assignment(ctx, "b1"); as.Event != "e1" || as.Story != "s1" {
		t.Errorf("b1 assignment = %+v", as)
	}
	if _, err := s.Story(ctx, "s2"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("emptied s2: %v", err)
	}
	// Story s3 is merged into s1, in the same batch as a new article for s3.
	d1 := art("d1", "New", "New article.", "x", "en", day(9))
	commit(t, s, storyline.Batch{
		Articles:    []storyline.Article{d1},
		Assignments: []storyline.Assignment{{Article: "d1", Event: "e4", Story: "s3"}},
		Merges:      []storyline.Merge{{Level: "story", From: "s3", Into: "s1", After: "d1"}},
	})
	all := stories(t, s, storyline.StoryFilter{})
	if len(all) != 1 || all[0].ID != "s1" {
		t.Fatalf("stories after story merge = %v", storyIDs(all))
	}
	if got := all[0]; len(got.Articles) != 7 || got.LastPublished != day(9) || len(got.Events) != 3 {
		t.Errorf("s1 after story merge: %d articles, last %v, %d events", len(got.Articles), got.LastPublished, len(got.Events))
	}
	for _, e := range all[0].Events {
		if e.Story != "s1" {
			t.Errorf("event %s story = %q", e.ID, e.Story)
		}
	}
	if as, _ := s.Assignment(ctx, "c1"); as.Story != "s1" || as.Event != "e4" {
		t.Errorf("c1 assignment = %+v", as)
	}
	// A merged-away story id leads to the story it went into.
	if got, err := s.Story(ctx, "s3"); err != nil || got.ID != "s1" {
		t.Errorf("Story(s3) = %q, %v; want s1", got.ID, err)
	}
	if got := stats(t, s).Counts; got["stories"] != 1 || got["events"] != 3 {
		t.Errorf("counts after merges = %v", got)
	}
}

func testStoryFilter(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	tests := []struct {
		name string
		f    storyline.StoryFilter
		want []string
	}{
		{"source", storyline.StoryFilter{Source: "bbc.com"}, []string{"s1"}},
		{"source cnn", storyline.StoryFilter{Source: "cnn.com"}, []string{"s2"}},
		{"lang", storyline.StoryFilter{Lang: "en"}, []string{"s1", "s2", "s3"}},
		{"lang ru", storyline.StoryFilter{Lang: "ru"}, []string{"s1"}},
		{"entity", storyline.StoryFilter{Entity: "dmitry peskov"}, []string{"s1"}},
		{"entity none", storyline.StoryFilter{Entity: "Nobody"}, nil},
		{"query", storyline.StoryFilter{Query: "geneva"}, []string{"s2"}},
		{"query ru", storyline.StoryFilter{Query: "песков"}, []string{"s1"}},
		{"query none", storyline.StoryFilter{Query: "zebra"}, nil},
		{"since", storyline.StoryFilter{Since: day(2)}, []string{"s1", "s2"}},
		{"since late", storyline.StoryFilter{Since: day(3)}, []string{"s1"}},
		{"until", storyline.StoryFilter{Until: day(1)}, []string{"s1"}},
		{"until instant", storyline.StoryFilter{Until: at(2, 1)}, []string{"s1", "s2"}},
		{"limit", storyline.StoryFilter{Limit: 2}, []string{"s1", "s2"}},
		{"offset", storyline.StoryFilter{Limit: 2, Offset: 1}, []string{"s2", "s3"}},
		{"offset only", storyline.StoryFilter{Offset: 2}, []string{"s3"}},
		{"combined", storyline.StoryFilter{Lang: "en", Query: "talks", Since: day(0)}, []string{"s1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := storyIDs(stories(t, s, tc.f)); !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("= %v, want %v", got, tc.want)
			}
		})
	}
}

func testRecleaned(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	ctx := context.Background()
	before, err := s.Article(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	re := before
	re.Title = "Kremlin comments on talks"
	re.Text = "Peskov commented on the negotiations."
	re.Raw, re.Hash = nil, "ignored"
	re.Entities = []storyline.Entity{{Name: "Kremlin", Kind: storyline.Organization, Mentions: []storyline.Mention{{Text: "Kremlin"}}}}
	missing := art("nope", "Never stored", "x", "x", "en", day(0))
	outs := commit(t, s, storyline.Batch{Recleaned: []storyline.Article{re, missing}})
	if len(outs) != 0 {
		t.Errorf("outcomes for recleaned articles: %v", outs)
	}
	got, err := s.Article(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != re.Text || got.Title != re.Title || got.Hash != before.Hash || string(got.Raw) != string(before.Raw) {
		t.Errorf("recleaned article: %+v", got)
	}
	if got.Source != before.Source || got.Published != before.Published {
		t.Errorf("recleaning changed the input's fields: %+v", got)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("recleaning stored an unknown article: %v", err)
	}
	if got := search(t, s, "negotiations"); !slices.Equal(got, []string{"a2"}) {
		t.Errorf("search new text = %v", got)
	}
	if got := search(t, s, `"the talks"`); len(got) != 0 {
		t.Errorf("search finds the text before recleaning: %v", got)
	}
	st := stats(t, s)
	if st.Counts["updates"] != 0 || st.Articles != 6 {
		t.Errorf("recleaning counted as update: %+v", st.Counts)
	}
	ents, _ := s.Entities(ctx, 0)
	want := []storyline.EntityCount{
		{Name: "Dmitry Peskov", Kind: storyline.Person, Articles: 1, Mentions: 1},
		{Name: "Kremlin", Kind: storyline.Organization, Articles: 1, Mentions: 1},
	}
	if !slices.Equal(ents, want) {
		t.Errorf("entities after recleaning = %+v, want %+v", ents, want)
	}
	if got := storyIDs(stories(t, s, storyline.StoryFilter{Entity: "kremlin"})); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("entity filter after recleaning = %v", got)
	}
	// Recleaning the earliest article retitles its untitled clusters and
	// moves the story's facets.
	a1, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	a1.Title, a1.Lang, a1.Entities = "Песков: переговоры", "uk", nil
	commit(t, s, storyline.Batch{Recleaned: []storyline.Article{a1}})
	s1, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if s1.Title != a1.Title || s1.Events[0].Title != a1.Title {
		t.Errorf("after recleaning the first article: story %q, event %q; want %q", s1.Title, s1.Events[0].Title, a1.Title)
	}
	for _, tc := range []struct {
		f    storyline.StoryFilter
		want []string
	}{
		{storyline.StoryFilter{Entity: "dmitry peskov"}, nil},
		{storyline.StoryFilter{Lang: "ru"}, nil},
		{storyline.StoryFilter{Lang: "uk"}, []string{"s1"}},
	} {
		if got := storyIDs(stories(t, s, tc.f)); !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("after recleaning, stories %+v = %v, want %v", tc.f, got, tc.want)
		}
	}
	// The same outcome on a re-commit of the unchanged input.
	if outs := commit(t, s, storyline.Batch{Articles: []storyline.Article{art("a2", "Kremlin on talks", "Peskov commented on the talks.", "bbc.com", "en", day(1))}}); outs[0] != storyline.Unchanged {
		t.Errorf("re-commit after recleaning = %v", outs)
	}
}
