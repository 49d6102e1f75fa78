package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestBenchCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		// table: the human table comes before the JSON line
		table bool
	}{
		{"generated, table and JSON", []string{"--articles", "60", "--store", "memory", "-q"}, exitOK, true},
		{"without copies, JSON only", []string{"--articles", "60", "--store", "memory", "--without", "copies,reclean", "--json"}, exitOK, false},
		{"no input", []string{"--store", "memory"}, exitUsage, false},
		{"both inputs", []string{"--articles", "5", "--in", "x.jsonl"}, exitUsage, false},
		{"unknown stage", []string{"--articles", "5", "--without", "magic"}, exitUsage, false},
		{"unknown store", []string{"--articles", "5", "--store", "tape"}, exitUsage, false},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"bench"}, tc.args...), strings.NewReader(""), &out, &errb)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\n%s", tc.name, code, tc.code, errb.String())
			continue
		}
		if code != exitOK {
			continue
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if tc.table != (len(lines) > 1) || tc.table && !strings.Contains(out.String(), "end to end") {
			t.Errorf("%s: output %q", tc.name, out.String())
		}
		var r struct {
			Articles       int                        `json:"articles"`
			ArticlesPerSec float64                    `json:"articles_per_sec"`
			PeakRSS        int64                      `json:"peak_rss_bytes"`
			Stages         map[string]json.RawMessage `json:"stages"`
			Quality        map[string]json.RawMessage `json:"quality"`
		}
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
			t.Fatalf("%s: last line is not JSON: %v", tc.name, err)
		}
		if r.Articles != 60 || r.ArticlesPerSec <= 0 || r.Stages["read"] == nil || r.Quality["events"] == nil {
			t.Errorf("%s: %+v", tc.name, r)
		}
		if _, ran := r.Stages["copies"]; ran == strings.Contains(tc.name, "without copies") {
			t.Errorf("%s: stages %v", tc.name, r.Stages)
		}
	}
}
