// Package quotes finds what an article says people said — direct quotes
// and reported speech — with the speaker each is attributed to, and groups
// quotes across articles into statements.
package quotes

import (
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

// spk is a mention that can be a speaker: a name, a role, a pronoun or a
// group ("officials").
type spk struct {
	start, end int
	tok0, tok1 int
	name       string // resolved name, "" until resolved
	entity     int
	kind       storyline.EntityKind
	pronoun    string
	role       bool
	// named marks a proper name, of whatever kind.
	named bool
}

type attribution struct {
	spk    int // index into reader.spks, -1 when none
	cueTok int // -1 when attributed by context
}

var none = attribution{spk: -1, cueTok: -1}

// reader holds one article while its quotes are extracted.
type reader struct {
	d     *entities.Doc
	ents  *entities.Result
	segs  []segment
	toks  []tokInfo // what the reader knows of each token
	spks  []spk
	sents int // sentences in the text
}

// tokInfo is what the reader knows of one token, the three side by side
// so that an article costs one allocation for them, and a token's zero
// value is right until the reader learns otherwise.
type tokInfo struct {
	// spk is the speaker mention at the token plus one, 0 for none; see
	// at.
	spk int32
	// class holds the word classes of the token's term (classCue, …).
	class uint8
	// quoted marks a token inside a quotation.
	quoted bool
}

// Extract returns the direct and indirect quotes of the article whose
// entities are ents, in text order. The Article field is set to id.
func Extract(ents *entities.Result, id string) []storyline.Quote {
	r := newReader(ents)
	return r.indirect(id, r.direct(id))
}

func newReader(ents *entities.Result) *reader {
	d := ents.Doc
	r := &reader{d: d, ents: ents, segs: findSegments(d.Text)}
	r.toks = make([]tokInfo, len(d.Tokens))
	toks := r.toks
	for _, s := range r.segs {
		for k := d.TokenAt(s.start); k < len(d.Tokens) && d.Tokens[k].Start < s.end; k++ {
			toks[k].quoted = true
		}
	}
	// the tokens that may be a pronoun or a group noun, which the loop
	// over them below, once the mentions are in, reads, and no other
	cands := make([]int32, 0, 64)
	for i := range d.Tokens {
		if d.SentStart[i] {
			r.sents++
		}
		term := d.Tokens[i].Term
		if classFilter.May(term) {
			toks[i].class = wordClasses[term]
		}
		if toks[i].class&(classPronoun|classGroup) != 0 || contracted(term) {
			cands = append(cands, int32(i))
		}
	}
	// mentions, pronouns and group nouns, and those attribution adds
	r.spks = make([]spk, 0, len(ents.Mentions)+len(d.Tokens)/32+16)
	add := func(c spk) {
		for k := c.tok0; k < c.tok1; k++ {
			if r.toks[k].quoted || r.at(k) >= 0 {
				return
			}
		}
		for k := c.tok0; k < c.tok1; k++ {
			r.toks[k].spk = int32(len(r.spks)) + 1
		}
		r.spks = append(r.spks, c)
	}
	for _, m := range ents.Mentions {
		if m.Kind == storyline.Place {
			continue
		}
		c := spk{start: m.Start, end: m.End, tok0: m.Tok0, tok1: m.Tok1, entity: m.Entity, kind: m.Kind, role: m.Role, name: m.Name, named: !m.Role}
		if m.Entity >= 0 {
			c.name = ents.Entities[m.Entity].Name
		}
		if c.named {
			// the mention spans the titles before the name ("White House
			// Press Secretary Josh Earnest")
			for c.tok0 > 0 && !d.SentStart[c.tok0] && d.Capitalized(c.tok0-1) && r.at(c.tok0-1) < 0 &&
				d.Tokens[c.tok0-1].Term != "like" && !determinerLike(d.Tokens[c.tok0-1].Term) &&
				(gap(d, c.tok0-1) == " " || gap(d, c.tok0-1) == ". ") && !r.toks[c.tok0-1].quoted {
				c.tok0--
			}
			c.start = d.Tokens[c.tok0].Start
		}
		add(c)
	}
	for _, k := range cands {
		k, t := int(k), &d.Tokens[k]
		p := ""
		if toks[k].class&classPronoun != 0 {
			p = t.Term
		} else if contracted(t.Term) {
			p = pronounOf(t.Term) // "he's", "they're"
		}
		if p != "" {
			if p == "i" && !d.Capitalized(k) {
				continue
			}
			add(spk{start: t.Start, end: t.End, tok0: k, tok1: k + 1, entity: -1, pronoun: p})
		} else if toks[k].class&classGroup != 0 && r.at(k) < 0 {
			from := k
			for from > 0 && k-from < 3 && gap(d, from-1) == " " && r.at(from-1) < 0 && r.toks[from-1].class&classCue == 0 &&
				!prepositions[d.Tokens[from-1].Term] && (d.Capitalized(from-1) || modifierLike(d.Tokens[from-1].Term)) {
				from--
			}
			// the name reads on over organisations ("White House official")
			// that keep their own mention
			named := from
			for named > 0 && k-named < 4 && gap(d, named-1) == " " && d.Capitalized(named-1) && !r.toks[named-1].quoted && !d.SentStart[named] {
				named--
			}
			start := d.Tokens[from].Start
			add(spk{start: start, end: t.End, tok0: from, tok1: k + 1, entity: -1, name: d.Slice(d.Tokens[named].Start, t.End)})
		}
	}
	return r
}

// at returns the speaker mention at token k, or -1.
func (r *reader) at(k int) int { return int(r.toks[k].spk) - 1 }

// direct returns the direct quotes.
func (r *reader) direct(id string) []storyline.Quote {
	att := make([]attribution, len(r.segs))
	for i := range r.segs {
		att[i] = none
		if r.segs[i].words >= 3 || r.segs[i].close < 0 || r.segs[i].prev >= 0 {
			att[i] = r.attribute(i)
		}
	}
	// room for the quotations and the reported speech of some sentences,
	// so that the list seldom grows
	out := make([]storyline.Quote, 0, len(r.segs)+r.sents*3/5+2)
	for i, s := range r.segs {
		if s.prev >= 0 {
			continue // emitted with the quotation's first paragraph
		}
		// a quotation running over paragraphs is one quote
		last, words, a := i, s.words, att[i]
		for r.segs[last].cont >= 0 {
			last = r.segs[last].cont
			words += r.segs[last].words
			if a.spk < 0 {
				a = att[last]
			}
		}
		if r.segs[last].close < 0 {
			continue // a quotation mark never closed: malformed text
		}
		if words < 3 {
			continue // a scare quote
		}
		end := r.segs[last].end
		title := last == i && isTitle(r.d.Slice(s.start, s.end))
		if a.spk < 0 {
			if title {
				continue
			}
			a = r.context(i, att)
			att[i] = a
		} else if title && !r.adjacentCue(s, a) {
			continue // "… on ABC's "Good Morning America.""
		}
		if s.mixed && !r.adjacentCue(s, a) {
			continue // “…": pairing is unsure unless a cue stands beside it
		}
		out = append(out, r.quote(id, s.start, end, r.viaRelative(s, a), storyline.Direct))
	}
	return out
}

func (r *reader) quote(id string, start, end int, a attribution, kind storyline.QuoteKind) storyline.Quote {
	q := storyline.Quote{Article: id, Text: r.d.Slice(start, end), Start: start, End: end,
		SpeakerStart: -1, SpeakerEnd: -1, Kind: kind}
	if a.cueTok >= 0 {
		q.Cue = r.d.Word(a.cueTok)
		for k := 1; k < r.cueAt(a.cueTok); k++ {
			q.Cue += " " + r.d.Word(a.cueTok+k)
		}
	}
	if a.spk >= 0 {
		sp := r.spks[a.spk]
		q.SpeakerStart, q.SpeakerEnd = sp.start, sp.end
		q.Speaker = r.resolve(a.spk, 0)
	}
	return q
}

// contracted reports whether term has the shape of a contraction ("he's",
// "they're"), an apostrophe before its last one or two letters.
func contracted(term string) bool {
	n := len(term)
	return n >= 3 && (term[n-2] == '\'' || term[n-3] == '\'')
}

// pronounOf returns the speaker pronoun term stands for, contracted
// ("he's", "they're"; not "it's") or not, or "".
func pronounOf(term string) string {
	if len(term) > maxPronoun && strings.IndexByte(term[:maxPronoun+1], '\'') < 0 {
		return "" // most words: too long for a pronoun, contracted or not
	}
	if _, ok := pronouns[term]; ok {
		return term
	}
	if i := strings.IndexByte(term, '\''); i > 0 {
		switch term[i:] {
		case "'s", "'re", "'ll", "'d", "'ve", "'m":
			// "it's" is mostly "it is raining": no speaker
			if _, ok := pronouns[term[:i]]; ok && term[:i] != "it" {
				return term[:i]
			}
		}
	}
	return ""
}
