package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// unknownTS is the pub_ts of an article whose publication time is unknown:
// larger than any real time, so that plain ascending order puts such
// articles last. Known times are Unix microseconds, UTC.
const unknownTS int64 = 1<<63 - 1

// migrations are the schema changes in order; migrations[i] takes a
// database from user_version i to i+1. Never edit a released step: append
// a new one, so that older files are brought up to date on open.
//
// The tables are plain SQL that PostgreSQL can hold as well; only the
// full-text index (articles_fts) is SQLite's own.
var migrations = []migration{
	// 1: articles, history, clusters, copies, quotes, entities, state.
	{sql: `
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	hash         TEXT NOT NULL,
	title        TEXT NOT NULL,
	source       TEXT NOT NULL,
	url          TEXT NOT NULL,
	lang         TEXT NOT NULL,
	pub_ts       INTEGER NOT NULL, -- Unix µs UTC; unknownTS when unknown
	pub_has_time INTEGER NOT NULL,
	text         TEXT NOT NULL,
	format       TEXT NOT NULL,
	origin       TEXT NOT NULL,
	dates        TEXT,             -- JSON []DateMention
	entities     TEXT,             -- JSON []Entity
	cited        TEXT,             -- JSON []Citation
	stored_at    TEXT NOT NULL
);
CREATE INDEX articles_pub ON articles(pub_ts, id);
CREATE INDEX articles_source ON articles(source, pub_ts);
CREATE INDEX articles_lang ON articles(lang, pub_ts);
CREATE INDEX articles_format ON articles(format);

-- The input exactly as read, apart from the row so that listings stay small.
CREATE TABLE article_raw (
	seq INTEGER PRIMARY KEY,
	raw BLOB NOT NULL
);

-- Earlier versions of updated articles.
CREATE TABLE article_history (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL,
	hash         TEXT NOT NULL,
	title        TEXT NOT NULL,
	source       TEXT NOT NULL,
	url          TEXT NOT NULL,
	lang         TEXT NOT NULL,
	pub_ts       INTEGER NOT NULL,
	pub_has_time INTEGER NOT NULL,
	text         TEXT NOT NULL,
	format       TEXT NOT NULL,
	origin       TEXT NOT NULL,
	raw          BLOB,
	stored_at    TEXT NOT NULL,
	replaced_at  TEXT NOT NULL,
	new_hash     TEXT NOT NULL
);
CREATE INDEX article_history_id ON article_history(id, seq);

-- Full-text index over title and text with ё folded to е. Contentless:
-- the text lives in articles; rows are deleted by rowid (= articles.seq).
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2'
);

-- Entities each article mentions, and their totals over all articles.
CREATE TABLE article_entities (
	article  TEXT NOT NULL,
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	key      TEXT NOT NULL, -- normalised name for case-insensitive lookup
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, name, kind)
);
CREATE INDEX article_entities_key ON article_entities(key);
CREATE TABLE entities (
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	articles INTEGER NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (name, kind)
);
CREATE INDEX entities_rank ON entities(articles DESC, mentions DESC, name, kind);

CREATE TABLE copies (
	a          TEXT NOT NULL,
	b          TEXT NOT NULL,
	kind       TEXT NOT NULL,
	similarity REAL NOT NULL,
	a_share    REAL NOT NULL,
	b_share    REAL NOT NULL,
	direction  TEXT NOT NULL,
	passages   TEXT, -- JSON []Passage
	PRIMARY KEY (a, b)
);
CREATE INDEX copies_b ON copies(b);

-- Where each article was put, and why.
CREATE TABLE assignments (
	article TEXT PRIMARY KEY,
	event   TEXT NOT NULL,
	story   TEXT NOT NULL,
	why     TEXT -- JSON Why
);
CREATE INDEX assignments_event ON assignments(event);
CREATE INDEX assignments_story ON assignments(story);

-- Events and stories with their aggregates, maintained by Commit.
-- first_ts is unknownTS and last_ts NULL when no article has a date.
CREATE TABLE events (
	id             TEXT PRIMARY KEY,
	story          TEXT NOT NULL,
	articles       INTEGER NOT NULL,
	first_ts       INTEGER NOT NULL,
	first_has_time INTEGER NOT NULL,
	first_article  TEXT NOT NULL,
	first_title    TEXT NOT NULL,
	last_ts        INTEGER,
	last_has_time  INTEGER NOT NULL
);
CREATE INDEX events_story ON events(story);
CREATE TABLE stories (
	id             TEXT PRIMARY KEY,
	articles       INTEGER NOT NULL,
	first_ts       INTEGER NOT NULL,
	first_has_time INTEGER NOT NULL,
	first_article  TEXT NOT NULL,
	first_title    TEXT NOT NULL,
	last_ts        INTEGER,
	last_has_time  INTEGER NOT NULL
);
CREATE INDEX stories_active ON stories(last_ts DESC, id);
-- How many of a story's articles come from each source and language.
CREATE TABLE story_facets (
	story    TEXT NOT NULL,
	facet    TEXT NOT NULL, -- 'source' or 'lang'
	value    TEXT NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (story, facet, value)
);
CREATE INDEX story_facets_value ON story_facets(facet, value, story);
-- Titles set by the clusterer, by event or story id.
CREATE TABLE cluster_titles (
	id    TEXT PRIMARY KEY,
	title TEXT NOT NULL
);
CREATE TABLE merges (
	seq       INTEGER PRIMARY KEY,
	level     TEXT NOT NULL,
	from_id   TEXT NOT NULL,
	into_id   TEXT NOT NULL,
	after     TEXT NOT NULL,
	merged_at TEXT NOT NULL
);
CREATE INDEX merges_from ON merges(level, from_id);

CREATE TABLE quotes (
	article       TEXT NOT NULL,
	ord           INTEGER NOT NULL,
	text          TEXT NOT NULL,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	speaker       TEXT NOT NULL,
	speaker_key   TEXT NOT NULL,
	speaker_start INTEGER NOT NULL,
	speaker_end   INTEGER NOT NULL,
	cue           TEXT NOT NULL,
	kind          TEXT NOT NULL,
	statement     TEXT NOT NULL,
	PRIMARY KEY (article, ord)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX quotes_statement ON quotes(statement);

CREATE TABLE state (
	stage TEXT NOT NULL,
	key   TEXT NOT NULL,
	value BLOB NOT NULL,
	PRIMARY KEY (stage, key)
);
`},
	// 2: assignments carry their article's publication time, so that a
	// story's articles are listed in order from one covering index.
	{sql: `
ALTER TABLE assignments ADD COLUMN pub_ts INTEGER NOT NULL DEFAULT 9223372036854775807;
UPDATE assignments SET pub_ts = COALESCE((SELECT ar.pub_ts FROM articles ar WHERE ar.id = assignments.article), 9223372036854775807);
DROP INDEX assignments_story;
CREATE INDEX assignments_story ON assignments(story, pub_ts, article, event);
`},
	// 3: running tallies for Stats, so that it costs the same at any size.
	{sql: `
CREATE TABLE tallies (
	name  TEXT NOT NULL, -- a count ("articles", "copies", ...) or a facet ("lang", "format", "source")
	value TEXT NOT NULL, -- '' for counts; the facet's value
	n     INTEGER NOT NULL,
	PRIMARY KEY (name, value)
);
INSERT INTO tallies (name, value, n)
	SELECT 'articles', '', COUNT(*) FROM articles
	UNION ALL SELECT 'updates', '', COUNT(*) FROM article_history
	UNION ALL SELECT 'copies', '', COUNT(*) FROM copies
	UNION ALL SELECT 'quotes', '', COUNT(*) FROM quotes
	UNION ALL SELECT 'events', '', COUNT(*) FROM events
	UNION ALL SELECT 'stories', '', COUNT(*) FROM stories
	UNION ALL SELECT 'entities', '', COUNT(*) FROM entities;
INSERT INTO tallies (name, value, n)
	SELECT 'lang', lang, COUNT(*) FROM articles GROUP BY lang
	UNION ALL SELECT 'format', format, COUNT(*) FROM articles GROUP BY format
	UNION ALL SELECT 'source', source, COUNT(*) FROM articles GROUP BY source;
`},
	// 4: fewer b-trees to write per article. Every index on a key that new
	// articles do not arrive in order of (an id, an entity, a story) costs
	// a page written per insert once it outgrows the batch, so that
	// commits slowed as the store grew. article_entities duplicated the
	// articles.entities column (Commit derives the entity totals and a
	// story's entity facets from it); story_facets_value and
	// articles_format were read by no query. Small keyed tables are
	// clustered on their key (WITHOUT ROWID): one b-tree instead of two.
	// The full-text index merges 16 segments of a level at a time rather
	// than 4: each article's postings are rewritten about half as often
	// (a third less index CPU at 100 000 articles) for a few more segments
	// per query.
	{sql: `
DROP TABLE article_entities;
DROP INDEX articles_format;
DROP INDEX story_facets_value;

CREATE TABLE story_facets_v4 (
	story    TEXT NOT NULL,
	facet    TEXT NOT NULL,
	value    TEXT NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (story, facet, value)
) WITHOUT ROWID;
INSERT INTO story_facets_v4 (story, facet, value, articles) SELECT story, facet, value, articles FROM story_facets;
DROP TABLE story_facets;
ALTER TABLE story_facets_v4 RENAME TO story_facets;

CREATE TABLE entities_v4 (
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	articles INTEGER NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (name, kind)
) WITHOUT ROWID;
INSERT INTO entities_v4 (name, kind, articles, mentions) SELECT name, kind, articles, mentions FROM entities;
DROP TABLE entities;
ALTER TABLE entities_v4 RENAME TO entities;
CREATE INDEX entities_rank ON entities(articles DESC, mentions DESC, name, kind);

CREATE TABLE assignments_v4 (
	article TEXT PRIMARY KEY,
	event   TEXT NOT NULL,
	story   TEXT NOT NULL,
	why     TEXT, -- JSON Why
	pub_ts  INTEGER NOT NULL DEFAULT 9223372036854775807
) WITHOUT ROWID;
INSERT INTO assignments_v4 (article, event, story, why, pub_ts) SELECT article, event, story, why, pub_ts FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_v4 RENAME TO assignments;
CREATE INDEX assignments_event ON assignments(event);
CREATE INDEX assignments_story ON assignments(story, pub_ts, article, event);

CREATE TABLE tallies_v4 (
	name  TEXT NOT NULL,
	value TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (name, value)
) WITHOUT ROWID;
INSERT INTO tallies_v4 (name, value, n) SELECT name, value, n FROM tallies;
DROP TABLE tallies;
ALTER TABLE tallies_v4 RENAME TO tallies;

INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
`},
	// 5: appends instead of scattered writes. Every row of an index on a
	// key that new articles do not arrive in order of dirties a page of its
	// own once the index outgrows a batch: at 10 000 articles a commit
	// wrote 26 pages per article, 8 of them to the quotes' speaker and
	// statement indexes (13 quotes an article, each key new) and 4 to the
	// state table's separate key index. An article's quotes are now one
	// row under its seq (quote_sets, appended), found by speaker or
	// statement through a full-text index of hashed keys (quote_keys),
	// which FTS5 builds in segments written whole, not page by page.
	// The entity ranking indexes only entities of at least rankMin
	// articles: the many mentioned once or twice moved in it with every
	// mention, two pages an article; the top of the ranking, which is
	// what is listed, is all there.
	// (State and copies stay row-id tables: new rows append, and only
	// their small key indexes take scattered writes; clustered on their
	// keys, they wrote more pages, not fewer.)
	{sql: `
CREATE TABLE quote_sets (
	seq     INTEGER PRIMARY KEY, -- the article's seq; negative for quotes of an article not stored
	article TEXT NOT NULL,
	n       INTEGER NOT NULL,    -- how many quotes
	quotes  BLOB NOT NULL        -- codec.go: the quotes by offset
);
CREATE INDEX quote_sets_orphans ON quote_sets(article) WHERE seq < 0;
-- One row per quote set (rowid = quote_sets.seq): a token per distinct
-- speaker and statement (quoteKey), so that only whole keys match.
CREATE VIRTUAL TABLE quote_keys USING fts5(
	keys, content='', contentless_delete=1, detail=none, tokenize='ascii'
);

DROP INDEX entities_rank;
CREATE INDEX entities_rank ON entities(articles DESC, mentions DESC, name, kind) WHERE articles >= 3;
`, run: migrateQuotesV5},
	// 6: entity totals folded in many articles at a time. Most names an
	// article mentions are mentioned by no other, so that the totals grow
	// by a dozen rows an article, each at its own place in the table: an
	// upsert per batch dirtied a page per name, most of a commit's pages.
	// The totals now hold the articles up to entity_fold.through (all of
	// them when this step runs); those after it are folded in when enough
	// have come (see foldEntities), their pages written once for many.
	{sql: `
CREATE TABLE entity_fold (
	one     INTEGER PRIMARY KEY CHECK (one = 1),
	through INTEGER NOT NULL -- articles.seq up to which the totals count
);
INSERT INTO entity_fold (one, through) SELECT 1, COALESCE(MAX(seq), 0) FROM articles;

-- Each commit adds a segment to each full-text index, and a level of
-- merges rewrites every posting once: merging 64 segments at a time
-- rather than 16 (4 for quote_keys) makes a level of merges per 64 times
-- more commits, so that a million articles take two levels instead of
-- three (five), for more segments to read per query. The crisis merge
-- must wait as long, or it merges at 16 still.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 64);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO quote_keys (quote_keys, rank) VALUES ('automerge', 64);
INSERT INTO quote_keys (quote_keys, rank) VALUES ('crisismerge', 64);
`},
	// 7: the entities a story mentions are found through its articles'.
	// Counting them per story took 16 of the 17 facet rows an article
	// wrote, each an upsert at a place of its own (most names are new to
	// their story), the largest share of a commit's rows. Each article's
	// distinct normalised names are now one row of a full-text index of
	// hashed keys (entity_keys, rowid = articles.seq, as quote_keys),
	// which FTS5 writes a segment per batch; story_facets keeps the
	// source and language counts.
	{sql: `
CREATE TABLE story_facets_v7 (
	story    TEXT NOT NULL,
	facet    TEXT NOT NULL, -- 'source' or 'lang'
	value    TEXT NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (story, facet, value)
) WITHOUT ROWID;
INSERT INTO story_facets_v7 (story, facet, value, articles)
	SELECT story, facet, value, articles FROM story_facets WHERE facet <> 'entity';
DROP TABLE story_facets;
ALTER TABLE story_facets_v7 RENAME TO story_facets;

CREATE VIRTUAL TABLE entity_keys USING fts5(
	keys, content='', contentless_delete=1, detail=none, tokenize='ascii'
);
INSERT INTO entity_keys (entity_keys, rank) VALUES ('automerge', 64);
INSERT INTO entity_keys (entity_keys, rank) VALUES ('crisismerge', 64);
`, run: migrateEntityKeysV7},
	// 8: the full-text indexes merge a little with every commit instead of
	// a whole level in one. With the crisis merge at the automerge's 64,
	// the commit that added a level's 64th segment merged all of them at
	// once, in all three indexes together (every commit adds a segment to
	// each): one commit in 64 took several times as long as the rest. The
	// automerge, which FTS5 runs after each segment it writes, merges as
	// many pages as the commit wrote times the number of levels, and so
	// finishes a level's merge before the next 64 segments have come; the
	// crisis merge stays as a bound should it fall behind.
	{sql: `
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 256);
INSERT INTO quote_keys (quote_keys, rank) VALUES ('crisismerge', 256);
INSERT INTO entity_keys (entity_keys, rank) VALUES ('crisismerge', 256);
`},
	// 9: a fold of the entity totals spread over several commits, a slice
	// of the names (in the totals' order) in each, so that no commit
	// pays it all (see foldrun.go). While one is under way (target not
	// NULL), the names up to (done_name, done_kind) count the articles
	// up to target, the others those up to through. stamp changes with
	// every change of an article the fold has yet to add, so that a
	// writer holding the fold's counts in memory knows when another
	// process has made them stale.
	{sql: `
ALTER TABLE entity_fold ADD COLUMN target INTEGER;
ALTER TABLE entity_fold ADD COLUMN done_name TEXT;
ALTER TABLE entity_fold ADD COLUMN done_kind TEXT;
ALTER TABLE entity_fold ADD COLUMN stamp INTEGER NOT NULL DEFAULT 0;
`},
}

// migrate brings the database to the latest schema version, one
// transaction per step.
func migrate(ctx context.Context, db *sql.DB) error { return migrateSteps(ctx, db, migrations) }

// migration is one schema step: statements, then, when run is set, Go
// code that moves data the statements cannot, in the same transaction.
type migration struct {
	sql string
	run func(ctx context.Context, tx *sql.Tx) error
}

// migrateSteps applies steps[v:] to a database at version v. Each step
// reads the version inside its own write transaction, so two processes
// opening a fresh database at once migrate it exactly once.
func migrateSteps(ctx context.Context, db *sql.DB, steps []migration) error {
	for {
		done, err := migrateStep(ctx, db, steps)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next step, if any, and reports whether the
// schema was already current.
func migrateStep(ctx context.Context, db *sql.DB, steps []migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if v > len(steps) {
		return false, fmt.Errorf("schema version %d is newer than this program knows (%d)", v, len(steps))
	}
	if v == len(steps) {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, steps[v].sql); err != nil {
		return false, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	if run := steps[v].run; run != nil {
		if err := run(ctx, tx); err != nil {
			return false, fmt.Errorf("migrate to %d: %w", v+1, err)
		}
	}
	// PRAGMA takes no parameters; v is an int.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	return false, nil
}

// checkVersion fails unless the database is at the latest version.
func checkVersion(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v != len(migrations) {
		return fmt.Errorf("schema version %d, want %d (open read-write once to migrate)", v, len(migrations))
	}
	return nil
}
