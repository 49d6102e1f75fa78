package cluster_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCaptureFile runs a labeled JSON Lines file (STORYLINE_CAPTURE_IN)
// through the full pipeline and writes what the clusterer received into
// STORYLINE_CAPTURE/NAME.jsonl (NAME: the file's base name), for replays
// of other sets than the standard ones (replay_test.go).
func TestCaptureFile(t *testing.T) {
	in, dir := os.Getenv("STORYLINE_CAPTURE_IN"), os.Getenv("STORYLINE_CAPTURE")
	if in == "" || dir == "" {
		t.Skip("set STORYLINE_CAPTURE_IN=FILE.jsonl and STORYLINE_CAPTURE=DIR to capture a labeled file")
	}
	gold := goldFromJSONL(t, in)
	stories := storiesFromJSONL(t, in)
	cs := feedCapture(t, []string{in}, nil)
	for i := range cs {
		id := cs[i].Article.ID
		cs[i].Gold = gold[id]
		if s, ok := stories[id]; ok {
			// story|event: TestReplay scores both levels
			cs[i].Gold = s + "|" + gold[id]
		}
	}
	name := strings.TrimSuffix(filepath.Base(in), ".jsonl")
	writeCaptured(t, filepath.Join(dir, name+".jsonl"), cs)
}

// storiesFromJSONL reads the gold stories of a generated JSONL file
// ({id, story}); articles without one are left out.
func storiesFromJSONL(t testing.TB, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("labeled set not available: %v", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l struct{ ID, Story string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		if l.Story != "" {
			out[l.ID] = l.Story
		}
	}
	return out
}
