package quotes

import (
	"sort"
	"strings"
	"unicode"

	storyline "github.com/storyline-news/storyline"
)

// This file holds attributions that are not a subject and a cue beside
// the quotation: signatures, attributions typed inside a quotation,
// relative clauses and the outer source that reports a speaker's words.

// outerSource returns the attribution that encloses a: the sentence of a's
// cue also says who reported the words — "according to Y" or ", reports
// Y" — as in "X said, according to a transcript" or "According to Yahoo
// News, X said". PolNeAR, like news style, credits the outer source.
func (r *reader) outerSource(a attribution) attribution {
	if a.cueTok < 0 || a.spk < 0 || r.d.Tokens[a.cueTok].Term == "according" {
		return a
	}
	d := r.d
	from := r.sentenceFrom(a.cueTok)
	for j := a.cueTok - 1; j > from; j-- {
		// a sentence that ends before a quotation opening the next one
		if !r.toks[j].quoted && d.SentStart[j+1] && strings.ContainsAny(gap(d, j), ".!?") {
			from = j + 1
			break
		}
	}
	to := a.cueTok + 1
	for to < len(d.Tokens) && d.Para[to] == d.Para[a.cueTok] && !(d.SentStart[to] && !r.toks[to].quoted) {
		to++
	}
	for j := from; j < to; j++ {
		if r.toks[j].quoted || j == a.cueTok {
			continue
		}
		switch t := d.Tokens[j].Term; {
		case t == "according" && r.cueAt(j) == 2 && j+2 < to:
			if _, pron := objectPronouns[d.Tokens[j+2].Term]; pron || determinerLike(d.Tokens[j+2].Term) && d.Tokens[j+2].Term != "the" && d.Tokens[j+2].Term != "a" && d.Tokens[j+2].Term != "an" {
				continue // "according to his campaign", "according to him"
			}
			if sp := r.subjectRight(j, 2, to); sp >= 0 && r.spks[sp].pronoun == "" {
				return attribution{spk: sp, cueTok: j}
			}
		case (t == "reports" || t == "reported") && j > a.cueTok:
			if sp := r.inverted(j, 1, to); sp >= 0 {
				return attribution{spk: sp, cueTok: j}
			}
		}
	}
	return a
}

// viaRelative returns a with its speaker mention moved to the relative
// pronoun when quotation s stands in a relative clause on the speaker
// ("Beck, who has described Trump as “…”"): the cue attaches to "who",
// which resolves to the name.
func (r *reader) viaRelative(s segment, a attribution) attribution {
	if a.spk < 0 {
		return a
	}
	d, sp := r.d, r.spks[a.spk]
	w, tb := sp.tok1, d.TokenAt(s.open)
	if sp.pronoun != "" || w >= tb || !strings.ContainsAny(gap(d, w-1), ",-—–") {
		return a
	}
	if t := d.Tokens[w].Term; t != "who" && t != "which" {
		return a
	}
	for k := w; k < tb; k++ {
		stops := ",.;:!?-—–()"
		if k == tb-1 {
			stops = ".;!?" // "who told reporters: “…”"
		}
		if !r.toks[k].quoted && strings.ContainsAny(gap(d, k), stops) {
			return a // the relative clause ends before the quotation
		}
	}
	return attribution{spk: r.relative(w, sp.tok0), cueTok: a.cueTok}
}

// signedBy returns the speaker of a quotation signed with a dash after
// its closing mark, as in reader comments, listicles and fact-checks
// ("“…” ― Pamela Padilla", or "- Sanders." on the next line): a name right
// after the dash that ends its paragraph or is followed only by a comma or
// full stop. It returns -1 otherwise.
func (r *reader) signedBy(s segment) int {
	d := r.d
	if s.close < 0 || firstNonSpace(d.Text, s.open) != s.open {
		return -1 // a signed quotation stands alone in its paragraph
	}
	tk := d.TokenAt(s.close + 1)
	if tk >= len(d.Tokens) || d.Para[tk] > s.para+2 {
		return -1
	}
	if d.Para[tk] != s.para {
		// "“…”\n\n- Bernie Sanders.": signed on the line after
		eol := s.close + 1
		for eol < len(d.Text) && d.Text[eol] != '\n' {
			eol++
		}
		if !restBlank(d.Text, s.close+1, eol) {
			return -1
		}
	}
	g := strings.TrimSpace(d.Slice(s.close+1, d.Tokens[tk].Start))
	if g != "―" && g != "—" && g != "–" && g != "-" && g != "--" {
		return -1
	}
	sp := r.at(tk)
	if sp < 0 || !r.spks[sp].named || r.spks[sp].tok0 != tk {
		return -1
	}
	end := r.spks[sp].end
	rest := end
	for rest < len(d.Text) && d.Text[rest] != '\n' {
		rest++
	}
	tail := strings.TrimSpace(d.Slice(end, rest))
	if tail == "" || strings.HasPrefix(tail, ",") || nameTail(tail) {
		return sp
	}
	return -1
}

// nameTail reports whether s, what follows a signature's first name
// mention, only goes on with the name ("A. Diaz Martinez."): at most four
// capitalised words.
func nameTail(s string) bool {
	f := strings.Fields(strings.TrimSuffix(s, "."))
	if len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return true
}

// inside finds an attribution typed inside a quotation whose closing mark
// was mistyped as an opening one or a straight one ("“It's unusual,“ said
// Larry Noble. …”", "“Apparently not,“ he said. “…”"): a mark after a
// comma or stop, then a cue and a name, or a name or pronoun and a cue.
func (r *reader) inside(s segment) attribution {
	d := r.d
	for m := s.start + 1; m < s.end-1; m++ {
		if c := d.Text[m]; c != '“' && c != '"' || !strings.ContainsRune(",.?!", d.Text[m-1]) || d.Text[m+1] != ' ' {
			continue
		}
		t0 := d.TokenAt(m + 1)
		if t0+1 >= len(d.Tokens) || gap(d, t0) != " " {
			continue
		}
		if r.toks[t0].class&classCue != 0 {
			if sp := r.mentionAt(t0 + 1); sp >= 0 {
				return attribution{spk: sp, cueTok: t0}
			}
		}
		if sp := r.mentionAt(t0); sp >= 0 {
			if v := r.spks[sp].tok1; v < len(d.Tokens) && r.toks[v].class&classCue != 0 && gap(d, v-1) == " " {
				return attribution{spk: sp, cueTok: v}
			}
		}
	}
	return none
}

// mentionAt adds a speaker for the name or personal pronoun starting at
// token k inside a quotation, where speakers are not otherwise collected.
func (r *reader) mentionAt(k int) int {
	d := r.d
	if p := pronounOf(d.Tokens[k].Term); p != "" && pronouns[p] {
		t := d.Tokens[k]
		r.spks = append(r.spks, spk{start: t.Start, end: t.End, tok0: k, tok1: k + 1, entity: -1, pronoun: p})
		return len(r.spks) - 1
	}
	ms := r.ents.Mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Tok0 >= k })
	if i == len(ms) || ms[i].Tok0 != k || ms[i].Kind != storyline.Person || ms[i].Role {
		return -1
	}
	m := ms[i]
	c := spk{start: m.Start, end: m.End, tok0: m.Tok0, tok1: m.Tok1, entity: m.Entity, kind: m.Kind, name: m.Name, named: true}
	if m.Entity >= 0 {
		c.name = r.ents.Entities[m.Entity].Name
	}
	r.spks = append(r.spks, c)
	return len(r.spks) - 1
}

// speechNouns name what somebody said ("Trump's claim that “…”").
var speechNouns = wordSet(`claim claims remark remarks comment comments words statement statements
warning warnings promise pledge vow assertion argument suggestion answer response reply message
tweet declaration insistence accusation accusations description prediction quip boast admission
contention slogan mantra catchphrase demand plea`)

// possessives stand for the pronoun that owns a speech noun.
var possessives = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// possessor returns the owner of a speech noun whose content quotation s
// is ("Donald Trump’s claim that there have been “…”", "her remark that
// “…”", "Obama's “if you like your plan” promise") and the noun's token,
// or -1.
func (r *reader) possessor(s segment) (int, int) {
	d := r.d
	tb := d.TokenAt(s.open)
	owner := func(n int) int {
		if n < 1 || gap(d, n-1) != " " || r.toks[n-1].quoted {
			return -1
		}
		t := d.Tokens[n-1].Term
		if p, ok := possessives[t]; ok {
			k := d.Tokens[n-1]
			r.spks = append(r.spks, spk{start: k.Start, end: k.End, tok0: n - 1, tok1: n, entity: -1, pronoun: p})
			return len(r.spks) - 1
		}
		if sp := r.at(n - 1); sp >= 0 && (strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")) && r.spks[sp].pronoun == "" {
			return sp
		}
		return -1
	}
	// the noun right after the quotation: "Obama's “…” promise"
	if s.close >= 0 {
		if n := d.TokenAt(s.close + 1); n < len(d.Tokens) && d.Para[n] == s.para && speechNouns[d.Tokens[n].Term] && tb > 0 {
			if sp := owner(tb); sp >= 0 {
				return sp, n
			}
		}
	}
	// the noun shortly before it, in the same clause
	for n := tb - 1; n >= 0 && n >= tb-10 && d.Para[n] == s.para && !r.toks[n].quoted; n-- {
		if strings.ContainsAny(gap(d, n), ".;!?") || r.cueAt(n) > 0 {
			break
		}
		if speechNouns[d.Tokens[n].Term] {
			// "claim that …": the noun's content, not "Trump's comments
			// “show bias”", which the sentence's speaker judges
			if n+1 < tb && d.Tokens[n+1].Term == "that" {
				if sp := owner(n); sp >= 0 {
					return sp, n
				}
			}
			break
		}
	}
	return -1, -1
}
