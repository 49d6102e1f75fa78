package gen

import (
	"hash/maphash"
	"strings"
	"testing"
	"unicode"
)

// windows calls f with a hash of every run of n words of a's reporting,
// leaving out its boilerplate and its quotations: the text a copy
// detector compares.
func windows(a Article, n int, seed maphash.Seed, f func(uint64)) {
	for _, p := range body(a) {
		for _, q := range a.Quotes {
			p = strings.ReplaceAll(p, q.Text, " \x00 ")
		}
		for _, part := range strings.Split(p, "\x00") {
			words := strings.FieldsFunc(strings.ToLower(part), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})
			for i := 0; i+n <= len(words); i++ {
				var h maphash.Hash
				h.SetSeed(seed)
				for _, w := range words[i : i+n] {
					h.WriteString(w)
					h.WriteByte(' ')
				}
				f(h.Sum64())
			}
		}
	}
}

func TestNoSharedRunsAcrossEvents(t *testing.T) {
	// Articles about different events do not share 12-word passages: only
	// copies do, as in real news, so that a copy detector finds the true
	// copies and nothing else.
	tests := []struct {
		seed int64
		n    int
	}{{13, 2000}, {7, 1500}}
	for _, tt := range tests {
		arts := load(t, generate(t, Options{Articles: tt.n, Seed: tt.seed}))
		seed := maphash.MakeSeed()
		owner := map[uint64]int{} // window -> first article that had it
		crossArts, sameArts := map[int]bool{}, map[int]bool{}
		for i, a := range arts {
			windows(a, 12, seed, func(h uint64) {
				j, ok := owner[h]
				if !ok {
					owner[h] = i
					return
				}
				o := arts[j]
				switch {
				case o.Cluster != a.Cluster:
					crossArts[i] = true
				case a.CopyOf == "" && o.CopyOf == "":
					sameArts[i] = true
				}
			})
		}
		t.Logf("seed %d: %d of %d articles share a 12-word run with another event, %d with a non-copy of their own event",
			tt.seed, len(crossArts), len(arts), len(sameArts))
		// The goal is under 1% (only rare coincidences); the generator is
		// at about 11% (from nearly every article before the phrasing was
		// rebuilt). These bounds keep it from getting worse; tighten them
		// as the phrasing improves.
		if len(crossArts)*100 >= 15*len(arts) {
			t.Errorf("seed %d: %d of %d articles share a 12-word run with an article of another event", tt.seed, len(crossArts), len(arts))
		}
		if len(sameArts)*100 >= 7*len(arts) {
			t.Errorf("seed %d: %d of %d articles share a 12-word run with a non-copy of their own event", tt.seed, len(sameArts), len(arts))
		}
	}
}
