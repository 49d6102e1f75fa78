package sqlite

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestFoldRunFailures checks that the totals stay as entity_fold
// describes after every commit of one writer, or of two writers (two
// processes) in turn, while runs are under way and some commits fail at
// one statement or another (a trigger aborts it: before, within or after
// the run's step), some articles change, and the writers crash; and that
// a fold of everything then equals a recount.
func TestFoldRunFailures(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		writers, slice int
	}{
		{1, 1}, {1, 3}, {2, 1}, {2, 2}, {2, 5},
	} {
		t.Run(fmt.Sprintf("writers=%d,slice=%d", tc.writers, tc.slice), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fail.db")
			dbs := make([]*DB, tc.writers)
			open := func(i int) {
				db, err := Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				db.foldEvery, db.foldSlice = 6, tc.slice
				dbs[i] = db
			}
			for i := range dbs {
				open(i)
			}
			rng := rand.New(rand.NewPCG(uint64(tc.writers), uint64(tc.slice)))
			var ids []string
			failed := 0
			for round := range 200 {
				i := rng.IntN(len(dbs))
				db := dbs[i]
				var b storyline.Batch
				stored := len(ids)
				for range rng.IntN(3) {
					id := fmt.Sprintf("a%03d", len(ids))
					ids = append(ids, id)
					b.Articles = append(b.Articles, foldArticle(rng, id, id))
				}
				// Recent articles, which a run may hold, change.
				if stored > 0 && rng.IntN(2) == 0 {
					id := ids[stored-1-rng.IntN(min(12, stored))]
					b.Articles = append(b.Articles, foldArticle(rng, id, fmt.Sprintf("%s-v%d", id, round)))
				}
				if stored > 0 && rng.IntN(3) == 0 {
					id := ids[stored-1-rng.IntN(min(12, stored))]
					a, err := db.Article(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.ContainsFunc(b.Articles, func(x storyline.Article) bool { return x.ID == id }) {
						b.Recleaned = append(b.Recleaned, foldArticle(rng, id, a.Hash))
					}
				}
				fail := len(b.Articles) > 0 && rng.IntN(5) == 0
				if fail {
					table := []string{"articles", "entities", "entity_fold", "tallies"}[rng.IntN(4)]
					if _, err := db.w.Exec(fmt.Sprintf(`
						CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON %[1]s BEGIN SELECT RAISE(ABORT, 'failed'); END;
						CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON %[1]s BEGIN SELECT RAISE(ABORT, 'failed'); END`,
						table)); err != nil {
						t.Fatal(err)
					}
				}
				_, err := db.Commit(ctx, b)
				if fail {
					if _, err := db.w.Exec(`DROP TRIGGER temp.fail_insert; DROP TRIGGER temp.fail_update`); err != nil {
						t.Fatal(err)
					}
				}
				switch {
				case err != nil && !fail:
					t.Fatal(err)
				case err != nil:
					ids = ids[:stored]
					failed++
				}
				got, st := committedTotals(t, db)
				if want := wantTotals(t, db, st); !maps.Equal(got, want) {
					t.Fatalf("round %d (writer %d, failing %v), fold %+v: totals\n%v\nwant\n%v", round, i, fail, st, got, want)
				}
				if rng.IntN(2) == 0 && db.fold != nil {
					<-db.fold.done // so that the next commit adds a slice
				}
				if rng.IntN(15) == 0 {
					// A crash: the connections go without the fold Close
					// does.
					db.r.Close()
					db.w.Close()
					open(i)
				}
			}
			if failed == 0 {
				t.Error("no commit failed")
			}
			for i, db := range dbs {
				// The other writer's articles are folded too.
				db.unfolded.Store(true)
				got, err := db.Entities(ctx, 0)
				if err != nil {
					t.Fatal(err)
				}
				if want := recountEntities(t, db); !slices.Equal(got, want) {
					t.Errorf("writer %d: entities =\n%+v\nrecount =\n%+v", i, got, want)
				}
				checkTallies(t, db)
			}
			for _, db := range dbs {
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
