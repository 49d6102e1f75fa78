package quotes

import (
	"strings"

	"github.com/zeebo/xxh3"

	storyline "github.com/storyline-news/storyline"
)

// prepared is what grouping needs of a quote that does not depend on the
// quotes before it, worked out ahead by Prepare.
type prepared struct {
	text, speaker string   // the quote's, as prepared
	key           string   // speakerKey of the speaker as extracted
	spk           uint64   // hash of key
	full          bool     // the speaker is a name of two to four words, to learn
	stems         []string // distinct content stems, in order
	hashes        []uint64 // their hashes, sorted
	// wording is stems as a JSON array, as the statement's state has it
	wording string
	id      string // the id a statement first worded so gets
	idk     uint64 // idKey(id)
}

// maxPrepared bounds the articles whose preparations wait for Group:
// quotes prepared and never grouped (an article given up) must not pile
// up.
const maxPrepared = 1 << 13

// Prepare does ahead the part of grouping qs that does not depend on the
// quotes grouped before them (stemming, hashing), so that the ordered
// Group that follows is short. It is safe to call concurrently with
// itself and with Group, from the goroutines that read articles; Group
// gives the same result whether or not Prepare was called. Group finds
// the preparations when it is given the same slice (the same first
// element) with the same texts and speakers.
func (g *Grouper) Prepare(qs []storyline.Quote) {
	if len(qs) == 0 {
		return
	}
	// one allocation for the article's quotes, not one each
	ps := make([]prepared, len(qs))
	g.prepareAll(ps, qs)
	g.prepMu.Lock()
	defer g.prepMu.Unlock()
	if g.prep == nil || len(g.prep) >= maxPrepared {
		g.prep = make(map[*storyline.Quote][]prepared, 256)
	}
	g.prep[&qs[0]] = ps
}

// take returns the preparations of qs, made by Prepare or now.
func (g *Grouper) take(qs []storyline.Quote) []prepared {
	if len(qs) == 0 {
		return nil
	}
	g.prepMu.Lock()
	ps, ok := g.prep[&qs[0]]
	delete(g.prep, &qs[0])
	g.prepMu.Unlock()
	if !ok || len(ps) != len(qs) {
		ps = make([]prepared, len(qs))
		g.prepareAll(ps, qs)
		return ps
	}
	for i := range qs {
		if p := &ps[i]; p.text != qs[i].Text || p.speaker != qs[i].Speaker {
			g.prepare(p, &qs[i])
		}
	}
	return ps
}

// prepareAll sets ps to the preparations of qs.
func (g *Grouper) prepareAll(ps []prepared, qs []storyline.Quote) {
	for i := range qs {
		var prev *prepared
		if i > 0 {
			prev = &ps[i-1]
		}
		g.prepareAfter(&ps[i], &qs[i], prev)
	}
}

// prepare sets p to the preparation of q.
func (g *Grouper) prepare(p *prepared, q *storyline.Quote) { g.prepareAfter(p, q, nil) }

// prepareAfter is prepare, given prev, the preparation of the quote
// before q or nil: when the two have one speaker, q's takes the key
// worked out for prev (an article quotes its people again and again,
// and the key costs a lower-cased copy of the name).
func (g *Grouper) prepareAfter(p *prepared, q *storyline.Quote, prev *prepared) {
	var (
		key  string
		spk  uint64
		full bool
	)
	if prev != nil && prev.speaker == q.Speaker {
		key, spk, full = prev.key, prev.spk, prev.full
	} else {
		k, n := speakerWords(q.Speaker)
		key, spk, full = k, xxh3.HashString(k), n >= 2 && n <= 4
	}
	w, known := g.wording(q.Text)
	*p = prepared{text: q.Text, speaker: q.Speaker, key: key, spk: spk, full: full, stems: w.stems}
	if len(p.stems) > 0 {
		p.hashes, p.wording, p.id, p.idk = w.hashes, w.wording, w.id, w.idk
		if w.key != key || w.id == "" {
			// a text comes again with another speaker more often than
			// with the same one (on a generated stream, five times as
			// often): the memo keeps the id of the first
			p.id = statementID(key, q.Text)
			p.idk = idKey(p.id)
			if !known {
				w.key, w.id, w.idk = strings.Clone(key), p.id, p.idk
			}
		}
	}
	if !known {
		g.words.put(q.Text, w)
	}
}
