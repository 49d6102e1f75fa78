package cluster

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestEventPairs replays a capture and logs, for pairs of final events
// whose centroids are alike, their gold make-up and what the merge guards
// say: a tool for error analysis (STORYLINE_PAIRS=1).
func TestEventPairs(t *testing.T) {
	cs := analysisSet(t, "STORYLINE_PAIRS")
	c := New(Options{})
	gold := map[string]string{}
	for i := range cs {
		gold[cs[i].Article.ID] = cs[i].Gold
		if _, _, err := c.Assign(context.Background(), &cs[i].Article, cs[i].Copies); err != nil {
			t.Fatal(err)
		}
	}
	var evs []*node
	for _, n := range c.events {
		if !n.dead() {
			evs = append(evs, n)
		}
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].seq < evs[j].seq })
	comp := func(n *node) (string, string) {
		m := map[string]int{}
		for _, id := range n.articles {
			m[strings.TrimPrefix(gold[id], "ecbplus_")]++
		}
		var ks []string
		best := ""
		for g, k := range m {
			ks = append(ks, fmt.Sprintf("%s:%d", g, k))
			if k > m[best] || k == m[best] && g < best {
				best = g
			}
		}
		sort.Strings(ks)
		return strings.Join(ks, " "), best
	}
	for i, a := range evs {
		for _, b := range evs[i+1:] {
			cos := c.eventsCosine(a, b)
			if cos < 0.3 {
				continue
			}
			ca, ga := comp(a)
			cb, gb := comp(b)
			tag := "SAME"
			if ga != gb {
				tag = "DIFF"
			}
			t.Logf("%s cos %.3f otherSubj %v subj %q/%q mains %v/%v | %s{%s} %s{%s}", tag, cos, c.otherSubjects(a, b), dominantSubject(a), dominantSubject(b), a.mains, b.mains, a.id, ca, b.id, cb)
		}
	}
}
