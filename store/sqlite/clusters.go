package sqlite

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/storyline-news/storyline"
)

// Events and stories are rows with aggregates (article count, first and
// last publication, earliest article and its title) that Commit keeps up
// to date. An article joining a cluster updates the row in place; anything
// that removes articles from a cluster (a reassignment, a merge, an
// article whose date, title, source or language changed) marks the
// cluster dirty, and a dirty cluster is recomputed from its assignments
// once, at the end of the batch.

// member is what a cluster aggregate needs of one article.
type member struct {
	id            string
	ts            int64
	hasTime       bool
	title, source string
	lang          string
}

// agg is the aggregate of a cluster's members.
type agg struct {
	n          int
	firstTS    int64
	firstHas   bool
	firstID    string
	firstTitle string
	lastTS     sql.NullInt64
	lastHas    bool
}

func (g *agg) add(m member) {
	g.n++
	if g.n == 1 || m.ts < g.firstTS || (m.ts == g.firstTS && m.id < g.firstID) {
		g.firstTS, g.firstHas, g.firstID, g.firstTitle = m.ts, m.hasTime, m.id, m.title
	}
	if m.ts != unknownTS && (!g.lastTS.Valid || m.ts > g.lastTS.Int64 || (m.ts == g.lastTS.Int64 && m.hasTime)) {
		g.lastTS, g.lastHas = sql.NullInt64{Int64: m.ts, Valid: true}, m.hasTime
	}
}

// merge adds the aggregate of other members to g.
func (g *agg) merge(h agg) {
	if h.n == 0 {
		return
	}
	if g.n == 0 || h.firstTS < g.firstTS || (h.firstTS == g.firstTS && h.firstID < g.firstID) {
		g.firstTS, g.firstHas, g.firstID, g.firstTitle = h.firstTS, h.firstHas, h.firstID, h.firstTitle
	}
	switch {
	case !h.lastTS.Valid:
	case !g.lastTS.Valid || h.lastTS.Int64 > g.lastTS.Int64:
		g.lastTS, g.lastHas = h.lastTS, h.lastHas
	case h.lastTS.Int64 == g.lastTS.Int64:
		g.lastHas = g.lastHas || h.lastHas
	}
	g.n += h.n
}

// tracker collects the cluster changes of one batch.
type tracker struct {
	dirtyEvents, dirtyStories map[string]bool
	addEvents, addStories     map[string][]member
	// eventStory is the story of each event touched by the batch.
	eventStory map[string]string
	// absorbed lists, by story, the stories merged into it whole while
	// neither had lost an article: its row takes over their aggregates
	// and facets as they are stored (see flushGrown), instead of being
	// recomputed from every article it now has.
	absorbed   map[string][]string
	absorbedBy map[string]string
	// shrunk lists, by story, the members an event merge moved out of it
	// to another story: unless it is dirty as well, its row and facets
	// lose them in place (see flushShrunk) rather than being recomputed.
	shrunk map[string][]member
}

func newTracker() *tracker {
	return &tracker{
		dirtyEvents:  map[string]bool{},
		dirtyStories: map[string]bool{},
		addEvents:    map[string][]member{},
		addStories:   map[string][]member{},
		eventStory:   map[string]string{},
		absorbed:     map[string][]string{},
		absorbedBy:   map[string]string{},
		shrunk:       map[string][]member{},
	}
}

// articleChanged marks the clusters of an article whose aggregated fields
// changed.
func (c *committer) articleChanged(article string) error {
	row, err := c.queryRow(`SELECT event, story FROM assignments WHERE article = ?`, article)
	if err != nil {
		return err
	}
	var ev, st string
	switch err := row.Scan(&ev, &st); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("assignment of %q: %w", article, err)
	}
	c.cl.dirtyEvents[ev] = true
	c.cl.dirtyStories[st] = true
	return nil
}

// recleanClusters brings the clusters of a recleaned article up to date
// in place, without recomputing them: its date and source are unchanged,
// so only the title of a cluster it opens and the story's language facet
// can change (the entities a story mentions are found through its
// articles', see entity_keys). Clusters already dirty are left to their
// recomputation.
func (c *committer) recleanClusters(a *storyline.Article, old stored) error {
	row, err := c.queryRow(`SELECT event, story FROM assignments WHERE article = ?`, a.ID)
	if err != nil {
		return err
	}
	var ev, st string
	switch err := row.Scan(&ev, &st); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("assignment of %q: %w", a.ID, err)
	}
	if _, err := c.exec(`UPDATE events SET first_title = ? WHERE id = ? AND first_article = ?`, a.Title, ev, a.ID); err != nil {
		return err
	}
	if _, err := c.exec(`UPDATE stories SET first_title = ? WHERE id = ? AND first_article = ?`, a.Title, st, a.ID); err != nil {
		return err
	}
	if c.cl.dirtyStories[st] || old.lang == a.Lang {
		return nil
	}
	for _, d := range []struct {
		value string
		n     int
	}{{old.lang, -1}, {a.Lang, 1}} {
		if _, err := c.exec(`INSERT INTO story_facets (story, facet, value, articles) VALUES (?, 'lang', ?, ?)
			ON CONFLICT (story, facet, value) DO UPDATE SET articles = story_facets.articles + excluded.articles`,
			st, d.value, d.n); err != nil {
			return err
		}
		if d.n < 0 {
			if _, err := c.exec(`DELETE FROM story_facets WHERE story = ? AND facet = 'lang' AND value = ? AND articles <= 0`,
				st, d.value); err != nil {
				return err
			}
		}
	}
	return nil
}

// memberOf returns the aggregate fields of an article, from the batch or
// the store; an unknown article counts with an unknown date.
func (c *committer) memberOf(id string) (member, error) {
	if a, ok := c.batch[id]; ok {
		ts, has := pubTS(a.Published)
		return member{id: id, ts: ts, hasTime: has, title: a.Title, source: a.Source, lang: a.Lang}, nil
	}
	m := member{id: id, ts: unknownTS}
	row, err := c.queryRow(`SELECT pub_ts, pub_has_time, title, source, lang FROM articles WHERE id = ?`, id)
	if err != nil {
		return m, err
	}
	err = row.Scan(&m.ts, &m.hasTime, &m.title, &m.source, &m.lang)
	if errors.Is(err, sql.ErrNoRows) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("article %q: %w", id, err)
	}
	return m, nil
}

func (c *committer) assignments(b storyline.Batch) error {
	if len(b.Assignments) == 0 {
		return nil
	}
	type ref struct{ event, story string }
	cur := make(map[string]ref, len(b.Assignments))
	for chunk := range slices.Chunk(b.Assignments, maxParams) {
		ids := make([]any, len(chunk))
		for i, as := range chunk {
			ids[i] = as.Article
		}
		s, err := c.stmt(`SELECT article, event, story FROM assignments WHERE article IN (` + placeholders(len(ids)) + `)`)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, ids...)
		if err != nil {
			return fmt.Errorf("look up assignments: %w", err)
		}
		for rows.Next() {
			var id string
			var r ref
			if err := rows.Scan(&id, &r.event, &r.story); err != nil {
				rows.Close()
				return fmt.Errorf("look up assignments: %w", err)
			}
			cur[id] = r
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("look up assignments: %w", err)
		}
	}
	args := make([]any, 0, 5*len(b.Assignments))
	for _, as := range b.Assignments {
		var why any
		if as.Why != nil {
			j, err := json.Marshal(as.Why)
			if err != nil {
				return fmt.Errorf("assignment of %q: %w", as.Article, err)
			}
			why = string(j)
		}
		m, err := c.memberOf(as.Article)
		if err != nil {
			return err
		}
		args = append(args, as.Article, as.Event, as.Story, why, m.ts)
		c.cl.eventStory[as.Event] = as.Story
		old, had := cur[as.Article]
		cur[as.Article] = ref{as.Event, as.Story}
		if had && old.event == as.Event && old.story == as.Story {
			continue
		}
		if had {
			c.cl.dirtyEvents[old.event] = true
			c.cl.dirtyStories[old.story] = true
		}
		c.cl.addEvents[as.Event] = append(c.cl.addEvents[as.Event], m)
		c.cl.addStories[as.Story] = append(c.cl.addStories[as.Story], m)
	}
	return c.bulk(`INSERT INTO assignments (article, event, story, why, pub_ts)`, 5,
		`ON CONFLICT (article) DO UPDATE SET event = excluded.event, story = excluded.story, why = excluded.why,
		pub_ts = excluded.pub_ts`, args)
}

// storyOfEvent returns the story an event belongs to now, or "".
func (c *committer) storyOfEvent(ev string) (string, error) {
	if s, ok := c.cl.eventStory[ev]; ok {
		return s, nil
	}
	row, err := c.queryRow(`SELECT story FROM events WHERE id = ?`, ev)
	if err != nil {
		return "", err
	}
	var s string
	if err := row.Scan(&s); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("event %q: %w", ev, err)
	}
	return s, nil
}

func (c *committer) merges(b storyline.Batch) error {
	for _, m := range b.Merges {
		if _, err := c.exec(`INSERT INTO merges (level, from_id, into_id, after, merged_at) VALUES (?, ?, ?, ?, ?)`,
			m.Level, m.From, m.Into, m.After, c.now); err != nil {
			return err
		}
		if m.From == m.Into {
			continue
		}
		var err error
		if m.Level == "event" {
			err = c.mergeEvents(m.From, m.Into)
		} else {
			err = c.mergeStories(m.From, m.Into)
		}
		if err != nil {
			return fmt.Errorf("merge %s %q into %q: %w", m.Level, m.From, m.Into, err)
		}
	}
	return nil
}

// mergeEvents moves every article of event from into event into, and into
// into's story.
func (c *committer) mergeEvents(from, into string) error {
	intoStory, err := c.storyOfEvent(into)
	if err != nil {
		return err
	}
	c.cl.dirtyEvents[from] = true
	c.cl.dirtyEvents[into] = true
	delete(c.cl.eventStory, from)
	if intoStory == "" {
		// into is not known yet: it takes over from's articles and story.
		fromStory, err := c.storyOfEvent(from)
		if err != nil {
			return err
		}
		if fromStory != "" {
			c.cl.eventStory[into] = fromStory
		}
		_, err = c.exec(`UPDATE assignments SET event = ? WHERE event = ?`, into, from)
		return err
	}
	if _, gone := c.cl.absorbedBy[intoStory]; gone {
		c.cl.dirtyStories[intoStory] = true
	}
	// Articles that stay in their story leave its aggregate as it is.
	// Those that change story join into's story as members added (it
	// only gains), and the stories they leave are recomputed.
	s, err := c.stmt(`SELECT a.article, a.story, COALESCE(ar.pub_ts, 9223372036854775807), COALESCE(ar.pub_has_time, 0),
		COALESCE(ar.title, ''), COALESCE(ar.source, ''), COALESCE(ar.lang, '')
		FROM assignments a LEFT JOIN articles ar ON ar.id = a.article WHERE a.event = ? AND a.story <> ?`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(c.ctx, from, intoStory)
	if err != nil {
		return err
	}
	for rows.Next() {
		var m member
		var st string
		if err := rows.Scan(&m.id, &st, &m.ts, &m.hasTime, &m.title, &m.source, &m.lang); err != nil {
			rows.Close()
			return err
		}
		c.cl.shrunk[st] = append(c.cl.shrunk[st], m)
		c.cl.addStories[intoStory] = append(c.cl.addStories[intoStory], m)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	_, err = c.exec(`UPDATE assignments SET event = ?, story = ? WHERE event = ?`, into, intoStory, from)
	return err
}

// mergeStories moves every event and article of story from into story
// into.
func (c *committer) mergeStories(from, into string) error {
	for ev, st := range c.cl.eventStory {
		if st == from {
			c.cl.eventStory[ev] = into
		}
	}
	if _, err := c.exec(`UPDATE assignments SET story = ? WHERE story = ?`, into, from); err != nil {
		return err
	}
	if _, err := c.exec(`UPDATE events SET story = ? WHERE story = ?`, into, from); err != nil {
		return err
	}
	cl := c.cl
	_, fromGone := cl.absorbedBy[from]
	_, intoGone := cl.absorbedBy[into]
	if cl.dirtyStories[from] || cl.dirtyStories[into] || fromGone || intoGone {
		cl.dirtyStories[from] = true
		cl.dirtyStories[into] = true
		return nil
	}
	// Both only gained articles: into adds from's stored aggregate, and
	// what from absorbed and gained in this batch, when it is written.
	srcs := append([]string{from}, cl.absorbed[from]...)
	delete(cl.absorbed, from)
	for _, s := range srcs {
		cl.absorbedBy[s] = into
	}
	cl.absorbed[into] = append(cl.absorbed[into], srcs...)
	cl.addStories[into] = append(cl.addStories[into], cl.addStories[from]...)
	delete(cl.addStories, from)
	// What from lost before goes out of into's aggregate instead.
	if gone := cl.shrunk[from]; gone != nil {
		cl.shrunk[into] = append(cl.shrunk[into], gone...)
		delete(cl.shrunk, from)
	}
	return nil
}

// settleAbsorbed decides, before the stories are written, which merges
// stay incremental: a story that absorbed others is recomputed with them
// after all when any of them has since lost an article.
func (c *committer) settleAbsorbed() {
	cl := c.cl
	for into, srcs := range cl.absorbed {
		dirty := cl.dirtyStories[into]
		for _, s := range srcs {
			dirty = dirty || cl.dirtyStories[s]
		}
		if !dirty {
			cl.addStories[into] = cl.addStories[into] // written by flushGrown
			continue
		}
		cl.dirtyStories[into] = true
		for _, s := range srcs {
			cl.dirtyStories[s] = true
			delete(cl.absorbedBy, s)
		}
		delete(cl.absorbed, into)
	}
}

func (c *committer) titles(b storyline.Batch) error {
	ids := make([]string, 0, len(b.Titles))
	for id := range b.Titles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// Titles set go in multi-row upserts, and those cleared in one
	// delete per chunk: a statement a title cost a fortieth of a commit.
	var set []any
	var cleared []string
	for _, id := range ids {
		if t := b.Titles[id]; t == "" {
			cleared = append(cleared, id)
		} else {
			set = append(set, id, t)
		}
	}
	for chunk := range slices.Chunk(cleared, maxParams) {
		if _, err := c.exec(`DELETE FROM cluster_titles WHERE id IN (`+placeholders(len(chunk))+`)`, anys(chunk)...); err != nil {
			return fmt.Errorf("titles: %w", err)
		}
	}
	if err := c.bulk(`INSERT INTO cluster_titles (id, title)`, 2, `ON CONFLICT (id) DO UPDATE SET title = excluded.title`, set); err != nil {
		return fmt.Errorf("titles: %w", err)
	}
	return nil
}
