package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// articleCols are the columns scanArticle reads, from table alias ar.
const articleCols = `ar.id, ar.hash, ar.title, ar.source, ar.url, ar.lang, ar.pub_ts, ar.pub_has_time,
	ar.text, ar.format, ar.origin, ar.dates, ar.entities, ar.cited`

type scanner interface{ Scan(...any) error }

// scanArticle reads one row of articleCols.
func scanArticle(r scanner) (storyline.Article, int64, error) {
	var (
		a                  storyline.Article
		ts                 int64
		has                bool
		dates, ents, cited []byte
	)
	if err := r.Scan(&a.ID, &a.Hash, &a.Title, &a.Source, &a.URL, &a.Lang, &ts, &has,
		&a.Text, &a.Format, &a.Origin, &dates, &ents, &cited); err != nil {
		return a, 0, err
	}
	a.Published = published(ts, has)
	var err error
	if a.Dates, err = decodeDates(dates); err != nil {
		return a, 0, fmt.Errorf("article %q: dates: %w", a.ID, err)
	}
	if a.Entities, err = decodeEntities(ents); err != nil {
		return a, 0, fmt.Errorf("article %q: entities: %w", a.ID, err)
	}
	if a.Cited, err = decodeCited(cited); err != nil {
		return a, 0, fmt.Errorf("article %q: cited: %w", a.ID, err)
	}
	return a, ts, nil
}

// maxParams bounds the ids bound into one IN list.
const maxParams = 500

// placeholders returns "?, ?, ..." for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Hashes returns the stored content hash of each of ids that is stored.
func (d *DB) Hashes(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for chunk := range slices.Chunk(ids, maxParams) {
		rows, err := d.r.QueryContext(ctx, `SELECT id, hash FROM articles WHERE id IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: hashes: %w", err)
		}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: hashes: %w", err)
			}
			out[id] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: hashes: %w", err)
		}
	}
	return out, nil
}

// Article returns one article with its Raw input, or ErrNotFound.
func (d *DB) Article(ctx context.Context, id string) (storyline.Article, error) {
	row := d.queryRow(ctx, `SELECT `+articleCols+`, r.raw FROM articles ar
		LEFT JOIN article_raw r ON r.seq = ar.seq WHERE ar.id = ?`, id)
	var raw []byte
	a, _, err := scanArticle(rowWithRaw{row, &raw})
	if errors.Is(err, sql.ErrNoRows) {
		return storyline.Article{}, fmt.Errorf("sqlite: article %q: %w", id, storyline.ErrNotFound)
	}
	if err != nil {
		return storyline.Article{}, fmt.Errorf("sqlite: article %q: %w", id, err)
	}
	a.Raw = raw
	return a, nil
}

// ArticleText returns only an article's clean text and publication time:
// what a reader that compares texts needs (copies.TextSource), without the
// raw input, entities, dates and credits Article reads and decodes.
func (d *DB) ArticleText(ctx context.Context, id string) (string, storyline.Published, error) {
	var (
		text string
		ts   int64
		has  bool
	)
	err := d.queryRow(ctx, `SELECT text, pub_ts, pub_has_time FROM articles WHERE id = ?`, id).Scan(&text, &ts, &has)
	if errors.Is(err, sql.ErrNoRows) {
		return "", storyline.Published{}, fmt.Errorf("sqlite: article %q: %w", id, storyline.ErrNotFound)
	}
	if err != nil {
		return "", storyline.Published{}, fmt.Errorf("sqlite: article %q: %w", id, err)
	}
	return text, published(ts, has), nil
}

// rowWithRaw scans articleCols followed by the raw column.
type rowWithRaw struct {
	r   scanner
	raw *[]byte
}

func (x rowWithRaw) Scan(dest ...any) error { return x.r.Scan(append(dest, x.raw)...) }

// History returns the earlier versions of an article, oldest first, with
// their Raw input; none when it was never updated.
func (d *DB) History(ctx context.Context, id string) ([]storyline.Article, error) {
	rows, err := d.r.QueryContext(ctx, `SELECT id, hash, title, source, url, lang, pub_ts, pub_has_time,
		text, format, origin, raw FROM article_history WHERE id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: history of %q: %w", id, err)
	}
	defer rows.Close()
	var out []storyline.Article
	for rows.Next() {
		var a storyline.Article
		var ts int64
		var has bool
		if err := rows.Scan(&a.ID, &a.Hash, &a.Title, &a.Source, &a.URL, &a.Lang, &ts, &has,
			&a.Text, &a.Format, &a.Origin, &a.Raw); err != nil {
			return nil, fmt.Errorf("sqlite: history of %q: %w", id, err)
		}
		a.Published = published(ts, has)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: history of %q: %w", id, err)
	}
	return out, nil
}

// sinceUntil returns the pub_ts bounds of a range: [lo, hi], where a day
// Until includes the whole day. Unknown dates fall outside any bound.
func sinceUntil(since, until storyline.Published) (lo, hi int64, ok bool) {
	lo, hi = -1<<63, unknownTS-1
	if !since.IsZero() {
		lo = since.Time.UnixMicro()
		ok = true
	}
	if !until.IsZero() {
		if until.HasTime {
			hi = until.Time.UnixMicro()
		} else {
			hi = until.Time.Add(24*time.Hour).UnixMicro() - 1
		}
		ok = true
	}
	return lo, hi, ok
}

// articlePage is how many articles Articles reads per query; between
// pages no read transaction is held.
const articlePage = 512

// Articles lists articles in publication order (unknown dates last, then
// by id), without Raw. It reads in pages, so a caller may commit while
// iterating.
func (d *DB) Articles(ctx context.Context, f storyline.ArticleFilter) iter.Seq2[storyline.Article, error] {
	return func(yield func(storyline.Article, error) bool) {
		var where []string
		var args []any
		if f.Source != "" {
			where, args = append(where, "ar.source = ?"), append(args, f.Source)
		}
		if f.Lang != "" {
			where, args = append(where, "ar.lang = ?"), append(args, f.Lang)
		}
		if lo, hi, ok := sinceUntil(f.Since, f.Until); ok {
			where, args = append(where, "ar.pub_ts BETWEEN ? AND ?"), append(args, lo, hi)
		}
		if len(f.IDs) > 0 {
			d.articlesByID(ctx, f, where, args, yield)
			return
		}
		n := 0
		lastTS, lastID, first := int64(0), "", true
		for {
			w, a := where, args
			if !first {
				w = append(slices.Clip(w), "(ar.pub_ts, ar.id) > (?, ?)")
				a = append(slices.Clip(a), lastTS, lastID)
			}
			page := articlePage
			if f.Limit > 0 {
				page = min(page, f.Limit-n)
			}
			q := `SELECT ` + articleCols + ` FROM articles ar`
			if len(w) > 0 {
				q += ` WHERE ` + strings.Join(w, " AND ")
			}
			q += ` ORDER BY ar.pub_ts, ar.id LIMIT ?`
			list, err := d.queryArticles(ctx, q, append(a, page)...)
			if err != nil {
				yield(storyline.Article{}, fmt.Errorf("sqlite: articles: %w", err))
				return
			}
			for _, x := range list {
				if !yield(x.a, nil) {
					return
				}
			}
			n += len(list)
			if len(list) < page || (f.Limit > 0 && n >= f.Limit) {
				return
			}
			lastTS, lastID, first = list[len(list)-1].ts, list[len(list)-1].a.ID, false
		}
	}
}

type tsArticle struct {
	a  storyline.Article
	ts int64
}

func (d *DB) queryArticles(ctx context.Context, q string, args ...any) ([]tsArticle, error) {
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tsArticle
	for rows.Next() {
		a, ts, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, tsArticle{a, ts})
	}
	return out, rows.Err()
}

// articlesByID serves a listing restricted to f.IDs.
func (d *DB) articlesByID(ctx context.Context, f storyline.ArticleFilter, where []string, args []any,
	yield func(storyline.Article, error) bool) {
	var all []tsArticle
	for chunk := range slices.Chunk(f.IDs, maxParams) {
		w := append(slices.Clip(where), "ar.id IN ("+placeholders(len(chunk))+")")
		a := append(slices.Clip(args), anys(chunk)...)
		list, err := d.queryArticles(ctx, `SELECT `+articleCols+` FROM articles ar WHERE `+strings.Join(w, " AND "), a...)
		if err != nil {
			yield(storyline.Article{}, fmt.Errorf("sqlite: articles: %w", err))
			return
		}
		all = append(all, list...)
	}
	slices.SortFunc(all, func(x, y tsArticle) int {
		if x.ts != y.ts {
			if x.ts < y.ts {
				return -1
			}
			return 1
		}
		return strings.Compare(x.a.ID, y.a.ID)
	})
	all = slices.CompactFunc(all, func(x, y tsArticle) bool { return x.a.ID == y.a.ID })
	for i, x := range all {
		if f.Limit > 0 && i >= f.Limit {
			return
		}
		if !yield(x.a, nil) {
			return
		}
	}
}

// Entities lists the entities stored articles mention: those in most
// articles first, then by mentions, then by name.
func (d *DB) Entities(ctx context.Context, limit int) ([]storyline.EntityCount, error) {
	if err := d.foldEntities(ctx); err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	const q = `SELECT name, kind, articles, mentions FROM entities`
	const order = ` ORDER BY articles DESC, mentions DESC, name, kind`
	if limit > 0 {
		// The ranking index holds entities of rankMin articles or more;
		// when they are too few, all are sorted.
		out, err := d.entities(ctx, q+fmt.Sprintf(` WHERE articles >= %d`, rankMin)+order+` LIMIT ?`, limit)
		if err != nil || len(out) == limit {
			return out, err
		}
		return d.entities(ctx, q+order+` LIMIT ?`, limit)
	}
	return d.entities(ctx, q+order)
}

// rankMin is the fewest articles of an entity in the ranking index
// (entities_rank, schema 5).
const rankMin = 3

func (d *DB) entities(ctx context.Context, q string, args ...any) ([]storyline.EntityCount, error) {
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	defer rows.Close()
	var out []storyline.EntityCount
	for rows.Next() {
		var e storyline.EntityCount
		var kind string
		if err := rows.Scan(&e.Name, &kind, &e.Articles, &e.Mentions); err != nil {
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
		e.Kind = storyline.EntityKind(kind)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	return out, nil
}
