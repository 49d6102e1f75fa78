package sqlite

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/storyline-news/storyline"
)

func (c *committer) copies(b storyline.Batch) error {
	if len(b.Copies) == 0 {
		return nil
	}
	// The copies tally counts the pairs the upsert inserts: rows of a
	// rowid table, each numbered one more than the largest, so that the
	// largest rowid grows by their number, while a pair stored already is
	// updated in place. Looking every pair up first cost a fifth of the
	// step.
	before, err := c.maxCopyRow()
	if err != nil {
		return err
	}
	args := make([]any, 0, 8*len(b.Copies))
	for i, cp := range b.Copies {
		if cp.A > cp.B {
			cp.Passages = nil // prepared apart
			cp = cp.Swapped()
		}
		args = append(args, cp.A, cp.B, string(cp.Kind), cp.Similarity, cp.AShare, cp.BShare, string(cp.Direction),
			c.prep.copyPassages(b, i))
	}
	if err := c.bulk(`INSERT INTO copies (a, b, kind, similarity, a_share, b_share, direction, passages)`, 8,
		`ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, similarity = excluded.similarity,
		a_share = excluded.a_share, b_share = excluded.b_share, direction = excluded.direction, passages = excluded.passages`,
		args); err != nil {
		return fmt.Errorf("copies: %w", err)
	}
	after, err := c.maxCopyRow()
	if err != nil {
		return err
	}
	c.tally("copies", "", int(after-before))
	return nil
}

// maxCopyRow returns the largest rowid of the copies, 0 when there are
// none.
func (c *committer) maxCopyRow() (int64, error) {
	row, err := c.queryRow(`SELECT COALESCE(MAX(rowid), 0) FROM copies`)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := row.Scan(&n); err != nil {
		return 0, fmt.Errorf("copies: %w", err)
	}
	return n, nil
}

// state writes the batch's state values with multi-row upserts and
// deletes those set to nil, many keys a statement.
func (c *committer) state(b storyline.Batch) error {
	stages := make([]string, 0, len(b.State))
	for s := range b.State {
		stages = append(stages, s)
	}
	slices.Sort(stages)
	var args []any
	for _, stage := range stages {
		kv := b.State[stage]
		ks := make([]string, 0, len(kv))
		for k := range kv {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		st := any(stage) // boxed once for all its keys
		var gone []any
		for _, k := range ks {
			if v := kv[k]; v != nil {
				args = append(args, st, k, v)
			} else {
				gone = append(gone, k)
			}
		}
		for chunk := range slices.Chunk(gone, maxParams-1) {
			if _, err := c.exec(`DELETE FROM state WHERE stage = ? AND key IN (`+placeholders(len(chunk))+`)`,
				append([]any{st}, chunk...)...); err != nil {
				return fmt.Errorf("state %s: %w", stage, err)
			}
		}
	}
	if err := c.bulk(`INSERT INTO state (stage, key, value)`, 3,
		`ON CONFLICT (stage, key) DO UPDATE SET value = excluded.value`, args); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return nil
}

// decodeJSON decodes a nullable JSON column into v.
func decodeJSON(s *string, v any) error {
	if s == nil || *s == "" {
		return nil
	}
	return json.Unmarshal([]byte(*s), v)
}
