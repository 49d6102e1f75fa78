package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/storyline-news/storyline"
)

func testCopies(t *testing.T, s storyline.Store) {
	ctx := context.Background()
	commit(t, s, storyline.Batch{Copies: []storyline.Copy{
		{A: "a", B: "b", Kind: storyline.Duplicate, Similarity: 1, AShare: 1, BShare: 1, Direction: storyline.AToB},
		{A: "c", B: "b", Kind: storyline.Partial, Similarity: 0.4, AShare: 0.2, BShare: 0.6, Direction: storyline.AToB,
			Passages: []storyline.Passage{{AStart: 10, AEnd: 20, BStart: 0, BEnd: 10, Text: "shared", Quote: true}}},
		{A: "a", B: "d", Kind: storyline.NearDuplicate, Similarity: 0.9, Direction: storyline.UnknownDirection},
	}})
	all, err := s.Copies(ctx, storyline.CopyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, c := range all {
		pairs = append(pairs, c.A+c.B)
	}
	if want := []string{"ab", "ad", "bc"}; !slices.Equal(pairs, want) {
		t.Fatalf("copies = %v, want %v (A < B, ordered)", pairs, want)
	}
	// c/b was stored as b/c with sides exchanged.
	bc := all[2]
	if bc.AShare != 0.6 || bc.BShare != 0.2 || bc.Direction != storyline.BToA || len(bc.Passages) != 1 ||
		bc.Passages[0].AStart != 0 || bc.Passages[0].BStart != 10 || !bc.Passages[0].Quote {
		t.Errorf("swapped copy = %+v", bc)
	}
	// Replacing a pair.
	commit(t, s, storyline.Batch{Copies: []storyline.Copy{
		{A: "a", B: "b", Kind: storyline.NearDuplicate, Similarity: 0.8, Direction: storyline.UnknownDirection},
	}})
	tests := []struct {
		f    storyline.CopyFilter
		want []string
	}{
		{storyline.CopyFilter{Article: "b"}, []string{"ab", "bc"}},
		{storyline.CopyFilter{Kinds: []storyline.CopyKind{storyline.NearDuplicate}}, []string{"ab", "ad"}},
		{storyline.CopyFilter{Article: "a", Kinds: []storyline.CopyKind{storyline.Partial}}, nil},
		{storyline.CopyFilter{Limit: 1}, []string{"ab"}},
	}
	for _, tc := range tests {
		got, err := s.Copies(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var p []string
		for _, c := range got {
			p = append(p, c.A+c.B)
		}
		if !slices.Equal(p, tc.want) {
			t.Errorf("copies %+v = %v, want %v", tc.f, p, tc.want)
		}
	}
	if got, _ := s.Copies(ctx, storyline.CopyFilter{Article: "a", Limit: 1}); len(got) != 1 || got[0].Kind != storyline.NearDuplicate || got[0].Similarity != 0.8 {
		t.Errorf("replaced copy = %+v", got)
	}
	if n := stats(t, s).Counts["copies"]; n != 3 {
		t.Errorf("copies counted = %d", n)
	}
}

func quote(article, text, speaker, statement string, start int) storyline.Quote {
	return storyline.Quote{Article: article, Text: text, Start: start, End: start + len([]rune(text)), Speaker: speaker,
		SpeakerStart: -1, SpeakerEnd: -1, Cue: "said", Kind: storyline.Direct, Statement: statement}
}

// QuoteTexts returns the texts of the quotes s lists for f, in its
// order; an error fails t.
func QuoteTexts(t testing.TB, s storyline.QuoteStore, f storyline.QuoteFilter) []string {
	t.Helper()
	qs, err := s.Quotes(t.Context(), f)
	if err != nil {
		t.Fatalf("quotes %+v: %v", f, err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.Text)
	}
	return out
}

func testQuotes(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	ctx := context.Background()
	commit(t, s, storyline.Batch{Quotes: map[string][]storyline.Quote{
		"a2": {quote("a2", "late", "Dmitry Peskov", "st1", 50), quote("a2", "early", "Yuri Ushakov", "st2", 5)},
		"a1": {quote("a1", "первая", "Дмитрий Песков", "st1", 0)},
		"b1": {quote("b1", "geneva", "Dmitry Peskov", "st3", 0)},
	}})
	texts := func(f storyline.QuoteFilter) []string {
		t.Helper()
		return QuoteTexts(t, s, f)
	}
	tests := []struct {
		f    storyline.QuoteFilter
		want []string
	}{
		{storyline.QuoteFilter{}, []string{"первая", "early", "late", "geneva"}},
		{storyline.QuoteFilter{Speaker: "DMITRY peskov"}, []string{"late", "geneva"}},
		{storyline.QuoteFilter{Speaker: "дмитрий песков"}, []string{"первая"}},
		{storyline.QuoteFilter{Article: "a2"}, []string{"early", "late"}},
		{storyline.QuoteFilter{Story: "s1"}, []string{"первая", "early", "late"}},
		{storyline.QuoteFilter{Story: "s2"}, []string{"geneva"}},
		{storyline.QuoteFilter{Statement: "st1"}, []string{"первая", "late"}},
		{storyline.QuoteFilter{Story: "s1", Speaker: "dmitry peskov"}, []string{"late"}},
		{storyline.QuoteFilter{Limit: 2}, []string{"первая", "early"}},
	}
	for _, tc := range tests {
		if got := texts(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("quotes %+v = %v, want %v", tc.f, got, tc.want)
		}
	}
	// Quotes of an article are replaced as a whole.
	commit(t, s, storyline.Batch{Quotes: map[string][]storyline.Quote{"a2": {quote("a2", "only", "X", "st9", 1)}, "b1": nil}})
	if got, want := texts(storyline.QuoteFilter{}), []string{"первая", "only"}; !slices.Equal(got, want) {
		t.Errorf("after replacement = %v, want %v", got, want)
	}
	qs, _ := s.Quotes(ctx, storyline.QuoteFilter{Article: "a2"})
	if want := quote("a2", "only", "X", "st9", 1); len(qs) != 1 || qs[0] != want {
		t.Errorf("quote round trip = %+v, want %+v", qs, want)
	}
	if n := stats(t, s).Counts["quotes"]; n != 2 {
		t.Errorf("quotes counted = %d", n)
	}
}

func testState(t *testing.T, s storyline.Store) {
	ctx := context.Background()
	kv := map[string][]byte{"b/2": []byte("2"), "a": []byte("A"), "b/1": []byte("1"), "b/10": []byte("10"), "c": {}}
	for i := range 600 {
		kv[fmt.Sprintf("big/%04d", i)] = []byte{byte(i)}
	}
	commit(t, s, storyline.Batch{State: map[string]map[string][]byte{
		"copies":  kv,
		"cluster": {"b/1": []byte("other stage")},
	}})
	if v, err := s.State(ctx, "copies", "b/1"); err != nil || string(v) != "1" {
		t.Errorf("State(b/1) = %q, %v", v, err)
	}
	if v, err := s.State(ctx, "copies", "c"); err != nil || v == nil || len(v) != 0 {
		t.Errorf("State(c) = %#v, %v; want empty, not nil", v, err)
	}
	scan := func(stage, prefix string) []string {
		var out []string
		for k, v := range s.ScanState(ctx, stage, prefix) {
			out = append(out, k+"="+string(v))
		}
		return out
	}
	if got, want := scan("copies", "b/"), []string{"b/1=1", "b/10=10", "b/2=2"}; !slices.Equal(got, want) {
		t.Errorf("scan b/ = %v, want %v", got, want)
	}
	if got := scan("copies", "big/"); len(got) != 600 || got[0] != "big/0000=\x00" || got[599] != "big/0599="+string([]byte{byte(599 % 256)}) {
		t.Errorf("scan big/: %d keys", len(got))
	}
	if got := scan("copies", ""); len(got) != 605 || got[0] != "a=A" {
		t.Errorf("scan all: %d keys, first %v", len(got), got[:min(1, len(got))])
	}
	if got, want := scan("cluster", ""), []string{"b/1=other stage"}; !slices.Equal(got, want) {
		t.Errorf("scan cluster = %v, want %v", got, want)
	}
	if got := scan("none", ""); len(got) != 0 {
		t.Errorf("scan none = %v", got)
	}
	n := 0
	for range s.ScanState(ctx, "copies", "big/") {
		n++
		if n == 3 {
			break
		}
	}
	// A nil value deletes.
	commit(t, s, storyline.Batch{State: map[string]map[string][]byte{"copies": {"b/1": nil, "a": []byte("A2")}}})
	if _, err := s.State(ctx, "copies", "b/1"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("deleted key: %v", err)
	}
	if got, want := scan("copies", "b"), []string{"b/10=10", "b/2=2"}; !slices.Equal(got[:2], want) {
		t.Errorf("after delete = %v", got[:2])
	}
	if v, _ := s.State(ctx, "copies", "a"); string(v) != "A2" {
		t.Errorf("overwritten = %q", v)
	}
	// Several deletions in one batch, of keys stored and not, beside a
	// write, leave the other keys.
	commit(t, s, storyline.Batch{State: map[string]map[string][]byte{"copies": {"b/10": nil, "b/2": nil, "zz": nil, "c": []byte("C")}}})
	for _, k := range []string{"b/10", "b/2", "zz"} {
		if _, err := s.State(ctx, "copies", k); !errors.Is(err, storyline.ErrNotFound) {
			t.Errorf("deleted key %s: %v", k, err)
		}
	}
	if v, _ := s.State(ctx, "copies", "a"); string(v) != "A2" {
		t.Errorf("kept = %q", v)
	}
	if v, _ := s.State(ctx, "copies", "c"); string(v) != "C" {
		t.Errorf("written beside deletions = %q", v)
	}
}

func testEntities(t *testing.T, s storyline.Store) {
	ctx := context.Background()
	ent := func(name string, kind storyline.EntityKind, n int) storyline.Entity {
		e := storyline.Entity{Name: name, Kind: kind}
		for range n {
			e.Mentions = append(e.Mentions, storyline.Mention{Text: name})
		}
		return e
	}
	a := art("a", "t", "x", "s", "en", day(0))
	a.Entities = []storyline.Entity{ent("Dmitry Peskov", storyline.Person, 3), ent("Kremlin", storyline.Organization, 1)}
	b := art("b", "t", "y", "s", "en", day(0))
	b.Entities = []storyline.Entity{ent("Dmitry Peskov", storyline.Person, 1), ent("Geneva", storyline.Place, 5)}
	c := art("c", "t", "z", "s", "en", day(0))
	c.Entities = []storyline.Entity{ent("Kremlin", storyline.Organization, 2)}
	commit(t, s, storyline.Batch{Articles: []storyline.Article{a, b, c}})
	got, err := s.Entities(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []storyline.EntityCount{
		{Name: "Dmitry Peskov", Kind: storyline.Person, Articles: 2, Mentions: 4},
		{Name: "Kremlin", Kind: storyline.Organization, Articles: 2, Mentions: 3},
		{Name: "Geneva", Kind: storyline.Place, Articles: 1, Mentions: 5},
	}
	if !slices.Equal(got, want) {
		t.Errorf("entities = %+v, want %+v", got, want)
	}
	if got, _ := s.Entities(ctx, 1); len(got) != 1 || got[0].Name != "Dmitry Peskov" {
		t.Errorf("entities limit 1 = %+v", got)
	}
	// An update replaces the article's entities.
	b2 := art("b", "t", "y2", "s", "en", day(0))
	b2.Entities = []storyline.Entity{ent("Kremlin", storyline.Organization, 1)}
	commit(t, s, storyline.Batch{Articles: []storyline.Article{b2}})
	got, _ = s.Entities(ctx, 0)
	want = []storyline.EntityCount{
		{Name: "Kremlin", Kind: storyline.Organization, Articles: 3, Mentions: 4},
		{Name: "Dmitry Peskov", Kind: storyline.Person, Articles: 1, Mentions: 3},
	}
	if !slices.Equal(got, want) {
		t.Errorf("entities after update = %+v, want %+v", got, want)
	}
	if n := stats(t, s).Counts["entities"]; n != 2 {
		t.Errorf("entities counted = %d", n)
	}
}

func testStats(t *testing.T, s storyline.Store) {
	clusterFixture(t, s)
	commit(t, s, storyline.Batch{Copies: []storyline.Copy{{A: "a1", B: "a2", Kind: storyline.Partial}}})
	st := stats(t, s)
	if st.Articles != 6 || st.Sources != 4 {
		t.Errorf("articles %d sources %d, want 6 and 4", st.Articles, st.Sources)
	}
	if st.ByLang["en"] != 5 || st.ByLang["ru"] != 1 || st.ByFormat["text"] != 6 {
		t.Errorf("by lang %v by format %v", st.ByLang, st.ByFormat)
	}
	if st.First != day(0) || st.Last != at(3, 12) {
		t.Errorf("first %v last %v", st.First, st.Last)
	}
	want := map[string]int{"copies": 1, "events": 4, "stories": 3, "quotes": 0, "entities": 1, "updates": 0}
	for k, n := range want {
		if st.Counts[k] != n {
			t.Errorf("count %s = %d, want %d", k, st.Counts[k], n)
		}
	}
}

// testConcurrent commits from several goroutines while others read: no
// call may fail and every commit must be complete.
func testConcurrent(t *testing.T, s storyline.Store) {
	ctx := context.Background()
	const writers, batches, per = 3, 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	stop := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				var batch storyline.Batch
				for i := range per {
					id := fmt.Sprintf("w%d-b%d-%d", w, b, i)
					batch.Articles = append(batch.Articles, art(id, "Concurrent title", "Concurrent text "+id, "s", "en", day(b)))
					batch.Assignments = append(batch.Assignments, storyline.Assignment{Article: id,
						Event: fmt.Sprintf("e%d-%d", w, b), Story: fmt.Sprintf("s%d", w)})
				}
				if _, err := s.Commit(ctx, batch); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
			}
		}()
	}
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.Stories(ctx, storyline.StoryFilter{Limit: 5}); err != nil {
					errs <- fmt.Errorf("stories: %w", err)
					return
				}
				if _, err := s.Search(ctx, "concurrent", 5); err != nil {
					errs <- fmt.Errorf("search: %w", err)
					return
				}
				for _, err := range s.Articles(ctx, storyline.ArticleFilter{Limit: 20}) {
					if err != nil {
						errs <- fmt.Errorf("articles: %w", err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st := stats(t, s)
	if st.Articles != writers*batches*per || st.Counts["stories"] != writers || st.Counts["events"] != writers*batches {
		t.Errorf("after concurrent commits: %d articles, counts %v", st.Articles, st.Counts)
	}
	for _, story := range stories(t, s, storyline.StoryFilter{}) {
		if len(story.Articles) != batches*per {
			t.Errorf("story %s has %d articles, want %d", story.ID, len(story.Articles), batches*per)
		}
	}
}
