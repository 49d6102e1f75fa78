package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// TestClusterMatchesIngest: `cluster --in` leaves out the stages whose
// output clustering never reads, so it must place every article exactly
// where `ingest` of the same file does, and write one line per article in
// input order.
func TestClusterMatchesIngest(t *testing.T) {
	dir := t.TempDir()
	in, out, db := filepath.Join(dir, "g.jsonl"), filepath.Join(dir, "p.jsonl"), filepath.Join(dir, "s.db")
	if code, o, e := runGen(t, "-q", "--articles", "600", "--seed", "4", "--out", in); code != 0 {
		t.Fatalf("gen: exit %d\n%s\n%s", code, o, e)
	}
	ctx := context.Background()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"cluster", "--in", in, "--out", out}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("cluster: exit %d\n%s", code, stderr.String())
	}
	if code := run(ctx, []string{"--db", db, "ingest", "-q", in}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr.String())
	}
	var ids []string
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ID)
	}
	pred, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(pred)), "\n")
	if len(lines) != len(ids) {
		t.Fatalf("%d assignment lines for %d articles", len(lines), len(ids))
	}
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	events, stories := map[string]bool{}, map[string]bool{}
	for i, line := range lines {
		var got assignmentLine
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != ids[i] {
			t.Fatalf("line %d is %s, want %s (input order)", i+1, got.ID, ids[i])
		}
		want, err := st.Assignment(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Event != want.Event || got.Story != want.Story || got.Cluster != got.Event {
			t.Errorf("%s: cluster --in put it in %s/%s, ingest in %s/%s", got.ID, got.Event, got.Story, want.Event, want.Story)
		}
		events[got.Event], stories[got.Story] = true, true
	}
	if len(events) < 20 || len(stories) >= len(events) {
		t.Errorf("%d events in %d stories for %d articles: not clustered", len(events), len(stories), len(ids))
	}
}

// assignmentsOf is a ClusterStore that knows the assignments of ids of
// the form a<even number> and fails on "bad".
type assignmentsOf struct{ storyline.ClusterStore }

func (assignmentsOf) Assignment(_ context.Context, id string) (storyline.Assignment, error) {
	var n int
	if id == "bad" {
		return storyline.Assignment{}, errors.New("disk gone")
	}
	if _, err := fmt.Sscanf(id, "a%d", &n); err != nil || n%2 == 1 {
		return storyline.Assignment{Article: id}, storyline.ErrNotFound
	}
	return storyline.Assignment{Article: id, Event: fmt.Sprint("e", n/4), Story: fmt.Sprint("s", n/8)}, nil
}

// TestWriteAssignments: the lines come out in the order of the ids over
// many chunks encoded at once, an id without an assignment has an empty
// one, and a failing lookup fails the write.
func TestWriteAssignments(t *testing.T) {
	for _, chunk := range []int{1, 3, 4096} {
		var ids []string
		for i := range 23 {
			ids = append(ids, fmt.Sprint("a", i))
		}
		var buf bytes.Buffer
		if err := writeAssignments(context.Background(), &buf, assignmentsOf{}, ids, chunk); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != len(ids) {
			t.Fatalf("chunk %d: %d lines for %d ids", chunk, len(lines), len(ids))
		}
		for i, l := range lines {
			want := fmt.Sprintf(`{"id":"a%d","event":"e%d","story":"s%d","cluster":"e%d"}`, i, i/4, i/8, i/4)
			if i%2 == 1 {
				want = fmt.Sprintf(`{"id":"a%d","event":"","story":"","cluster":""}`, i)
			}
			if l != want {
				t.Errorf("chunk %d: line %d is %s, want %s", chunk, i, l, want)
			}
		}
		if err := writeAssignments(context.Background(), &buf, assignmentsOf{}, append(ids, "bad"), chunk); err == nil || !strings.Contains(err.Error(), "disk gone") {
			t.Errorf("chunk %d: error %v, want the failing lookup's", chunk, err)
		}
	}
}

// namedStore is a ClusterStore whose every id is in event "e-"+id and
// story "s-"+id.
type namedStore struct{ storyline.ClusterStore }

func (namedStore) Assignment(_ context.Context, id string) (storyline.Assignment, error) {
	return storyline.Assignment{Article: id, Event: "e-" + id, Story: "s-" + id}, nil
}

// TestEncodeAssignmentsAsJSON: each line is what encoding/json writes of
// the assignmentLine (HTML not escaped), whether its strings are plain
// or need escaping.
func TestEncodeAssignmentsAsJSON(t *testing.T) {
	ids := []string{"g00000001", "a b", "<tag>&", "~x~", "say \"hi\"", `back\slash`, "tab\there", "line\nend",
		"\x7f", "naïve", "Москва", "sep\u2028", "bad\xff", ""}
	var buf bytes.Buffer
	if err := encodeAssignments(context.Background(), &buf, namedStore{}, ids); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for _, id := range ids {
		if err := enc.Encode(assignmentLine{ID: id, Event: "e-" + id, Story: "s-" + id, Cluster: "e-" + id}); err != nil {
			t.Fatal(err)
		}
	}
	got, wantLines := strings.SplitAfter(buf.String(), "\n"), strings.SplitAfter(want.String(), "\n")
	if len(got) != len(wantLines) {
		t.Fatalf("%d lines, want %d:\n%s", len(got), len(wantLines), buf.String())
	}
	for i := range got {
		if got[i] != wantLines[i] {
			t.Errorf("id %q: wrote %q, want %q", ids[min(i, len(ids)-1)], got[i], wantLines[i])
		}
	}
}
