package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/storyline-news/storyline"
)

// Copies lists stored pairs ordered by A, then B.
func (d *DB) Copies(ctx context.Context, f storyline.CopyFilter) ([]storyline.Copy, error) {
	var where []string
	var args []any
	if f.Article != "" {
		where, args = append(where, "(a = ? OR b = ?)"), append(args, f.Article, f.Article)
	}
	if len(f.Kinds) > 0 {
		kinds := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			kinds[i] = string(k)
		}
		where, args = append(where, "kind IN ("+placeholders(len(kinds))+")"), append(args, anys(kinds)...)
	}
	q := `SELECT a, b, kind, similarity, a_share, b_share, direction, passages FROM copies`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY a, b`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: copies: %w", err)
	}
	defer rows.Close()
	var out []storyline.Copy
	for rows.Next() {
		var c storyline.Copy
		var kind, dir string
		var ps []byte
		if err := rows.Scan(&c.A, &c.B, &kind, &c.Similarity, &c.AShare, &c.BShare, &dir, &ps); err != nil {
			return nil, fmt.Errorf("sqlite: copies: %w", err)
		}
		c.Kind, c.Direction = storyline.CopyKind(kind), storyline.Direction(dir)
		if c.Passages, err = decodePassages(ps); err != nil {
			return nil, fmt.Errorf("sqlite: copies %s/%s: %w", c.A, c.B, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: copies: %w", err)
	}
	return out, nil
}

// State returns one value, or ErrNotFound.
func (d *DB) State(ctx context.Context, stage, key string) ([]byte, error) {
	var v []byte
	err := d.queryRow(ctx, `SELECT value FROM state WHERE stage = ? AND key = ?`, stage, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: state %s/%s: %w", stage, key, storyline.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: state %s/%s: %w", stage, key, err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// statePage is how many keys ScanState reads per query.
const statePage = 256

// ScanState visits a stage's keys with the given prefix in key order
// (bytewise). It reads in pages, so a caller may commit while iterating.
// The interface has no way to report an error: a failing read ends the
// iteration early.
func (d *DB) ScanState(ctx context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		after, first := prefix, true
		for {
			op := ">"
			if first {
				op = ">="
			}
			rows, err := d.r.QueryContext(ctx, `SELECT key, value FROM state WHERE stage = ? AND key `+op+` ?
				ORDER BY key LIMIT ?`, stage, after, statePage)
			if err != nil {
				return
			}
			type kv struct {
				k string
				v []byte
			}
			var page []kv
			done := false
			for rows.Next() {
				var x kv
				if err := rows.Scan(&x.k, &x.v); err != nil {
					done = true
					break
				}
				if !strings.HasPrefix(x.k, prefix) {
					done = true
					break
				}
				page = append(page, x)
			}
			if rows.Err() != nil {
				done = true
			}
			rows.Close()
			for _, x := range page {
				if x.v == nil {
					x.v = []byte{}
				}
				if !yield(x.k, x.v) {
					return
				}
			}
			if done || len(page) < statePage {
				return
			}
			after, first = page[len(page)-1].k, false
		}
	}
}
