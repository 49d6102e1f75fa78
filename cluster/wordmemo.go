package cluster

import "github.com/zeebo/xxh3"

// wordMemo is a small cache in front of the wordCaches, private to one
// analysis at a time (it lives in a scratch): the words most texts use
// ("the", "said", "of") stay in it, close to the processor, while a
// wordCache's shared table is large and a lookup in it mostly waits for
// memory. What a raw word becomes depends on the word and the analyzer
// alone (its term's id never changes once given), so the memo returns
// what the wordCache would.
//
// It is two-way set-associative, each set in one cache line, the word
// used last first: a word missed the direct-mapped memo of as many slots
// about one time in fifteen in a generated stream, nearly always for a
// conflict with another word, and one time in thirty-seven in this one.
//
// A scratch holds one memo per wordCache (wordCache.memo numbers them).
type wordMemo struct{ sets []memoSet }

// memoSet is one set of a wordMemo: 64 bytes.
type memoSet [2]memoSlot

type memoSlot struct {
	k xxh3.Uint128
	v wordInfo
}

// memoSize is the number of slots of a wordMemo (a power of two): at
// 32 bytes a slot, the memo (256 KiB) stays in the processor's second-
// level cache.
const memoSize = 8192

// info returns wc.info(raw); m must be wc's memo, always.
func (m *wordMemo) info(wc *wordCache, raw string) wordInfo {
	if m.sets == nil {
		m.sets = make([]memoSet, memoSize/2)
	}
	h := keyHash(raw)
	set := &m.sets[h.Hi&(memoSize/2-1)]
	if set[0].k == h {
		return set[0].v
	}
	if set[1].k == h {
		set[0], set[1] = set[1], set[0]
		return set[0].v
	}
	v := wc.infoHash(raw, h)
	set[1] = set[0]
	set[0] = memoSlot{h, v}
	return v
}

// termMemo caches lexicon.term for the person terms of the analyses a
// scratch served: the same people recur article after article, while
// the lexicon's entries, spread over memory by id, mostly miss the
// processor's caches. A term never changes once its id is given.
type termMemo [termMemoSize]struct {
	id   uint32
	term string // "" for a free slot
}

const termMemoSize = 1024

// term returns lex.term(id).
func (m *termMemo) term(lex *lexicon, id uint32) string {
	e := &m[id&(termMemoSize-1)]
	if e.term == "" || e.id != id {
		e.id, e.term = id, lex.term(id)
	}
	return e.term
}
