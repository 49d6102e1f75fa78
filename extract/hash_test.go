package extract

import (
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// TestHashMatchesTextproc: Hash is textproc.Hash of the title and text
// joined by a newline, on generated articles and on titles and texts
// with white space and marks where they meet.
func TestHashMatchesTextproc(t *testing.T) {
	check := func(title, text string) {
		t.Helper()
		if got, want := Hash(title, text), textproc.Hash(title+"\n"+text); got != want {
			t.Errorf("Hash(%q, %q) = %s, want %s", title, text, got, want)
		}
	}
	for _, p := range [][2]string{{"", ""}, {"Title ", " text"}, {"e", "\u0301x"}, {"Ёлка\n", "\n\nТекст"}} {
		check(p[0], p[1])
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 2}).All() {
		check(a.Title, a.Text)
	}
	if Hash("a", "b") == Hash("a", "c") || Hash("A", "b") != Hash("a", "B") {
		t.Error("Hash does not tell texts apart by their normalized form")
	}
}
