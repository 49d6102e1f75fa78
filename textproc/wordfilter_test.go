package textproc

import "testing"

func TestWordFilter(t *testing.T) {
	set := map[string]bool{"said": true, "сказал": true, "a": true, "supercalifragilisticexpialidocious-and-then-some-more-letters-beyond-63": true}
	f := NewWordFilter(set)
	for w := range set {
		if !f.May(w) {
			t.Errorf("filter rejects %q of its set", w)
		}
	}
	for _, w := range []string{"told", "says", "ab", "сообщил"} {
		if f.May(w) {
			t.Errorf("filter passes %q, whose first byte, last byte and length match no word", w)
		}
	}
	var empty WordFilter
	if empty.May("said") {
		t.Error("the zero filter passes a word")
	}
	empty.Add("said")
	if !empty.May("said") {
		t.Error("Add did not add")
	}
}
