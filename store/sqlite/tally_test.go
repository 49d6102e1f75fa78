package sqlite

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

// checkTallies compares Stats, read from the running tallies, with counts
// over the tables.
func checkTallies(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		var n int
		if err := db.r.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	want := map[string]int{
		"articles": count(`SELECT COUNT(*) FROM articles`),
		"sources":  count(`SELECT COUNT(DISTINCT source) FROM articles WHERE source <> ''`),
		"copies":   count(`SELECT COUNT(*) FROM copies`),
		"quotes":   count(`SELECT COALESCE(SUM(n), 0) FROM quote_sets`),
		"events":   count(`SELECT COUNT(*) FROM events`),
		"stories":  count(`SELECT COUNT(*) FROM stories`),
		"entities": count(`SELECT COUNT(*) FROM entities`),
		"updates":  count(`SELECT COUNT(*) FROM article_history`),
	}
	got := map[string]int{"articles": st.Articles, "sources": st.Sources}
	for k, n := range st.Counts {
		got[k] = n
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("tally %s = %d, want %d", k, got[k], n)
		}
	}
	for col, m := range map[string]map[string]int{"lang": st.ByLang, "format": st.ByFormat} {
		rows, err := db.r.QueryContext(ctx, `SELECT `+col+`, COUNT(*) FROM articles GROUP BY `+col)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for rows.Next() {
			var v string
			var n int
			rows.Scan(&v, &n)
			seen++
			if m[v] != n {
				t.Errorf("by %s %q = %d, want %d", col, v, m[v], n)
			}
		}
		rows.Close()
		if seen != len(m) {
			t.Errorf("by %s has %d values, want %d: %v", col, len(m), seen, m)
		}
	}
}

// TestTallies runs every kind of change through Commit and checks the
// tallies against the tables after each.
func TestTallies(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	g := storetest.NewGen(3, 400)
	var first storyline.Batch
	for i := range 3 {
		b := g.Batch(40)
		if i == 0 {
			first = b
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	checkTallies(t, db)
	steps := []struct {
		name string
		b    func() storyline.Batch
	}{
		{"re-commit", func() storyline.Batch { return first }},
		{"update with new lang, format, source and entities", func() storyline.Batch {
			var b storyline.Batch
			for _, a := range first.Articles[:10] {
				a.Hash += "2"
				a.Lang, a.Format, a.Source = "de", "html", "new.example"
				a.Entities = a.Entities[:1]
				b.Articles = append(b.Articles, a)
			}
			return b
		}},
		{"reclean", func() storyline.Batch {
			var b storyline.Batch
			for _, a := range first.Articles[10:15] {
				a.Lang, a.Entities = "und", nil
				b.Recleaned = append(b.Recleaned, a)
			}
			return b
		}},
		{"copies and quotes replaced", func() storyline.Batch {
			b := storyline.Batch{Quotes: map[string][]storyline.Quote{}}
			for i, a := range first.Articles[:6] {
				b.Copies = append(b.Copies, storyline.Copy{A: first.Articles[i+1].ID, B: a.ID, Kind: storyline.Partial})
				b.Quotes[a.ID] = nil
			}
			b.Copies = append(b.Copies, b.Copies[0])
			return b
		}},
		{"reassign and merge", func() storyline.Batch {
			b := storyline.Batch{Merges: []storyline.Merge{
				{Level: "event", From: "ev-00000001", Into: "ev-00000009"},
				{Level: "story", From: "st-00000001", Into: "st-00000000"},
			}}
			for _, a := range first.Articles[:6] {
				b.Assignments = append(b.Assignments, storyline.Assignment{Article: a.ID, Event: "ev-new", Story: "st-new"})
			}
			return b
		}},
	}
	for _, step := range steps {
		if _, err := db.Commit(ctx, step.b()); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		t.Run(step.name, func(t *testing.T) { checkTallies(t, db) })
	}
	checkAggregates(t, db)
}
