// Package entities finds the people, organisations and places an article
// mentions and joins their aliases: "Vladimir Putin", "Putin", "Putin's"
// and "the Russian president" become one entity, as do "Песков" and
// "Пескова".
//
// The recognizer is rule- and statistics-based. Capitalised runs of words
// are candidate names; a word capitalised only at sentence starts while the
// article also writes it in lower case is a common word. Evidence for a kind
// comes from titles ("Sen.", "President"), given names, organisation words
// ("Department", "Party"), a gazetteer of places, roles in apposition
// ("Kremlin spokesman Dmitry Peskov"), and speech verbs after a name; a
// surname alone inherits the kind and canonical name of the full name it
// abbreviates.
package entities

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

// Mention is one span that refers to an entity, in code points and tokens.
type Mention struct {
	Start, End int
	// Tok0 and Tok1 are the mention's token range [Tok0, Tok1).
	Tok0, Tok1 int
	// Entity indexes Result.Entities; -1 for a role phrase that could not
	// be resolved, or a name of unknown kind.
	Entity int
	Kind   storyline.EntityKind
	// Role marks a role phrase ("the Kremlin spokesman").
	Role bool
	// Name is the mention's own name form (for unknown-kind names).
	Name string
}

// Result is what Recognize found in one document.
type Result struct {
	Doc      *Doc
	Entities []storyline.Entity
	// Mentions holds every mention, sorted by Start, including role
	// phrases and names of unknown kind (Entity -1).
	Mentions []Mention
}

// speechVerbs after a name are evidence that it names a person or an
// organisation that speaks.
var speechVerbs = set(`said says told added noted stressed explained wrote argued claimed
insisted warned announced stated replied responded tweeted emphasized recalled asked
заявил заявила сказал сказала отметил отметила подчеркнул подчеркнула добавил добавила
пояснил пояснила сообщил сообщила`)

type cand struct {
	tok0, tok1 int
	start, end int
	name       string
	lname      string // name in lower case
	key        string // stem key of the whole name
	last       string // stem key of the last word
	kind       storyline.EntityKind
	titled     bool
	group      int
	// kid and lid number key and last among the article's keys (see
	// work.intern).
	kid, lid int32
	// joined are the spans of lname and key, when they are more than one
	// word, and of name, when its words are not spaced as written, in the
	// article's joined names (see findRuns).
	joined [3][2]int32
}

// Recognize finds the entities of d. reg, which may be nil, supplies full
// names learned from earlier articles for surnames used alone.
//
// The Result's Mentions live in d's working memory, valid until d is
// Reset or recognized again; its Entities are the caller's to keep.
func Recognize(d *Doc, reg *Registry) *Result {
	w := workOf(d)
	if cap(w.lex) < len(d.Tokens) {
		w.lex = make([]lexFlag, len(d.Tokens))
	}
	w.lex = w.lex[:len(d.Tokens)]
	clear(w.lex)
	w.capAt = d.capitalizedTokens(&w.capBuf)
	cands := findRuns(d, lowerTerms(d, w), w)
	classify(d, cands, w)
	r := &Result{Doc: d, Mentions: w.mentions[:0]}
	r.group(cands, reg, w)
	names := len(r.Mentions)
	r.roles(cands, w)
	r.Mentions = mergeMentions(r.Mentions, names, w)
	w.mentions = r.Mentions[:0]
	return r
}

// mergeMentions sorts ms by Start, stably, as slices.SortStableFunc
// would. ms[:n] are sorted already (names, in text order), and ms[n:]
// most often are (role phrases): the two are merged through w.merged,
// which holds the result.
func mergeMentions(ms []Mention, n int, w *work) []Mention {
	byStart := func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) }
	if !slices.IsSortedFunc(ms[:n], byStart) || !slices.IsSortedFunc(ms[n:], byStart) {
		slices.SortStableFunc(ms, byStart)
		return ms
	}
	if n == len(ms) || n == 0 {
		return ms
	}
	out := w.merged[:0]
	a, b := ms[:n], ms[n:]
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	out = append(append(out, a...), b...)
	// the buffers swap: ms becomes the next merge's
	w.merged = ms[:0]
	return out
}

// before returns, of inDeterminers and inPrepositions, the list that
// holds the lower-case word written right before c, or 0.
func before(d *Doc, c *cand) lexFlag {
	k := c.tok0 - 1
	if k < 0 || d.Capitalized(k) || !gapIs(d, k, " ") {
		return 0
	}
	if d.Tokens[k].Term != "the" && d.lex(k)&inDeterminers != 0 {
		return 0 // of the determiners, only "the" says a body
	}
	return d.lex(k) & (inDeterminers | inPrepositions)
}

// nameLex returns the lexicon's flags of c's lower-case name and of its
// key, often the same: those of its token when it has one word as the
// token's term.
func nameLex(d *Doc, c *cand) lexFlag {
	var f lexFlag
	if c.tok1-c.tok0 == 1 && c.lname == d.Tokens[c.tok0].Term {
		f = d.lex(c.tok0)
	} else {
		f = lexOf(c.lname)
	}
	if c.key != c.lname {
		f |= lexOf(c.key)
	}
	return f
}

func classify(d *Doc, cands []*cand, w *work) {
	for _, c := range cands {
		lname := c.lname
		first := d.lex(c.tok0)
		nf := nameLex(d, c)
		switch {
		case lname == "republicans" || lname == "democrats":
			c.kind = storyline.Organization
		case nf&inPlaces != 0:
			c.kind = storyline.Place
		case nf&inKnownOrgs != 0 || d.lexTrim(c.tok1-1)&(inOrgWords|inPlatforms) != 0 || first&inOrgWords != 0 && c.tok1-c.tok0 > 1 ||
			isAllCaps(c.name): // two letters at least
			c.kind = storyline.Organization
		case c.titled || first&inFirstNames != 0 && (c.tok1-c.tok0 > 1 || !d.SentStart[c.tok0]):
			c.kind = storyline.Person
		case c.tok0 > 0 && occupationBefore(d, c.tok0-1, c):
			c.kind = storyline.Person
		case c.tok1 < len(d.Tokens) && d.lex(c.tok1)&inSpeechVerbs != 0 && c.tok1-c.tok0 <= 3 && gapIs(d, c.tok1-1, " "):
			// "Dmitry Peskov said", not the end of an apposition: "Paul
			// Stordin, chief executive of Quenardale Steel, said"
			switch before(d, c) {
			case inDeterminers:
				// "the Big East responded", "the Pentagon said": a
				// body, people do not take the article
				c.kind = storyline.Organization
			case inPrepositions:
				// "an office worker in Dubai said": the speaker is
				// the worker, the name where they are
			default:
				c.kind = storyline.Person
			}
		case initialsName(d, c) || ageFollows(d, c) || objectOfPersonVerb(d, c):
			c.kind = storyline.Person
		}
	}
	nkeys := w.internKeys(cands)
	// A surname alone takes the kind of the full name it abbreviates.
	byLast := resized(w.byLast, nkeys)
	w.byLast = byLast
	for _, c := range cands {
		if c.kind == storyline.Person && c.tok1-c.tok0 > 1 {
			byLast[c.lid] = true
		}
	}
	for _, c := range cands {
		if c.tok1-c.tok0 == 1 && byLast[c.kid] && c.kind != storyline.Organization {
			c.kind = storyline.Person
		}
	}
	// A name whose kind is known once is known everywhere in the article.
	kinds := resized(w.kinds, nkeys)
	w.kinds = kinds
	for _, c := range cands {
		if c.kind != "" && kinds[c.kid] == "" {
			kinds[c.kid] = c.kind
		}
	}
	for _, c := range cands {
		if c.kind == "" {
			c.kind = kinds[c.kid]
		}
	}
}

// isAllCaps reports whether s has two letters at least and all of them
// upper case ("NATO", "U.S.").
func isAllCaps(s string) bool {
	letters := 0
	// ASCII first, as most names, without decoding or calls
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return allCaps(s[i:], letters)
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// allCaps is isAllCaps for the rest s of a name whose start has letters
// upper-case letters and no lower-case one.
func allCaps(s string, letters int) bool {
	for _, r := range s {
		if isLetter(r) {
			if !isUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// group joins candidates into entities.
func (r *Result) group(cands []*cand, reg *Registry, w *work) {
	// Full person names by the stem of their last word.
	full := resized(w.full, len(w.ids.keys))
	w.full = full
	for _, c := range cands {
		if c.kind == storyline.Person && c.tok1-c.tok0 > 1 {
			if f := full[c.lid]; f == nil || better(c, f) {
				full[c.lid] = c
			}
		}
	}
	// An entity is keyed by its kind and stem key, or by a full name
	// the registry knows: index holds, per key number, the entity of
	// each kind plus one, and byReg the entity of each full name.
	index := resized(w.index, len(w.ids.keys))
	w.index = index
	if len(w.byReg) > 0 {
		w.byReg = emptied(w.byReg)
	}
	count := w.count[:0] // mentions per entity, for one array to hold them all
	ents := w.ents[:0]
	locked := false // reg.mu, held for reading through the loop
	for _, c := range cands {
		slot := &index[c.kid][kindSlot(c.kind)]
		name, regName := c.name, ""
		if c.kind == storyline.Person {
			if f := full[c.lid]; f != nil {
				slot, name = &index[f.kid][0], f.name
			} else if reg != nil && c.tok1-c.tok0 == 1 {
				if !locked {
					reg.mu.RLock()
					locked = true
				}
				if n, _ := reg.lookup(c.key); n != "" {
					regName, name = n, n
				}
			}
		}
		m := Mention{Start: c.start, End: c.end, Tok0: c.tok0, Tok1: c.tok1, Entity: -1, Kind: c.kind, Name: name}
		if c.kind != "" {
			e := int(*slot) - 1
			if regName != "" {
				if w.byReg == nil {
					w.byReg = make(map[string]int)
				}
				if v, ok := w.byReg[regName]; ok {
					e = v
				} else {
					e = -1
				}
			}
			if e < 0 {
				e = len(ents)
				if regName != "" {
					w.byReg[regName] = e
				} else {
					*slot = int32(e + 1)
				}
				ents = append(ents, storyline.Entity{Name: name, Kind: c.kind})
				count = append(count, 0)
			} else if better(c, nil) && len(name) > len(ents[e].Name) {
				ents[e].Name = name
			}
			m.Entity = e
			count[e]++
		}
		r.Mentions = append(r.Mentions, m)
	}
	if locked {
		reg.mu.RUnlock()
	}
	w.count = count
	if len(ents) > 0 {
		r.Entities = slices.Clone(ents)
	}
	w.ents = ents[:0]
	total := 0
	for _, n := range count {
		total += n
	}
	all := make([]storyline.Mention, total)
	for e, n := range count {
		r.Entities[e].Mentions, all = all[:0:n], all[n:]
	}
	for _, m := range r.Mentions {
		if m.Entity >= 0 {
			r.Entities[m.Entity].Mentions = append(r.Entities[m.Entity].Mentions, storyline.Mention{Text: r.Doc.Slice(m.Start, m.End), Start: m.Start, End: m.End})
		}
	}
	// Russian canonical names: prefer the nominative (shortest) form.
	for i := range r.Entities {
		e := &r.Entities[i]
		fields := -1 // countFields(e.Name), when asked
		for _, m := range e.Mentions {
			if len(m.Text) >= len(e.Name) {
				continue
			}
			if fields < 0 {
				fields = countFields(e.Name)
			}
			if countFields(m.Text) == fields && stemAll(m.Text) == stemAll(e.Name) {
				e.Name, fields = m.Text, -1
			}
		}
	}
}

// countFields returns len(strings.Fields(s)) without allocating. ASCII
// and the two-byte Cyrillic letters (U+0400–U+047F, no spaces), most of
// the names counted, are read without decoding, runs of ASCII eight
// bytes at a time.
func countFields(s string) int {
	n, i := 0, 0
	// a field starts at a byte other than a space after a space, or
	// after the start, whose high bit stands in the word before
	spaceBefore := uint64(0x80)
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i:])
		if w&asciiHigh != 0 {
			break
		}
		sp := asciiSpaces(w)
		n += bits.OnesCount64(^sp & asciiHigh & (sp<<8 | spaceBefore))
		spaceBefore = sp >> 56
	}
	in := spaceBefore == 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		if c := s[i]; c == ' ' || '\t' <= c && c <= '\r' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	for i < len(s) {
		c := s[i]
		space := false
		switch {
		case c < utf8.RuneSelf:
			space = c == ' ' || '\t' <= c && c <= '\r'
			i++
		case (c == 0xd0 || c == 0xd1) && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// asciiHigh has the high bit of each byte of a word.
const asciiHigh = 0x8080808080808080

// asciiSpaces returns the high bit of each byte of the little-endian
// word w, eight ASCII bytes, that is white space (a space, or \t to \r),
// all at once: adding 0x7f to a byte below 0x80 sets its high bit
// unless it is 0, and adding 0x80 less a bound sets it when the byte is
// the bound or above, with no carry out of the byte either way.
func asciiSpaces(w uint64) uint64 {
	const ones = 0x0101010101010101
	notSpace := (w ^ ' '*ones) + 0x7f*ones
	ge9 := w + (0x80-'\t')*ones
	ge14 := w + (0x80-'\r'-1)*ones
	return (^notSpace | ge9&^ge14) & asciiHigh
}

func stemAll(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		f[i] = stem(w)
	}
	return strings.Join(f, " ")
}

// better prefers the longer of two full names, then the earlier.
func better(c, f *cand) bool {
	if f == nil {
		return true
	}
	return c.tok1-c.tok0 > f.tok1-f.tok0
}
