package cluster

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// hubTraceMax is how many gold events one event of a capture may hold
// in TestHubTrace unless STORYLINE_HUBTRACE_MAX says otherwise.
const hubTraceMax = 20

// TestHubTrace is a tool for the study of hubs, the events that swallow
// many happenings. It replays a capture (STORYLINE_HUBTRACE=FILE.jsonl,
// written by TestCapture or TestCaptureFile; skipped without one), and
// fails when an event ends up holding more than hubTraceMax gold events
// (STORYLINE_HUBTRACE_MAX=N to change it) or when the merges Assign
// reported do not account for every article of an event. For the five
// events holding the most gold events it logs (go test -v) how each of
// their members joined: opening, by copy, by similarity (with the
// candidate's figures), or by a merge; and the centroid's heaviest
// terms.
func TestHubTrace(t *testing.T) {
	path := os.Getenv("STORYLINE_HUBTRACE")
	if path == "" {
		t.Skip("set STORYLINE_HUBTRACE=capture.jsonl (and STORYLINE_HUBTRACE_MAX=N) to trace the hubs of a capture")
	}
	limit := hubTraceMax
	if s := os.Getenv("STORYLINE_HUBTRACE_MAX"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("STORYLINE_HUBTRACE_MAX: %v", err)
		}
		limit = n
	}
	cs := readCaptured(t, path)
	c := New(Options{NoState: true})
	var dbg []string
	c.debug = func(s string) { dbg = append(dbg, s) }
	type join struct {
		kind             string
		size             int
		line             string
		wrong            bool
		gold, ev, chosen string
	}
	byNode := map[*node][]join{}
	ids := map[string]*node{}
	wcHist := map[[4]int]int{}
	defer func() {
		for cyr := range 2 {
			for sz := range 2 {
				for b := range 7 {
					t.Logf("WC cyr %d big %d bucket %d right %d wrong %d", cyr, sz, b, wcHist[[4]int{cyr, sz, b, 0}], wcHist[[4]int{cyr, sz, b, 1}])
				}
			}
		}
	}()
	golds := map[*node]map[string]int{}
	for i := range cs {
		a := &cs[i].Article
		dbg = dbg[:0]
		dense := c.dense()
		as, merges, err := c.Assign(context.Background(), a, cs[i].Copies)
		if err != nil {
			t.Fatal(err)
		}
		gold := cs[i].Gold
		ev := c.articleEvent[a.ID]
		j := join{gold: gold, ev: as.Event}
		j.chosen = fmt.Sprintf("%s %q terms %v", a.ID, a.Title, as.Why.Terms)
		switch {
		case as.Why.NewEvent:
			j.kind = "new"
		case len(as.Why.Copies) > 0:
			j.kind = "copy"
		default:
			j.kind = "sim"
		}
		if dense {
			j.kind += "/dense"
		}
		for _, l := range dbg {
			if strings.HasPrefix(l, "   cand ") {
				j.line = l
				break
			}
		}
		// merges
		for _, m := range merges {
			if m.Level != "event" {
				continue
			}
			from := ids[m.From]
			if from == nil {
				continue
			}
			into := from.live()
			gi, gf := golds[into], golds[from]
			shared := 0
			for g := range gf {
				if gi[g] > 0 {
					shared++
				}
			}
			byNode[into] = append(byNode[into], join{kind: fmt.Sprintf("merge(from size %d, %d golds, %d shared)", from.size, len(gf), shared), size: into.size, wrong: shared == 0})
			if gi == nil {
				gi = map[string]int{}
				golds[into] = gi
			}
			for g, k := range gf {
				gi[g] += k
			}
			byNode[into] = append(byNode[into], byNode[from]...)
			delete(golds, from)
			delete(byNode, from)
		}
		if as.Why.NewEvent {
			ids[as.Event] = ev
		}
		g := golds[ev]
		if g == nil {
			g = map[string]int{}
			golds[ev] = g
		}
		j.wrong = len(g) > 0 && g[gold] == 0
		if strings.HasPrefix(j.kind, "sim") && j.line != "" && strings.Contains(j.line, "cand "+as.Event+" ") {
			var wc float64
			if k := strings.Index(j.line, "wordCos "); k >= 0 {
				fmt.Sscanf(j.line[k+8:], "%g", &wc)
			}
			b := 0
			for _, x := range []float64{0.05, 0.1, 0.15, 0.2, 0.3, 0.5} {
				if wc >= x {
					b++
				}
			}
			sz := 0
			if ev.size >= 8 {
				sz = 1
			}
			cyr := 0
			if c.Prepare(a).cyrillic {
				cyr = 1
			}
			k := [4]int{cyr, sz, b, 0}
			if j.wrong {
				k[3] = 1
			}
			wcHist[k]++
		}
		j.size = ev.size - 1
		g[gold]++
		byNode[ev] = append(byNode[ev], j)
	}
	type hub struct {
		n     *node
		golds int
	}
	var hubs []hub
	for n, g := range golds {
		if n.dead() {
			continue
		}
		hubs = append(hubs, hub{n, len(g)})
	}
	sort.Slice(hubs, func(i, j int) bool { return hubs[i].golds > hubs[j].golds })
	for n, g := range golds {
		if n.dead() {
			continue
		}
		sum := 0
		for _, k := range g {
			sum += k
		}
		if sum != n.size {
			t.Errorf("event %s holds %d articles; its own and the merges Assign reported account for %d", n.id, n.size, sum)
		}
	}
	if len(hubs) > 0 && hubs[0].golds > limit {
		t.Errorf("event %s holds %d gold events, want at most %d", hubs[0].n.id, hubs[0].golds, limit)
	}
	for _, h := range hubs[:min(5, len(hubs))] {
		t.Logf("HUB %s size %d golds %d", h.n.id, h.n.size, h.golds)
		kinds := map[string][2]int{}
		for _, j := range byNode[h.n] {
			k := j.kind
			if strings.HasPrefix(k, "merge") {
				k = "merge"
			}
			x := kinds[k]
			x[0]++
			if j.wrong {
				x[1]++
			}
			kinds[k] = x
		}
		t.Logf("  joins (total, into an event holding none of the article's gold): %v", kinds)
		shown := 0
		for _, j := range byNode[h.n] {
			if j.wrong && shown < 40 {
				shown++
				t.Logf("  WRONG %s size %d gold %s %s\n      %s", j.kind, j.size, j.gold, j.chosen, j.line)
			}
		}
		// the centroid's heaviest terms
		ids := centroidTerms(h.n)
		var terms []string
		for _, id := range ids[:min(30, len(ids))] {
			terms = append(terms, c.lex.term(id))
		}
		t.Logf("  centroid: %v", terms)
		t.Logf("  names %d mains %d persons %d", len(h.n.names), len(h.n.mains), len(h.n.persons))
	}
}
