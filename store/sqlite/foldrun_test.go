package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// committedTotals reads the entity totals as stored, and what entity_fold
// says they count: each name the articles up to its own seq.
func committedTotals(t *testing.T, db *DB) (map[entityKey]entityTotal, foldState) {
	var st foldState
	t.Helper()
	var name, kind sql.NullString
	if err := db.r.QueryRow(`SELECT through, COALESCE(target, through), done_name, done_kind FROM entity_fold`).
		Scan(&st.through, &st.target, &name, &kind); err != nil {
		t.Fatal(err)
	}
	st.done, st.doneAny = entityKey{name.String, kind.String}, name.Valid
	return readTotals(t, db.r), st
}

// readTotals reads the entity totals table through db.
func readTotals(t *testing.T, db *sql.DB) map[entityKey]entityTotal {
	t.Helper()
	got := map[entityKey]entityTotal{}
	rows, err := db.Query(`SELECT name, kind, articles, mentions FROM entities`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k entityKey
		var v entityTotal
		if err := rows.Scan(&k.name, &k.kind, &v.articles, &v.mentions); err != nil {
			t.Fatal(err)
		}
		got[k] = v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

// wantTotals counts the stored articles' entities as st says the totals
// count them.
func wantTotals(t *testing.T, db *DB, st foldState) map[entityKey]entityTotal {
	t.Helper()
	rows, err := db.r.Query(`SELECT seq, entities FROM articles WHERE entities IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[entityKey]*entityTotal{}
	for rows.Next() {
		var seq int64
		var b []byte
		if err := rows.Scan(&seq, &b); err != nil {
			t.Fatal(err)
		}
		ents, err := decodeEntities(b)
		if err != nil {
			t.Fatal(err)
		}
		one := map[entityKey]*entityTotal{}
		countEntities(one, ents, 1)
		for k, v := range one {
			if st.counts(seq, k) {
				addEntity(want, k, v.articles, v.mentions)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	out := map[entityKey]entityTotal{}
	for k, v := range want {
		if v.articles != 0 || v.mentions != 0 {
			out[k] = *v
		}
	}
	return out
}

// TestFoldRun checks that a fold spread over commits keeps, after every
// commit, the totals entity_fold describes (each name counting the
// articles up to its own mark), through updates and recleans of articles
// the run has read and not added yet and of those it has, and crashes
// between its slices; and that the totals at the end equal those of a
// store that folded everything at once.
func TestFoldRun(t *testing.T) {
	ctx := context.Background()
	for _, slice := range []int{1, 3, 50} {
		t.Run(fmt.Sprintf("slice=%d", slice), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "run.db")
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			once, err := Open(ctx, filepath.Join(dir, "once.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer once.Close()
			once.foldEvery = 1 << 30
			setup := func() {
				db.foldEvery, db.foldSlice = 8, slice
			}
			setup()
			rng := rand.New(rand.NewPCG(uint64(slice), 9))
			var ids []string
			under, runs := 0, 0
			for round := range 40 {
				var b storyline.Batch
				for range 1 + rng.IntN(4) {
					id := fmt.Sprintf("a%03d", len(ids))
					ids = append(ids, id)
					b.Articles = append(b.Articles, foldArticle(rng, id, id))
				}
				if round > 2 && round%2 == 0 {
					// Recent articles, which a run may hold, change.
					id := ids[len(ids)-len(b.Articles)-1-rng.IntN(min(10, len(ids)-len(b.Articles)))]
					b.Articles = append(b.Articles, foldArticle(rng, id, fmt.Sprintf("%s-v%d", id, round)))
					id = ids[len(ids)-len(b.Articles)-rng.IntN(min(10, len(ids)-len(b.Articles)))]
					a, err := db.Article(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					b.Recleaned = append(b.Recleaned, foldArticle(rng, id, a.Hash))
				}
				for _, s := range []*DB{db, once} {
					if _, err := s.Commit(ctx, b); err != nil {
						t.Fatal(err)
					}
				}
				got, st := committedTotals(t, db)
				if want := wantTotals(t, db, st); !maps.Equal(got, want) {
					t.Fatalf("round %d, fold %+v: totals\n%v\nwant\n%v", round, st, got, want)
				}
				if st.target > st.through {
					under++
				}
				if r := db.fold; r != nil {
					runs++
					<-r.done // so that the next commit adds a slice
				}
				if round%7 == 6 {
					// A crash: the connections go without the fold Close
					// does.
					db.r.Close()
					db.w.Close()
					if db, err = Open(ctx, path); err != nil {
						t.Fatal(err)
					}
					setup()
				}
			}
			if runs == 0 || (slice < 10 && under == 0) {
				t.Errorf("%d commits left a fold under way, %d had a run in memory: want some", under, runs)
			}
			for _, s := range []*DB{db, once} {
				if err := s.foldEntities(ctx); err != nil {
					t.Fatal(err)
				}
			}
			got, st := committedTotals(t, db)
			gotOnce, _ := committedTotals(t, once)
			if st.target != st.through || !maps.Equal(got, gotOnce) {
				t.Errorf("after the fold (%+v), totals\n%v\nfolded at once\n%v", st, got, gotOnce)
			}
			list, err := db.Entities(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			if want := recountEntities(t, db); !slices.Equal(list, want) {
				t.Errorf("entities =\n%+v\nrecount =\n%+v", list, want)
			}
			checkTallies(t, db)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestFoldRunSlice checks that a slice takes the names after the mark in
// order, with the corrections among them, and that the last ends the run.
func TestFoldRunSlice(t *testing.T) {
	k := func(name string) entityKey { return entityKey{name, "person"} }
	row := func(name string, n int) entityRow { return entityRow{k(name), &entityTotal{n, n}} }
	r := &foldRun{rows: []entityRow{row("a", 1), row("c", 2), row("e", 3), row("g", 4)},
		fix: map[entityKey]*entityTotal{k("a"): {5, 5}, k("d"): {1, 1}, k("h"): {1, 2}}}
	fix := map[entityKey]*entityTotal{k("c"): {-2, -2}, k("b"): {1, 1}}
	for _, tc := range []struct {
		st   foldState
		n    int
		want []entityRow
		hi   entityKey
		end  bool
	}{
		{foldState{}, 2, []entityRow{row("a", 6), row("b", 1), row("c", 0)}, k("c"), false},
		{foldState{done: k("c"), doneAny: true}, 1, []entityRow{row("d", 1), row("e", 3)}, k("e"), false},
		{foldState{done: k("c"), doneAny: true}, 0, []entityRow{row("d", 1), row("e", 3), row("g", 4), {k("h"), &entityTotal{1, 2}}}, entityKey{}, true},
		{foldState{done: k("g"), doneAny: true}, 5, []entityRow{{k("h"), &entityTotal{1, 2}}}, entityKey{}, true},
	} {
		got, hi, end := r.slice(tc.st, fix, tc.n)
		same := len(got) == len(tc.want)
		for i := 0; same && i < len(got); i++ {
			same = got[i].k == tc.want[i].k && *got[i].t == *tc.want[i].t
		}
		if !same || hi != tc.hi || end != tc.end {
			t.Errorf("slice(%+v, %d) = %v, %v, %v; want %v, %v, %v", tc.st, tc.n, got, hi, end, tc.want, tc.hi, tc.end)
		}
	}
	if r.rows[1].t.articles != 2 || r.fix[k("a")].articles != 5 {
		t.Errorf("slice changed the run's counts: %v, %v", r.rows, r.fix)
	}
}

// TestFoldRunTwoWriters checks that a run one writer holds in memory is
// read again when another writer (another process) changes an article
// the run has read, so that the totals stay as entity_fold describes.
func TestFoldRunTwoWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "two.db")
	var dbs [2]*DB
	for i := range dbs {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.foldEvery, db.foldSlice = 4, 1
		dbs[i] = db
	}
	a, b := dbs[0], dbs[1]
	rng := rand.New(rand.NewPCG(2, 2))
	n := 0
	add := func(db *DB, k int) {
		t.Helper()
		var batch storyline.Batch
		for range k {
			id := fmt.Sprintf("a%03d", n)
			n++
			batch.Articles = append(batch.Articles, foldArticle(rng, id, id))
		}
		if _, err := db.Commit(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if got, st := committedTotals(t, db); !maps.Equal(got, wantTotals(t, db, st)) {
			t.Fatalf("after %d articles, fold %+v: totals\n%v\nwant\n%v", n, st, got, wantTotals(t, db, st))
		}
	}
	add(a, 3)
	add(a, 2) // a fold of the first three is due: a reads them
	if a.fold == nil {
		t.Fatal("no run in memory")
	}
	<-a.fold.done
	// b gives the first article names of its own.
	first, err := b.Article(ctx, "a000")
	if err != nil {
		t.Fatal(err)
	}
	re := storyline.Article{ID: first.ID, Hash: first.Hash, Title: first.Title, Text: first.Text, Lang: first.Lang,
		Entities: []storyline.Entity{{Name: "Only Here", Kind: storyline.Person}, {Name: "Aaa First", Kind: storyline.Place}}}
	// b cannot read the run itself (its read pool is closed), so that it
	// adds none of its names: only entity_fold's stamp tells a.
	b.r.Close()
	if _, err := b.Commit(ctx, storyline.Batch{Recleaned: []storyline.Article{re}}); err != nil {
		t.Fatal(err)
	}
	for range 12 {
		add(a, 1)
	}
	if err := a.foldEntities(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := a.Entities(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := recountEntities(t, a); !slices.Equal(got, want) {
		t.Errorf("entities =\n%+v\nrecount =\n%+v", got, want)
	}
}

// TestFoldRunBusyReaders checks that a commit that makes a fold due
// while every read connection is taken gives up when its context ends,
// rather than waiting for a reader to start the run's reading.
func TestFoldRunBusyReaders(t *testing.T) {
	ctx := context.Background()
	db, err := OpenOptions(ctx, filepath.Join(t.TempDir(), "busy.db"), Options{Readers: 1})
	if err != nil {
		t.Fatal(err)
	}
	db.foldEvery = 4
	rng := rand.New(rand.NewPCG(4, 4))
	batch := func(ids ...string) storyline.Batch {
		var b storyline.Batch
		for _, id := range ids {
			b.Articles = append(b.Articles, foldArticle(rng, id, id))
		}
		return b
	}
	if _, err := db.Commit(ctx, batch("a", "b", "c")); err != nil {
		t.Fatal(err)
	}
	// The one read connection is busy until the end of the test.
	conn, err := db.r.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	released := false
	release := func() {
		if !released {
			conn.Close()
			released = true
		}
	}
	defer func() {
		release()
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}()
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := db.Commit(cctx, batch("d", "e")) // a fold of a-c is due
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("commit succeeded with its context ended")
		}
	case <-time.After(10 * time.Second):
		release() // so that the commit ends
		<-done
		t.Fatal("commit waited for a reader past the end of its context")
	}
	release()
	// Nothing of the failed commit is stored, and the next one folds.
	if _, err := db.Commit(ctx, batch("d", "e")); err != nil {
		t.Fatal(err)
	}
	if err := db.foldEntities(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := db.Entities(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := recountEntities(t, db); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("entities =\n%+v\nrecount =\n%+v", got, want)
	}
}
