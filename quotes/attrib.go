package quotes

import (
	"strings"

	storyline "github.com/storyline-news/storyline"
)

// sentenceFrom returns the first token of the sentence holding token k,
// not crossing a paragraph.
func (r *reader) sentenceFrom(k int) int {
	for k > 0 && !(r.d.SentStart[k] && !r.toks[k].quoted) && r.d.Para[k-1] == r.d.Para[k] {
		k--
	}
	return k
}

// attribute finds the cue and speaker of segment i from its own sentence.
func (r *reader) attribute(i int) attribution {
	d, s := r.d, r.segs[i]
	n := len(d.Tokens)
	if sp := r.signedBy(s); sp >= 0 {
		return attribution{spk: sp, cueTok: -1}
	}
	if a := r.inside(s); a.spk >= 0 {
		return a
	}
	if tb := d.TokenAt(s.open); tb > 0 && r.cueAt(tb-1) > 0 {
		if a := r.pre(i); a.spk >= 0 {
			return a
		}
	}
	if s.close >= 0 && !r.endsSentence(s) {
		tk := d.TokenAt(s.close + 1)
		conj := r.clauseFollows(s)
		lim := tk + 30
		for j := tk; j < lim && j < n; j++ {
			if d.Para[j] != s.para || j > tk && d.SentStart[j] || r.toks[j].quoted {
				lim = j
				break
			}
		}
		for j := tk; j < lim && j < n; j++ {
			if conj && strings.Contains(gap(d, j), ",") {
				conj = false // "…” if she lost, said Wasserman"
			}
			if w := r.cueAt(j); w > 0 {
				if conj {
					break // "…,” but he said that …": a clause of its own
				}
				if sp := r.inverted(j, w, lim+4); sp >= 0 {
					return attribution{spk: sp, cueTok: j}
				}
				if sp := r.subjectLeft(j, tk); sp >= 0 {
					return attribution{spk: sp, cueTok: j}
				}
				if sp := r.nounPhrase(tk, j); sp >= 0 {
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
			if sp := r.at(tk + 1); sp >= 0 && r.spks[sp].named && isAlpha(t) && !notSubject[t] && !prepositions[t] && !determinerLike(t) {
				if pre := r.pre(i); pre.spk < 0 {
					return attribution{spk: sp, cueTok: -1}
				}
			}
		}
		// "“…” Toomey fumed": a speaker and a verb right after the quote
		// or "“…!” an angry Hollande retaliated."
		if tk+1 < n && d.Para[tk] == s.para {
			h := tk
			if t := d.Tokens[h].Term; (t == "a" || t == "an" || t == "the") && r.at(h) < 0 {
				for h++; h < tk+3 && h < n && r.at(h) < 0 && !d.Capitalized(h) && gap(d, h-1) == " " &&
					isAlpha(d.Tokens[h].Term) && !notSubject[d.Tokens[h].Term] && r.cueAt(h) == 0; h++ {
				}
			}
			if sp := r.at(min(h, n-1)); sp >= 0 && r.spks[sp].tok0 == h && (r.spks[sp].named || r.spks[sp].pronoun != "") {
				v := r.spks[sp].tok1
				if v < n && !d.Capitalized(v) && gap(d, v-1) == " " && !prepositions[d.Tokens[v].Term] && !notSubject[d.Tokens[v].Term] &&
					d.Para[v] == s.para && (!d.SentStart[tk] || v+1 >= n || strings.ContainsAny(gap(d, v), ".,;!?\n")) {
					if pre := r.pre(i); pre.spk < 0 {
						return attribution{spk: sp, cueTok: -1}
					}
				}
			}
		}
	}
	a := r.pre(i)
	if sp, n := r.possessor(s); sp >= 0 && (a.spk < 0 || a.cueTok < n) {
		return attribution{spk: sp, cueTok: -1}
	}
	return a
}

// inverted returns the speaker of a cue inverted after a comma ("…, said
// Brad Bannon, a pollster"): the name or role right after the cue, or -1
// when the cue does not follow a comma or no such speaker follows.
func (r *reader) inverted(k, w, to int) int {
	d := r.d
	if k == 0 || !strings.Contains(gap(d, k-1), ",") || r.toks[k-1].quoted || strings.HasSuffix(d.Tokens[k].Term, "ing") || w != 1 || addressees[d.Tokens[k].Term] {
		return -1
	}
	sp := r.subjectRight(k, w, to)
	if sp < 0 || r.spks[sp].tok0 != k+1 || !(r.spks[sp].named || r.spks[sp].role) {
		return -1
	}
	return sp
}

// addressees are cues whose object is who was spoken to ("…, Graham
// told CBS News"), never inverted.
var addressees = wordSet(`tell tells told telling ask asks asked urge urges urged`)

// objectOf reports whether mention sp is the object of a preposition:
// one stands before it, at most three words back in the same phrase ("to
// the Dutch newspaper NRC Handelsblad").
func (r *reader) objectOf(sp spk, from int) bool {
	d := r.d
	plain := 0
	for j := sp.tok0 - 1; j >= from && j >= sp.tok0-4; j-- {
		t := d.Tokens[j].Term
		if t == "as" {
			return false // "as prosecutor Marc Trévidic put it"
		}
		if prepositions[t] {
			// "to see a Republican administration": an infinitive
			return !(t == "to" && j+1 < sp.tok0 && !determinerLike(d.Tokens[j+1].Term) && !d.Capitalized(j+1))
		}
		if gap(d, j) != " " || r.toks[j].quoted || r.at(j) >= 0 && r.spks[r.at(j)].pronoun == "" || r.cueAt(j) > 0 || notSubject[t] {
			return false
		}
		if !determinerLike(t) && !modifierLike(t) && !d.Capitalized(j) {
			if plain++; plain > 2 {
				return false
			}
		}
	}
	return false
}

// nounPhrase adds a speaker for the common noun phrase that fills the
// tokens [from, cue) after a quotation ("“…” the bespectacled, 71-year-old
// diplomat said"; "a Democratic staffer in the room wondered" up to its
// preposition) and returns it, or -1 when [from, cue) is no such phrase.
func (r *reader) nounPhrase(from, cue int) int {
	d := r.d
	if t := d.Tokens[from].Term; t != "a" && t != "an" && t != "the" || cue-from < 2 || cue-from > 8 {
		return -1
	}
	end := cue
	for p := from + 1; p < cue; p++ {
		t := d.Tokens[p].Term
		if prepositions[t] {
			if p == from+1 {
				return -1
			}
			end = p
			break
		}
		if r.toks[p].quoted || notSubject[t] || r.cueAt(p) > 0 || !isAlpha(t) || r.at(p) >= 0 && r.spks[r.at(p)].pronoun != "" {
			return -1
		}
	}
	for p := from; p < cue-1; p++ {
		if g := gap(d, p); g != " " && g != ", " {
			return -1
		}
	}
	start, stop := d.Tokens[from].Start, d.Tokens[end-1].End
	r.spks = append(r.spks, spk{start: start, end: stop, tok0: from, tok1: end, entity: -1, name: d.Slice(start, stop)})
	return len(r.spks) - 1
}

// clauseFollows reports whether a conjunction opens a new clause right
// after quotation s ("…,” but he said that …", "…,” though she noted"):
// a cue in that clause, before any comma, attributes what follows it, not
// the quotation.
func (r *reader) clauseFollows(s segment) bool {
	tk := r.d.TokenAt(s.close + 1)
	return tk+1 < len(r.d.Tokens) && r.d.Para[tk] == s.para && !r.toks[tk].quoted && conjunctions[r.d.Tokens[tk].Term] && gap(r.d, tk) == " "
}

// conjunctions open a clause of their own.
var conjunctions = wordSet(`but though although while whereas because when whenever if unless after before since until so`)

// endsSentence reports whether a quotation closes with a full stop and
// the next word opens a new sentence ("… partners.” An official said"),
// so that what follows is not its attribution.
func (r *reader) endsSentence(s segment) bool {
	k := s.end - 1
	for k > s.start && isSpace(r.d.Text[k]) {
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
	if tb == 0 || d.Para[tb-1] != s.para || strings.ContainsAny(d.Slice(d.Tokens[tb-1].End, s.open), ".!?") {
		return none
	}
	from := r.sentenceFrom(tb - 1)
	for j := tb - 1; j >= from; j-- {
		if w := r.cueAt(j); w > 0 {
			if g := gap(d, j-1); j > 0 && r.toks[j-1].quoted && strings.HasPrefix(strings.TrimSpace(g), ",") && strings.ContainsAny(g, "\"”»") {
				// "“…,” said Stephanie Formas, “…": inverted after a quote
				if sp := r.subjectRight(j, w, tb); sp >= 0 && (r.spks[sp].named || r.spks[sp].role) && !strings.HasSuffix(d.Tokens[j].Term, "ing") {
					return attribution{spk: sp, cueTok: j}
				}
			}
			if sp := r.subjectLeft(j, from); sp >= 0 && d.Tokens[j].Term != "according" {
				return attribution{spk: sp, cueTok: j}
			}
			if p := d.Tokens[min(j+2, len(d.Tokens)-1)].Term; d.Tokens[j].Term == "according" && (p == "its" || p == "his" || p == "her" || p == "their") {
				continue // "according to its analysis": not a speaker
			}
			if sp := r.subjectRight(j, w, tb); sp >= 0 {
				return attribution{spk: sp, cueTok: j}
			}
		}
	}
	// "Rep. Trey Gowdy (R-S.C.): "…""
	if strings.Contains(d.Slice(d.Tokens[tb-1].End, s.open), ":") {
		// "… TOO EARLY - Mark Blumenthal and Jon Cohen: “…”": a name
		// right before the colon introduces the quote
		if sp := r.at(tb - 1); sp >= 0 && r.spks[sp].named && r.spks[sp].tok1 == tb && !r.toks[tb-1].quoted && !r.objectOf(r.spks[sp], from) {
			return attribution{spk: sp, cueTok: -1}
		}
		// "Kaine has adopted the stance common in public office: “…”"
		if sp := r.firstSubject(from, tb); sp >= 0 {
			return attribution{spk: sp, cueTok: -1}
		}
		for j := tb - 1; j >= from; j-- {
			if sp := r.at(j); sp >= 0 && !r.toks[j].quoted {
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
				if sp := r.at(j); sp >= 0 && r.spks[sp].kind != "" {
					return attribution{spk: sp, cueTok: -1}
				}
			}
		}
		// the speaker of the paragraph before's last sentence, when it
		// reports speech outside quotation marks
		if pf := r.sentenceFrom(tb - 1); !r.hasLongQuote(pf, tb) {
			for j := tb - 1; j >= pf; j-- {
				if r.cueAt(j) > 0 {
					if sp := r.subjectLeft(j, pf); sp >= 0 {
						return attribution{spk: sp, cueTok: -1}
					}
					break
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
			if sp := r.at(j); sp >= 0 && !r.toks[j].quoted && (r.spks[sp].kind == storyline.Person || r.spks[sp].pronoun != "" || r.spks[sp].named) && !r.modifier(r.spks[sp]) {
				return attribution{spk: sp, cueTok: -1}
			}
		}
	}
	// "Or maybe Bush, consultant Phil Musser says. “…”": the speaker of
	// the sentence just before, in the same paragraph
	if tb > 0 && d.Para[tb-1] == s.para && strings.ContainsAny(d.Slice(d.Tokens[tb-1].End, s.open), ".!?") {
		from := r.sentenceFrom(tb - 1)
		for j := tb - 1; j >= from; j-- {
			if w := r.cueAt(j); w > 0 {
				sp := r.subjectLeft(j, from)
				if sp < 0 {
					sp = r.subjectRight(j, w, tb)
				}
				if sp >= 0 {
					return attribution{spk: sp, cueTok: -1}
				}
				break
			}
		}
	}
	// "“….” J. Gerald Hebert, executive director …, said": a name opening
	// the next sentence and speaking in it
	if s.close >= 0 {
		tk := d.TokenAt(s.close + 1)
		if tk < len(d.Tokens) && d.Para[tk] == s.para && r.at(tk) >= 0 && r.spks[r.at(tk)].named {
			for j := tk + 1; j < len(d.Tokens) && j < tk+16 && !d.SentStart[j] && !r.toks[j].quoted; j++ {
				if r.cueAt(j) > 0 {
					if sp := r.subjectLeft(j, tk); sp == r.at(tk) {
						return attribution{spk: sp, cueTok: j}
					}
					break
				}
			}
		}
	}
	// the subject of the sentence the quote stands in
	from := r.sentenceFrom(tb - 1)
	if tb == 0 {
		from = 0
	}
	if tb > from {
		if sp := r.firstSubject(from, tb); sp >= 0 {
			return attribution{spk: sp, cueTok: -1}
		}
	}
	return none
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
