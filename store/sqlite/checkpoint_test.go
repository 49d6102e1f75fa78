package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
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
	db.ckpt.every = 64
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
	written := db.ckpt.total * pageSize
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
