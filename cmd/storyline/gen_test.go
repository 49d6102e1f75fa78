package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runGen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"gen"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestGenCommand(t *testing.T) {
	dir := t.TempDir()
	plain, gz, pairs := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl.gz"), filepath.Join(dir, "p.jsonl")
	if code, out, errOut := runGen(t, "--articles", "400", "--seed", "9", "--out", plain, "--pairs", pairs, "--json"); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	} else {
		var s genSummary
		if err := json.Unmarshal([]byte(out), &s); err != nil || s.Articles != 400 || s.Events == 0 {
			t.Errorf("summary %q: %+v %v", out, s, err)
		}
	}
	if code, out, errOut := runGen(t, "-q", "--articles", "400", "--seed", "9", "--out", gz); code != 0 || !strings.Contains(out, "wrote 400 articles") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	a, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(gz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || bytes.Count(a, []byte("\n")) != 400 {
		t.Errorf("the .gz stream differs from the plain one, or is not 400 lines")
	}
	if p, err := os.ReadFile(pairs); err != nil || !bytes.Contains(p, []byte(`"a":`)) {
		t.Errorf("pairs file: %v %.100s", err, p)
	}
	code, out, _ := runGen(t, "--articles", "5", "--out", "-")
	if code != 0 || strings.Count(out, "\n") != 5 {
		t.Errorf("--out -: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

func TestGenUsage(t *testing.T) {
	tests := [][]string{
		{"--articles", "0", "--out", "x.jsonl"},
		{"--articles", "10"},
		{"--articles", "10", "--out", "x.jsonl", "--start", "March"},
		{"--articles", "ten", "--out", "x.jsonl"},
	}
	for _, args := range tests {
		if code, _, _ := runGen(t, args...); code != exitUsage {
			t.Errorf("gen %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
