package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

// TestUpgradeFromVersion4 opens a database written with schema 4 (a row
// per quote) and checks that its quotes read the same after the upgrade,
// found by article, story, speaker and statement, in order, that they
// are counted, and that a later commit replaces them.
func TestUpgradeFromVersion4(t *testing.T) {
	ctx := context.Background()
	w, path := openAtVersion(t, 4)
	for _, q := range []string{
		`INSERT INTO articles (seq, id, hash, title, source, url, lang, pub_ts, pub_has_time, text, format, origin, stored_at)
			VALUES (1, 'a1', 'h1', 'Later', 's.example', '', 'en', 2000, 0, 'x', 'text', '', ''),
			(2, 'a2', 'h2', 'Earlier', 's.example', '', 'en', 1000, 0, 'y', 'text', '', '')`,
		`INSERT INTO assignments (article, event, story, why, pub_ts) VALUES ('a1', 'e1', 's1', NULL, 2000), ('a2', 'e2', 's2', NULL, 1000)`,
		// a1's quotes out of offset order; "ghost" is not stored.
		`INSERT INTO quotes (article, ord, text, start, "end", speaker, speaker_key, speaker_start, speaker_end, cue, kind, statement)
			VALUES ('a1', 0, 'second', 50, 56, 'Dmitry Peskov', 'dmitry peskov', 40, 46, 'said', 'direct', 'st1'),
			('a1', 1, 'first', 5, 10, 'Yuri Ushakov', 'yuri ushakov', -1, -1, 'told', 'indirect', 'st2'),
			('a2', 0, 'earliest', 0, 8, 'Dmitry Peskov', 'dmitry peskov', -1, -1, 'said', 'direct', 'st1'),
			('ghost', 0, 'unstored', 0, 8, 'Nobody', 'nobody', -1, -1, 'said', 'direct', 'st3')`,
		`UPDATE tallies SET n = 2 WHERE name = 'articles'`,
		`UPDATE tallies SET n = 4 WHERE name = 'quotes'`,
		`INSERT INTO tallies (name, value, n) VALUES ('lang', 'en', 2), ('format', 'text', 2), ('source', 's.example', 2)`,
	} {
		if _, err := w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	w.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	texts := func(f storyline.QuoteFilter) []string {
		t.Helper()
		return storetest.QuoteTexts(t, db, f)
	}
	tests := []struct {
		f    storyline.QuoteFilter
		want []string
	}{
		{storyline.QuoteFilter{}, []string{"earliest", "first", "second", "unstored"}},
		{storyline.QuoteFilter{Article: "a1"}, []string{"first", "second"}},
		{storyline.QuoteFilter{Article: "ghost"}, []string{"unstored"}},
		{storyline.QuoteFilter{Story: "s1"}, []string{"first", "second"}},
		{storyline.QuoteFilter{Speaker: "DMITRY PESKOV"}, []string{"earliest", "second"}},
		{storyline.QuoteFilter{Speaker: "Nobody"}, []string{"unstored"}},
		{storyline.QuoteFilter{Statement: "st1", Limit: 1}, []string{"earliest"}},
		{storyline.QuoteFilter{Statement: "st2"}, []string{"first"}},
		{storyline.QuoteFilter{Speaker: "Dmitry", Statement: "st1"}, nil},
	}
	for _, tc := range tests {
		if got := texts(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("quotes %+v after upgrade = %v, want %v", tc.f, got, tc.want)
		}
	}
	qs, err := db.Quotes(ctx, storyline.QuoteFilter{Article: "a1", Limit: 1})
	want := storyline.Quote{Article: "a1", Text: "first", Start: 5, End: 10, Speaker: "Yuri Ushakov", SpeakerStart: -1,
		SpeakerEnd: -1, Cue: "told", Kind: storyline.Indirect, Statement: "st2"}
	if err != nil || len(qs) != 1 || qs[0] != want {
		t.Errorf("quote after upgrade = %+v, %v; want %+v", qs, err, want)
	}
	checkTallies(t, db)

	// Replacing a1's quotes and the ghost's leaves a2's alone.
	if _, err := db.Commit(ctx, storyline.Batch{Quotes: map[string][]storyline.Quote{
		"a1":    {{Article: "a1", Text: "new", Start: 1, End: 4, Speaker: "Yuri Ushakov", Statement: "st1"}},
		"ghost": nil,
	}}); err != nil {
		t.Fatal(err)
	}
	if got, want := texts(storyline.QuoteFilter{Statement: "st1"}), []string{"earliest", "new"}; !slices.Equal(got, want) {
		t.Errorf("statement st1 after replacement = %v, want %v", got, want)
	}
	if got := texts(storyline.QuoteFilter{Speaker: "nobody"}); len(got) != 0 {
		t.Errorf("the ghost's quotes after removal = %v", got)
	}
	checkTallies(t, db)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestEntityRanking checks that the listing of entities is the same
// whether the ranking index (entities of rankMin articles or more) holds
// enough of them or the listing sorts them all.
func TestEntityRanking(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	// Entity "E<n>" is mentioned by n articles; "Twin" as often as E3,
	// and once more in each.
	var b storyline.Batch
	for i := range 5 {
		a := storyline.Article{ID: fmt.Sprintf("a%d", i), Title: "t", Text: "x", Source: "s", Lang: "en", Format: "text"}
		for n := 1; n <= 5; n++ {
			if i < n {
				a.Entities = append(a.Entities, storyline.Entity{Name: fmt.Sprintf("E%d", n), Kind: storyline.Person})
			}
		}
		if i < 3 {
			a.Entities = append(a.Entities, storyline.Entity{Name: "Twin", Kind: storyline.Person,
				Mentions: []storyline.Mention{{Text: "Twin"}, {Text: "Twin"}}})
		}
		b.Articles = append(b.Articles, a)
	}
	if _, err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	all := []string{"E5", "E4", "Twin", "E3", "E2", "E1"}
	for _, limit := range []int{0, 1, 2, 3, 4, 5, 6, 7} {
		list, err := db.Entities(ctx, limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range list {
			got = append(got, e.Name)
		}
		want := all
		if limit > 0 && limit < len(all) {
			want = all[:limit]
		}
		if !slices.Equal(got, want) {
			t.Errorf("Entities(%d) = %v, want %v", limit, got, want)
		}
	}
}
