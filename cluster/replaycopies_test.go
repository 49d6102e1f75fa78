package cluster

import (
	"testing"

	"github.com/storyline-news/storyline"
)

// reattachCopies gives each copy of a capture to whichever of its two
// articles arrives later in cs, as a copy finder fed in that order would
// report it: a capture lists a copy with the later article of the order
// it was captured in, and a shuffled replay that kept it there would
// drop every copy whose articles swapped places (the clusterer ignores a
// copy of an article it has not seen).
func reattachCopies(cs []capturedArticle) {
	pos := make(map[string]int, len(cs))
	for i := range cs {
		pos[cs[i].Article.ID] = i
	}
	var all []storyline.Copy
	for i := range cs {
		all = append(all, cs[i].Copies...)
		cs[i].Copies = nil
	}
	for _, cp := range all {
		a, okA := pos[cp.A]
		b, okB := pos[cp.B]
		if !okA || !okB {
			continue
		}
		later := max(a, b)
		cs[later].Copies = append(cs[later].Copies, cp)
	}
}

func TestReattachCopies(t *testing.T) {
	cs := []capturedArticle{
		{Article: storyline.Article{ID: "b"}},
		{Article: storyline.Article{ID: "a"}, Copies: []storyline.Copy{{A: "a", B: "b"}}},
		{Article: storyline.Article{ID: "c"}, Copies: []storyline.Copy{{A: "c", B: "a"}}},
	}
	// shuffled: c, a, b
	cs[0], cs[2] = cs[2], cs[0]
	reattachCopies(cs)
	want := map[string]int{"c": 0, "a": 1, "b": 1}
	for _, c := range cs {
		if got := len(c.Copies); got != want[c.Article.ID] {
			t.Errorf("%s: %d copies, want %d", c.Article.ID, got, want[c.Article.ID])
		}
	}
	if cs[1].Copies[0].B != "a" || cs[2].Copies[0].A != "a" {
		t.Errorf("copies not with the later article: %+v", cs)
	}
}
