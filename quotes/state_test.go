package quotes

import (
	"context"
	"encoding/json"
	"iter"
	"sort"
	"strings"
	"testing"

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

// TestAppendJSONStringMarshals: appendJSONString writes what
// encoding/json does, for plain ASCII, text past ASCII, and each thing
// json escapes.
func TestAppendJSONStringMarshals(t *testing.T) {
	for _, s := range []string{"", "talks", "переговоры", "naïve café", "a\"b", `back\slash`, "<b>", "R&D",
		"tab\there", "line\u2028sep", "para\u2029sep", "bad\xffbyte", "\xe2\x80", "Кремль\u2028"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want x%s", s, got, want)
		}
	}
}
