package quotes

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/entities"
)

// This file finds reported speech whose clause follows the cue without a
// complementizer: "Peskov said the talks were useful", "Nurse Ines
// Calardin, 54, told reporters the hospital was full".

// bareCues are the speech verbs whose clause may follow them without
// "that". The told forms need an addressee first ("told reporters").
var bareCues = wordSet(`said says told tells added adds insisted insists argued argues
warned warns explained explains stressed stresses noted notes acknowledged acknowledges
admitted admits claimed confirmed confirms announced announces reported
maintained maintains contended contends asserted asserts predicted predicts
emphasized emphasised emphasizes declared declares conceded concedes complained complains
recalled recalls observed observes stated states say cautioned cautions grumbled grumbles
protested wrote writes`, "pointed out")

// clauseCues mostly take a clause, so a clause may show its verb by an
// inflection alone ("said Kelenova owes everyone an explanation"); the
// other bareCues often take a noun phrase ("announced the new sanctions")
// and need an auxiliary or a pronoun or name as the clause's subject.
var clauseCues = wordSet(`said says told tells added adds insisted insists argued argues
claimed maintained maintains contended contends asserted asserts warned warns complained
complains say cautioned cautions grumbled grumbles protested stated states`, "pointed out")

// finiteWords are finite verbs, auxiliaries and modals, that show a
// clause on their own.
var finiteWords = wordSet(`is are was were am has have had will would could should can may
might must shall does did do won't wouldn't couldn't shouldn't can't cannot isn't aren't
wasn't weren't hasn't haven't hadn't doesn't didn't don't needs remains remained seems seemed
appears appeared came went got made took gave began became fell rose grew kept held stood
ran found brought won saw knew meant paid sent spent rang sang sank shrank drank swam lost
led built bought caught taught fought sold met drew flew threw blew wore tore broke spoke
stole froze chose woke drove rode hid struck stuck slept fled shook forgot understood
withdrew overtook arose`)

// subjectPronouns open a clause as its subject.
var subjectPronouns = wordSet(`he she it they we i you there this these those nobody
everybody everyone someone somebody anyone anybody`)

// notClause are the words after a cue that make it no clause ("said so",
// "said nothing", "said goodbye").
var notClause = wordSet(`so nothing little much yes no goodbye hello otherwise more something
anything everything less enough thanks sorry what how why whether if when where who which
farewell hi that`)

// addresseeNouns are the lowercase addressees of "told" ("told reporters").
var addresseeNouns = wordSet(`reporters journalists correspondents lawmakers legislators
members supporters parliament congress voters listeners viewers readers audience crowd
audiences crowds colleagues delegates students workers residents investors analysts
officials senators deputies press media committee conference briefing newspaper paper
radio television station broadcaster channel agency outlet magazine network website
interviewer interviewers hearing panel court jury judge council assembly summit gathering
forum rally meeting session`)

// weekdays and other time words that may follow a cue ("said Monday").
var timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today
yesterday tonight earlier later recently previously separately afterwards afterward`)

// timeNouns follow "last", "this" or "next" in a time phrase.
var timeNouns = wordSet(`week month year morning afternoon evening night weekend summer
winter spring autumn fall`)

// subordinators open a clause that a bare cue may stand in without
// being the sentence's main clause ("When Peskov said the talks were
// useful, markets rose").
var subordinators = wordSet(`when if after before because although though while since as
until unless whether once whenever`)

// bareSpeaker reports whether mention sp is the subject of cue j in the
// sentence's main clause, as a bare clause after j needs: right before
// the cue or set off by an apposition, and not in a clause opened by
// "as", "when" or "who".
func (r *reader) bareSpeaker(j, sp, from int) bool {
	d := r.d
	s := r.spks[sp]
	if s.tok1 > j || j-s.tok1 > 3 && !strings.Contains(gap(d, s.tok1-1), ",") || j-s.tok1 > 12 || relatives[d.Tokens[s.tok0].Term] {
		return false
	}
	// "When Peskov said …, markets rose"; not "After the call, Peskov said"
	for k := s.tok0; k >= from; k-- {
		if k < s.tok0 && strings.Contains(gap(d, k), ",") {
			break
		}
		if bareClass[d.Tokens[k].Term]&bSubordinator != 0 && !r.toks[k].quoted {
			return false
		}
	}
	if s.tok0 == from {
		return true
	}
	t := d.Tokens[s.tok0-1].Term
	return !relatives[t] && t != "what" // "what Obama says and promises"
}

// clauseAfter returns the first token of the clause that follows cue j
// without a complementizer, in the sentence [from, to), or -1 when there
// is none: the cue must be followed by its addressee ("told reporters"),
// at most a short time or setting phrase, and a clause with a subject
// and a finite verb that runs to the sentence's end, which is no
// question.
func (r *reader) clauseAfter(j, w, to int) int {
	d := r.d
	term := r.cueKey(j, w)
	if !bareCues[term] || j+w+2 >= to || gap(d, j+w-1) != " " || r.toks[j+w].quoted {
		return -1
	}
	if end := d.Tokens[to-1].End; end < len(d.Text) && d.Text[end] == '?' {
		return -1
	}
	c := j + w
	if addressees[term] {
		if c = r.addressee(c, to); c < 0 {
			return -1
		}
	}
	if c >= to || gap(d, c-1) != " " {
		return -1
	}
	c = r.skipSetting(c, to)
	if c < 0 || to-c < 3 {
		return -1
	}
	if !r.clauseAt(c, to, clauseCues[term]) {
		return -1
	}
	return c
}

// Word classes of the words a bare clause is read by, as bits of
// bareClass, so that one lookup per token finds them all.
const (
	bFinite = 1 << iota
	bRelative
	bNotClause
	bSubjectPronoun
	bSubordinator
	bPreposition
)

var bareClass = func() map[string]uint8 {
	m := make(map[string]uint8)
	for _, c := range []struct {
		set map[string]bool
		bit uint8
	}{{finiteWords, bFinite}, {relatives, bRelative}, {wordSet("whose whom"), bRelative}, {notClause, bNotClause},
		{subjectPronouns, bSubjectPronoun}, {subordinators, bSubordinator}, {prepositions, bPreposition}} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()

// addressee returns the token after the addressee of "told" starting at
// token c ("reporters", "the BBC", "him", "Reuters", "a news conference"),
// or -1.
func (r *reader) addressee(c, to int) int {
	d := r.d
	if c >= to {
		return -1
	}
	t := d.Tokens[c].Term
	if _, ok := objectPronouns[t]; ok || t == "them" || t == "us" || t == "me" {
		return c + 1
	}
	if addresseeNouns[t] {
		return c + 1
	}
	if sp := r.at(c); sp >= 0 && r.spks[sp].tok0 == c && r.spks[sp].pronoun == "" {
		return r.spks[sp].tok1
	}
	k := c
	if determinerLike(t) {
		k++
	}
	// "the BBC", "Russian state television", "a news conference"
	for n := 0; k < to && n < 4 && gap(d, k-1) == " "; n++ {
		if addresseeNouns[d.Tokens[k].Term] {
			return k + 1
		}
		if !d.Capitalized(k) || !isAlpha(d.Tokens[k].Term) {
			if n == 0 && k > c {
				return -1
			}
			break
		}
		k++
	}
	if k > c && d.Capitalized(k-1) {
		return k
	}
	return -1
}

// skipSetting returns the token after the short time or setting phrases
// starting at token c that may stand between a cue and its clause ("on Monday", "Tuesday", "in
// a statement", "in an interview with CNN"), or c when there is none, or
// -1 when a phrase runs to the sentence's end.
func (r *reader) skipSetting(c, to int) int {
	d := r.d
	for n := 0; n < 2 && c < to; n++ {
		if n > 0 && gap(d, c-1) != " " {
			return -1
		}
		t := d.Tokens[c].Term
		switch {
		case timeWords[t]:
			c++
		case (t == "last" || t == "this" || t == "next") && c+1 < to && (timeNouns[d.Tokens[c+1].Term] || timeWords[d.Tokens[c+1].Term]):
			c += 2 // "last week"; not "this was …"
		case t == "on" || t == "in" || t == "at" || t == "during" || t == "after" || t == "late" || t == "early":
			k := r.settingEnd(c+1, to)
			if k < 0 {
				return -1
			}
			c = k
		default:
			return c
		}
	}
	return c
}

// settingEnd returns the token after the object of a setting
// preposition starting at token k: a time word, a month or a weekday, or a
// determiner and one or two words naming where speech happens ("a
// statement", "an interview with CNN"); -1 otherwise.
func (r *reader) settingEnd(k, to int) int {
	d := r.d
	if k >= to {
		return -1
	}
	t := d.Tokens[k].Term
	if timeWords[t] || months[t] {
		return k + 1
	}
	if !determinerLike(t) {
		return -1
	}
	for e := k + 1; e < to && e <= k+3; e++ {
		if settingNouns[d.Tokens[e].Term] {
			// "… with CNN", "… on Fox News": the outlet named after it
			if e+2 < to && (d.Tokens[e+1].Term == "with" || d.Tokens[e+1].Term == "on" || d.Tokens[e+1].Term == "to") {
				if sp := r.at(e + 2); sp >= 0 && r.spks[sp].tok0 == e+2 {
					return r.spks[sp].tok1
				}
				if d.Capitalized(e + 2) {
					f := e + 2
					for f < to && d.Capitalized(f) && gap(d, f-1) == " " {
						f++
					}
					return f
				}
			}
			return e + 1
		}
		if d.Capitalized(e) || !isAlpha(d.Tokens[e].Term) {
			break
		}
	}
	return -1
}

// settingNouns name where or how somebody spoke.
var settingNouns = wordSet(`statement interview briefing conference speech post tweet video
address meeting call email letter release hearing session appearance event rally broadcast
podcast message report summit forum`)

// months name the months, lower-cased.
var months = wordSet(`january february march april may june july august september october
november december`)

// clauseAt reports whether tokens [c, to) read as a clause: a subject
// first — a pronoun, a name, a determiner or a plain word before a
// finite verb — and a finite verb after it. weak lets a verb show by its
// inflection alone ("Kelenova owes", "the talks ended").
func (r *reader) clauseAt(c, to int, weak bool) bool {
	d := r.d
	// "nearly 4,200 people had …", "more than 30 had …": the number
	if n := approximator(d, c, to); n > c && n < to && isNumber(d.Tokens[n].Term) {
		c = n
	}
	t := d.Tokens[c].Term
	tc := bareClass[t]
	if t == "no" && c+1 < to && d.Tokens[c+1].Term == "one" {
		tc = 0 // "no one had come", not "said no"
	}
	if tc&(bNotClause|bPreposition) != 0 || tc&bSubordinator != 0 && t != "as" || !isAlpha(t) && !isNumber(t) {
		return false
	}
	if pronounOf(t) != "" && strings.ContainsAny(t, "'’") {
		return true // contracted subjects: "he's", "they're"
	}
	strongSubject := false
	switch {
	case tc&bSubjectPronoun != 0:
		strongSubject = t != "this" && t != "these" && t != "those"
	case t == "no":
		strongSubject = true // "no one"
	case r.at(c) >= 0 && r.spks[r.at(c)].named:
		strongSubject = true
	case d.Capitalized(c) || determinerLike(t) || isNumber(t):
	default:
		// a plain word must be followed closely by a finite verb ("prices
		// would rise", "rents nearby had risen"), or at once by an
		// inflected one after a cue that takes a clause ("offices opened")
		for k := c + 1; k < to && k <= c+3 && gap(d, k-1) == " "; k++ {
			w := d.Tokens[k].Term
			if bareClass[w]&bFinite != 0 || strings.HasSuffix(w, "n't") || weak && k == c+1 && inflected(w) && r.cueAt(k) == 0 {
				return true
			}
		}
		// after a cue that takes a clause, a plain noun and a phrase
		// under a preposition before the auxiliary ("trust in the
		// council was gone")
		if weak && c+2 < to && gap(d, c) == " " && bareClass[d.Tokens[c+1].Term]&bPreposition != 0 {
			for k := c + 2; k < to && k <= c+8 && gap(d, k-1) == " " && !r.toks[k].quoted; k++ {
				wc := bareClass[d.Tokens[k].Term]
				if wc&bFinite != 0 {
					return true
				}
				if wc&bRelative != 0 || r.cueAt(k) > 0 {
					break
				}
			}
		}
		return false
	}
	// a cue that mostly takes a noun phrase ("noted the gap between the
	// way the two men are treated") needs its auxiliary soon, with no
	// preposition before it
	np := !weak
	weak = weak || strongSubject
	for k := c + 1; k < to && k <= c+12; k++ {
		if r.toks[k].quoted {
			return false
		}
		if g := gap(d, k-1); g != " " && strings.Contains(g, ",") && g != "," {
			return false // the subject runs into a parenthetical: unsure
		}
		w := d.Tokens[k].Term
		wc := bareClass[w]
		if wc&bRelative != 0 {
			return false // "the need for an approach that would …": a noun phrase
		}
		if wc&bFinite != 0 || strings.HasSuffix(w, "n't") {
			return !np || strongSubject || k <= c+6
		}
		if np && !strongSubject && wc&bPreposition != 0 {
			return false
		}
		// a verb known by its inflection ends a short subject ("Kelenova
		// owes", "the hospital closed", "7% of people here blamed"), not
		// "the prize for exceeding expectations"
		if weak && (k <= c+3 || k <= c+6 && strings.HasSuffix(w, "ed")) && inflected(w) && !d.Capitalized(k) {
			prev := d.Tokens[k-1].Term
			modifier := modifierLike(prev) && !(prev == "us" && !d.Capitalized(k-1)) // "of us blamed", not "US officials"
			if !determinerLike(prev) && bareClass[prev]&bPreposition == 0 && !modifier && prev != "and" && prev != "or" &&
				!strings.HasSuffix(prev, "ing") && r.cueAt(k) == 0 {
				return true
			}
		}
	}
	return false
}

// inflected reports whether w looks like a verb in the past or the third
// person ("owes", "ended"), not a plural of "-ss" or "-us" nouns.
func inflected(w string) bool {
	if len(w) < 4 || !isAlpha(w) {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ed"):
		return true
	case strings.HasSuffix(w, "s"):
		return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ics")
	}
	return false
}

// isNumber reports whether s is written in digits.
func isNumber(s string) bool {
	for _, c := range s {
		if !unicode.IsDigit(c) && c != '.' && c != ',' {
			return false
		}
	}
	return s != ""
}

// asClause returns the speaker and the first token of the main clause
// after a sentence opening "As X said," or "Как заявил X," ("As Peskov
// said, the talks were useful"), which reports what X said, or -1, -1.
func (r *reader) asClause(j, from, to int) (int, int) {
	d := r.d
	lead := d.Tokens[from].Term
	if lead != "as" && lead != "как" || !strings.Contains(gap(d, j), ",") || strings.ContainsAny(gap(d, j), ".;:!?—–-") || r.toks[j+1].quoted {
		return -1, -1
	}
	if end := d.Tokens[to-1].End; end < len(d.Text) && d.Text[end] == '?' {
		return -1, -1
	}
	// the speaker right after "As", or after a role ("Как заявила глава
	// комиссии Марина Зайцова"), then the cue or an apposition
	sp := -1
	if s := r.at(from); s >= 0 && r.spks[s].named && r.spks[s].tok0 == from && r.spks[s].tok1 > from+1 {
		// a name whose span took in the capitalised "As": the name alone
		c := r.spks[s]
		c.tok0, c.start = from+1, d.Tokens[from+1].Start
		r.spks = append(r.spks, c)
		sp = len(r.spks) - 1
	}
	for k := from + 1; sp < 0 && k < j && k <= from+4; k++ {
		if s := r.at(k); s >= 0 && r.spks[s].tok0 == k && r.spks[s].named {
			sp = s
			break
		}
		if s := r.at(k); s >= 0 && r.spks[s].role {
			continue // a role before the name
		}
		if d.Capitalized(k) || !isAlpha(d.Tokens[k].Term) || gap(d, k-1) != " " {
			return -1, -1
		}
	}
	if sp < 0 {
		return -1, -1
	}
	if e := r.spks[sp].tok1; e != j && !strings.Contains(gap(d, e-1), ",") {
		return -1, -1 // "As Peskov and Lavrov met, …": not the cue's subject
	}
	c := j + 1
	if to-c < 3 || lead == "as" && !r.clauseAt(c, to, true) {
		return -1, -1
	}
	return sp, c
}

// kakClause returns the speaker and the first token of the main clause
// after a sentence opening "Как заявил X," with the cue at token j before
// its speaker ("Как сообщил Дэниел Селман, 34, по мосту …"), or -1, -1.
func (r *reader) kakClause(j, to int) (int, int) {
	d := r.d
	sp, c := r.kakSpeaker(j, to)
	if sp < 0 || c >= to || !strings.Contains(gap(d, c-1), ",") {
		return -1, -1
	}
	if isNumber(d.Tokens[c].Term) && strings.Contains(gap(d, c), ",") {
		c++ // the speaker's age
	}
	if to-c < 2 || r.toks[c].quoted {
		return -1, -1 // "…, пострадавших нет" is a clause
	}
	return sp, c
}

// kakSpeaker returns the speaker named after the cue at token j, behind
// at most a role in lower case ("сообщил депутат горсовета Виктор
// Милеруэлл"), and the token after it, or -1, -1.
func (r *reader) kakSpeaker(j, to int) (int, int) {
	d := r.d
	sp := -1
	for k := j + 1; k < to && k <= j+4; k++ {
		if s := r.at(k); s >= 0 && r.spks[s].tok0 == k && r.spks[s].named {
			sp = s
			break
		}
		if d.Capitalized(k) || !isAlpha(d.Tokens[k].Term) || gap(d, k-1) != " " {
			return -1, -1
		}
	}
	if sp < 0 {
		return -1, -1
	}
	c := r.spks[sp].tok1
	if c < to && gap(d, c-1) == " " {
		// a name the recogniser split at an initial ("Клара И.
		// Холерберг"): one speaker over both mentions
		if n := r.at(c); n >= 0 && r.spks[n].named && r.spks[n].tok0 == c {
			m := r.spks[sp]
			m.tok1, m.end, m.entity = r.spks[n].tok1, r.spks[n].end, -1
			m.name = d.Slice(m.start, m.end)
			r.spks = append(r.spks, m)
			sp, c = len(r.spks)-1, m.tok1
		}
	}
	return sp, c
}

// approximator returns the token after the words at token c that qualify
// a number ("nearly", "more than", "close to"), or c.
func approximator(d *entities.Doc, c, to int) int {
	t := d.Tokens[c].Term
	next := ""
	if c+1 < to && gap(d, c) == " " {
		next = d.Tokens[c+1].Term
	}
	switch {
	case t == "nearly" || t == "almost" || t == "about" || t == "around" || t == "roughly" || t == "some" || t == "over" ||
		t == "approximately" || t == "only" || t == "just" || t == "почти" || t == "около" || t == "более" || t == "свыше":
		return c + 1
	case (t == "more" || t == "fewer" || t == "less") && next == "than", (t == "close" || t == "up") && next == "to", t == "at" && next == "least":
		return c + 2
	}
	return c
}
