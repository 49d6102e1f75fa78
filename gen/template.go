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
	nSlots
)

var slotNames = map[string]int{
	"P": slotP, "A0": slotA0, "A1": slotA1, "A2": slotA2, "A3": slotA3,
	"S0": slotS0, "S1": slotS1, "S2": slotS2, "S3": slotS3,
	"R0": slotR0, "R1": slotR1, "R2": slotR2, "R3": slotR3,
	"G0": slotG0, "G1": slotG1, "G2": slotG2, "G3": slotG3,
	"O": slotO, "T": slotT, "N1": slotN1, "N2": slotN2, "N3": slotN3, "N4": slotN4,
	"D": slotD, "M": slotM, "Q": slotQ,
}

// seg is a literal followed by a slot (or -1).
type seg struct {
	lit  string
	slot int
}

// tmpl is a compiled template.
type tmpl []seg

// compile parses "{X}" slots once, so that rendering is appends only.
func compile(s string) tmpl {
	var t tmpl
	for s != "" {
		i := strings.IndexByte(s, '{')
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
		if slot == slotD && i == 0 && len(t) == 0 {
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

// appendTo renders t with vals.
func (t tmpl) appendTo(b []byte, vals *[nSlots]string) []byte {
	for _, s := range t {
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
	allFacts   []tmpl // every phase's facts, for long articles
	factPhase  []int  // the phase of each of allFacts
	quotes     []quote
}

func compileTopics() []ctopic {
	out := make([]ctopic, len(topics))
	for i := range topics {
		t := &topics[i]
		ct := ctopic{topic: t, background: compileAll(t.background), ruBack: compileAll(t.ruBack), quotes: t.quotes}
		for _, p := range t.phases {
			ct.phases = append(ct.phases, cphase{
				titles: compileAll(p.titles), leads: compileAll(p.leads), facts: compileAll(p.facts),
				ruTitles: compileAll(p.ruTitles), ruLeads: compileAll(p.ruLeads), ruFacts: compileAll(p.ruFacts),
			})
			ct.allFacts = append(ct.allFacts, compileAll(p.facts)...)
			for range p.facts {
				ct.factPhase = append(ct.factPhase, len(ct.phases)-1)
			}
			for range p.facts {
				ct.factPhase = append(ct.factPhase, len(ct.phases)-1)
			}
		}
		out[i] = ct
	}
	return out
}
