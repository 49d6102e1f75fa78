package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/textproc"
)

// seedStories clusters three articles written for this test (two reports
// of one port strike, one football match) and commits them to a new
// database, as the pipeline would.
func seedStories(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mk := func(id, day, title, text string) storyline.Article {
		p, err := storyline.ParsePublished(day)
		if err != nil {
			t.Fatal(err)
		}
		return storyline.Article{ID: id, Title: title, Text: text, Lang: "en", Published: p, Format: "text",
			Hash: textproc.Hash(title + "\n" + text)}
	}
	arts := []storyline.Article{
		mk("dock-1", "2024-03-04", "Dock workers in Rotterdam walk out over automation plans",
			"Thousands of dock workers in Rotterdam stopped work on Monday against automation plans at the container terminals. The FNV union said cranes stood still across the Maasvlakte."),
		mk("match-1", "2024-03-03", "Feyenoord beat Ajax 3-0 in the Klassieker",
			"Feyenoord beat Ajax 3-0 in De Kuip on Sunday, with Santiago Gimenez scoring twice."),
		mk("dock-2", "2024-03-05", "Rotterdam port strike halts container terminals",
			"A strike by dock workers halted the container terminals of Rotterdam. The FNV union called the walkout over automation plans; cranes at the Maasvlakte stood still."),
	}
	c := cluster.New(cluster.DefaultOptions())
	var b storyline.Batch
	for i := range arts {
		as, ms, err := c.Assign(ctx, &arts[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Assignments = append(b.Assignments, as)
		b.Merges = append(b.Merges, ms...)
	}
	b.Articles = arts
	b.Titles = c.Titles()
	b.State = map[string]map[string][]byte{c.Stage(): c.Pending()}
	if _, err := st.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStoriesCommand(t *testing.T) {
	db := seedStories(t)
	code, out, errOut := runCLI(t, "", "--db", db, "stories", "--json")
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, errOut)
	}
	var stories []storyline.Story
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s storyline.Story
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		stories = append(stories, s)
	}
	if len(stories) != 2 {
		t.Fatalf("got %d stories, want 2 (strike, match):\n%s", len(stories), out)
	}
	var dock *storyline.Story
	for i := range stories {
		if len(stories[i].Articles) == 2 {
			dock = &stories[i]
		}
	}
	if dock == nil || len(dock.Events) != 1 || dock.FirstPublished.String() != "2024-03-04" || dock.LastPublished.String() != "2024-03-05" {
		t.Fatalf("strike story wrong: %+v", stories)
	}
	if !strings.Contains(dock.Title, "Rotterdam") {
		t.Errorf("title %q", dock.Title)
	}

	code, out, _ = runCLI(t, "", "--db", db, "stories", "--since", "2024-03-05")
	if code != 0 || strings.Contains(out, "Feyenoord") || !strings.Contains(out, "Rotterdam") {
		t.Errorf("--since: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "", "--db", db, "stories", "--since", "March"); code != 2 {
		t.Errorf("bad --since: exit %d, want 2", code)
	}

	code, out, errOut = runCLI(t, "", "--db", db, "story", dock.ID, "--why")
	if code != 0 {
		t.Fatalf("story --why: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"dock-1", "dock-2", "opened the event and the story", "joined at similarity", "rotterdam"} {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
			t.Errorf("story --why lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "--db", db, "story", dock.ID, "--why", "--json")
	var v storyView
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || len(v.Assignments) != 2 || v.Assignments[1].Why == nil {
		t.Fatalf("story --json: exit %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "--db", db, "story", "nope"); code != 1 {
		t.Errorf("unknown story: exit %d, want 1", code)
	}
}
