package gen

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Outlets reporting one event word it differently, and look-alike events
// (every bridge collapse anywhere) are not told in the same sentences. The
// topic templates are therefore enriched once, when they are compiled:
// every phrase of the dictionaries below becomes a choice among its
// alternatives ("[closed|shut|sealed off]"), made anew by every article,
// and some alternatives name the event's place, people or numbers. No
// fixed stretch of words is then long enough to pass for copied text.

// phrasesEN maps a phrase of the English templates to its alternatives;
// the phrase itself is always one of them.
var phrasesEN = map[string][]string{
	"said":                           {"said", "stated", "confirmed", "reported"},
	"according to":                   {"according to", "citing", "as shown by"},
	"about":                          {"about", "around", "roughly", "some"},
	"About":                          {"About", "Around", "Roughly", "Some"},
	"more than":                      {"more than", "over", "upwards of"},
	"More than":                      {"More than", "Over", "Upwards of"},
	"at least":                       {"at least", "no fewer than", "a minimum of"},
	"At least":                       {"At least", "No fewer than", "A minimum of"},
	"several":                        {"several", "{N1}", "a number of"},
	"people":                         {"people", "residents", "locals"},
	"workers":                        {"workers", "dockers", "staff", "employees"},
	"Workers":                        {"Workers", "Dockers", "Staff", "Employees"},
	"vessels":                        {"vessels", "ships", "boats"},
	"ships":                          {"ships", "vessels", "cargo ships"},
	"the union":                      {"the union", "the {P} union", "union leaders", "{S0}'s union"},
	"The union":                      {"The union", "The {P} union", "Union leaders", "{S0}'s union"},
	"government":                     {"government", "cabinet", "national government"},
	"Government":                     {"Government", "Cabinet"},
	"officials":                      {"officials", "authorities", "officials in {P}"},
	"Officials":                      {"Officials", "Authorities", "Officials in {P}"},
	"Police":                         {"Police", "Police in {P}", "Officers", "Traffic police"},
	"closed":                         {"closed", "shut", "sealed off"},
	"asked":                          {"asked", "urged", "told"},
	"drivers":                        {"drivers", "motorists", "commuters"},
	"use":                            {"use", "take", "switch to"},
	"began":                          {"began", "started", "got under way"},
	"the bridge":                     {"the bridge", "the {P} bridge", "the crossing", "the bridge in {P}"},
	"The bridge":                     {"The bridge", "The {P} bridge", "The crossing", "The bridge in {P}"},
	"bridges":                        {"bridges", "crossings", "spans"},
	"the company":                    {"the company", "the firm", "the {P} company"},
	"The company":                    {"The company", "The firm", "The {P} company"},
	"expected":                       {"expected", "anticipated"},
	"rose":                           {"rose", "climbed", "went up"},
	"fell":                           {"fell", "dropped", "went down"},
	"night":                          {"night", "evening"},
	"the afternoon":                  {"the afternoon", "midday", "mid-afternoon", "the end of the day {D}"},
	"two years":                      {"two years", "24 months", "a two-year period"},
	"announced":                      {"announced", "unveiled", "made public"},
	"published":                      {"published", "released", "made public"},
	"resigned":                       {"resigned", "stepped down", "quit"},
	"hours":                          {"hours", "only hours", "a few hours"},
	"demands":                        {"demands", "requests", "conditions"},
	"searched":                       {"searched", "combed", "scoured"},
	"the water":                      {"the water", "the river", "the river at {P}"},
	"late into the":                  {"late into the", "deep into the", "well into the"},
	"in case":                        {"in case", "to check whether", "fearing that"},
	"carried":                        {"carried", "handled", "took"},
	"built":                          {"built", "opened", "completed"},
	"ordered":                        {"ordered", "commissioned", "called for"},
	"inspected":                      {"inspected", "checked", "examined"},
	"kept off":                       {"kept off", "banned from", "barred from"},
	"Lorries":                        {"Lorries", "Trucks", "Heavy goods vehicles"},
	"set aside":                      {"set aside", "earmarked", "allocated"},
	"confirmed":                      {"confirmed", "acknowledged", "admitted"},
	"postponed":                      {"postponed", "put off", "delayed"},
	"rust":                           {"rust", "corrosion"},
	"could not":                      {"could not", "was unable to", "failed to"},
	"records":                        {"records", "logs", "paperwork"},
	"Consumer prices":                {"Consumer prices", "Prices in the shops", "Inflation"},
	"in a row":                       {"in a row", "running", "in succession"},
	"the announcement":               {"the announcement", "the decision", "the news", "the move"},
	"Most economists":                {"Most economists", "Most analysts", "Economists polled by {P} Capital", "A majority of forecasters"},
	"had expected":                   {"had expected", "had forecast", "had predicted", "had pencilled in"},
	"smaller":                        {"smaller", "more modest", "gentler"},
	"increase":                       {"increase", "rise", "hike"},
	"fell after":                     {"fell after", "dipped following", "eased after"},
	"the remarks":                    {"the remarks", "the comments", "the testimony", "{S0}'s comments"},
	"Markets":                        {"Markets", "Traders", "Investors"},
	"chance":                         {"chance", "probability", "likelihood"},
	"ballots":                        {"ballots", "votes", "papers"},
	"rejected":                       {"rejected", "discarded", "ruled invalid"},
	"spoiled":                        {"spoiled", "invalid", "void"},
	"voters":                         {"voters", "electors", "residents of {P}"},
	"stayed at home":                 {"stayed at home", "did not vote", "skipped the vote"},
	"observe":                        {"observe", "watch", "monitor"},
	"candidates":                     {"candidates", "contenders", "rivals"},
	"Most of the change":             {"Most of the change", "Much of the swing", "The bulk of the shift"},
	"initially":                      {"initially", "first", "originally"},
	"challenge":                      {"challenge", "contest", "dispute"},
	"in court":                       {"in court", "before a judge", "in the courts"},
	"narrows":                        {"narrows", "trims", "cuts"},
	"majority":                       {"majority", "margin", "lead"},
	"homes":                          {"homes", "houses", "households"},
	"Schools":                        {"Schools", "School buildings", "Gyms and schools in {P}"},
	"were turned into":               {"were turned into", "became", "were converted into"},
	"shelters":                       {"shelters", "temporary shelters", "emergency shelters"},
	"families":                       {"families", "households", "residents"},
	"Forecasters":                    {"Forecasters", "Meteorologists", "The weather service"},
	"would ease":                     {"would ease", "should let up", "would weaken"},
	"the end of the week":            {"the end of the week", "the weekend", "Friday"},
	"payment":                        {"payment", "grant", "allowance"},
	"without electricity":            {"without electricity", "without power", "cut off from the grid"},
	"demanded":                       {"demanded", "called for", "pressed for"},
	"public meeting":                 {"public meeting", "town hall meeting", "packed meeting in {P}"},
	"No one was hurt":                {"No one was hurt", "Nobody was injured", "There were no injuries"},
	"cause":                          {"cause", "origin", "source"},
	"not yet known":                  {"not yet known", "still unclear", "yet to be established"},
	"opened a fund":                  {"opened a fund", "launched an appeal", "set up a fund"},
	"crews":                          {"crews", "fishermen", "boat owners"},
	"witnesses":                      {"witnesses", "people to testify"},
	"frozen":                         {"frozen", "blocked", "seized"},
	"sentence":                       {"sentence", "punishment", "penalty"},
	"next month":                     {"next month", "in the coming weeks", "at a later hearing"},
	"appeal":                         {"appeal", "challenge the verdict", "file an appeal"},
	"entire":                         {"entire", "whole", "full"},
	"employ":                         {"employ", "have", "count"},
	"Shares in":                      {"Shares in", "The share price of", "Stock in"},
	"on the news":                    {"on the news", "after the announcement", "in early trading"},
	"needs":                          {"needs", "requires", "still needs"},
	"approval":                       {"approval", "clearance", "a green light"},
	"review":                         {"review", "investigation", "probe"},
	"Customers":                      {"Customers", "Buyers", "Carmakers and builders"},
	"complained":                     {"complained", "warned", "argued"},
	"could rise":                     {"could rise", "might go up", "would climb"},
	"Unions":                         {"Unions", "Union leaders", "Steelworkers"},
	"fear":                           {"fear", "warn of", "expect"},
	"job losses":                     {"job losses", "redundancies", "lost jobs"},
	"struggled":                      {"struggled", "battled", "wrestled"},
	"high energy costs":              {"high energy costs", "soaring power bills", "expensive energy"},
	"dispute":                        {"dispute", "conflict", "row"},
	"talks":                          {"talks", "negotiations"},
	"broke down":                     {"broke down", "collapsed", "failed"},
	"lasted":                         {"lasted", "went on for", "ran for"},
	"complained for years":           {"complained for years", "raised concerns for years", "warned for a long time"},
	"according to local councillors": {"according to local councillors", "councillors in {P} said", "local politicians said"},
	"injuring":                       {"injuring", "hurting"},
	"cutting":                        {"cutting", "severing", "breaking"},
	"the main link":                  {"the main link", "the key route", "the chief connection"},
	"stayed above":                   {"stayed above", "remained over", "run ahead of"},
	"keep a close eye on":            {"keep a close eye on", "watch", "monitor"},
	"went to the polls":              {"went to the polls", "voted", "cast their ballots"},
	"vacant":                         {"vacant", "empty", "open"},
	"at the heart of":                {"at the heart of", "central to", "the core of"},
	"melting snow":                   {"melting snow", "snowmelt", "thawing snow"},
	"auditors":                       {"auditors", "inspectors", "accountants"},
	"gaps":                           {"gaps", "holes", "irregularities"},
	"the main industry":              {"the main industry", "the chief employer", "the backbone of the economy"},
	"a century":                      {"a century", "a hundred years", "generations"},
	"halting":                        {"halting", "stopping", "paralysing"},
	"walked off the job":             {"walked off the job", "stopped work", "downed tools", "went on strike"},
	"refusing":                       {"refusing", "declining"},
	"left waiting":                   {"left waiting", "stuck", "held"},
	"offshore":                       {"offshore", "at sea", "outside the harbour"},
	"appointed":                      {"appointed", "named", "brought in"},
	"striking":                       {"striking", "protesting"},
	"entered":                        {"entered", "went into", "reached"},
	"resumed":                        {"resumed", "restarted", "began again"},
	"return to work":                 {"return to work", "go back to work", "resume work"},
	"voted":                          {"voted", "agreed", "decided"},
	"accept":                         {"accept", "approve", "take"},
	"pay rise":                       {"pay rise", "wage increase", "raise"},
	"sending":                        {"sending", "plunging", "throwing"},
	"vehicles":                       {"vehicles", "cars", "motorists"},
	"emergency services":             {"emergency services", "rescuers", "the fire service"},
	"gave way":                       {"gave way", "collapsed", "fell"},
	"rush hour":                      {"rush hour", "peak traffic", "commute"},
	"pulled":                         {"pulled", "rescued", "hauled"},
	"independent inquiry":            {"independent inquiry", "inquiry", "independent investigation"},
	"examine":                        {"examine", "establish", "look into"},
	"findings":                       {"findings", "report", "final report"},
	"investigators":                  {"investigators", "inspectors", "the inquiry"},
	"raised":                         {"raised", "lifted", "increased"},
	"stickier":                       {"stickier", "more persistent", "harder to shift"},
	"Borrowing costs":                {"Borrowing costs", "Loan costs", "Mortgage rates"},
	"lawmakers":                      {"lawmakers", "MPs", "parliament"},
	"foregone conclusion":            {"foregone conclusion", "given", "certainty"},
	"full recount":                   {"full recount", "recount", "complete recount"},
	"separated":                      {"separated", "divided", "split"},
	"leading":                        {"leading", "top", "front-running"},
	"manual":                         {"manual", "hand", "full"},
	"overturned":                     {"overturned", "reversed", "upended"},
	"provisional":                    {"provisional", "preliminary", "initial"},
	"burst its banks":                {"burst its banks", "overflowed", "broke its banks"},
	"heavy rain":                     {"heavy rain", "downpours", "torrential rain"},
	"flooding":                       {"flooding", "inundating", "swamping"},
	"Floodwater":                     {"Floodwater", "Water", "The flood"},
	"swept through":                  {"swept through", "poured into", "filled"},
	"low-lying":                      {"low-lying", "lower", "riverside"},
	"compensation":                   {"compensation", "aid", "payouts"},
	"recede":                         {"recede", "go down", "fall"},
	"tore through":                   {"tore through", "swept", "ripped through"},
	"destroying":                     {"destroying", "burning", "wrecking"},
	"brought it under control":       {"brought it under control", "put it out", "contained it"},
	"fought":                         {"fought", "battled", "tackled"},
	"pleaded not guilty":             {"pleaded not guilty", "denied", "rejected"},
	"charges of":                     {"charges of", "accusations of", "allegations of"},
	"diverting":                      {"diverting", "siphoning off", "embezzling"},
	"convicted":                      {"convicted", "found guilty", "sentenced"},
	"creating":                       {"creating", "forming", "making"},
	"largest":                        {"largest", "biggest", "leading"},
	"rival":                          {"rival", "competitor"},
	"is to be taken over by":         {"is to be taken over by", "will be bought by", "has agreed to a takeover by", "is being sold to"},
	"in a deal worth":                {"in a deal worth", "for", "in a transaction valued at", "at a price of"},
	"its rival":                      {"its rival", "its competitor", "its larger rival", "fellow steelmaker"},
	"an electrical fault":            {"an electrical fault", "faulty wiring", "a short circuit", "a gas heater"},
	"is being investigated":          {"is being investigated", "is suspected", "is the main theory"},
	"a blaze":                        {"a blaze", "a fire", "the flames"},
	"for hours":                      {"for hours", "for {N1} hours", "through the night"},
	"lifted":                         {"lifted", "pushed up", "hiked"},
	"its key rate":                   {"its key rate", "the benchmark rate", "its main interest rate"},
	"are going up":                   {"are going up", "are rising", "will rise"},
	"The town council":               {"The town council", "The {P} council", "Local authorities"},
	"the affected":                   {"the affected", "the stricken", "the"},
	"anyone else":                    {"anyone else", "more people", "other victims"},
	"had been on the span":           {"had been on the span", "was trapped", "had fallen in"},
	"The trial of":                   {"The trial of", "Proceedings against", "The case against"},
	"opened":                         {"opened", "began", "got under way"},
	"used boats":                     {"used boats", "took boats", "needed boats"},
	"to reach":                       {"to reach", "to get to", "to evacuate"},
	"rescuers":                       {"rescuers", "emergency crews", "lifeboat crews"},
	"in-depth":                       {"in-depth", "full", "detailed"},
}

// phrasesRU is the Russian dictionary, as phrasesEN.
var phrasesRU = map[string][]string{
	"требует":           {"требует", "добивается", "настаивает на"},
	"повышения":         {"повышения", "увеличения", "роста"},
	"зарплат":           {"зарплат", "заработной платы", "окладов"},
	"в течение":         {"в течение", "на протяжении", "за"},
	"По данным":         {"По данным", "Как сообщают", "Согласно данным"},
	"не менее":          {"не менее", "минимум", "по меньшей мере"},
	"около":             {"около", "примерно", "порядка"},
	"судов":             {"судов", "кораблей", "судов {P}"},
	"Полиция":           {"Полиция", "Полиция {P}", "Сотрудники ГИБДД"},
	"перекрыла":         {"перекрыла", "закрыла", "оцепила"},
	"водителям":         {"водителям", "автомобилистам"},
	"предложено":        {"предложено", "рекомендовано", "советуют"},
	"объездной":         {"объездной", "кольцевой"},
	"ежедневно":         {"ежедневно", "каждый день", "в сутки"},
	"автомобилей":       {"автомобилей", "машин", "транспортных средств"},
	"выделено":          {"выделено", "направлено", "заложено"},
	"Проверке":          {"Проверке", "Обследованию", "Инспекции"},
	"подвергнут":        {"подвергнут", "подлежат"},
	"экономистов":       {"экономистов", "аналитиков", "экспертов"},
	"ожидали":           {"ожидали", "прогнозировали", "предсказывали"},
	"укрепилась":        {"укрепилась", "подорожала", "выросла"},
	"снизилась":         {"снизилась", "упала", "опустилась"},
	"бюллетеней":        {"бюллетеней", "голосов", "бланков"},
	"Недействительными": {"Недействительными", "Испорченными"},
	"может оспорить":    {"может оспорить", "вправе обжаловать", "намерен оспорить"},
	"итоги":             {"итоги", "результаты"},
	"Уровень воды":      {"Уровень воды", "Вода в реке", "Уровень реки у {P}"},
	"поднялся":          {"поднялся", "вырос", "прибавил"},
	"пункты временного размещения": {"пункты временного размещения", "временные пункты", "пункты эвакуации"},
	"Синоптики":           {"Синоптики", "Метеорологи", "В гидрометцентре"},
	"обещают":             {"обещают", "прогнозируют", "ожидают"},
	"Каждая семья":        {"Каждая семья", "Каждое хозяйство", "Каждая пострадавшая семья"},
	"получит":             {"получит", "сможет получить"},
	"Без электричества":   {"Без электричества", "Без света", "Без электроснабжения"},
	"остаются":            {"остаются", "по-прежнему остаются"},
	"Жители":              {"Жители", "Горожане", "Жители {P}"},
	"требуют":             {"требуют", "добиваются"},
	"Никто не пострадал":  {"Никто не пострадал", "Пострадавших нет", "Обошлось без пострадавших"},
	"Причины":             {"Причины", "Обстоятельства"},
	"выясняются":          {"выясняются", "устанавливаются", "пока неизвестны"},
	"Процесс":             {"Процесс", "Суд", "Разбирательство"},
	"продлится":           {"продлится", "займёт", "будет идти"},
	"намерена":            {"намерена", "собирается", "планирует"},
	"обжаловать":          {"обжаловать", "оспорить"},
	"будут работать":      {"будут работать", "будет занято", "будут трудиться"},
	"Проверка":            {"Проверка", "Рассмотрение", "Расследование"},
	"может занять":        {"может занять", "продлится", "займёт"},
	"недель":              {"недель", "недель, по оценкам"},
	"продолжалась":        {"продолжалась", "длилась", "шла"},
	"На разбор":           {"На разбор", "На обработку", "На вывоз"},
	"скопившихся":         {"скопившихся", "накопившихся", "застрявших"},
	"уйдёт":               {"уйдёт", "потребуется"},
	"дней":                {"дней", "суток"},
	"судоходные компании": {"судоходные компании", "перевозчики", "судовладельцы"},
	"перенаправили":       {"перенаправили", "отправили", "увели"},
	"прекратили работу":   {"прекратили работу", "вышли на забастовку", "остановили работу"},
	"потребовав":          {"потребовав", "добиваясь", "настаивая на"},
	"сильных дождей":      {"сильных дождей", "ливней", "затяжных дождей"},
	"подтоплены":          {"подтоплены", "затоплены", "оказались под водой"},
	"эвакуированы":        {"эвакуированы", "вывезены", "отселены"},
	"сообщила":            {"сообщила", "заявила", "рассказала"},
	"сообщил":             {"сообщил", "заявил", "рассказал"},
	"начался":             {"начался", "стартовал", "открылся"},
	"признал":             {"признал", "счёл"},
	"договорилась":        {"договорилась", "условилась", "заключила соглашение"},
	"покупке":             {"покупке", "приобретении", "поглощении"},
	"начал":               {"начал", "открыл", "приступил к"},
	"сославшись на":       {"сославшись на", "указав на"},
	"устойчивую":          {"устойчивую", "высокую", "упорную"},
	"разрыв":              {"разрыв", "разница"},
	"составил":            {"составил", "оказался равен", "составляет"},
	"поручил":             {"поручил", "велел", "распорядился, чтобы"},
	"выяснить":            {"выяснить", "установить", "определить"},
	"причины":             {"причины", "обстоятельства"},
	"говорится в":         {"говорится в", "следует из", "указано в"},
	"опубликованных":      {"опубликованных", "обнародованных", "представленных"},
	"пострадали":          {"пострадали", "ранены", "получили травмы"},
	"несколько":           {"несколько", "{N1}", "ряд"},
	"упали в воду":        {"упали в воду", "рухнули в реку", "оказались в воде"},
}

// enrich rewrites the plain phrases of a template as choices among their
// alternatives. Slots and existing choices are left as they are.
func enrich(s string, dict map[string][]string, keys *phraseKeys) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '{' {
			end := strings.IndexByte(s[i:], '}')
			b.WriteString(s[i : i+end+1])
			i += end + 1
			continue
		}
		if c == '[' || c == '|' || c == ']' {
			// the words inside alternatives are enriched too
			b.WriteByte(c)
			i++
			continue
		}
		if i == 0 || !isWordByte(s, i-1) {
			matched := false
			for _, k := range keys[c] {
				if strings.HasPrefix(s[i:], k) && (i+len(k) == len(s) || !isWordByte(s, i+len(k))) {
					b.WriteByte('[')
					b.WriteString(strings.Join(dict[k], "|"))
					b.WriteByte(']')
					i += len(k)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// isWordByte reports whether the rune that byte i belongs to is part of
// a word (a letter, digit, apostrophe or hyphen).
func isWordByte(s string, i int) bool {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '\'' || r == '-' || r == '_' || ('0' <= r && r <= '9') || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0x400 && r <= 0x4ff
}

// phraseKeys holds the phrases of a dictionary by their first byte, so
// that enrich tries at each word only those that may start there.
type phraseKeys [256][]string

// sortedKeys returns the phrases of dict by their first byte, each list
// longest first, so that a phrase wins over the words inside it.
func sortedKeys(dict map[string][]string) *phraseKeys {
	keys := make([]string, 0, len(dict))
	for k := range dict {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	var byFirst phraseKeys
	for _, k := range keys {
		byFirst[k[0]] = append(byFirst[k[0]], k)
	}
	return &byFirst
}
