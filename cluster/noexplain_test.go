package cluster

import (
	"reflect"
	"testing"
)

// TestNoExplain: a clusterer that explains nothing makes the same
// assignments and merges as one that explains them, with the same
// similarities and the same new events and stories, and leaves the terms
// and names of every Why empty, where the explaining one names shared
// terms for the articles that join a cluster.
func TestNoExplain(t *testing.T) {
	arts := synthStream(400, 3)
	full, lean := New(Options{}), New(Options{NoExplain: true})
	explained := 0
	for _, a := range arts {
		fa, fm := assign(t, full, a)
		cp := *a
		la, lm := assign(t, lean, &cp)
		if fa.Event != la.Event || fa.Story != la.Story || !reflect.DeepEqual(fm, lm) {
			t.Fatalf("%s: explained %s/%s %v, not %s/%s %v", a.ID, fa.Event, fa.Story, fm, la.Event, la.Story, lm)
		}
		fw, lw := *fa.Why, *la.Why
		if fw.Similarity != lw.Similarity || fw.NewEvent != lw.NewEvent || fw.NewStory != lw.NewStory || !reflect.DeepEqual(fw.Copies, lw.Copies) {
			t.Fatalf("%s: explained why %+v, not %+v", a.ID, fw, lw)
		}
		if len(lw.Terms) > 0 || len(lw.Entities) > 0 {
			t.Fatalf("%s: NoExplain named terms %v and names %v", a.ID, lw.Terms, lw.Entities)
		}
		if len(fw.Terms) > 0 {
			explained++
		}
	}
	if explained == 0 {
		t.Fatal("no assignment was explained: the comparison shows nothing")
	}
}
