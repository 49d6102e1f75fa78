package quotes

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/store/sqlite"
)

// apply commits a Pending result to m as a store does: a nil value deletes.
func (m mapState) apply(kv map[string][]byte) {
	if m["statements"] == nil {
		m["statements"] = map[string][]byte{}
	}
	for k, v := range kv {
		if v == nil {
			delete(m["statements"], k)
		} else {
			m["statements"][k] = v
		}
	}
}

// liveTombs counts the live tombstones g knows of.
func liveTombs(g *Grouper) int {
	n := 0
	for _, st := range g.ids {
		if st.tomb != 0 {
			n++
		}
	}
	return n
}

// remembered returns the statements g keeps for matching, as stored.
func remembered(g *Grouper) map[string]storedStatement {
	out := map[string]storedStatement{}
	for _, sl := range g.slots {
		if sl.st == nil {
			continue
		}
		r := storedStatement{ID: sl.st.id, Speaker: sl.st.speaker, First: sl.st.first, Seq: sl.st.seq}
		for _, w := range sl.st.wordings {
			var ws []string
			if err := json.Unmarshal([]byte(w), &ws); err != nil {
				panic(err)
			}
			r.Wordings = append(r.Wordings, ws)
		}
		out[sl.st.id] = r
	}
	return out
}

// storedRecords returns the statements m stores, as Load reads them (a
// later entry for an id overriding an earlier one), and the number of
// entries, dead ones included.
func storedRecords(t *testing.T, m mapState) (map[string]storedStatement, int) {
	t.Helper()
	out, n := map[string]storedStatement{}, 0
	for k, v := range m.ScanState(t.Context(), "statements", blockKeyPrefix) {
		var recs []storedStatement
		if err := json.Unmarshal(v, &recs); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		n += len(recs)
		for _, r := range recs {
			if r.Name != "" {
				continue
			}
			if r.Forgotten {
				delete(out, r.ID)
			} else {
				out[r.ID] = r
			}
		}
	}
	return out, n
}

// groupStream groups arts articles of the generated stream with g,
// committing Pending to m every `every` articles, and returns the stream
// to go on with.
func groupStream(t *testing.T, g *Grouper, m mapState, src *quoteStream, arts, every int) {
	t.Helper()
	for i := range arts {
		qs := src.next()
		g.Prepare(qs)
		if err := g.Group(t.Context(), qs); err != nil {
			t.Fatal(err)
		}
		if (i+1)%every == 0 {
			m.apply(g.Pending())
		}
	}
	m.apply(g.Pending())
}

// checkBookkeeping checks what g knows of its stored state m right after
// Pending against m: each id's count of stored records and its live
// tombstone, and that it keeps only the statements remembered and those
// with something stored.
func checkBookkeeping(t *testing.T, g *Grouper, m mapState) {
	t.Helper()
	records, tombs := map[string]int32{}, map[string]uint64{}
	for k, v := range m["statements"] {
		if !strings.HasPrefix(k, blockKeyPrefix) {
			continue
		}
		n, err := strconv.ParseUint(strings.TrimPrefix(k, blockKeyPrefix), 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		var entries []storedStatement
		if err := json.Unmarshal(v, &entries); err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			switch {
			case e.Name != "":
			case e.Forgotten:
				tombs[e.ID] = max(tombs[e.ID], n)
			default:
				records[e.ID]++
			}
		}
	}
	for id, n := range records {
		st := g.ids[idKey(id)]
		if st == nil || st.id != id || st.records != n {
			t.Errorf("%s: %d records stored, the grouper knows %v", id, n, st)
		}
	}
	for _, st := range g.ids {
		// a tombstone may outlive the records it hid, dead, until its
		// block goes; a live one is stored where the grouper knows
		if st.tomb != 0 && (tombs[st.id] != st.tomb || records[st.id] == 0) {
			t.Errorf("%s: live tombstone in block %d, stored in %d, %d records", st.id, st.tomb, tombs[st.id], records[st.id])
		}
		if st.tomb == 0 && st.slot < 0 && records[st.id] > 0 && tombs[st.id] == 0 {
			t.Errorf("%s: forgotten, %d records stored and no tombstone", st.id, records[st.id])
		}
		if st.slot < 0 && records[st.id] == 0 {
			t.Errorf("%s: neither remembered nor stored, still kept", st.id)
		}
		if st.slot >= 0 && g.slots[st.slot].st != st {
			t.Errorf("%s: not in its slot %d", st.id, st.slot)
		}
	}
}

func sameStatements(t *testing.T, what string, got, want map[string]storedStatement) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d statements, want %d", what, len(got), len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("%s: statement %s missing", what, id)
			continue
		}
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if string(gj) != string(wj) {
			t.Errorf("%s: statement %s is %s, want %s", what, id, gj, wj)
		}
	}
}

// TestStateBounded: the stored state holds exactly the statements the
// grouper remembers, forgotten ones deleted, in under twice as many
// records however long the stream; and it loads back to them.
func TestStateBounded(t *testing.T) {
	for _, tc := range []struct {
		name          string
		maxStatements int
		every         int
	}{
		{"forgetting", 300, 7},
		{"forgetting-per-article", 300, 1},
		{"remembering-all", 100_000, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(GrouperOptions{MaxStatements: tc.maxStatements})
			m := mapState{}
			groupStream(t, g, m, newQuoteStream(), 3000, tc.every)
			checkBookkeeping(t, g, m)
			recs, n := storedRecords(t, m)
			mem := remembered(g)
			sameStatements(t, "stored", recs, mem)
			// under twice the live entries: the records remembered and
			// the tombstones still hiding older records
			if live := len(mem) + liveTombs(g) + len(g.names); n > 2*live {
				t.Errorf("%d entries stored for %d statements, %d tombstones and %d names, want at most twice",
					n, len(mem), liveTombs(g), len(g.names))
			}
			if n > 5*(len(mem)+len(g.names)) {
				t.Errorf("%d entries stored for %d statements and %d names, want at most five times", n, len(mem), len(g.names))
			}
			t.Logf("%d entries for %d statements, %d live tombstones, %d names, %d blocks",
				n, len(mem), liveTombs(g), len(g.names), len(g.stored))
			for k := range m["statements"] {
				if !strings.HasPrefix(k, blockKeyPrefix) && !strings.HasPrefix(k, "n/") {
					t.Errorf("unexpected key %q", k)
				}
			}
			g2 := NewGrouper(GrouperOptions{MaxStatements: tc.maxStatements})
			if err := g2.Load(t.Context(), m); err != nil {
				t.Fatal(err)
			}
			sameStatements(t, "loaded", remembered(g2), mem)
			if !maps.Equal(g2.names, g.names) {
				t.Errorf("names not loaded back")
			}
			// both go on alike, and the state stays bounded
			src := newQuoteStream()
			for range 3000 {
				src.next()
			}
			m2 := mapState{"statements": maps.Clone(m["statements"])}
			groupStream(t, g2, m2, src, 500, tc.every)
			checkBookkeeping(t, g2, m2)
			recs2, n2 := storedRecords(t, m2)
			sameStatements(t, "stored after going on", recs2, remembered(g2))
			if n2 > 2*(len(recs2)+liveTombs(g2)+len(g2.names)) {
				t.Errorf("after Load: %d entries stored for %d statements and %d tombstones", n2, len(recs2), liveTombs(g2))
			}
		})
	}
}

// TestStateUpgrade: state in the old layout (one "s/" key per statement,
// forgotten ones kept) loads to the same statements, and the next Pending
// rewrites it as blocks and deletes the old keys.
func TestStateUpgrade(t *testing.T) {
	g := NewGrouper(GrouperOptions{MaxStatements: 300})
	src := newQuoteStream()
	old := map[string][]byte{}
	for range 2000 {
		qs := src.next()
		g.Prepare(qs)
		if err := g.Group(t.Context(), qs); err != nil {
			t.Fatal(err)
		}
		// the old Pending: every statement created or changed, never deleted
		for _, st := range g.dirty {
			if !st.dirty {
				continue // forgotten since
			}
			st.dirty = false
			legacy := *st
			legacy.id = ""
			old[legacyKeyPrefix+st.id] = legacy.appendJSON(nil)
		}
		for key := range g.dirtyNames {
			old["n/"+key] = []byte(g.names[key])
		}
		g.dirty = nil
		clear(g.dirtyNames)
	}
	g.dropped = nil
	if len(old) <= 300 {
		t.Fatalf("only %d old keys: the stream forgot nothing", len(old))
	}
	m := mapState{"statements": old}
	g2 := NewGrouper(GrouperOptions{MaxStatements: 300})
	if err := g2.Load(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	// the old Load kept the 300 created last, which a grouper forgetting
	// the least recently matched need not remember: compare with those
	byNew := remembered(g2)
	for id, r := range byNew {
		var want storedStatement
		if err := json.Unmarshal(old[legacyKeyPrefix+id], &want); err != nil {
			t.Fatal(err)
		}
		want.ID = id
		sameStatements(t, "loaded "+id, map[string]storedStatement{id: r}, map[string]storedStatement{id: want})
	}
	if len(byNew) != 300 {
		t.Errorf("%d statements loaded, want 300", len(byNew))
	}
	m.apply(g2.Pending())
	for k := range m["statements"] {
		if strings.HasPrefix(k, legacyKeyPrefix) {
			t.Fatalf("old key %q left after Pending", k)
		}
	}
	recs, n := storedRecords(t, m)
	sameStatements(t, "rewritten", recs, byNew)
	if n != len(recs)+len(g2.names) {
		t.Errorf("%d records for %d statements right after the upgrade", n, len(recs))
	}
	g3 := NewGrouper(GrouperOptions{MaxStatements: 300})
	if err := g3.Load(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	sameStatements(t, "reloaded", remembered(g3), byNew)
}

// TestStateCost logs what the grouper writes per article in the old
// layout and in blocks, without forgetting and past MaxStatements; run
// with -v to see it.
func TestStateCost(t *testing.T) {
	for _, maxStatements := range []int{0, 5000} {
		g := NewGrouper(GrouperOptions{MaxStatements: maxStatements})
		src := newQuoteStream()
		const arts, every = 6000, 64
		var oldRows, oldBytes, newRows, newBytes, deletes int
		for i := range arts {
			qs := src.next()
			g.Prepare(qs)
			if err := g.Group(t.Context(), qs); err != nil {
				t.Fatal(err)
			}
			if (i+1)%every != 0 && i+1 != arts {
				continue
			}
			for _, st := range g.dirty {
				if !st.dirty {
					continue // forgotten since
				}
				legacy := *st
				legacy.id = ""
				oldRows++
				oldBytes += len(legacyKeyPrefix+st.id) + len(legacy.appendJSON(nil))
			}
			for key := range g.dirtyNames {
				oldRows++
				oldBytes += len("n/"+key) + len(g.names[key])
			}
			for k, v := range g.Pending() {
				if v == nil {
					deletes++
					continue
				}
				newRows++
				newBytes += len(k) + len(v)
			}
		}
		t.Logf("MaxStatements %d, %d statements seen, Pending every %d articles, per article: old layout %.2f rows %.0f bytes; blocks %.2f rows %.0f bytes, %.3f deletes; %d blocks stored",
			g.opts.MaxStatements, g.seq, every, float64(oldRows)/arts, float64(oldBytes)/arts, float64(newRows)/arts, float64(newBytes)/arts, float64(deletes)/arts, len(g.stored))
	}
}

// TestStateInStores: the state round-trips through the real stores, whose
// Commit applies a nil value as a deletion.
func TestStateInStores(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		name  string
		store storyline.Store
	}{
		{"memory", memory.New(memory.Options{})},
		{"sqlite", db},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(GrouperOptions{MaxStatements: 200})
			src := newQuoteStream()
			for i := range 1500 {
				qs := src.next()
				g.Prepare(qs)
				if err := g.Group(t.Context(), qs); err != nil {
					t.Fatal(err)
				}
				if i%10 == 9 {
					b := storyline.Batch{State: map[string]map[string][]byte{g.Stage(): g.Pending()}}
					if _, err := tc.store.Commit(t.Context(), b); err != nil {
						t.Fatal(err)
					}
				}
			}
			keys := 0
			for range tc.store.ScanState(t.Context(), g.Stage(), "") {
				keys++
			}
			g2 := NewGrouper(GrouperOptions{MaxStatements: 200})
			if err := g2.Load(t.Context(), tc.store); err != nil {
				t.Fatal(err)
			}
			sameStatements(t, "loaded", remembered(g2), remembered(g))
			if !maps.Equal(g2.names, g.names) {
				t.Errorf("names not loaded back")
			}
			if keys != len(g.stored) {
				t.Errorf("%d keys stored for %d blocks", keys, len(g.stored))
			}
		})
	}
}
