package cluster

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestBlame replays a capture (STORYLINE_REPLAY=DIR, STORYLINE_REPLAY_SETS
// one set, STORYLINE_SHUFFLE a seed) and logs each decision that mixes
// two gold events in one event (a join or a merge) and each article that
// opens an event while one of its gold event is open: a tool for error
// analysis.
func TestBlame(t *testing.T) {
	cs := analysisSet(t, "STORYLINE_BLAME")
	c := New(Options{})
	members := map[string]map[string]int{} // event -> gold -> count
	short := func(g string) string { return strings.TrimPrefix(g, "ecbplus_") }
	comp := func(m map[string]int) string {
		var ks []string
		for g, k := range m {
			ks = append(ks, fmt.Sprintf("%s:%d", short(g), k))
		}
		sort.Strings(ks)
		return strings.Join(ks, " ")
	}
	for i := range cs {
		a := &cs[i].Article
		g := cs[i].Gold
		var lines []string
		c.debug = func(s string) { lines = append(lines, s) }
		as, merges, err := c.Assign(context.Background(), a, cs[i].Copies)
		if err != nil {
			t.Fatal(err)
		}
		c.debug = nil
		f := c.Prepare(a)
		info := fmt.Sprintf("main %q subj %q lead %v pub %.10s | %.70s", f.Main, f.subject, f.Leading, a.Published.Time, a.Title)
		for _, m := range merges {
			if m.Level != "event" {
				continue
			}
			from, into := members[m.From], members[m.Into]
			if len(from)+len(into) > 0 {
				t.Logf("#%d MERGE %s{%s} into %s{%s} by %s %s", i, m.From, comp(from), m.Into, comp(into), short(g), info)
			}
			if members[m.Into] == nil {
				members[m.Into] = map[string]int{}
			}
			for k, n := range from {
				members[m.Into][k] += n
			}
			delete(members, m.From)
		}
		ev := members[as.Event]
		switch {
		case as.Why.NewEvent:
			open := []string{}
			for e, m := range members {
				if m[g] > 0 {
					open = append(open, fmt.Sprintf("%s{%s}", e, comp(m)))
				}
			}
			if len(open) > 0 {
				sort.Strings(open)
				t.Logf("#%d SPLIT %s opens %s while %v: %s", i, short(g), as.Event, open, info)
				for _, l := range lines {
					if strings.Contains(l, "   cand") {
						t.Logf("      %.330s", l)
					}
				}
			}
		case ev[g] == 0 && len(ev) > 0:
			t.Logf("#%d JOIN %s into %s{%s} sim %.3f copies %v subjects %v mains %v: %s", i, short(g), as.Event, comp(ev), as.Why.Similarity, as.Why.Copies, c.events[as.Event].subjects, c.events[as.Event].mains, info)
			for _, l := range lines {
				if strings.Contains(l, "   cand") {
					t.Logf("      %.330s", l)
				}
			}
		}
		if members[as.Event] == nil {
			members[as.Event] = map[string]int{}
		}
		members[as.Event][g]++
	}
}
