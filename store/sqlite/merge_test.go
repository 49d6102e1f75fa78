package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// TestClusterAggregates commits random batches of articles, assignments,
// reassignments and merges of events and stories, and checks after each
// that every stored event and story row, and every story's facets, equal
// what a recomputation from the assignments gives: the rows are kept up
// to date in place, and stories merged whole take over the aggregates of
// those they absorb without being recomputed.
func TestClusterAggregates(t *testing.T) {
	for seed := range 4 {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { clusterAggregates(t, seed) })
	}
}

func clusterAggregates(t *testing.T, seed int) {
	ctx := context.Background()
	db := openTemp(t)
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	base := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	var ids []string
	story := map[string]string{} // event → story, as the clusterer would keep it
	next := 0
	for round := range 30 {
		var b storyline.Batch
		for range 12 {
			id := fmt.Sprintf("a%03d", next)
			next++
			a := storyline.Article{ID: id, Title: "title " + id, Text: "text", Source: fmt.Sprintf("s%d", rng.IntN(3)),
				Lang: []string{"en", "ru"}[rng.IntN(2)], Format: "text"}
			if rng.IntN(5) > 0 { // some dates unknown, some times known, ties
				a.Published = storyline.Published{Time: base.Add(time.Duration(rng.IntN(20)) * time.Hour), HasTime: rng.IntN(2) == 0}
			}
			for range rng.IntN(3) {
				a.Entities = append(a.Entities, storyline.Entity{Name: fmt.Sprintf("E%d", rng.IntN(5)), Kind: storyline.Person})
			}
			b.Articles = append(b.Articles, a)
			ids = append(ids, id)
		}
		assign := func(id string) {
			ev := fmt.Sprintf("e%d", rng.IntN(next/3+1))
			st, ok := story[ev]
			if !ok {
				st = fmt.Sprintf("s%d", rng.IntN(next/6+1))
				story[ev] = st
			}
			b.Assignments = append(b.Assignments, storyline.Assignment{Article: id, Event: ev, Story: st})
		}
		for _, a := range b.Articles {
			assign(a.ID)
		}
		for range rng.IntN(3) * min(round, 1) { // reassignments of stored articles
			assign(ids[rng.IntN(len(ids)-len(b.Articles))])
		}
		for range rng.IntN(6) {
			if rng.IntN(3) == 0 {
				from, into := fmt.Sprintf("e%d", rng.IntN(next/3+1)), fmt.Sprintf("e%d", rng.IntN(next/3+1))
				b.Merges = append(b.Merges, storyline.Merge{Level: "event", From: from, Into: into})
				if st, ok := story[into]; ok && from != into {
					story[from] = st
				}
				continue
			}
			from, into := fmt.Sprintf("s%d", rng.IntN(next/6+1)), fmt.Sprintf("s%d", rng.IntN(next/6+1))
			b.Merges = append(b.Merges, storyline.Merge{Level: "story", From: from, Into: into})
			for ev, st := range story {
				if st == from && from != into {
					story[ev] = into
				}
			}
		}
		if round%7 == 6 && round > 0 { // an update that changes a stored article's date
			a := b.Articles[0]
			a.ID, a.Hash, a.Published = ids[rng.IntN(len(ids)-len(b.Articles))], "changed", storyline.Instant(base)
			b.Articles = append(b.Articles, a)
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkRecomputed(t, db, round)
	}
	checkTallies(t, db)
}

// checkRecomputed compares every stored cluster row and story facet with
// a recomputation from the assignments.
func checkRecomputed(t *testing.T, db *DB, round int) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	c := db.newCommitter(ctx, tx)
	defer c.closeStmts()
	for _, level := range []string{"event", "story"} {
		table := level + "s"
		if level == "story" {
			table = "stories"
		}
		var want, got []string
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT `+level+` FROM assignments ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		var clusters []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			clusters = append(clusters, id)
		}
		rows.Close()
		for _, id := range clusters {
			members, _, err := c.members(level, id)
			if err != nil {
				t.Fatal(err)
			}
			var g agg
			for _, m := range members {
				g.add(m)
			}
			want = append(want, fmt.Sprint(id, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas))
			if level == "story" {
				f := facetRows(nil, id, members)
				for i := 0; i < len(f); i += 4 {
					want = append(want, fmt.Sprint(f[i:i+4]...))
				}
			}
		}
		rows, err = tx.QueryContext(ctx, `SELECT id, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			var g agg
			if err := rows.Scan(&id, &g.n, &g.firstTS, &g.firstHas, &g.firstID, &g.firstTitle, &g.lastTS, &g.lastHas); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprint(id, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas))
		}
		rows.Close()
		if level == "story" {
			rows, err = tx.QueryContext(ctx, `SELECT story, facet, value, articles FROM story_facets WHERE articles > 0`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var st, facet, value string
				var n int
				rows.Scan(&st, &facet, &value, &n)
				got = append(got, fmt.Sprint(st, facet, value, n))
			}
			rows.Close()
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %s rows\n got %q\nwant %q", round, level, got, want)
		}
	}
}
