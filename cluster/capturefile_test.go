package cluster_test

import (
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
	cs := feedCapture(t, []string{in}, nil)
	for i := range cs {
		cs[i].Gold = gold[cs[i].Article.ID]
	}
	name := strings.TrimSuffix(filepath.Base(in), ".jsonl")
	writeCaptured(t, filepath.Join(dir, name+".jsonl"), cs)
}
