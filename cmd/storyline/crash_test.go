package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// TestMain lets a test run the command line in a child process: with
// STORYLINE_CHILD_ARGS set, the test binary is storyline itself.
func TestMain(m *testing.M) {
	if args := os.Getenv("STORYLINE_CHILD_ARGS"); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(run(context.Background(), argv, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// child returns a command running storyline with args in a new process.
func child(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "STORYLINE_CHILD_ARGS="+string(b))
	return cmd
}

// TestKill9 kills an ingest mid-way with SIGKILL and checks that the
// database holds only whole batches and that a re-run completes the set
// without duplicates.
func TestKill9(t *testing.T) {
	const n, batch = 6000, 100
	dir := t.TempDir()
	in := filepath.Join(dir, "stream.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	para := strings.Repeat("Harbour officials said the cranes would stay idle while talks went on. ", 12)
	for i := range n {
		fmt.Fprintf(w, `{"id":"k%05d","title":"Dock report %d","text":"Report %d. %s","source":"wire%d","date":"2024-03-%02d"}`+"\n", i, i, i, para, i%7, 1+i%28)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	db := filepath.Join(dir, "crash.db")

	cmd := child(t, "--db", db, "ingest", "-q", "--batch", fmt.Sprint(batch), in)
	var childErr strings.Builder
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are in, well before the end.
	deadline := time.Now().Add(60 * time.Second)
	stored := 0
	for time.Now().Before(deadline) && stored < 3*batch {
		time.Sleep(20 * time.Millisecond)
		stored = countArticles(t, db)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if stored == 0 {
		t.Fatalf("nothing was stored before the kill; child said: %s", childErr.String())
	}

	after := countArticles(t, db)
	if after >= n {
		t.Skipf("ingest finished (%d) before it could be killed; machine too fast for this test", after)
	}
	if after%batch != 0 {
		t.Errorf("%d articles stored after kill -9: not whole batches of %d", after, batch)
	}

	out, err := child(t, "--db", db, "ingest", "-q", "--json", "--batch", fmt.Sprint(batch), in).Output()
	if err != nil {
		t.Fatalf("re-run: %v", err)
	}
	var sum struct{ Added, Unchanged, Updated int }
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Added != n-after || sum.Unchanged != after || sum.Updated != 0 {
		t.Errorf("re-run %+v, want %d added and %d unchanged", sum, n-after, after)
	}
	if got := countArticles(t, db); got != n {
		t.Errorf("after re-run %d articles, want %d", got, n)
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0 // still being created
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		return 0
	}
	return s.Articles
}

var _ storyline.Store = (*sqlite.DB)(nil)
