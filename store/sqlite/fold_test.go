package sqlite

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/store/storetest"
)

// recountEntities counts the entities of every stored article, as the
// totals should hold them.
func recountEntities(t *testing.T, db *DB) []storyline.EntityCount {
	t.Helper()
	ctx := context.Background()
	type key struct{ name, kind string }
	m := map[key]*storyline.EntityCount{}
	for a, err := range db.Articles(ctx, storyline.ArticleFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		seen := map[key]bool{}
		for _, e := range a.Entities {
			if e.Name == "" {
				continue // not counted
			}
			k := key{e.Name, string(e.Kind)}
			c := m[k]
			if c == nil {
				c = &storyline.EntityCount{Name: e.Name, Kind: e.Kind}
				m[k] = c
			}
			if !seen[k] {
				c.Articles++
				seen[k] = true
			}
			c.Mentions += max(len(e.Mentions), 1)
		}
	}
	var out []storyline.EntityCount
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(x, y storyline.EntityCount) int {
		return cmp.Or(cmp.Compare(y.Articles, x.Articles), cmp.Compare(y.Mentions, x.Mentions),
			strings.Compare(x.Name, y.Name), strings.Compare(string(x.Kind), string(y.Kind)))
	})
	return out
}

// foldArticle makes an article with a few entities, some of them shared
// with other articles.
func foldArticle(rng *rand.Rand, id, hash string) storyline.Article {
	a := storyline.Article{ID: id, Hash: hash, Title: "t " + id, Text: "text of " + id, Lang: "en", Format: "text", Source: "s.example"}
	for range rng.IntN(5) {
		name := fmt.Sprintf("Name %d", rng.IntN(12))
		switch rng.IntN(6) {
		case 0, 1:
			name = "Once " + hash + fmt.Sprint(rng.IntN(1000))
		case 2:
			// What JSON escapes, and what it cannot carry.
			name = []string{`Quote " and \ back`, "Ctl\x01\x1f Ёлка", "Bad \xff byte", ""}[rng.IntN(4)]
		}
		kind := []storyline.EntityKind{storyline.Person, storyline.Organization}[rng.IntN(2)]
		a.Entities = append(a.Entities, storyline.Entity{Name: name, Kind: kind,
			Mentions: make([]storyline.Mention, rng.IntN(3))})
	}
	return a
}

// TestEntityFold checks that the entity totals, folded in many articles
// at a time, equal a recount of the stored articles whenever they are
// read, through updates and recleans of articles folded and pending, and
// that pending articles survive a crash (a store not closed).
func TestEntityFold(t *testing.T) {
	for _, every := range []int{1, 3, 7, 1000} {
		t.Run(fmt.Sprintf("every=%d", every), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "fold.db")
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			db.foldEvery = every
			rng := rand.New(rand.NewPCG(uint64(every), 2))
			next := 0
			var ids []string
			for round := range 12 {
				var b storyline.Batch
				for range 1 + rng.IntN(4) {
					id := fmt.Sprintf("a%03d", next)
					next++
					ids = append(ids, id)
					b.Articles = append(b.Articles, foldArticle(rng, id, id))
				}
				// Earlier articles change: a new version, or the same
				// input read again. Every third batch adds articles
				// only.
				if round > 0 && round%3 != 2 {
					id := ids[rng.IntN(len(ids)-len(b.Articles))]
					b.Articles = append(b.Articles, foldArticle(rng, id, fmt.Sprintf("%s-v%d", id, round)))
					id = ids[rng.IntN(len(ids)-len(b.Articles)+1)]
					a, err := db.Article(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					re := foldArticle(rng, id, a.Hash)
					b.Recleaned = append(b.Recleaned, re)
				}
				if _, err := db.Commit(ctx, b); err != nil {
					t.Fatal(err)
				}
				if round%4 == 3 {
					// A crash: the connections go without the fold Close
					// does.
					db.r.Close()
					db.w.Close()
					if db, err = Open(ctx, path); err != nil {
						t.Fatal(err)
					}
					db.foldEvery = every
				}
				if round%2 == 1 {
					continue // read after two commits
				}
				got, err := db.Entities(ctx, 0)
				if err != nil {
					t.Fatal(err)
				}
				if want := recountEntities(t, db); !slices.Equal(got, want) {
					t.Fatalf("round %d: entities =\n%+v\nrecount =\n%+v", round, got, want)
				}
				checkTallies(t, db)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestEntityFoldDeferred checks that a commit leaves the totals alone
// until enough articles wait, that the fold then due takes the articles
// stored before its batch in a later commit or in its own, that a
// read-only store sees the totals as of the last fold, and that Close
// folds.
func TestEntityFoldDeferred(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fold.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.foldEvery = 4
	ent := []storyline.Entity{{Name: "Kremlin", Kind: storyline.Organization}}
	commit := func(ids ...string) {
		t.Helper()
		var b storyline.Batch
		for _, id := range ids {
			b.Articles = append(b.Articles, storyline.Article{ID: id, Hash: id, Text: id, Entities: ent})
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	readOnly := func() int {
		t.Helper()
		ro, err := OpenOptions(ctx, path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		list, err := ro.Entities(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 {
			return 0
		}
		return list[0].Articles
	}
	// wait waits for the reading of the fold under way.
	wait := func() {
		if db.fold != nil {
			<-db.fold.done
		}
	}
	for _, step := range []struct {
		ids  []string
		want []int // what a reader may see after the commit
	}{
		{[]string{"a", "b", "c"}, []int{0}}, // 3 of 4
		{[]string{"d", "e"}, []int{0, 3}},   // a fold of a-c is due
		{[]string{"f"}, []int{3}},           // and done
		{[]string{"g"}, []int{3, 6}},        // a fold of d-f is due
		{[]string{"h"}, []int{6}},           // done; g and h wait
	} {
		commit(step.ids...)
		if n := readOnly(); !slices.Contains(step.want, n) {
			t.Errorf("after %v a reader sees %d, want one of %v", step.ids, n, step.want)
		}
		wait()
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if n := readOnly(); n != 8 {
		t.Errorf("after Close a reader sees %d, want 8", n)
	}
}

// foldRolledBack runs one fold step in a transaction it rolls back, so
// that the next call folds the same articles: the last n stored, or
// those not folded yet when n < 0.
func foldRolledBack(ctx context.Context, b *testing.B, db *DB, n int64) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	if n >= 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE entity_fold SET through = (SELECT MAX(seq) FROM articles) - ?`, n); err != nil {
			b.Fatal(err)
		}
	}
	c := db.newCommitter(ctx, tx)
	c.foldEvery = 0
	if err := c.foldStep(storyline.Batch{}); err != nil {
		b.Fatal(err)
	}
	c.closeStmts()
}

// BenchmarkEntityFold measures folding 16 384 articles of some 19
// entities each (11 of them new) into the totals of a store of 50 000,
// per article folded; each fold is rolled back so that the next folds
// the same.
func BenchmarkEntityFold(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "fold.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	g := storetest.NewGen(3, 200)
	g.FreshEntities = 11
	for g.Next() < 50_000 {
		if _, err := db.Commit(ctx, g.Batch(1000)); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.foldEntities(ctx); err != nil {
		b.Fatal(err)
	}
	db.foldEvery = 1 << 30
	for g.Next() < 50_000+defaultFoldEvery {
		if _, err := db.Commit(ctx, g.Batch(1024)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	t0 := rusage.ProcessCPU()
	for b.Loop() {
		foldRolledBack(ctx, b, db, -1)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*defaultFoldEvery), "µs/article")
	b.ReportMetric(float64((rusage.ProcessCPU()-t0).Microseconds())/float64(b.N*defaultFoldEvery), "cpu-µs/article")
}

// TestFoldAt checks that folds take more articles as the store grows,
// within bounds.
func TestFoldAt(t *testing.T) {
	for _, tc := range []struct {
		every int
		last  int64
		want  int64
	}{
		{16384, 0, 16384},
		{16384, 100_000, 16384},
		{16384, 400_000, 25_000},
		{16384, 500_000, 31_250},
		{16384, 1_000_000, 32768},
		{4, 1000, 8},
	} {
		if got := foldAt(tc.every, tc.last); got != tc.want {
			t.Errorf("foldAt(%d, %d) = %d, want %d", tc.every, tc.last, got, tc.want)
		}
	}
}

// BenchmarkEntityFoldLarge measures folds of 32 768 and 65 536 articles
// into totals of the size a store of a million articles holds (11
// million names, most of them mentioned once), per article folded, to
// tell whether larger folds than foldAt's would pay in a large store: a
// fold then touches about every page of the totals. They do not (61 and
// 62 CPU-µs an article on a loaded machine): the work per name, not per
// page, is what a fold costs. Each fold is rolled back. It takes some
// five minutes and 1 GB, so it runs with STORYLINE_LONG=1 only.
func BenchmarkEntityFoldLarge(b *testing.B) {
	if os.Getenv("STORYLINE_LONG") == "" {
		b.Skip("set STORYLINE_LONG=1 to fold into totals of a million articles' size")
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "fold.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// 11 million names of one mention, spread among those the folds
	// bring ("Fresh ARTICLE-N"), inserted in order.
	if _, err := db.w.ExecContext(ctx, `WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 999999),
		e(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM e WHERE x < 10)
		INSERT INTO entities (name, kind, articles, mentions)
		SELECT 'Fresh ' || (1000000 + 9 * k) || '-' || x, CASE x % 3 WHEN 0 THEN 'person' WHEN 1 THEN 'org' ELSE 'place' END, 1, 1
		FROM n, e WHERE true ON CONFLICT DO NOTHING`); err != nil {
		b.Fatal(err)
	}
	db.foldEvery = 1 << 30
	g := storetest.NewGen(3, 200)
	g.FreshEntities = 11
	if err := db.foldEntities(ctx); err != nil {
		b.Fatal(err)
	}
	for g.Next() < 65536 {
		if _, err := db.Commit(ctx, g.Batch(1024)); err != nil {
			b.Fatal(err)
		}
	}
	for _, n := range []int64{32768, 65536} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			t0 := rusage.ProcessCPU()
			for b.Loop() {
				foldRolledBack(ctx, b, db, n)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(int64(b.N)*n), "µs/article")
			b.ReportMetric(float64((rusage.ProcessCPU()-t0).Microseconds())/float64(int64(b.N)*n), "cpu-µs/article")
		})
	}
}

// TestAddEntities adds totals straight to the entity table, twice (new
// names, then the same ones stored), with what the packed statements
// leave to flushEntities among them: a name with two kinds, more kinds
// than a statement lists, counts too large to pack, names JSON must
// escape and one that is not UTF-8.
func TestAddEntities(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	delta := map[entityKey]entityTotal{
		{"Mercury", "person"}:        {1, 2},
		{"Mercury", "place"}:         {2, 3},
		{`Say "hi" \ there`, "org"}:  {1, 1},
		{"tab\there\x01", "person"}:  {1, 1},
		{"Ёлка", "place"}:            {3, 9},
		{"big", "person"}:            {foldCountMax, foldCountMax + 5},
		{"bad \xff utf8", "person"}:  {1, 1},
		{"Unicode 東京", "place"}:      {1, 4},
		{"", "person"}:               {1, 1},
		{"zero", "person"}:           {0, 0},
		{"Last", "kind\"with quote"}: {1, 1},
	}
	for i := range foldKinds + 3 {
		delta[entityKey{fmt.Sprintf("Kinded %02d", i), fmt.Sprintf("kind%02d", i)}] = entityTotal{1, i + 1}
	}
	want := map[entityKey]entityTotal{}
	for round := 1; round <= 2; round++ {
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		c := db.newCommitter(ctx, tx)
		c.entityDelta = map[entityKey]*entityTotal{}
		for k, v := range delta {
			c.entityDelta[k] = &entityTotal{v.articles, v.mentions}
			if v.articles != 0 || v.mentions != 0 {
				w := want[k]
				want[k] = entityTotal{w.articles + v.articles, w.mentions + v.mentions}
			}
		}
		if err := errors.Join(c.addEntities(nil), c.flushTallies(storyline.Batch{})); err != nil {
			t.Fatal(err)
		}
		c.closeStmts()
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := readTotals(t, db.w); !maps.Equal(got, want) {
			t.Errorf("round %d: totals\n%v\nwant\n%v", round, got, want)
		}
		var n int
		if err := db.w.QueryRow(`SELECT n FROM tallies WHERE name = 'entities'`).Scan(&n); err != nil || n != len(want) {
			t.Errorf("round %d: entities tally %d, %v; want %d", round, n, err, len(want))
		}
	}
}
