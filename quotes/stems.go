package quotes

import (
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"github.com/zeebo/xxh3"

	"github.com/storyline-news/storyline/textproc"
)

var stopStems = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or but of to in on at by for with from about as is are was
were be been being it its this that these those there here he she they we i you his her their our my
your him them us me not no so if then than too very can could would should will shall may might must
do does did have has had what which who whom whose when where why how all any some such also just only
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было
вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их
чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при
наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
всю между это`) {
		stopStems[w] = true
	}
}

// stemOf returns the content stem of one token's term, or "" for a stop
// word or a word under three letters; American and British spellings are
// folded ("recognize", "recognise").
func stemOf(term string) string {
	w := strings.ReplaceAll(term, "'", "")
	if stopStems[w] || len(w) < 3 || len([]rune(w)) < 3 {
		return ""
	}
	if w[0] >= 0xd0 {
		return russian.Stem(w, false)
	}
	return english.Stem(strings.ReplaceAll(w, "z", "s"), false)
}

// contentStems returns the distinct stems of the content words of text,
// in order.
func contentStems(text string) []string {
	toks := textproc.Tokenize(nil, text)
	for i, t := range toks {
		toks[i].Term = stemOf(t.Term)
	}
	return distinct(toks)
}

// distinct returns the non-empty terms of toks, each once, in order.
func distinct(toks []textproc.Token) []string {
	out := make([]string, 0, len(toks))
	var seen map[string]bool // for long quotes, where scanning out is slow
	if len(toks) > 48 {
		seen = make(map[string]bool, len(toks))
	}
	for _, t := range toks {
		switch {
		case t.Term == "":
		case seen != nil:
			if !seen[t.Term] {
				seen[t.Term] = true
				out = append(out, t.Term)
			}
		case !slices.Contains(out, t.Term):
			out = append(out, t.Term)
		}
	}
	return out
}

// maxMemo bounds the words a stemmer remembers; past it the memory starts
// afresh.
const maxMemo = 1 << 18

// stemmer is contentStems with a memory of the stems of words seen
// before, and of their hashes: news repeats its vocabulary, and a
// snowball stem costs far more than a map lookup. It is safe for
// concurrent use.
type stemmer struct {
	mu   sync.RWMutex
	memo map[string]stemInfo // term → its stem, "" for a word that is not content
}

// stemInfo is a stem and its hash (0 for "").
type stemInfo struct {
	stem string
	h    uint64
}

// newStemInfo returns the stemInfo of stem.
func newStemInfo(stem string) stemInfo {
	if stem == "" {
		return stemInfo{}
	}
	return stemInfo{stem, xxh3.HashString(stem)}
}

// stems returns what contentStems(text) does, and what hashStems does of
// that.
func (s *stemmer) stems(text string) ([]string, []uint64) {
	var (
		arr  [48]textproc.Token
		harr [48]uint64
	)
	toks := textproc.Tokenize(arr[:0], text)
	hs := harr[:0]
	if len(toks) > len(harr) {
		hs = make([]uint64, 0, len(toks))
	}
	hs = hs[:len(toks)]
	var missed []int // indexes of tokens not in the memory
	s.mu.RLock()
	for i, t := range toks {
		if len(t.Term) < 3 {
			// stemOf gives "" to a word under three bytes, without a
			// look at the memory: a third of running text
			toks[i].Term, hs[i] = "", 0
			continue
		}
		si, ok := s.memo[t.Term]
		if !ok {
			missed = append(missed, i)
			continue
		}
		toks[i].Term, hs[i] = si.stem, si.h
	}
	s.mu.RUnlock()
	if len(missed) > 0 {
		type learned struct {
			term string
			si   stemInfo
		}
		ls := make([]learned, len(missed))
		for k, i := range missed {
			term := strings.Clone(toks[i].Term)
			ls[k] = learned{term, newStemInfo(stemOf(term))}
			toks[i].Term, hs[i] = ls[k].si.stem, ls[k].si.h
		}
		s.mu.Lock()
		if s.memo == nil || len(s.memo)+len(ls) > maxMemo {
			s.memo = make(map[string]stemInfo, 1024)
		}
		for _, l := range ls {
			s.memo[l.term] = l.si
		}
		s.mu.Unlock()
	}
	return distinctHashed(toks, hs)
}

// distinctHashed returns what distinct does of toks, whose terms' hashes
// are hs, and those hashes sorted, each once, as hashStems does.
func distinctHashed(toks []textproc.Token, hs []uint64) ([]string, []uint64) {
	if len(toks) > 48 {
		out := distinct(toks)
		return out, hashStems(out)
	}
	var harr [48]uint64
	out, outH := make([]string, 0, len(toks)), harr[:0]
	for i, t := range toks {
		if t.Term == "" || seenTerm(out, outH, t.Term, hs[i]) {
			continue
		}
		out = append(out, t.Term)
		outH = append(outH, hs[i])
	}
	if len(out) == 0 {
		return out, nil
	}
	h := slices.Clone(outH)
	slices.Sort(h)
	return out, slices.Compact(h)
}

// seenTerm reports whether term, of hash h, is among terms, whose hashes
// are hs.
func seenTerm(terms []string, hs []uint64, term string, h uint64) bool {
	for j, x := range hs {
		if x == h && terms[j] == term {
			return true
		}
	}
	return false
}

// hashStems returns the hashes of stems, sorted, for comparing wordings by
// merging.
func hashStems(stems []string) []uint64 {
	h := make([]uint64, len(stems))
	for i, s := range stems {
		h[i] = xxh3.HashString(s)
	}
	slices.Sort(h)
	return slices.Compact(h)
}

// shared counts the values two sorted slices have in common.
func shared(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// postingKey is the key of a speaker's posting list for one stem.
func postingKey(speaker, stem uint64) uint64 {
	// splitmix64's finaliser over the pair
	z := stem ^ (speaker * 0x9e3779b97f4a7c15)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
