package quotes

import (
	"context"
	"encoding/json"
	"iter"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/zeebo/xxh3"

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
		"tab\there", "line\u2028sep", "para\u2029sep", "bad\xffbyte", "\xe2\x80", "Кремль\u2028",
		"nul\x00", "unit\x1fsep", "del\x7f", "?@[]^_`{|}~", "em — dash", "‘single’ “double”"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want x%s", s, got, want)
		}
	}
}

// TestIDKey: an id of 16 hex digits, of either case, stands for the number
// they write; any other id for its hash.
func TestIDKey(t *testing.T) {
	for _, id := range []string{"0123456789abcdef", "FFFFFFFFFFFFFFFF", "00000000000000a0", "deadBEEF00000001",
		"0123456789abcdeg", "0123456789abcde", "0123456789abcdef0", "+123456789abcdef", "0x23456789abcdef", ""} {
		want := xxh3.HashString(id)
		if n, err := strconv.ParseUint(id, 16, 64); err == nil && len(id) == 16 {
			want = n
		}
		if got := idKey(id); got != want {
			t.Errorf("idKey(%q) = %x, want %x", id, got, want)
		}
	}
}

// TestLowerWord: lowerWord lower-cases as strings.ToLower does, for ASCII,
// every letter of U+0400–U+04FF alone and within a word, and words it
// leaves to strings.ToLower.
func TestLowerWord(t *testing.T) {
	words := []string{"", "putin", "Putin", "PUTIN", "O'Brien's", "Песков", "ПЕСКОВ", "песков", "Ёлкин", "Łukasz",
		"İstanbul", "Straße", "Nguyễn", "bad\xd0", "bad\xd0\x41", "\xd1\x90x", strings.Repeat("Я", 40)}
	for r := rune(0x400); r < 0x500; r++ {
		words = append(words, string(r), "a"+string(r)+"Z", string(r)+"Ы")
	}
	for _, w := range words {
		if got, want := lowerWord(w), strings.ToLower(w); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, want)
		}
	}
}
