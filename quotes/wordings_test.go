package quotes

import (
	"fmt"
	"slices"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// TestPrepareRemembersWordings: a text prepared again, by the same
// speaker or another, from the memo, prepares as a grouper that never saw
// it does; and the memo keeps at most two generations of texts.
func TestPrepareRemembersWordings(t *testing.T) {
	g := NewGrouper(GrouperOptions{})
	qs := []storyline.Quote{
		{Text: "The harbour will reopen after repairs to the northern quay wall", Speaker: "Anna Berg"},
		{Text: "The harbour will reopen after repairs to the northern quay wall", Speaker: "Berg"},
		{Text: "The harbour will reopen after repairs to the northern quay wall", Speaker: "Ivan Petrov"},
		{Text: "The harbour will reopen after repairs to the northern quay wall", Speaker: "Anna Berg"},
		{Text: "It is so.", Speaker: "Anna Berg"},
		{Text: "It is so.", Speaker: "Anna Berg"},
		{Text: "Переговоры прошли успешно, сказал он", Speaker: "Дмитрий Песков"},
		{Text: "Переговоры прошли успешно, сказал он", Speaker: ""},
	}
	for pass := range 2 {
		for i := range qs {
			var got, want prepared
			g.prepare(&got, &qs[i])
			(&Grouper{}).prepare(&want, &qs[i])
			if got.id != want.id || got.idk != want.idk || got.wording != want.wording || got.key != want.key ||
				got.spk != want.spk || got.full != want.full || !slices.Equal(got.stems, want.stems) || !slices.Equal(got.hashes, want.hashes) {
				t.Errorf("pass %d: prepared %q by %q as %+v, want %+v", pass, qs[i].Text, qs[i].Speaker, got, want)
			}
		}
	}
	for i := range 3*maxWordingMemo + 5 {
		var p prepared
		g.prepare(&p, &storyline.Quote{Text: fmt.Sprintf("text number %d of many", i), Speaker: "Anna Berg"})
	}
	if n := len(g.words.cur) + len(g.words.prev); n > 2*maxWordingMemo {
		t.Errorf("the memo holds %d texts, want at most %d", n, 2*maxWordingMemo)
	}
}
