package quotes

import (
	"cmp"
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
	n     int // entries it holds
	live  int // entries still live
	recs  int // records and names it holds
	lrecs int // records and names still live
	// stmts are the statements it holds records of, and tombs those it
	// holds tombstones of: a record is live while its statement's blk is
	// this block's number, a tombstone while its tomb is, which a look at
	// the statement tells, with no lookup by id.
	stmts []*statement
	tombs []*statement
	names []string // the surnames it holds names of
}

// blocks is the grouper's bookkeeping of its stored state.
type blocks struct {
	stored  map[uint64]*block
	last    uint64            // the highest block number used
	nameAt  map[string]uint64 // the block of each surname's latest name
	dropped []*statement      // statements forgotten since Pending
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
		g.stored, g.check, g.nameAt = map[uint64]*block{}, map[uint64]bool{}, map[string]uint64{}
	}
}

// drop notes that the statement st has been forgotten, so that the next
// Pending neither writes nor keeps it.
func (g *Grouper) drop(st *statement) {
	st.dirty = false
	if st.blk != 0 {
		g.release(st.blk)
		st.blk = 0
	}
	g.dropped = append(g.dropped, st)
	// what is stored of it needs its id, blk, records and tomb only
	st.speaker, st.wordings, st.first = "", nil, ""
	g.settle(st)
}

// settle lets go of a forgotten statement of which nothing is stored.
func (g *Grouper) settle(st *statement) {
	if st.slot < 0 && st.records == 0 && st.tomb == 0 && g.ids[st.idk] == st {
		delete(g.ids, st.idk)
	}
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
	// objs holds each id's one statement, that every block's record of
	// it points to; those not remembered keep blk 0: their records are
	// dead
	obj := func(id string) *statement {
		k := idKey(id)
		st := g.ids[k]
		if st == nil {
			st = &statement{id: id, idk: k, slot: -1}
			g.ids[k] = st
		}
		return st
	}
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
			st := obj(e.ID)
			if e.Forgotten {
				b.tombs = append(b.tombs, st)
				delete(loaded, e.ID)
				st.tomb = n
				continue
			}
			b.stmts = append(b.stmts, st)
			st.records++
			st.tomb = 0
			loaded[e.ID] = &rec{storedStatement: e, blk: n}
		}
		b.recs = len(b.stmts) + len(b.names)
	}
	for _, n := range g.nameAt {
		g.stored[n].live++
		g.stored[n].lrecs++
	}
	for _, st := range g.ids {
		if st.tomb != 0 && st.records > 0 {
			g.stored[st.tomb].live++
		} else {
			st.tomb = 0
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
				g.dropped = append(g.dropped, obj(id)) // tombstoned by Pending
			}
		}
		ids = ids[len(ids)-g.opts.MaxStatements:]
	}
	for _, id := range ids {
		ld := loaded[id]
		st := obj(id)
		st.speaker, st.first, st.seq, st.blk = ld.Speaker, ld.First, ld.Seq, ld.blk
		words := make([][]uint64, len(ld.Wordings))
		for i, w := range ld.Wordings {
			words[i] = hashStems(w)
			st.wordings = append(st.wordings, string(appendJSONStrings(nil, w)))
		}
		g.add(st, xxh3.HashString(st.speaker), words)
		g.seq = max(g.seq, st.seq)
		if b := g.stored[st.blk]; b != nil {
			b.live++
			b.lrecs++
		} else {
			g.markDirty(st) // old layout: rewritten into a block
		}
	}
	for _, st := range g.ids {
		g.settle(st)
	}
	for n := range g.stored {
		g.check[n] = true // entries hidden or past MaxStatements are dead
	}
	return ctx.Err()
}

// Pending returns the state changed since the last call: new blocks of the
// statements created or changed, of tombstones of those forgotten and of
// the names learned, and deletions (nil values) of the blocks left sparse
// and of old-layout keys. Its cost is that of the statements and names
// changed and forgotten since the last call, and of the blocks they leave
// sparse, whose live entries move on: each entry moved was stored once
// for at least one that died.
func (g *Grouper) Pending() map[string][]byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.initBlocks()
	out := make(map[string][]byte, 1+len(g.dirtyNames)+len(g.legacy))
	tombs := map[*statement]bool{}
	for _, st := range g.dropped {
		// unless made anew since, to be written
		if st.records > 0 && !st.dirty && st.tomb == 0 {
			tombs[st] = true
		}
	}
	clear(g.dropped)
	g.dropped = g.dropped[:0]
	write := make([]*statement, 0, len(g.dirty))
	for _, st := range g.dirty {
		if !st.dirty {
			continue // forgotten since
		}
		st.dirty = false
		if st.blk != 0 {
			g.release(st.blk)
			st.blk = 0
		}
		write = append(write, st)
	}
	clear(g.dirty)
	g.dirty = g.dirty[:0]
	for key := range g.dirtyNames {
		if n, ok := g.nameAt[key]; ok {
			g.release(n)
			delete(g.nameAt, key)
		}
	}
	for _, st := range write {
		st.records++
		if st.tomb != 0 {
			g.releaseTomb(st.tomb) // the new record hides the old ones
			st.tomb = 0
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
			for _, st := range b.tombs {
				if st.tomb == n {
					st.tomb = 0
					tombs[st] = true // still hides older records: moves on
				}
			}
			for _, st := range b.stmts {
				if st.blk == n {
					// still its latest: moves on, one record of it
					// leaving and one coming
					st.blk = 0
					write = append(write, st)
					continue
				}
				if st.records--; st.records > 0 {
					continue
				}
				delete(tombs, st) // nothing left to hide
				if st.tomb != 0 {
					g.releaseTomb(st.tomb)
					st.tomb = 0
				}
				g.settle(st)
			}
		}
	}
	slices.SortFunc(write, func(a, b *statement) int {
		if c := cmp.Compare(a.seq, b.seq); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	dead := slices.Collect(maps.Keys(tombs))
	slices.SortFunc(dead, func(a, b *statement) int { return strings.Compare(a.id, b.id) })
	names := slices.Sorted(maps.Keys(g.dirtyNames))
	for len(write) > 0 || len(dead) > 0 || len(names) > 0 {
		chunk := write[:min(len(write), blockMax)]
		write = write[len(chunk):]
		g.last++
		size := len(dead) + len(names) + len(chunk)
		b := &block{n: size, live: size, recs: len(names) + len(chunk), lrecs: len(names) + len(chunk),
			stmts: slices.Clone(chunk), tombs: dead, names: names}
		g.stored[g.last] = b
		v := make([]byte, 1, 2+g.blockSize(dead, names, chunk))
		v[0] = '['
		for _, st := range dead {
			if len(v) > 1 {
				v = append(v, ',')
			}
			v = append(v, `{"id":`...)
			v = appendJSONString(v, st.id)
			v = append(v, `,"forgotten":true}`...)
			st.tomb = g.last
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
			v = st.appendJSON(v)
		}
		out[blockKey(g.last)] = append(v, ']')
	}
	for _, k := range g.legacy {
		out[k] = nil
	}
	g.legacy = nil
	clear(g.dirtyNames)
	return out
}

// blockSize is about the bytes of a block of the tombstones dead, the
// names and the statements chunk, so that its value is allocated once.
func (g *Grouper) blockSize(dead []*statement, names []string, chunk []*statement) int {
	n := 0
	for _, st := range dead {
		n += len(st.id) + 26
	}
	for _, key := range names {
		n += len(key) + len(g.names[key]) + 24
	}
	for _, st := range chunk {
		n += st.jsonSize()
	}
	return n
}
