package copies

import "testing"

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
