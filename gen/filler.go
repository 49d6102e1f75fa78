package gen

import (
	"bytes"
	"strconv"
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
	says:   []string{"[said|says|told us]", "[warned|complained|argued|pointed out]", "[insisted|added|claimed]", "[believes|is convinced]", "[thinks|fears|suspects]"},
	speech: 3,
	what: []string{
		"{N1} [families|households] still had no [answers|news]",
		"the [bill|damage] could [top|reach] {N4} million crowns",
		"the next {N1} days [were crucial|would tell]",
		"{N2} people had [signed|backed] a petition",
		"{S1} [owed|owes] [everyone|us] an explanation",
		"trade was down {N3}%",
		"the hotline had [logged|taken] {N2} calls",
		"buses were running {N1} minutes [late|behind]",
		"{S2} had promised answers by {M}",
		"{N1} [meetings|hearings] were [planned|due]",
		"{N2} was [too low|an underestimate|wrong]",
		"[schools|offices] [stayed open|opened] {D}",
		"the aid promised on {M} never came",
		"{S3} could still [sort it out|fix this]",
		"insurers had [logged|received] {N1}0 claims",
		"{N3}% of [neighbours|us] blamed {S1}",
		"volunteers had fed {N1}0 people {D}",
		"the council [should|must] meet before {M}",
		"{S0} and {S1} were not [talking|speaking]",
		"rents had [risen|gone up] {N3}%",
		"{N2} people had [turned up|come] {D}",
		"tempers had [cooled|calmed] since {M}",
		"nobody had slept [much|well] since {M}",
		"recovery would take {N1} months",
		"the {O} had [let people down|failed]",
		"{N1} neighbours had already [moved away|left]",
		"prices had [doubled|jumped] in {N1} weeks",
		"[everyone|people] had [known|expected] this",
		"[neighbours|friends] had lost {N1} days' work",
		"the meeting on {M} changed nothing",
		"{N1} [businesses|firms] might [close|not reopen]",
		"the phone [had not stopped|rang all day]",
		"[no one|nobody] from the {O} had [come|called]",
		"the queue ran {N1}0 metres {D}",
		"people had [waited|queued] {N1} hours",
		"the street had [seen worse|never seen this]",
		"{N1} [volunteers|helpers] had [come|helped]",
		"the forms ran to {N1} pages",
		"trust in the {O} was [gone|shaken]",
		"{S2} [was right|had a point|was wrong]",
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
	speech := say < f.speech
	female := r.chance(0.5)
	appendRole := func(b []byte) []byte {
		if official {
			return f.official[r.intn(len(f.official))].appendTo(b, v, r)
		}
		return f.resident[r.intn(len(f.resident))].appendTo(b, v, r)
	}
	// the speaker's name, and a resident's age, which is as much theirs
	appendWho := func(b []byte, comma bool) []byte {
		speaker := len(b)
		b = appendName(b, r, ru, official, female)
		if speech {
			b[speaker] = speakerOpen
		}
		if !official {
			b = strconv.AppendInt(append(b[:len(b)-1], ", "...), int64(19+r.intn(70)), 10)
			b = append(b, nameClose)
			if comma {
				b = append(b, ',')
			}
		}
		return b
	}
	what := func(b []byte) []byte {
		if !speech {
			return f.what[pickUnused(r, len(f.what), used)].appendTo(b, v, r)
		}
		b = append(b, quoteOpen)
		b = f.what[pickUnused(r, len(f.what), used)].appendTo(b, v, r)
		return append(b, quoteClose)
	}
	// the statement never comes first: two reactions' statements would
	// then run together without a name between them
	switch {
	case r.chance(0.4):
		// "Ines Calardin, 54, a nurse, said …"
		b = appendWho(b, true)
		if official {
			b = append(b, ',')
		}
		b = append(appendRole(append(b, ' ')), ',', ' ')
	default:
		// who they are first, as a title ("Shopkeeper Ines Calardin, 54,
		// said …")
		role := len(b)
		b = appendRole(b)
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
		b = appendWho(append(b, ' '), true)
		b = append(b, ' ')
	}
	b = f.says[say].appendTo(b, v, r)
	if ru {
		b = append(b, ", что"...)
	}
	b = what(append(b, ' '))
	return append(b, '.')
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
	s1, s2, s3 := syllStart[r.intn(len(syllStart))], syllMidLower[r.intn(len(syllMidLower))], lastEnd[r.intn(len(lastEnd))]
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

// asidesEN are the parentheses a reporter puts between the clauses of a
// long sentence that has its source already; each is at least three
// words, so that two reports of look-alike events that word a sentence
// alike still part where one of them has it.
var asidesEN = []string{"as far as is known", "as it turned out", "by most accounts", "it later emerged", "as things now stand",
	"from what is known so far", "on the latest figures", "by the look of it", "for the time being", "on the face of it",
	"at least for now", "it is worth noting", "as matters stand", "so far as anyone can tell", "by early indications",
	"it should be said", "to nobody's great surprise", "by one early estimate", "as had been feared", "as many had expected",
	"at the time of writing", "in the event", "as so often happens", "in fairness", "as is now clear",
	"to put it plainly", "in the words of one local", "as one resident put it", "as was widely reported", "it now appears"}

// asidesRU are asidesEN for Russian.
var asidesRU = []string{"как выяснилось позже", "по имеющимся на сейчас данным", "насколько известно", "как и ожидалось многими",
	"по предварительной оценке", "как это часто бывает", "надо сказать", "по всей видимости", "как стало известно позже",
	"на момент публикации", "по словам местных жителей"}

// aside puts a parenthesis between the clauses of the long sentence
// that ends d.buf at from, where an attribution would go (see
// midBoundary); a sentence too short for one keeps its shape.
func aside(d *doc, from int, r *rng, ru bool) {
	s := d.buf[from:]
	if !r.chance(0.85) {
		return
	}
	// only after a comma: a conjunction may join words, not clauses
	at := commaBoundary(s)
	if at <= 1 {
		return
	}
	list := asidesEN
	if ru {
		list = asidesRU
	}
	a := list[r.intn(len(list))]
	d.tail = append(d.tail[:0], d.buf[from+at-1:]...) // from the space before the second clause
	b := d.buf[:from+at-1]
	if b[len(b)-1] == ',' {
		b = append(append(append(b, ' '), a...), ',')
	} else {
		b = append(append(append(b, ", "...), a...), ',')
	}
	d.buf = append(b, d.tail...)
}

// commaBoundary returns where the clause after the comma nearest the
// middle of the sentence s starts, with at least four words on either
// side, or 0.
func commaBoundary(s []byte) int {
	words := bytes.Count(s, []byte{' '}) + 1
	best, bestDist, n := 0, 1<<30, 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		n++
		if i > 0 && s[i-1] == ',' && n >= 4 && words-n >= 4 {
			if dist := abs(n - words/2); dist < bestDist {
				best, bestDist = i+1, dist
			}
		}
	}
	return best
}
