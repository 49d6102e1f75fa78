package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestUpgradeFromVersion8 takes a store whose articles wait to be folded
// back to schema 8 (entity_fold without a fold under way) and checks
// that the upgrade keeps them waiting, that the totals then equal a
// recount, and that a second open finds nothing left to do.
func TestUpgradeFromVersion8(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v8.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.foldEvery = 1 << 30
	rng := rand.New(rand.NewPCG(8, 9))
	var b storyline.Batch
	for i := range 30 {
		id := fmt.Sprintf("a%02d", i)
		b.Articles = append(b.Articles, foldArticle(rng, id, id))
	}
	if _, err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	// A crash leaves the articles unfolded.
	db.r.Close()
	db.w.Close()
	w, err := sql.Open("sqlite", dsn(path, Options{BusyTimeoutMS: 1000, CacheKB: 1024}, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`ALTER TABLE entity_fold DROP COLUMN target`, `ALTER TABLE entity_fold DROP COLUMN done_name`,
		`ALTER TABLE entity_fold DROP COLUMN done_kind`, `ALTER TABLE entity_fold DROP COLUMN stamp`,
		`PRAGMA user_version = 8`,
	} {
		if _, err := w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	for open := range 2 {
		db := openLatest(t, path, open)
		got, err := db.Entities(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := recountEntities(t, db); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("open %d: entities =\n%+v\nrecount =\n%+v", open, got, want)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
