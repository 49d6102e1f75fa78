package cluster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeatureDump logs what Prepare reads in the captured articles whose
// gold event contains STORYLINE_DUMP (set STORYLINE_REPLAY=DIR and
// STORYLINE_REPLAY_SETS to one set): a tool for error analysis.
func TestFeatureDump(t *testing.T) {
	dir, pat := os.Getenv("STORYLINE_REPLAY"), os.Getenv("STORYLINE_DUMP")
	if dir == "" || pat == "" {
		t.Skip("set STORYLINE_REPLAY=DIR, STORYLINE_REPLAY_SETS=NAME and STORYLINE_DUMP=GOLD to dump features")
	}
	set := strings.Split(os.Getenv("STORYLINE_REPLAY_SETS")+",ecbplus", ",")[0]
	cs := readCaptured(t, filepath.Join(dir, set+".jsonl"))
	c := New(Options{})
	for _, ca := range cs {
		if !strings.Contains(ca.Gold, pat) {
			continue
		}
		f := c.Prepare(&ca.Article)
		var prot []string
		for _, id := range f.protagonists {
			prot = append(prot, c.lex.term(id))
		}
		wd, hw := f.weekday()
		t.Logf("%-22s %-14s pub %.10s day %v/%d wk %v/%v main %q subj %q lead %v spokes %v prot %v persons %v | %.60s",
			ca.Gold, ca.Article.ID[len(ca.Article.ID)-min(len(ca.Article.ID), 12):], ca.Article.Published.Time, f.HasDay, f.Day, hw, wd, f.Main, f.subject, f.Leading, f.spokes, prot, f.Persons, ca.Article.Title)
	}
}
