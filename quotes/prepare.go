package quotes

import (
	"strings"

	"github.com/zeebo/xxh3"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// prepared is what grouping needs of a quote that does not depend on the
// quotes before it, worked out ahead by Prepare.
type prepared struct {
	key    string   // speakerKey of the speaker as extracted
	spk    uint64   // hash of key
	full   bool     // the speaker is a name of two to four words, to learn
	stems  []string // distinct content stems, in order
	hashes []uint64 // their hashes, sorted
	// wording is stems as a JSON array, as the statement's state has it
	wording string
	id      string // the id a statement first worded so gets
}

// prepKey identifies a quote whose preparation waits for Group.
type prepKey struct{ text, speaker string }

// waiting is a preparation and how many quotes, copies of one another,
// wait for it.
type waiting struct {
	p *prepared
	n int
}

// maxPrepared bounds the preparations waiting for Group: quotes prepared
// and never grouped (an article given up) must not pile up.
const maxPrepared = 1 << 16

// Prepare does ahead the part of grouping qs that does not depend on the
// quotes grouped before them (stemming, hashing), so that the ordered
// Group that follows is short. It is safe to call concurrently with
// itself and with Group, from the goroutines that read articles; Group
// gives the same result whether or not Prepare was called.
func (g *Grouper) Prepare(qs []storyline.Quote) {
	if len(qs) == 0 {
		return
	}
	ps := make([]*prepared, len(qs))
	for i := range qs {
		ps[i] = g.prepare(&qs[i])
	}
	g.prepMu.Lock()
	defer g.prepMu.Unlock()
	if g.prep == nil || len(g.prep)+len(qs) > maxPrepared {
		g.prep = make(map[prepKey]waiting, 256)
	}
	for i := range qs {
		k := prepKey{qs[i].Text, qs[i].Speaker}
		w := g.prep[k]
		g.prep[k] = waiting{ps[i], w.n + 1}
	}
}

// take returns the preparations of qs, made by Prepare or now.
func (g *Grouper) take(qs []storyline.Quote) []*prepared {
	ps := make([]*prepared, len(qs))
	g.prepMu.Lock()
	for i := range qs {
		k := prepKey{qs[i].Text, qs[i].Speaker}
		if w, ok := g.prep[k]; ok {
			ps[i] = w.p
			if w.n--; w.n == 0 {
				delete(g.prep, k)
			} else {
				g.prep[k] = w
			}
		}
	}
	g.prepMu.Unlock()
	for i := range qs {
		if ps[i] == nil {
			ps[i] = g.prepare(&qs[i])
		}
	}
	return ps
}

func (g *Grouper) prepare(q *storyline.Quote) *prepared {
	key := speakerKey(q.Speaker)
	n := len(strings.Fields(q.Speaker))
	p := &prepared{key: key, spk: xxh3.HashString(key), full: n >= 2 && n <= 4, stems: g.stem.stems(q.Text)}
	if len(p.stems) > 0 {
		p.hashes = hashStems(p.stems)
		p.wording = string(appendJSONStrings(nil, p.stems))
		p.id = textproc.Hash(key + "|" + q.Text)[:16]
	}
	return p
}
