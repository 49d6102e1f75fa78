package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/store/storetest"
)

// TestBackgroundCheckpoint commits far more than the checkpoint interval
// and checks that the WAL was copied back and started over in the
// background (the writer's own automatic checkpoint is 2×256 MiB away),
// and that everything committed is read back whole after reopening.
func TestBackgroundCheckpoint(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ckpt.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.ckpt.mu.Lock()
	db.ckpt.every = 64
	db.ckpt.mu.Unlock()
	g := realisticGen(3)
	const batches, per = 40, 32
	for range batches {
		if _, err := db.Commit(ctx, g.Batch(per)); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	db.ckpt.mu.Lock()
	written := db.ckpt.total * pageSize
	db.ckpt.mu.Unlock()
	if written < 20*64*pageSize {
		t.Fatalf("commits wrote %d bytes to the WAL, want many checkpoint intervals", written)
	}
	if fi.Size() > written/2 {
		t.Errorf("WAL is %d bytes after %d written: background checkpoints did not let it start over", fi.Size(), written)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != batches*per {
		t.Errorf("%d articles after reopening, want %d", st.Articles, batches*per)
	}
	for i := range batches * per {
		if _, err := db.Article(ctx, g.ID(i)); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
}

// TestCheckpointConcurrentCommits commits from two goroutines while
// background checkpoints run (go test -race checks the bookkeeping), and
// reads every article back.
func TestCheckpointConcurrentCommits(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	db.ckpt.mu.Lock()
	db.ckpt.every = 16
	db.ckpt.mu.Unlock()
	gens := []*storetest.Gen{storetest.NewGen(5, 400), storetest.NewGen(6, 400)}
	gens[1].Skip(100_000) // ids apart from the first's
	errs := make(chan error, len(gens))
	for _, g := range gens {
		go func() {
			for range 10 {
				if _, err := db.Commit(ctx, g.Batch(16)); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range gens {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range gens {
		for i := range 160 {
			id := g.ID(i)
			if g == gens[1] {
				id = g.ID(100_000 + i)
			}
			if _, err := db.Article(ctx, id); err != nil {
				t.Fatalf("article %s: %v", id, err)
			}
		}
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestCheckpointPasses checks that a background checkpoint leaves the
// writer nothing to copy, so that the next commit starts the WAL over
// (it does not grow), and that one that a reader's snapshot stops short
// still returns, leaving the pages the reader needs for later.
func TestCheckpointPasses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		reader bool // a reader holds a snapshot from before the last batches
		grows  bool // the WAL grows with the commit after the checkpoint
	}{
		{"quiet", false, false},
		{"reader", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db := openTemp(t)
			defer db.Close()
			db.ckpt.mu.Lock()
			db.ckpt.every = 1 << 30 // no checkpoint but the test's
			db.ckpt.mu.Unlock()
			g := realisticGen(7)
			commit := func(n int) {
				t.Helper()
				for range n {
					if _, err := db.Commit(ctx, g.Batch(16)); err != nil {
						t.Fatal(err)
					}
				}
			}
			commit(4)
			if tc.reader {
				conn, err := db.r.Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
					t.Fatal(err)
				}
				defer conn.ExecContext(ctx, "ROLLBACK")
				var n int
				if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles").Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 64 {
					t.Fatalf("reader sees %d articles, want 64", n)
				}
			}
			commit(4)
			if !db.ckpt.checkpoint() {
				t.Fatal("checkpoint did not run")
			}
			before := walSize(t, db)
			commit(1)
			after := walSize(t, db)
			if grew := after > before; grew != tc.grows {
				t.Errorf("WAL %d bytes before the commit, %d after: grew %v, want %v", before, after, grew, tc.grows)
			}
			st, err := db.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 9*16 {
				t.Errorf("%d articles, want %d", st.Articles, 9*16)
			}
		})
	}
}

func walSize(t *testing.T, db *DB) int64 {
	t.Helper()
	fi, err := os.Stat(db.Path() + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
