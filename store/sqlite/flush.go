package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/storyline-news/storyline"
)

// flushClusters writes the aggregates of every cluster the batch touched:
// dirty clusters are recomputed one by one, and the others, which only
// gained members, are read, updated and written many at a time.
func (c *committer) flushClusters(storyline.Batch) error {
	c.settleAbsorbed()
	for _, level := range []string{"event", "story"} {
		dirty, adds := c.cl.dirtyEvents, c.cl.addEvents
		if level == "story" {
			dirty, adds = c.cl.dirtyStories, c.cl.addStories
		}
		var grown []string
		ids := keys(dirty, adds)
		if level == "story" {
			for id := range c.cl.shrunk {
				if !dirty[id] && adds[id] == nil {
					ids = append(ids, id)
				}
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
		}
		for _, id := range ids {
			if level == "story" && !dirty[id] && c.cl.shrunk[id] != nil {
				if err := c.flushShrunk(id); err != nil {
					return fmt.Errorf("story %q: %w", id, err)
				}
				continue
			}
			if !dirty[id] {
				grown = append(grown, id)
				continue
			}
			if err := c.flushCluster(level, id); err != nil {
				return fmt.Errorf("%s %q: %w", level, id, err)
			}
		}
		if err := c.flushGrown(level, grown); err != nil {
			return err
		}
	}
	return nil
}

// upsertEvents and upsertStories write cluster rows; an event written
// with an empty story keeps the one it has.
const (
	upsertEvents = `INSERT INTO events (id, story, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)`
	onEvents     = `ON CONFLICT (id) DO UPDATE SET story = CASE WHEN excluded.story = '' THEN events.story ELSE excluded.story END,
		articles = excluded.articles, first_ts = excluded.first_ts, first_has_time = excluded.first_has_time,
		first_article = excluded.first_article, first_title = excluded.first_title,
		last_ts = excluded.last_ts, last_has_time = excluded.last_has_time`
	upsertStories = `INSERT INTO stories (id, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time)`
	onStories     = `ON CONFLICT (id) DO UPDATE SET articles = excluded.articles, first_ts = excluded.first_ts,
		first_has_time = excluded.first_has_time, first_article = excluded.first_article, first_title = excluded.first_title,
		last_ts = excluded.last_ts, last_has_time = excluded.last_has_time`
	upsertFacets = `INSERT INTO story_facets (story, facet, value, articles)`
	onFacets     = `ON CONFLICT (story, facet, value) DO UPDATE SET articles = story_facets.articles + excluded.articles`
)

// flushGrown adds the batch's new members to clusters (level "event" or
// "story") that lost none: their stored aggregates are read with one
// query per chunk and written back with multi-row upserts.
func (c *committer) flushGrown(level string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	table, adds := "events", c.cl.addEvents
	if level == "story" {
		table, adds = "stories", c.cl.addStories
	}
	stored := make(map[string]agg, len(ids))
	read := ids
	var absorbed []string
	if level == "story" {
		for _, id := range ids {
			absorbed = append(absorbed, c.cl.absorbed[id]...)
		}
		read = append(slices.Clip(ids), absorbed...)
	}
	for chunk := range slices.Chunk(read, maxParams) {
		s, err := c.stmt(`SELECT id, articles, first_ts, first_has_time, first_article, first_title, last_ts, last_has_time
			FROM ` + table + ` WHERE id IN (` + placeholders(len(chunk)) + `)`)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, anys(chunk)...)
		if err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		for rows.Next() {
			var id string
			var g agg
			if err := rows.Scan(&id, &g.n, &g.firstTS, &g.firstHas, &g.firstID, &g.firstTitle, &g.lastTS, &g.lastHas); err != nil {
				rows.Close()
				return fmt.Errorf("%s: %w", table, err)
			}
			stored[id] = g
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	var args, facets []any
	for _, id := range ids {
		g, existed := stored[id]
		for _, src := range c.cl.absorbed[id] {
			if h, ok := stored[src]; ok {
				g.merge(h)
			}
		}
		for _, m := range adds[id] {
			g.add(m)
		}
		if g.n == 0 {
			continue // nothing stored and nothing added
		}
		if !existed {
			c.tally(table, "", 1)
		}
		if level == "event" {
			args = append(args, id, c.cl.eventStory[id], g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas)
			continue
		}
		args = append(args, id, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas)
		facets = facetRows(facets, id, adds[id])
	}
	if level == "event" {
		return c.bulk(upsertEvents, 9, onEvents, args)
	}
	if err := c.bulk(upsertStories, 8, onStories, args); err != nil {
		return err
	}
	if err := c.bulk(upsertFacets, 4, onFacets, facets); err != nil {
		return err
	}
	// The absorbed stories' facets move to the story that took them in,
	// and their rows go.
	for _, id := range ids {
		for _, src := range c.cl.absorbed[id] {
			if _, ok := stored[src]; !ok {
				continue
			}
			c.tally(table, "", -1)
			if err := c.absorbStory(id, src); err != nil {
				return err
			}
		}
	}
	return nil
}

// flushShrunk brings up to date a story that lost members to another
// story and may have gained others, without reading all it holds: the
// count and facets change by what left and came, and the first and last
// articles are read from the assignments' story index.
func (c *committer) flushShrunk(id string) error {
	row, err := c.queryRow(`SELECT articles FROM stories WHERE id = ?`, id)
	if err != nil {
		return err
	}
	var n int
	switch err := row.Scan(&n); {
	case errors.Is(err, sql.ErrNoRows):
		return c.recompute(id)
	case err != nil:
		return err
	}
	gone, came, srcs := c.cl.shrunk[id], c.cl.addStories[id], c.cl.absorbed[id]
	n += len(came) - len(gone)
	var stored []string // the absorbed stories that have rows
	for _, src := range srcs {
		row, err := c.queryRow(`SELECT articles FROM stories WHERE id = ?`, src)
		if err != nil {
			return err
		}
		var m int
		switch err := row.Scan(&m); {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return err
		}
		n += m
		stored = append(stored, src)
	}
	if n <= 0 {
		return c.recompute(id)
	}
	g := agg{n: n}
	row, err = c.queryRow(`SELECT a.article, a.pub_ts, COALESCE(ar.pub_has_time, 0), COALESCE(ar.title, '')
		FROM assignments a LEFT JOIN articles ar ON ar.id = a.article WHERE a.story = ? ORDER BY a.pub_ts, a.article LIMIT 1`, id)
	if err != nil {
		return err
	}
	if err := row.Scan(&g.firstID, &g.firstTS, &g.firstHas, &g.firstTitle); err != nil {
		return fmt.Errorf("first article: %w", err)
	}
	row, err = c.queryRow(`SELECT a.pub_ts, COALESCE(MAX(ar.pub_has_time), 0) FROM assignments a LEFT JOIN articles ar ON ar.id = a.article
		WHERE a.story = ?1 AND a.pub_ts = (SELECT MAX(pub_ts) FROM assignments WHERE story = ?1 AND pub_ts < ?2)`, id, unknownTS)
	if err != nil {
		return err
	}
	if err := row.Scan(&g.lastTS, &g.lastHas); err != nil {
		return fmt.Errorf("last article: %w", err)
	}
	if err := c.bulk(upsertStories, 8, onStories,
		[]any{id, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas}); err != nil {
		return err
	}
	for _, src := range stored {
		c.tally("stories", "", -1)
		if err := c.absorbStory(id, src); err != nil {
			return err
		}
	}
	facets := facetRows(nil, id, came)
	lost := facetRows(nil, id, gone)
	for i := 3; i < len(lost); i += 4 {
		lost[i] = -lost[i].(int)
	}
	if err := c.bulk(upsertFacets, 4, onFacets, append(facets, lost...)); err != nil {
		return err
	}
	_, err = c.exec(`DELETE FROM story_facets WHERE story = ? AND articles <= 0`, id)
	return err
}

// recompute recomputes a story that flushShrunk cannot bring up to date,
// and the stories it absorbed, which have no articles left.
func (c *committer) recompute(id string) error {
	for _, src := range c.cl.absorbed[id] {
		if err := c.flushCluster("story", src); err != nil {
			return err
		}
	}
	return c.flushCluster("story", id)
}

func keys(a map[string]bool, b map[string][]member) []string {
	out := make([]string, 0, len(a)+len(b))
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if !a[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// flushCluster recomputes a dirty cluster from its assignments.
func (c *committer) flushCluster(level, id string) error {
	table, col := "events", "event"
	if level == "story" {
		table, col = "stories", "story"
	}
	existed, err := c.exists(table, id)
	if err != nil {
		return err
	}
	members, st, err := c.members(col, id)
	if err != nil {
		return err
	}
	story := c.cl.eventStory[id]
	if story == "" {
		story = st
	}
	var g agg
	for _, m := range members {
		g.add(m)
	}
	if g.n == 0 {
		if !existed {
			return nil
		}
		c.tally(table, "", -1)
		if _, err := c.exec(`DELETE FROM `+table+` WHERE id = ?`, id); err != nil {
			return err
		}
		if level == "story" {
			_, err := c.exec(`DELETE FROM story_facets WHERE story = ?`, id)
			return err
		}
		return nil
	}
	if !existed {
		c.tally(table, "", 1)
	}
	if level == "event" {
		return c.bulk(upsertEvents, 9, onEvents,
			[]any{id, story, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas})
	}
	if err := c.bulk(upsertStories, 8, onStories,
		[]any{id, g.n, g.firstTS, g.firstHas, g.firstID, g.firstTitle, g.lastTS, g.lastHas}); err != nil {
		return err
	}
	if _, err := c.exec(`DELETE FROM story_facets WHERE story = ?`, id); err != nil {
		return err
	}
	return c.bulk(upsertFacets, 4, onFacets, facetRows(nil, id, members))
}

// facetRows appends the rows counting a story's members by source and
// language, four values each, to args.
func facetRows(args []any, story string, members []member) []any {
	type fv struct{ facet, value string }
	counts := map[fv]int{}
	var order []fv
	count := func(k fv) {
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	for _, m := range members {
		count(fv{"source", m.source})
		count(fv{"lang", m.lang})
	}
	// The story and facet names are boxed once, not once a row.
	st := any(story)
	for _, k := range order {
		args = append(args, st, facetName(k.facet), k.value, counts[k])
	}
	return args
}

// facetName returns a facet's name as a query argument: the constants
// box without allocating.
func facetName(f string) any {
	switch f {
	case "source":
		return "source"
	case "lang":
		return "lang"
	}
	return f
}

// members loads every article assigned to a cluster (col is "event" or
// "story"), and the story of the first one.
func (c *committer) members(col, id string) ([]member, string, error) {
	s, err := c.stmt(`SELECT a.article, a.story, COALESCE(ar.pub_ts, 9223372036854775807), COALESCE(ar.pub_has_time, 0),
		COALESCE(ar.title, ''), COALESCE(ar.source, ''), COALESCE(ar.lang, '')
		FROM assignments a LEFT JOIN articles ar ON ar.id = a.article WHERE a.` + col + ` = ? ORDER BY a.article`)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.QueryContext(c.ctx, id)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []member
	var story string
	for rows.Next() {
		var m member
		var st string
		if err := rows.Scan(&m.id, &st, &m.ts, &m.hasTime, &m.title, &m.source, &m.lang); err != nil {
			return nil, "", err
		}
		if story == "" {
			story = st
		}
		out = append(out, m)
	}
	return out, story, rows.Err()
}

// absorbStory moves the stored story src's facets to the story id that
// took it in, and deletes src's rows.
func (c *committer) absorbStory(id, src string) error {
	if _, err := c.exec(`INSERT INTO story_facets (story, facet, value, articles)
		SELECT ?, facet, value, articles FROM story_facets WHERE story = ? `+onFacets, id, src); err != nil {
		return fmt.Errorf("story %q into %q: %w", src, id, err)
	}
	if _, err := c.exec(`DELETE FROM story_facets WHERE story = ?`, src); err != nil {
		return fmt.Errorf("story %q into %q: %w", src, id, err)
	}
	if _, err := c.exec(`DELETE FROM stories WHERE id = ?`, src); err != nil {
		return fmt.Errorf("story %q into %q: %w", src, id, err)
	}
	return nil
}
