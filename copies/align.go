package copies

import "slices"

// span is a shared passage as token ranges [a0, a1) and [b0, b1).
type span struct {
	a0, a1, b0, b1 int
	matched        int // tokens matched exactly inside the span
}

// Alignment tuning. A seed is a run of seedWords equal words; runs on the
// same track separated by at most maxGap unmatched words on each side are
// joined, which tolerates a changed, added or dropped word.
const (
	seedWords   = 3
	maxGap      = 2
	maxSeedPos  = 8 // positions remembered per seed in the first text
	minMatchPct = 80
)

// align finds the maximal shared spans of two token sequences that hold
// at least minWords words on both sides. It runs in time linear in
// len(a)+len(b): one pass to index a's seeds, one greedy pass over b that
// extends each seed as far as it goes and then jumps past it.
func align(a, b []token, minWords int) []span {
	if len(a) < seedWords || len(b) < seedWords {
		return nil
	}
	// first and further positions of each seed in a
	first := make(map[uint64]int32, len(a))
	nextPos := make([]int32, len(a))
	for i := len(a) - seedWords; i >= 0; i-- {
		k := seedKey(a[i : i+seedWords])
		if p, ok := first[k]; ok {
			nextPos[i] = p
		} else {
			nextPos[i] = -1
		}
		first[k] = int32(i)
	}
	var runs []span
	for j := 0; j+seedWords <= len(b); {
		p, ok := first[seedKey(b[j:j+seedWords])]
		if !ok {
			j++
			continue
		}
		best, bestLen := -1, 0
		for n := 0; p >= 0 && n < maxSeedPos; n++ {
			l := 0
			for int(p)+l < len(a) && j+l < len(b) && a[int(p)+l].h == b[j+l].h {
				l++
			}
			// prefer the position that continues the previous run
			cont := len(runs) > 0 && int(p)-runs[len(runs)-1].a1 >= 0 && int(p)-runs[len(runs)-1].a1 <= maxGap
			if l > bestLen || (l == bestLen && cont) {
				best, bestLen = int(p), l
			}
			p = nextPos[p]
		}
		if bestLen < seedWords {
			j++
			continue
		}
		runs = append(runs, span{a0: best, a1: best + bestLen, b0: j, b1: j + bestLen, matched: bestLen})
		j += bestLen
	}
	// join runs on one track across small edits
	var out []span
	for _, r := range runs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			ga, gb := r.a0-last.a1, r.b0-last.b1
			if ga >= 0 && gb >= 0 && ga <= maxGap && gb <= maxGap {
				last.a1, last.b1 = r.a1, r.b1
				last.matched += r.matched
				continue
			}
		}
		out = append(out, r)
	}
	out = slices.DeleteFunc(out, func(s span) bool {
		n := min(s.a1-s.a0, s.b1-s.b0)
		return n < minWords || 100*s.matched < minMatchPct*max(s.a1-s.a0, s.b1-s.b0)
	})
	return out
}

func seedKey(t []token) uint64 {
	h := uint64(0)
	for _, x := range t {
		h = (h^x.h)*0x9E3779B97F4A7C15 + 1
	}
	return h
}
