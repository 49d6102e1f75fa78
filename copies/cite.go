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
	// names are the outlet names by their first two bytes; starts has
	// the bit of every such pair set, so that a line is searched for all
	// of them in one pass
	names  map[uint16][]string
	starts *[1 << 16 / 64]uint64
}

// citeLine is one line of text with what the gates ask of it, computed
// once and only when asked.
type citeLine struct {
	c            *citer
	text         string
	lower        string
	lowered      bool
	outlet, seen bool
	media, mseen bool
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
		l.outlet = l.c.hasOutlet(l.text)
	}
	return l.outlet
}

// hasMedia reports whether the line may name a source as the media
// pattern does: a known outlet or a word outlets are named with.
func (l *citeLine) hasMedia() bool {
	if !l.mseen {
		l.mseen = true
		l.media = l.hasOutlet() || containsAny(l.text, mediaWords...)
	}
	return l.media
}

// mediaWords are the words that end a mediaName.
var mediaWords = []string{"News", "Agency", "Times", "Post", "Press", "Journal", "Herald", "Telegraph", "Gazette", "Tribune",
	"Daily", "TV", "Radio", "Television", "Broadcasting", "Wire", "Today", "Mail", "Express", "Independent", "Observer"}

// hasOutlet reports whether text names a known outlet as a word, the
// way every pattern that names one needs: not inside another word
// ("dpa" in "grandparent"). It finds the names by their first two bytes
// in one pass over text.
func (c *citer) hasOutlet(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		k := uint16(text[i])<<8 | uint16(text[i+1])
		if c.starts[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, n := range c.names[k] {
			j := i + len(n)
			if strings.HasPrefix(text[i:], n) &&
				(i == 0 || !asciiWord(text[i-1]) || !asciiWord(n[0])) &&
				(j == len(text) || !asciiWord(text[j]) || !asciiWord(n[len(n)-1])) {
				return true
			}
		}
	}
	return false
}

// asciiWord reports whether b is a word byte to the regexp package's \b.
func asciiWord(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// indexOutlets files the outlet names by their first two bytes.
func (c *citer) indexOutlets() {
	c.names = make(map[uint16][]string)
	c.starts = new([1 << 16 / 64]uint64)
	for n := range outlets {
		if len(n) < 2 {
			continue
		}
		k := uint16(n[0])<<8 | uint16(n[1])
		c.names[k] = append(c.names[k], n)
		c.starts[k/64] |= 1 << (k % 64)
	}
	for _, ns := range c.names {
		slices.Sort(ns)
	}
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
	// the patterns that credit a media name need one in the line
	mediaHas := func(words ...string) func(*citeLine) bool {
		has := lowerHas(words...)
		return func(l *citeLine) bool { return l.hasMedia() && has(l) }
	}
	credit := mediaHas("source", "credit")
	type pat struct {
		re   string
		gate func(*citeLine) bool
	}
	pats := []pat{
		{`(?:^|[\s.,(])/\s?(` + outletAlt() + `|[A-Z][A-Za-z\-]+)\s?/`,
			func(l *citeLine) bool { return strings.Count(l.text, "/") >= 2 }},
		{`(?i:according to|as reported by|reported by|as per|citing|quoted by|cited by|via)\s` + media + `\b`,
			mediaHas("according to", "reported by", "as per", "citing", "quoted by", "cited by", "via")},
		{`(?i:based on (?:materials|reports|information) (?:from|of|by))\s` + media + `\b`, mediaHas("based on")},
		{`(?i:(?:with )?reference to)\s` + media + `\b`, mediaHas("reference to")},
		{`(?i:source|sources|credit)\s?:\s` + media + `\b`,
			func(l *citeLine) bool { return strings.Contains(l.text, ":") && credit(l) }},
		{`\b` + o + `\s(?:reported|reports|said|says|wrote|writes|learned|has learned|quoted)\b`, (*citeLine).hasOutlet},
		{`(?:^|[\s,])\(` + o + `\)`,
			func(l *citeLine) bool { return strings.Contains(l.text, "(") && l.hasOutlet() }},
		{`(?:[.!?»"”]\s+|\n)` + o + `\s*\.?\s*$`, (*citeLine).hasOutlet},
		{`(?i:по данным|по информации|сообщает|сообщили|передает|передаёт|пишет|со ссылкой на)\s(` + outletAlt() + `)`,
			lowerHas("по данным", "по информации", "сообща", "переда", "пишет", "со ссылкой на")},
	}
	c := &citer{}
	c.indexOutlets()
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
		l := &citeLine{c: c, text: text[from:end]}
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
