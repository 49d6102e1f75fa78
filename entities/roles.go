package entities

import (
	"slices"
	"strings"

	storyline "github.com/storyline-news/storyline"
)

// role is a role phrase learned from an apposition ("Kremlin spokesman
// Dmitry Peskov", "Peskov, the presidential spokesman").
type role struct {
	entity int
	class  string
	// words are the phrase's distinct words, less "'s".
	words []string
}

var determiners = set(`the his her their its this that our`)

func classOf(term string) string {
	if c, ok := roleClass[term]; ok {
		return c
	}
	return term
}

// roles learns role phrases around person names and resolves the role
// phrases that stand alone.
func (r *Result) roles(cands []*cand, w *work) {
	d := r.Doc
	learned := w.learned[:0]
	defer func() { w.learned = learned[:0] }()
	n := len(d.Tokens) + 1
	if cap(w.isName) < n {
		w.isName = make([]bool, n)
	}
	isName := w.isName[:n] // token index → starts a name
	clear(isName)
	for _, c := range cands {
		isName[c.tok0] = true
	}
	learn := func(e int, from, to int) {
		class := ""
		for k := from; k < to; k++ {
			if d.lexTrim(k)&inRoleHeads != 0 {
				class = classOf(strings.TrimSuffix(d.Tokens[k].Term, "'s"))
			}
		}
		if class == "" {
			return
		}
		rl := role{entity: e, class: class}
		if len(learned) < cap(learned) {
			rl.words = learned[:len(learned)+1][len(learned)].words[:0] // reuse the array
		}
		rl.words = appendWords(rl.words, d, from, to)
		learned = append(learned, rl)
	}
	for _, m := range r.Mentions {
		if m.Entity < 0 || m.Kind != storyline.Person {
			continue
		}
		// before: up to 4 joined tokens in the same sentence
		from := m.Tok0
		for from > 0 && m.Tok0-from < 4 && !d.SentStart[from] && (gapIs(d, from-1, " ") || gapIs(d, from-1, ". ")) && roleWord(d, from-1) {
			from--
		}
		if from < m.Tok0 && d.lex(m.Tok0-1)&(inRoleHeads|inTitles) != 0 {
			learn(m.Entity, from, m.Tok0)
		} else if m.Tok0 > 0 && spanIs(d, d.Tokens[m.Tok0-1].End, m.Start, ", ") {
			// "Aide to the Russian president, Yuri Ushakov, said"
			s := m.Tok0 - 1
			for s > 0 && m.Tok0-s < 6 && !d.SentStart[s] {
				s--
			}
			if d.SentStart[s] {
				learn(m.Entity, s, m.Tok0)
			}
		}
		// after: ", the ROLE ..." up to the next punctuation
		if m.Tok1 < len(d.Tokens) && spanIs(d, m.End, d.Tokens[m.Tok1].Start, ", ") {
			to := m.Tok1
			for to < len(d.Tokens) && to-m.Tok1 < 6 && (to == m.Tok1 || gapIs(d, to-1, " ")) && !isName[to] {
				to++
			}
			learn(m.Entity, m.Tok1, to)
		}
	}
	for _, at := range w.roleAt { // the role heads, as lowerTerms listed them
		k, t := int(at), d.Tokens[at]
		if isName[k+1] && k+1 < len(d.Tokens) && gapIs(d, k, " ") {
			continue
		}
		cyr := t.Term[0] >= 0xd0
		from := k
		for from > 0 && k-from < 4 && gapIs(d, from-1, " ") && !d.SentStart[from] {
			from--
			if d.lex(from)&inDeterminers != 0 {
				break
			}
		}
		if !cyr && d.lex(from)&inDeterminers == 0 {
			continue
		}
		if k+1 < len(d.Tokens) && d.lex(k+1)&inRoleHeads != 0 && gapIs(d, k, " ") {
			continue // "the press secretary": wait for the head
		}
		var wordsArr [8]string
		words := appendWords(wordsArr[:0], d, from+1, k+1)
		best, bestScore := -1, 0
		for _, rl := range learned {
			if rl.class != classOf(t.Term) {
				continue
			}
			score := 1
			for _, w := range words {
				if slices.Contains(rl.words, w) {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = rl.entity, score
			}
		}
		start := d.Tokens[from].Start
		m := Mention{Start: start, End: t.End, Tok0: from, Tok1: k + 1, Entity: best, Kind: storyline.Person, Role: true}
		if best >= 0 {
			m.Name = r.Entities[best].Name
			r.Entities[best].Mentions = append(r.Entities[best].Mentions, storyline.Mention{Text: d.Slice(start, t.End), Start: start, End: t.End})
		}
		r.Mentions = append(r.Mentions, m)
	}
	for i := range r.Entities {
		ms := r.Entities[i].Mentions
		for a := 1; a < len(ms); a++ {
			for b := a; b > 0 && ms[b].Start < ms[b-1].Start; b-- {
				ms[b], ms[b-1] = ms[b-1], ms[b]
			}
		}
	}
}

// appendWords appends to dst the distinct terms, less "'s", of tokens
// [from, to).
func appendWords(dst []string, d *Doc, from, to int) []string {
	for k := from; k < to; k++ {
		w := strings.TrimSuffix(d.Tokens[k].Term, "'s")
		if !slices.Contains(dst, w) {
			dst = append(dst, w)
		}
	}
	return dst
}

var roleModifiers = set(`press presidential foreign chief deputy former top senior campaign
white house state defense national security executive general first`)

// roleWord reports whether token i can be part of a role phrase before a
// name ("Putin's press secretary", "Kremlin spokesman").
func roleWord(d *Doc, i int) bool {
	f := d.lex(i)
	return f&(inRoleHeads|inTitles|inRoleModifiers) != 0 || d.Capitalized(i) && f&inFunctionWords == 0 || strings.HasSuffix(d.Tokens[i].Term, "'s")
}

// gapIs reports whether the text between token i and i+1 is gap, which
// is ASCII: it compares code points, without a string.
func gapIs(d *Doc, i int, gap string) bool {
	if i+1 >= len(d.Tokens) {
		return false
	}
	return spanIs(d, d.Tokens[i].End, d.Tokens[i+1].Start, gap)
}

// spanIs reports whether the text between code points start and end is
// x, which is ASCII: as d.Slice(start, end) == x, without a string.
func spanIs(d *Doc, start, end int, x string) bool {
	g := d.Text[start:end]
	return len(g) == len(x) && runesAre(g, x)
}

// runesAre reports whether the code points of g are the bytes of the
// ASCII string x, as many.
func runesAre(g []rune, x string) bool {
	for j := range g {
		if g[j] != rune(x[j]) {
			return false
		}
	}
	return true
}
