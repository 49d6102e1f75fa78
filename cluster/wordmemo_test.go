package cluster

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/textproc"
)

// TestWordMemo: a memo gives what its wordCache gives, for words seen
// once and again, for more words than it has slots (so that words evict
// each other), and in each language's memo, where one raw word analyses
// differently ("said" is a stop word in English, not in Russian).
func TestWordMemo(t *testing.T) {
	lex := newLexicon()
	caches := []*wordCache{
		newWordCache(textproc.ForLang("en"), lex, 0),
		newWordCache(textproc.ForLang("ru"), lex, 1),
	}
	var memo [2]wordMemo
	words := []string{"said", "Peskov", "Кремль", "the", "running", "Friday", "2021", "x"}
	for i := range 3 * memoSize {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	for round := range 2 {
		for _, w := range words {
			for k, wc := range caches {
				got, want := memo[k].info(wc, w), wc.info(w)
				if got != want {
					t.Fatalf("round %d, %d: memo info(%q) = %+v, want %+v", round, k, w, got, want)
				}
			}
		}
	}
	if en, ru := memo[0].info(caches[0], "said"), memo[1].info(caches[1], "said"); en.keep || !ru.keep {
		t.Errorf("said: English keep %v, Russian keep %v; want false, true", en.keep, ru.keep)
	}
}

// TestTermMemo: a term memo gives the lexicon's terms, for ids that
// share its slots too.
func TestTermMemo(t *testing.T) {
	lex := newLexicon()
	var ids []uint32
	for i := range 3 * termMemoSize {
		ids = append(ids, lex.id(fmt.Sprintf("t%d", i)))
	}
	var m termMemo
	for round := range 2 {
		for _, id := range ids {
			if got, want := m.term(lex, id), lex.term(id); got != want {
				t.Fatalf("round %d: term(%d) = %q, want %q", round, id, got, want)
			}
		}
	}
}

// TestWordMemoWays: two words of one set both stay in the memo, the one
// used last first, and a third evicts the one used least recently.
func TestWordMemoWays(t *testing.T) {
	wc := newWordCache(textproc.ForLang("en"), newLexicon(), 0)
	set := func(w string) uint64 { return keyHash(w).Hi & (memoSize/2 - 1) }
	var same []string
	for i := 0; len(same) < 3; i++ {
		if w := fmt.Sprintf("word%d", i); len(same) == 0 || set(w) == set(same[0]) {
			same = append(same, w)
		}
	}
	a, b, c := same[0], same[1], same[2]
	var m wordMemo
	m.info(wc, a)
	m.info(wc, b)
	m.info(wc, a) // a used last
	s := &m.sets[set(a)]
	if s[0].k != keyHash(a) || s[1].k != keyHash(b) {
		t.Fatalf("after a, b, a: the set holds %v, %v; want a then b", s[0].k, s[1].k)
	}
	m.info(wc, c) // evicts b
	if s[0].k != keyHash(c) || s[1].k != keyHash(a) {
		t.Fatalf("after c: the set holds %v, %v; want c then a", s[0].k, s[1].k)
	}
	if got, want := m.info(wc, b), wc.info(b); got != want {
		t.Fatalf("info(%q) = %+v, want %+v", b, got, want)
	}
}
