package main

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestInitPace: once package main is initialized, the collector runs at
// defaultGCPercent, not held off as initgc left it for the imports' init.
func TestInitPace(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC sets the pace")
	}
	if prev := debug.SetGCPercent(defaultGCPercent); prev != defaultGCPercent {
		t.Errorf("the collector's pace after init is %d, want %d", prev, defaultGCPercent)
	}
}

// TestInitGCHeld: in a new process, initgc is initialized before the
// date parser's package data, and the collector first runs after that
// data is made.
func TestInitGCHeld(t *testing.T) {
	cmd := child(t, "--help")
	var env []string
	for _, kv := range cmd.Env {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GODEBUG=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "GODEBUG=inittrace=1,gctrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("storyline --help: %v\n%s", err, stderr.String())
	}
	held, data, firstGC := -1, -1, -1
	for i, l := range strings.Split(stderr.String(), "\n") {
		switch {
		case strings.HasPrefix(l, "init github.com/storyline-news/storyline/cmd/storyline/internal/initgc "):
			held = i
		case strings.HasPrefix(l, "init github.com/markusmobius/go-dateparser/internal/data "):
			data = i
		case strings.HasPrefix(l, "gc ") && firstGC < 0:
			firstGC = i
		}
	}
	switch {
	case held < 0 || data < 0:
		t.Fatalf("no init trace of initgc (line %d) or of go-dateparser's data (line %d):\n%s", held, data, stderr.String())
	case held > data:
		t.Errorf("initgc is initialized after go-dateparser's data (trace lines %d, %d)", held, data)
	case firstGC >= 0 && firstGC < data:
		t.Errorf("the collector ran (trace line %d) before go-dateparser's data was made (line %d)", firstGC, data)
	}
}
