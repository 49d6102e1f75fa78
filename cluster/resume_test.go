package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
)

// TestStateReloadExact saves a clusterer's state batch by batch, as the
// pipeline commits it, and loads it into a new clusterer at several
// points of a stream: what the new one holds must be what the first one
// held, figure for figure (document frequencies, the counts of names and
// the order terms arrived in, the counters, the stream's rate, centroids
// and their norms), so that a run resumed after a crash scores every
// candidate as a run that never stopped.
//
// The candidate index is not part of the state: Load rebuilds it from
// the centroids, without the postings a running clusterer keeps under
// terms its centroids have since pruned, so that candidates may be
// ranked otherwise after a reload (see TestResumeAfterFailure in package
// pipeline); on this stream that changes no assignment.
func TestStateReloadExact(t *testing.T) {
	ctx := context.Background()
	arts := synthStream(900, 11)
	const batch = 64
	for _, at := range []int{batch, 3 * batch, 7*batch + 17, 13 * batch} {
		t.Run(fmt.Sprint("at ", at), func(t *testing.T) {
			st := memState{}
			c := New(Options{})
			for i, a := range arts[:at] {
				assign(t, c, a)
				if (i+1)%batch == 0 || i+1 == at {
					st.apply(c.Stage(), c.Pending())
				}
			}
			d := New(Options{})
			if err := d.Load(ctx, st); err != nil {
				t.Fatal(err)
			}
			if c.docs != d.docs || c.dfSavedAt != d.dfSavedAt || c.sinceSweep != d.sinceSweep || c.rate != d.rate || !c.clock.Equal(d.clock) {
				t.Errorf("counters: docs %d/%d saved at %d/%d, since sweep %d/%d, rate %+v/%+v, clock %v/%v",
					c.docs, d.docs, c.dfSavedAt, d.dfSavedAt, c.sinceSweep, d.sinceSweep, c.rate, d.rate, c.clock, d.clock)
			}
			for id, s := range c.stat {
				if s.df == 0 {
					continue
				}
				term := c.lex.term(uint32(id))
				r := d.stat[d.lex.id(term)]
				if s.df != r.df || s.nameDF != r.nameDF || s.seen != r.seen {
					t.Fatalf("term %q: df %d/%d, as a name %d/%d, seen at %d/%d", term, s.df, r.df, s.nameDF, r.nameDF, s.seen, r.seen)
				}
			}
			for id, n := range c.events {
				m := d.events[id]
				if m == nil {
					t.Fatalf("event %s not loaded", id)
				}
				if n.cent.norm2 != m.cent.norm2 || n.keys.norm2 != m.keys.norm2 {
					t.Fatalf("event %s: norm %v/%v, of keys %v/%v", id, n.cent.norm2, m.cent.norm2, n.keys.norm2, m.keys.norm2)
				}
				for i, w := range n.cent.ws {
					if m.cent.ws[i] != w || c.lex.term(n.cent.ids[i]) != d.lex.term(m.cent.ids[i]) {
						t.Fatalf("event %s, term %d: %q %v, loaded %q %v", id, i, c.lex.term(n.cent.ids[i]), w, d.lex.term(m.cent.ids[i]), m.cent.ws[i])
					}
				}
			}
			if len(d.Pending()) != 0 {
				t.Error("a loaded clusterer has state pending")
			}
			for _, a := range arts[at:] {
				w, _ := assign(t, c, a)
				g, _ := assign(t, d, a)
				if w.Event != g.Event || w.Story != g.Story {
					t.Fatalf("%s: %s/%s in the run never stopped, %s/%s resumed", a.ID, w.Event, w.Story, g.Event, g.Story)
				}
			}
		})
	}
}

// TestTermRecordOld reads document frequencies as stores written before
// names and arrivals were kept hold them.
func TestTermRecordOld(t *testing.T) {
	var m map[string]termRecord
	if err := json.Unmarshal([]byte(`{"a":7,"b":[3,2,9]}`), &m); err != nil {
		t.Fatal(err)
	}
	if m["a"] != (termRecord{7, 0, 0}) || m["b"] != (termRecord{3, 2, 9}) {
		t.Fatalf("got %v", m)
	}
}
