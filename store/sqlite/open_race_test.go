package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestOpenNewFileConcurrently: handles opening one new file at once (two
// processes, or a process and a tool watching it) all succeed, though
// only one of them can switch the file to WAL at a time.
func TestOpenNewFileConcurrently(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for round := range 10 {
		path := filepath.Join(dir, fmt.Sprintf("r%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := Open(ctx, path)
				if err != nil {
					errs[i] = err
					return
				}
				errs[i] = db.Close()
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
	}
}
