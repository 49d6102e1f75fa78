package quotes

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/entities"
)

// modifierLike reports whether t can stand inside a speaker phrase before
// its head ("the senior White House official").
func modifierLike(t string) bool {
	switch t {
	case "the", "a", "an", "his", "her", "their", "its", "campaign", "another", "one", "some", "former", "white", "house", "senior", "top", "administration", "state", "federal", "local", "u.s", "us":
		return true
	}
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "al")
}

// gap returns the text between token i and the next.
func gap(d *entities.Doc, i int) string {
	if i < 0 || i+1 >= len(d.Tokens) {
		return ""
	}
	return d.Slice(d.Tokens[i].End, d.Tokens[i+1].Start)
}

// cueAt reports whether token k is a speech cue outside quotation marks,
// and how many tokens it spans ("according to" is two).
func (r *reader) cueAt(k int) int {
	if k < 0 || k >= len(r.d.Tokens) || r.toks[k].quoted || r.toks[k].class&(classCue|classPhrase) == 0 {
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
		if t == "according" && next == "to" || t == "по" && next == "словам" || (t == "pointed" || t == "went") && next == "out" || t == "went" && next == "on" ||
			(t == "shot" || t == "fired" || t == "hit" || t == "wrote" || t == "snapped") && next == "back" || (t == "cut" || t == "chimed" || t == "weighed") && next == "in" {
			return 2
		}
	}
	if r.toks[k].class&classCue != 0 {
		if g := gap(r.d, k-1); k > 0 && (g == " " || g == "’ " || g == "' ") {
			// "the US' continued refusal", "his stated goal": an adjective
			prev := r.d.Tokens[k-1].Term
			adjective := k+1 < len(r.d.Tokens) && gap(r.d, k) == " " && !r.d.Capitalized(k+1) &&
				isAlpha(r.d.Tokens[k+1].Term) && !notSubject[r.d.Tokens[k+1].Term] && !prepositions[r.d.Tokens[k+1].Term]
			if _, pron := pronouns[r.d.Tokens[min(k+1, len(r.d.Tokens)-1)].Term]; pron {
				adjective = false
			}
			if adjective && (determinerLike(prev) || strings.HasSuffix(prev, "'s") || g != " ") {
				return 0
			}
		}
		return 1
	}
	return 0
}

// cueKey returns the term of the cue at token k spanning w tokens, as the
// cue sets hold it: the term itself, or the phrase of a two-word cue that
// reports speech ("pointed out").
func (r *reader) cueKey(k, w int) string {
	t := r.d.Tokens[k].Term
	if w == 2 {
		switch t {
		case "pointed":
			return "pointed out"
		}
	}
	return t
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
		// "In a statement, Rep. Hakeem Jeffries reacted, saying": the
		// subject opening the clause the participle hangs on
		for p := k - 2; p > from && k-p <= 20; p-- {
			if r.toks[p].quoted {
				break
			}
			if strings.Contains(gap(d, p), ",") {
				// the clause opens with the name and a verb follows it
				if s := r.at(p + 1); s >= 0 && (r.spks[s].named || r.spks[s].pronoun != "") && r.spks[s].tok1 < k-1 &&
					gap(d, r.spks[s].tok1-1) == " " && !d.Capitalized(r.spks[s].tok1) {
					return s
				}
				break
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
	// "Petrilli, who thinks …, called": skip the relative clause
	if strings.Contains(gap(d, k-1), ",") {
		for p := k - 2; p >= from && k-p <= 25; p-- {
			if r.toks[p].quoted {
				break
			}
			next := d.Tokens[p+1].Term
			if relatives[next] && next != "that" && strings.Contains(gap(d, p), ",") {
				if s := r.at(p); s >= 0 {
					return s
				}
				break
			}
			// "Win Htein, a member of the committee, said": an apposition;
			// "Blunt, after a long pause, said", "Smith, delivering the
			// speech, asked": a phrase set off by commas
			// "Пауль Келаник, помощник мэра, рассказывает", "Smith,
			// spokesman for the party, said": a role without an article
			role := !d.Capitalized(p+1) && isAlpha(next) && !notSubject[next] && !conjunctions[next] && r.cueAt(p+1) == 0 && r.at(p+1) < 0
			if (next == "a" || next == "an" || next == "the" || prepositions[next] && next != "as" || next == "after" || next == "before" ||
				strings.HasSuffix(next, "ing") && !d.Capitalized(p+1) || isNumber(next) || role) && strings.Contains(gap(d, p), ",") {
				if s := r.at(p); s >= 0 && r.spks[s].named {
					return s
				}
				// "Ines Calardin, 54, a nurse, said": the age between
				if p > from && isNumber(d.Tokens[p].Term) && strings.Contains(gap(d, p-1), ",") {
					if s := r.at(p - 1); s >= 0 && r.spks[s].named {
						return s
					}
				}
			}
		}
	}
	first := true
	for j := k - 1; j >= from && k-j <= 15; j-- {
		if r.toks[j].quoted {
			continue
		}
		t := d.Tokens[j].Term
		if s := r.at(j); s >= 0 {
			sp := r.spks[s]
			// "as Cruz said": "as" opens a clause whose subject the name is
			asClause := sp.tok0 > from && d.Tokens[sp.tok0-1].Term == "as" && (sp.tok1 == k || sp.tok1+1 == k && skippable[d.Tokens[sp.tok1].Term])
			if sp.pronoun == "" && sp.tok0 > from && prepositions[d.Tokens[sp.tok0-1].Term] && !asClause || r.modifier(sp) {
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
			return r.firstSubject(from, j)
		}
		if first && strings.HasSuffix(t, "ly") && j > from && gap(d, j-1) == " " && r.at(j-1) >= 0 && !d.Capitalized(j) {
			continue // "He immediately blasted": an adverb after the subject
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
		if strings.Contains(gap(r.d, j), ",") || r.toks[j].quoted {
			return -1
		}
		if s := r.at(j); s >= 0 {
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
	// "The petition accuses the Trump campaign": a common noun opening
	// the clause comes before the names in it
	if from+1 < to && determinerLike(d.Tokens[from].Term) && gap(d, from) == " " && !d.Capitalized(from+1) && r.at(from) < 0 {
		t := d.Tokens[from+1].Term
		if isAlpha(t) && !notSubject[t] && !prepositions[t] && r.cueAt(from+1) == 0 {
			if s := r.at(from + 1); s >= 0 {
				return s
			}
			return r.generic(from + 1)
		}
	}
	for j := from; j < to; j++ {
		if s := r.at(j); s >= 0 && !r.toks[j].quoted && !(j > from && prepositions[d.Tokens[j-1].Term]) && !r.modifier(r.spks[s]) {
			if r.spks[s].pronoun == "" && r.objectOf(r.spks[s], from) {
				j = r.spks[s].tok1 - 1 // "In a Fox interview, Trump went further"
				continue
			}
			return s
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
		if s := r.at(p); s >= 0 {
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
	for from > 0 && j-from < 3 && gap(d, from-1) == " " && !r.toks[from-1].quoted && r.cueAt(from-1) == 0 {
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
	r.spks = append(r.spks, spk{start: start, end: end, tok0: from, tok1: j + 1, entity: -1, name: d.Slice(start, end)})
	return len(r.spks) - 1
}

// subjectRight finds the speaker mention right after the cue at k spanning
// n tokens ("said Peskov", "according to Peskov").
func (r *reader) subjectRight(k, n, to int) int {
	d := r.d
	for j := k + n; j < len(d.Tokens) && j < to; j++ {
		if d.Para[j] != d.Para[k] || j > k+n && d.SentStart[j] && !r.toks[j].quoted {
			to = j // "…” said the ruling.\n\nIn a statement, …"
			break
		}
	}
	for j := k + n; j < to && j < k+n+4 && j < len(r.d.Tokens); j++ {
		if r.toks[j].quoted {
			break
		}
		if s := r.at(j); s >= 0 {
			return s
		}
	}
	// "said one former executive who …"
	j := k + n
	last := -1
	for p := j; p < to && p < len(r.d.Tokens) && p < j+4 && !r.toks[p].quoted; p++ {
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
		r.spks = append(r.spks, spk{start: start, end: end, tok0: j, tok1: last + 1, entity: -1, name: r.d.Slice(start, end)})
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
