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
	"github.com/storyline-news/storyline/textproc"
	"slices"
	"strings"
	"unicode"

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

// lowerTerms returns, of the terms that a capitalised word opening a
// sentence has (less "'s"), those the article also writes in lower case:
// there capitalisation says nothing, and such a word is a common word.
func lowerTerms(d *Doc, w *work) *lowerSet {
	var lower *lowerSet
	var asked textproc.WordFilter // passes the terms of lower
	w.surnames = w.surnames[:0]
	for i, t := range d.Tokens {
		if !d.Capitalized(i) {
			continue
		}
		if i > 0 && d.Capitalized(i-1) && d.lex(i-1)&inFirstNames != 0 && gapIs(d, i-1, " ") {
			// "Tyler Hansbrough": a surname the article may use alone
			w.surnames = append(w.surnames, strings.TrimSuffix(t.Term, "'s"))
		}
		if d.SentStart[i] && mayBeLower(d, i) {
			if lower == nil {
				lower = &w.lower
				lower.index.reset(16)
			}
			term := strings.TrimSuffix(t.Term, "'s")
			lower.index.add(term)
			asked.Add(term)
		}
	}
	if lower == nil {
		return nil
	}
	lower.seen = resized(lower.seen, len(lower.index.keys))
	for i, t := range d.Tokens {
		if d.Capitalized(i) || !asked.May(t.Term) || !isLetter(d.Text[t.Start]) {
			continue
		}
		if id := lower.index.find(t.Term); id >= 0 {
			lower.seen[id] = true
		}
	}
	return lower
}

// lowerSet is lowerTerms' answer: the terms asked about, numbered, and
// whether the article writes each in lower case.
type lowerSet struct {
	index strIndex
	seen  []bool
}

// has reports whether the article writes term in lower case; l may be
// nil, when no term was asked about.
func (l *lowerSet) has(term string) bool {
	if l == nil {
		return false
	}
	id := l.index.find(term)
	return id >= 0 && l.seen[id]
}

// mayBeLower reports whether candidate asks lowerTerms' answer about the
// capitalised token i, opening a sentence: not when a word list or an
// ending decides first. lowerTerms keeps only these terms, fewer than
// the sentences ("The", "He", "But" are function words).
func mayBeLower(d *Doc, i int) bool {
	f := d.lexTrim(i)
	if f&(inCalendarWords|inFunctionWords|inDiscourse|inTitles|inFirstNames) != 0 {
		return false
	}
	term := strings.TrimSuffix(d.Tokens[i].Term, "'s")
	return term != "i" && !strings.HasSuffix(term, "ly") && !strings.HasSuffix(term, "ing")
}

// candidate reports whether token i may be part of a name.
func candidate(d *Doc, i int, lower *lowerSet) bool {
	if !d.Capitalized(i) || abbreviationLetter(d, i) {
		return false
	}
	if isInitial(d, i) {
		return true // "В. Путин", though "в" is a function word
	}
	f := d.lexTrim(i)
	if f&(inCalendarWords|inFunctionWords) != 0 {
		return false
	}
	term := d.Tokens[i].Term
	if term == "i" {
		return false
	}
	if d.SentStart[i] && f&(inTitles|inFirstNames) == 0 {
		term = strings.TrimSuffix(term, "'s")
		if lower.has(term) || strings.HasSuffix(term, "ly") || strings.HasSuffix(term, "ing") || f&inDiscourse != 0 {
			return false
		}
	}
	return true
}

// discourse words open sentences and are never names.
var discourse = set(`moreover however meanwhile furthermore additionally nevertheless
nonetheless instead indeed finally thus hence still also then later earlier now first second
third last next yes no well oh one two three four five six seven eight nine ten eleven twelve
twenty thirty forty fifty hundred thousand million`)

var connectors = set(`of de van von bin al la le da del der du`)

// joined reports whether tokens i and i+1 are separated only by a space
// (or a full stop after an initial or title).
func joined(d *Doc, i int) bool {
	a, b := d.Tokens[i], d.Tokens[i+1]
	if strings.HasSuffix(a.Term, "'s") {
		return false
	}
	switch d.Slice(a.End, b.Start) {
	case " ":
		return true
	case ". ":
		return a.End-a.Start == 1 || d.lex(i)&(inTitles|inAbbreviations) != 0
	}
	return false
}

func findRuns(d *Doc, lower *lowerSet, w *work) []*cand {
	out := w.cands[:0]
	n := len(d.Tokens)
	for i := 0; i < n; {
		if !d.Capitalized(i) || !candidate(d, i, lower) { // most tokens fail the first test
			i++
			continue
		}
		j := i + 1
		for j < n && joined(d, j-1) {
			if candidate(d, j, lower) && !d.SentStart[j] && !initialStarts(d, j) {
				j++
				continue
			}
			if !d.Capitalized(j) && d.lex(j)&inConnectors != 0 && j+1 < n && joined(d, j) && candidate(d, j+1, lower) &&
				d.lex(i)&inFirstNames == 0 && d.lex(j+1)&inPlaces == 0 {
				j += 2
				continue
			}
			break
		}
		if j-i > 1 && headlineSurname(d, i, j, w) {
			j = i + 1
		}
		if c, ok := makeCand(d, i, j, w); ok {
			out = append(out, c)
		}
		i = j
	}
	if len(w.joined) > 0 {
		// one string for the article's names of several words
		joined := string(w.joined)
		for k := range out {
			if c := &out[k]; c.joined[0][1] > 0 {
				c.lname = joined[c.joined[0][0]:c.joined[0][1]]
				c.key = joined[c.joined[1][0]:c.joined[1][1]]
			}
			if c := &out[k]; c.joined[2][1] > 0 {
				c.name = joined[c.joined[2][0]:c.joined[2][1]]
			}
		}
		w.joined = w.joined[:0]
	}
	w.cands = out
	ptrs := w.ptrs[:0]
	for k := range out {
		ptrs = append(ptrs, &out[k])
	}
	w.ptrs = ptrs
	return ptrs
}

// headlineSurname reports whether the run [i, j) is a surname the
// article gives with a first name elsewhere, then more words, in a line
// in title case ("Hansbrough Sets Scoring Record in Victory" after
// "Tyler Hansbrough"): there capitals join no name, and the surname
// stands alone.
func headlineSurname(d *Doc, i, j int, w *work) bool {
	if len(w.surnames) == 0 || !slices.Contains(w.surnames, d.Tokens[i].Term) || d.lex(i)&(inFirstNames|inTitles) != 0 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if d.lex(k)&(inOrgWords|inFirstNames) != 0 {
			return false // "Smith Foundation", "Hansbrough Tyler"
		}
	}
	return titleCaseLine(d, i)
}

// titleCaseLine reports whether the line of token i is in title case:
// three words of four letters or more at least, nearly all capitalised.
func titleCaseLine(d *Doc, i int) bool {
	from, to := i, i+1
	for from > 0 && d.Para[from-1] == d.Para[i] {
		from--
	}
	for to < len(d.Tokens) && d.Para[to] == d.Para[i] {
		to++
	}
	words, caps := 0, 0
	for k := from; k < to; k++ {
		if t := d.Tokens[k]; t.End-t.Start >= 4 {
			words++
			if d.Capitalized(k) {
				caps++
			}
		}
	}
	return words >= 3 && caps*5 >= words*4
}

// honorifics stand before surnames only ("Mr. King").
var honorifics = set(`mr mrs ms miss dr`)

// makeCand strips titles and demonyms from the front of the run [i, j).
// The lower-case name and key of a name of several words, and a name
// whose words are not spaced as written, are written to w.joined, for
// findRuns to set.
func makeCand(d *Doc, i, j int, w *work) (cand, bool) {
	titled := false
	lastOrg := d.lex(j-1)&inOrgWords != 0
	if !lastOrg {
		// "Texas Sen. Ted Cruz", "FBI Director James Comey": the name
		// starts after the last title inside the run
		for p := j - 2; p > i; p-- {
			if d.lex(p)&inTitles != 0 && d.lex(p+1)&inConnectors == 0 {
				titled = true
				i = p + 1
				break
			}
		}
	}
	honorific := false
	for i < j && !lastOrg {
		term := d.Tokens[i].Term
		f := d.lex(i)
		if (f&inTitles != 0 || f&inOccupations != 0 && j-i > 2) && j-i > 1 {
			// an occupation only before a name of two words at least:
			// "Quarterback Peyton Manning", not "Teen Killed" in a headline
			titled = true
			honorific = f&inHonorifics != 0
			i++
			continue
		}
		if isDemonym(term) && j-i > 1 {
			i++
			continue
		}
		break
	}
	if j-i == 1 && d.Tokens[i].End-d.Tokens[i].Start == 1 {
		return cand{}, false // a lone initial ("U.S." splits into U and S)
	}
	if j-i == 1 && (d.Tokens[i].Term == "republicans" || d.Tokens[i].Term == "democrats") {
		titled = false // party members, kept as the party's voice
	} else if j-i == 1 && (isDemonym(d.Tokens[i].Term) || d.lex(i)&inTitles != 0 && !honorific) {
		// "Mr. King" is a name; "President" alone is not
		return cand{}, false
	}
	// most names have a word or two: the lists live on the stack
	var wordsArr, loweredArr, keysArr [4]string
	words, lowered, keys := wordsArr[:0], loweredArr[:0], keysArr[:0]
	stemmed, spaced := false, true
	end := d.Tokens[j-1].End
	for k := i; k < j; k++ {
		w := d.Word(k)
		if k == j-1 {
			if cut := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"); cut != w {
				end -= 2
				w = cut
			}
		} else if d.Slice(d.Tokens[k].End, d.Tokens[k+1].Start) != " " {
			spaced = false
		}
		words = append(words, w)
		lw := lowerAs(w, d.Tokens[k].Term)
		lowered = append(lowered, lw)
		key := stem(lw)
		stemmed = stemmed || key != lw
		keys = append(keys, key)
	}
	var lname, key string
	var joined [3][2]int32
	if len(lowered) == 1 {
		lname, key = lowered[0], keys[0]
	} else {
		lo := int32(len(w.joined))
		w.joined = appendJoined(w.joined, lowered)
		joined[0] = [2]int32{lo, int32(len(w.joined))}
		joined[1] = joined[0] // no word had a case ending
		if stemmed {
			w.joined = appendJoined(w.joined, keys)
			joined[1] = [2]int32{joined[0][1], int32(len(w.joined))}
		}
	}
	name := d.Slice(d.Tokens[i].Start, end) // the words and the spaces between them
	if !spaced {
		lo := int32(len(w.joined))
		w.joined = appendJoined(w.joined, words)
		joined[2] = [2]int32{lo, int32(len(w.joined))}
		name = "" // set by findRuns
	}
	return cand{
		tok0: i, tok1: j, start: d.Tokens[i].Start, end: end,
		name: name, lname: lname, key: key,
		last: keys[len(keys)-1], titled: titled, joined: joined,
	}, true
}

// appendJoined appends strings.Join(words, " ") to dst.
func appendJoined(dst []byte, words []string) []byte {
	for k, w := range words {
		if k > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
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
			isAllCaps(c.name) && len([]rune(c.name)) >= 2:
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

func isAllCaps(s string) bool {
	letters := 0
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
		for _, m := range e.Mentions {
			if len(m.Text) < len(e.Name) && countFields(m.Text) == countFields(e.Name) && stemAll(m.Text) == stemAll(e.Name) {
				e.Name = m.Text
			}
		}
	}
}

// countFields returns len(strings.Fields(s)) without allocating.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
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
