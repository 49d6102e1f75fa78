package quotes

import (
	"strings"
	"sync"

	"github.com/storyline-news/storyline/textproc"
)

// maxWordingMemo is the texts a wordingMemo generation holds; the memo
// keeps two, so that it remembers between this many texts and twice as
// many. Of the 50,000 quotes of a generated stream of 3,000 articles, 57%
// repeat a text seen before, and a memo of 16,384 texts that started
// afresh when full would still find 54%.
const maxWordingMemo = 1 << 14

// wordingMemo remembers what prepare works out of a quote's text alone
// (its stems, their hashes, the wording as JSON) and the id it first gave
// the text with a speaker: news carries one quotation in many articles
// (copies, an agency's text run by several outlets), and a lookup costs
// far less than tokenizing, stemming, encoding and hashing it again. It
// is safe for concurrent use.
type wordingMemo struct {
	mu sync.RWMutex
	// cur holds the texts seen lately; prev, the generation before, is
	// dropped when cur is full and takes its place.
	cur, prev map[string]wordingOf
}

// wordingOf is what prepare makes of one quote text, and the id of a
// statement worded so by the speaker of key, the first the text came with.
type wordingOf struct {
	stems   []string // distinct content stems, in order
	hashes  []uint64 // their hashes, sorted; nil without stems
	wording string   // stems as a JSON array
	key, id string   // speakerKey and statement id, "" before one is made
	idk     uint64   // idKey(id)
}

// get returns what the memo holds of text.
func (m *wordingMemo) get(text string) (wordingOf, bool) {
	m.mu.RLock()
	w, ok := m.cur[text]
	if !ok {
		w, ok = m.prev[text]
	}
	m.mu.RUnlock()
	return w, ok
}

// put remembers w as what text makes, the text copied so that it holds
// no article in memory.
func (m *wordingMemo) put(text string, w wordingOf) {
	text = strings.Clone(text)
	m.mu.Lock()
	if len(m.cur) >= maxWordingMemo || m.cur == nil {
		// made full size, so that it never grows
		m.prev, m.cur = m.cur, make(map[string]wordingOf, maxWordingMemo)
	}
	m.cur[text] = w
	m.mu.Unlock()
}

// wording returns the stems of text, their hashes and the wording they
// make, as prepare does, from the memo or anew.
func (g *Grouper) wording(text string) (wordingOf, bool) {
	if w, ok := g.words.get(text); ok {
		return w, true
	}
	var w wordingOf
	w.stems, w.hashes = g.stem.stems(text)
	if len(w.stems) == 0 {
		w.hashes = nil
		return w, false
	}
	n := 2 // the brackets; each stem quoted, and a comma
	for _, st := range w.stems {
		n += len(st) + 3
	}
	w.wording = string(appendJSONStrings(make([]byte, 0, n), w.stems))
	return w, false
}

// statementID returns the id a statement first worded as text by the
// speaker of key gets.
func statementID(key, text string) string {
	return textproc.Hash(key + "|" + text)[:16]
}
