package gen

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/textproc"
)

// The copy detector reports two articles as copying when they share a
// passage of at least twelve words, found from runs of equal words joined
// across gaps of one or two changed words, most of it matched, and not
// just a quotation with fewer than twelve shared words around it. The
// generator must give such passages to articles of one copy family only:
// an original and its copies, and the copies among themselves. The check
// below applies the same rule to a generated stream.

const (
	passageWords = 12 // shortest passage
	seedRun      = 3  // runs of equal words start from seeds this long
	candRun      = 4  // a passage of ≥80% matched words holds a run this long
	passageGap   = 2  // changed words a passage runs across
	passagePct   = 80 // share of a passage's words that are matched
)

// word is one word of an article's reporting and whether it stands
// inside quotation marks.
type word struct {
	h      uint64
	quoted bool
	term   string
}

// reportWords returns the words of a's reporting (its text without the
// boilerplate paragraphs a cleaner removes), hashed, in order.
func reportWords(a Article, seed maphash.Seed) []word {
	var out []word
	for _, p := range body(a) {
		mask := quoteMarks(p)
		for _, t := range textproc.Tokenize(nil, p) {
			term := strings.TrimSuffix(t.Term, "'s")
			out = append(out, word{h: maphash.String(seed, term), quoted: mask[t.Start], term: term})
		}
	}
	return out
}

// quoteMarks marks the code points of p inside double quotation marks of
// any style, as the detector does.
func quoteMarks(p string) []bool {
	rs := []rune(p)
	mask := make([]bool, len(rs)+1)
	in := false
	for i, r := range rs {
		switch r {
		case '"':
			in = !in
		case '“', '«', '„':
			in = true
		case '”', '»':
			in = false
		default:
			mask[i] = in
		}
	}
	return mask
}

// sharedPassage returns the longest passage a and b share that counts as
// copying: at least passageWords words of it outside quotations, on both
// sides. It returns 0 when there is none.
func sharedPassage(a, b []word) int {
	n, _, _ := sharedPassageAt(a, seeds(a), b)
	return n
}

// seeds indexes the positions of every seedRun words of a.
func seeds(a []word) map[uint64][]int {
	at := map[uint64][]int{}
	for i := 0; i+seedRun <= len(a); i++ {
		k := runKey(a[i : i+seedRun])
		at[k] = append(at[k], i)
	}
	return at
}

// sharedPassageAt is sharedPassage with a's seeds indexed.
// It also returns the passage's words in a and in b.
func sharedPassageAt(a []word, at map[uint64][]int, b []word) (int, []word, []word) {
	type run struct{ a0, a1, b0, b1, matched int }
	var runs []run
	for j := 0; j+seedRun <= len(b); {
		best, bestLen := -1, 0
		for _, p := range at[runKey(b[j:j+seedRun])] {
			l := 0
			for p+l < len(a) && j+l < len(b) && a[p+l].h == b[j+l].h {
				l++
			}
			if l > bestLen {
				best, bestLen = p, l
			}
		}
		if best < 0 {
			j++
			continue
		}
		r := run{best, best + bestLen, j, j + bestLen, bestLen}
		if n := len(runs); n > 0 {
			last := &runs[n-1]
			ga, gb := r.a0-last.a1, r.b0-last.b1
			if ga >= 0 && gb >= 0 && ga <= passageGap && gb <= passageGap {
				last.a1, last.b1, last.matched = r.a1, r.b1, last.matched+r.matched
				j += bestLen
				continue
			}
		}
		runs = append(runs, r)
		j += bestLen
	}
	longest, text, textB := 0, []word(nil), []word(nil)
	for _, r := range runs {
		if 100*r.matched < passagePct*max(r.a1-r.a0, r.b1-r.b0) {
			continue
		}
		out := min(unquoted(a[r.a0:r.a1]), unquoted(b[r.b0:r.b1]))
		if out >= passageWords && out > longest {
			longest, text, textB = out, a[r.a0:r.a1], b[r.b0:r.b1]
		}
	}
	return longest, text, textB
}

func terms(ws []word) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.term
	}
	return strings.Join(out, " ")
}

func unquoted(ws []word) int {
	n := 0
	for _, w := range ws {
		if !w.quoted {
			n++
		}
	}
	return n
}

func runKey(ws []word) uint64 {
	h := uint64(0)
	for _, w := range ws {
		h = (h^w.h)*0x9E3779B97F4A7C15 + 1
	}
	return h
}

// family is the copy family an article belongs to: its original's id.
func family(a Article) string {
	if a.CopyOf != "" {
		return a.CopyOf
	}
	return a.ID
}

// spurious finds the pairs of articles of different copy families that
// share a passage, split into pairs across events and pairs within one.
// Candidate pairs are those sharing a run of candRun words outside
// quotations that few articles have; runs common to many articles are
// checked exactly at full passage length instead, so that a sentence
// every event of a kind repeats is caught too.
func spurious(arts []Article) (across, within []string) {
	seed := maphash.MakeSeed()
	words := make([][]word, len(arts))
	df := map[uint64][]int32{}
	for i, a := range arts {
		words[i] = reportWords(a, seed)
		seen := map[uint64]bool{}
		for k := 0; k+candRun <= len(words[i]); k++ {
			if unquoted(words[i][k:k+candRun]) < candRun {
				continue
			}
			h := runKey(words[i][k : k+candRun])
			if !seen[h] {
				seen[h] = true
				df[h] = append(df[h], int32(i))
			}
		}
	}
	type pair struct{ a, b int32 }
	cands := map[pair]bool{}
	for _, ids := range df {
		if len(ids) < 2 || len(ids) > 40 {
			continue
		}
		for x, i := range ids {
			for _, j := range ids[x+1:] {
				if family(arts[i]) != family(arts[j]) {
					cands[pair{i, j}] = true
				}
			}
		}
	}
	// Exact full-length windows outside quotations, however common.
	owners := map[uint64][]int32{}
	for i, ws := range words {
		var plain []word
		for _, w := range ws {
			if !w.quoted {
				plain = append(plain, w)
			}
		}
		for k := 0; k+passageWords <= len(plain); k++ {
			h := runKey(plain[k : k+passageWords])
			os := owners[h]
			for _, o := range os {
				if family(arts[o]) != family(arts[i]) {
					cands[pair{o, int32(i)}] = true
				}
			}
			if len(os) < 8 && (len(os) == 0 || os[len(os)-1] != int32(i)) {
				owners[h] = append(os, int32(i))
			}
		}
	}
	keys := make([]pair, 0, len(cands))
	for p := range cands {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(x, y int) bool {
		if keys[x].a != keys[y].a {
			return keys[x].a < keys[y].a
		}
		return keys[x].b < keys[y].b
	})
	index := map[int32]map[uint64][]int{}
	for _, p := range keys {
		at, ok := index[p.a]
		if !ok {
			at = seeds(words[p.a])
			index[p.a] = at
		}
		n, wa, wb := sharedPassageAt(words[p.a], at, words[p.b])
		if n == 0 {
			continue
		}
		a, b := arts[p.a], arts[p.b]
		desc := fmt.Sprintf("%s (%s) and %s (%s): %q / %q", a.ID, a.Cluster, b.ID, b.Cluster, terms(wa), terms(wb))
		if a.Cluster != b.Cluster {
			across = append(across, desc)
		} else {
			within = append(within, desc)
		}
	}
	return across, within
}

func TestNoSharedPassagesOutsideCopies(t *testing.T) {
	// Only copies share passages, as in real news: articles about other
	// events, and independent reports of one event, word things their own
	// way. Quotations of one speaker may repeat within an event, with too
	// few shared words around them to count.
	tests := []struct {
		seed int64
		n    int
	}{{13, 3000}}
	for _, tt := range tests {
		arts := load(t, generate(t, Options{Articles: tt.n, Seed: tt.seed}))
		across, within := spurious(arts)
		t.Logf("seed %d, %d articles: %d pairs across events and %d within one event share a passage outside a copy family",
			tt.seed, len(arts), len(across), len(within))
		show := 5
		if testing.Verbose() {
			show = 40
		}
		for _, s := range append(across[:min(len(across), show)], within[:min(len(within), show)]...) {
			t.Log("  ", s)
		}
		// Independent reports are worded by each article (see vary.go,
		// text_*.go and attribute), not broken up by invented sources, so
		// stock sentences of one kind of event still meet now and then.
		// Measured on seed 13: 802 pairs across events and 122 within;
		// 4,492 and 978 when each fact had one or two shapes; 25,330 and
		// 4,118 without the lexicon and the attributions between clauses.
		if limit := tt.n * 2 / 5; len(across) > limit {
			t.Errorf("seed %d: %d pairs across events share a passage; want at most %d", tt.seed, len(across), limit)
		}
		if limit := tt.n / 10; len(within) > limit {
			t.Errorf("seed %d: %d pairs within one event share a passage; want at most %d", tt.seed, len(within), limit)
		}
	}
}

func TestSharedPassage(t *testing.T) {
	seed := maphash.MakeSeed()
	ws := func(s string) []word {
		return reportWords(Article{Text: s}, seed)
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"twelve words", "One two three four five six seven eight nine ten eleven twelve here.",
			"Then one two three four five six seven eight nine ten eleven twelve.", true},
		{"eleven words", "One two three four five six seven eight nine ten eleven here.",
			"Then one two three four five six seven eight nine ten eleven there.", false},
		{"one word changed", "One two three four five six seven eight nine ten eleven twelve thirteen.",
			"One two three four five six SEVEN eight nine ten eleven twelve thirteen.", true},
		{"every fourth word changed", "a b c x d e f x g h i x j k l x m n o",
			"a b c y d e f y g h i y j k l y m n o", false},
		{"quote with few words around", `Mayor Ann said: "We will rebuild every house that the water took from us, every one." Then more.`,
			`Ann, the mayor, said: "We will rebuild every house that the water took from us, every one." Then more.`, false},
		{"quote with many words around", `The river rose three metres in a single night, the mayor said: "We will rebuild."`,
			`The river rose three metres in a single night, the mayor said: "We will rebuild."`, true},
		{"across paragraphs", "One two three four five six\n\nseven eight nine ten eleven twelve",
			"One two three four five six seven eight nine ten eleven twelve", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sharedPassage(ws(tt.a), ws(tt.b)) > 0; got != tt.want {
				t.Errorf("shared = %v, want %v", got, tt.want)
			}
		})
	}
}
