package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
	"github.com/storyline-news/storyline/textproc"
)

// TestStoriesByEntity checks the stories listed by entity against the
// stories' articles as stored, whether the entity's articles lead the
// query or each story is probed, after articles are added, updated,
// recleaned, reassigned and merged.
func TestStoriesByEntity(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	g := storetest.NewGen(5, 200)
	g.StorySize = 7
	var first storyline.Batch
	for i := range 4 {
		b := g.Batch(60)
		if i == 0 {
			first = b
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	var upd, recl storyline.Batch
	for i, a := range first.Articles[:20] {
		if i%2 == 0 {
			a.Hash += "2"
			a.Entities = []storyline.Entity{{Name: "Updated Name", Kind: storyline.Person}}
			upd.Articles = append(upd.Articles, a)
		} else {
			a.Entities = []storyline.Entity{{Name: "Recleaned Name", Kind: storyline.Person}}
			recl.Recleaned = append(recl.Recleaned, a)
		}
	}
	moves := storyline.Batch{Merges: []storyline.Merge{{Level: "story", From: "st-00000003", Into: "st-00000001"}}}
	for _, a := range first.Articles[20:25] {
		moves.Assignments = append(moves.Assignments, storyline.Assignment{Article: a.ID, Event: "ev-x", Story: "st-x"})
	}
	for _, b := range []storyline.Batch{upd, recl, moves} {
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"Entity 0", "entity 1", "Entity 7", "Entity 250", "updated name", "Recleaned Name", "Nobody"}
	for _, name := range names {
		want := storiesMentioning(t, db, textproc.Normalize(name))
		for _, lead := range []int{0, 1 << 20} {
			db.entityLead = lead
			list, err := db.Stories(ctx, storyline.StoryFilter{Entity: name})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range list {
				got = append(got, s.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("lead %d: stories with %q = %v, want %v", lead, name, got, want)
			}
		}
	}
	if want := storiesMentioning(t, db, "entity 0"); len(want) < 10 {
		t.Errorf("only %d stories mention Entity 0: the test wants a common entity", len(want))
	}
}

// storiesMentioning returns the stories with an article whose stored
// entities include one of normalised name key, read article by article.
func storiesMentioning(t *testing.T, db *DB, key string) []string {
	t.Helper()
	rows, err := db.r.Query(`SELECT a.story, ar.entities FROM assignments a JOIN articles ar ON ar.id = a.article`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var story string
		var b []byte
		if err := rows.Scan(&story, &b); err != nil {
			t.Fatal(err)
		}
		ents, err := decodeEntities(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if textproc.Normalize(e.Name) == key && !slices.Contains(out, story) {
				out = append(out, story)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
