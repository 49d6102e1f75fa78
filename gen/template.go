package gen

import (
	"fmt"
	"strings"
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
	nSlots
)

var slotNames = map[string]int{
	"P": slotP, "A0": slotA0, "A1": slotA1, "A2": slotA2, "A3": slotA3,
	"S0": slotS0, "S1": slotS1, "S2": slotS2, "S3": slotS3,
	"R0": slotR0, "R1": slotR1, "R2": slotR2, "R3": slotR3,
	"G0": slotG0, "G1": slotG1, "G2": slotG2, "G3": slotG3,
	"O": slotO, "T": slotT, "N1": slotN1, "N2": slotN2, "N3": slotN3, "N4": slotN4, "N2A": slotN2A, "N4A": slotN4A,
	"D": slotD, "M": slotM, "Q": slotQ,
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
// rendering is appends only. Alternatives may hold slots but not further
// alternatives.
func compile(s string) tmpl { return compileIn(s, false) }

func compileIn(s string, inAlt bool) tmpl {
	var t tmpl
	for s != "" {
		i := strings.IndexByte(s, '{')
		if k := strings.IndexByte(s, '['); k >= 0 && (i < 0 || k < i) {
			j := strings.IndexByte(s[k:], ']')
			if j < 0 {
				panic(fmt.Sprintf("gen: unclosed alternatives in %q", s))
			}
			if k > 0 {
				t = append(t, seg{lit: s[:k], slot: -1})
			}
			var alts []tmpl
			for _, a := range strings.Split(s[k+1:k+j], "|") {
				alts = append(alts, compileIn(a, true))
			}
			t = append(t, seg{slot: -1, alts: alts})
			s = s[k+j+1:]
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
		if slot == slotD && i == 0 && len(t) == 0 && !inAlt {
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
	for _, s := range t {
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

// render words the quote for one event.
func (q *cquote) render(v *[2][nSlots]string, r *rng) quote {
	str := func(t tmpl, li int) string { return string(t.appendTo(nil, &v[li], r)) }
	return quote{s1: str(q.s1, 0), s2: str(q.s2, 0), ind: str(q.ind, 0), ru1: str(q.ru1, 1), ru2: str(q.ru2, 1), ruInd: str(q.ruInd, 1)}
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
	en, ru := sortedKeys(phrasesEN), sortedKeys(phrasesRU)
	rich := func(ss []string, dict map[string][]string, keys []string) []tmpl {
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
		ct := ctopic{topic: t, background: rich(t.background, phrasesEN, en), ruBack: rich(t.ruBack, phrasesRU, ru)}
		for _, q := range t.quotes {
			ct.quotes = append(ct.quotes, cquote{
				s1: compile(quoteOpenEN + enrich(q.s1, phrasesEN, en)), s2: compile(enrich(q.s2, phrasesEN, en) + quoteCloseEN),
				ind: compile(indOpenEN + enrich(q.ind, phrasesEN, en) + indCloseEN),
				ru1: compile(quoteOpenRU + enrich(q.ru1, phrasesRU, ru)), ru2: compile(enrich(q.ru2, phrasesRU, ru) + quoteCloseRU),
				ruInd: compile(enrich(q.ruInd, phrasesRU, ru) + indCloseRU),
			})
		}
		for _, p := range t.phases {
			ct.phases = append(ct.phases, cphase{
				titles: compileAll(p.titles), leads: rich(p.leads, phrasesEN, en), facts: rich(p.facts, phrasesEN, en),
				ruTitles: compileAll(p.ruTitles), ruLeads: rich(p.ruLeads, phrasesRU, ru), ruFacts: rich(p.ruFacts, phrasesRU, ru),
			})
		}
		out[i] = ct
	}
	return out
}
