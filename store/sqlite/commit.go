package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Commit writes a batch in one transaction and reports what happened to
// each article. On any error nothing of the batch is stored.
func (d *DB) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	if d.w == nil {
		return nil, errors.New("sqlite: commit: store is read-only")
	}
	if err := validate(b); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: commit: begin: %w", err)
	}
	c := &committer{
		ctx:   ctx,
		tx:    tx,
		stmts: map[string]*sql.Stmt{},
		now:   time.Now().UTC().Format(time.RFC3339Nano),
		batch: map[string]*storyline.Article{},
		cl:    newTracker(),
	}
	outs, err := c.run(b)
	c.closeStmts()
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	return outs, nil
}

// validate rejects a batch that cannot be stored before anything is
// written.
func validate(b storyline.Batch) error {
	for i, a := range b.Articles {
		if a.ID == "" {
			return fmt.Errorf("article %d: empty id", i)
		}
	}
	for i, cp := range b.Copies {
		if cp.A == "" || cp.B == "" || cp.A == cp.B {
			return fmt.Errorf("copy %d: want two different article ids, have %q and %q", i, cp.A, cp.B)
		}
	}
	for i, as := range b.Assignments {
		if as.Article == "" || as.Event == "" || as.Story == "" {
			return fmt.Errorf("assignment %d: article, event and story must be set", i)
		}
	}
	for i, m := range b.Merges {
		if m.Level != "event" && m.Level != "story" {
			return fmt.Errorf("merge %d: level %q, want event or story", i, m.Level)
		}
		if m.From == "" || m.Into == "" {
			return fmt.Errorf("merge %d: from and into must be set", i)
		}
	}
	for stage := range b.State {
		if stage == "" {
			return errors.New("state: empty stage name")
		}
	}
	return nil
}

// committer holds one Commit's transaction and prepared statements.
type committer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	now   string
	// batch holds the batch's articles by id, for cluster aggregates.
	batch map[string]*storyline.Article
	// entityDelta accumulates changes to the entity totals.
	entityDelta map[entityKey]*entityTotal
	cl          *tracker
}

type entityKey struct{ name, kind string }
type entityTotal struct{ articles, mentions int }

func (c *committer) stmt(q string) (*sql.Stmt, error) {
	if s, ok := c.stmts[q]; ok {
		return s, nil
	}
	s, err := c.tx.PrepareContext(c.ctx, q)
	if err != nil {
		return nil, fmt.Errorf("prepare %.40q: %w", q, err)
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
	outs := make([]storyline.Outcome, len(b.Articles))
	for i := range b.Articles {
		o, err := c.article(&b.Articles[i])
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", b.Articles[i].ID, err)
		}
		outs[i] = o
	}
	if err := c.flushEntities(); err != nil {
		return nil, err
	}
	steps := []func(storyline.Batch) error{
		c.copies, c.assignments, c.merges, c.flushClusters, c.titles, c.quotes, c.state,
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

// articleHash is the article's Hash, computed when the caller left it
// empty.
func articleHash(a *storyline.Article) string {
	if a.Hash != "" {
		return a.Hash
	}
	return textproc.Hash(a.Title + "\n" + a.Text)
}

// pubTS encodes a publication time as pub_ts and pub_has_time.
func pubTS(p storyline.Published) (int64, bool) {
	if p.IsZero() {
		return unknownTS, false
	}
	return p.Time.UnixMicro(), p.HasTime
}

// published decodes pub_ts and pub_has_time.
func published(ts int64, hasTime bool) storyline.Published {
	if ts == unknownTS {
		return storyline.Published{}
	}
	return storyline.Published{Time: time.UnixMicro(ts).UTC(), HasTime: hasTime}
}

// jsonOrNil encodes v, or returns nil (NULL) for an empty slice.
func jsonOrNil[T any](v []T) (any, error) {
	if len(v) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// foldYo folds ё to е, as the full-text index expects.
func foldYo(s string) string {
	if !strings.ContainsAny(s, "ёЁ") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ё':
			return 'е'
		case 'Ё':
			return 'Е'
		}
		return r
	}, s)
}

// article stores one article and reports the outcome.
func (c *committer) article(a *storyline.Article) (storyline.Outcome, error) {
	hash := articleHash(a)
	ts, has := pubTS(a.Published)
	c.batch[a.ID] = a
	row, err := c.queryRow(`SELECT seq, hash, title, source, lang, pub_ts FROM articles WHERE id = ?`, a.ID)
	if err != nil {
		return "", err
	}
	var (
		seq                       int64
		oldHash, oldTitle, oldSrc string
		oldLang                   string
		oldTS                     int64
	)
	switch err := row.Scan(&seq, &oldHash, &oldTitle, &oldSrc, &oldLang, &oldTS); {
	case errors.Is(err, sql.ErrNoRows):
		seq = 0
	case err != nil:
		return "", fmt.Errorf("look up: %w", err)
	case oldHash == hash:
		return storyline.Unchanged, nil
	}
	dates, err := jsonOrNil(a.Dates)
	if err != nil {
		return "", fmt.Errorf("encode dates: %w", err)
	}
	ents, err := jsonOrNil(a.Entities)
	if err != nil {
		return "", fmt.Errorf("encode entities: %w", err)
	}
	cited, err := jsonOrNil(a.Cited)
	if err != nil {
		return "", fmt.Errorf("encode citations: %w", err)
	}
	outcome := storyline.Added
	if seq == 0 {
		res, err := c.exec(`INSERT INTO articles
			(id, hash, title, source, url, lang, pub_ts, pub_has_time, text, format, origin, dates, entities, cited, stored_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, hash, a.Title, a.Source, a.URL, a.Lang, ts, has, a.Text, a.Format, a.Origin, dates, ents, cited, c.now)
		if err != nil {
			return "", err
		}
		if seq, err = res.LastInsertId(); err != nil {
			return "", fmt.Errorf("insert: %w", err)
		}
	} else {
		outcome = storyline.Updated
		if _, err := c.exec(`INSERT INTO article_history
			(id, hash, title, source, url, lang, pub_ts, pub_has_time, text, format, origin, raw, stored_at, replaced_at, new_hash)
			SELECT a.id, a.hash, a.title, a.source, a.url, a.lang, a.pub_ts, a.pub_has_time, a.text, a.format, a.origin, r.raw, a.stored_at, ?, ?
			FROM articles a LEFT JOIN article_raw r ON r.seq = a.seq WHERE a.seq = ?`, c.now, hash, seq); err != nil {
			return "", err
		}
		if _, err := c.exec(`UPDATE articles SET hash = ?, title = ?, source = ?, url = ?, lang = ?, pub_ts = ?,
			pub_has_time = ?, text = ?, format = ?, origin = ?, dates = ?, entities = ?, cited = ?, stored_at = ?
			WHERE seq = ?`,
			hash, a.Title, a.Source, a.URL, a.Lang, ts, has, a.Text, a.Format, a.Origin, dates, ents, cited, c.now, seq); err != nil {
			return "", err
		}
		if _, err := c.exec(`DELETE FROM article_raw WHERE seq = ?`, seq); err != nil {
			return "", err
		}
		if _, err := c.exec(`DELETE FROM articles_fts WHERE rowid = ?`, seq); err != nil {
			return "", err
		}
		if err := c.dropEntities(a.ID); err != nil {
			return "", err
		}
		if oldTS != ts || oldTitle != a.Title || oldSrc != a.Source || oldLang != a.Lang {
			if err := c.articleChanged(a.ID); err != nil {
				return "", err
			}
		}
	}
	if len(a.Raw) > 0 {
		if _, err := c.exec(`INSERT INTO article_raw (seq, raw) VALUES (?, ?)`, seq, a.Raw); err != nil {
			return "", err
		}
	}
	if _, err := c.exec(`INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`,
		seq, foldYo(a.Title), foldYo(a.Text)); err != nil {
		return "", err
	}
	if err := c.addEntities(a); err != nil {
		return "", err
	}
	return outcome, nil
}

// addEntities records the entities an article mentions.
func (c *committer) addEntities(a *storyline.Article) error {
	if len(a.Entities) == 0 {
		return nil
	}
	// One row per (name, kind), mentions summed over repeats.
	type nk = entityKey
	seen := make(map[nk]int, len(a.Entities))
	order := make([]nk, 0, len(a.Entities))
	for _, e := range a.Entities {
		if e.Name == "" {
			continue
		}
		k := nk{e.Name, string(e.Kind)}
		if _, ok := seen[k]; !ok {
			order = append(order, k)
		}
		seen[k] += max(len(e.Mentions), 1)
	}
	for _, k := range order {
		n := seen[k]
		if _, err := c.exec(`INSERT INTO article_entities (article, name, kind, key, mentions) VALUES (?, ?, ?, ?, ?)`,
			a.ID, k.name, k.kind, textproc.Normalize(k.name), n); err != nil {
			return err
		}
		c.entity(k, 1, n)
	}
	return nil
}

// dropEntities forgets the entities an article mentioned before.
func (c *committer) dropEntities(article string) error {
	s, err := c.stmt(`SELECT name, kind, mentions FROM article_entities WHERE article = ?`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(c.ctx, article)
	if err != nil {
		return fmt.Errorf("entities of %q: %w", article, err)
	}
	for rows.Next() {
		var k entityKey
		var n int
		if err := rows.Scan(&k.name, &k.kind, &n); err != nil {
			rows.Close()
			return fmt.Errorf("entities of %q: %w", article, err)
		}
		c.entity(k, -1, -n)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entities of %q: %w", article, err)
	}
	_, err = c.exec(`DELETE FROM article_entities WHERE article = ?`, article)
	return err
}

func (c *committer) entity(k entityKey, articles, mentions int) {
	if c.entityDelta == nil {
		c.entityDelta = map[entityKey]*entityTotal{}
	}
	t := c.entityDelta[k]
	if t == nil {
		t = &entityTotal{}
		c.entityDelta[k] = t
	}
	t.articles += articles
	t.mentions += mentions
}

// flushEntities applies the batch's changes to the entity totals, one
// statement per entity.
func (c *committer) flushEntities() error {
	keys := make([]entityKey, 0, len(c.entityDelta))
	for k := range c.entityDelta {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y entityKey) int {
		return strings.Compare(x.name+"\x00"+x.kind, y.name+"\x00"+y.kind)
	})
	for _, k := range keys {
		t := c.entityDelta[k]
		if t.articles == 0 && t.mentions == 0 {
			continue
		}
		if _, err := c.exec(`INSERT INTO entities (name, kind, articles, mentions) VALUES (?, ?, ?, ?)
			ON CONFLICT (name, kind) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions`,
			k.name, k.kind, t.articles, t.mentions); err != nil {
			return err
		}
		if t.articles < 0 {
			if _, err := c.exec(`DELETE FROM entities WHERE name = ? AND kind = ? AND articles <= 0`, k.name, k.kind); err != nil {
				return err
			}
		}
	}
	return nil
}
