package sqlite

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storyline.Store { return openTemp(t) })
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Commit(ctx, storyline.Batch{Articles: []storyline.Article{{ID: "a", Title: "T", Text: "x"}}}); err != nil {
		t.Fatal(err)
	}
	// A later version adds a step; the old file takes it on open and
	// keeps its data.
	steps := append(slices.Clip(migrations), migration{sql: `CREATE TABLE later (x INTEGER); INSERT INTO later VALUES (42);`})
	if err := migrateSteps(ctx, db.w, steps); err != nil {
		t.Fatal(err)
	}
	var v, x int
	if err := db.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(steps) {
		t.Fatalf("version %d, %v; want %d", v, err, len(steps))
	}
	if err := db.w.QueryRow("SELECT x FROM later").Scan(&x); err != nil || x != 42 {
		t.Fatalf("later step: %d, %v", x, err)
	}
	// Running again is a no-op.
	if err := migrateSteps(ctx, db.w, steps); err != nil {
		t.Fatalf("second run: %v", err)
	}
	db.Close()
	// This program does not know the newer version and refuses the file.
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("open of a newer schema: %v", err)
	}
}

func TestReopenAndReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := storyline.Article{ID: "a", Title: "Ёлка", Text: "Новогодняя ёлка.", Raw: []byte("<p>raw</p>"), Format: "html"}
	if _, err := db.Commit(ctx, storyline.Batch{Articles: []storyline.Article{a}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenOptions(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := ro.Article(ctx, "a")
	if err != nil || string(got.Raw) != "<p>raw</p>" || got.Text != a.Text {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	if hits, err := ro.Search(ctx, "елка", 5); err != nil || len(hits) != 1 {
		t.Fatalf("search after reopen: %d hits, %v", len(hits), err)
	}
	if _, err := ro.Commit(ctx, storyline.Batch{}); err == nil {
		t.Fatal("commit to a read-only store succeeded")
	}
	if err := ro.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenOptions(ctx, filepath.Join(t.TempDir(), "missing.db"), Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of a missing store succeeded")
	}
}

// TestRollbackMidway fails a commit after its articles and copies were
// written inside the transaction: nothing of it may remain.
func TestRollbackMidway(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	b := storyline.Batch{
		Articles:    []storyline.Article{{ID: "a", Title: "T", Text: "x"}, {ID: "b", Title: "U", Text: "y"}},
		Copies:      []storyline.Copy{{A: "a", B: "b", Kind: storyline.Duplicate}},
		Assignments: []storyline.Assignment{{Article: "a", Event: "e", Story: "s", Why: &storyline.Why{Similarity: math.NaN()}}},
		State:       map[string]map[string][]byte{"x": {"k": []byte("v")}},
	}
	if _, err := db.Commit(ctx, b); err == nil {
		t.Fatal("commit with an unencodable explanation succeeded")
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Counts["copies"] != 0 || st.Counts["entities"] != 0 {
		t.Fatalf("a failed commit left %+v", st)
	}
	if hits, _ := db.Search(ctx, "x", 5); len(hits) != 0 {
		t.Fatalf("a failed commit left %d index entries", len(hits))
	}
	b.Assignments[0].Why.Similarity = 0.5
	outs, err := db.Commit(ctx, b)
	if err != nil || outs[0] != storyline.Added || outs[1] != storyline.Added {
		t.Fatalf("retry: %v, %v", outs, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestHistory(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	v1 := storyline.Article{ID: "a", Title: "T", Text: "first", Raw: []byte("raw1"), Hash: "h1"}
	v2 := storyline.Article{ID: "a", Title: "T", Text: "second", Raw: []byte("raw2"), Hash: "h2"}
	v3 := storyline.Article{ID: "a", Title: "T2", Text: "third", Hash: "h3"}
	for _, a := range []storyline.Article{v1, v2, v2, v3} {
		if _, err := db.Commit(ctx, storyline.Batch{Articles: []storyline.Article{a}}); err != nil {
			t.Fatal(err)
		}
	}
	h, err := db.History(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Text != "first" || string(h[0].Raw) != "raw1" || h[1].Hash != "h2" || string(h[1].Raw) != "raw2" {
		t.Fatalf("history = %+v", h)
	}
	cur, _ := db.Article(ctx, "a")
	if cur.Text != "third" || cur.Raw != nil {
		t.Fatalf("current = %+v", cur)
	}
}

// TestUpgradeFromVersion1 builds a database with the first schema only,
// as an early release wrote it, and opens it with this one.
func TestUpgradeFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	w, err := sql.Open("sqlite", dsn(path, Options{BusyTimeoutMS: 1000, CacheKB: 1024}, false))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateSteps(ctx, w, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO articles (seq, id, hash, title, source, url, lang, pub_ts, pub_has_time, text, format, origin, stored_at)
			VALUES (1, 'a-late', 'h1', 'Late', 's', '', 'en', 2000, 0, 'x', 'text', '', ''),
			       (2, 'b-early', 'h2', 'Early', 's', '', 'en', 1000, 0, 'y', 'text', '', '')`,
		`INSERT INTO assignments (article, event, story) VALUES ('a-late', 'e', 's'), ('b-early', 'e', 's')`,
		`INSERT INTO stories (id, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)
			VALUES ('s', 2, 1000, 0, 'b-early', 'Early', 2000, 0)`,
		`INSERT INTO events (id, story, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)
			VALUES ('e', 's', 2, 1000, 0, 'b-early', 'Early', 2000, 0)`,
	} {
		if _, err := w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	db.r.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("version %d after open, want %d", v, len(migrations))
	}
	st, err := db.Story(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Articles, []string{"b-early", "a-late"}) || st.Title != "Early" {
		t.Errorf("story after upgrade = %+v", st)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestFileSettings(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	for pragma, want := range map[string]string{"page_size": "4096", "journal_mode": "wal", "synchronous": "1",
		"wal_autocheckpoint": "131072", "mmap_size": "67108864", "cache_size": "-65536"} {
		var got string
		if err := db.w.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", pragma, got, err, want)
		}
	}
	// Readers map nothing and cache less.
	for pragma, want := range map[string]string{"mmap_size": "0", "cache_size": "-8192", "query_only": "1"} {
		var got string
		if err := db.r.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("reader %s = %q, %v; want %q", pragma, got, err, want)
		}
	}
	// The full-text indexes merge 64 segments at a time, incrementally:
	// the crisis merge, which merges a whole level in one commit, waits
	// for four times as many.
	for _, table := range []string{"articles_fts", "quote_keys", "entity_keys"} {
		for k, want := range map[string]string{"automerge": "64", "crisismerge": "256"} {
			var v string
			if err := db.r.QueryRow(`SELECT v FROM `+table+`_config WHERE k = ?`, k).Scan(&v); err != nil || v != want {
				t.Errorf("%s %s = %q, %v; want %s", table, k, v, err, want)
			}
		}
	}
}

// TestStorySeparatorInID lists a story whose article ids hold the
// separator the listing joins ids with.
func TestStorySeparatorInID(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	day := func(d int) storyline.Published {
		return storyline.Day(time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC))
	}
	b := storyline.Batch{
		Articles: []storyline.Article{
			{ID: "z", Title: "first", Text: "x", Published: day(1)},
			{ID: "a\x1fb", Title: "second", Text: "y", Published: day(2)},
			{ID: "c", Title: "third", Text: "z", Published: day(3)},
		},
		Assignments: []storyline.Assignment{
			{Article: "z", Event: "e1", Story: "s"}, {Article: "a\x1fb", Event: "e2", Story: "s"}, {Article: "c", Event: "e1", Story: "s"},
		},
	}
	if _, err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	st, err := db.Story(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Articles, []string{"z", "a\x1fb", "c"}) || len(st.Events) != 2 ||
		!slices.Equal(st.Events[0].Articles, []string{"z", "c"}) || !slices.Equal(st.Events[1].Articles, []string{"a\x1fb"}) {
		t.Errorf("story = %+v", st)
	}
}
