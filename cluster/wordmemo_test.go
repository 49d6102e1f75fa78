package cluster

import (
	"fmt"
	"strings"
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
	words := []string{"said", "Peskov", "Кремль", "the", "running", "Friday", "2021", "x", "международного", "responsibilities"}
	for i := range 3 * memoSize {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	for round := range 2 {
		for _, w := range words {
			for k, wc := range caches {
				got, want := memo[k].info(wc, w, 0, len(w)), wc.info(w)
				if got != want {
					t.Fatalf("round %d, %d: memo info(%q) = %+v, want %+v", round, k, w, got, want)
				}
			}
		}
	}
	if en, ru := memo[0].info(caches[0], "said", 0, 4), memo[1].info(caches[1], "said", 0, 4); en.keep || !ru.keep {
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
	key := func(w string) memoKey { return keyOf(w, 0, len(w)) }
	var same []string
	for i := 0; len(same) < 3; i++ {
		if w := fmt.Sprintf("word%d", i); len(same) == 0 || key(w).set() == key(same[0]).set() {
			same = append(same, w)
		}
	}
	a, b, c := same[0], same[1], same[2]
	info := func(m *wordMemo, w string) wordInfo { return m.info(wc, w, 0, len(w)) }
	var m wordMemo
	info(&m, a)
	info(&m, b)
	info(&m, a) // a used last
	s := &m.sets[key(a).set()]
	if s[0].k != key(a) || s[1].k != key(b) {
		t.Fatalf("after a, b, a: the set holds %v, %v; want a then b", s[0].k, s[1].k)
	}
	info(&m, c) // evicts b
	if s[0].k != key(c) || s[1].k != key(a) {
		t.Fatalf("after c: the set holds %v, %v; want c then a", s[0].k, s[1].k)
	}
	if got, want := info(&m, b), wc.info(b); got != want {
		t.Fatalf("info(%q) = %+v, want %+v", b, got, want)
	}
}

// TestMemoKey: a word's key is the same wherever a text holds it (in the
// middle, where the key is loaded eight bytes at a time past the word,
// near the end, where it is loaded eight bytes at a time up to its end,
// and at the end of a short text, where it is read byte by byte), and
// two words have the same key only when they are the same word: words
// that one is the other followed by a zero byte, words of 8, 15 and 16
// bytes and longer ones, which are keyed by their hash.
func TestMemoKey(t *testing.T) {
	words := []string{"a", "a\x00", "ab", "Peskov", "Кремль", "12345678", "123456789",
		"abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "международного",
		"сотрудничества", "co-operation's", "\xff\xff\xff\xff\xff\xff\xff\xff"}
	keys := map[memoKey]string{}
	for _, w := range words {
		var k memoKey
		for i, text := range []string{w, "x " + w, w + " and the rest of a sentence", "«" + w + "» more text after it",
			"a text that ends with " + w, "a text then " + w + "."} {
			at := strings.Index(text, w)
			if i == 0 {
				at = 0
			}
			got := keyOf(text, at, len(w))
			if i == 0 {
				k = got
			} else if got != k {
				t.Errorf("keyOf(%q) in %q = %v, want %v as alone", w, text, got, k)
			}
		}
		if k == (memoKey{}) {
			t.Errorf("keyOf(%q) is the zero key, which marks a free slot", w)
		}
		if other, ok := keys[k]; ok {
			t.Errorf("keyOf(%q) = keyOf(%q) = %v", w, other, k)
		}
		keys[k] = w
	}
}
