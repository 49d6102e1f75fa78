// Package quotes finds what an article says people said — direct quotes
// and reported speech — with the speaker each is attributed to, and groups
// quotes across articles into statements.
package quotes

import (
	"strings"
	"unicode"

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
	d       *entities.Doc
	ents    *entities.Result
	segs    []segment
	inQuote []bool
	spkAt   []int
	spks    []spk
}

// Extract returns the direct and indirect quotes of the article whose
// entities are ents, in text order. The Article field is set to id.
func Extract(ents *entities.Result, id string) []storyline.Quote {
	r := newReader(ents)
	direct := r.direct(id)
	return append(direct, r.indirect(id, direct)...)
}

func newReader(ents *entities.Result) *reader {
	d := ents.Doc
	r := &reader{d: d, ents: ents, segs: findSegments(d.Text)}
	r.inQuote = make([]bool, len(d.Tokens))
	for _, s := range r.segs {
		for k := d.TokenAt(s.start); k < len(d.Tokens) && d.Tokens[k].Start < s.end; k++ {
			r.inQuote[k] = true
		}
	}
	r.spkAt = make([]int, len(d.Tokens))
	for i := range r.spkAt {
		r.spkAt[i] = -1
	}
	add := func(c spk) {
		for k := c.tok0; k < c.tok1; k++ {
			if r.inQuote[k] || r.spkAt[k] >= 0 {
				return
			}
		}
		for k := c.tok0; k < c.tok1; k++ {
			r.spkAt[k] = len(r.spks)
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
			for c.tok0 > 0 && !d.SentStart[c.tok0] && d.Capitalized(c.tok0-1) && r.spkAt[c.tok0-1] < 0 &&
				(gap(d, c.tok0-1) == " " || gap(d, c.tok0-1) == ". ") && !r.inQuote[c.tok0-1] {
				c.tok0--
			}
			c.start = d.Tokens[c.tok0].Start
		}
		add(c)
	}
	for k, t := range d.Tokens {
		if _, ok := pronouns[t.Term]; ok {
			if t.Term == "i" && !d.Capitalized(k) {
				continue
			}
			add(spk{start: t.Start, end: t.End, tok0: k, tok1: k + 1, entity: -1, pronoun: t.Term})
		} else if groupHeads[t.Term] && r.spkAt[k] < 0 {
			from := k
			for from > 0 && k-from < 3 && gap(d, from-1) == " " && r.spkAt[from-1] < 0 && !cues[d.Tokens[from-1].Term] &&
				(d.Capitalized(from-1) || modifierLike(d.Tokens[from-1].Term)) {
				from--
			}
			start := d.Tokens[from].Start
			add(spk{start: start, end: t.End, tok0: from, tok1: k + 1, entity: -1, name: string(d.Text[start:t.End])})
		}
	}
	return r
}

func modifierLike(t string) bool {
	switch t {
	case "the", "a", "an", "his", "her", "their", "its", "campaign", "another", "one", "some", "former", "white", "house", "senior", "top", "administration", "state", "federal", "local", "u.s", "us":
		return true
	}
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "al")
}

func gap(d *entities.Doc, i int) string {
	if i < 0 || i+1 >= len(d.Tokens) {
		return ""
	}
	return string(d.Text[d.Tokens[i].End:d.Tokens[i+1].Start])
}

// cueAt reports whether token k is a speech cue outside quotation marks,
// and how many tokens it spans ("according to" is two).
func (r *reader) cueAt(k int) int {
	if k < 0 || k >= len(r.d.Tokens) || r.inQuote[k] {
		return 0
	}
	t := r.d.Tokens[k].Term
	if k+1 < len(r.d.Tokens) {
		next := r.d.Tokens[k+1].Term
		if t == "по" && k+2 < len(r.d.Tokens) && r.d.Tokens[k+2].Term == "словам" {
			if _, ok := objectPronouns[next]; ok {
				return 3
			}
		}
		if t == "according" && next == "to" || t == "по" && next == "словам" || (t == "pointed" || t == "went") && next == "out" || t == "went" && next == "on" {
			return 2
		}
	}
	if cues[t] {
		if g := gap(r.d, k-1); k > 0 && (g == " " || g == "’ " || g == "' ") {
			// "the US' continued refusal", "his stated goal": an adjective
			prev := r.d.Tokens[k-1].Term
			if determinerLike(prev) || strings.HasSuffix(prev, "'s") || g != " " {
				return 0
			}
		}
		return 1
	}
	return 0
}

// subjectLeft finds the speaker of cue k among the mentions before it, not
// before token from: the nearest one that is not the object of a
// preposition ("speaking to Fox News said"), a relative pronoun standing
// for the name before it, the subject of an earlier cue joined by "and" or
// "but", or a common noun right before the cue ("the moderator said").
func (r *reader) subjectLeft(k, from int) int {
	d := r.d
	if strings.HasSuffix(d.Tokens[k].Term, "ing") && (k == 0 || strings.Contains(gap(d, k-1), ",")) {
		// "…, saying": the subject of the main clause
		for p := k - 1; p >= from; p-- {
			if r.cueAt(p) > 0 && !strings.HasSuffix(d.Tokens[p].Term, "ing") {
				return r.subjectLeft(p, from)
			}
		}
		return r.firstSubject(from, k)
	}
	if strings.HasSuffix(d.Tokens[k].Term, "ing") {
		// "she released a statement saying": the one who released it
		if s := r.nearestLeft(k, from); s >= 0 && !r.spks[s].named && r.spks[s].pronoun == "" && !r.spks[s].role {
			if f := r.firstSubject(from, r.spks[s].tok0); f >= 0 {
				return f
			}
		}
	}
	first := true
	for j := k - 1; j >= from && k-j <= 15; j-- {
		if r.inQuote[j] {
			continue
		}
		t := d.Tokens[j].Term
		if s := r.spkAt[j]; s >= 0 {
			sp := r.spks[s]
			if sp.pronoun == "" && sp.tok0 > from && prepositions[d.Tokens[sp.tok0-1].Term] || r.modifier(sp) {
				j = sp.tok0
				first = false
				continue
			}
			return s
		}
		if first && relatives[t] {
			return r.relative(j, from)
		}
		if t == "and" || t == "but" || t == "и" || t == "а" {
			for p := j - 1; p >= from; p-- {
				if r.cueAt(p) > 0 {
					return r.subjectLeft(p, from)
				}
			}
			if first {
				return r.firstSubject(from, j)
			}
		}
		if first && !skippable[t] {
			if !notSubject[t] && !prepositions[t] && r.cueAt(j) == 0 && len(t) > 2 && isAlpha(t) {
				g := r.generic(j)
				g0 := r.spks[g].tok0
				if g0 > from && prepositions[d.Tokens[g0-1].Term] {
					r.spks = r.spks[:g]
					j = g0
					continue
				}
				if determinerLike(d.Tokens[g0].Term) || g0 == from || d.SentStart[g0] {
					return g
				}
				r.spks = r.spks[:g]
			}
			first = false
		}
	}
	return -1
}

// nearestLeft returns the speaker mention nearest before token k in the
// same clause (no comma between), or -1.
func (r *reader) nearestLeft(k, from int) int {
	for j := k - 1; j >= from && k-j <= 4; j-- {
		if strings.Contains(gap(r.d, j), ",") || r.inQuote[j] {
			return -1
		}
		if s := r.spkAt[j]; s >= 0 {
			return s
		}
	}
	return -1
}

// modifier reports whether a name only modifies the noun after it ("a
// staunch Donald Trump ally, said").
func (r *reader) modifier(sp spk) bool {
	d := r.d
	w := sp.tok1
	if sp.pronoun != "" || w+1 >= len(d.Tokens) || gap(d, w-1) != " " || d.Capitalized(w) {
		return false
	}
	t := d.Tokens[w].Term
	return !skippable[t] && !prepositions[t] && !notSubject[t] && r.cueAt(w) == 0 && strings.HasPrefix(gap(d, w), ",")
}

// firstSubject returns the first speaker mention in [from, to) that is not
// the object of a preposition: the subject of the sentence's main clause.
func (r *reader) firstSubject(from, to int) int {
	d := r.d
	for j := from; j < to; j++ {
		if s := r.spkAt[j]; s >= 0 && !r.inQuote[j] && !(j > from && prepositions[d.Tokens[j-1].Term]) && !r.modifier(r.spks[s]) {
			return s
		}
	}
	// "The town released a statement": a common noun opening the clause
	if from+1 < to && determinerLike(d.Tokens[from].Term) && gap(d, from) == " " && !d.Capitalized(from+1) {
		t := d.Tokens[from+1].Term
		if isAlpha(t) && !notSubject[t] && !prepositions[t] && r.cueAt(from+1) == 0 && r.spkAt[from+1] < 0 {
			return r.generic(from + 1)
		}
	}
	return -1
}

// isAlpha reports whether s is a word: letters, with digits or hyphens
// allowed inside ("43-year-old").
func isAlpha(s string) bool {
	letters := false
	for _, c := range s {
		switch {
		case unicode.IsLetter(c):
			letters = true
		case unicode.IsDigit(c) || c == '-':
		default:
			return false
		}
	}
	return letters
}

// relative adds a speaker for the relative pronoun at token j, resolved to
// the mention before it.
func (r *reader) relative(j, from int) int {
	t := r.d.Tokens[j]
	c := spk{start: t.Start, end: t.End, tok0: j, tok1: j + 1, entity: -1}
	for p := j - 1; p >= from && j-p <= 4; p-- {
		if s := r.spkAt[p]; s >= 0 {
			ante := r.spks[s]
			c.kind, c.entity = ante.kind, ante.entity
			c.name = r.resolve(s, 1)
			break
		}
	}
	r.spks = append(r.spks, c)
	return len(r.spks) - 1
}

// generic adds a speaker for the common noun phrase ending at token j.
func (r *reader) generic(j int) int {
	d := r.d
	from := j
	for from > 0 && j-from < 3 && gap(d, from-1) == " " && !r.inQuote[from-1] && r.cueAt(from-1) == 0 {
		t := d.Tokens[from-1].Term
		if determinerLike(t) {
			from--
			break
		}
		if !modifierLike(t) && !d.Capitalized(from-1) && (notSubject[t] || prepositions[t] || !isAlpha(t) || skippable[t]) {
			break
		}
		from--
	}
	start, end := d.Tokens[from].Start, d.Tokens[j].End
	r.spks = append(r.spks, spk{start: start, end: end, tok0: from, tok1: j + 1, entity: -1, name: string(d.Text[start:end])})
	return len(r.spks) - 1
}

// subjectRight finds the speaker mention right after the cue at k spanning
// n tokens ("said Peskov", "according to Peskov").
func (r *reader) subjectRight(k, n, to int) int {
	for j := k + n; j < to && j < k+n+4 && j < len(r.d.Tokens); j++ {
		if r.inQuote[j] {
			break
		}
		if s := r.spkAt[j]; s >= 0 {
			return s
		}
	}
	// "said one former executive who …"
	j := k + n
	last := -1
	for p := j; p < to && p < len(r.d.Tokens) && p < j+4 && !r.inQuote[p]; p++ {
		t := r.d.Tokens[p].Term
		if notSubject[t] || prepositions[t] || !isAlpha(t) {
			break
		}
		last = p
		if p+1 < len(r.d.Tokens) && gap(r.d, p) != " " {
			break
		}
	}
	if last >= 0 && determinerLike(r.d.Tokens[j].Term) {
		start, end := r.d.Tokens[j].Start, r.d.Tokens[last].End
		r.spks = append(r.spks, spk{start: start, end: end, tok0: j, tok1: last + 1, entity: -1, name: string(r.d.Text[start:end])})
		return len(r.spks) - 1
	}
	return -1
}

// determinerLike reports whether t can open a common noun phrase that
// names a speaker ("the moderator", "another supporter", "one executive").
func determinerLike(t string) bool {
	switch t {
	case "the", "a", "an", "another", "one", "some", "many", "most", "several", "two", "three", "other", "his", "her", "their", "its", "this", "that":
		return true
	}
	return false
}

func (r *reader) sentenceFrom(k int) int {
	for k > 0 && !(r.d.SentStart[k] && !r.inQuote[k]) && r.d.Para[k-1] == r.d.Para[k] {
		k--
	}
	return k
}

// attribute finds the cue and speaker of segment i from its own sentence.
func (r *reader) attribute(i int) attribution {
	d, s := r.d, r.segs[i]
	n := len(d.Tokens)
	if tb := d.TokenAt(s.open); tb > 0 && r.cueAt(tb-1) > 0 {
		if a := r.pre(i); a.spk >= 0 {
			return a
		}
	}
	if s.close >= 0 && !r.endsSentence(s) {
		tk := d.TokenAt(s.close + 1)
		lim := tk + 30
		for j := tk; j < lim && j < n; j++ {
			if d.Para[j] != s.para || j > tk && d.SentStart[j] || r.inQuote[j] {
				lim = j
				break
			}
		}
		for j := tk; j < lim && j < n; j++ {
			if w := r.cueAt(j); w > 0 {
				if sp := r.subjectLeft(j, tk); sp >= 0 {
					return attribution{spk: sp, cueTok: j}
				}
				if j == tk || j == tk+1 && skippable[d.Tokens[tk].Term] {
					if sp := r.subjectRight(j, w, lim+4); sp >= 0 {
						return attribution{spk: sp, cueTok: j}
					}
				}
				break
			}
		}
		// "“…” beamed Donald Hartley": a verb and a name right after
		if tk+1 < n && d.Para[tk] == s.para && !d.SentStart[tk] && !d.Capitalized(tk) && gap(d, tk) == " " {
			t := d.Tokens[tk].Term
			if sp := r.spkAt[tk+1]; sp >= 0 && r.spks[sp].named && isAlpha(t) && !notSubject[t] && !prepositions[t] && !determinerLike(t) {
				if pre := r.pre(i); pre.spk < 0 {
					return attribution{spk: sp, cueTok: -1}
				}
			}
		}
		// "“…” Toomey fumed": a speaker and a verb right after the quote
		if tk+1 < n && d.Para[tk] == s.para && !d.SentStart[tk] {
			if sp := r.spkAt[tk]; sp >= 0 && (r.spks[sp].named || r.spks[sp].pronoun != "") {
				v := r.spks[sp].tok1
				if v < n && !d.Capitalized(v) && gap(d, v-1) == " " && !prepositions[d.Tokens[v].Term] && !notSubject[d.Tokens[v].Term] {
					if pre := r.pre(i); pre.spk < 0 {
						return attribution{spk: sp, cueTok: -1}
					}
				}
			}
		}
	}
	return r.pre(i)
}

// endsSentence reports whether a quotation closes with a full stop and
// the next word opens a new sentence ("… partners.” An official said"),
// so that what follows is not its attribution.
func (r *reader) endsSentence(s segment) bool {
	k := s.end - 1
	for k > s.start && unicode.IsSpace(r.d.Text[k]) {
		k--
	}
	if r.d.Text[k] != '.' {
		return false
	}
	tk := r.d.TokenAt(s.close + 1)
	return tk < len(r.d.Tokens) && r.d.SentStart[tk] && r.d.Capitalized(tk)
}

// pre attributes segment i from the sentence before its opening mark.
func (r *reader) pre(i int) attribution {
	d, s := r.d, r.segs[i]
	tb := d.TokenAt(s.open)
	if tb == 0 || d.Para[tb-1] != s.para || strings.ContainsAny(string(d.Text[d.Tokens[tb-1].End:s.open]), ".!?") {
		return none
	}
	from := r.sentenceFrom(tb - 1)
	for j := tb - 1; j >= from; j-- {
		if w := r.cueAt(j); w > 0 {
			if sp := r.subjectLeft(j, from); sp >= 0 && d.Tokens[j].Term != "according" {
				return attribution{spk: sp, cueTok: j}
			}
			if sp := r.subjectRight(j, w, tb); sp >= 0 {
				return attribution{spk: sp, cueTok: j}
			}
		}
	}
	// "Rep. Trey Gowdy (R-S.C.): "…""
	if strings.Contains(string(d.Text[d.Tokens[tb-1].End:s.open]), ":") {
		for j := tb - 1; j >= from; j-- {
			if sp := r.spkAt[j]; sp >= 0 && !r.inQuote[j] {
				return attribution{spk: sp, cueTok: -1}
			}
		}
	}
	return none
}

// context attributes segment i from its neighbours when its own sentence
// has no cue: the other pieces of a quotation, quotes in the same
// paragraph, a paragraph that ends with a colon, or the last quote before.
func (r *reader) context(i int, att []attribution) attribution {
	s := r.segs[i]
	for p := s.prev; p >= 0; p = r.segs[p].prev {
		if att[p].spk >= 0 {
			return att[p]
		}
	}
	for c := s.cont; c >= 0; c = r.segs[c].cont {
		if att[c].spk >= 0 {
			return att[c]
		}
	}
	// “…,” Rubio said. “…”: the quote before carries its attribution
	// between the two; “…” “…,” he said: the next quote follows at once
	if j := i - 1; j >= 0 && r.segs[j].para == s.para && att[j].cueTok >= 0 && r.segs[j].close >= 0 &&
		r.d.Tokens[att[j].cueTok].Start > r.segs[j].close && r.d.Tokens[att[j].cueTok].Start < s.open {
		return att[j]
	}
	if j := i + 1; j < len(r.segs) && r.segs[j].para == s.para && att[j].cueTok >= 0 && s.close >= 0 &&
		restBlank(r.d.Text, s.close+1, r.segs[j].open) {
		return att[j]
	}
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(r.segs) && r.segs[j].para == s.para && att[j].cueTok >= 0 {
			return att[j]
		}
	}
	d := r.d
	tb := d.TokenAt(s.open)
	if tb > 0 && d.Para[tb-1] != s.para {
		// the quote opens its paragraph: look at the paragraph before
		end := d.Tokens[tb-1].End
		if end < len(d.Text) && d.Text[end] == ':' {
			from := r.sentenceFrom(tb - 1)
			for j := tb - 1; j >= from; j-- {
				if r.cueAt(j) > 0 {
					if sp := r.subjectLeft(j, from); sp >= 0 {
						return attribution{spk: sp, cueTok: j}
					}
				}
			}
			for j := from; j < tb; j++ {
				if sp := r.spkAt[j]; sp >= 0 && r.spks[sp].kind != "" {
					return attribution{spk: sp, cueTok: -1}
				}
			}
		}
		for j := i - 1; j >= 0 && r.segs[j].para >= s.para-2; j-- {
			if att[j].spk >= 0 {
				return attribution{spk: att[j].spk, cueTok: -1}
			}
		}
		// the subject of the paragraph before's last sentence
		from := r.sentenceFrom(tb - 1)
		for j := from; j < tb; j++ {
			if sp := r.spkAt[j]; sp >= 0 && !r.inQuote[j] && (r.spks[sp].kind == storyline.Person || r.spks[sp].pronoun != "" || r.spks[sp].named) && !r.modifier(r.spks[sp]) {
				return attribution{spk: sp, cueTok: -1}
			}
		}
	}
	// the subject of the sentence the quote stands in
	from := r.sentenceFrom(tb - 1)
	if tb == 0 {
		from = 0
	}
	for j := from; j < len(d.Tokens) && d.Tokens[j].Start < s.open; j++ {
		if sp := r.spkAt[j]; sp >= 0 && !r.inQuote[j] && (r.spks[sp].kind == storyline.Person || r.spks[sp].kind == storyline.Organization || r.spks[sp].pronoun != "" || r.spks[sp].named) {
			return attribution{spk: sp, cueTok: -1}
		}
	}
	return none
}

// direct returns the direct quotes.
func (r *reader) direct(id string) []storyline.Quote {
	att := make([]attribution, len(r.segs))
	for i := range r.segs {
		att[i] = none
		if r.segs[i].words >= 3 || r.segs[i].close < 0 || r.segs[i].prev >= 0 {
			att[i] = r.attribute(i)
		}
	}
	var out []storyline.Quote
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
		title := last == i && isTitle(string(r.d.Text[s.start:s.end]))
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
		out = append(out, r.quote(id, s.start, end, a, storyline.Direct))
	}
	return out
}

// adjacentCue reports whether attribution a's cue stands right before or
// right after quotation s.
func (r *reader) adjacentCue(s segment, a attribution) bool {
	if a.cueTok < 0 {
		return false
	}
	before := r.d.TokenAt(s.open) - 1
	after := r.d.TokenAt(s.close + 1)
	return a.cueTok == before || a.cueTok >= after && a.cueTok <= after+1
}

func (r *reader) quote(id string, start, end int, a attribution, kind storyline.QuoteKind) storyline.Quote {
	q := storyline.Quote{Article: id, Text: string(r.d.Text[start:end]), Start: start, End: end,
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
