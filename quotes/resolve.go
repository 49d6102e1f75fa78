package quotes

import (
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

// resolve returns the name a speaker mention stands for: the entity's
// canonical name, or for a pronoun or an unresolved role the topic of the
// sentences before it.
func (r *reader) resolve(i, depth int) string {
	sp := r.spks[i]
	switch {
	case sp.pronoun != "":
		if depth > 3 {
			return ""
		}
		if sp.pronoun == "it" || sp.pronoun == "they" {
			return r.groupBefore(sp.tok0)
		}
		if !pronouns[sp.pronoun] {
			return "" // "we": the writers as often as the speakers
		}
		return r.topicBefore(sp.tok0, depth, pronounGender[sp.pronoun])
	case sp.role && sp.entity < 0:
		if n := r.topicBefore(sp.tok0, depth, ""); n != "" {
			return n
		}
		return r.d.Slice(sp.start, sp.end)
	}
	return sp.name
}

// topicBefore walks back sentence by sentence from token k and returns the
// first person who is the subject of speech, or failing that the first
// person named in a sentence.
func (r *reader) topicBefore(k, depth int, gender string) string {
	to := k
	for n := 0; n < 10 && to > 0; n++ {
		from := r.sentenceFrom(to - 1)
		if name := r.topic(from, to, depth, gender); name != "" {
			return name
		}
		to = from
	}
	return ""
}

// groupBefore returns what "it", "they" or "we" at token k stands for
// when it speaks: the organisation or group that is the subject of its
// sentence or of the sentence before ("The Security Council … pledged
// sanctions against what it called …"), or "".
func (r *reader) groupBefore(k int) string {
	to := k
	for n := 0; n < 2 && to > 0; n++ {
		from := r.sentenceFrom(to - 1)
		if s := r.firstSubject(from, to); s >= 0 && s != r.spkAt[k] {
			sp := r.spks[s]
			if sp.pronoun == "" && sp.kind != storyline.Person && sp.name != "" && (sp.kind == storyline.Organization || !sp.named) {
				return sp.name
			}
		}
		to = from
	}
	return ""
}

// pronounGender is the gender a personal pronoun refers to.
var pronounGender = map[string]string{"he": "m", "she": "f", "он": "m", "она": "f"}

// agrees reports whether name may be referred to by a pronoun of gender g.
func agrees(name, g string) bool {
	if g == "" || name == "" {
		return true
	}
	ng := entities.Gender(name)
	return ng == "" || ng == g
}

// topic returns the person a sentence is about: the subject of its last
// speech cue, else the first person it names, of gender g when g is set.
func (r *reader) topic(from, to, depth int, g string) string {
	for j := to - 1; j >= from; j-- {
		if r.cueAt(j) == 0 {
			continue
		}
		sp := r.subjectLeft(j, from)
		if sp < 0 {
			sp = r.subjectRight(j, r.cueAt(j), to)
		}
		if sp >= 0 && r.spks[sp].pronoun != "" && pronouns[r.spks[sp].pronoun] && depth < 3 {
			return r.resolve(sp, depth+1)
		}
		if sp >= 0 && r.spks[sp].kind == storyline.Person {
			if n := r.resolve(sp, depth+1); n != "" && agrees(n, g) {
				return n
			}
		}
	}
	for j := from; j < to; j++ {
		if r.inQuote[j] {
			continue
		}
		if sp := r.spkAt[j]; sp >= 0 && r.spks[sp].kind == storyline.Person && r.spks[sp].pronoun == "" && r.spks[sp].name != "" && agrees(r.spks[sp].name, g) {
			return r.spks[sp].name
		}
	}
	return ""
}

// indirect finds reported speech outside quotation marks: "Peskov said
// that …", "according to Peskov, …" and "…, Peskov said." Sentences that
// already carry a direct quote are left to it.
func (r *reader) indirect(id string, direct []storyline.Quote) []storyline.Quote {
	d := r.d
	var out []storyline.Quote
	n := len(d.Tokens)
	for from := 0; from < n; {
		to := from + 1
		for to < n && !(d.SentStart[to] && (!r.inQuote[to] || d.Para[to] != d.Para[to-1])) {
			to++
		}
		if !r.hasQuote(from, to) {
			if q, ok := r.reported(id, from, to); ok {
				out = append(out, q)
			}
		}
		from = to
	}
	return out
}

// hasLongQuote reports whether tokens [from, to) hold a quotation of three
// words or more, not only scare quotes ("words like “maybe”").
func (r *reader) hasLongQuote(from, to int) bool {
	run := 0
	for k := from; k < to; k++ {
		if !r.inQuote[k] {
			run = 0
			continue
		}
		if run++; run >= 3 {
			return true
		}
	}
	return false
}

func (r *reader) hasQuote(from, to int) bool {
	for k := from; k < to; k++ {
		if r.inQuote[k] {
			return true
		}
	}
	return false
}

// reported finds one reported statement in the sentence [from, to).
func (r *reader) reported(id string, from, to int) (storyline.Quote, bool) {
	d := r.d
	sentEnd := d.Tokens[to-1].End
	for sentEnd < len(d.Text) && strings.ContainsRune(".!?…", d.Text[sentEnd]) {
		sentEnd++
	}
	bare := bareAt{cue: -1}
	for j := from; j < to; j++ {
		w := r.cueAt(j)
		if w == 0 {
			continue
		}
		term := d.Tokens[j].Term
		if j == from+1 && d.Tokens[from].Term == "как" {
			// "Как рассказал X, …": any cue
			if sp, c := r.kakClause(j, to); c >= 0 {
				return r.quote(id, d.Tokens[c].Start, r.clauseEnd(c, to, sentEnd), attribution{spk: sp, cueTok: j}, storyline.Indirect), true
			}
		}
		// "по его словам", "according to him": the speaker is a pronoun
		if p := r.possessivePronoun(j, w); p >= 0 {
			c := p + 1
			for c < to && !strings.Contains(gap(d, c-1), ",") {
				c++
			}
			if c < to-3 {
				sp := r.pronounAt(p)
				return r.quote(id, d.Tokens[c].Start, sentEnd, attribution{spk: sp, cueTok: j}, storyline.Indirect), true
			}
			continue
		}
		switch {
		case w == 2 && (term == "according" || term == "по"):
			sp := r.subjectRight(j, w, to)
			if sp < 0 {
				continue
			}
			// content: after the comma that closes "according to X,"
			c := r.spks[sp].tok1
			for c < to && !strings.Contains(gap(d, c-1), ",") {
				c++
			}
			if c < to && isNumber(d.Tokens[c].Term) && strings.Contains(gap(d, c), ",") {
				c++ // "according to Anna Berg, 51, …": the speaker's age
			}
			if c >= to-3 {
				continue
			}
			return r.quote(id, d.Tokens[c].Start, sentEnd, attribution{spk: sp, cueTok: j}, storyline.Indirect), true
		case indirectCues[term] || bareCues[term]:
			if sp, c := r.asClause(j, from, to); c >= 0 {
				return r.quote(id, d.Tokens[c].Start, r.clauseEnd(c, to, sentEnd), attribution{spk: sp, cueTok: j}, storyline.Indirect), true
			}
			if !indirectCues[term] {
				// "X announces the plant will close": no complementizer
				if bare.cue < 0 {
					if c := r.clauseAfter(j, to); c >= 0 {
						if sp := r.subjectLeft(j, from); sp >= 0 && r.bareSpeaker(j, sp, from) {
							bare = bareAt{cue: j, spk: sp, clause: c}
						}
					}
				}
				continue
			}
			sp := r.subjectLeft(j, from)
			if sp < 0 {
				continue
			}
			// "X said that CLAUSE" / "X told reporters that CLAUSE"
			c := j + 1
			for c < to && c < j+5 && d.Tokens[c].Term != "that" && d.Tokens[c].Term != "что" {
				c++
			}
			if c < to && (d.Tokens[c].Term == "that" || d.Tokens[c].Term == "что") && to-c > 3 {
				return r.quote(id, d.Tokens[c+1].Start, r.clauseEnd(c+1, to, sentEnd), attribution{spk: sp, cueTok: j}, storyline.Indirect), true
			}
			// "X said CLAUSE", "X told reporters CLAUSE": no complementizer,
			// taken when no other form is found in the sentence
			if bare.cue < 0 && r.bareSpeaker(j, sp, from) {
				if c := r.clauseAfter(j, to); c >= 0 {
					bare = bareAt{cue: j, spk: sp, clause: c}
				}
			}
			// "CLAUSE, X said."
			sf := r.spks[sp].tok0
			if sf-from > 4 && strings.Contains(gap(d, sf-1), ",") && j+3 >= to {
				end := d.Tokens[sf-1].End
				return r.quote(id, d.Tokens[from].Start, end, attribution{spk: sp, cueTok: j}, storyline.Indirect), true
			}
		}
	}
	if bare.cue >= 0 {
		if !strayMarks(d.Text[d.Tokens[from].Start:sentEnd]) {
			return r.quote(id, d.Tokens[bare.clause].Start, r.clauseEnd(bare.clause, to, sentEnd), attribution{spk: bare.spk, cueTok: bare.cue}, storyline.Indirect), true
		}
	}
	return storyline.Quote{}, false
}

// bareAt is a clause reported without a complementizer: its cue, speaker
// and first token.
type bareAt struct{ cue, spk, clause int }

// strayMarks reports whether text holds quotation marks that opened no
// quotation ("”", a lone "“"): a quotation the segments missed, which a
// clause must not swallow.
func strayMarks(text []rune) bool {
	for i, c := range text {
		switch c {
		case '"', '“', '”', '«', '»', '„':
			return true
		case '\'':
			if i+1 < len(text) && text[i+1] == '\'' {
				return true
			}
		}
	}
	return false
}

// clauseEnd returns where the reported clause that starts at token c
// ends: the sentence's end, or before a second reporting clause ("… that
// Moscow hopes for the best, Ushakov says").
func (r *reader) clauseEnd(c, to, sentEnd int) int {
	d := r.d
	for k := c + 1; k < to; k++ {
		if r.cueAt(k) > 0 && k >= 2 && strings.Contains(gap(d, k-2), ",") && r.spkAt[k-1] >= 0 {
			return d.Tokens[k-2].End
		}
	}
	return sentEnd
}

var objectPronouns = map[string]string{"его": "он", "ее": "она", "её": "она", "him": "he", "her": "she"}

// possessivePronoun returns the token of the pronoun in "по его словам"
// or "according to him" starting at cue token j, or -1.
func (r *reader) possessivePronoun(j, w int) int {
	d := r.d
	t := d.Tokens[j].Term
	switch {
	case t == "по" && j+2 < len(d.Tokens) && d.Tokens[j+2].Term == "словам":
		if _, ok := objectPronouns[d.Tokens[j+1].Term]; ok {
			return j + 1
		}
	case t == "according" && w == 2 && j+2 < len(d.Tokens):
		if _, ok := objectPronouns[d.Tokens[j+2].Term]; ok {
			return j + 2
		}
	}
	return -1
}

// pronounAt adds a speaker for the object pronoun at token k, resolved as
// its subject form would be.
func (r *reader) pronounAt(k int) int {
	t := r.d.Tokens[k]
	r.spks = append(r.spks, spk{start: t.Start, end: t.End, tok0: k, tok1: k + 1, entity: -1, pronoun: objectPronouns[t.Term]})
	return len(r.spks) - 1
}
