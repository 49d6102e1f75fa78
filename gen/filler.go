package gen

import "strconv"

// Long articles go on with reactions and context around the event. Each
// such sentence is composed from three parts — who, how they said it, and
// what — every part with many alternatives and most naming the event's
// place, people, numbers or dates, so that two articles share a sentence
// of context only by rare chance and never a long stretch of words.

// fillerParts is one language's parts.
type fillerParts struct {
	who, says, what []string
}

var fillerEN = fillerParts{
	who: []string{
		"Residents of {P}", "[Shopkeepers|Café owners|Market traders] in {P}", "Several councillors in {P}",
		"A spokesperson for the {O}", "Local reporters in {P}", "[Two|Several|Some] neighbours of {S0}",
		"Opposition politicians [in the region|from {P}]", "The mayor's office in {P}", "Parents at a school in {P}",
		"A {P} taxi driver", "Volunteers [in|from] {P}", "Business owners near {T}", "[An aide|A spokesman] for {S2}",
		"Church leaders in {P}", "Trade groups in {P}", "[Academics|Researchers] at the {P} university",
		"A retired engineer from {P}", "Commuters [in|around] {P}", "The regional newspaper in {P}",
		"Members of the {P} chamber of commerce", "A lawyer [for|advising] {S1}", "[Youth|Pensioner] groups in {P}",
		"Regional MPs", "Staff at the {P} hospital", "Bus drivers in {P}",
	},
	says: []string{
		"said {D} that", "[told reporters|told us] {D} that", "[warned|cautioned] {D} that",
		"said on {M} that", "[argued|claimed] that", "complained {D} that", "insisted that",
		"wrote {D} that", "said late {D} that", "[conceded|admitted] {D} that",
		"[pointed out|noted] that", "[said|added] that",
	},
	what: []string{
		"{N1} [families|households|people] [were still waiting|still awaited|had yet to get] [answers|news|an explanation] {D}",
		"the [cost|bill|damage] [could reach|might top|was put at] {N4} million [crowns|in local money]",
		"the next {N1} days [would decide|could settle|were crucial for] [a great deal|everything|the outcome]",
		"[about|nearly|some] {N2} people [had signed|backed|put their names to] a petition [by {M}|within days]",
		"[emails|letters|calls] to {S1} [went unanswered|got no reply|were ignored] [for {N1} days|until {M}]",
		"{S1} [should|ought to|must] [explain|account for] [the delays|what went wrong|it] [in person|by {M}|publicly]",
		"[local firms|shops|small businesses] had lost [up to|as much as|about] {N3}% of [their trade|takings|sales]",
		"a [hotline|telephone line|help desk] [had taken|received|logged] {N2} [calls|enquiries] [by {M}|so far|in {N1} days]",
		"traffic [was running|ran|moved] {N1} minutes [behind|late|slower] [{D}|than usual|at peak times]",
		"{S2} had [promised|pledged|vowed to give] [an update|a decision|answers] [by {M}|within {N1} days]",
		"[at least|more than|around] {N1} [meetings|hearings|briefings] were [planned|scheduled|due] [for {M}|before {M}|this month]",
		"the [figure|number] of {N2} was [probably too low|likely to rise|an underestimate] [{D}|by their count|by far]",
		"[schools|offices|shops] [stayed open|opened as usual|were working normally] {D} [despite everything|all the same|]",
		"[the money|the funds|aid] [promised|pledged] on {M} [had not arrived|was still missing|never came] [at all|yet|so far]",
		"{S3} was [the right person|well placed|best placed] to [sort it out|find a way forward|calm things]",
		"insurers [had received|logged|counted] [about|over|nearly] {N1}0 [claims|applications] [by {M}|so far|{D}]",
		"{N3}% of [people asked|those polled|respondents] [blamed|faulted|held responsible] {S1} [for it|above all|]",
		"[hot drinks|food parcels|blankets] had been [handed out|given|delivered] to {N1}0 [people|families|residents] {D}",
		"[councillors|the council|the regional council] [would meet|will convene|planned to sit] [on {M}|within {N1} days|before {M}]",
		"{S0} and {S1} [had not spoken|were not talking|had fallen out] [since {M}|for {N1} days|for weeks]",
		"rents [nearby|in the area|locally] had [risen|gone up|climbed] {N3}% [in a year|since {N1} months ago|lately]",
		"[about|roughly|nearly] {N2} [people|residents|locals] had [turned up|come|gathered] {D} [to protest|to listen|]",
		"[the mood|feelings|tempers] [had changed|had hardened|had cooled] [since {M}|in {N1} days|overnight]",
	},
}

var fillerRU = fillerParts{
	who: []string{
		"Жители {P}", "[Местные предприниматели|Владельцы магазинов] в {P}", "Депутаты городского совета {P}",
		"Волонтёры в {P}", "[Соседи|Знакомые] {S0}", "Таксисты {P}", "Родители школьников из {P}",
		"Журналисты местных изданий", "Активисты из {P}", "Пенсионеры {P}", "Эксперты, опрошенные в {P},",
		"Сотрудники больницы {P}", "Прихожане местной церкви", "Опрошенные на улицах {P} горожане",
	},
	says: []string{
		"рассказали {D}, что", "заявили журналистам, что", "[предупредили|опасаются], что", "жалуются, что",
		"уверены, что", "написали в соцсетях {D}, что", "сообщили {M}, что", "[признают|отмечают], что",
		"говорят, что", "[считают|полагают], что",
	},
	what: []string{
		"{N1} семей до сих пор ждут [ответов|новостей|объяснений]",
		"ущерб может [составить|превысить] {N4} млн крон",
		"такого в {P} не было с {Q}",
		"[петицию|обращение] подписали уже {N2} человек",
		"горячая линия в {P} приняла {N2} звонков",
		"совет соберётся [в течение|не позднее чем через] {N1} дней",
		"местный бизнес потерял до {N3}% выручки",
		"{S1} [обещал|обещала] разобраться до {M}",
		"[проблемы|жалобы] копились задолго до {Q}",
		"цифра {N2} [явно занижена|ещё вырастет]",
		"обещанные {M} деньги так и не пришли",
		"в {P} [все|многие] обсуждают только это с {Q}",
		"{N3}% опрошенных в {P} винят власти",
		"[горячий чай|продуктовые наборы] получили {N1}0 человек",
	},
}

// cfiller is fillerParts compiled.
type cfiller struct{ who, says, what []tmpl }

func compileFiller(p fillerParts) cfiller {
	return cfiller{who: compileAll(p.who), says: compileAll(p.says), what: compileAll(p.what)}
}

// appendFiller appends one sentence of context. used records the parts
// an article has already said, so that it does not say them twice while
// it has others left.
func (f *cfiller) appendFiller(b []byte, v *[nSlots]string, r *rng, used *[2]uint64, ru bool) []byte {
	if r.chance(0.6) {
		b = appendPasserby(b, v, r, ru)
	} else {
		b = f.who[pickUnused(r, len(f.who), &used[0])].appendTo(b, v, r)
	}
	b = append(b, ' ')
	b = f.says[r.intn(len(f.says))].appendTo(b, v, r)
	b = append(b, ' ')
	b = f.what[pickUnused(r, len(f.what), &used[1])].appendTo(b, v, r)
	return append(b, '.')
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

var (
	passerbyEN = []string{"a shopkeeper", "a taxi driver", "a retired teacher", "a nurse", "a student", "a pensioner",
		"a local builder", "a café owner", "a bus driver", "a father of two", "a mother of three", "a fisherman"}
	passerbyRU = []string{"продавец", "таксист", "учитель на пенсии", "медсестра", "студент", "пенсионер",
		"местный строитель", "владелец кафе", "водитель автобуса", "отец двоих детей", "рыбак"}
)

// appendPasserby appends a named resident with age and occupation ("Ines
// Calardin, 54, a nurse in Hartmoor,"): real reports quote such people,
// and their names make every such sentence the article's own.
func appendPasserby(b []byte, v *[nSlots]string, r *rng, ru bool) []byte {
	female := r.chance(0.5)
	first := firstM
	if female {
		first = firstF
	}
	f := first[r.intn(len(first))]
	s1, s2, s3 := syllStart[r.intn(len(syllStart))], syllMid[r.intn(len(syllMid))], lastEnd[r.intn(len(lastEnd))]
	if ru {
		b = append(b, f.ru...)
		b = append(b, ' ')
		b = append(append(append(b, s1.ru...), s2.ru...), s3.ru...)
		b = append(b, ", "...)
		b = strconv.AppendInt(b, int64(19+r.intn(70)), 10)
		b = append(b, ", "...)
		b = append(b, passerbyRU[r.intn(len(passerbyRU))]...)
		b = append(b, " из "...)
		b = append(b, v[slotP]...)
		return append(b, ',')
	}
	b = append(b, f.en...)
	b = append(b, ' ')
	b = append(append(append(b, s1.en...), s2.en...), s3.en...)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(19+r.intn(70)), 10)
	b = append(b, ", "...)
	b = append(b, passerbyEN[r.intn(len(passerbyEN))]...)
	b = append(b, " in "...)
	b = append(b, v[slotP]...)
	return append(b, ',')
}
