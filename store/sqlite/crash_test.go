package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/storetest"
)

// crashEnv names the database a crash child writes to.
const crashEnv = "STORYLINE_SQLITE_CRASH_CHILD"

const crashBatch = 64

// crashBatches yields the deterministic batches the crash child commits,
// each marking itself in the state table.
func crashBatches(n int) iter.Seq2[int, storyline.Batch] {
	return func(yield func(int, storyline.Batch) bool) {
		g := storetest.NewGen(7, 2000)
		g.Raw = true
		for i := range n {
			b := g.Batch(crashBatch)
			b.State = map[string]map[string][]byte{"crash": {fmt.Sprintf("batch/%05d", i): []byte("done")}}
			if !yield(i, b) {
				return
			}
		}
	}
}

// TestCrashChild is not a test: TestCrashSafety runs the test binary
// again with crashEnv set, and this commits batches until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for i, b := range crashBatches(100000) {
		if _, err := db.Commit(ctx, b); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Printf("committed %d\n", i)
	}
	fmt.Println("finished")
	os.Exit(0)
}

// TestCrashSafety kills a process that is committing batches (SIGKILL, so
// nothing is flushed or closed) several times, then checks that the file
// is intact, that every batch is stored whole or not at all, and that
// committing everything again completes the set without duplicates.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(1, 2))
	highest := -1
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "error") || line == "finished" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("round %d: child said %q", round, line)
			}
			var i int
			if _, err := fmt.Sscanf(line, "committed %d", &i); err == nil {
				highest = max(highest, i)
				seen++
				// Past the batches of earlier rounds, kill at a random
				// moment, most likely inside a commit.
				if i > highest-1 && i >= 4*(round+1) && seen > 2 {
					time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
					break
				}
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatalf("round %d: kill: %v", round, err)
		}
		cmd.Wait()
		go func() { // drain
			for sc.Scan() {
			}
		}()
		t.Logf("round %d: killed after batch %d", round, highest)
	}

	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	// The child may commit a few more batches between its last report and
	// the kill; batches are committed in order, so the stored ones must be
	// a prefix.
	total := highest + 20
	complete, absent := 0, 0
	for i, b := range crashBatches(total) {
		ids := make([]string, len(b.Articles))
		for j, a := range b.Articles {
			ids[j] = a.ID
		}
		h, err := db.Hashes(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		_, stateErr := db.State(ctx, "crash", fmt.Sprintf("batch/%05d", i))
		qs, err := db.Quotes(ctx, storyline.QuoteFilter{Article: ids[len(ids)-1]})
		if err != nil {
			t.Fatal(err)
		}
		switch len(h) {
		case 0:
			absent++
			if stateErr == nil || len(qs) != 0 {
				t.Errorf("batch %d: no articles but state (%v) or %d quotes", i, stateErr, len(qs))
			}
		case len(ids):
			complete++
			if absent > 0 {
				t.Errorf("batch %d stored after an absent one", i)
			}
			if stateErr != nil || len(qs) != 2 {
				t.Errorf("batch %d: articles but state error %v, %d quotes", i, stateErr, len(qs))
			}
		default:
			t.Errorf("batch %d: half stored: %d of %d articles", i, len(h), len(ids))
		}
	}
	if complete < highest+1 || absent == 0 {
		t.Errorf("%d complete batches, want at least the %d reported and fewer than %d", complete, highest+1, total)
	}
	t.Logf("%d batches stored whole, none in part", complete)
	checkAggregates(t, db)

	// Committing every input again adds exactly what is missing.
	for i, b := range crashBatches(total) {
		outs, err := db.Commit(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range outs[1:] {
			if o != outs[0] || o == storyline.Updated {
				t.Fatalf("batch %d: outcomes %v", i, outs)
			}
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := total * crashBatch; st.Articles != want {
		t.Errorf("after re-commit: %d articles, want %d", st.Articles, want)
	}
	if n := st.Counts["quotes"]; n != 2*total*crashBatch {
		t.Errorf("after re-commit: %d quotes, want %d", n, 2*total*crashBatch)
	}
	checkAggregates(t, db)
	checkTallies(t, db)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// checkAggregates compares the maintained cluster rows with a count over
// the assignments.
func checkAggregates(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		`SELECT COUNT(*) FROM stories s WHERE s.articles <> (SELECT COUNT(*) FROM assignments a WHERE a.story = s.id)`,
		`SELECT COUNT(*) FROM events e WHERE e.articles <> (SELECT COUNT(*) FROM assignments a WHERE a.event = e.id)`,
		`SELECT COUNT(*) FROM (SELECT DISTINCT story FROM assignments) WHERE story NOT IN (SELECT id FROM stories)`,
		`SELECT COUNT(*) FROM (SELECT id, COUNT(*) n FROM articles GROUP BY id) WHERE n > 1`,
	} {
		var n int
		if err := db.r.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d rows inconsistent: %s", n, q)
		}
	}
}
