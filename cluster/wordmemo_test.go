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
