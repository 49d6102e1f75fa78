package sqlite

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

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

// foldYo folds ё to е, as the full-text index expects. Both letters are
// two bytes in UTF-8 and a lead byte never occurs inside another
// character, so the bytes are replaced in place.
func foldYo(s string) string {
	if !strings.Contains(s, "ё") && !strings.Contains(s, "Ё") {
		return s
	}
	b := []byte(s)
	for i := 0; i+1 < len(b); i++ {
		switch {
		case b[i] == 0xD1 && b[i+1] == 0x91: // ё → е
			b[i], b[i+1] = 0xD0, 0xB5
		case b[i] == 0xD0 && b[i+1] == 0x81: // Ё → Е
			b[i+1] = 0x95
		}
	}
	return string(b)
}

// stored is what Commit needs to know of an article already stored.
type stored struct {
	seq                       int64
	hash, title, source, lang string
	ts                        int64
	hasTime                   bool
	format                    string
}

// pendingRows are rows queued for multi-row inserts.
type pendingRows struct {
	articles, raw []any
	// fts, quoteKeys and entityKeys are the full-text rows, written
	// last (see flushText), by rowid.
	fts, quoteKeys, entityKeys map[int64][]any
}

// queueText queues a full-text row (rowid first) for table fts or
// quoteKeys, replacing one queued before under the same rowid.
func queueText(m *map[int64][]any, row ...any) {
	if *m == nil {
		*m = map[int64][]any{}
	}
	(*m)[row[0].(int64)] = row
}

// articles stores a batch's articles: new ones with multi-row inserts,
// updated ones one by one.
func (c *committer) articles(list []storyline.Article) ([]storyline.Outcome, error) {
	outs := make([]storyline.Outcome, len(list))
	ids := make([]string, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	have, err := c.lookupArticles(ids)
	if err != nil {
		return nil, err
	}
	var maxSeq int64
	row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
	if err != nil {
		return nil, err
	}
	if err := row.Scan(&maxSeq); err != nil {
		return nil, fmt.Errorf("last article: %w", err)
	}
	seen := make(map[string]bool, len(list))
	for i := range list {
		a := &list[i]
		c.batch[a.ID] = a
		old, ok := have[a.ID]
		var o storyline.Outcome
		switch {
		case seen[a.ID]:
			// The same id again in this batch: compare with what the
			// batch stored.
			if err := c.flushArticles(); err != nil {
				return nil, err
			}
			o, err = c.article(a)
		case ok && old.hash == c.prep.article(a).hash:
			o = storyline.Unchanged
		case ok:
			o, err = c.update(a, old)
		default:
			maxSeq++
			o, err = storyline.Added, c.insert(a, maxSeq)
		}
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", a.ID, err)
		}
		seen[a.ID] = true
		outs[i] = o
	}
	return outs, c.flushArticles()
}

// lookupArticles finds which of ids are stored.
func (c *committer) lookupArticles(ids []string) (map[string]stored, error) {
	out := make(map[string]stored, len(ids))
	for chunk := range slices.Chunk(ids, maxParams) {
		s, err := c.stmt(`SELECT id, seq, hash, title, source, lang, pub_ts, pub_has_time, format FROM articles WHERE id IN (` + placeholders(len(chunk)) + `)`)
		if err != nil {
			return nil, err
		}
		rows, err := s.QueryContext(c.ctx, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("look up articles: %w", err)
		}
		for rows.Next() {
			var id string
			var x stored
			if err := rows.Scan(&id, &x.seq, &x.hash, &x.title, &x.source, &x.lang, &x.ts, &x.hasTime, &x.format); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up articles: %w", err)
			}
			out[id] = x
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up articles: %w", err)
		}
	}
	return out, nil
}

// article stores one article, looking it up first: the slow path, for
// an id that occurs twice in one batch.
func (c *committer) article(a *storyline.Article) (storyline.Outcome, error) {
	have, err := c.lookupArticles([]string{a.ID})
	if err != nil {
		return "", err
	}
	old, ok := have[a.ID]
	switch {
	case !ok:
		row, err := c.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM articles`)
		if err != nil {
			return "", err
		}
		var seq int64
		if err := row.Scan(&seq); err != nil {
			return "", err
		}
		return storyline.Added, c.insert(a, seq+1)
	case old.hash == c.prep.article(a).hash:
		return storyline.Unchanged, nil
	}
	return c.update(a, old)
}

// encoded returns the dates, entities and citations columns of an
// article (see codec.go).
func encoded(a *storyline.Article) (dates, ents, cited any) {
	return encodeDates(a.Dates), encodeEntities(a.Entities), encodeCited(a.Cited)
}

// insert queues a new article under seq.
func (c *committer) insert(a *storyline.Article, seq int64) error {
	r := c.prep.article(a)
	ts, has := pubTS(a.Published)
	c.pend.articles = append(c.pend.articles, seq, a.ID, r.hash, a.Title, a.Source, a.URL, a.Lang, ts, has,
		a.Text, a.Format, a.Origin, r.dates, r.ents, r.cited, c.now)
	c.tally("articles", "", 1)
	c.added[a.ID] = seq
	c.articleFacets(a.Lang, a.Format, a.Source, 1)
	c.queueDerived(a, r, seq)
	return nil
}

// queueDerived queues an article's raw input and index entries. Its
// entities count in the totals when they are next folded (fold.go).
func (c *committer) queueDerived(a *storyline.Article, r *articleRows, seq int64) {
	if len(a.Raw) > 0 {
		c.pend.raw = append(c.pend.raw, seq, a.Raw)
	}
	queueText(&c.pend.fts, seq, r.ftsTitle, r.ftsText)
	if r.entityKeys != "" {
		queueText(&c.pend.entityKeys, seq, r.entityKeys)
	}
}

// reclean rewrites the clean text and reading (title, text, language,
// dates, entities, citations) of stored articles whose input did not
// change, keeping their hash, raw input and history. Articles not stored
// are skipped.
func (c *committer) reclean(b storyline.Batch) error {
	if len(b.Recleaned) == 0 {
		return nil
	}
	ids := make([]string, len(b.Recleaned))
	for i := range b.Recleaned {
		ids[i] = b.Recleaned[i].ID
	}
	have, err := c.lookupArticles(ids)
	if err != nil {
		return err
	}
	for i := range b.Recleaned {
		a := &b.Recleaned[i]
		old, ok := have[a.ID]
		if !ok {
			continue
		}
		dates, ents, cited := encoded(a)
		oldEnts, err := c.storedEntities(old.seq)
		if err != nil {
			return fmt.Errorf("recleaned %q: %w", a.ID, err)
		}
		// The change goes to the totals for the names a fold has added
		// the article under, and to a run's corrections for those it
		// has read it under and not added (rewriteEntities, which wants
		// entity_fold's row); any other fold reads the entities as they
		// are when it runs.
		if _, err := c.foldMark(); err != nil {
			return fmt.Errorf("recleaned %q: %w", a.ID, err)
		}
		c.rewriteEntities(old.seq, oldEnts, a.Entities)
		if _, err := c.exec(`UPDATE articles SET title = ?, lang = ?, text = ?, dates = ?, entities = ?, cited = ?
			WHERE seq = ?`, a.Title, a.Lang, a.Text, dates, ents, cited, old.seq); err != nil {
			return fmt.Errorf("recleaned %q: %w", a.ID, err)
		}
		c.tally("lang", old.lang, -1)
		c.tally("lang", a.Lang, 1)
		have[a.ID] = stored{seq: old.seq, hash: old.hash, title: a.Title, source: old.source, lang: a.Lang,
			ts: old.ts, hasTime: old.hasTime, format: old.format}
		if err := c.unindex(old.seq); err != nil {
			return fmt.Errorf("recleaned %q: %w", a.ID, err)
		}
		if err := c.recleanClusters(a, old); err != nil {
			return err
		}
		// Cluster aggregates read the article as it now is.
		cur := *a
		cur.Source, cur.Published = old.source, published(old.ts, old.hasTime)
		c.batch[a.ID] = &cur
		queueText(&c.pend.fts, old.seq, foldYo(a.Title), foldYo(a.Text))
		if t := entityTokens(a.Entities); t != "" {
			queueText(&c.pend.entityKeys, old.seq, t)
		}
	}
	if err := c.flushArticles(); err != nil {
		return err
	}
	return c.flushEntities()
}

// update replaces a stored article, recording the earlier version.
func (c *committer) update(a *storyline.Article, old stored) (storyline.Outcome, error) {
	r := c.prep.article(a)
	dates, ents, cited := r.dates, r.ents, r.cited
	ts, has := pubTS(a.Published)
	hash, seq := r.hash, old.seq
	counted, err := c.countsAny(seq)
	if err != nil {
		return "", err
	}
	if counted {
		oldEnts, err := c.storedEntities(seq)
		if err != nil {
			return "", err
		}
		c.rewriteEntities(seq, oldEnts, a.Entities)
	}
	c.tally("updates", "", 1)
	c.articleFacets(old.lang, old.format, old.source, -1)
	c.articleFacets(a.Lang, a.Format, a.Source, 1)
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
	if err := c.unindex(seq); err != nil {
		return "", err
	}
	// Its clusters' dates, titles or facets may change with it.
	if err := c.articleChanged(a.ID); err != nil {
		return "", err
	}
	if ts != old.ts {
		if _, err := c.exec(`UPDATE assignments SET pub_ts = ? WHERE article = ?`, ts, a.ID); err != nil {
			return "", err
		}
	}
	c.queueDerived(a, r, seq)
	return storyline.Updated, nil
}

// flushArticles writes the queued rows.
func (c *committer) flushArticles() error {
	p := &c.pend
	if err := c.bulk(`INSERT INTO articles (seq, id, hash, title, source, url, lang, pub_ts, pub_has_time,
		text, format, origin, dates, entities, cited, stored_at)`, 16, "", p.articles); err != nil {
		return err
	}
	if err := c.bulk(`INSERT INTO article_raw (seq, raw)`, 2, "", p.raw); err != nil {
		return err
	}
	p.articles, p.raw = p.articles[:0], p.raw[:0]
	return nil
}

// unindex takes an article out of the full-text indexes of its text
// and its entities: its queued rows, or the rows the indexes hold.
func (c *committer) unindex(seq int64) error {
	for _, t := range []struct {
		rows map[int64][]any
		del  string
	}{
		{c.pend.fts, `DELETE FROM articles_fts WHERE rowid = ?`},
		{c.pend.entityKeys, `DELETE FROM entity_keys WHERE rowid = ?`},
	} {
		if _, ok := t.rows[seq]; ok {
			delete(t.rows, seq)
			continue
		}
		if _, err := c.exec(t.del, seq); err != nil {
			return err
		}
	}
	return nil
}

// flushText writes the queued full-text rows, in rowid order, with as
// few statements as SQLite's limit on parameters allows. It runs last:
// FTS5 writes what it holds as a new segment of its index whenever a
// statement begins in the transaction, so that rows inserted 32 to a
// statement, with other statements between, made some ten segments a
// batch for the index to merge again and again.
func (c *committer) flushText(storyline.Batch) error {
	for _, t := range []struct {
		head string
		rows map[int64][]any
	}{
		{`INSERT INTO articles_fts (rowid, title, text)`, c.pend.fts},
		{`INSERT INTO quote_keys (rowid, keys)`, c.pend.quoteKeys},
		{`INSERT INTO entity_keys (rowid, keys)`, c.pend.entityKeys},
	} {
		if len(t.rows) == 0 {
			continue
		}
		ids := slices.Sorted(maps.Keys(t.rows))
		ncol := len(t.rows[ids[0]])
		args := make([]any, 0, ncol*len(ids))
		for _, id := range ids {
			args = append(args, t.rows[id]...)
		}
		if err := c.bulkRows(t.head, ncol, "", args, maxTextRows); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	c.pend.fts, c.pend.quoteKeys, c.pend.entityKeys = nil, nil, nil
	return nil
}

// entityTokens returns the entity_keys row of an article: a token
// (entityToken) per distinct normalised name of its entities, in the
// order they first occur.
func entityTokens(ents []storyline.Entity) string {
	var seen []uint64
	var b []byte
	for _, e := range ents {
		if e.Name == "" {
			continue
		}
		h := xxh3.HashString(textproc.Normalize(e.Name))
		if slices.Contains(seen, h) {
			continue
		}
		seen = append(seen, h)
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = appendQuoteKey(b, 'e', h)
	}
	return string(b)
}

// entityToken returns the token of a normalised entity name in
// entity_keys: a 64-bit hash, so that only the whole name matches.
func entityToken(key string) string { return string(appendQuoteKey(nil, 'e', xxh3.HashString(key))) }

// countEntities adds sign times the entities of one article to the
// batch's changes of the entity totals: one article and its mentions
// (at least one) per name and kind.
func (c *committer) countEntities(ents []storyline.Entity, sign int) {
	if c.entityDelta == nil {
		c.entityDelta = map[entityKey]*entityTotal{}
	}
	countEntities(c.entityDelta, ents, sign)
}

// countEntities adds sign times the entities of one article to delta.
func countEntities(delta map[entityKey]*entityTotal, ents []storyline.Entity, sign int) {
	for i, e := range ents {
		if e.Name == "" {
			continue
		}
		k := entityKey{e.Name, string(e.Kind)}
		first := true
		for _, p := range ents[:i] {
			if p.Name == e.Name && p.Kind == e.Kind {
				first = false
				break
			}
		}
		articles := 0
		if first {
			articles = sign
		}
		addEntity(delta, k, articles, sign*max(len(e.Mentions), 1))
	}
}

// storedEntities returns the entities of a stored article, as they are
// before the batch changes it.
func (c *committer) storedEntities(seq int64) ([]storyline.Entity, error) {
	row, err := c.queryRow(`SELECT entities FROM articles WHERE seq = ?`, seq)
	if err != nil {
		return nil, err
	}
	var b []byte
	if err := row.Scan(&b); err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", seq, err)
	}
	ents, err := decodeEntities(b)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", seq, err)
	}
	return ents, nil
}

// compareEntityKeys orders entity keys as the totals' primary key does.
func compareEntityKeys(x, y entityKey) int {
	if c := strings.Compare(x.name, y.name); c != 0 {
		return c
	}
	return strings.Compare(x.kind, y.kind)
}

func addEntity(delta map[entityKey]*entityTotal, k entityKey, articles, mentions int) {
	t := delta[k]
	if t == nil {
		t = &entityTotal{}
		delta[k] = t
	}
	t.articles += articles
	t.mentions += mentions
}

// flushEntities applies the batch's changes to the entity totals.
func (c *committer) flushEntities() error {
	keys := make([]entityKey, 0, len(c.entityDelta))
	for k, t := range c.entityDelta {
		if t.articles != 0 || t.mentions != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, compareEntityKeys)
	// A stored entity has at least one article, so a row the upsert
	// returns with exactly the batch's change is one it inserted.
	var gone []entityKey
	per := maxParams / 4
	for chunk := range slices.Chunk(keys, per) {
		args := make([]any, 0, 4*len(chunk))
		for _, k := range chunk {
			t := c.entityDelta[k]
			args = append(args, k.name, k.kind, t.articles, t.mentions)
		}
		s, err := c.stmt(`INSERT INTO entities (name, kind, articles, mentions) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", len(chunk)), ", ") +
			` ON CONFLICT (name, kind) DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions
			RETURNING name, kind, articles`)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, args...)
		if err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		for rows.Next() {
			var k entityKey
			var n int
			if err := rows.Scan(&k.name, &k.kind, &n); err != nil {
				rows.Close()
				return fmt.Errorf("entities: %w", err)
			}
			inserted := n == c.entityDelta[k].articles
			switch {
			case n <= 0:
				gone = append(gone, k)
				if !inserted {
					c.tally("entities", "", -1)
				}
			case inserted:
				c.tally("entities", "", 1)
			}
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
	}
	slices.SortFunc(gone, compareEntityKeys)
	for _, k := range gone {
		if _, err := c.exec(`DELETE FROM entities WHERE name = ? AND kind = ?`, k.name, k.kind); err != nil {
			return err
		}
	}
	clear(c.entityDelta)
	return nil
}
