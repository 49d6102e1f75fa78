package quotes

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/zeebo/xxh3"

	storyline "github.com/storyline-news/storyline"
)

// The grouper's state is a log of blocks: each call to Pending writes the
// statements created or changed since the last one as one value (or a few,
// of at most blockMax statements) under "b/" and a block number in 16
// zero-padded hex digits, so keys arrive in sorted order and the store
// appends. A block value is a JSON array: first tombstones
// ({"id":…,"forgotten":true}) of statements forgotten, then the full names
// learned ({"name":surname,"full":…}), then statement records. Load reads
// the blocks in order, a later entry for an id or a surname overriding an
// earlier one, so a statement's record is the last one written, and a
// tombstone hides the records before it.
//
// An entry is live while it decides what Load sees: a record or a name
// while it is the latest for its statement or surname, a tombstone while
// an older record of its id is stored. A block less than half alive, or
// with more dead records than live records and names, has its live
// entries rewritten into the new block and is deleted. So dead records
// are at most the live records and names, live tombstones (each hiding a
// dead record) too, and dead tombstones at most the live entries: the
// stored entries stay under five times the statements remembered (at
// most MaxStatements) and the surnames known, however long the stream.
// The old layout, one key per statement under "s/" and per surname under
// "n/", is read by Load and rewritten as blocks by the next Pending.

// blockMax is the most statements one block value holds.
const blockMax = 512

// blockKeyPrefix and legacyKeyPrefix prefix a block's key and, in the
// old layout, a statement's.
const (
	blockKeyPrefix  = "b/"
	legacyKeyPrefix = "s/"
	legacyNamesKey  = "n/"
)

// block is what the grouper knows of one stored block.
type block struct {
	n     int      // entries it holds
	live  int      // entries still live
	recs  int      // records and names it holds
	lrecs int      // records and names still live
	ids   []string // the statements it holds records of
	tombs []string // the statements it holds tombstones of
	names []string // the surnames it holds names of
}

// blocks is the grouper's bookkeeping of its stored state.
type blocks struct {
	stored  map[uint64]*block
	last    uint64            // the highest block number used
	records map[string]int    // stored records by statement id, live or not
	tombAt  map[string]uint64 // the block of each live tombstone
	nameAt  map[string]uint64 // the block of each surname's latest name
	dropped []string          // statements forgotten since Pending
	check   map[uint64]bool   // blocks that lost live entries since Pending
	legacy  []string          // old-layout keys still to delete
}

// blockKey is the key of block n.
func blockKey(n uint64) string {
	var b [16]byte
	s := strconv.AppendUint(b[:0], n, 16)
	return blockKeyPrefix + strings.Repeat("0", 16-len(s)) + string(s)
}

// initBlocks makes the bookkeeping's maps.
func (g *Grouper) initBlocks() {
	if g.stored == nil {
		g.stored, g.records, g.check = map[uint64]*block{}, map[string]int{}, map[uint64]bool{}
		g.tombAt, g.nameAt = map[string]uint64{}, map[string]uint64{}
	}
}

// drop notes that the statement id, st, has been forgotten, so that the
// next Pending neither writes nor keeps it.
func (g *Grouper) drop(id string, st *statement) {
	if g.dirty[id] == st {
		delete(g.dirty, id)
	}
	if st != nil && st.blk != 0 {
		g.release(st.blk)
		st.blk = 0
	}
	g.dropped = append(g.dropped, id)
}

// release marks one record or name of block n dead.
func (g *Grouper) release(n uint64) {
	if b := g.stored[n]; b != nil {
		b.live--
		b.lrecs--
		g.check[n] = true
	}
}

// releaseTomb marks one tombstone of block n dead.
func (g *Grouper) releaseTomb(n uint64) {
	if b := g.stored[n]; b != nil {
		b.live--
		g.check[n] = true
	}
}

// liveIn returns the remembered statement id if its latest record is in
// block n.
func (g *Grouper) liveIn(id string, n uint64) *statement {
	if s, ok := g.byID[idKey(id)]; ok {
		if st := g.slots[s].st; st != nil && st.id == id && st.blk == n {
			return st
		}
	}
	return nil
}

// Load restores names and statements from the store, in either layout:
// of the statements, the MaxStatements created last.
func (g *Grouper) Load(ctx context.Context, s storyline.StateStore) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.initBlocks()
	for k, v := range s.ScanState(ctx, g.Stage(), legacyNamesKey) {
		key := strings.TrimPrefix(k, legacyNamesKey)
		g.names[key] = string(v)
		g.dirtyNames[key] = true // rewritten into a block
		g.legacy = append(g.legacy, k)
	}
	type rec struct {
		storedStatement
		blk uint64
	}
	loaded := map[string]*rec{}
	for k, v := range s.ScanState(ctx, g.Stage(), legacyKeyPrefix) {
		r := &rec{}
		if err := json.Unmarshal(v, &r.storedStatement); err != nil {
			return fmt.Errorf("statements: load %s: %w", k, err)
		}
		r.ID = strings.TrimPrefix(k, legacyKeyPrefix)
		loaded[r.ID] = r
		g.legacy = append(g.legacy, k)
	}
	for k, v := range s.ScanState(ctx, g.Stage(), blockKeyPrefix) {
		n, err := strconv.ParseUint(strings.TrimPrefix(k, blockKeyPrefix), 16, 64)
		if err != nil || n == 0 {
			return fmt.Errorf("statements: load %s: bad block key", k)
		}
		var entries []storedStatement
		if err := json.Unmarshal(v, &entries); err != nil {
			return fmt.Errorf("statements: load %s: %w", k, err)
		}
		b := &block{n: len(entries)}
		g.stored[n] = b
		g.last = max(g.last, n)
		for _, e := range entries {
			if e.Name != "" {
				b.names = append(b.names, e.Name)
				g.names[e.Name] = e.Full
				g.nameAt[e.Name] = n
				delete(g.dirtyNames, e.Name) // the old layout's is older
				continue
			}
			if e.Forgotten {
				b.tombs = append(b.tombs, e.ID)
				delete(loaded, e.ID)
				g.tombAt[e.ID] = n
				continue
			}
			b.ids = append(b.ids, e.ID)
			g.records[e.ID]++
			delete(g.tombAt, e.ID)
			loaded[e.ID] = &rec{storedStatement: e, blk: n}
		}
		b.recs = len(b.ids) + len(b.names)
	}
	for _, n := range g.nameAt {
		g.stored[n].live++
		g.stored[n].lrecs++
	}
	for id, n := range g.tombAt {
		if g.records[id] > 0 {
			g.stored[n].live++
		} else {
			delete(g.tombAt, id)
		}
	}
	ids := make([]string, 0, len(loaded))
	for id := range loaded {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := loaded[ids[i]], loaded[ids[j]]
		return a.Seq < b.Seq || a.Seq == b.Seq && ids[i] < ids[j]
	})
	if len(ids) > g.opts.MaxStatements {
		for _, id := range ids[:len(ids)-g.opts.MaxStatements] {
			if loaded[id].blk != 0 {
				g.dropped = append(g.dropped, id) // tombstoned by Pending
			}
		}
		ids = ids[len(ids)-g.opts.MaxStatements:]
	}
	for _, id := range ids {
		ld := loaded[id]
		st := &statement{id: id, speaker: ld.Speaker, first: ld.First, seq: ld.Seq, blk: ld.blk}
		words := make([][]uint64, len(ld.Wordings))
		for i, w := range ld.Wordings {
			words[i] = hashStems(w)
			st.wordings = append(st.wordings, string(appendJSONStrings(nil, w)))
		}
		g.add(id, st, xxh3.HashString(st.speaker), words)
		g.seq = max(g.seq, st.seq)
		if b := g.stored[st.blk]; b != nil {
			b.live++
			b.lrecs++
		} else {
			g.dirty[id] = st // old layout: rewritten into a block
		}
	}
	for n := range g.stored {
		g.check[n] = true // entries hidden or past MaxStatements are dead
	}
	return ctx.Err()
}

// Pending returns the state changed since the last call: new blocks of the
// statements created or changed, of tombstones of those forgotten and of
// the names learned, and deletions (nil values) of the blocks left sparse
// and of old-layout keys.
func (g *Grouper) Pending() map[string][]byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.initBlocks()
	out := make(map[string][]byte, 1+len(g.dirtyNames)+len(g.legacy))
	write := make([]*statement, 0, len(g.dirty))
	for _, st := range g.dirty {
		if st.blk != 0 {
			g.release(st.blk)
			st.blk = 0
		}
		write = append(write, st)
	}
	tombs := map[string]bool{}
	for _, id := range g.dropped {
		if g.dirty[id] == nil && g.records[id] > 0 {
			if _, ok := g.tombAt[id]; !ok {
				tombs[id] = true
			}
		}
	}
	g.dropped = g.dropped[:0]
	for key := range g.dirtyNames {
		if n, ok := g.nameAt[key]; ok {
			g.release(n)
			delete(g.nameAt, key)
		}
	}
	for _, st := range write {
		g.records[st.id]++
		if n, ok := g.tombAt[st.id]; ok {
			g.releaseTomb(n) // the new record hides the old ones
			delete(g.tombAt, st.id)
		}
	}
	for len(g.check) > 0 {
		for _, n := range slices.Sorted(maps.Keys(g.check)) {
			delete(g.check, n)
			b := g.stored[n]
			if b == nil || 2*b.live >= b.n && b.recs-b.lrecs <= b.lrecs {
				continue
			}
			delete(g.stored, n)
			out[blockKey(n)] = nil
			for _, key := range b.names {
				if g.nameAt[key] == n {
					delete(g.nameAt, key)
					g.dirtyNames[key] = true // still the latest: moves on
				}
			}
			for _, id := range b.tombs {
				if g.tombAt[id] == n {
					delete(g.tombAt, id)
					tombs[id] = true // still hides older records: moves on
				}
			}
			for _, id := range b.ids {
				if st := g.liveIn(id, n); st != nil {
					st.blk = 0
					write = append(write, st) // still its latest: moves on
					g.records[id]++
				}
				if g.records[id]--; g.records[id] > 0 {
					continue
				}
				delete(g.records, id)
				delete(tombs, id) // nothing left to hide
				if t, ok := g.tombAt[id]; ok {
					delete(g.tombAt, id)
					g.releaseTomb(t)
				}
			}
		}
	}
	sort.Slice(write, func(i, j int) bool {
		a, b := write[i], write[j]
		return a.seq < b.seq || a.seq == b.seq && a.id < b.id
	})
	dead := slices.Sorted(maps.Keys(tombs))
	names := slices.Sorted(maps.Keys(g.dirtyNames))
	for len(write) > 0 || len(dead) > 0 || len(names) > 0 {
		chunk := write[:min(len(write), blockMax)]
		write = write[len(chunk):]
		g.last++
		size := len(dead) + len(names) + len(chunk)
		b := &block{n: size, live: size, recs: len(names) + len(chunk), lrecs: len(names) + len(chunk), tombs: dead, names: names}
		g.stored[g.last] = b
		v := []byte{'['}
		for _, id := range dead {
			if len(v) > 1 {
				v = append(v, ',')
			}
			v = append(v, `{"id":`...)
			v = appendJSONString(v, id)
			v = append(v, `,"forgotten":true}`...)
			g.tombAt[id] = g.last
		}
		for _, key := range names {
			if len(v) > 1 {
				v = append(v, ',')
			}
			v = append(v, `{"name":`...)
			v = appendJSONString(v, key)
			v = append(v, `,"full":`...)
			v = appendJSONString(v, g.names[key])
			v = append(v, '}')
			g.nameAt[key] = g.last
		}
		dead, names = nil, nil
		for _, st := range chunk {
			if len(v) > 1 {
				v = append(v, ',')
			}
			st.blk = g.last
			b.ids = append(b.ids, st.id)
			v = st.appendJSON(v)
		}
		out[blockKey(g.last)] = append(v, ']')
	}
	for _, k := range g.legacy {
		out[k] = nil
	}
	g.legacy = nil
	clear(g.dirty)
	clear(g.dirtyNames)
	return out
}
