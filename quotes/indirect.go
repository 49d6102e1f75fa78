package quotes

import (
	"strings"

	storyline "github.com/storyline-news/storyline"
)

// indirect appends to out the reported speech outside quotation marks:
// "Peskov said that …", "according to Peskov, …", "…, Peskov said.",
// "The talks, Peskov said, were useful", "Об этом сообщил Песков".
// Sentences that already carry a direct quote are left to it.
func (r *reader) indirect(id string, out []storyline.Quote) []storyline.Quote {
	d := r.d
	n := len(d.Tokens)
	// the sentence before, when it reports nothing and quotes nobody: what
	// "Об этом сообщил X" attributes
	prev := -1
	for from := 0; from < n; {
		to := from + 1
		// a sentence ends where the next starts, not inside a quotation
		// running over sentences, but before one that opens a sentence
		for to < n && !(d.SentStart[to] && (!r.toks[to].quoted || !r.toks[to-1].quoted || d.Para[to] != d.Para[to-1])) {
			to++
		}
		free := false
		if !r.hasQuote(from, to) {
			k := len(out)
			out = r.reported(id, from, to, out)
			if len(out) == k && prev >= 0 && d.Para[prev] == d.Para[from] {
				out = r.aboutThis(id, prev, from, to, out)
			}
			free = len(out) == k
		}
		prev = -1
		if free {
			prev = from
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
		if !r.toks[k].quoted {
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
		if r.toks[k].quoted {
			return true
		}
	}
	return false
}

// sentenceEnd returns the end of the sentence whose last token is k,
// after its closing punctuation.
func (r *reader) sentenceEnd(k int) int {
	end := r.d.Tokens[k].End
	for end < len(r.d.Text) && strings.ContainsRune(".!?…", r.d.Text[end]) {
		end++
	}
	return end
}

// reported appends to out the statement the sentence [from, to) reports,
// in one or (an attribution set off inside it) two parts.
func (r *reader) reported(id string, from, to int, out []storyline.Quote) []storyline.Quote {
	d := r.d
	sentEnd := r.sentenceEnd(to - 1)
	emit := func(c, end int, a attribution) []storyline.Quote {
		return append(out, r.quote(id, d.Tokens[c].Start, end, a, storyline.Indirect))
	}
	bare := bareAt{cue: -1}
	for j := from; j < to; j++ {
		if t := r.toks[j]; t.quoted || t.class&(classCue|classPhrase) == 0 {
			continue // what cueAt says of most tokens, without the call
		}
		w := r.cueAt(j)
		if w == 0 {
			continue
		}
		term := d.Tokens[j].Term
		key := r.cueKey(j, w)
		if j > from && d.Tokens[j-1].Term == "как" && (j == from+1 || strings.ContainsAny(gap(d, j-2), "—–")) {
			// "Как рассказал X, …": any cue
			if sp, c := r.kakClause(j, to); c >= 0 {
				return emit(c, r.clauseEnd(c, to, sentEnd), attribution{spk: sp, cueTok: j})
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
				return emit(c, sentEnd, attribution{spk: sp, cueTok: j})
			}
			continue
		}
		switch {
		case w == 2 && (term == "according" || term == "по"):
			sp := r.subjectRight(j, w, to)
			if sp < 0 {
				continue
			}
			if j > from && strings.Contains(gap(d, j-1), ",") {
				// "CLAUSE, according to X." or "A, according to X, B":
				// X runs to the next comma
				c := r.spks[sp].tok1
				for c < to && !strings.Contains(gap(d, c-1), ",") {
					c++
				}
				if o, ok := r.aside(id, from, j, c, to, sentEnd, attribution{spk: sp, cueTok: j}, out); ok {
					return o
				}
				continue
			}
			if j-from > 1 {
				continue // "… and according to X, …" in a clause of its own
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
			return emit(c, sentEnd, attribution{spk: sp, cueTok: j})
		case indirectCues[key] || bareCues[key]:
			if sp, c := r.asClause(j, from, to); c >= 0 {
				return emit(c, r.clauseEnd(c, to, sentEnd), attribution{spk: sp, cueTok: j})
			}
			if !indirectCues[key] {
				// "X announces the plant will close": no complementizer
				if bare.cue < 0 {
					if c := r.clauseAfter(j, w, to); c >= 0 {
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
			c := j + w
			for c < to && c < j+5 && d.Tokens[c].Term != "that" && d.Tokens[c].Term != "что" {
				c++
			}
			if c < to && (d.Tokens[c].Term == "that" || d.Tokens[c].Term == "что") && to-c > 3 {
				return emit(c+1, r.clauseEnd(c+1, to, sentEnd), attribution{spk: sp, cueTok: j})
			}
			// "X said CLAUSE", "X told reporters CLAUSE": no complementizer,
			// taken when no other form is found in the sentence
			if bare.cue < 0 && r.bareSpeaker(j, sp, from) {
				if c := r.clauseAfter(j, w, to); c >= 0 {
					bare = bareAt{cue: j, spk: sp, clause: c}
				}
			}
			// "CLAUSE, X said." and "A, X said, B."
			if sf := r.spks[sp].tok0; sf > from && sf <= j && strings.Contains(gap(d, sf-1), ",") && !relatives[d.Tokens[sf].Term] {
				after := j + w
				if addressees[term] {
					if after = r.addressee(after, to); after < 0 {
						continue
					}
				}
				if o, ok := r.aside(id, from, sf, after, to, sentEnd, attribution{spk: sp, cueTok: j}, out); ok {
					return o
				}
			}
		}
	}
	if bare.cue >= 0 {
		if !strayMarks(d.Text[d.Tokens[from].Start:sentEnd]) {
			return emit(bare.clause, r.clauseEnd(bare.clause, to, sentEnd), attribution{spk: bare.spk, cueTok: bare.cue})
		}
	}
	return out
}

// aside appends the statement of a sentence [from, to) that an
// attribution interrupts or ends: the attribution, from token at to
// before token after (the speaker and cue, and any time or setting after
// them), follows a comma; the statement is what comes before it and,
// past a comma, what follows ("The talks, Peskov said, were useful";
// "Prices rose, according to the agency."). Each part is a quote; a part
// of one word, or an opening phrase of a few words under a preposition
// ("On Monday, …"), which sets the scene of the attribution rather than
// saying anything, is left out. It reports whether the sentence has that
// shape.
func (r *reader) aside(id string, from, at, after, to, sentEnd int, a attribution, out []storyline.Quote) ([]storyline.Quote, bool) {
	d := r.d
	if after < 0 || after > to {
		return out, false
	}
	k := after
	if k < to && gap(d, k-1) == " " {
		if k = r.skipSetting(k, to); k < 0 {
			k = to // a setting phrase to the sentence's end
		}
	}
	head := func() []storyline.Quote {
		q := r.quote(id, d.Tokens[from].Start, d.Tokens[at-1].End, a, storyline.Indirect)
		return append(out, q)
	}
	// a short phrase under a preposition or a time word sets the scene:
	// "On Monday, X said, …"
	scene := at-from <= 4 && (bareClass[d.Tokens[from].Term]&(bPreposition|bSubordinator) != 0 || timeWords[d.Tokens[from].Term])
	if k >= to {
		// "CLAUSE, X said.", not "…, X said: “…”"
		if e := d.Tokens[to-1].End; at-from < 3 || scene || e < len(d.Text) && strings.ContainsRune(":,;—–-", d.Text[e]) {
			return out, false
		}
		return head(), true
	}
	if !strings.Contains(gap(d, k-1), ",") || to-k < 2 || r.toks[k].quoted {
		return out, false
	}
	// "A, X said, B."
	if b := r.skipSetting(k, to); b >= to {
		return out, false // "…, X said, on Monday."
	}
	if at-from >= 2 && !scene {
		out = head()
	}
	return append(out, r.quote(id, d.Tokens[k].Start, r.clauseEnd(k, to, sentEnd), a, storyline.Indirect)), true
}

// aboutThis appends the sentence [prev, from) as a statement when the
// sentence [from, to) after it only attributes it: "Об этом сообщил
// глава комиссии Марина Зайцова."
func (r *reader) aboutThis(id string, prev, from, to int, out []storyline.Quote) []storyline.Quote {
	d := r.d
	if to-from < 4 || d.Tokens[from].Term != "об" || d.Tokens[from+1].Term != "этом" || r.cueAt(from+2) != 1 {
		return out
	}
	sp, c := r.kakSpeaker(from+2, to)
	if sp < 0 || c != to {
		return out
	}
	return append(out, r.quote(id, d.Tokens[prev].Start, r.sentenceEnd(from-1), attribution{spk: sp, cueTok: from + 2}, storyline.Indirect))
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
	for k := c + 2; k < to; k++ {
		if r.cueAt(k) > 0 && strings.Contains(gap(d, k-2), ",") && r.at(k-1) >= 0 {
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
