package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRecordings: a CPU profile and a trace are written whole when
// stopped, stopping twice is harmless, and a path that cannot be created
// is an error naming the recording.
func TestRecordings(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		what  string
		start func(string) (func() error, error)
	}{{"cpu profile", StartCPUProfile}, {"trace", StartTrace}} {
		path := filepath.Join(dir, strings.ReplaceAll(c.what, " ", "-"))
		stop, err := c.start(path)
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		sum := 0
		for i := range 200000 {
			sum += i % 7
		}
		if err := stop(); err != nil {
			t.Fatalf("%s: stop: %v", c.what, err)
		}
		if err := stop(); err != nil {
			t.Errorf("%s: second stop: %v", c.what, err)
		}
		if fi, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v", c.what, err)
		} else if fi.Size() == 0 {
			t.Errorf("%s: nothing written (sum %d)", c.what, sum)
		}
		if _, err := c.start(filepath.Join(dir, "missing", "x")); err == nil || !strings.Contains(err.Error(), c.what) {
			t.Errorf("%s into a missing directory: %v", c.what, err)
		}
	}
}
