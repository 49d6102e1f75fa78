package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestUpgradeFromVersion3 opens a database written with schema 3 (entity
// rows per article, row-id tables) and checks that what was stored reads
// the same after the upgrade, and that a later update of an article takes
// its earlier entities out of the totals and facets.
func TestUpgradeFromVersion3(t *testing.T) {
	ctx := context.Background()
	w, path := openAtVersion(t, 3)
	ents := `[{"name":"Dmitry Peskov","kind":"person","mentions":[{"text":"Peskov","start":0,"end":6}]}]`
	for _, q := range []string{
		`INSERT INTO articles (seq, id, hash, title, source, url, lang, pub_ts, pub_has_time, text, format, origin, entities, stored_at)
			VALUES (1, 'a1', 'h1', 'Peskov speaks', 's.example', '', 'en', 1000, 0, 'Peskov said.', 'text', '', '` + ents + `', '')`,
		`INSERT INTO article_entities (article, name, kind, key, mentions) VALUES ('a1', 'Dmitry Peskov', 'person', 'dmitry peskov', 1)`,
		`INSERT INTO entities (name, kind, articles, mentions) VALUES ('Dmitry Peskov', 'person', 1, 1)`,
		`INSERT INTO assignments (article, event, story, why, pub_ts) VALUES ('a1', 'e1', 's1', NULL, 1000)`,
		`INSERT INTO events (id, story, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)
			VALUES ('e1', 's1', 1, 1000, 0, 'a1', 'Peskov speaks', 1000, 0)`,
		`INSERT INTO stories (id, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)
			VALUES ('s1', 1, 1000, 0, 'a1', 'Peskov speaks', 1000, 0)`,
		`INSERT INTO story_facets (story, facet, value, articles) VALUES ('s1', 'source', 's.example', 1),
			('s1', 'lang', 'en', 1), ('s1', 'entity', 'dmitry peskov', 1)`,
		`UPDATE tallies SET n = 1 WHERE value = '' AND name IN ('articles', 'entities', 'events', 'stories')`,
		`INSERT INTO tallies (name, value, n) VALUES ('lang', 'en', 1), ('format', 'text', 1), ('source', 's.example', 1)`,
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
	entities := func() []storyline.EntityCount {
		t.Helper()
		list, err := db.Entities(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	storiesWith := func(entity string) []string {
		t.Helper()
		list, err := db.Stories(ctx, storyline.StoryFilter{Entity: entity})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		return ids
	}
	if got := entities(); len(got) != 1 || got[0].Name != "Dmitry Peskov" || got[0].Articles != 1 {
		t.Errorf("entities after upgrade = %+v", got)
	}
	if got := storiesWith("Dmitry Peskov"); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("stories with Peskov after upgrade = %v", got)
	}
	if as, err := db.Assignment(ctx, "a1"); err != nil || as.Event != "e1" || as.Story != "s1" {
		t.Errorf("assignment after upgrade = %+v, %v", as, err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Articles != 1 || st.Counts["entities"] != 1 || st.ByLang["en"] != 1 {
		t.Errorf("stats after upgrade = %+v, %v", st, err)
	}

	// The article changes: Peskov gives way to the Kremlin.
	a := storyline.Article{ID: "a1", Hash: "h2", Title: "Kremlin speaks", Text: "The Kremlin said.", Source: "s.example",
		Lang: "en", Format: "text", Published: storyline.Instant(published(1000, false).Time),
		Entities: []storyline.Entity{{Name: "Kremlin", Kind: storyline.Organization, Mentions: []storyline.Mention{{Text: "Kremlin"}}}}}
	outs, err := db.Commit(ctx, storyline.Batch{Articles: []storyline.Article{a}})
	if err != nil || !slices.Equal(outs, []storyline.Outcome{storyline.Updated}) {
		t.Fatalf("update = %v, %v", outs, err)
	}
	if got := entities(); len(got) != 1 || got[0].Name != "Kremlin" {
		t.Errorf("entities after update = %+v", got)
	}
	if got := storiesWith("Dmitry Peskov"); len(got) != 0 {
		t.Errorf("stories with Peskov after update = %v", got)
	}
	if got := storiesWith("kremlin"); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("stories with the Kremlin after update = %v", got)
	}
	checkTallies(t, db)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// openAtVersion creates a database with the schema as it was at version
// n, returning the open handle and the file's path.
func openAtVersion(t *testing.T, n int) (*sql.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", n))
	w, err := sql.Open("sqlite", dsn(path, Options{BusyTimeoutMS: 1000, CacheKB: 1024}, false))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateSteps(context.Background(), w, migrations[:n]); err != nil {
		t.Fatal(err)
	}
	return w, path
}

// openLatest opens the store at path, which the open brings to the latest
// schema (open counts the opens, for the messages).
func openLatest(t *testing.T, path string, open int) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %d: %v", open, err)
	}
	var v int
	if err := db.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("open %d: version %d, %v; want %d", open, v, err, len(migrations))
	}
	return db
}
