package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline"
)

// The entity totals (table entities, and the "entities" tally) count the
// articles up to entity_fold.through. A commit does not touch them for
// the articles it adds: most names a reader finds are mentioned by one
// article only, so that a batch's names fell each on a page of its own
// and the totals took most of the pages a commit wrote, more as the store
// grew. The articles after the mark are folded in together once
// foldEvery of them have come, a page of the totals then taking many
// names at once; the fold reads their entities from the articles, so
// that nothing but the mark needs to survive a crash, and it commits with
// the batch that brings it about. An update or reclean of an article
// already folded changes the totals at once.
//
// Entities and Stats on a store open for writing fold what is pending
// first, and Close folds before it closes, so that the totals are exact
// whenever they are read in the writing process or at rest; a store
// opened read-only while another process writes sees them as of that
// process's last fold.

// defaultFoldEvery is how many articles wait for the entity totals at
// most: some 250 000 names, 40 MB of memory while a fold runs.
const defaultFoldEvery = 16384

// foldMark returns entity_fold.through, read once per commit.
func (c *committer) foldMark() (int64, error) {
	if c.foldLoaded {
		return c.folded, nil
	}
	row, err := c.queryRow(`SELECT through FROM entity_fold WHERE one = 1`)
	if err != nil {
		return 0, err
	}
	if err := row.Scan(&c.folded); err != nil {
		return 0, fmt.Errorf("entity fold: %w", err)
	}
	c.foldLoaded = true
	return c.folded, nil
}

// isFolded reports whether the totals count the article stored under seq.
func (c *committer) isFolded(seq int64) (bool, error) {
	mark, err := c.foldMark()
	return seq <= mark, err
}

// foldStep folds the pending articles into the entity totals once
// c.foldEvery of them are pending (all of them when c.foldEvery <= 0).
func (c *committer) foldStep(storyline.Batch) error {
	mark, err := c.foldMark()
	if err != nil {
		return err
	}
	row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
	if err != nil {
		return err
	}
	var last int64
	if err := row.Scan(&last); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	if last <= mark || (c.foldEvery > 0 && last-mark < int64(c.foldEvery)) {
		return nil
	}
	s, err := c.stmt(`SELECT entities FROM articles WHERE seq > ? AND seq <= ? AND entities IS NOT NULL`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(c.ctx, mark, last)
	if err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			rows.Close()
			return fmt.Errorf("entity fold: %w", err)
		}
		ents, err := decodeEntities(b)
		if err != nil {
			rows.Close()
			return fmt.Errorf("entity fold: %w", err)
		}
		c.countEntities(ents, 1)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	if err := c.flushEntities(); err != nil {
		return err
	}
	if _, err := c.exec(`UPDATE entity_fold SET through = ? WHERE one = 1`, last); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c.folded = last
	return nil
}

// foldEntities folds every pending article into the entity totals in a
// transaction of its own; on a read-only store it does nothing.
func (d *DB) foldEntities(ctx context.Context) error {
	if d.w == nil {
		return nil
	}
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	c := d.newCommitter(ctx, tx)
	c.foldEvery = 0
	err = errors.Join(c.foldStep(storyline.Batch{}), c.flushTallies(storyline.Batch{}))
	c.closeStmts()
	if err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("entity fold: %w", err)
	}
	return nil
}
