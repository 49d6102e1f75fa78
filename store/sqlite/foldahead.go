package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// A fold reads the entities of every article it folds, some 16 000 of
// them, counts their names and sorts them, a third of its time, in the
// one commit that brings it about, while the pipeline waits. The
// articles stored before that commit's batch are read, counted and
// sorted instead on a read connection while the batch's statements run:
// the commit holds the write lock, so that what the reader sees of them
// is what the fold would read, unless the batch itself rewrites an
// article (an update or a reclean), in which case the fold reads them
// all in the transaction as before. The fold then reads only the batch's
// own articles and merges their new names in.

// foldAhead is the reading of the articles after mark up to through,
// made on a goroutine of its own; delta and err may be read once done is
// closed.
type foldAhead struct {
	mark, through int64
	delta         map[entityKey]*entityTotal
	sorted        []entityRow // delta's names in the totals' order
	err           error
	done          chan struct{}
}

// foldQuery reads the entities columns of the articles in a range of
// seq.
const foldQuery = `SELECT entities FROM articles WHERE seq > ? AND seq <= ? AND entities IS NOT NULL`

// startFoldAhead starts reading, on a read connection, the articles
// that the transaction's fold will take when it may fold with n more
// articles stored. It runs before the batch is written. Errors are left
// to foldStep, which reads in the transaction what was not read ahead.
func (c *committer) startFoldAhead(n int) {
	if c.foldEvery <= 0 || n == 0 {
		return
	}
	mark, err := c.foldMark()
	if err != nil {
		return
	}
	row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
	if err != nil {
		return
	}
	var stored int64
	if err := row.Scan(&stored); err != nil || stored <= mark {
		return
	}
	// The pending count less foldAt never falls as the store grows, so
	// that no fold is due with fewer than n articles added if none is
	// with n.
	if last := stored + int64(n); last-mark < foldAt(c.foldEvery, last) {
		return
	}
	a := &foldAhead{mark: mark, through: stored, done: make(chan struct{})}
	c.ahead = a
	go func() {
		defer close(a.done)
		a.delta = make(map[entityKey]*entityTotal, 14*(stored-mark))
		s, err := c.db.readStmt(c.ctx, foldQuery)
		if err != nil {
			a.err = err
			return
		}
		f := folder{delta: a.delta}
		if a.err = readFold(c.ctx, s, mark, stored, &f); a.err == nil {
			a.sorted = sortedEntities(a.delta)
		}
	}()
}

// readFold counts with f the entities of the articles after from up to
// through, read with s (foldQuery).
func readFold(ctx context.Context, s *sql.Stmt, from, through int64, f *folder) error {
	rows, err := s.QueryContext(ctx, from, through)
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

// takeAhead returns the counts read ahead for a fold of the articles
// after mark, their names in order, and the seq they reach; or mark
// alone when there are none to use.
func (c *committer) takeAhead(mark, last int64) (map[entityKey]*entityTotal, []entityRow, int64) {
	a := c.ahead
	if a == nil {
		return nil, nil, mark
	}
	<-a.done
	if a.err != nil || c.rewrote || a.mark != mark || a.through > last {
		return nil, nil, mark
	}
	return a.delta, a.sorted, a.through
}

// waitAhead waits for a reading ahead to end.
func (c *committer) waitAhead() {
	if c.ahead != nil {
		<-c.ahead.done
	}
}
