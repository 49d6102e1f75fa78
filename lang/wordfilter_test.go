package lang

import (
	"testing"

	"github.com/storyline-news/storyline/textproc"
)

func TestWordFilterPassesItsSet(t *testing.T) {
	for set, f := range map[*map[string]bool]*textproc.WordFilter{&enWords: enShortcut.filter, &ruWords: ruShortcut.filter} {
		for w := range *set {
			if !f.May(w) {
				t.Errorf("filter rejects %q", w)
			}
		}
	}
	if enShortcut.filter.May("zzzzzzzzzzzz") {
		t.Error("enFilter passes a word not in enWords")
	}
}
