package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// Commit writes a batch in one transaction and reports what happened to
// each article. On any error nothing of the batch is stored.
func (d *DB) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	if d.w == nil {
		return nil, errors.New("sqlite: commit: store is read-only")
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	// The rows are encoded meanwhile (prep.go); the batch is the
	// caller's again once the encoding has finished.
	prep := prepare(&b)
	defer func() { <-prep.done }()
	// The fold under way (foldrun.go) passes from one commit to the next.
	d.foldMu.Lock()
	defer d.foldMu.Unlock()
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: commit: begin: %w", err)
	}
	c := d.newCommitter(ctx, tx)
	c.prep = prep
	c.startFold(len(b.Articles))
	outs, err := c.run(b)
	c.closeStmts()
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	c.settleFold()
	d.cacheWriteStmts(ctx, c.fresh)
	d.ckpt.committed(ctx, d.w)
	if c.unfolded() {
		d.unfolded.Store(true)
	}
	return outs, nil
}

// newCommitter starts the work of one write transaction.
func (d *DB) newCommitter(ctx context.Context, tx *sql.Tx) *committer {
	return &committer{
		ctx:       ctx,
		tx:        tx,
		stmts:     map[string]*sql.Stmt{},
		db:        d,
		now:       time.Now().UTC().Format(time.RFC3339Nano),
		batch:     map[string]*storyline.Article{},
		added:     map[string]int64{},
		cl:        newTracker(),
		foldEvery: d.foldEvery,
	}
}

// committer holds one Commit's transaction and prepared statements.
type committer struct {
	ctx context.Context
	tx  *sql.Tx
	// stmts holds the transaction's statements by text: the store's
	// cached ones bound to tx, and any prepared on tx alone.
	stmts map[string]*sql.Stmt
	db    *DB
	// fresh lists the statements prepared for this transaction alone,
	// to be cached once it ends.
	fresh []string
	now   string
	// batch holds the batch's articles by id, for cluster aggregates.
	batch map[string]*storyline.Article
	// added holds the seq of each article the batch added.
	added map[string]int64
	// entityDelta accumulates changes to the entity totals.
	entityDelta map[entityKey]*entityTotal
	pend        pendingRows
	tallies     map[tallyKey]int
	cl          *tracker
	// st is entity_fold's row once foldLoaded; foldEvery is the number
	// of pending articles that makes a fold due.
	st         foldState
	foldLoaded bool
	foldEvery  int
	// foldedAll is set once the transaction holds no unfolded article.
	foldedAll bool
	// prep encodes the batch's rows (prep.go); nil when the transaction
	// commits no batch, and then they are encoded when wanted.
	prep *prepared
	// fold is the fold under way (foldrun.go), nextRun what is left of it
	// once the transaction commits (nil when it ends), and foldFix the
	// transaction's corrections of the run's counts.
	fold, nextRun *foldRun
	foldFix       map[entityKey]*entityTotal
	// foldStale is set once the transaction has changed an article a
	// fold recorded in entity_fold has yet to add (its stamp changes).
	foldStale bool
}

type entityKey struct{ name, kind string }
type entityTotal struct{ articles, mentions int }

func (c *committer) stmt(q string) (*sql.Stmt, error) {
	if s, ok := c.stmts[q]; ok {
		return s, nil
	}
	var s *sql.Stmt
	if shared := c.db.writeStmt(q); shared != nil {
		// Bound to the transaction's connection, where it is prepared.
		s = c.tx.StmtContext(c.ctx, shared)
	} else {
		var err error
		if s, err = c.tx.PrepareContext(c.ctx, q); err != nil {
			return nil, fmt.Errorf("prepare %.40q: %w", q, err)
		}
		c.fresh = append(c.fresh, q)
	}
	c.stmts[q] = s
	return s, nil
}

func (c *committer) exec(q string, args ...any) (sql.Result, error) {
	s, err := c.stmt(q)
	if err != nil {
		return nil, err
	}
	r, err := s.ExecContext(c.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("exec %.40q: %w", q, err)
	}
	return r, nil
}

func (c *committer) queryRow(q string, args ...any) (*sql.Row, error) {
	s, err := c.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.QueryRowContext(c.ctx, args...), nil
}

func (c *committer) closeStmts() {
	for _, s := range c.stmts {
		s.Close()
	}
}

// run applies every part of the batch in a fixed order: articles first,
// so that what is derived from them can find them.
func (c *committer) run(b storyline.Batch) ([]storyline.Outcome, error) {
	outs, err := c.articles(b.Articles)
	if err != nil {
		return nil, err
	}
	if err := c.flushEntities(); err != nil {
		return nil, err
	}
	steps := []func(storyline.Batch) error{
		c.reclean, c.copies, c.assignments, c.merges, c.flushClusters, c.titles, c.quotes, c.state, c.foldStep, c.flushTallies, c.flushText,
	}
	for _, step := range steps {
		if err := c.ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(b); err != nil {
			return nil, err
		}
	}
	return outs, c.ctx.Err()
}

// Multi-row statements carry at most this many rows and parameters.
// Statements are prepared once per transaction, and SQLite's parsing
// grows with their length: with 128 rows a commit spent 7% of its time
// parsing; 32 rows cost a quarter of that for a few more executions.
const (
	bulkRows   = 32
	bulkParams = 4000
)

// bulk runs head ("INSERT INTO t (a, b)") with VALUES for rows of ncol
// parameters each (args flattened) and an optional tail ("ON CONFLICT
// ..."), many rows per statement: the per-statement cost, not SQLite's
// work, dominates small inserts.
func (c *committer) bulk(head string, ncol int, tail string, args []any) error {
	return c.bulkRows(head, ncol, tail, args, bulkRows)
}

// maxTextRows caps the rows of one full-text insert (see flushText):
// 3 parameters each stay under SQLite's limit of 32 766.
const maxTextRows = 8192

// bulkRows is bulk with at most rows rows (and bulkParams parameters, or
// 32 766 when rows exceeds bulkRows) per statement.
func (c *committer) bulkRows(head string, ncol int, tail string, args []any, rows int) error {
	if len(args)%ncol != 0 {
		return fmt.Errorf("bulk %.30q: %d arguments for %d columns", head, len(args), ncol)
	}
	params := bulkParams
	if rows > bulkRows {
		params = 32766
	}
	per := max(1, min(rows, params/ncol))
	row := "(" + placeholders(ncol) + ")"
	for len(args) > 0 {
		n := min(per, len(args)/ncol)
		q := head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") + " " + tail
		if _, err := c.exec(q, args[:n*ncol]...); err != nil {
			return err
		}
		args = args[n*ncol:]
	}
	return nil
}
