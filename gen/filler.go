package gen

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Long articles go on with reactions around the event: residents and
// officials, each named ("Nurse Ines Calardin, 54, said …"), saying
// something short about it. A name and an age (or an initial) are words
// no other article shares, and the words between two of them are fewer
// than a copy detector's shortest passage, so that two articles share a
// reaction only by rare chance and never a long run of words. The short
// clauses take many alternatives and the event's numbers, dates and
// people.

// fillerParts is one language's parts: who a speaker is, how they said
// it, and what.
type fillerParts struct {
	resident, official, says, what []string
	// speech is how many of says, from the first, report speech; the
	// others (believes, fears) report opinions, which are not quotes.
	speech int
}

var fillerEN = fillerParts{
	resident: []string{"a shopkeeper", "a cabbie", "a teacher", "a nurse", "a student", "a pensioner",
		"a builder", "a restaurateur", "a driver", "a parent", "a grandparent", "a dockworker",
		"a baker", "a courier", "an electrician", "a hairdresser", "a pharmacist", "a plumber"},
	official: []string{"a councillor", "an MP", "an aide", "a spokesperson", "an adviser",
		"a unionist", "an officer", "an engineer", "a regulator", "an inspector"},
	says:   []string{"said", "[warned|complained|argued]", "[insisted|added]", "believes", "[thinks|fears]"},
	speech: 3,
	what: []string{
		"{N1} [families|households] still had no [answers|news]",
		"the [bill|cost] could [top|reach] {N4} million crowns",
		"the next {N1} days [were crucial|would tell]",
		"{N2} people had [signed|backed] a petition",
		"{S1} [owed|owes] everyone an explanation",
		"shops had lost {N3}% of their [trade|takings]",
		"the hotline had [logged|taken] {N2} calls",
		"buses were running {N1} minutes [late|behind]",
		"{S2} had promised answers by {M}",
		"{N1} [meetings|hearings] were [planned|due] this month",
		"the figure of {N2} was [too low|an underestimate]",
		"[schools|offices] [stayed open|opened as usual] {D}",
		"the aid promised on {M} never came",
		"{S3} could still [sort it out|fix this]",
		"insurers had [logged|received] {N1}0 claims",
		"{N3}% of [neighbours|people here] blamed {S1}",
		"volunteers had fed {N1}0 people {D}",
		"the council [should|must] meet before {M}",
		"{S0} and {S1} were not [talking|speaking]",
		"rents nearby had [risen|gone up] {N3}%",
		"{N2} people had [turned up|come] {D}",
		"tempers had [cooled|calmed] since {M}",
		"nobody had slept [much|well] since {M}",
		"it would take {N1} months to recover",
		"the {O} had [let people down|failed everyone]",
		"{N1} neighbours had already [moved away|left]",
		"prices had [doubled|jumped] in {N1} weeks",
		"[everyone|people] had [known|expected] this since {M}",
	},
}

var fillerRU = fillerParts{
	resident: []string{"продавец", "водитель", "учитель", "врач", "инженер", "владелец кафе", "почтальон", "парикмахер", "электрик"},
	official: []string{"депутат горсовета", "сотрудник мэрии", "помощник {S2}", "представитель профсоюза", "полицейский"},
	says:     []string{"говорит", "[жалуется|признаёт]", "уверяет", "[замечает|отмечает]", "считает", "опасается"},
	speech:   4,
	what: []string{
		"{N1} семей до сих пор [без ответов|ждут новостей]",
		"ущерб может [составить|превысить] {N4} млн крон",
		"[петицию|обращение] подписали {N2} человек",
		"горячая линия приняла {N2} звонков",
		"местный бизнес потерял {N3}% выручки",
		"{S1} [обещал|обещала] ответить до {M}",
		"[проблемы|жалобы] копились [годами|давно]",
		"цифра {N2} [занижена|ещё вырастет]",
		"обещанные {M} деньги так и не пришли",
		"{N3}% соседей [винят|обвиняют] власти",
		"[чай|продукты] раздали {N1}0 людям",
		"аренда [подорожала|выросла] на {N3}%",
		"за {N1} недель цены [удвоились|выросли]",
		"с {M} никто [толком|нормально] не спит",
	},
}

// cfiller is fillerParts compiled.
type cfiller struct {
	resident, official, says, what []tmpl
	speech                         int
}

func compileFiller(p fillerParts) cfiller {
	return cfiller{resident: compileAll(p.resident), official: compileAll(p.official), says: compileAll(p.says), what: compileAll(p.what), speech: p.speech}
}

// appendFiller appends one reaction. used records the clauses an article
// has already used, so that it does not say them twice while it has
// others left.
func (f *cfiller) appendFiller(b []byte, v *[nSlots]string, r *rng, used *uint64, ru bool) []byte {
	official := r.chance(0.35)
	say := r.intn(len(f.says))
	// who they are first, as a title ("Shopkeeper Ines Calardin, 54,
	// said …"), so that the words from the name to the end are few
	role := len(b)
	if official {
		b = f.official[r.intn(len(f.official))].appendTo(b, v, r)
	} else {
		b = f.resident[r.intn(len(f.resident))].appendTo(b, v, r)
	}
	for _, art := range []string{"a ", "an "} {
		if len(b)-role > len(art) && string(b[role:role+len(art)]) == art {
			b = append(b[:role], b[role+len(art):]...)
			break
		}
	}
	if c, n := utf8.DecodeRune(b[role:]); unicode.IsLower(c) {
		var enc [4]byte
		if m := utf8.EncodeRune(enc[:], unicode.ToUpper(c)); m == n {
			copy(b[role:], enc[:m])
		}
	}
	b = append(b, ' ')
	speaker := len(b)
	b = appendName(b, r, ru, official, r.chance(0.5))
	if say < f.speech {
		b[speaker] = speakerOpen
	}
	if !official {
		// the age is as much the speaker's own as the name
		b = strconv.AppendInt(append(b[:len(b)-1], ", "...), int64(19+r.intn(70)), 10)
		b = append(b, nameClose, ',')
	}
	b = append(b, ' ')
	b = f.says[say].appendTo(b, v, r)
	if ru {
		b = append(b, ", что"...)
	}
	if say >= f.speech {
		b = append(b, ' ')
		b = f.what[pickUnused(r, len(f.what), used)].appendTo(b, v, r)
		return append(b, '.')
	}
	b = append(b, ' ', quoteOpen)
	b = f.what[pickUnused(r, len(f.what), used)].appendTo(b, v, r)
	return append(b, quoteClose, '.')
}

// appendAged appends a source's name with an initial and age, and a
// comma ("Ines K. Calardin, 54,"): four words no other article has in
// that place, so that two sources who share a first name still differ in
// three running. speaker marks it as the speaker of a statement.
func appendAged(b []byte, r *rng, ru, female, speaker bool) []byte {
	at := len(b)
	b = appendName(b, r, ru, true, female)
	b = strconv.AppendInt(append(b[:len(b)-1], ", "...), int64(24+r.intn(60)), 10)
	b = append(b, nameClose, ',')
	if speaker {
		b[at] = speakerOpen
	}
	return b
}

// appendSpeaker appends a name as appendName does, marked as the speaker
// of a statement the article reports (see quoteOpen).
func appendSpeaker(b []byte, r *rng, ru, initial, female bool) []byte {
	at := len(b)
	b = appendName(b, r, ru, initial, female)
	b[at] = speakerOpen
	return b
}

// appendName appends an invented person's name; officials get an
// initial ("Ines K. Calardin"), a word no other article shares.
func appendName(b []byte, r *rng, ru, initial, female bool) []byte {
	first := firstM
	if female {
		first = firstF
	}
	fn := first[r.intn(len(first))]
	s1, s2, s3 := syllStart[r.intn(len(syllStart))], lowerTail(syllMid[r.intn(len(syllMid))]), lastEnd[r.intn(len(lastEnd))]
	name, last := fn.en, [3]string{s1.en, s2.en, s3.en}
	if ru {
		name, last = fn.ru, [3]string{s1.ru, s2.ru, s3.ru}
	}
	b = append(b, nameOpen)
	b = append(b, name...)
	b = append(b, ' ')
	if initial {
		if ru {
			i := r.intn(len(initialsRU) / 2)
			b = append(b, initialsRU[2*i:2*i+2]...)
		} else {
			b = append(b, byte('A'+r.intn(26)))
		}
		b = append(b, ". "...)
	}
	return append(append(append(append(b, last[0]...), last[1]...), last[2]...), nameClose)
}

// attribPre are the ways a source goes before a sentence.
var attribPre = [][2]string{{"According to ", " "}, {"As ", " said, "}, {"", " said "}, {"As ", " confirmed, "}, {"", " told reporters "}}

// commonStart holds sentence-initial words that are not names, so that a
// sentence starting with one may follow "According to …, " in lower case.
var commonStart = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An At About More Most Both Police Officers Traffic Divers Lorries Trucks Heavy
		Officials Authorities Local Consumer Prices Inflation Markets Traders Investors Government Cabinet Shares
		Stock Customers Buyers Carmakers Unions Union Steelworkers Schools Gyms School Forecasters Meteorologists Each Residents
		No Nobody There Prosecutors Managers Shipping Warehouse Exporters Every It Some Around Roughly Over Upwards
		Economists Much Floodwater Water Fishing Spoiled Voters Electors Talks Borrowing Loan Mortgage Part Corroded
		Families Cars Two Several Many Rescuers Emergency Lifeboat Firefighters Fire Workers Dockers Staff Employees
		Negotiations Ballots Votes Papers Without Insurers Boat Crews Lifeboats Bridges Inspectors`) {
		commonStart[w] = true
	}
}

// attribute gives the sentence that ends d.buf at from a named source,
// most often in front ("According to Ines K. Calardin, police closed …")
// and otherwise at its end ("…, Ines K. Calardin, a councillor, said."):
// most facts in real reports are attributed, and the name sets the
// sentence apart from every other article's at both ends.
func (f *cfiller) attribute(d *doc, from int, v *[nSlots]string, r *rng, ru bool) {
	b := d.buf
	if len(b) <= from || b[len(b)-1] != '.' || !r.chance(0.95) {
		return
	}
	female := r.chance(0.5)
	if ru {
		if r.chance(0.5) {
			// "Как сообщил Инес К. Каларвик, полиция перекрыла …"
			d.tail = append(d.tail[:0], b[from:]...)
			b = append(b[:from], "Как сообщил"...)
			if female {
				b = append(b, "а"...)
			}
			b = append(b, ' ')
			b = appendAged(b, r, true, female, true)
			b = append(b, ' ', quoteOpen)
			first := len(b)
			b = append(b, d.tail[:len(d.tail)-1]...)
			b = append(b, quoteClose, '.')
			if rr, n := utf8.DecodeRune(b[first:]); unicode.IsUpper(rr) && n > 1 {
				var enc [4]byte
				m := utf8.EncodeRune(enc[:], unicode.ToLower(rr))
				if m == n {
					copy(b[first:], enc[:m])
				}
			}
			d.buf = b
			return
		}
		d.tail = append(d.tail[:0], b[from:len(b)-1]...)
		b = append(append(append(b[:from], quoteOpen), d.tail...), quoteClose, '.')
		b = append(b, " Об этом сообщил"...)
		if female {
			b = append(b, "а"...)
		}
		b = append(b, ' ')
		b = f.official[r.intn(len(f.official))].appendTo(b, v, r)
		b = append(b, ' ')
		b = appendSpeaker(b, r, true, true, female)
		d.buf = append(b, '.')
		return
	}
	word := b[from:]
	if k := bytes.IndexByte(word, ' '); k > 0 {
		word = word[:k]
	}
	if commonStart[string(word)] && r.chance(0.85) {
		d.tail = append(d.tail[:0], b[from:]...)
		pre := attribPre[r.intn(len(attribPre))]
		b = append(b[:from], pre[0]...)
		b = appendAged(b, r, false, female, true)
		b = append(b, pre[1]...)
		b = append(b, quoteOpen)
		first := len(b)
		b = append(b, d.tail[:len(d.tail)-1]...)
		b[first] += 'a' - 'A' // commonStart words are capitalised ASCII
		d.buf = append(b, quoteClose, '.')
		return
	}
	if bytes.Contains(b[from:], []byte(" said")) {
		return
	}
	d.tail = append(d.tail[:0], b[from:len(b)-1]...)
	b = append(append(append(b[:from], quoteOpen), d.tail...), quoteClose)
	b = append(b, ", "...)
	b = appendAged(b, r, false, female, true)
	b = append(b, ' ')
	b = f.official[r.intn(len(f.official))].appendTo(b, v, r)
	d.buf = append(b, ", said."...)
}

// pickUnused picks one of n (at most 64) choices not yet in used, or any
// once all are.
func pickUnused(r *rng, n int, used *uint64) int {
	if *used == 1<<n-1 {
		*used = 0
	}
	for {
		i := r.intn(n)
		if *used&(1<<i) == 0 {
			*used |= 1 << i
			return i
		}
	}
}

// initialsRU are the Cyrillic letters names start with, two bytes each.
const initialsRU = "АБВГДЕЗИКЛМНОПРСТФЭЮЯ"

var (
	breakConjEN = []string{" and ", " but ", " while ", " after ", " as ", " because ", " though ", " with ", " when "}
	breakConjRU = []string{" и ", " но ", " а ", " после ", " когда "}
	breakPrepEN = []string{" in ", " on ", " at ", " to ", " for ", " from ", " into ", " during ", " by ", " since ", " until ", " over "}
	breakPrepRU = []string{" в ", " на ", " из-за ", " для ", " до ", " за ", " по "}
)

// breakUp gives the sentence that ends d.buf at from a source in its
// middle when it is long — "X, Ines K. Calardin said, Y" — so that no run
// of its words is as long as a copied passage: the name is the article's
// own. It looks for a comma or a conjunction between the third and tenth
// word and leaves sentences without one as they are.
func (f *cfiller) breakUp(d *doc, from int, r *rng, ru bool) {
	for n := 0; n < 3 && from >= 0; n++ {
		from = f.breakOnce(d, from, r, ru)
	}
}

// appositive reports whether s, which follows a comma, opens an
// appositive or a relative clause, which a source must not cut off.
func appositive(s []byte) bool {
	for _, w := range []string{"the ", "a ", "an ", "who ", "which ", "built ", "one ", "its ", "his ", "her "} {
		if bytes.HasPrefix(s, []byte(w)) {
			return true
		}
	}
	return false
}

// phrasal reports whether s ends in a verb whose particle must not be
// parted from it ("taken over", "handed out").
func phrasal(s []byte) bool {
	w := s[bytes.LastIndexByte(s, ' ')+1:]
	switch string(w) {
	case "taken", "handed", "turned", "brought", "put", "set", "carried", "kept", "went", "gave", "given", "take", "is", "was", "are", "were":
		return true
	}
	return false
}

// breakOnce breaks the sentence at from once if it is long, returning
// where the rest of it starts, or -1.
func (f *cfiller) breakOnce(d *doc, from int, r *rng, ru bool) int {
	s := d.buf[from:]
	words := 0
	for _, c := range s {
		if c == ' ' {
			words++
		}
	}
	if words < 11 {
		return -1
	}
	conj, prep := breakConjEN, breakPrepEN
	if ru {
		conj, prep = breakConjRU, breakPrepRU
	}
	// the last clause boundary before the tenth word, else the last
	// preposition: as few breaks as keep every stretch short
	at, comma, atPrep := -1, false, -1
	words = 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		words++
		if words >= 10 && (at >= 0 || atPrep >= 0) {
			// past the tenth word, the first boundary will do
			break
		}
		if words < 3 {
			continue
		}
		if i > 0 && s[i-1] == ',' {
			if !appositive(s[i+1:]) {
				at, comma = i+1, true
			}
			continue
		}
		for _, c := range conj {
			if len(s)-i >= len(c) && string(s[i:i+len(c)]) == c {
				at, comma = i, false
				break
			}
		}
		if words >= 4 && !phrasal(s[:i]) {
			for _, c := range prep {
				if len(s)-i >= len(c) && string(s[i:i+len(c)]) == c {
					atPrep = i
					break
				}
			}
		}
	}
	if at < 0 {
		at = atPrep
	}
	if at < 0 || bytes.Count(s[at:], []byte{' '}) < 4 {
		return -1
	}
	at += from
	d.tail = append(d.tail[:0], d.buf[at:]...)
	b := d.buf[:at]
	female := r.chance(0.5)
	switch {
	case ru:
		if !comma {
			b = append(b, ',')
		}
		b = append(b, " как сообщил"...)
		if female {
			b = append(b, "а"...)
		}
		b = append(b, ' ')
		b = appendAged(b, r, true, female, false)
		if comma {
			b = append(b, ' ')
		}
	case comma:
		b = appendAged(b, r, false, female, false)
		b = append(append(append(b, ' '), saysEN[r.intn(len(saysEN))]...), ", "...)
	default:
		b = append(b, ", "...)
		b = appendAged(b, r, false, female, false)
		b = append(append(append(b, ' '), saysEN[r.intn(len(saysEN))]...), ',')
	}
	next := len(b)
	d.buf = append(b, d.tail...)
	return next
}
