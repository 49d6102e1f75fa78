package entities

// Candidate names: the capitalised runs of an article's words that may
// name someone or something, less the words capitalised only because they
// open a sentence, and each run's lower-case name and keys.

import (
	"slices"
	"strings"
)

// lowerTerms returns, of the terms that a capitalised word opening a
// sentence has (less "'s"), those the article also writes in lower case:
// there capitalisation says nothing, and such a word is a common word.
// Reading every token's term for that, it also lists in w.roleAt the
// tokens whose term is a role head, for roles.
func lowerTerms(d *Doc, w *work) *lowerSet {
	var lower *lowerSet
	// asked passes the terms of lower and the role heads, so that the
	// loop over every token below turns most away with one test
	asked := roleHeads.filter
	w.surnames = w.surnames[:0]
	for _, k := range w.capAt {
		i, t := int(k), d.Tokens[k]
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
	if lower != nil {
		lower.seen = resized(lower.seen, len(lower.index.keys))
	}
	roleAt := w.roleAt[:0]
	toks := d.Tokens
	for i := range toks {
		term := toks[i].Term
		// asked turns away nearly every token, and predictably, before
		// the tests of its list and its capital, which follow the text
		if !asked.May(term) {
			continue
		}
		if roleHeads.filter.May(term) && d.lex(i)&inRoleHeads != 0 {
			roleAt = append(roleAt, int32(i))
		}
		if lower == nil || d.Capitalized(i) || !isLetter(d.Text[toks[i].Start]) {
			continue
		}
		if id := lower.index.find(term); id >= 0 {
			lower.seen[id] = true
		}
	}
	w.roleAt = roleAt
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
	switch g := d.Text[a.End:b.Start]; {
	case len(g) == 1 && g[0] == ' ':
		return true
	case len(g) == 2 && g[0] == '.' && g[1] == ' ':
		return a.End-a.Start == 1 || d.lex(i)&(inTitles|inAbbreviations) != 0
	}
	return false
}

func findRuns(d *Doc, lower *lowerSet, w *work) []*cand {
	out := w.cands[:0]
	n := len(d.Tokens)
	next := 0 // the first token after the last run
	for _, k := range w.capAt {
		i := int(k)
		if i < next || !candidate(d, i, lower) {
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
		// the candidate is made in place, in the array it stays in
		if len(out) == cap(out) {
			out = append(out, cand{})[:len(out)]
		}
		if makeCand(d, i, j, w, &out[:len(out)+1][len(out)]) {
			out = out[:len(out)+1]
		}
		next = j
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

// makeCand strips titles and demonyms from the front of the run [i, j)
// and, when a candidate remains, sets *c to it and reports true.
// The lower-case name and key of a name of several words, and a name
// whose words are not spaced as written, are written to w.joined, for
// findRuns to set.
func makeCand(d *Doc, i, j int, w *work, c *cand) bool {
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
		if j-i > 1 && isDemonym(term) {
			i++
			continue
		}
		break
	}
	if j-i == 1 && d.Tokens[i].End-d.Tokens[i].Start == 1 {
		return false // a lone initial ("U.S." splits into U and S)
	}
	if j-i == 1 && (d.Tokens[i].Term == "republicans" || d.Tokens[i].Term == "democrats") {
		titled = false // party members, kept as the party's voice
	} else if j-i == 1 && (isDemonym(d.Tokens[i].Term) || d.lex(i)&inTitles != 0 && !honorific) {
		// "Mr. King" is a name; "President" alone is not
		return false
	}
	if j-i == 1 {
		return makeWord(d, i, titled, c)
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
		} else if !spanIs(d, d.Tokens[k].End, d.Tokens[k+1].Start, " ") {
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
	*c = cand{
		tok0: i, tok1: j, start: d.Tokens[i].Start, end: end,
		name: name, lname: lname, key: key,
		last: keys[len(keys)-1], titled: titled, joined: joined,
	}
	return true
}

// makeWord is makeCand's end for a name of one word, token i: its word,
// less "'s", is its name, lowered its lower-case name, stemmed its key,
// with nothing joined.
func makeWord(d *Doc, i int, titled bool, c *cand) bool {
	t := &d.Tokens[i]
	end := t.End
	w := d.Word(i)
	if cut := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"); cut != w {
		end -= 2
		w = cut
	}
	lw := lowerAs(w, t.Term)
	key := stem(lw)
	*c = cand{
		tok0: i, tok1: i + 1, start: t.Start, end: end,
		name: w, lname: lw, key: key, last: key, titled: titled,
	}
	return true
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
