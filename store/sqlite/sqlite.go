// Package sqlite is Storyline's default store: one embedded SQLite file
// (modernc.org/sqlite, no cgo) in WAL mode that implements
// storyline.Store.
//
// Every Commit is one write transaction, so a crash leaves a batch whole or
// absent. Articles keep their raw input beside the clean text; earlier
// versions of updated articles go to a history table. Events and stories
// are kept as rows that Commit maintains incrementally, so listing them
// costs the same with a hundred articles or a million. Full-text search is
// an FTS5 index over title and text (unicode61, ё folded to е on both
// sides, titles weighted in bm25); query words are matched by their
// Snowball stem (Russian or English) as a prefix, quoted phrases exactly,
// and no input can make a query fail to parse.
//
// The tables are plain SQL (see migrations) so that another database,
// such as PostgreSQL, can implement storyline.Store the same way; only
// the full-text index is SQLite's own, and an article's dates, entities
// and citations are blobs in this package's own compact form (codec.go).
//
// Cost per article stays flat as the store grows: every index is one
// that a query reads, rows keyed by the article's seq append (an
// article's quotes are one such row, looked up by speaker or statement
// through a full-text index of hashed keys, which FTS5 writes a segment
// per batch rather than a page per key; the entities an article mentions
// are found the same way, by story as well, rather than counted per
// story), statements are prepared once, not per commit, small keyed tables are
// clustered on their key, pages are 4 KiB (an index on a key that new
// articles do not arrive in order of writes a page per insert), the
// entity totals, whose names are mostly new, take the articles' entities
// thousands at a time (fold.go), the full-text indexes merge 64 segments
// at a time, a little with every commit, the WAL is checkpointed every
// 256 MiB in the background (checkpoint.go), and memory is bounded (a 64
// MiB cache and 64 MiB mapping for the writer, an 8 MiB cache per
// reader). Commits are durable at the next checkpoint
// (synchronous=NORMAL in WAL mode): a power loss may lose the last
// batches but never leaves a batch in part or the file corrupt, and the
// pipeline commits idempotently, so that running it again restores them.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Options tune a store. The zero value is sensible.
type Options struct {
	// BusyTimeoutMS is how long a connection waits for a lock held by
	// another process before failing; 0 means 10 000.
	BusyTimeoutMS int
	// CacheKB is the writer's page cache in KiB; 0 means 65 536. Each
	// reader has an eighth of it (at least 2 MiB).
	CacheKB int
	// Readers caps the connections used for reading; 0 means 4.
	Readers int
	// ReadOnly opens an existing database without writing to it: no
	// migrations run and Commit fails.
	ReadOnly bool
}

// DB is a Storyline store in one SQLite file. It is safe for concurrent
// use; commits are serialised.
type DB struct {
	path string
	w    *sql.DB // one connection, BEGIN IMMEDIATE
	r    *sql.DB // read-only pool
	opts Options

	// stmts holds the reads prepared on r, by query text: a single
	// article read spent a third of its time parsing its SQL.
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	// wstmts holds the writer's statements, prepared once on w and bound
	// to each transaction (committer.stmt): preparing a commit's three
	// dozen statements again in every transaction cost a twentieth of
	// the commit.
	wstmts map[string]*sql.Stmt

	// foldEvery is how many articles wait to be folded into the entity
	// totals at most (fold.go), foldSlice how many names of a fold one
	// commit adds (foldrun.go); tests make them small. unfolded is set
	// when this store may have articles waiting to be folded.
	foldEvery int
	foldSlice int
	unfolded  atomic.Bool
	// fold is the fold under way, which foldMu keeps to one transaction
	// at a time from its start to what it leaves of the fold.
	foldMu sync.Mutex
	fold   *foldRun
	// readings are the folds' readings still running (foldrun.go), which
	// Close waits for: a reading of a run gone stale, or of a commit that
	// failed, is not waited for by any commit.
	readings sync.WaitGroup
	// entityLead is how many articles mentioning an entity the stories
	// filtered by it are found from (see entityFilter); tests change it.
	entityLead int
	// ckpt checkpoints the WAL in the background (checkpoint.go); nil
	// when read-only.
	ckpt *checkpointer
}

var _ storyline.Store = (*DB)(nil)

// Open opens (creating when missing) the store at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	return OpenOptions(ctx, path, Options{})
}

// OpenOptions is Open with options.
func OpenOptions(ctx context.Context, path string, o Options) (*DB, error) {
	if path == "" || path == ":memory:" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: open %q: want a file path without '?' or '#'", path)
	}
	if o.BusyTimeoutMS <= 0 {
		o.BusyTimeoutMS = 10000
	}
	if o.CacheKB <= 0 {
		o.CacheKB = 65536
	}
	if o.Readers <= 0 {
		o.Readers = 4
	}
	d := &DB{path: path, opts: o, stmts: map[string]*sql.Stmt{}, wstmts: map[string]*sql.Stmt{}, foldEvery: defaultFoldEvery,
		foldSlice: defaultFoldSlice, entityLead: defaultEntityLead}
	if o.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("sqlite: open %s read-only: %w", path, err)
		}
	} else {
		w, err := sql.Open("sqlite", dsn(path, o, false))
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		w.SetConnMaxIdleTime(0)
		d.w = w
		if err := initFile(ctx, w, time.Duration(o.BusyTimeoutMS)*time.Millisecond); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		if err := migrate(ctx, w); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		// Articles a crash left unfolded are folded by the next read of
		// the totals, or at Close.
		pending, err := hasUnfolded(ctx, w)
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		d.unfolded.Store(pending)
		k, err := startCheckpointer(path, o, walBytes/pageSize)
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		d.ckpt = k
	}
	r, err := sql.Open("sqlite", dsn(path, o, true))
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(o.Readers)
	r.SetMaxIdleConns(o.Readers)
	d.r = r
	if o.ReadOnly {
		if err := checkVersion(ctx, r); err != nil {
			d.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
	}
	return d, nil
}

// dsn builds the connection string: NORMAL sync (under WAL: durable at
// checkpoints, never corrupt), a busy timeout, and BEGIN IMMEDIATE for the
// writer so that a write transaction never has to upgrade its lock. WAL
// mode is set once, by initFile, and persists in the file.
func dsn(path string, o Options, read bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", o.BusyTimeoutMS))
	if !read {
		// Checkpoints run in the background every walBytes
		// (checkpoint.go); the writer's own at twice that bounds the
		// WAL should they fall behind.
		q.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", 2*walBytes/pageSize))
		q.Add("_pragma", fmt.Sprintf("journal_size_limit(%d)", 2*walBytes))
		q.Add("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "temp_store(MEMORY)")
	// Memory stays bounded at any size of file: the writer keeps 64 MiB
	// of pages (the upper levels and recent leaves of every index) and
	// maps the first 64 MiB of the file; a reader keeps 8 MiB and maps
	// nothing. A mapping counts in the resident set of the process, once
	// per connection, and covers only the start of the file, where the
	// oldest rows are, so that it helps little in a large store; the
	// kernel's page cache, which is not the process's memory, serves
	// the rest.
	if read {
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", max(o.CacheKB/8, 2048)))
		q.Add("_pragma", "mmap_size(0)")
	} else {
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", o.CacheKB))
		q.Add("_pragma", fmt.Sprintf("mmap_size(%d)", 64<<20))
	}
	q.Add("_pragma", "foreign_keys(0)")
	return path + "?" + q.Encode()
}

// pageSize is the page size of new files: SQLite's default 4 KiB. Once
// the store outgrows a batch, every insert into an index on a key that new
// articles do not arrive in order of (an article id, a story, a speaker)
// dirties a page of its own, and every dirty page is written whole to the
// WAL and again at the checkpoint. With 16 KiB pages a store of 100 000
// articles wrote some 150 KB per article committed; 4 KiB pages write a
// quarter of that, and cost about the same CPU while the store is small.
const pageSize = 4096

// walBytes is how much WAL a writer accumulates before it checkpoints:
// pages rewritten by consecutive batches (the tail of each table and
// append-ordered index, the full-text segments, tallies, clusters, the
// state's key index and the entity totals) are copied back to the file
// once per checkpoint rather than once per batch, and readers' WAL index
// stays small (some 2 MB). 256 MiB rather than 64 wrote an eighth fewer
// bytes per article replaying a pipeline's 20 000 articles.
const walBytes = 256 << 20

// initFile gives a new, empty file its page size and puts the file in WAL
// mode (which must come after: a WAL file keeps its page size). Two
// processes opening a new file at once both try; switching to WAL fails
// at once with SQLITE_BUSY, without waiting on the busy timeout, while the
// other holds its lock, so it is tried again until wait has passed.
func initFile(ctx context.Context, w *sql.DB, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := setWAL(ctx, w)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("journal mode: %w", ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func setWAL(ctx context.Context, w *sql.DB) error {
	var pages int
	if err := w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		return fmt.Errorf("page count: %w", err)
	}
	if pages == 0 {
		if _, err := w.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
			return fmt.Errorf("page size: %w", err)
		}
	}
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("journal mode is %s, want wal", mode)
	}
	return nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var c interface{ Code() int }
	return errors.As(err, &c) && c.Code()&0xff == 5 // SQLITE_BUSY and its extended codes
}

// readStmt returns the statement for a read query of fixed text,
// preparing it on the read pool the first time.
func (d *DB) readStmt(ctx context.Context, q string) (*sql.Stmt, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, ok := d.stmts[q]; ok {
		return s, nil
	}
	s, err := d.r.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	d.stmts[q] = s
	return s, nil
}

// maxWriteStmts and maxWriteStmtText bound the writer's cached
// statements: multi-row inserts have a text per row count, and full-text
// inserts one per batch size. Others are prepared per transaction.
const (
	maxWriteStmts    = 192
	maxWriteStmtText = 8 << 10
)

// writeStmt returns the writer's cached statement for q, or nil.
func (d *DB) writeStmt(q string) *sql.Stmt {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.wstmts[q]
}

// cacheWriteStmts prepares on w, for later transactions, the statements
// a transaction had to prepare for itself. It runs between transactions:
// w has one connection, which a transaction holds. A statement that does
// not prepare is left to the transactions, which report the error.
func (d *DB) cacheWriteStmts(ctx context.Context, qs []string) {
	for _, q := range qs {
		d.mu.Lock()
		_, have := d.wstmts[q]
		full := len(d.wstmts) >= maxWriteStmts
		d.mu.Unlock()
		if have || full || len(q) > maxWriteStmtText {
			continue
		}
		s, err := d.w.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		d.mu.Lock()
		if _, have := d.wstmts[q]; have {
			s.Close()
		} else {
			d.wstmts[q] = s
		}
		d.mu.Unlock()
	}
}

// closeWriteStmts closes the writer's cached statements.
func (d *DB) closeWriteStmts() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.wstmts {
		s.Close()
	}
	clear(d.wstmts)
}

// queryRow runs a read query of fixed text that returns one row.
func (d *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	s, err := d.readStmt(ctx, q)
	if err != nil {
		// The same query unprepared reports the error through Scan.
		return d.r.QueryRowContext(ctx, q, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// Path returns the file the store lives in.
func (d *DB) Path() string { return d.path }

// Close checkpoints and closes the store.
func (d *DB) Close() error {
	var errs []error
	d.mu.Lock()
	for _, s := range d.stmts {
		errs = append(errs, s.Close())
	}
	clear(d.stmts)
	d.mu.Unlock()
	if d.r != nil {
		errs = append(errs, d.r.Close())
	}
	if d.ckpt != nil {
		errs = append(errs, d.ckpt.stop())
	}
	if d.w != nil {
		// The entity totals are exact at rest. A fold that fails leaves
		// its articles to the next one, as a crash does.
		_ = d.foldEntities(context.Background())
		// No reading may hold a snapshot when the WAL is truncated.
		d.readings.Wait()
		d.closeWriteStmts()
		// Fold the WAL back into the main file so that the database is one
		// file at rest; failure is harmless (the WAL is replayed on open).
		_, _ = d.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, d.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", d.path, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check over the whole file, the
// full-text index included, and returns an error describing any problem
// found.
func (d *DB) IntegrityCheck(ctx context.Context) error {
	db := d.w
	if db == nil {
		db = d.r
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	defer conn.Close()
	// PRAGMA integrity_check checks FTS5 tables with the connection's cached
	// copy of the index structure without refreshing it: on a connection
	// that last read the index before later merges it reports "corruption
	// found reading blob" for segments that are gone. A query refreshes
	// the cache first.
	var one int64
	err = conn.QueryRowContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"x"' LIMIT 1`).Scan(&one)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	rows, err := conn.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("sqlite: integrity check: %w", err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("sqlite: integrity check: %s", strings.Join(problems, "; "))
	}
	return nil
}
