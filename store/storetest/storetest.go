// Package storetest is the conformance suite every storyline.Store
// implementation passes: call Run from a test with a function that opens a
// fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// Run runs the whole suite. open must return a new, empty store each time
// it is called; Run closes it.
func Run(t *testing.T, open func(t *testing.T) storyline.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s storyline.Store)
	}{
		{"Outcomes", testOutcomes},
		{"Recleaned", testRecleaned},
		{"RoundTrip", testRoundTrip},
		{"NotFound", testNotFound},
		{"ArticleText", testArticleText},
		{"Atomic", testAtomic},
		{"ArticlesOrder", testArticlesOrder},
		{"ArticlesFilter", testArticlesFilter},
		{"ArticlesPaging", testArticlesPaging},
		{"Search", testSearch},
		{"SearchRussian", testSearchRussian},
		{"SearchHostileQueries", testSearchHostile},
		{"Clusters", testClusters},
		{"Reassign", testReassign},
		{"Merges", testMerges},
		{"StoryFilter", testStoryFilter},
		{"Copies", testCopies},
		{"Quotes", testQuotes},
		{"State", testState},
		{"Entities", testEntities},
		{"Stats", testStats},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			}()
			tc.fn(t, s)
		})
	}
}

// day and at build publication times relative to a fixed base.
var base = time.Date(2021, 12, 7, 0, 0, 0, 0, time.UTC)

func day(n int) storyline.Published { return storyline.Day(base.AddDate(0, 0, n)) }

func at(n int, hour int) storyline.Published {
	return storyline.Instant(base.AddDate(0, 0, n).Add(time.Duration(hour) * time.Hour))
}

// art builds an article; its Hash follows its title and text.
func art(id, title, text, source, lang string, pub storyline.Published) storyline.Article {
	return storyline.Article{
		ID: id, Title: title, Text: text, Source: source, Lang: lang, Published: pub,
		Format: "text", Origin: id + ".txt", Raw: []byte(title + "\n" + text),
		Hash: fmt.Sprintf("h-%d-%s", len(title+text), title+"|"+text),
	}
}

func commit(t *testing.T, s storyline.Store, b storyline.Batch) []storyline.Outcome {
	t.Helper()
	outs, err := s.Commit(context.Background(), b)
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	if len(outs) != len(b.Articles) {
		t.Fatalf("commit: %d outcomes for %d articles", len(outs), len(b.Articles))
	}
	return outs
}

func ids(as []storyline.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func list(t *testing.T, s storyline.Store, f storyline.ArticleFilter) []string {
	t.Helper()
	var out []string
	for a, err := range s.Articles(context.Background(), f) {
		if err != nil {
			t.Fatalf("articles %+v: %v", f, err)
		}
		out = append(out, a.ID)
	}
	return out
}

func stories(t *testing.T, s storyline.Store, f storyline.StoryFilter) []storyline.Story {
	t.Helper()
	out, err := s.Stories(context.Background(), f)
	if err != nil {
		t.Fatalf("stories %+v: %v", f, err)
	}
	return out
}

func storyIDs(ss []storyline.Story) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

func stats(t *testing.T, s storyline.Store) storyline.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	return st
}

func testOutcomes(t *testing.T, s storyline.Store) {
	a := art("a", "Talks resume", "Delegations met on Friday.", "tass.ru", "en", day(0))
	b := art("b", "Markets calm", "Stocks were flat.", "reuters.com", "en", day(1))
	want := []storyline.Outcome{storyline.Added, storyline.Added}
	if got := commit(t, s, storyline.Batch{Articles: []storyline.Article{a, b}}); !slices.Equal(got, want) {
		t.Fatalf("first commit = %v, want %v", got, want)
	}
	want = []storyline.Outcome{storyline.Unchanged, storyline.Unchanged}
	if got := commit(t, s, storyline.Batch{Articles: []storyline.Article{a, b}}); !slices.Equal(got, want) {
		t.Fatalf("re-commit = %v, want %v", got, want)
	}
	a2 := art("a", "Talks resume", "Delegations met on Saturday.", "tass.ru", "en", day(0))
	// The same id twice in one batch: the second sees the first.
	want = []storyline.Outcome{storyline.Updated, storyline.Unchanged}
	if got := commit(t, s, storyline.Batch{Articles: []storyline.Article{a2, a2}}); !slices.Equal(got, want) {
		t.Fatalf("update = %v, want %v", got, want)
	}
	got, err := s.Article(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a2.Text || got.Hash != a2.Hash {
		t.Errorf("after update: text %q hash %q, want %q %q", got.Text, got.Hash, a2.Text, a2.Hash)
	}
	if n := stats(t, s).Counts["updates"]; n != 1 {
		t.Errorf("updates recorded = %d, want 1", n)
	}
	if n := stats(t, s).Articles; n != 2 {
		t.Errorf("articles = %d, want 2", n)
	}
	h, err := s.Hashes(context.Background(), []string{"a", "b", "zz"})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h["a"] != a2.Hash || h["b"] != b.Hash {
		t.Errorf("hashes = %v", h)
	}
	// Without a Hash the store derives one, so a re-commit is still
	// recognised.
	c := art("c", "No hash", "Body.", "x", "en", storyline.Published{})
	c.Hash = ""
	if got := commit(t, s, storyline.Batch{Articles: []storyline.Article{c}}); got[0] != storyline.Added {
		t.Errorf("hashless = %v", got)
	}
	if got := commit(t, s, storyline.Batch{Articles: []storyline.Article{c}}); got[0] != storyline.Unchanged {
		t.Errorf("hashless re-commit = %v", got)
	}
}

func testRoundTrip(t *testing.T, s storyline.Store) {
	a := art("rt", "Peskov: talks", "Dmitry Peskov said talks went well, according to TASS.", "tass.ru", "en", at(0, 13))
	a.URL = "https://tass.ru/x"
	a.Raw = []byte("<html><body>Peskov</body></html>")
	a.Format, a.Origin = "html", "in/rt.html"
	a.Dates = []storyline.DateMention{{Date: "2021-12-07", Text: "Tuesday", Start: 3, End: 10, Precision: storyline.PrecisionDay}}
	a.Entities = []storyline.Entity{{Name: "Dmitry Peskov", Kind: storyline.Person,
		Mentions: []storyline.Mention{{Text: "Dmitry Peskov", Start: 0, End: 13}}}}
	a.Cited = []storyline.Citation{{Source: "TASS", Text: "according to TASS", Start: 35, End: 53}}
	commit(t, s, storyline.Batch{Articles: []storyline.Article{a}})
	got, err := s.Article(context.Background(), "rt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != string(a.Raw) {
		t.Errorf("Raw = %q, want %q", got.Raw, a.Raw)
	}
	a.Raw, got.Raw = nil, nil
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", a) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
	}
	if !got.Published.Time.Equal(a.Published.Time) || !got.Published.HasTime {
		t.Errorf("published = %v, want %v", got.Published, a.Published)
	}
	for x, err := range s.Articles(context.Background(), storyline.ArticleFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if x.Raw != nil {
			t.Errorf("Articles loaded Raw")
		}
		if x.Text != a.Text || len(x.Entities) != 1 {
			t.Errorf("Articles lost fields: %+v", x)
		}
	}
}

func testNotFound(t *testing.T, s storyline.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "none"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("Article: %v, want ErrNotFound", err)
	}
	if _, err := s.Assignment(ctx, "none"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("Assignment: %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "none"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("Story: %v, want ErrNotFound", err)
	}
	if _, err := s.State(ctx, "stage", "none"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("State: %v, want ErrNotFound", err)
	}
	if _, err := s.Article(ctx, "none"); err != nil && err.Error() == storyline.ErrNotFound.Error() {
		t.Errorf("Article: error %q has no context", err)
	}
}

// fullBatch touches every part of a Batch.
func fullBatch(id string) storyline.Batch {
	a := art(id, "Title "+id, "Text "+id, "src", "en", day(0))
	return storyline.Batch{
		Articles:    []storyline.Article{a},
		Copies:      []storyline.Copy{{A: id, B: id + "z", Kind: storyline.Partial, Direction: storyline.UnknownDirection}},
		Assignments: []storyline.Assignment{{Article: id, Event: "e-" + id, Story: "s-" + id}},
		Titles:      map[string]string{"s-" + id: "Story " + id},
		Quotes:      map[string][]storyline.Quote{id: {{Article: id, Text: "q", Speaker: "X", Kind: storyline.Direct}}},
		State:       map[string]map[string][]byte{"st": {id: []byte("v")}},
	}
}

func testAtomic(t *testing.T, s storyline.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Commit(ctx, fullBatch("x")); err == nil {
		t.Fatal("commit with a canceled context succeeded")
	}
	bad := fullBatch("y")
	bad.Merges = []storyline.Merge{{Level: "galaxy", From: "a", Into: "b"}}
	if _, err := s.Commit(context.Background(), bad); err == nil {
		t.Fatal("commit with an invalid merge succeeded")
	}
	bad = fullBatch("w")
	bad.Assignments = append(bad.Assignments, storyline.Assignment{Article: "w", Event: "", Story: "s"})
	if _, err := s.Commit(context.Background(), bad); err == nil {
		t.Fatal("commit with an assignment without event succeeded")
	}
	st := stats(t, s)
	if st.Articles != 0 {
		t.Errorf("failed commits left %d articles", st.Articles)
	}
	for k, n := range st.Counts {
		if n != 0 {
			t.Errorf("failed commits left %d %s", n, k)
		}
	}
	for k := range s.ScanState(context.Background(), "st", "") {
		t.Errorf("failed commits left state %q", k)
	}
	// The store still works afterwards.
	commit(t, s, fullBatch("ok"))
	if st := stats(t, s); st.Articles != 1 || st.Counts["stories"] != 1 || st.Counts["quotes"] != 1 {
		t.Errorf("after a good commit: %+v", st)
	}
}

func testArticlesOrder(t *testing.T, s storyline.Store) {
	batch := []storyline.Article{
		art("u2", "t", "x", "s", "en", storyline.Published{}),
		art("d1", "t", "x", "s", "en", day(1)),
		art("i1", "t", "x", "s", "en", at(1, 5)),
		art("i0", "t", "x", "s", "en", at(0, 23)),
		art("u1", "t", "x", "s", "en", storyline.Published{}),
		art("b1", "t", "x", "s", "en", day(1)),
	}
	commit(t, s, storyline.Batch{Articles: batch})
	want := []string{"i0", "b1", "d1", "i1", "u1", "u2"}
	if got := list(t, s, storyline.ArticleFilter{}); !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	// Stopping early is allowed.
	n := 0
	for range s.Articles(context.Background(), storyline.ArticleFilter{}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("early break visited %d", n)
	}
}
