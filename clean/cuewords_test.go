package clean

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// mayContain reports whether s contains any of words.
func mayContain(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestCueFinderMatchesContains: the one-pass finder reports a list
// exactly when the line contains one of its words, on every word alone,
// inside other text and cut short, on random mixes of the words' bytes,
// and on the lines of generated articles.
func TestCueFinderMatchesContains(t *testing.T) {
	lists := map[cueList][]string{
		cueCopyright: copyrightWords, cueDisclaimer: disclaimerWords, cueAdBlock: adBlockWords,
		cuePhotoAgency: photoAgencyWords, cueShare: shareWords,
	}
	wants := []cueSet{allCues, cueSet(cueDisclaimer | cueAdBlock), cueSet(cueCopyright), 0}
	check := func(s string) {
		t.Helper()
		for _, want := range wants {
			got := cues.find(s, want)
			for l, words := range lists {
				if got.has(l) != (want.has(l) && mayContain(s, words)) {
					t.Errorf("find(%q, %b) has list %d: %v, want %v", s, want, l, got.has(l), !got.has(l))
				}
			}
		}
	}
	var all []string
	for _, words := range lists {
		for _, w := range words {
			all = append(all, w)
			check(w)
			check("x" + w + "y")
			check("the " + w)
			check(w[:len(w)-1])
			check(w[1:])
			// at every position modulo the finder's strides, and ending
			// the line or not
			for pad := range 9 {
				check(strings.Repeat("z", pad) + w)
				check(strings.Repeat("z", pad) + w + "q")
				check(strings.Repeat("z", pad) + w[:len(w)-1])
			}
		}
	}
	bytes := strings.Join(all, " ")
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(3) {
			w := all[r.IntN(len(all))]
			b.WriteString(w[:1+r.IntN(len(w))])
		}
		for range r.IntN(24) {
			b.WriteByte(bytes[r.IntN(len(bytes))])
		}
		if r.IntN(4) == 0 {
			b.WriteString(all[r.IntN(len(all))])
		}
		check(b.String())
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 7}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			check(textproc.Normalize(l))
		}
	}
}
