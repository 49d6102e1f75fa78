package cluster

import "github.com/zeebo/xxh3"

// wordMemo is a small direct-mapped cache in front of the wordCaches,
// private to one analysis at a time (it lives in a scratch): the words
// most texts use ("the", "said", "of") stay in it, close to the
// processor, while a wordCache's shared table is large and a lookup in
// it mostly waits for memory. What a raw word becomes depends on the
// word and the analyzer alone (its term's id never changes once given),
// so the memo returns what the wordCache would.
//
// A scratch holds one memo per wordCache (wordCache.memo numbers them).
type wordMemo struct{ slots []memoSlot }

type memoSlot struct {
	k xxh3.Uint128
	v wordInfo
}

// memoSize is the number of slots of a wordMemo (a power of two): at
// 32 bytes a slot, the memo (256 KiB) stays in the processor's second-
// level cache, and holds most of a stream's common words: with 4096
// slots, one word in eight of a generated stream missed it.
const memoSize = 8192

// info returns wc.info(raw); m must be wc's memo, always.
func (m *wordMemo) info(wc *wordCache, raw string) wordInfo {
	if m.slots == nil {
		m.slots = make([]memoSlot, memoSize)
	}
	h := keyHash(raw)
	sl := &m.slots[h.Hi&(memoSize-1)]
	if sl.k == h {
		return sl.v
	}
	v := wc.infoHash(raw, h)
	sl.k, sl.v = h, v
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
