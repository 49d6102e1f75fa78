package cluster

import (
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/zeebo/xxh3"

	"github.com/storyline-news/storyline/textproc"
)

// snapshot is a string-keyed map for many concurrent readers and few
// writers: reads go to an immutable table published atomically, without
// locks; new keys go to a locked map that is folded into a new table once
// it holds an eighth as many keys, so that the copying stays proportional
// to the insertions. With max > 0 the map is emptied when it would grow
// past max keys.
//
// Keys are held as their 128-bit XXH3 hash (keyHash), not as text: a
// lookup then reads one slot of a flat table, not a key stored
// elsewhere, and the map keeps no copy of its keys. Two of the at most
// millions of words a stream holds sharing a hash is improbable beyond
// any practical concern (about 10^-26).
type snapshot[V any] struct {
	read  atomic.Pointer[hashTable[V]]
	mu    sync.Mutex
	dirty map[xxh3.Uint128]V
	max   int
}

// keyHash is the key of k in a snapshot, never the zero value (which
// marks a free slot).
func keyHash(k string) xxh3.Uint128 {
	h := xxh3.HashString128(k)
	if h == (xxh3.Uint128{}) {
		h.Lo = 1
	}
	return h
}

// hashTable is an immutable open-addressing table from key hashes to
// values, half full at most (and at least, but for small tables):
// a key's first slot is its hash scaled to the table's size.
type hashTable[V any] struct {
	slots []hashSlot[V]
	n     int
}

type hashSlot[V any] struct {
	k xxh3.Uint128
	v V
}

// newHashTable returns a table holding old's entries and add's.
func newHashTable[V any](old *hashTable[V], add map[xxh3.Uint128]V) *hashTable[V] {
	n := len(add)
	if old != nil {
		n += old.n
	}
	t := &hashTable[V]{slots: make([]hashSlot[V], max(16, 2*n))}
	if old != nil {
		for i := range old.slots {
			if sl := &old.slots[i]; sl.k != (xxh3.Uint128{}) {
				t.put(sl.k, sl.v)
			}
		}
	}
	for k, v := range add {
		t.put(k, v)
	}
	return t
}

// first returns the slot where the probe for k starts.
func (t *hashTable[V]) first(k xxh3.Uint128) int {
	hi, _ := bits.Mul64(k.Lo, uint64(len(t.slots)))
	return int(hi)
}

func (t *hashTable[V]) put(k xxh3.Uint128, v V) {
	for i := t.first(k); ; i++ {
		if i == len(t.slots) {
			i = 0
		}
		sl := &t.slots[i]
		if sl.k == (xxh3.Uint128{}) {
			sl.k, sl.v = k, v
			t.n++
			return
		}
		if sl.k == k {
			sl.v = v
			return
		}
	}
}

func (t *hashTable[V]) get(k xxh3.Uint128) (V, bool) {
	for i := t.first(k); ; i++ {
		if i == len(t.slots) {
			i = 0
		}
		sl := &t.slots[i]
		if sl.k == k {
			return sl.v, true
		}
		if sl.k == (xxh3.Uint128{}) {
			var zero V
			return zero, false
		}
	}
}

// get returns the value of k.
func (s *snapshot[V]) get(k string) (V, bool) { return s.getHash(keyHash(k)) }

func (s *snapshot[V]) getHash(h xxh3.Uint128) (V, bool) {
	t := s.read.Load()
	if t != nil {
		if v, ok := t.get(h); ok {
			return v, true
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.dirty[h]; ok {
		return v, true
	}
	// The recent keys may have been folded into a new table (and dirty
	// emptied) between the read of t and the lock: without this second
	// look, a key added long before could be reported absent, at random.
	if now := s.read.Load(); now != t && now != nil {
		return now.get(h)
	}
	var zero V
	return zero, false
}

// getOrAdd returns the value of k, calling create (under the lock, once
// per key) to create it when missing.
func (s *snapshot[V]) getOrAdd(k string, create func() V) V {
	h := keyHash(k)
	if v, ok := s.getHash(h); ok {
		return v
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.read.Load()
	if old != nil {
		if v, ok := old.get(h); ok {
			return v
		}
	}
	if v, ok := s.dirty[h]; ok {
		return v
	}
	v := create()
	if s.dirty == nil {
		s.dirty = map[xxh3.Uint128]V{}
	}
	s.dirty[h] = v
	n := 0
	if old != nil {
		n = old.n
	}
	if len(s.dirty) >= max(64, n/8) {
		if s.max > 0 && n+len(s.dirty) > s.max {
			old = nil // bounded: start over with the newest keys
		}
		s.read.Store(newHashTable(old, s.dirty))
		s.dirty = map[xxh3.Uint128]V{}
	}
	return v
}

// lexicon numbers the terms of all articles: ids are dense, assigned on
// first sight (so they depend on the order of concurrent Prepare calls:
// nothing may be ordered by id), and never reused.
type lexicon struct {
	ids snapshot[uint32]
	// chunks holds the terms by id, in chunks that never move, so that
	// a term is read without a lock while others are appended.
	chunks atomic.Pointer[[]*[lexChunk]lexEntry]
	n      atomic.Uint32
	// text holds the terms' bytes, appended one after another (under
	// the snapshot's lock) and never modified once written: a term is
	// a string over its bytes. The terms that are read together (the
	// people an event counts, hashed and compared as map keys) then
	// share cache lines, where a small allocation of their own each
	// scattered them among the other objects of the heap.
	text []byte
}

const (
	lexChunk = 4096
	// lexText is the size of the blocks of term bytes.
	lexText = 64 << 10
)

// lexEntry is what the lexicon keeps per term.
type lexEntry struct {
	term string
	// hash is the term's xxh3 hash: it orders terms of equal weight
	// deterministically and cheaply, and picks the term's shard of
	// document frequencies.
	hash uint64
}

func (e *lexEntry) shard() int { return int(e.hash % dfShards) }

func newLexicon() *lexicon {
	l := &lexicon{}
	l.chunks.Store(&[]*[lexChunk]lexEntry{})
	return l
}

// id returns the id of term, adding it when new.
func (l *lexicon) id(term string) uint32 {
	return l.ids.getOrAdd(term, func() uint32 {
		// under the snapshot's lock: one writer at a time
		id := l.n.Load()
		chunks := *l.chunks.Load()
		if int(id/lexChunk) == len(chunks) {
			next := append(chunks[:len(chunks):len(chunks)], new([lexChunk]lexEntry))
			l.chunks.Store(&next)
			chunks = next
		}
		t := l.keep(term)
		chunks[id/lexChunk][id%lexChunk] = lexEntry{term: t, hash: xxh3.HashString(t)}
		l.n.Store(id + 1)
		return id
	})
}

// keep returns a copy of term in the lexicon's text (under the
// snapshot's lock): a term may be a substring of a whole text, which the
// lexicon must not keep alive.
func (l *lexicon) keep(term string) string {
	if term == "" {
		return ""
	}
	if len(term) > cap(l.text)-len(l.text) {
		l.text = make([]byte, 0, max(lexText, len(term)))
	}
	at := len(l.text)
	l.text = append(l.text, term...)
	// the bytes from at are never written again: append writes past
	// them, and a full block is left for a new one
	return unsafe.String(&l.text[at], len(term))
}

// lookup returns the id of term when the lexicon holds it.
func (l *lexicon) lookup(term string) (uint32, bool) { return l.ids.get(term) }

// entry returns the term with id, which must have been returned by id.
func (l *lexicon) entry(id uint32) *lexEntry {
	return &(*l.chunks.Load())[id/lexChunk][id%lexChunk]
}

func (l *lexicon) term(id uint32) string { return l.entry(id).term }

// size is the number of terms.
func (l *lexicon) size() int { return int(l.n.Load()) }

// wordInfo is what a raw word becomes: a term id, or nothing (a stop
// word, a word too short).
type wordInfo struct {
	id     uint32
	keep   bool
	number bool
	// key is the id of the word's nameKey, when hasKey.
	key    uint32
	hasKey bool
	// calendar is set for the names of months and weekdays
	// (isCalendarWord), month for those of months.
	calendar, month bool
	// role is set for the words of spokesRoles, whatever the analyzer
	// makes of them: spokesPerson needs one near a mention (nearRole).
	role bool
}

// wordCacheMax bounds the raw words remembered per analyzer.
const wordCacheMax = 1 << 17

// wordCache maps raw words to their analysis for one analyzer, so that
// folding, stop words and stemming run once per distinct word form.
type wordCache struct {
	an  textproc.Analyzer
	lex *lexicon
	m   snapshot[wordInfo]
	// memo is the index of the wordCache's memo in a scratch.
	memo int
}

func newWordCache(an textproc.Analyzer, lex *lexicon, memo int) *wordCache {
	w := &wordCache{an: an, lex: lex, memo: memo}
	w.m.max = wordCacheMax
	return w
}

// info analyses one raw word (as textproc.ScanWords delimits it).
func (w *wordCache) info(raw string) wordInfo { return w.infoHash(raw, keyHash(raw)) }

// infoHash is info with the word's keyHash computed.
func (w *wordCache) infoHash(raw string, h xxh3.Uint128) wordInfo {
	if wi, ok := w.m.getHash(h); ok {
		return wi
	}
	// analysed outside the lock; a race only analyses a word twice
	var wi wordInfo
	var buf [2]textproc.Token
	if toks := w.an.Analyze(buf[:0], raw); len(toks) > 0 {
		wi = wordInfo{id: w.lex.id(toks[0].Term), keep: true, number: textproc.IsNumber(toks[0].Term)}
		wi.month = isMonthName(raw)
		wi.calendar = wi.month || isWeekdayName(raw)
		if k, ok := nameKey(raw); ok && !wi.calendar {
			wi.key, wi.hasKey = w.lex.id(k), true
		}
	}
	wi.role = spokesRoles[strings.ToLower(raw)]
	return w.m.getOrAdd(raw, func() wordInfo { return wi })
}
