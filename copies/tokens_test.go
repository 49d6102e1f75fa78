package copies

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCanonical checks the spelling folds, possessives, and words that
// only look like they end in a British spelling.
func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"organisation", "organization"},
		{"organisations", "organizations"},
		{"recognising", "recognizing"},
		{"analysed", "analyzed"},
		{"recognises", "recognizes"},
		{"recognise", "recognize"},
		{"analyse", "analyze"},
		{"labours", "labors"},
		{"labour", "labor"},
		{"centres", "centers"},
		{"centre", "center"},
		{"catalogue", "catalog"},
		{"colour", "color"},
		{"hours", "hours"}, // too short to fold
		{"minister's", "minister"},
		{"station", "station"},
		{"morning", "morning"},
		{"decided", "decided"},
		{"reforms", "reforms"},
		{"премьер", "премьер"},
		{"a", "a"},
	}
	for _, tc := range tests {
		if got := canonical(tc.in); got != tc.want {
			t.Errorf("canonical(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCanonicalEndings checks that every spelling ending is tried for
// the words that end in it, and only it, against trying them all in
// order.
func TestCanonicalEndings(t *testing.T) {
	all := func(term string) string {
		term = strings.TrimSuffix(term, "'s")
		if len(term) < 6 || term[0] >= utf8.RuneSelf {
			return term
		}
		for _, s := range spelling {
			if strings.HasSuffix(term, s.from) {
				return term[:len(term)-len(s.from)] + s.to
			}
		}
		return term
	}
	// short terms, folded without a call, on both sides of the cut
	for _, term := range []string{"", "s", "'s", "a's", "ab's", "abc's", "abcd's", "abcde's", "abc'", "abcd", "abcde", "abcdef", "it’s", "é's"} {
		if got, want := canonical(term), all(term); got != want {
			t.Errorf("canonical(%q) = %q, want %q", term, got, want)
		}
	}
	for _, s := range spelling {
		for _, stem := range []string{"", "a", "xy", "abcdef"} {
			for _, term := range []string{stem + s.from, stem + s.from + "'s", stem + s.from + "x", "x" + s.from[1:]} {
				if got, want := canonical(term), all(term); got != want {
					t.Errorf("canonical(%q) = %q, want %q", term, got, want)
				}
			}
		}
	}
}
