package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// Gen makes synthetic batches for benchmarks and load tests: articles of
// about TextBytes bytes in English and Russian pseudo-words drawn from a
// Zipf distribution, each with entities, an assignment (a new event every
// EventSize articles, a new story every StorySize), two quotes and a copy
// of its predecessor every tenth article. The same seed gives the same
// batches.
type Gen struct {
	TextBytes int
	EventSize int
	StorySize int
	// Raw, when set, adds a raw input of about twice the text.
	Raw bool
	// Copies, when above zero, gives every article this many copies of
	// articles among the 200 before it instead of one copy every tenth.
	Copies int
	// HashIDs, when set, names articles by 16 hex digits, as content ids
	// are, rather than in increasing order.
	HashIDs bool
	// StateBytes, when above zero, adds one state value of about this many
	// bytes per article (stage "sketches", keys in arrival order), as an
	// online index keeps a sketch of each article.
	StateBytes int
	// Quotes, when above zero, gives every article this many quotes (two
	// otherwise), each of a speaker drawn from thousands and a statement
	// of its own, as the quote stages find them in news.
	Quotes int
	// StatementKeys, when above zero, adds this many state values of about
	// 120 bytes per article under random keys (stage "statements"), as a
	// statement grouper keeps its statements by hashed id.
	StatementKeys int
	// FreshEntities, when above zero, adds this many entities per article
	// whose names no earlier article has, as a recogniser finds in news
	// (most names it finds occur once): the entity totals then grow with
	// the store, as they do in a real one.
	FreshEntities int

	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	next  int
}

// NewGen returns a generator with the given seed and article size.
func NewGen(seed uint64, textBytes int) *Gen {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &Gen{TextBytes: textBytes, EventSize: 6, StorySize: 30, rng: rng}
	latin := "abcdefghijklmnopqrstuvwxyz"
	cyr := []rune("абвгдеёжзийклмнопрстуфхцчшщыэюя")
	for i := range 30000 {
		n := 3 + rng.IntN(8)
		var b strings.Builder
		for range n {
			if i%3 == 0 {
				b.WriteRune(cyr[rng.IntN(len(cyr))])
			} else {
				b.WriteByte(latin[rng.IntN(len(latin))])
			}
		}
		g.vocab = append(g.vocab, b.String())
	}
	g.zipf = rand.NewZipf(rng, 1.1, 2, uint64(len(g.vocab)-1))
	return g
}

func (g *Gen) words(bytes int) string {
	var b strings.Builder
	b.Grow(bytes + 16)
	for b.Len() < bytes {
		if b.Len() > 0 {
			if g.rng.IntN(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.vocab[g.zipf.Uint64()])
	}
	return b.String()
}

// Next returns the number of the next article Batch makes.
func (g *Gen) Next() int { return g.next }

// Skip makes the next article Batch makes the n-th, as if the articles
// before it had been made: a benchmark goes on adding to a store built
// earlier. Ids and the articles copies name depend on the number only;
// texts differ from those the generator would have made.
func (g *Gen) Skip(n int) { g.next = n }

// Batch returns the next n articles with what the stages would derive.
func (g *Gen) Batch(n int) storyline.Batch {
	var b storyline.Batch
	b.Quotes = map[string][]storyline.Quote{}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		i := g.next
		g.next++
		id := g.id(i)
		lang := "en"
		if i%3 == 0 {
			lang = "ru"
		}
		a := storyline.Article{
			ID: id, Title: g.words(60), Text: g.words(g.TextBytes),
			Source: fmt.Sprintf("source%02d.example", i%50), URL: "https://example.com/" + id, Lang: lang,
			Published: storyline.Instant(base.Add(time.Duration(i) * time.Minute)),
			Format:    "text", Origin: "gen/" + id,
		}
		a.Hash = fmt.Sprintf("%016x", g.rng.Uint64())
		if g.Raw {
			a.Raw = []byte("<html><body><p>" + a.Text + "</p><p>" + a.Text + "</p></body></html>")
		}
		for e := range 8 {
			name := fmt.Sprintf("Entity %d", g.zipf.Uint64()%5000)
			a.Entities = append(a.Entities, storyline.Entity{Name: name, Kind: storyline.EntityKind([]string{"person", "org", "place"}[e%3]),
				Mentions: []storyline.Mention{{Text: name, Start: e * 10, End: e*10 + 8}}})
		}
		for e := range g.FreshEntities {
			name := fmt.Sprintf("Fresh %d-%d", i, e)
			a.Entities = append(a.Entities, storyline.Entity{Name: name, Kind: storyline.EntityKind([]string{"person", "org", "place"}[e%3]),
				Mentions: []storyline.Mention{{Text: name, Start: 100 + e*10, End: 100 + e*10 + 8}}})
		}
		a.Dates = []storyline.DateMention{{Date: "2024-01-01", Text: "Monday", Start: 0, End: 6, Precision: storyline.PrecisionDay}}
		b.Articles = append(b.Articles, a)
		b.Assignments = append(b.Assignments, storyline.Assignment{Article: id,
			Event: fmt.Sprintf("ev-%08d", i/g.EventSize), Story: fmt.Sprintf("st-%08d", i/g.StorySize),
			Why: &storyline.Why{Similarity: 0.5, Terms: []string{"a", "b"}}})
		b.Quotes[id] = []storyline.Quote{
			{Article: id, Text: g.words(80), Start: 10, End: 90, Speaker: fmt.Sprintf("Speaker %d", i%300), SpeakerStart: -1, SpeakerEnd: -1, Cue: "said", Kind: storyline.Direct, Statement: fmt.Sprintf("stm-%d", i/4)},
			{Article: id, Text: g.words(80), Start: 100, End: 180, Speaker: fmt.Sprintf("Speaker %d", i%71), SpeakerStart: -1, SpeakerEnd: -1, Cue: "said", Kind: storyline.Indirect, Statement: fmt.Sprintf("stm-%d", i)},
		}
		for k := 2; k < g.Quotes; k++ {
			b.Quotes[id] = append(b.Quotes[id], storyline.Quote{Article: id, Text: g.words(100), Start: 200 * k, End: 200*k + 100,
				Speaker: fmt.Sprintf("Speaker %d", g.zipf.Uint64()%20000), SpeakerStart: -1, SpeakerEnd: -1, Cue: "said",
				Kind: storyline.Indirect, Statement: fmt.Sprintf("%016x", g.rng.Uint64())})
		}
		switch {
		case g.Copies > 0:
			for k := range min(g.Copies, i) {
				j := i - 1 - (k*37+g.rng.IntN(200))%min(i, 200)
				b.Copies = append(b.Copies, storyline.Copy{A: g.id(j), B: id, Kind: storyline.Partial,
					Similarity: 0.3, AShare: 0.2, BShare: 0.3, Direction: storyline.AToB,
					Passages: []storyline.Passage{{AStart: 0, AEnd: 100, BStart: 5, BEnd: 105, Text: "shared"}}})
			}
		case i%10 == 9:
			b.Copies = append(b.Copies, storyline.Copy{A: g.id(i - 1), B: id, Kind: storyline.Partial,
				Similarity: 0.3, AShare: 0.2, BShare: 0.3, Direction: storyline.AToB,
				Passages: []storyline.Passage{{AStart: 0, AEnd: 100, BStart: 5, BEnd: 105, Text: "shared"}}})
		}
	}
	b.State = map[string]map[string][]byte{"bench": {fmt.Sprintf("cursor/%d", g.next%16): []byte(fmt.Sprint(g.next))}}
	if g.StateBytes > 0 {
		sk := map[string][]byte{}
		for k := range b.Articles {
			v := make([]byte, g.StateBytes)
			for j := range v {
				v[j] = byte(g.rng.Uint32())
			}
			sk[fmt.Sprintf("d%012d", g.next-len(b.Articles)+k)] = v
		}
		b.State["sketches"] = sk
	}
	if g.StatementKeys > 0 {
		st := map[string][]byte{}
		for range g.StatementKeys * len(b.Articles) {
			st[fmt.Sprintf("s/%016x", g.rng.Uint64())] = []byte(g.words(120))
		}
		b.State["statements"] = st
	}
	return b
}

// ID returns the id of the i-th article the generator makes.
func (g *Gen) ID(i int) string { return g.id(i) }

func (g *Gen) id(i int) string {
	if g.HashIDs {
		// A fixed bijective mix of i, so that ids look random but any
		// article's id can be named again.
		x := uint64(i)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
		x ^= x >> 31
		x *= 0xbf58476d1ce4e5b9
		x ^= x >> 29
		return fmt.Sprintf("%016x", x)
	}
	return fmt.Sprintf("art-%08d", i)
}
