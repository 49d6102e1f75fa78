package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
)

// Stats reads running tallies (table tallies) that Commit keeps with
// everything else, so that it costs the same with a hundred articles or a
// million: GET /api/health calls it.

// tallyKey names one tally: a count ("articles", value "") or a facet
// value ("lang", "ru").
type tallyKey struct{ name, value string }

// tally adds n to a tally of the running commit.
func (c *committer) tally(name, value string, n int) {
	if n == 0 {
		return
	}
	if c.tallies == nil {
		c.tallies = map[tallyKey]int{}
	}
	c.tallies[tallyKey{name, value}] += n
}

// articleFacets counts an article in (or, with n = -1, out of) the facet
// tallies.
func (c *committer) articleFacets(lang, format, source string, n int) {
	c.tally("lang", lang, n)
	c.tally("format", format, n)
	c.tally("source", source, n)
}

// flushTallies applies the commit's tallies and drops facet values no
// article has any more.
func (c *committer) flushTallies(storyline.Batch) error {
	keys := make([]tallyKey, 0, len(c.tallies))
	for k, n := range c.tallies {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y tallyKey) int {
		return strings.Compare(x.name+"\x00"+x.value, y.name+"\x00"+y.value)
	})
	args := make([]any, 0, 3*len(keys))
	for _, k := range keys {
		args = append(args, k.name, k.value, c.tallies[k])
	}
	if err := c.bulk(`INSERT INTO tallies (name, value, n)`, 3,
		`ON CONFLICT (name, value) DO UPDATE SET n = tallies.n + excluded.n`, args); err != nil {
		return fmt.Errorf("tallies: %w", err)
	}
	for _, k := range keys {
		if k.value != "" && c.tallies[k] < 0 {
			if _, err := c.exec(`DELETE FROM tallies WHERE name = ? AND value = ? AND n <= 0`, k.name, k.value); err != nil {
				return fmt.Errorf("tallies: %w", err)
			}
		}
	}
	clear(c.tallies)
	return nil
}

// existingPairs returns which of the copies' pairs are stored.
func (c *committer) existingPairs(pairs [][2]string) (map[[2]string]bool, error) {
	out := map[[2]string]bool{}
	for chunk := range slices.Chunk(pairs, maxParams/2) {
		args := make([]any, 0, 2*len(chunk))
		for _, p := range chunk {
			args = append(args, p[0], p[1])
		}
		s, err := c.stmt(`SELECT a, b FROM copies WHERE (a, b) IN (VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?), ", len(chunk)), ", ") + `)`)
		if err != nil {
			return nil, err
		}
		rows, err := s.QueryContext(c.ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("look up copies: %w", err)
		}
		for rows.Next() {
			var p [2]string
			if err := rows.Scan(&p[0], &p[1]); err != nil {
				rows.Close()
				return nil, fmt.Errorf("look up copies: %w", err)
			}
			out[p] = true
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("look up copies: %w", err)
		}
	}
	return out, nil
}

// exists reports whether a row with the given id is in table.
func (c *committer) exists(table, id string) (bool, error) {
	row, err := c.queryRow(`SELECT 1 FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return false, err
	}
	var one int
	switch err := row.Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("%s %q: %w", table, id, err)
	}
	return true, nil
}

// Stats summarises the store.
func (d *DB) Stats(ctx context.Context) (storyline.Stats, error) {
	st := storyline.Stats{ByLang: map[string]int{}, ByFormat: map[string]int{}, Counts: map[string]int{}}
	fail := func(err error) (storyline.Stats, error) {
		return storyline.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	if err := d.foldEntities(ctx); err != nil {
		return fail(err)
	}
	rows, err := d.r.QueryContext(ctx, `SELECT name, value, n FROM tallies`)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var name, value string
		var n int
		if err := rows.Scan(&name, &value, &n); err != nil {
			rows.Close()
			return fail(err)
		}
		switch name {
		case "articles":
			st.Articles = n
		case "lang":
			st.ByLang[value] = n
		case "format":
			st.ByFormat[value] = n
		case "source":
			if value != "" && n > 0 {
				st.Sources++
			}
		default:
			st.Counts[name] = n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	for _, k := range []string{"copies", "events", "stories", "quotes", "entities", "updates"} {
		st.Counts[k] += 0 // present even when zero
	}
	for i, q := range []string{
		`SELECT pub_ts, pub_has_time FROM articles WHERE pub_ts <> ? ORDER BY pub_ts LIMIT 1`,
		`SELECT pub_ts, pub_has_time FROM articles WHERE pub_ts <> ? ORDER BY pub_ts DESC LIMIT 1`,
	} {
		var ts int64
		var has bool
		err := d.r.QueryRowContext(ctx, q, unknownTS).Scan(&ts, &has)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fail(err)
		}
		if i == 0 {
			st.First = published(ts, has)
		} else {
			st.Last = published(ts, has)
		}
	}
	return st, nil
}
