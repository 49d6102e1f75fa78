package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestUpgradeFromVersion7 opens a file written with schema 7, its
// full-text indexes already holding segments, and checks that the
// upgrade raises their crisis merge and keeps what they find, and that
// a second open finds nothing left to do.
func TestUpgradeFromVersion7(t *testing.T) {
	ctx := context.Background()
	w, path := openAtVersion(t, 7)
	for i := range 20 {
		// one segment per statement, as one per commit
		if _, err := w.Exec(`INSERT INTO articles_fts (rowid, title, text) VALUES (?, 'ferry', ?)`, i+1, fmt.Sprintf("harbour w%02d", i)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	for open := range 2 {
		db := openLatest(t, path, open)
		for _, table := range []string{"articles_fts", "quote_keys", "entity_keys"} {
			var n int
			var crisis string
			if err := db.r.QueryRow(`SELECT count(*), max(v) FROM `+table+`_config WHERE k = 'crisismerge'`).Scan(&n, &crisis); err != nil || n != 1 || crisis != "256" {
				t.Errorf("open %d: %s crisismerge rows %d, %q, %v; want one, 256", open, table, n, crisis, err)
			}
		}
		var n int
		if err := db.r.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'`).Scan(&n); err != nil || n != 20 {
			t.Errorf("open %d: %d rows match, %v; want 20", open, n, err)
		}
		if _, err := db.Commit(ctx, storyline.Batch{Articles: []storyline.Article{{ID: fmt.Sprintf("n%d", open), Title: "T", Text: "harbour"}}}); err != nil {
			t.Fatal(err)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}
