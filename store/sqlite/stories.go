package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Assignment returns one article's assignment, or ErrNotFound.
func (d *DB) Assignment(ctx context.Context, article string) (storyline.Assignment, error) {
	as := storyline.Assignment{Article: article}
	var why *string
	err := d.queryRow(ctx, `SELECT event, story, why FROM assignments WHERE article = ?`, article).
		Scan(&as.Event, &as.Story, &why)
	if errors.Is(err, sql.ErrNoRows) {
		return as, fmt.Errorf("sqlite: assignment of %q: %w", article, storyline.ErrNotFound)
	}
	if err != nil {
		return as, fmt.Errorf("sqlite: assignment of %q: %w", article, err)
	}
	if why != nil {
		as.Why = new(storyline.Why)
		if err := decodeJSON(why, as.Why); err != nil {
			return as, fmt.Errorf("sqlite: assignment of %q: %w", article, err)
		}
	}
	return as, nil
}

// clusterCols are the aggregate columns of events and stories, alias c,
// with the explicit title from cluster_titles t.
const clusterCols = `c.id, c.articles, c.first_ts, c.first_has_time, c.first_title, c.last_ts, c.last_has_time, t.title`

type clusterRow struct {
	id          string
	first, last storyline.Published
	title       string
	articles    int
}

func scanCluster(r scanner, extra ...any) (clusterRow, error) {
	var (
		c                 clusterRow
		firstTS           int64
		firstHas, lastHas bool
		lastTS            sql.NullInt64
		firstTitle        string
		title             *string
	)
	dest := append([]any{&c.id, &c.articles, &firstTS, &firstHas, &firstTitle, &lastTS, &lastHas, &title}, extra...)
	if err := r.Scan(dest...); err != nil {
		return c, err
	}
	c.first = published(firstTS, firstHas)
	if lastTS.Valid {
		c.last = published(lastTS.Int64, lastHas)
	}
	c.title = firstTitle
	if title != nil {
		c.title = *title
	}
	return c, nil
}

// Stories lists stories, most recently active first (stories without a
// known date last), with their events and articles.
func (d *DB) Stories(ctx context.Context, f storyline.StoryFilter) ([]storyline.Story, error) {
	var where []string
	var args []any
	if !f.Since.IsZero() || !f.Until.IsZero() {
		lo, hi, _ := sinceUntil(f.Since, f.Until)
		if !f.Since.IsZero() {
			where, args = append(where, "c.last_ts >= ?"), append(args, lo)
		}
		if !f.Until.IsZero() {
			where, args = append(where, "c.first_ts <= ?"), append(args, hi)
		}
	}
	// Facet filters probe story_facets by primary key for each story
	// in activity order, so a common value stops after Limit stories.
	for _, fv := range [][2]string{{"source", f.Source}, {"lang", f.Lang}} {
		if fv[1] != "" {
			where = append(where, `EXISTS (SELECT 1 FROM story_facets f WHERE f.story = c.id AND f.facet = ? AND f.value = ?)`)
			args = append(args, fv[0], fv[1])
		}
	}
	if key := textproc.Normalize(f.Entity); key != "" {
		w, err := d.entityFilter(ctx, key)
		if err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		where, args = append(where, w), append(args, `"`+entityToken(key)+`"`)
	}
	if f.Query != "" {
		q := ftsQuery(f.Query)
		if q == "" {
			return nil, nil
		}
		where = append(where, `c.id IN (SELECT a.story FROM articles_fts
			JOIN articles ar ON ar.seq = articles_fts.rowid
			JOIN assignments a ON a.article = ar.id WHERE articles_fts MATCH ?)`)
		args = append(args, q)
	}
	q := `SELECT ` + clusterCols + ` FROM stories c LEFT JOIN cluster_titles t ON t.id = c.id`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY c.last_ts DESC, c.id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(f.Offset, 0))
	}
	stories, err := d.loadStories(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return stories, nil
}

// defaultEntityLead is how many articles mentioning an entity the
// stories filtered by it are found from at most; beyond it, stories are
// probed.
const defaultEntityLead = 2000

// entityFilter returns the condition on stories c that keeps those with
// an article mentioning the entity of normalised name key, taking the
// token of the key as its parameter. An entity few articles mention
// leads: the stories of its articles are collected from entity_keys. A
// common one is probed in each story's articles in activity order, so
// that a listing stops after its Limit stories, as a facet did.
func (d *DB) entityFilter(ctx context.Context, key string) (string, error) {
	var n int
	err := d.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT rowid FROM entity_keys WHERE entity_keys MATCH ? LIMIT ?)`,
		`"`+entityToken(key)+`"`, d.entityLead+1).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("entity %q: %w", key, err)
	}
	if n <= d.entityLead {
		return `c.id IN (SELECT a.story FROM entity_keys JOIN articles ar ON ar.seq = entity_keys.rowid
			JOIN assignments a ON a.article = ar.id WHERE entity_keys MATCH ?)`, nil
	}
	// The unary + keeps SQLite from looking every article of the list
	// up in each story (as an index constraint) rather than each of the
	// story's articles in the list.
	return `EXISTS (SELECT 1 FROM assignments a JOIN articles ar ON ar.id = a.article
		WHERE a.story = c.id AND +ar.seq IN (SELECT rowid FROM entity_keys WHERE entity_keys MATCH ?))`, nil
}

// Story returns one story with its events. An id merged into another
// story returns that story.
func (d *DB) Story(ctx context.Context, id string) (storyline.Story, error) {
	cur := id
	for hop := 0; hop < 64; hop++ {
		list, err := d.loadStories(ctx, `SELECT `+clusterCols+` FROM stories c
			LEFT JOIN cluster_titles t ON t.id = c.id WHERE c.id = ?`, cur)
		if err != nil {
			return storyline.Story{}, fmt.Errorf("sqlite: story %q: %w", id, err)
		}
		if len(list) == 1 {
			return list[0], nil
		}
		var next string
		err = d.r.QueryRowContext(ctx, `SELECT into_id FROM merges WHERE level = 'story' AND from_id = ?
			ORDER BY seq DESC LIMIT 1`, cur).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) || next == cur {
			break
		}
		if err != nil {
			return storyline.Story{}, fmt.Errorf("sqlite: story %q: %w", id, err)
		}
		cur = next
	}
	return storyline.Story{}, fmt.Errorf("sqlite: story %q: %w", id, storyline.ErrNotFound)
}

// evRef locates an event in a listing: story index, event index.
type evRef struct{ story, event int }

// loadStories runs a query over stories and fills in events and article
// ids.
func (d *DB) loadStories(ctx context.Context, q string, args ...any) ([]storyline.Story, error) {
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	var out []storyline.Story
	index := map[string]int{}
	for rows.Next() {
		c, err := scanCluster(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[c.id] = len(out)
		out = append(out, storyline.Story{ID: c.id, Title: c.title, FirstPublished: c.first,
			LastPublished: c.last, Articles: make([]string, 0, c.articles)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	ids := make([]string, len(out))
	for i, s := range out {
		ids[i] = s.ID
	}
	in := `(` + placeholders(len(ids)) + `)`
	// Events, earliest first.
	rows, err = d.r.QueryContext(ctx, `SELECT `+clusterCols+`, c.story FROM events c
		LEFT JOIN cluster_titles t ON t.id = c.id WHERE c.story IN `+in+` ORDER BY c.first_ts, c.id`, anys(ids)...)
	if err != nil {
		return nil, err
	}
	events := map[string]evRef{}
	for rows.Next() {
		var story string
		c, err := scanCluster(rows, &story)
		if err != nil {
			rows.Close()
			return nil, err
		}
		si := index[story]
		events[c.id] = evRef{si, len(out[si].Events)}
		out[si].Events = append(out[si].Events, storyline.Event{ID: c.id, Story: story, Title: c.title,
			FirstPublished: c.first, LastPublished: c.last, Articles: make([]string, 0, c.articles)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Articles in publication order: one row per story, the ids and their
	// events joined, which reads far fewer rows than one per article. Each
	// story's Articles was made with its article count as capacity.
	rows, err = d.r.QueryContext(ctx, `SELECT story,
		string_agg(article, char(31) ORDER BY pub_ts, article),
		string_agg(event, char(31) ORDER BY pub_ts, article)
		FROM assignments WHERE story IN `+in+` GROUP BY story`, anys(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st, arts, evs string
		if err := rows.Scan(&st, &arts, &evs); err != nil {
			return nil, err
		}
		si := index[st]
		as, es := strings.Split(arts, "\x1f"), strings.Split(evs, "\x1f")
		if len(as) != len(es) || len(as) != cap(out[si].Articles) {
			// An id holds the separator: read the rows one by one.
			if err := d.storyArticles(ctx, &out[si], events); err != nil {
				return nil, err
			}
			continue
		}
		for i, art := range as {
			out[si].Articles = append(out[si].Articles, art)
			if r, ok := events[es[i]]; ok && r.story == si {
				e := &out[si].Events[r.event]
				e.Articles = append(e.Articles, art)
			}
		}
	}
	return out, rows.Err()
}

// storyArticles fills in the articles of one story and its events, one
// row per article.
func (d *DB) storyArticles(ctx context.Context, st *storyline.Story, events map[string]evRef) error {
	rows, err := d.r.QueryContext(ctx, `SELECT article, event FROM assignments WHERE story = ? ORDER BY pub_ts, article`, st.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	st.Articles = st.Articles[:0]
	for i := range st.Events {
		st.Events[i].Articles = st.Events[i].Articles[:0]
	}
	for rows.Next() {
		var art, ev string
		if err := rows.Scan(&art, &ev); err != nil {
			return err
		}
		st.Articles = append(st.Articles, art)
		if r, ok := events[ev]; ok {
			e := &st.Events[r.event]
			e.Articles = append(e.Articles, art)
		}
	}
	return rows.Err()
}

// migrateEntityKeysV7 indexes the entities of every stored article in
// entity_keys, many rows a statement.
func migrateEntityKeysV7(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq, entities FROM articles WHERE entities IS NOT NULL ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("entity keys: %w", err)
	}
	defer rows.Close()
	const per = 256
	var args []any
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		n := len(args) / 2
		q := `INSERT INTO entity_keys (rowid, keys) VALUES ` + strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("entity keys: %w", err)
		}
		args = args[:0]
		return nil
	}
	for rows.Next() {
		var seq int64
		var b []byte
		if err := rows.Scan(&seq, &b); err != nil {
			return fmt.Errorf("entity keys: %w", err)
		}
		ents, err := decodeEntities(b)
		if err != nil {
			return fmt.Errorf("entity keys of article %d: %w", seq, err)
		}
		if t := entityTokens(ents); t != "" {
			args = append(args, seq, t)
		}
		if len(args) == 2*per {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entity keys: %w", err)
	}
	return flush()
}
