package gen

import (
	"sort"
	"strings"
)

// Two journalists who report one event do not write the same sentences
// even when they work from the same facts: one writes "shut", the other
// "closed"; one "6,658 workers", the other "about 6,700 staff"; one
// outlet's style book says "per cent", another's "%". The templates
// already offer alternatives for the words particular to a story (see
// phrasing.go); the lexicon below holds the everyday words of news
// writing, and each article chooses among them again once its body is
// written (see vary.go), partly by its outlet's house style and partly
// by its reporter's habit.

// lexGroup is a set of wordings that can stand for one another.
type lexGroup struct {
	words []string
	// num: only before a number ("about 40", never "talked about").
	num bool
	// oneWay: only words[0] is replaced, by any of words.
	oneWay bool
	// conj: a conjunction or verb, which after "a" is a noun ("a while").
	conj bool
	// notBefore: a word after which the group does not apply ("caused
	// by").
	notBefore string
}

var lexEN = []lexGroup{
	{words: []string{"shut down", "closed", "closed down"}},
	{words: []string{"shut", "closed"}},
	{words: []string{"halted", "stopped"}},
	{words: []string{"workers", "employees", "staff"}},
	{words: []string{"said that", "said", "stated that", "noted that"}, oneWay: true},
	{words: []string{"said", "told reporters", "stated", "added"}, conj: true},
	{words: []string{"more than", "over", "upwards of"}, num: true},
	{words: []string{"about", "some", "around", "roughly", "approximately"}, num: true},
	{words: []string{"nearly", "almost", "close to"}, num: true},
	{words: []string{"at least", "no fewer than"}, num: true},
	{words: []string{"because of", "due to", "owing to"}},
	{words: []string{"demanding", "seeking", "calling for", "pressing for"}},
	{words: []string{"demanded", "sought", "called for"}},
	{words: []string{"offered", "proposed"}},
	{words: []string{"began", "started"}, oneWay: true},
	{words: []string{"residents", "locals"}},
	{words: []string{"police officers", "officers", "police"}},
	{words: []string{"police", "officers"}},
	{words: []string{"but", "yet"}, conj: true, oneWay: true},
	{words: []string{"while", "whereas"}, conj: true},
	{words: []string{"ahead of", "before"}, oneWay: true},
	{words: []string{"in the coming days", "over the next few days", "in the days ahead"}},
	{words: []string{"is expected to", "is set to", "is likely to"}},
	{words: []string{"are expected to", "are set to", "are likely to"}},
	{words: []string{"was expected to", "was due to", "was set to"}},
	{words: []string{"immediately", "at once", "straight away"}},
	{words: []string{"a number of", "several"}},
	{words: []string{"tried to", "attempted to"}},
	{words: []string{"quickly", "rapidly", "swiftly"}},
	{words: []string{"in a statement", "in a written statement", "in a press release"}},
	{words: []string{"at a news conference", "at a press conference", "at a briefing"}},
	{words: []string{"on the phone", "by phone", "by telephone"}},
	{words: []string{"after a meeting", "after talks", "after a meeting with officials"}},
	{words: []string{"in an interview", "speaking to this outlet", "in an interview with local media"}},
	{words: []string{"on local radio", "on a radio show", "in a radio interview"}},
	{words: []string{"outside the building", "outside", "on the steps outside"}, oneWay: true},
	{words: []string{"heavily", "badly", "severely"}},
	{words: []string{"residents of", "people in", "locals in"}},
	{words: []string{"the government", "the national government", "the cabinet"}},
	{words: []string{"was closed", "was shut", "was sealed off"}},
	{words: []string{"were closed", "were shut"}},
	{words: []string{"on Monday", "Monday"}, oneWay: true},
	{words: []string{"on Tuesday", "Tuesday"}, oneWay: true},
	{words: []string{"on Wednesday", "Wednesday"}, oneWay: true},
	{words: []string{"on Thursday", "Thursday"}, oneWay: true},
	{words: []string{"on Friday", "Friday"}, oneWay: true},
	{words: []string{"on Saturday", "Saturday"}, oneWay: true},
	{words: []string{"on Sunday", "Sunday"}, oneWay: true},
	{words: []string{"people", "people", "residents"}, oneWay: true},
	{words: []string{"officials", "authorities"}},
	{words: []string{"got under way", "began", "opened"}, oneWay: true},
	{words: []string{"thorough", "full", "complete"}, oneWay: true},
	{words: []string{"investigation", "inquiry", "probe", "review"}},
	{words: []string{"the end of the day", "nightfall", "the evening"}},
	{words: []string{"waiting at anchor", "anchored offshore", "waiting offshore", "stuck at anchor"}},
	{words: []string{"went up by", "rose by", "climbed by"}},
	{words: []string{"caused", "led to", "was behind"}, notBefore: "by"},
	{words: []string{"stoppage", "walkout", "strike"}},
	{words: []string{"exporters", "shippers", "exporting firms"}},
	{words: []string{"managers", "port managers", "bosses"}},
	{words: []string{"margin", "gap", "difference"}},
	{words: []string{"decide", "settle", "determine"}},
	{words: []string{"firefighters", "fire crews", "the fire brigade"}},
	{words: []string{"prosecutors alleging", "the prosecution alleging", "prosecutors claiming"}},
	{words: []string{"diverted", "siphoned off", "embezzled"}},
	{words: []string{"collapse", "failure"}},
	{words: []string{"central span", "central section", "middle section"}},
	{words: []string{"warehouse", "storage shed", "depot"}},
	{words: []string{"key interest rate", "benchmark interest rate", "main interest rate"}},
	{words: []string{"key rate", "benchmark rate", "main policy rate"}},
	{words: []string{"took part in", "voted in", "cast a ballot in"}},
	{words: []string{"the last election", "the previous election", "the last vote"}},
	{words: []string{"did not vote", "stayed away", "did not turn out"}},
	{words: []string{"takeover", "acquisition", "buyout"}},
	{words: []string{"purchase", "acquisition", "takeover"}},
	{words: []string{"will face", "will undergo", "will be subject to"}},
	{words: []string{"skipped", "missed", "postponed"}},
	{words: []string{"corroded", "rusted", "rusting"}},
	{words: []string{"hangers", "cables", "suspension cables"}},
	{words: []string{"led by", "headed by", "chaired by"}},
	{words: []string{"wage rise", "pay rise", "pay increase"}},
	{words: []string{"talks", "negotiations"}},
	{words: []string{"companies", "firms", "businesses"}},
	{words: []string{"the company", "the firm"}},
	{words: []string{"in its findings", "in its report", "in a report"}},
	{words: []string{"start their shifts", "report for work", "turn up for work", "clock in"}},
	{words: []string{"held at sea", "stuck offshore", "left waiting at sea"}},
	{words: []string{"families", "households"}},
	{words: []string{"the election commission", "the electoral commission", "election officials"}},
	{words: []string{"one-off", "single", "one-time"}},
	{words: []string{"receive", "get", "be paid"}},
	{words: []string{"water level", "river level", "water"}, oneWay: true},
	{words: []string{"tore through", "swept through", "ripped through"}},
	{words: []string{"brought it under control", "put it out", "got it under control"}},
	{words: []string{"asked drivers", "told drivers", "urged motorists"}},
	{words: []string{"ring road", "bypass", "orbital road"}},
	{words: []string{"on both sides", "at either end", "on each side"}},
	{words: []string{"in a day", "within a day", "in 24 hours"}},
	{words: []string{"most work", "nearly all work", "almost all activity"}},
	{words: []string{"pay talks", "wage talks", "pay negotiations", "talks on pay"}},
	{words: []string{"the harbour", "the port", "the waterfront"}},
	{words: []string{"faster than", "more quickly than", "at a faster pace than"}},
	{words: []string{"the central bank", "the national bank"}},
	{words: []string{"shops", "retailers", "local shops"}},
	{words: []string{"through the night", "overnight", "all night"}},
	{words: []string{"were flooded", "were inundated", "went under water"}},
	{words: []string{"crowns a day", "crowns per day", "crowns every day"}},
	{words: []string{"its first move in", "its first change in", "the first move in"}},
	{words: []string{"forcing", "obliging", "compelling"}},
	{words: []string{"was the result of", "was caused by", "stemmed from", "came down to"}},
	{words: []string{"years of corrosion", "long-term corrosion", "decades of rust"}},
	{words: []string{"should have seen", "ought to have spotted", "should have noticed"}},
	{words: []string{"broke down", "collapsed", "fell apart"}},
	{words: []string{"has reversed", "has overturned", "has flipped"}},
	{words: []string{"election-night result", "provisional result", "first count"}},
	{words: []string{"target", "goal"}},
	{words: []string{"collapsed", "gave way", "caved in"}, oneWay: true},
	{words: []string{"rival", "competitor"}},
	{words: []string{"agreed to", "decided to"}},
	{words: []string{"homes", "houses", "properties"}},
	{words: []string{"leave", "evacuate", "abandon"}},
	{words: []string{"deal", "agreement", "transaction"}},
	{words: []string{"rain", "rainfall"}},
	{words: []string{"stopping", "halting", "suspending"}},
	{words: []string{"hundreds of", "several hundred", "hundreds of"}, oneWay: true},
	{words: []string{"emergency crews", "rescue teams", "emergency services"}},
	{words: []string{"needed", "required", "had to use"}},
	{words: []string{"reach", "get to"}},
	{words: []string{"streets", "roads", "neighbourhoods"}},
	{words: []string{"low-lying", "lower", "riverside"}},
	{words: []string{"backlog", "queue", "pile-up"}},
	{words: []string{"to clear", "to work through", "to deal with"}},
	{words: []string{"governor", "chief"}, oneWay: true},
	{words: []string{"of their takings", "of their trade", "of their turnover", "in sales"}},
	{words: []string{"had lost", "had shed"}, num: true},
	{words: []string{"brought it under control", "put it out", "got it under control", "had it under control"}},
	{words: []string{"the fire brigade", "firefighters", "the fire service", "fire crews"}},
	{words: []string{"before the fire", "until the fire", "before fire"}, oneWay: true},
	{words: []string{"a storage shed", "a shed", "a storage building"}},
	{words: []string{"a warehouse", "a storeroom", "a depot"}},
	{words: []string{"at the end of", "as", "when"}, oneWay: true},
	{words: []string{"further rate increases", "more rate rises", "further hikes"}},
	{words: []string{"were not a foregone conclusion", "were not certain", "were not guaranteed"}},
	{words: []string{"harbour traffic data", "port traffic figures", "shipping data"}},
	{words: []string{"as the river", "when the river", "after the river"}, oneWay: true},
	{words: []string{"is being sold to", "is to be sold to", "will go to"}},
	{words: []string{"is pressing for", "wants", "is asking for"}},
	{words: []string{"is demanding", "wants", "is asking for"}},
	{words: []string{"the backbone of", "the mainstay of", "central to"}},
	{words: []string{"told parliament", "told lawmakers", "said in parliament"}},
	{words: []string{"payouts", "compensation", "support payments"}},
	{words: []string{"days after", "days following", "a few days after"}, oneWay: true},
	{words: []string{"the flood of", "the floods of", "the flooding of"}},
	{words: []string{"won the", "took the", "carried the"}, oneWay: true},
	{words: []string{"larger", "bigger"}},
	{words: []string{"increased", "raised", "lifted"}},
	{words: []string{"last changed rates", "last moved rates", "last adjusted rates"}},
	{words: []string{"sealed off", "cordoned off", "blocked"}},
	{words: []string{"embankments", "riverbanks", "quays"}},
	{words: []string{"dispute", "row", "standoff", "conflict"}},
	{words: []string{"ordered", "called for", "commissioned"}},
	{words: []string{"complained", "grumbled", "protested"}},
	{words: []string{"costs", "expenses"}},
	{words: []string{"rescuers", "rescue workers", "emergency teams"}},
	{words: []string{"prices", "costs"}},
	{words: []string{"ballots", "ballot papers", "votes"}},
	{words: []string{"the council", "the town council"}},
	{words: []string{"pleaded not guilty", "denied the charges", "entered a not guilty plea"}},
	{words: []string{"appeal", "challenge"}},
	{words: []string{"appointed", "named", "brought in"}},
	{words: []string{"vehicles", "cars and lorries", "cars"}},
	{words: []string{"independent", "outside", "separate"}},
	{words: []string{"rejected", "turned down", "threw out"}},
	{words: []string{"shelters", "emergency shelters", "refuges"}},
	{words: []string{"public meeting", "open meeting", "community meeting"}},
	{words: []string{"destroying", "wrecking", "gutting"}},
	{words: []string{"accept", "agree to", "take up"}},
	{words: []string{"return to", "go back to", "head back to"}},
	{words: []string{"regional", "provincial", "county"}},
	{words: []string{"the mayor", "the town's mayor", "the mayor"}, oneWay: true},
	{words: []string{"sending", "plunging", "throwing"}},
	{words: []string{"injuring", "hurting", "wounding"}},
	{words: []string{"inspected", "checked", "examined"}},
	{words: []string{"examine", "look into", "investigate"}},
	{words: []string{"cutting", "severing"}},
	{words: []string{"councillors", "council members", "local politicians"}},
	{words: []string{"inflation", "price growth", "consumer inflation"}},
	{words: []string{"the announcement", "the decision", "the move"}},
	{words: []string{"high", "steep", "soaring"}, oneWay: true},
	{words: []string{"leading", "front-running", "top"}, notBefore: "to", oneWay: true},
	{words: []string{"candidates", "contenders", "rivals"}},
	{words: []string{"spoiled", "invalid", "void"}},
	{words: []string{"voters", "electors"}},
	{words: []string{"in court", "before a judge", "in the courts"}},
	{words: []string{"recede", "go down", "subside"}},
	{words: []string{"fund", "relief fund"}},
	{words: []string{"fraud", "embezzlement", "misappropriation"}},
	{words: []string{"diverting", "siphoning off", "misusing"}},
	{words: []string{"found", "discovered", "uncovered"}, notBefore: "guilty"},
	{words: []string{"energy", "power"}},
	{words: []string{"walked off the job", "stopped work", "downed tools", "went on strike"}},
	{words: []string{"refusing", "unwilling"}, oneWay: true},
	{words: []string{"striking", "protesting"}},
	{words: []string{"resumed", "restarted", "began again"}},
	{words: []string{"offer", "proposal"}},
	{words: []string{"demands", "conditions", "claims"}, oneWay: true},
	{words: []string{"customers", "clients", "shippers"}},
	{words: []string{"lasted", "went on for", "ran for"}},
	{words: []string{"rush hour", "peak traffic", "the commute"}},
	{words: []string{"pulled", "rescued", "hauled"}},
	{words: []string{"searched", "combed", "scoured"}},
	{words: []string{"kept off", "banned from", "barred from"}},
	{words: []string{"set aside", "earmarked", "allocated"}},
	{words: []string{"crossing", "bridge", "span"}},
	{words: []string{"inspection", "safety check", "check"}},
	{words: []string{"investigators", "the inquiry team", "inspectors"}},
	{words: []string{"records", "logs", "files"}},
	{words: []string{"resigned", "stepped down", "quit"}},
	{words: []string{"published", "released", "made public"}},
	{words: []string{"economists", "analysts", "forecasters"}},
	{words: []string{"smaller", "more modest", "gentler"}},
	{words: []string{"the remarks", "the comments"}},
	{words: []string{"chance", "likelihood", "probability"}},
	{words: []string{"separated", "divided", "split"}},
	{words: []string{"manual", "hand", "full"}, oneWay: true},
	{words: []string{"initially", "at first", "originally"}},
	{words: []string{"narrows", "trims", "cuts"}},
	{words: []string{"vacant", "empty", "open"}},
	{words: []string{"burst its banks", "overflowed", "broke its banks"}},
	{words: []string{"heavy rain", "downpours", "torrential rain"}},
	{words: []string{"forecasters", "meteorologists", "the weather service"}},
	{words: []string{"electricity", "power"}},
	{words: []string{"fought", "battled", "tackled"}},
	{words: []string{"blaze", "fire"}},
	{words: []string{"electrical fault", "faulty wiring", "short circuit"}},
	{words: []string{"investigated", "examined", "looked into"}},
	{words: []string{"charges", "accusations", "allegations"}},
	{words: []string{"witnesses", "people to testify"}},
	{words: []string{"frozen", "blocked", "seized"}},
	{words: []string{"convicted", "found guilty"}},
	{words: []string{"entire", "whole", "full"}, oneWay: true},
	{words: []string{"auditors", "accountants", "inspectors"}},
	{words: []string{"gaps", "holes", "irregularities"}},
	{words: []string{"largest", "biggest"}},
	{words: []string{"worth", "valued at"}},
	{words: []string{"approval", "clearance", "a green light"}},
	{words: []string{"in-depth", "detailed", "thorough"}},
	{words: []string{"job losses", "redundancies", "lay-offs"}},
	{words: []string{"struggled", "battled", "wrestled"}},
	{words: []string{"warned", "cautioned"}, notBefore: "of"},
	{words: []string{"everyone", "everybody"}},
	{words: []string{"leader", "chief", "head"}},
}

var lexRU = []lexGroup{
	{words: []string{"около", "примерно", "порядка"}, num: true},
	{words: []string{"более", "свыше", "больше"}, num: true},
	{words: []string{"жители", "горожане", "местные жители"}},
	{words: []string{"рабочие", "работники", "сотрудники"}},
	{words: []string{"сообщил", "рассказал", "заявил"}},
	{words: []string{"сообщила", "рассказала", "заявила"}},
	{words: []string{"сообщили", "рассказали", "заявили"}},
	{words: []string{"однако", "впрочем"}},
	{words: []string{"сейчас", "в настоящее время", "на данный момент"}},
	{words: []string{"млн", "миллионов"}},
	{words: []string{"власти", "чиновники"}},
	{words: []string{"уверяет", "утверждает"}},
	{words: []string{"говорит", "рассказывает"}},
	{words: []string{"признаёт", "признает"}},
	{words: []string{"полностью", "целиком"}},
	{words: []string{"срочно", "немедленно"}},
	{words: []string{"назначила", "объявила"}},
	{words: []string{"пересчет голосов", "повторный подсчет голосов", "пересчет бюллетеней"}},
	{words: []string{"пересчёт голосов", "повторный подсчёт голосов", "пересчёт бюллетеней"}},
	{words: []string{"на довыборах", "на дополнительных выборах"}},
	{words: []string{"между кандидатами", "между соперниками", "между претендентами"}},
	{words: []string{"обрушилась", "рухнула"}},
	{words: []string{"пожар", "огонь"}},
	{words: []string{"уничтожил", "сжёг"}},
	{words: []string{"забастовка", "стачка"}},
	{words: []string{"остановила", "парализовала"}},
	{words: []string{"не осталось другого выхода", "не было иного выхода", "не оставили выбора"}},
	{words: []string{"по меньшей мере", "как минимум", "не менее"}, num: true},
	{words: []string{"ожидают разгрузки", "стоят в ожидании разгрузки", "ждут разгрузки"}},
	{words: []string{"стартовал", "начался", "открылся"}},
	{words: []string{"по делу о хищении", "по делу о растрате", "о хищении"}},
	{words: []string{"из водоканала", "у водоканала", "из бюджета водоканала"}},
	{words: []string{"выплатят", "получат"}},
	{words: []string{"подтопленных", "затопленных", "пострадавших"}},
	{words: []string{"повысил", "поднял"}},
	{words: []string{"ключевую ставку", "базовую ставку"}},
	{words: []string{"сделку", "покупку", "слияние"}},
	{words: []string{"проверит", "изучит", "рассмотрит"}},
}

// lexEntry is one wording a lexicon recognises and what may replace it.
type lexEntry struct {
	from      string
	rest      string // from after its first word
	alts      []string
	group     uint64
	num, conj bool
	notBefore string
}

// lexicon is a compiled list of lexGroups: entries by their first word,
// longest first, in a hash table of first words. vary looks up every
// word of the reporter's, and most are in no entry: in a table at most a
// quarter full they meet an empty slot at once or after a step or two,
// for the price of a few byte loads and a multiplication.
type lexicon struct {
	slots []lexSlot // open addressing from slot wordHash(w)>>shift on
	shift uint
}

// lexSlot holds the entries of one first word.
type lexSlot struct {
	first   string
	entries []lexEntry
}

// wordHash hashes a non-empty word by its length and its first, middle
// and last bytes; a lexicon's slot is in its top bits.
func wordHash(w []byte) uint32 {
	n := len(w)
	return (uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24) * 0x9e3779b1
}

// byFirst returns the entries whose first word is w (not empty).
func (lx *lexicon) byFirst(w []byte) []lexEntry {
	mask := uint32(len(lx.slots) - 1)
	for h := wordHash(w) >> lx.shift; ; h = (h + 1) & mask {
		sl := &lx.slots[h]
		if sl.first == string(w) {
			return sl.entries
		}
		if sl.first == "" {
			return nil
		}
	}
}

func compileLexicon(gs []lexGroup) *lexicon {
	byFirst := map[string][]lexEntry{}
	var firsts []string // in order, so that the table is the same on every run
	for gi, g := range gs {
		froms := g.words
		if g.oneWay {
			froms = g.words[:1]
		}
		for _, w := range froms {
			first, _, _ := strings.Cut(w, " ")
			if _, ok := byFirst[first]; !ok {
				firsts = append(firsts, first)
			}
			byFirst[first] = append(byFirst[first], lexEntry{from: w, rest: w[len(first):], alts: g.words, group: uint64(gi + 1), num: g.num, conj: g.conj, notBefore: g.notBefore})
		}
	}
	// a table at most a quarter full
	bits := uint(4)
	for 1<<bits < 4*len(firsts) {
		bits++
	}
	lx := &lexicon{slots: make([]lexSlot, 1<<bits), shift: 32 - bits}
	mask := uint32(len(lx.slots) - 1)
	for _, first := range firsts {
		es := byFirst[first]
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].from) > len(es[j].from) })
		h := wordHash([]byte(first)) >> lx.shift
		for lx.slots[h].first != "" {
			h = (h + 1) & mask
		}
		lx.slots[h] = lexSlot{first: first, entries: es}
	}
	return lx
}
