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
