package quotes

import "testing"

// TestIsTitle: short quotations of capitalised words are titles, up to
// eight words; a sentence, a question or a single word is not.
func TestIsTitle(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Saturday Night Live", true},
		{"State of the Union,", true},
		{" Good Morning America. ", true},
		{"One Two Three Four Five Six Seven Eight", true},
		{"One Two Three Four Five Six Seven Eight Nine", false},
		{"Alone", false},
		{"", false},
		{"Is It Over?", false},
		{"the talks went well", false},
		{"Война и Мир", false},
		{"Война И Мир", true},
	} {
		if got := isTitle(tc.s); got != tc.want {
			t.Errorf("isTitle(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
