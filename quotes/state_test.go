package quotes

import (
	"context"
	"iter"
	"sort"
	"strings"

	storyline "github.com/storyline-news/storyline"
)

// mapState is an in-memory storyline.StateStore for tests.
type mapState map[string]map[string][]byte

func (m mapState) State(_ context.Context, stage, key string) ([]byte, error) {
	if v, ok := m[stage][key]; ok {
		return v, nil
	}
	return nil, storyline.ErrNotFound
}

func (m mapState) ScanState(_ context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		var keys []string
		for k := range m[stage] {
			if strings.HasPrefix(k, prefix) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !yield(k, m[stage][k]) {
				return
			}
		}
	}
}
