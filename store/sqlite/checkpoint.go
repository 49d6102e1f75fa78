package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	sqlite "modernc.org/sqlite"
)

// Checkpoints, which copy the WAL's pages back into the database file,
// run on a connection of their own in the background rather than inside
// the commit that fills the WAL: at a million articles they took a ninth
// of the commits' time (reading every page from the WAL, writing it to
// the file and syncing both), time in which no batch could commit.
//
// A checkpoint copies the pages of the transactions committed when it
// starts while later ones go on appending, so that it never waits for
// the writer nor the writer for it. The WAL starts over from its
// beginning only once every page in it is copied: the background
// checkpoint copies again what was committed while it ran, until a pass
// finds nothing new, and the first commit after it copies, on the
// writer, what is still left (little or nothing unless commits outpace
// the passes), so that the WAL stays some walBytes long. Should the
// background fall behind, the writer's own automatic checkpoint at twice
// walBytes bounds the file as before.
//
// Checkpoints change where committed pages live, never what a
// transaction holds: a crash at any point leaves the WAL to be replayed
// on the next open, as without them.

// checkpointer runs the background checkpoints of a store open for
// writing.
type checkpointer struct {
	db   *sql.DB // one connection, not the writer's
	kick chan struct{}
	wg   sync.WaitGroup

	// mu guards the fields below: commits run one at a time, but what
	// follows each (committed) may overlap the next.
	mu sync.Mutex
	// written is how many pages commits have written to the WAL since
	// the last background checkpoint was asked for; every is how many
	// make it ask.
	written, every int
	// total is every page commits have written to the WAL.
	total int64
	// catchUp is set when a background checkpoint has run, so that the
	// next commit copies what it left.
	catchUp bool
}

// startCheckpointer opens the checkpoint connection and starts its
// goroutine, which checkpoints whenever kicked.
func startCheckpointer(path string, o Options, every int) (*checkpointer, error) {
	// A reader's settings: a checkpoint reads and writes the file
	// directly, without the page cache or a mapping, and query_only
	// does not stop it.
	db, err := sql.Open("sqlite", dsn(path, o, true))
	if err != nil {
		return nil, fmt.Errorf("checkpoint connection: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	k := &checkpointer{db: db, kick: make(chan struct{}, 1), every: every}
	k.wg.Add(1)
	go func() {
		defer k.wg.Done()
		for range k.kick {
			ran := k.checkpoint()
			// A kick that came while the passes ran asks for pages
			// they copied: answering it would start another
			// checkpoint at once, which the writer's catch-up would
			// find running (SQLITE_BUSY) and the WAL would not start
			// over.
			select {
			case <-k.kick:
			default:
			}
			if ran {
				k.mu.Lock()
				k.catchUp = true
				k.mu.Unlock()
			}
		}
	}()
	return k, nil
}

// maxPasses bounds the passes of one background checkpoint.
const maxPasses = 4

// checkpoint copies the WAL back into the file on the background
// connection and reports whether it ran. A pass copies what was
// committed when it began; the batches committed while it ran are copied
// by further passes, until one finds nothing new, rather than by the
// writer (committed), whose time is the pipeline's: the writer then
// finds little or nothing left to copy. A checkpoint that fails
// (SQLITE_BUSY while another process checkpoints) leaves its pages to
// the next one.
func (k *checkpointer) checkpoint() bool {
	ran, prev := false, -1
	for range maxPasses {
		var busy, log, copied int
		if err := k.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &copied); err != nil {
			return ran
		}
		ran = true
		// Pages a reader still needs stop a pass short; another would
		// stop there too.
		if busy != 0 || copied < log || log == prev {
			break
		}
		prev = log
	}
	return ran
}

// committed counts the pages a commit wrote to the WAL and asks for a
// background checkpoint once enough have been written; after one has run
// it copies, on the writer, the pages committed since it started. It
// runs between transactions, on the writer's connection.
func (k *checkpointer) committed(ctx context.Context, w *sql.DB) {
	k.mu.Lock()
	catchUp := k.catchUp
	k.catchUp = false
	k.mu.Unlock()
	if catchUp {
		_, _ = w.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	}
	conn, err := w.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	var pages int
	err = conn.Raw(func(dc any) error {
		st, ok := dc.(sqlite.DBStatus)
		if !ok {
			return fmt.Errorf("driver connection %T has no status", dc)
		}
		var err error
		pages, _, err = st.Status(sqlite.DBStatusCacheWrite, true)
		return err
	})
	if err != nil {
		return
	}
	k.mu.Lock()
	k.written += pages
	k.total += int64(pages)
	ask := k.written >= k.every
	if ask {
		k.written = 0
	}
	k.mu.Unlock()
	if !ask {
		return
	}
	select {
	case k.kick <- struct{}{}:
	default: // one is running or asked for already
	}
}

// stop waits for a running checkpoint and closes the connection.
func (k *checkpointer) stop() error {
	close(k.kick)
	k.wg.Wait()
	return k.db.Close()
}
