package entities

import (
	"testing"

	"github.com/storyline-news/storyline/gen"
)

func TestZZCounts(t *testing.T) {
	toks, caps, cands, ments, n := 0, 0, 0, 0, 0
	for a := range gen.New(gen.Options{Articles: 300, Seed: 1}).All() {
		d := NewDoc(a.Text)
		r := Recognize(d, nil)
		n++
		toks += len(d.Tokens)
		for i := range d.Tokens {
			if d.Capitalized(i) {
				caps++
			}
		}
		cands += len(d.work.cands)
		ments += len(r.Mentions)
	}
	t.Logf("per article: %d tokens, %d capitalized, %d cands, %d mentions", toks/n, caps/n, cands/n, ments/n)
}
