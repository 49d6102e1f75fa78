package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// The entity totals (table entities, and the "entities" tally) count the
// articles up to entity_fold.through. A commit does not touch them for
// the articles it adds: most names a reader finds are mentioned by one
// article only, so that a batch's names fell each on a page of its own
// and the totals took most of the pages a commit wrote, more as the store
// grew. The articles after the mark are folded in together once
// enough of them have come (foldAt: foldEvery, more in a large store), a
// page of the totals then taking many names at once, over the commits
// that follow (foldrun.go); the fold reads their entities from the
// articles, so that nothing but entity_fold needs to survive a crash. An
// update or reclean of an article the totals count changes them at once.
//
// Entities and Stats on a store open for writing fold what is pending
// first, and Close folds before it closes, so that the totals are exact
// whenever they are read in the writing process or at rest; a store
// opened read-only while another process writes sees each name's totals
// as of that process's last fold of it (entity_fold tells which).

// defaultFoldEvery is how many articles wait for the entity totals in a
// store of up to 16 times as many: some 250 000 names in memory while a
// fold runs (twice as many in a store of half a million or more).
const defaultFoldEvery = 16384

// foldMark returns entity_fold's row, read once per commit.
func (c *committer) foldMark() (foldState, error) {
	if c.foldLoaded {
		return c.st, nil
	}
	row, err := c.queryRow(`SELECT through, COALESCE(target, through), done_name, done_kind, stamp FROM entity_fold WHERE one = 1`)
	if err != nil {
		return foldState{}, err
	}
	var name, kind sql.NullString
	if err := row.Scan(&c.st.through, &c.st.target, &name, &kind, &c.st.stamp); err != nil {
		return foldState{}, fmt.Errorf("entity fold: %w", err)
	}
	c.st.done, c.st.doneAny = entityKey{name.String, kind.String}, name.Valid
	c.foldLoaded = true
	return c.st, nil
}

// foldStep adds the next slice of a run under way to the totals once its
// reading is done (all of it once the next fold is due), or, when
// c.foldEvery <= 0, folds every pending article at once.
func (c *committer) foldStep(storyline.Batch) error {
	st, err := c.foldMark()
	if err != nil {
		return err
	}
	if c.foldStale {
		if _, err := c.exec(`UPDATE entity_fold SET stamp = stamp + 1 WHERE one = 1`); err != nil {
			return fmt.Errorf("entity fold: %w", err)
		}
		c.st.stamp++
		st = c.st
	}
	row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
	if err != nil {
		return err
	}
	var last int64
	if err := row.Scan(&last); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	if c.foldEvery <= 0 {
		return c.foldAll(st, last)
	}
	r := c.fold
	if r == nil {
		// A reading that cannot start leaves the fold to the
		// transaction, once twice as many articles as make one due wait.
		if last-st.through >= 2*foldAt(c.foldEvery, last) {
			return c.foldAll(st, last)
		}
		return nil
	}
	due := last-r.through >= foldAt(c.foldEvery, last)
	if !due && !r.ready() {
		return nil
	}
	<-r.done
	if r.err != nil {
		if due {
			return c.foldAll(st, last)
		}
		c.nextRun = nil // read again by the next commit
		return nil
	}
	return c.foldSliceStep(st, due)
}

// foldAll folds every article after the mark up to last into the totals:
// what a run under way has left, and the articles after it.
func (c *committer) foldAll(st foldState, last int64) error {
	delta := map[entityKey]*entityTotal{}
	from := st.through
	if r := c.fold; r != nil {
		<-r.done
		if r.err == nil {
			rows, _, _ := r.slice(st, c.foldFix, 0)
			for _, x := range rows {
				addEntity(delta, x.k, x.t.articles, x.t.mentions)
			}
			from = r.through
		}
	}
	if from == st.through && st.target > st.through {
		// A run recorded in entity_fold, not read in this process: the
		// names it added count its articles already.
		run := map[entityKey]*entityTotal{}
		s, err := c.stmt(foldQuery)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, st.through, st.target)
		if err := readFold(rows, err, &folder{delta: run}); err != nil {
			return err
		}
		for k, t := range run {
			if st.after(k) {
				addEntity(delta, k, t.articles, t.mentions)
			}
		}
		from = st.target
	}
	if last > from {
		s, err := c.stmt(foldQuery)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, from, last)
		if err := readFold(rows, err, &folder{delta: delta}); err != nil {
			return err
		}
	}
	for k, t := range c.entityDelta {
		addEntity(delta, k, t.articles, t.mentions)
	}
	c.entityDelta = delta
	if err := c.addEntities(nil); err != nil {
		return err
	}
	through := max(last, from)
	if _, err := c.exec(`UPDATE entity_fold SET through = ?, target = NULL, done_name = NULL, done_kind = NULL
		WHERE one = 1`, through); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c.st = foldState{through: through, target: through, stamp: st.stamp}
	c.foldedAll, c.nextRun = true, nil
	return nil
}

// foldAt returns how many pending articles make a commit fold them into
// the entity totals of a store of last articles: every articles, or a
// sixteenth of the store up to twice as many. A fold writes about every
// page of the totals once they hold fewer pages than the fold has names,
// as they do in a large store: folding more articles at a time writes
// fewer pages per article, for memory that stays bounded (some 50 MB at
// twice 16 384 articles of 14 new names each).
func foldAt(every int, last int64) int64 {
	return max(int64(every), min(last/16, 2*int64(every)))
}

// folder counts articles' entities columns into changes of the entity
// totals (delta) without decoding their mentions or keeping their
// bytes: a fold holds the names of tens of thousands of articles.
type folder struct {
	delta map[entityKey]*entityTotal
	ents  []foldEntity
}

type foldEntity struct {
	k        entityKey
	mentions int
}

// add counts one article's entities column, as countEntities counts its
// decoded entities.
func (f *folder) add(b []byte) error {
	d, isJSON, err := openCodec(b)
	if err != nil {
		return err
	}
	if d == nil {
		if isJSON {
			ents, err := decodeEntities(b)
			if err != nil {
				return err
			}
			countEntities(f.delta, ents, 1)
		}
		return nil
	}
	f.ents = f.ents[:0]
	for range d.count() {
		e := foldEntity{k: entityKey{d.str(), d.str()}}
		// The mentions: their count is the length plus one.
		n := d.uvarint()
		for i := uint64(1); i < n && d.err == nil; i++ {
			d.str()
			d.int()
			d.int()
		}
		e.mentions = max(int(n)-1, 1)
		if d.err != nil {
			break
		}
		f.ents = append(f.ents, e)
	}
	if err := d.finish(); err != nil {
		return err
	}
	for i, e := range f.ents {
		if e.k.name == "" {
			continue
		}
		first := true
		for _, p := range f.ents[:i] {
			if p.k == e.k {
				first = false
				break
			}
		}
		articles := 0
		if first {
			articles = 1
		}
		t := f.delta[e.k]
		if t == nil {
			// A new name is copied out of the column, which it would
			// otherwise keep in memory whole.
			t = &entityTotal{}
			k := entityKey{strings.Clone(e.k.name), internKind(e.k.kind)}
			f.delta[k] = t
		}
		t.articles += articles
		t.mentions += e.mentions
	}
	return nil
}

// internKind returns kind without a copy of its own when it is one of
// the kinds the reader finds.
func internKind(kind string) string {
	for _, k := range []storyline.EntityKind{storyline.Person, storyline.Organization, storyline.Place} {
		if kind == string(k) {
			return string(k)
		}
	}
	return strings.Clone(kind)
}

// foldEntities folds every pending article into the entity totals in a
// transaction of its own, when this store has added articles since it
// last folded or found some pending when it opened: a store that only
// reads never waits for the write lock another process holds.
func (d *DB) foldEntities(ctx context.Context) error {
	if d.w == nil || !d.unfolded.Load() {
		return nil
	}
	d.foldMu.Lock()
	defer d.foldMu.Unlock()
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c := d.newCommitter(ctx, tx)
	c.foldEvery = 0
	c.startFold(0)
	err = errors.Join(c.foldStep(storyline.Batch{}), c.flushTallies(storyline.Batch{}))
	c.closeStmts()
	if err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c.settleFold()
	d.cacheWriteStmts(ctx, c.fresh)
	d.unfolded.Store(false)
	return nil
}

// hasUnfolded reports whether some stored article waits to be folded
// into the entity totals.
func hasUnfolded(ctx context.Context, db *sql.DB) (bool, error) {
	var pending bool
	err := db.QueryRowContext(ctx, `SELECT COALESCE((SELECT MAX(seq) FROM articles), 0) >
		(SELECT through FROM entity_fold WHERE one = 1)`).Scan(&pending)
	if err != nil {
		return false, fmt.Errorf("entity fold: %w", err)
	}
	return pending, nil
}

// foldChunk is how many names one statement of addEntities carries.
const foldChunk = 20000

// Each name of addEntities's statements is a member of a JSON object,
// its value the index of its kind in the statement's list of kinds, its
// articles and its mentions packed into one integer: SQL reads them with
// shifts, not the six JSON extractions a name cost as an array of four
// values (a third of a fold's time).
const (
	foldKinds     = 8       // kinds a statement lists; names of others go through flushEntities
	foldCountBits = 28      // bits of the articles and of the mentions
	foldCountMax  = 1 << 28 // counts at least this large go through flushEntities
)

// addEntities adds the batch's changes of the entity totals, all of them
// increases, as flushEntities does but without a parameter or a result
// row per name: each statement takes a chunk of the names as one JSON
// object (see foldKinds) and counts in SQL how many of them are stored
// already, so that the fold's hundreds of thousands of names cost
// SQLite's work rather than a trip through database/sql each. A name
// that is not valid UTF-8 (which JSON cannot carry) or that comes with
// two kinds (an object's keys are distinct), a kind beyond the first
// foldKinds, counts of foldCountMax or more and any decrease go through
// flushEntities.
//
// sorted, when not nil, is the changes to add, in the totals' order, in
// place of c.entityDelta's: those are dropped, so that the caller
// flushes them first (foldSliceStep).
func (c *committer) addEntities(sorted []entityRow) error {
	if sorted == nil {
		sorted = sortedEntities(c.entityDelta)
	}
	// sorted may be a run's names (foldrun.go), which stay as they are.
	keys := make([]entityRow, 0, len(sorted))
	rest := map[entityKey]*entityTotal{}
	for _, x := range sorted {
		switch k, t := x.k, x.t; {
		case t.articles == 0 && t.mentions == 0:
		case t.articles < 0 || t.mentions < 0 || t.articles >= foldCountMax || t.mentions >= foldCountMax ||
			!utf8.ValidString(k.name) || !utf8.ValidString(k.kind):
			rest[k] = t // left for flushEntities
		default:
			keys = append(keys, x)
		}
	}
	// Names with two kinds, and kinds beyond the first foldKinds, are
	// left out.
	var kinds []string
	kept := make([]entityRow, 0, len(keys))
	for i, x := range keys {
		if (i > 0 && keys[i-1].k.name == x.k.name) || (i+1 < len(keys) && keys[i+1].k.name == x.k.name) {
			rest[x.k] = x.t
			continue
		}
		if !slices.Contains(kinds, x.k.kind) {
			if len(kinds) == foldKinds {
				rest[x.k] = x.t
				continue
			}
			kinds = append(kinds, x.k.kind)
		}
		kept = append(kept, x)
	}
	keys = kept
	kindArgs := make([]any, 0, 1+len(kinds))
	kindArgs = append(kindArgs, nil) // the names, ?1
	for _, k := range kinds {
		kindArgs = append(kindArgs, k)
	}
	var buf []byte
	for chunk := range slices.Chunk(keys, foldChunk) {
		buf = append(buf[:0], '{')
		for i, x := range chunk {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, x.k.name)
			buf = append(buf, ':')
			packed := int64(slices.Index(kinds, x.k.kind))<<(2*foldCountBits) |
				int64(x.t.articles)<<foldCountBits | int64(x.t.mentions)
			buf = strconv.AppendInt(buf, packed, 10)
		}
		buf = append(buf, '}')
		kindArgs[0] = string(buf)
		row, err := c.queryRow(`SELECT COUNT(*) FROM jsonb_each(?1) j WHERE EXISTS (SELECT 1 FROM entities e
			WHERE e.name = j.key AND e.kind = `+foldKindExpr("j.value", len(kinds))+`)`, kindArgs...)
		if err != nil {
			return err
		}
		var stored int
		if err := row.Scan(&stored); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if _, err := c.exec(`INSERT INTO entities (name, kind, articles, mentions)
			SELECT key, `+foldKindExpr("value", len(kinds))+fmt.Sprintf(`, (value >> %d) & %d, value & %d`,
			foldCountBits, foldCountMax-1, foldCountMax-1)+` FROM jsonb_each(?1) WHERE true
			ON CONFLICT (name, kind) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions`,
			kindArgs...); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		c.tally("entities", "", len(chunk)-stored)
	}
	c.entityDelta = rest
	return c.flushEntities()
}

// entityRow is a name of a change of the entity totals.
type entityRow struct {
	k entityKey
	t *entityTotal
}

// sortedEntities returns the names of delta in the totals' order.
func sortedEntities(delta map[entityKey]*entityTotal) []entityRow {
	rows := make([]entityRow, 0, len(delta))
	for k, t := range delta {
		rows = append(rows, entityRow{k, t})
	}
	slices.SortFunc(rows, func(x, y entityRow) int { return compareEntityKeys(x.k, y.k) })
	return rows
}

// foldKindExpr returns the SQL of the kind packed in a value of
// addEntities's object: parameter ?2 for the first of n kinds, ?3 for
// the second, and so on.
func foldKindExpr(value string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CASE %s >> %d", value, 2*foldCountBits)
	for i := range n {
		fmt.Fprintf(&b, " WHEN %d THEN ?%d", i, i+2)
	}
	b.WriteString(" END")
	return b.String()
}

// appendJSONString appends s, valid UTF-8, to b as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 0x20 && ch != '"' && ch != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch ch {
		case '"', '\\':
			b = append(b, '\\', ch)
		default:
			b = append(b, '\\', 'u', '0', '0', hex[ch>>4], hex[ch&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// unfolded reports whether the transaction left articles waiting to be
// folded: it added some and did not fold them with the rest, or left a
// fold under way.
func (c *committer) unfolded() bool {
	return (len(c.added) > 0 && !c.foldedAll) || c.nextRun != nil
}
