package clean

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// TestOpensWithMatchesPrefixes: the filtered look-up says what a
// comparison with every word says, on the words themselves, their
// prefixes and extensions, random lines and generated ones.
func TestOpensWithMatchesPrefixes(t *testing.T) {
	lists := []*openers{sourceLinkStarts, readAlsoStarts, publishedAtStarts, photoCreditStarts}
	var lines []string
	for _, o := range lists {
		for _, w := range o.words {
			lines = append(lines, w, w[:len(w)-1], w+" x", w[:1], " "+w)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		lines = append(lines, textproc.Normalize(randomText(r, r.IntN(8))))
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 8}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			lines = append(lines, textproc.Normalize(l))
		}
	}
	for _, o := range lists {
		for _, l := range lines {
			want := false
			for _, w := range o.words {
				want = want || strings.HasPrefix(l, w)
			}
			if got := opensWith(l, o); got != want {
				t.Errorf("opensWith(%q, %v) = %v, want %v", l, o.words, got, want)
			}
		}
	}
}
