package cluster

import (
	"math/bits"

	"github.com/storyline-news/storyline/textproc"
)

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
// A word is known by its bytes (memoKey), not by its keyHash: nearly
// all words are short enough for their bytes to be the key, which two
// loads from the text make, where hashing a word cost more than the
// rest of its lookup.
//
// A scratch holds one memo per wordCache (wordCache.memo numbers them).
type wordMemo struct{ sets []memoSet }

// memoSet is one set of a wordMemo: 64 bytes.
type memoSet [2]memoSlot

type memoSlot struct {
	k memoKey
	v wordInfo
}

// memoKey is a word's key in a wordMemo, never the zero value (which
// marks a free slot). A word of at most maxInlineWord bytes is its bytes,
// in order from the low byte of lo, zero after the word, and its length
// in the top byte of hi; a longer word is its keyHash, with the top byte
// of hi set to longWord, so that the keys of short and long words never
// meet. Two long words that share the other 120 bits of their hash are
// as improbable as a collision of keyHash itself.
type memoKey struct{ lo, hi uint64 }

const (
	maxInlineWord = 15
	longWord      = 0xff
)

// memoSize is the number of slots of a wordMemo (a power of two): at
// 32 bytes a slot, the memo (256 KiB) stays in the processor's second-
// level cache.
const memoSize = 8192

// keyOf returns the memo key of the word text[at:at+n], n > 0.
func keyOf(text string, at, n int) memoKey {
	if n <= maxInlineWord && at+16 <= len(text) {
		// both halves at once, the bytes past the word masked off
		mk := &inlineMasks[n]
		return memoKey{load64(text, at) & mk.lo, load64(text, at+8)&mk.hi | mk.n}
	}
	return keyOfRest(text, at, n)
}

// keyOfRest is keyOf for the words that the text does not hold 16 bytes
// from (near its end: the last words of a title, the words of a name),
// and for the long ones. A short word's bytes are loaded eight at a
// time ending where it ends, the bytes before it shifted out, when the
// text holds eight bytes before its end; byte by byte otherwise.
func keyOfRest(text string, at, n int) memoKey {
	if n > maxInlineWord {
		h := keyHash(text[at : at+n])
		return memoKey{h.Lo, h.Hi | longWord<<56}
	}
	end := at + n
	switch {
	case n <= 8 && end >= 8:
		return memoKey{load64(text, end-8) >> (8 * (8 - n)), uint64(n) << 56}
	case n > 8:
		// the first eight bytes, then the rest as the last n-8 of the
		// eight ending where the word ends
		return memoKey{load64(text, at), load64(text, end-8)>>(8*(16-n)) | uint64(n)<<56}
	}
	var k memoKey
	for i := range n {
		b := uint64(text[at+i])
		if i < 8 {
			k.lo |= b << (8 * i)
		} else {
			k.hi |= b << (8 * (i - 8))
		}
	}
	k.hi |= uint64(n) << 56
	return k
}

// inlineMasks holds, by a word's length, the masks of its bytes in the
// two halves of a key and the length in the top byte (n); it is never
// modified.
var inlineMasks = func() (t [maxInlineWord + 1]struct{ lo, hi, n uint64 }) {
	for n := range t {
		for i := range n {
			if i < 8 {
				t[n].lo |= 0xff << (8 * i)
			} else {
				t[n].hi |= 0xff << (8 * (i - 8))
			}
		}
		t[n].n = uint64(n) << 56
	}
	return t
}()

// load64 reads the eight bytes of s from i, little-endian: one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// set returns the index of k's set in a memo.
func (k memoKey) set() uint64 {
	hi, _ := bits.Mul64(k.lo^bits.RotateLeft64(k.hi, 29), 0x9e3779b97f4a7c15)
	return hi & (memoSize/2 - 1)
}

// info returns wc.info of the word text[at:at+n] (n > 0); m must be wc's
// memo, always.
func (m *wordMemo) info(wc *wordCache, text string, at, n int) wordInfo {
	m.init()
	k := keyOf(text, at, n)
	set := &m.sets[k.set()]
	if set[0].k == k {
		return set[0].v
	}
	return m.miss(wc, set, k, text[at:at+n])
}

// fill sets infos[i] to the info of words[i], a word of text, as info
// does: in one loop, without a call per word but for the words the
// memo does not hold.
func (m *wordMemo) fill(wc *wordCache, text string, words []textproc.Word, infos []wordInfo) {
	m.init()
	sets := m.sets
	infos = infos[:len(words)]
	for i := range words {
		at, n := int(words[i].Byte), int(words[i].Len)
		// keyOf, its common case written out
		var k memoKey
		if n <= maxInlineWord && at+16 <= len(text) {
			mk := &inlineMasks[n]
			k = memoKey{load64(text, at) & mk.lo, load64(text, at+8)&mk.hi | mk.n}
		} else {
			k = keyOfRest(text, at, n)
		}
		set := &sets[k.set()]
		switch k {
		case set[0].k:
		case set[1].k:
			// second in its set (one word in eight): it becomes first
			set[0], set[1] = set[1], set[0]
		default:
			set[1] = set[0]
			set[0] = memoSlot{k, wc.info(text[at : at+n])}
		}
		infos[i] = set[0].v
	}
}

func (m *wordMemo) init() {
	if m.sets == nil {
		m.sets = make([]memoSet, memoSize/2)
	}
}

// miss returns the info of raw, whose key k is not first in its set:
// second, it becomes first; else it is looked up in wc and takes the
// first place, the word that held it the second.
func (m *wordMemo) miss(wc *wordCache, set *memoSet, k memoKey, raw string) wordInfo {
	if set[1].k == k {
		set[0], set[1] = set[1], set[0]
		return set[0].v
	}
	v := wc.info(raw)
	set[1] = set[0]
	set[0] = memoSlot{k, v}
	return v
}

// termMemo caches lexicon.term for the person terms of the analyses a
// scratch served (and the name terms protagonistsOf orders): the same people recur article after article, while
// the lexicon's entries, spread over memory by id, mostly miss the
// processor's caches. A term never changes once its id is given.
type termMemo [termMemoSize]struct {
	id   uint32
	term string // "" for a free slot
}

// termMemoSize is the number of slots of a termMemo (a power of two):
// at 100,000 generated articles, 1,024 missed 74% of lookups (the people
// of a long stream are many more), 8,192 miss 8%, in 192 KiB.
const termMemoSize = 8192

// term returns lex.term(id).
func (m *termMemo) term(lex *lexicon, id uint32) string {
	e := &m[id&(termMemoSize-1)]
	if e.term == "" || e.id != id {
		e.id, e.term = id, lex.term(id)
	}
	return e.term
}
