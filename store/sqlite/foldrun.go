package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"

	"github.com/storyline-news/storyline"
)

// A fold of the entity totals reads the entities of some 16 000 articles,
// counts their names and sorts them, then adds some 250 000 names to the
// totals. Done in the one commit that brought it about, it held the
// pipeline for half a second once every 64 commits. It is now a run over
// several commits:
//
//   - the commit that makes a fold due fixes its articles (those stored
//     before its batch) and starts reading them on a read connection, in
//     a read transaction that begins before the commit's own ends, so
//     that what it reads is what was stored before the batch; no commit
//     waits for that reading unless the next fold is due;
//   - once the reading is done, each commit adds the next slice of the
//     names (foldSlice of them, in the totals' order) to the totals and
//     records in entity_fold how far it came, until none is left.
//
// entity_fold says at any point which articles each name's totals count
// (foldState), so that a crash between slices leaves a store that the
// next writer reads the rest of again and goes on folding, and nothing
// is added twice. A stored article rewritten while a run is under way
// changes the totals at once for the names the totals count it under,
// and the run's own counts (its corrections) for the names it has read
// and not added yet. Entities, Stats and Close finish the run and fold
// everything pending in one transaction (foldAll).
//
// The run lives in memory between commits (DB.fold) with the
// entity_fold row it left: a commit of another process that adds a
// slice, ends the fold or changes an article the run has yet to add
// changes that row (its stamp in the last case), and the next commit
// then reads again what is left.

// defaultFoldSlice is how many names of a run one commit adds to the
// totals: some 30 ms of a commit's work in a store of 20 000 articles,
// where a run of 16 000 articles has some 250 000 names (16 commits).
const defaultFoldSlice = 16384

// foldState is entity_fold's row. The totals count every article up to
// through; while a fold is under way (target > through), the names up
// to done in the totals' order (none when doneAny is false) count those
// up to target as well.
type foldState struct {
	through, target int64
	done            entityKey
	doneAny         bool
	stamp           int64
}

// counts reports whether the totals of k count the article stored
// under seq.
func (s foldState) counts(seq int64, k entityKey) bool {
	return seq <= s.through || (seq <= s.target && !s.after(k))
}

// after reports whether k comes after the names a run under way has
// added.
func (s foldState) after(k entityKey) bool {
	return !s.doneAny || compareEntityKeys(k, s.done) > 0
}

// foldRun is a fold of the articles after from up to through. rows and
// err may be read once done is closed; fix holds the corrections of
// articles rewritten since the reading began, from commits that
// committed.
type foldRun struct {
	from, through int64
	// st is entity_fold as the last transaction that took the run up
	// left it: any other means another process wrote.
	st   foldState
	rows []entityRow // the names read, in the totals' order
	fix  map[entityKey]*entityTotal
	err  error
	done chan struct{}
}

// ready reports whether the run's reading has ended.
func (r *foldRun) ready() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// foldQuery reads the entities columns of the articles in a range of
// seq.
const foldQuery = `SELECT entities FROM articles WHERE seq > ? AND seq <= ? AND entities IS NOT NULL`

// startFold takes up, at the start of a commit that may add n articles,
// the run under way, or starts one when a fold is due or one recorded in
// entity_fold has no reading in memory (after a crash or in a new
// process). Errors are left to foldStep, which folds in the transaction
// should too many articles wait.
func (c *committer) startFold(n int) {
	st, err := c.foldMark()
	if err != nil {
		return
	}
	if r := c.db.fold; r != nil && r.st == st {
		c.fold, c.nextRun = r, r
		return
	}
	if c.foldEvery <= 0 {
		return
	}
	from, through := st.through, st.target
	if through == from {
		row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
		if err != nil {
			return
		}
		if err := row.Scan(&through); err != nil || through <= from {
			return
		}
		// The pending count less foldAt never falls as the store grows,
		// so that no fold is due with fewer than n articles added if
		// none is with n.
		if last := through + int64(n); last-from < foldAt(c.foldEvery, last) {
			return
		}
	}
	// The reading's transaction sees the store as this commit found it:
	// its first statement runs while this one holds the write lock. The
	// commit waits for a read connection no longer than its context
	// lasts; the reading, which outlives the commit, is not cut short.
	conn, err := c.db.r.Conn(c.ctx)
	if err != nil {
		return
	}
	ctx := context.WithoutCancel(c.ctx)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return
	}
	var mark int64
	if err := tx.QueryRowContext(ctx, `SELECT through FROM entity_fold WHERE one = 1`).Scan(&mark); err != nil || mark != from {
		tx.Rollback()
		conn.Close()
		return
	}
	if st.target == st.through {
		// Recorded, so that every writer knows the articles the run
		// reads from now on (see rewriteEntities).
		if _, err := c.exec(`UPDATE entity_fold SET target = ? WHERE one = 1`, through); err != nil {
			tx.Rollback()
			conn.Close()
			return
		}
		c.st.target = through
	}
	r := &foldRun{from: from, through: through, fix: map[entityKey]*entityTotal{}, done: make(chan struct{})}
	c.db.readings.Go(func() {
		defer close(r.done)
		defer conn.Close()
		defer tx.Rollback()
		// Some 14 names an article are new: the map is sized once.
		delta := make(map[entityKey]*entityTotal, 14*(through-from))
		rows, err := tx.QueryContext(ctx, foldQuery, from, through)
		if r.err = readFold(rows, err, &folder{delta: delta}); r.err != nil {
			return
		}
		if st.doneAny {
			// A run recorded in entity_fold goes on after its last name.
			read := delta
			delta = make(map[entityKey]*entityTotal, len(read))
			for k, t := range read {
				if st.after(k) {
					delta[k] = t
				}
			}
		}
		r.rows = sortedEntities(delta)
	})
	c.fold, c.nextRun = r, r
}

// foldSliceStep adds the next slice of the run's names to the totals:
// all that are left when all is set.
func (c *committer) foldSliceStep(st foldState, all bool) error {
	r := c.fold
	n := c.db.foldSlice
	if all {
		n = 0
	}
	// What the batch changed of the totals goes first: addEntities
	// takes c.entityDelta for names of its own.
	if err := c.flushEntities(); err != nil {
		return err
	}
	slice, hi, end := r.slice(st, c.foldFix, n)
	if err := c.addEntities(slice); err != nil {
		return err
	}
	if end {
		if _, err := c.exec(`UPDATE entity_fold SET through = ?, target = NULL, done_name = NULL, done_kind = NULL
			WHERE one = 1`, r.through); err != nil {
			return fmt.Errorf("entity fold: %w", err)
		}
		c.st = foldState{through: r.through, target: r.through, stamp: st.stamp}
		c.nextRun = nil
		return nil
	}
	if _, err := c.exec(`UPDATE entity_fold SET target = ?, done_name = ?, done_kind = ? WHERE one = 1`,
		r.through, hi.name, hi.kind); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c.st.done, c.st.doneAny = hi, true
	return nil
}

// slice returns the changes of the totals for up to n of the run's names
// after those st says are added (all of them when n <= 0), with the
// corrections of r.fix and fix among them, the last name it covers, and
// whether it covers all that are left.
func (r *foldRun) slice(st foldState, fix map[entityKey]*entityTotal, n int) (out []entityRow, hi entityKey, end bool) {
	i := 0
	if st.doneAny {
		i = sort.Search(len(r.rows), func(i int) bool { return compareEntityKeys(r.rows[i].k, st.done) > 0 })
	}
	j := len(r.rows)
	if n > 0 {
		j = min(j, i+n)
	}
	end = j == len(r.rows)
	if !end {
		hi = r.rows[j-1].k
	}
	within := func(k entityKey) bool { return st.after(k) && (end || compareEntityKeys(k, hi) <= 0) }
	var fixed []entityRow
	for _, m := range []map[entityKey]*entityTotal{r.fix, fix} {
		for k, t := range m {
			if within(k) {
				fixed = append(fixed, entityRow{k, t})
			}
		}
	}
	if len(fixed) == 0 {
		return r.rows[i:j], hi, end
	}
	// The corrections are few: they are summed by name, and merged in
	// with totals of their own, so that the run's stay as read.
	slices.SortFunc(fixed, func(x, y entityRow) int { return compareEntityKeys(x.k, y.k) })
	rows := r.rows[i:j]
	out = make([]entityRow, 0, len(rows)+len(fixed))
	for len(rows) > 0 || len(fixed) > 0 {
		var x entityRow
		switch {
		case len(fixed) == 0 || (len(rows) > 0 && compareEntityKeys(rows[0].k, fixed[0].k) < 0):
			out, rows = append(out, rows[0]), rows[1:]
			continue
		case len(rows) > 0 && rows[0].k == fixed[0].k:
			x, rows = entityRow{rows[0].k, &entityTotal{rows[0].t.articles, rows[0].t.mentions}}, rows[1:]
		default:
			x = entityRow{fixed[0].k, &entityTotal{}}
		}
		for len(fixed) > 0 && fixed[0].k == x.k {
			x.t.articles += fixed[0].t.articles
			x.t.mentions += fixed[0].t.mentions
			fixed = fixed[1:]
		}
		out = append(out, x)
	}
	return out, hi, end
}

// settleFold keeps in memory what the committed transaction leaves of
// the run: its corrections joined to the run's, and the names it added
// let go.
func (c *committer) settleFold() {
	r := c.nextRun
	c.db.fold = r
	if r == nil {
		return
	}
	r.st = c.st
	for k, t := range c.foldFix {
		addEntity(r.fix, k, t.articles, t.mentions)
	}
	if c.st.doneAny && r.ready() && r.err == nil {
		i := sort.Search(len(r.rows), func(i int) bool { return compareEntityKeys(r.rows[i].k, c.st.done) > 0 })
		clear(r.rows[:i])
		r.rows = r.rows[i:]
	}
}

// rewriteEntities counts the change of the entities of the article
// stored under seq, from old to now: in the totals for the names they
// count it under, in the run's corrections for the names the run has
// read it under and not added yet.
func (c *committer) rewriteEntities(seq int64, old, now []storyline.Entity) {
	delta := map[entityKey]*entityTotal{}
	countEntities(delta, old, -1)
	countEntities(delta, now, 1)
	r := c.fold
	for k, t := range delta {
		switch {
		case c.st.counts(seq, k):
			if c.entityDelta == nil {
				c.entityDelta = map[entityKey]*entityTotal{}
			}
			addEntity(c.entityDelta, k, t.articles, t.mentions)
		case seq > c.st.through && seq <= c.st.target:
			// Another writer's counts of the run are stale now.
			c.foldStale = true
			if r != nil {
				if c.foldFix == nil {
					c.foldFix = map[entityKey]*entityTotal{}
				}
				addEntity(c.foldFix, k, t.articles, t.mentions)
			}
		}
	}
}

// countsAny reports whether the totals or the run count the article
// stored under seq under any name.
func (c *committer) countsAny(seq int64) (bool, error) {
	st, err := c.foldMark()
	if err != nil {
		return false, err
	}
	return seq <= max(st.through, st.target) || (c.fold != nil && seq <= c.fold.through), nil
}

// readFold counts with f the entities of the rows of a foldQuery (and
// its error).
func readFold(rows *sql.Rows, err error, f *folder) error {
	if err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return fmt.Errorf("entity fold: %w", err)
		}
		if err := f.add(b); err != nil {
			return fmt.Errorf("entity fold: %w", err)
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	return nil
}
