package gen

import (
	"fmt"
	"strings"
	"unicode"
)

// The slots a template can fill.
const (
	slotP = iota
	slotA0
	slotA1
	slotA2
	slotA3
	slotS0
	slotS1
	slotS2
	slotS3
	slotR0
	slotR1
	slotR2
	slotR3
	slotG0
	slotG1
	slotG2
	slotG3
	slotO
	slotT
	slotN1
	slotN2
	slotN3
	slotN4
	slotD
	slotM
	slotQ
	slotDCap // {D} at the start of a sentence
	slotN2A  // {N2} rounded, as another outlet reports it
	slotN4A  // {N4} rounded
	slotK    // the other company of a story (the buyer in a takeover)
	nSlots
)

var slotNames = map[string]int{
	"P": slotP, "A0": slotA0, "A1": slotA1, "A2": slotA2, "A3": slotA3,
	"S0": slotS0, "S1": slotS1, "S2": slotS2, "S3": slotS3,
	"R0": slotR0, "R1": slotR1, "R2": slotR2, "R3": slotR3,
	"G0": slotG0, "G1": slotG1, "G2": slotG2, "G3": slotG3,
	"O": slotO, "T": slotT, "N1": slotN1, "N2": slotN2, "N3": slotN3, "N4": slotN4, "N2A": slotN2A, "N4A": slotN4A,
	"D": slotD, "M": slotM, "Q": slotQ, "K": slotK,
}

// seg is a literal followed by a slot (or -1), or, when alts is set, a
// choice among alternative phrasings that each article makes on its own.
type seg struct {
	lit  string
	slot int
	alts []tmpl
}

// tmpl is a compiled template.
type tmpl []seg

// compile parses "{X}" slots and "[a|b|c]" alternatives once, so that
// rendering is appends only. Alternatives nest: "[a [b|c]|d]".
func compile(s string) tmpl { return compileIn(s, true) }

// closing returns the index in s of the "]" that closes the "[" at s[0],
// and the indexes of the "|" that separate its alternatives.
func closing(s string) (int, []int) {
	depth := 0
	var bars []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i, bars
			}
		case '|':
			if depth == 1 {
				bars = append(bars, i)
			}
		}
	}
	panic(fmt.Sprintf("gen: unclosed alternatives in %q", s))
}

// compileIn compiles s; atStart says that s starts a sentence, so that a
// {D} there is written capitalised.
func compileIn(s string, atStart bool) tmpl {
	var t tmpl
	for s != "" {
		i := strings.IndexByte(s, '{')
		if k := strings.IndexByte(s, '['); k >= 0 && (i < 0 || k < i) {
			if k > 0 {
				t = append(t, seg{lit: s[:k], slot: -1})
			}
			end, bars := closing(s[k:])
			first := atStart && len(t) == 0
			var alts []tmpl
			from := k + 1
			for _, b := range append(bars, end) {
				alts = append(alts, compileIn(s[from:k+b], first))
				from = k + b + 1
			}
			t = append(t, seg{slot: -1, alts: alts})
			s = s[k+end+1:]
			continue
		}
		if i < 0 {
			t = append(t, seg{lit: s, slot: -1})
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic(fmt.Sprintf("gen: unclosed slot in %q", s))
		}
		slot, ok := slotNames[s[i+1:i+j]]
		if !ok {
			panic(fmt.Sprintf("gen: unknown slot %q", s[i:i+j+1]))
		}
		if slot == slotD && i == 0 && len(t) == 0 && atStart {
			slot = slotDCap
		}
		t = append(t, seg{lit: s[:i], slot: slot})
		s = s[i+j+1:]
	}
	return t
}

func compileAll(ss []string) []tmpl {
	out := make([]tmpl, len(ss))
	for i, s := range ss {
		out[i] = compile(s)
	}
	return out
}

// appendTo renders t with vals, choosing among alternatives with r.
func (t tmpl) appendTo(b []byte, vals *[nSlots]string, r *rng) []byte {
	for i := range t {
		s := &t[i]
		if s.alts != nil {
			b = s.alts[r.intn(len(s.alts))].appendTo(b, vals, r)
			continue
		}
		b = append(b, s.lit...)
		if s.slot >= 0 {
			b = append(b, vals[s.slot]...)
		}
	}
	return b
}

// draw makes the choices that appendTo makes with r, writing nothing.
func (t tmpl) draw(r *rng) {
	for i := range t {
		if alts := t[i].alts; alts != nil {
			alts[r.intn(len(alts))].draw(r)
		}
	}
}

// fill renders a template once, slowly: for names built at story creation.
func fill(s string, vals map[string]string) string {
	for k, v := range vals {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

type cphase struct {
	titles, leads, facts       []tmpl
	ruTitles, ruLeads, ruFacts []tmpl
}

// ctopic is a topic with its templates compiled.
type ctopic struct {
	*topic
	idx        int // its place in the list of topics
	phases     []cphase
	background []tmpl
	ruBack     []tmpl
	quotes     []cquote
}

// cquote is a quote's texts compiled with their phrasing choices, which
// each event makes once: one statement, worded the same in every article
// that reports it, and another event's statement worded otherwise.
type cquote struct {
	s1, s2, ind, ru1, ru2, ruInd tmpl
}

// wording is a quote as one event words it: the texts of its direct
// quotations in English and in Russian. (Its reported forms, ind and
// ruInd, each article words itself.)
type wording struct {
	s1, s2, ru1, ru2 string
}

// render words the quote for one event, in one string. It draws from r
// for ind and ruInd too, as the stream always has, without writing them.
func (q *cquote) render(v *[2][nSlots]string, r *rng) wording {
	var buf [1024]byte
	b := q.s1.appendTo(buf[:0], &v[0], r)
	n1 := len(b)
	b = q.s2.appendTo(b, &v[0], r)
	n2 := len(b)
	q.ind.draw(r)
	b = q.ru1.appendTo(b, &v[1], r)
	n3 := len(b)
	b = q.ru2.appendTo(b, &v[1], r)
	q.ruInd.draw(r)
	s := string(b)
	return wording{s1: s[:n1], s2: s[n1:n2], ru1: s[n2:n3], ru2: s[n3:]}
}

var (
	quoteOpenEN = "[What happened {D} matters to {P}. |I spoke to {S1} {D}. |We have said it since {Q}. |This is about {P}. |It has been {N1} days. |{P} deserves better. |Look at the last {N1} days. ]"
	quoteOpenRU = "[Для {P} это важно. |Об этом говорили ещё {Q}. |Прошло уже {N1} дней. |{P} заслуживает лучшего. |Это касается всего {P}. ]"
	// A statement often ends on what is particular to its event.
	quoteCloseEN = "[| We need answers by {M}.| {N1} families are waiting.| I have lived in {P} all my life.| I said so on {Q}.| People in {P} know this.| We will see by {M}.| I told {S1} that {D}.| That is all I can say {D}.]"
	quoteCloseRU = "[| Ответ нужен до {M}.| Ждут {N1} семей.| Я всю жизнь живу в {P}.| Я говорил это {Q}.| В {P} это все понимают.]"
	indOpenEN    = "[|in {P} |after the events of {M} |this time |with {N1} days gone |]"
	indCloseEN   = "[| in {P}| after {M}| this time| whatever it took|]"
	indCloseRU   = "[| в {P}| после {M}| на этот раз|]"
)

// compileTopics compiles the topic templates, enriching the reporting
// (not the titles) with the phrase dictionaries.
func compileTopics() []ctopic {
	keysEN, keysRU := sortedKeys(phrasesEN), sortedKeys(phrasesRU)
	rich := func(ss []string, dict map[string][]string, keys *phraseKeys) []tmpl {
		out := make([]tmpl, len(ss))
		for i, s := range ss {
			s = enrich(s, dict, keys)
			// outlets round numbers differently
			s = strings.ReplaceAll(strings.ReplaceAll(s, "{N2}", "[{N2}|{N2A}]"), "{N4}", "[{N4}|{N4A}]")
			out[i] = compile(s)
		}
		return out
	}
	out := make([]ctopic, len(topics))
	for i := range topics {
		t := &topics[i]
		tx := t.text
		en := func(ss []string) []tmpl { return rich(withRefs(ss, tx.refs), phrasesEN, keysEN) }
		ru := func(ss []string) []tmpl { return rich(withRefs(ss, tx.ruRefs), phrasesRU, keysRU) }
		ct := ctopic{topic: t, idx: i, background: en(tx.background), ruBack: ru(tx.ruBack)}
		for _, q := range t.quotes {
			ct.quotes = append(ct.quotes, cquote{
				s1: compile(quoteOpenEN + enrich(q.s1, phrasesEN, keysEN)), s2: compile(enrich(q.s2, phrasesEN, keysEN) + quoteCloseEN),
				ind: compile(indOpenEN + enrich(q.ind, phrasesEN, keysEN) + indCloseEN),
				ru1: compile(quoteOpenRU + enrich(q.ru1, phrasesRU, keysRU)), ru2: compile(enrich(q.ru2, phrasesRU, keysRU) + quoteCloseRU),
				ruInd: compile(enrich(q.ruInd, phrasesRU, keysRU) + indCloseRU),
			})
		}
		for k, p := range t.phases {
			pe, pr := &tx.phases[k], &tx.ruPhases[k]
			ct.phases = append(ct.phases, cphase{
				titles: compileAll(p.titles), leads: en(pe.leads), facts: en(pe.facts),
				ruTitles: compileAll(p.ruTitles), ruLeads: ru(pr.ruLeads), ruFacts: ru(pr.ruFacts),
			})
		}
		out[i] = ct
	}
	return out
}

// withRefs replaces every "<key>" of ss with refs[key]; it panics on a
// key refs lacks, so that a misspelt reference fails at once.
func withRefs(ss []string, refs map[string]string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		var b strings.Builder
		for {
			j := strings.IndexByte(s, '<')
			if j < 0 {
				b.WriteString(s)
				break
			}
			k := strings.IndexByte(s[j:], '>')
			if k < 0 {
				panic(fmt.Sprintf("gen: unclosed reference in %q", s))
			}
			key := s[j+1 : j+k]
			ref, ok := refs[key]
			if !ok && key != "" && unicode.IsUpper(rune(key[0])) {
				// "<Bank>" is "<bank>" at the start of a sentence
				ref, ok = refs[strings.ToLower(key[:1])+key[1:]]
				ref = capitalRef(ref)
			}
			if !ok {
				panic(fmt.Sprintf("gen: unknown reference %q", s[j:j+k+1]))
			}
			b.WriteString(s[:j])
			b.WriteString(ref)
			s = s[j+k+1:]
		}
		out[i] = b.String()
	}
	return out
}

// capitalRef capitalises the first letter of each of a reference's
// alternatives.
func capitalRef(s string) string {
	b := []byte(s)
	depth := 0
	up := true
	for i, c := range b {
		switch {
		case c == '[':
			depth++
			up = depth == 1
			continue
		case c == ']':
			depth--
		case c == '|' && depth == 1:
			up = true
			continue
		case up && 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		}
		up = false
	}
	return string(b)
}
