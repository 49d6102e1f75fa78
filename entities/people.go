package entities

import "strings"

// Evidence that a capitalised run names a person, beyond titles and given
// names: the job written before it ("running back Reggie Bush", "тренер
// Леонид Слуцкий"), a verb whose object is a person ("police shot Kimani
// Gray"), an age in apposition ("Kimani Gray, 16,") and initials before a
// surname ("В. Путин", "С. К. Шойгу").

// occupations are jobs and sports positions written before a person's
// name. Unlike titles they are not part of the name; capitalised at the
// front of a run ("Quarterback Peyton Manning") they are taken off it.
var occupations = set(`actor actress singer rapper musician guitarist drummer songwriter
composer author writer novelist poet journalist reporter columnist photographer filmmaker
producer comedian dancer model star designer chef artist painter sculptor architect
coach quarterback linebacker cornerback receiver halfback fullback safety kicker punter
guard forward center striker midfielder defender goalkeeper goalie pitcher catcher
shortstop outfielder infielder batsman bowler boxer fighter wrestler champion challenger
contender swimmer sprinter runner cyclist skier skater golfer jockey driver racer
teammate rookie veteran captain owner founder ceo executive businessman businesswoman
entrepreneur investor banker economist scientist researcher physicist astronaut doctor
surgeon nurse lawyer attorney prosecutor detective suspect victim defendant witness
gunman shooter teen teenager student activist blogger preacher leader
актер актриса певец певица музыкант писатель поэт журналист режиссер продюсер художник
тренер нападающий защитник полузащитник вратарь игрок форвард боксер чемпион бизнесмен
предприниматель блогер активист адвокат следователь`)

// occupationModifiers must stand before these heads for them to name a
// job ("running back", "defensive end"): alone they are common words.
// occupationBefore lists the heads again.
var occupationModifiers = map[string]*wordSet{
	"back": set(`running`),
	"end":  set(`defensive tight`),
	"old":  set(`year`), // "16 - year - old", as some sources space hyphens
}

// occupationBefore reports whether token i, in lower case and joined by a
// space to the run c after it, names a job, or (before a name of two
// words at least) an age: "16-year-old Kimani Gray", not "a 16-year-old
// Brooklyn teen".
func occupationBefore(d *Doc, i int, c *cand) bool {
	if d.Capitalized(i) || !gapIs(d, i, " ") {
		return false
	}
	spaced := func(k int) bool { return gapIs(d, k, " ") || gapIs(d, k, " - ") || gapIs(d, k, "-") }
	t := d.Tokens[i].Term
	if d.lex(i)&(inOccupations|inRoleHeads) != 0 {
		return true
	}
	if strings.HasSuffix(t, "year-old") || t == "old" {
		if c.tok1-c.tok0 < 2 {
			return false
		}
		if t != "old" {
			return true
		}
	}
	switch t {
	case "back", "end", "old": // occupationModifiers' heads, without hashing most words
	default:
		return false
	}
	mods, ok := occupationModifiers[t]
	return ok && i > 0 && mods.has(d.Tokens[i-1].Term) && spaced(i-1)
}

// personObjectVerbs take a person as object, so that a name of two or
// three words right after one is a person's.
var personObjectVerbs = set(`hired fired signed re-signed traded drafted waived shot killed
murdered stabbed wounded arrested detained charged indicted questioned interviewed sentenced
convicted acquitted accused sued married divorced kidnapped abducted identified named
replaced succeeded appointed elected nominated endorsed praised criticized criticised
thanked said says told
арестовал арестовали задержал задержали назначил назначили уволил уволили`)

// objectOfPersonVerb reports whether c stands right after a lower-case
// verb that takes a person as object.
func objectOfPersonVerb(d *Doc, c *cand) bool {
	n := c.tok1 - c.tok0
	if n < 2 || n > 3 || c.tok0 == 0 {
		return false
	}
	v := c.tok0 - 1
	return !d.Capitalized(v) && d.lex(v)&inPersonObjectVerbs != 0 && gapIs(d, v, " ")
}

// ageFollows reports whether c is followed by an age in apposition:
// "Kimani Gray, 16, was shot".
func ageFollows(d *Doc, c *cand) bool {
	k := c.tok1
	if k+1 >= len(d.Tokens) || c.end != d.Tokens[k-1].End || !gapIs(d, k-1, ", ") {
		return false
	}
	// the age first, which most runs before a comma lack, then the
	// words of the run, looked up
	age, ok := smallNumber(d.Tokens[k].Term)
	if !ok || age < 1 || age > 115 {
		return false
	}
	if after := d.Tokens[k].End; after >= len(d.Text) || d.Text[after] != ',' && d.Text[after] != ')' {
		return false
	}
	for t := c.tok0; t < c.tok1; t++ {
		if d.lex(t)&inConnectors != 0 {
			return false // "Athens of Alexandros Grigoropoulos": a run of two names
		}
	}
	return true
}

// smallNumber parses a term of one to three digits.
func smallNumber(term string) (int, bool) {
	if len(term) == 0 || len(term) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(term); i++ {
		if term[i] < '0' || term[i] > '9' {
			return 0, false
		}
		n = n*10 + int(term[i]-'0')
	}
	return n, true
}

// isInitial reports whether token i is a capital initial before a name:
// one letter, then ". " and a capitalised word ("В. Путин", "J. Smith").
// The letters of an abbreviation ("U.S.") and the pronoun I are not.
func isInitial(d *Doc, i int) bool {
	// one letter first, which turns away nearly every token asked
	// about, without a call
	t := &d.Tokens[i]
	return t.End-t.Start == 1 && initialAt(d, i)
}

// initialAt is isInitial for a token of one letter.
func initialAt(d *Doc, i int) bool {
	t := d.Tokens[i]
	if i+1 >= len(d.Tokens) || !isUpper(d.Text[t.Start]) || d.Text[t.Start] == 'I' {
		return false
	}
	if !gapIs(d, i, ". ") || !d.Capitalized(i+1) {
		return false
	}
	return !abbreviationLetter(d, i)
}

// abbreviationLetter reports whether the one-letter token i follows
// another letter and a full stop with no space ("U.S.": the S).
func abbreviationLetter(d *Doc, i int) bool {
	if i == 0 {
		return false
	}
	p := d.Tokens[i-1]
	return p.End-p.Start == 1 && spanIs(d, p.End, d.Tokens[i].Start, ".")
}

// initialsName reports whether c is initials and a surname: "С. К.
// Шойгу", "J. Smith".
func initialsName(d *Doc, c *cand) bool {
	if c.tok1-c.tok0 < 2 || c.tok1-c.tok0 > 3 {
		return false
	}
	for k := c.tok0; k < c.tok1-1; k++ {
		if !isInitial(d, k) {
			return false
		}
	}
	last := d.Tokens[c.tok1-1]
	return last.End-last.Start >= 2 && !isAllCaps(d.Word(c.tok1-1))
}

// initialStarts reports whether the initial at token j opens a name of
// its own rather than continuing the run before it: Russian initials
// come first ("Президент России В. Путин"), and an acronym or a place
// does not take a middle initial ("глава МИД С. Лавров").
func initialStarts(d *Doc, j int) bool {
	if j == 0 || !isInitial(d, j) {
		return false
	}
	prev := d.Tokens[j-1].Term
	if r := d.Text[d.Tokens[j].Start]; r >= 0x400 && r <= 0x4ff {
		return !isInitial(d, j-1)
	}
	return isAllCaps(d.Word(j-1)) || d.lex(j-1)&inPlaces != 0 || places.has(stem(prev))
}
