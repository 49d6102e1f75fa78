package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// An article's quotes are one row of quote_sets under the article's seq,
// so that storing them appends to one b-tree: as a row per quote with an
// index on the speaker and one on the statement they wrote some 9 pages
// per article, scattered over indexes that keep growing. Lookups by
// speaker or statement go through quote_keys, a full-text index holding
// one token per distinct key of each set (quoteKey); FTS5 writes new
// entries as whole segments, merged now and then, never page by page.
// A token is a hash of the key, so that only a whole key matches, and a
// set found by it is filtered on the key itself.
//
// Quotes of an article that is not stored have no seq: their set takes a
// negative one, and a partial index finds such sets by article id.

// quoteKey returns the token of a speaker ('p', key normalised) or a
// statement ('t') in quote_keys.
func quoteKey(kind byte, key string) string {
	return string(appendQuoteKey(nil, kind, xxh3.HashString(key)))
}

// appendQuoteKey appends the token of a key's hash to b.
func appendQuoteKey(b []byte, kind byte, h uint64) []byte {
	const hex = "0123456789abcdef"
	b = append(b, kind)
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, hex[(h>>shift)&0xf])
	}
	return b
}

// quoteTokens returns the quote_keys row of a set: the distinct tokens
// of its speakers and statements, in the order they first occur.
func quoteTokens(qs []storyline.Quote) string {
	type tok struct {
		kind byte
		h    uint64
	}
	seen := make([]tok, 0, 2*len(qs))
	var b []byte
	add := func(kind byte, key string) {
		if key == "" {
			return
		}
		t := tok{kind, xxh3.HashString(key)}
		if slices.Contains(seen, t) {
			return
		}
		seen = append(seen, t)
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = appendQuoteKey(b, kind, t.h)
	}
	for _, q := range qs {
		add('p', textproc.Normalize(q.Speaker))
		add('t', q.Statement)
	}
	return string(b)
}

// encodeQuotes returns the quotes column of a set: the quotes ordered
// by offset (stable, so that quotes at one offset keep their order), each
// without its article, which the row holds.
func encodeQuotes(qs []storyline.Quote) []byte {
	sorted := slices.Clone(qs)
	slices.SortStableFunc(sorted, func(a, b storyline.Quote) int { return cmp.Compare(a.Start, b.Start) })
	e := newEnc(len(sorted))
	e.b = slices.Grow(e.b, 160*len(sorted))
	for _, q := range sorted {
		e.str(q.Text)
		e.int(q.Start)
		e.int(q.End)
		e.str(q.Speaker)
		e.int(q.SpeakerStart)
		e.int(q.SpeakerEnd)
		e.str(q.Cue)
		e.str(string(q.Kind))
		e.str(q.Statement)
	}
	return e.b
}

// decodeQuotes decodes a quotes column of the given article.
func decodeQuotes(b []byte, article string) ([]storyline.Quote, error) {
	d, _, err := openCodec(b)
	if err != nil || d == nil {
		return nil, err
	}
	out := make([]storyline.Quote, d.count())
	for i := range out {
		out[i] = storyline.Quote{Article: article, Text: d.str(), Start: d.int(), End: d.int(), Speaker: d.str(),
			SpeakerStart: d.int(), SpeakerEnd: d.int(), Cue: d.str(), Kind: storyline.QuoteKind(d.str()),
			Statement: d.str()}
	}
	return out, d.finish()
}

// quotes replaces the quote sets of the batch's articles.
func (c *committer) quotes(b storyline.Batch) error {
	if len(b.Quotes) == 0 {
		return nil
	}
	ids := make([]string, 0, len(b.Quotes))
	for id := range b.Quotes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	seqs, err := c.seqsOf(ids)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	// Sets stored before: those of articles stored before this batch,
	// and those of articles that were not stored when they were.
	var old []any
	for _, id := range ids {
		_, fresh := c.added[id]
		if seq, ok := seqs[id]; ok && !fresh {
			old = append(old, seq)
		}
	}
	var gone []any
	drop := func(q string, args []any) error {
		s, err := c.stmt(q)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(c.ctx, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var seq int64
			var n int
			if err := rows.Scan(&seq, &n); err != nil {
				return err
			}
			gone = append(gone, seq)
			c.tally("quotes", "", -n)
		}
		return rows.Err()
	}
	for chunk := range slices.Chunk(old, maxParams) {
		if err := drop(`DELETE FROM quote_sets WHERE seq IN (`+placeholders(len(chunk))+`) RETURNING seq, n`, chunk); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
	}
	for chunk := range slices.Chunk(ids, maxParams) {
		if err := drop(`DELETE FROM quote_sets WHERE seq < 0 AND article IN (`+placeholders(len(chunk))+`) RETURNING seq, n`,
			anys(chunk)); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
	}
	for chunk := range slices.Chunk(gone, maxParams) {
		if _, err := c.exec(`DELETE FROM quote_keys WHERE rowid IN (`+placeholders(len(chunk))+`)`, chunk...); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
	}
	var orphan int64 // the last negative seq taken
	sets := make([]any, 0, 4*len(ids))
	for _, id := range ids {
		qs := b.Quotes[id]
		if len(qs) == 0 {
			continue
		}
		seq, ok := seqs[id]
		if !ok {
			if orphan == 0 {
				row, err := c.queryRow(`SELECT MIN(COALESCE(MIN(seq), 0), 0) FROM quote_sets`)
				if err != nil {
					return fmt.Errorf("quotes: %w", err)
				}
				if err := row.Scan(&orphan); err != nil {
					return fmt.Errorf("quotes: %w", err)
				}
			}
			orphan--
			seq = orphan
		}
		c.tally("quotes", "", len(qs))
		r := c.prep.quoteSet(b, id)
		sets = append(sets, seq, id, len(qs), r.quotes)
		if r.keys != "" {
			queueText(&c.pend.quoteKeys, seq, r.keys)
		}
	}
	if err := c.bulk(`INSERT INTO quote_sets (seq, article, n, quotes)`, 4, "", sets); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}

// seqsOf returns the seq of each of ids that is stored (this batch's
// articles included).
func (c *committer) seqsOf(ids []string) (map[string]int64, error) {
	out := make(map[string]int64, len(ids))
	var look []string
	for _, id := range ids {
		if seq, ok := c.added[id]; ok {
			out[id] = seq
		} else {
			look = append(look, id)
		}
	}
	for chunk := range slices.Chunk(look, maxParams) {
		s, err := c.stmt(`SELECT id, seq FROM articles WHERE id IN (` + placeholders(len(chunk)) + `)`)
		if err != nil {
			return nil, err
		}
		rows, err := s.QueryContext(c.ctx, anys(chunk)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			var seq int64
			if err := rows.Scan(&id, &seq); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = seq
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// quoteSet is one article's quotes as a read finds them.
type quoteSet struct {
	ts      int64
	article string
	quotes  []byte
}

// Quotes lists quotes by article publication order, then offset.
func (d *DB) Quotes(ctx context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	// Sets of stored articles come in order from the articles'
	// publication index; sets of articles not stored are few, read apart
	// and merged in.
	var where, orphanWhere []string
	var args, orphanArgs []any
	speaker := textproc.Normalize(f.Speaker)
	if f.Speaker != "" {
		where = append(where, "qs.seq IN (SELECT rowid FROM quote_keys WHERE quote_keys MATCH ?)")
		args = append(args, `"`+quoteKey('p', speaker)+`"`)
	}
	if f.Statement != "" {
		where = append(where, "qs.seq IN (SELECT rowid FROM quote_keys WHERE quote_keys MATCH ?)")
		args = append(args, `"`+quoteKey('t', f.Statement)+`"`)
	}
	orphanWhere, orphanArgs = append(orphanWhere, where...), append(orphanArgs, args...)
	if f.Article != "" {
		where, args = append(where, "ar.id = ?"), append(args, f.Article)
		orphanWhere, orphanArgs = append(orphanWhere, "qs.article = ?"), append(orphanArgs, f.Article)
	}
	if f.Story != "" {
		where, args = append(where, "ar.id IN (SELECT article FROM assignments WHERE story = ?)"), append(args, f.Story)
		orphanWhere = append(orphanWhere, "qs.article IN (SELECT article FROM assignments WHERE story = ?)")
		orphanArgs = append(orphanArgs, f.Story)
	}
	and := func(w []string) string {
		if len(w) == 0 {
			return ""
		}
		return " AND " + strings.Join(w, " AND ")
	}
	orphans, err := d.orphanQuotes(ctx, `SELECT COALESCE((SELECT ar.pub_ts FROM articles ar WHERE ar.id = qs.article), ?),
		qs.article, qs.quotes FROM quote_sets qs WHERE qs.seq < 0`+and(orphanWhere), append([]any{unknownTS}, orphanArgs...))
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	// Without a key to look up, the articles lead, in the order of their
	// publication index, so that a listing streams (and a limit stops
	// it) rather than sorting every quote set stored.
	join := "CROSS JOIN"
	if f.Speaker != "" || f.Statement != "" {
		join = "JOIN"
	}
	rows, err := d.r.QueryContext(ctx, `SELECT ar.pub_ts, ar.id, qs.quotes FROM articles ar `+join+` quote_sets qs ON qs.seq = ar.seq
		WHERE qs.seq > 0`+and(where)+` ORDER BY ar.pub_ts, ar.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	var out []storyline.Quote
	full := func() bool { return f.Limit > 0 && len(out) >= f.Limit }
	add := func(s quoteSet) error {
		qs, err := decodeQuotes(s.quotes, s.article)
		if err != nil {
			return fmt.Errorf("quotes of %q: %w", s.article, err)
		}
		for _, q := range qs {
			if full() {
				return nil
			}
			if (f.Speaker != "" && textproc.Normalize(q.Speaker) != speaker) ||
				(f.Statement != "" && q.Statement != f.Statement) {
				continue
			}
			out = append(out, q)
		}
		return nil
	}
	for rows.Next() && !full() {
		var s quoteSet
		if err := rows.Scan(&s.ts, &s.article, &s.quotes); err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		for len(orphans) > 0 && !full() && (orphans[0].ts < s.ts || (orphans[0].ts == s.ts && orphans[0].article < s.article)) {
			if err := add(orphans[0]); err != nil {
				return nil, fmt.Errorf("sqlite: %w", err)
			}
			orphans = orphans[1:]
		}
		if err := add(s); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	for _, s := range orphans {
		if err := add(s); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	return out, nil
}

// orphanQuotes reads the sets of articles that were not stored when
// their quotes were, ordered as Quotes lists them.
func (d *DB) orphanQuotes(ctx context.Context, q string, args []any) ([]quoteSet, error) {
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []quoteSet
	for rows.Next() {
		var s quoteSet
		if err := rows.Scan(&s.ts, &s.article, &s.quotes); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b quoteSet) int {
		return cmp.Or(cmp.Compare(a.ts, b.ts), strings.Compare(a.article, b.article))
	})
	return out, rows.Err()
}

// migrateQuotesV5 moves the quote rows of schema 4 into quote sets.
func migrateQuotesV5(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT q.article, ar.seq, q.text, q.start, q."end", q.speaker, q.speaker_start,
		q.speaker_end, q.cue, q.kind, q.statement FROM quotes q LEFT JOIN articles ar ON ar.id = q.article
		ORDER BY q.article, q.start, q.ord`)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	// The rows come by article: each set is written once the next begins,
	// so that memory holds one article's quotes at a time.
	var cur []storyline.Quote
	var curSeq, orphan int64
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quote_sets (seq, article, n, quotes) VALUES (?, ?, ?, ?)`,
			curSeq, cur[0].Article, len(cur), encodeQuotes(cur)); err != nil {
			return fmt.Errorf("quotes of %q: %w", cur[0].Article, err)
		}
		if t := quoteTokens(cur); t != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO quote_keys (rowid, keys) VALUES (?, ?)`, curSeq, t); err != nil {
				return fmt.Errorf("quotes of %q: %w", cur[0].Article, err)
			}
		}
		cur = cur[:0]
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		var q storyline.Quote
		var seq sql.NullInt64
		var kind string
		if err := rows.Scan(&q.Article, &seq, &q.Text, &q.Start, &q.End, &q.Speaker, &q.SpeakerStart, &q.SpeakerEnd,
			&q.Cue, &kind, &q.Statement); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		q.Kind = storyline.QuoteKind(kind)
		if len(cur) == 0 || cur[0].Article != q.Article {
			if err := flush(); err != nil {
				return err
			}
			curSeq = seq.Int64
			if !seq.Valid {
				orphan--
				curSeq = orphan
			}
		}
		cur = append(cur, q)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if err := flush(); err != nil {
		return err
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE quotes`); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}
