package copies

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// outlets maps the names news agencies and outlets are credited by to one
// canonical name.
var outlets = map[string]string{
	"TASS": "TASS", "ITAR-TASS": "TASS", "ТАСС": "TASS", "ИТАР-ТАСС": "TASS",
	"RIA Novosti": "RIA Novosti", "RIA News": "RIA Novosti", "RIA": "RIA Novosti", "РИА Новости": "RIA Novosti",
	"Sputnik": "Sputnik", "Спутник": "Sputnik",
	"Interfax": "Interfax", "Интерфакс": "Interfax",
	"Reuters": "Reuters", "Рейтер": "Reuters",
	"AP": "AP", "Associated Press": "AP", "the Associated Press": "AP",
	"AFP": "AFP", "Agence France-Presse": "AFP", "France-Presse": "AFP",
	"Bloomberg": "Bloomberg", "Xinhua": "Xinhua", "DPA": "DPA", "dpa": "DPA", "EFE": "EFE",
	"ANSA": "ANSA", "Kyodo": "Kyodo", "Yonhap": "Yonhap", "UNIAN": "UNIAN", "Ukrinform": "Ukrinform",
	"BBC": "BBC", "CNN": "CNN", "RT": "RT", "RTVI": "RTVI", "NHK": "NHK", "PTI": "PTI", "IRNA": "IRNA",
	"Anadolu": "Anadolu", "Anadolu Agency": "Anadolu", "Al Jazeera": "Al Jazeera",
	"Izvestia": "Izvestia", "Известия": "Izvestia", "Kommersant": "Kommersant", "Коммерсантъ": "Kommersant",
	"Vedomosti": "Vedomosti", "Ведомости": "Vedomosti", "RBC": "RBC", "РБК": "RBC",
	"Politico": "Politico", "Axios": "Axios", "Fox News": "Fox News", "NBC News": "NBC News",
	"CBS News": "CBS News", "ABC News": "ABC News", "The New York Times": "The New York Times",
	"The Washington Post": "The Washington Post", "The Wall Street Journal": "The Wall Street Journal",
	"The Guardian": "The Guardian", "Financial Times": "Financial Times",
}

// outletAlt is a regexp alternation of the outlet names, longest first.
func outletAlt() string {
	names := make([]string, 0, len(outlets))
	for n := range outlets {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	for i, n := range names {
		names[i] = regexp.QuoteMeta(n)
	}
	return strings.Join(names, "|")
}

// mediaName is a capitalised name that reads as an outlet ("Daily
// Herald", "Kyiv Independent News Agency").
const mediaName = `(?:[A-Z][\w.\-]*\s){0,4}(?:News|Agency|Times|Post|Press|Journal|Herald|Telegraph|Gazette|Tribune|Daily|TV|Radio|Television|Broadcasting|Wire|Today|Mail|Express|Independent|Observer)\b`

// defaultCiter is compiled once; it is never modified.
var defaultCiter = newCiter()

// citer holds the credit patterns; each has one group: the outlet. Each
// pattern has a gate, a cheap test a line must pass before the pattern runs
// on it: the patterns are costly alternations, and most lines of an
// article credit nobody.
type citer struct {
	res   []*regexp.Regexp
	gates []func(l *citeLine) bool
}

// citeLine is one line of text with what the gates ask of it, computed
// once and only when asked.
type citeLine struct {
	text         string
	lower        string
	lowered      bool
	outlet, seen bool
}

func (l *citeLine) lowerText() string {
	if !l.lowered {
		l.lower, l.lowered = strings.ToLower(l.text), true
	}
	return l.lower
}

// hasOutlet reports whether the line names a known outlet anywhere.
func (l *citeLine) hasOutlet() bool {
	if !l.seen {
		l.seen = true
		for name := range outlets {
			if strings.Contains(l.text, name) {
				l.outlet = true
				break
			}
		}
	}
	return l.outlet
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func newCiter() *citer {
	o := `(` + outletAlt() + `)`
	media := `((?:the\s)?(?:` + outletAlt() + `|` + mediaName + `))`
	lowerHas := func(words ...string) func(*citeLine) bool {
		return func(l *citeLine) bool { return containsAny(l.lowerText(), words...) }
	}
	type pat struct {
		re   string
		gate func(*citeLine) bool
	}
	pats := []pat{
		{`(?:^|[\s.,(])/\s?(` + outletAlt() + `|[A-Z][A-Za-z\-]+)\s?/`,
			func(l *citeLine) bool { return strings.Count(l.text, "/") >= 2 }},
		{`(?i:according to|as reported by|reported by|as per|citing|quoted by|cited by|via)\s` + media + `\b`,
			lowerHas("according to", "reported by", "as per", "citing", "quoted by", "cited by", "via")},
		{`(?i:based on (?:materials|reports|information) (?:from|of|by))\s` + media + `\b`, lowerHas("based on")},
		{`(?i:(?:with )?reference to)\s` + media + `\b`, lowerHas("reference to")},
		{`(?i:source|sources|credit)\s?:\s` + media + `\b`, lowerHas("source", "credit")},
		{`\b` + o + `\s(?:reported|reports|said|says|wrote|writes|learned|has learned|quoted)\b`, (*citeLine).hasOutlet},
		{`(?:^|[\s,])\(` + o + `\)`,
			func(l *citeLine) bool { return strings.Contains(l.text, "(") && l.hasOutlet() }},
		{`(?:[.!?»"”]\s+|\n)` + o + `\s*\.?\s*$`, (*citeLine).hasOutlet},
		{`(?i:по данным|по информации|сообщает|сообщили|передает|передаёт|пишет|со ссылкой на)\s(` + outletAlt() + `)`,
			lowerHas("по данным", "по информации", "сообща", "переда", "пишет", "со ссылкой на")},
	}
	c := &citer{}
	for _, p := range pats {
		c.res = append(c.res, regexp.MustCompile(`(?m)`+p.re))
		c.gates = append(c.gates, p.gate)
	}
	return c
}

// Citations returns the sources a text credits ("according to Sputnik",
// "Based on materials from TASS", "/TASS/", "RIA News" closing a
// paragraph), in text order, with code point offsets of the credit
// phrase. A person ("according to Peskov") is not a source.
func Citations(text string) []storyline.Citation {
	c := defaultCiter
	type hit struct{ s, e, gs, ge int }
	var hits []hit
	for off := 0; off < len(text); {
		// A line, with the newline before it: one pattern looks back at it.
		from := max(off-1, 0)
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		l := &citeLine{text: text[from:end]}
		off = end + 1
		for i, re := range c.res {
			if !c.gates[i](l) {
				continue
			}
			for _, m := range re.FindAllStringSubmatchIndex(l.text, -1) {
				if m[2] < 0 || m[0] < 0 {
					continue
				}
				for k := range m {
					m[k] += from
				}
				s, e := m[0], m[1]
				// trim the leading delimiter and trailing space the
				// patterns consume
				for s < m[2] && strings.ContainsRune(" \t\n.,!?»\"”(", rune(text[s])) && text[s] < utf8.RuneSelf {
					s++
				}
				for e > m[3] && strings.ContainsRune(" \t\n.", rune(text[e-1])) {
					e--
				}
				hits = append(hits, hit{s, e, m[2], m[3]})
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.s != b.s {
			return a.s - b.s
		}
		return b.e - a.e
	})
	var out []storyline.Citation
	end := -1
	for _, h := range hits {
		if h.s < end {
			continue // overlaps a credit already taken
		}
		end = h.e
		name := strings.TrimPrefix(text[h.gs:h.ge], "the ")
		src, ok := outlets[name]
		if !ok {
			src = strings.TrimSpace(name)
		}
		out = append(out, storyline.Citation{
			Source: src,
			Text:   text[h.s:h.e],
			Start:  utf8.RuneCountInString(text[:h.s]),
			End:    utf8.RuneCountInString(text[:h.e]),
		})
	}
	return out
}
