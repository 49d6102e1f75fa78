package gen

// The story templates. Slots: {P} place, {A0}..{A3} an actor's full name,
// {S0}..{S3} surname, {R0}..{R3} role, {G0}..{G3} the Russian past-tense
// ending for the actor's gender, {O} the organisation, {T} the thing the
// story is about, {N1} a small count, {N2} a large count, {N3} a percentage,
// {N4} an amount in millions, {D} "on Tuesday" or "on March 3", {M} the
// event's date, {Q} the date the story began.

type phase struct {
	titles, ruTitles []string
}

type quote struct {
	s1, s2, ind     string
	ru1, ru2, ruInd string
}

type topic struct {
	name       string
	roles      [4]pair
	org, thing pair
	phases     []phase
	quotes     []quote
	who        []int // the actor who says each quote
	// text is the reporting: leads, facts and background (text_*.go).
	text *reportingText
}

var topics = []topic{
	{
		name:  "strike",
		text:  &strikeText,
		roles: [4]pair{{"union leader", "лидер профсоюза"}, {"chief executive of the {O}", "глава компании"}, {"labour minister", "министр труда"}, {"mediator", "посредник"}},
		org:   pair{"{P} Port Authority", "администрация порта {P}"}, thing: pair{"the {P} docks", "порт {P}"},
		phases: []phase{
			{titles: []string{"Workers at {T} walk out over pay", "Strike halts {T} as pay talks collapse", "{N2} workers strike in {P}"},
				ruTitles: []string{"В {P} началась забастовка", "Работники порта {P} прекратили работу"}},
			{titles: []string{"Mediator appointed in {P} strike", "Talks resume as {P} strike drags on", "Government steps in to end {P} dispute"},
				ruTitles: []string{"В конфликт в порту {P} вмешалось правительство"}},
			{titles: []string{"Deal ends strike at {T}", "{P} workers accept pay offer, strike over", "Strike at {T} ends with {N3}% pay rise"},
				ruTitles: []string{"Забастовка в порту {P} завершилась"}},
		},
		quotes: []quote{
			{"We did not want this strike, but we were left no choice.", "Our members have waited four years for a real raise.", "[the union had been left no choice but to strike|workers had no other option than a strike|the strike was the last resort left to the union|the union had not wanted a strike but had been forced into one]", "Мы не хотели этой забастовки, но нам не оставили выбора.", "Наши люди четыре года ждут настоящего повышения.", "[у профсоюза не осталось другого выхода|забастовка была вынужденной мерой|иного пути у работников просто не было]"},
			{"The offer on the table is fair and affordable.", "Every day of this strike sends customers to other ports.", "[the offer was fair and that the strike was driving customers away|the company had made a fair offer|every day on strike was costing the port customers|management had put a fair and affordable offer on the table]", "Наше предложение справедливое и посильное.", "Каждый день забастовки отпугивает клиентов.", "[предложение компании является справедливым|администрация сделала честное предложение|каждый день забастовки отпугивает клиентов порта]"},
			{"Nobody gains from a long dispute at one of our biggest ports.", "I want both sides back at the table this week.", "[both sides should return to talks without delay|the two sides had to get back to the table this week|a long dispute helped nobody|talks had to resume at once]", "Затяжной конфликт никому не выгоден.", "Я хочу, чтобы стороны вернулись за стол переговоров.", "[стороны должны немедленно вернуться к переговорам|затяжной конфликт никому не выгоден|переговоры нужно возобновить уже на этой неделе]"},
			{"Both sides have come here in good faith.", "That is a start, and I do not intend to waste it.", "[both sides had shown good faith|the two sides had come to the talks in good faith|the first meeting had been a start|there was good will on both sides]", "Обе стороны пришли с добрыми намерениями.", "Это хорошее начало.", "[стороны настроены конструктивно|обе стороны пришли с добрыми намерениями|начало переговоров обнадёживает]"},
		},
		who: []int{0, 1, 2, 3},
	},
	{
		name:  "collapse",
		text:  &collapseText,
		roles: [4]pair{{"mayor", "мэр"}, {"fire chief", "начальник пожарной службы"}, {"transport minister", "министр транспорта"}, {"lead investigator", "руководитель комиссии"}},
		org:   pair{"regional roads agency", "региональное дорожное агентство"}, thing: pair{"the {P} river bridge", "мост в {P}"},
		phases: []phase{
			{titles: []string{"Bridge collapses in {P}; {N1} hurt", "Part of {T} falls into river", "Cars plunge into river as {T} gives way"},
				ruTitles: []string{"В {P} обрушился мост", "Обрушение моста в {P}: пострадали {N1} человек"}},
			{titles: []string{"Inquiry ordered into {P} bridge collapse", "Minister orders checks on {N1} bridges after {P} collapse"},
				ruTitles: []string{"Обрушение моста в {P} расследует независимая комиссия"}},
			{titles: []string{"Corrosion caused {P} bridge collapse, inquiry finds", "Skipped inspection behind {P} bridge collapse"},
				ruTitles: []string{"Причиной обрушения моста в {P} названа коррозия"}},
		},
		quotes: []quote{
			{"We heard a noise like thunder.", "Then the middle of the bridge just wasn't there anymore.", "[the bridge had gone down with a noise like thunder|there had been a sound like thunder before the span fell|the middle of the bridge had simply vanished|the collapse had sounded like a thunderclap]", "Мы услышали грохот, как гром.", "А потом середины моста просто не стало.", "[мост рухнул с грохотом|перед обрушением раздался грохот, похожий на гром|середина моста просто исчезла]"},
			{"It is too early to say why it happened.", "Our priority is to make sure nobody else is in the river.", "[it was too early to say what caused the collapse|the cause of the collapse was not yet known|finding anyone still in the river came first|nobody could yet say why the bridge fell]", "Пока рано говорить о причинах.", "Сейчас главное — убедиться, что в реке никого нет.", "[о причинах говорить пока рано|причины обрушения пока неизвестны|сейчас главное — найти людей в реке]"},
			{"People deserve to know why a bridge in the middle of their town collapsed.", "They will get that answer.", "[residents deserved a full explanation|people in the town would get an answer|the town had a right to know why its bridge fell|a full explanation was owed to residents]", "Люди имеют право знать, почему рухнул мост.", "Они получат ответ.", "[жители получат полный ответ|горожане имеют право знать, почему рухнул мост|ответ на вопрос о причинах будет дан]"},
			{"This was not a sudden, unforeseeable failure.", "The corrosion took years to develop.", "[the failure had been building for years|the corrosion had taken years to develop|this had not been a sudden failure|the damage had built up over many years]", "Это не было внезапным разрушением.", "Коррозия развивалась годами.", "[разрушение назревало годами|коррозия развивалась много лет|обрушение не было внезапным]"},
		},
		who: []int{0, 1, 2, 3},
	},
	{
		name:  "rates",
		text:  &ratesText,
		roles: [4]pair{{"central bank governor", "глава центрального банка"}, {"chief economist at {P} Capital", "главный экономист {P} Capital"}, {"finance minister", "министр финансов"}, {"deputy governor", "заместитель главы банка"}},
		org:   pair{"central bank of {K}", "центральный банк {K}"}, thing: pair{"the key interest rate", "ключевая ставка"},
		phases: []phase{
			{titles: []string{"Central bank raises key rate to {N3}%", "Rates up: central bank moves to {N3}%", "Central bank lifts rates as inflation lingers"},
				ruTitles: []string{"Центробанк повысил ключевую ставку до {N3}%"}},
			{titles: []string{"Governor says further rate rises not certain", "Central bank signals pause after rate rise"},
				ruTitles: []string{"Глава ЦБ допустил паузу в повышении ставки"}},
		},
		quotes: []quote{
			{"Inflation is no longer falling, and in services it is rising again.", "We would rather act now than have to do more later.", "[inflation had stopped falling|prices in services were rising again|it was better to act now than later|inflation was no longer coming down]", "Инфляция больше не снижается.", "Лучше действовать сейчас, чем делать больше потом.", "[инфляция перестала снижаться|цены в сфере услуг снова растут|лучше действовать сейчас, чем потом]"},
			{"The bank was behind the curve and today it caught up.", "Wage settlements this year will keep inflation high.", "[the bank had been slow to act|the bank had fallen behind the curve|pay deals would keep inflation high|the central bank had acted late]", "Банк запаздывал и сегодня наверстал упущенное.", "Рост зарплат будет поддерживать инфляцию.", "[банк действовал с опозданием|центробанк слишком долго медлил|рост зарплат будет разгонять цены]"},
			{"We respect the independence of the bank.", "The decision is understandable in the circumstances.", "[the government respected the bank's decision|the decision was understandable|the bank's independence was not in question|ministers accepted the rate decision]", "Мы уважаем независимость банка.", "Решение понятно в нынешних условиях.", "[правительство уважает решение банка|решение понятно в нынешних условиях|независимость банка никто не ставит под сомнение]"},
		},
		who: []int{0, 1, 2},
	},
	{
		name:  "election",
		text:  &electionText,
		roles: [4]pair{{"Civic Alliance candidate", "кандидат Гражданского альянса"}, {"Green Union candidate", "кандидат Зелёного союза"}, {"election commission chair", "председатель избирательной комиссии"}, {"political scientist", "политолог"}},
		org:   pair{"election commission", "избирательная комиссия"}, thing: pair{"the {P} by-election", "довыборы в {P}"},
		phases: []phase{
			{titles: []string{"Recount ordered in {P} after {N1}-vote margin", "{P} vote too close to call, recount ordered"},
				ruTitles: []string{"В {P} назначен пересчёт голосов"}},
			{titles: []string{"Recount overturns result in {P}", "{S1} wins {P} seat after recount"},
				ruTitles: []string{"Пересчёт голосов в {P} изменил итоги выборов"}},
		},
		quotes: []quote{
			{"This is not a sign that anything went wrong.", "It is how the system is supposed to work when an election is this close.", "[the recount was a normal part of a close election|a recount did not mean anything had gone wrong|this was how the system should work in a tight race|close results were always checked again]", "Это не значит, что что-то пошло не так.", "Так и должна работать система при таком результате.", "[пересчёт — обычная процедура|при таком разрыве голоса всегда пересчитывают|ничего необычного в пересчёте нет]"},
			{"Every vote deserves to be counted properly.", "I am quietly confident.", "[every ballot should be counted properly|each vote deserved a proper count|the candidate was quietly confident about the recount|all the papers had to be looked at again]", "Каждый голос должен быть учтён.", "Я спокойно смотрю в будущее.", "[каждый голос должен быть учтён|все бюллетени нужно проверить ещё раз|результат пересчёта ожидается спокойно]"},
			{"The people have spoken.", "I am ready to serve them.", "[the voters had made their choice|the people had spoken|the new member was ready to serve the town|voters had decided]", "Люди сделали свой выбор.", "Я готов им служить.", "[избиратели сделали свой выбор|люди высказались|новый депутат готов работать для города]"},
		},
		who: []int{2, 1, 0},
	},
	{
		name:  "flood",
		text:  &floodText,
		roles: [4]pair{{"mayor", "мэр"}, {"head of the rescue service", "начальник службы спасения"}, {"residents' representative", "представитель жителей"}, {"regional governor", "губернатор"}},
		org:   pair{"rescue service", "служба спасения"}, thing: pair{"the river in {P}", "река в {P}"},
		phases: []phase{
			{titles: []string{"Floods hit {P}; {N2} evacuated", "River bursts its banks in {P}"},
				ruTitles: []string{"Паводок в {P}: подтоплены {N2} домов", "В {P} река вышла из берегов"}},
			{titles: []string{"Compensation for {P} flood victims", "{P} begins clean-up as waters recede"},
				ruTitles: []string{"Пострадавшим от паводка в {P} выплатят компенсации"}},
		},
		quotes: []quote{
			{"The night was very hard.", "We were taking people out by boat until morning.", "[rescuers had worked through the night|boats had taken people out until morning|the night had been very hard for the crews|crews had not stopped until dawn]", "Ночь была очень тяжёлой.", "Мы вывозили людей на лодках до утра.", "[спасатели работали всю ночь|людей вывозили на лодках до самого утра|ночь выдалась очень тяжёлой]"},
			{"People come first.", "Houses can be rebuilt, lives cannot.", "[saving lives was the priority|houses could be rebuilt but lives could not|people came first|the first job was to get everyone out]", "Главное сейчас — люди.", "Дома восстановим, а жизни не вернёшь.", "[главное — сохранить жизни людей|дома можно восстановить, а жизни нет|прежде всего нужно вывезти всех]"},
			{"The water came into the house in half an hour.", "We only managed to take our documents.", "[the water had come in too fast to save anything|the house had filled in half an hour|there had only been time to grab documents|the flood had taken everything in minutes]", "Вода зашла в дом за полчаса.", "Мы успели забрать только документы.", "[вода пришла слишком быстро|дом затопило за полчаса|успели забрать только документы]"},
		},
		who: []int{1, 0, 2},
	},
	{
		name:  "fire",
		text:  &fireText,
		roles: [4]pair{{"harbour master", "начальник порта"}, {"fire chief", "начальник пожарной охраны"}, {"skipper", "капитан"}, {"police spokesperson", "представитель полиции"}},
		org:   pair{"fire service", "пожарная служба"}, thing: pair{"the harbour in {P}", "гавань {P}"},
		phases: []phase{
			{titles: []string{"Fire destroys {N1} boats in {P}", "Blaze sweeps through {P} harbour"},
				ruTitles: []string{"Пожар в гавани {P} уничтожил {N1} судов"}},
		},
		quotes: []quote{
			{"By the time the first engine arrived, the boats were already burning.", "The crews did incredible work.", "[the fire had spread before the first engine arrived|the boats were already alight when crews got there|the crews had done remarkable work|the flames moved faster than anyone could]", "Когда приехала первая машина, суда уже горели.", "Пожарные сработали отлично.", "[огонь распространился очень быстро|когда приехали пожарные, суда уже горели|пламя перекидывалось с лодки на лодку]"},
			{"Everything I own was in that boat.", "I don't know if the insurance will cover it.", "[he had lost everything|everything he owned had been on the boat|he did not know whether insurance would pay|the fire had taken his living]", "Всё, что у меня было, было в этом судне.", "Не знаю, покроет ли это страховка.", "[он потерял всё|всё его имущество было на судне|неизвестно, заплатит ли страховая]"},
		},
		who: []int{0, 2},
	},
	{
		name:  "trial",
		text:  &trialText,
		roles: [4]pair{{"former finance director", "бывший финансовый директор"}, {"prosecutor", "прокурор"}, {"judge", "судья"}, {"defence lawyer", "адвокат"}},
		org:   pair{"{P} Water Company", "водоканал {P}"}, thing: pair{"the {O} fraud case", "дело водоканала {P}"},
		phases: []phase{
			{titles: []string{"Trial opens in {P} water company fraud case", "Former director denies fraud as trial opens"},
				ruTitles: []string{"В {P} начался суд по делу водоканала"}},
			{titles: []string{"Verdict in {P} water fraud trial", "{S0} found guilty in water company case"},
				ruTitles: []string{"Суд в {P} вынес приговор по делу водоканала"}},
		},
		quotes: []quote{
			{"The money was taken deliberately and over many years.", "This was not a mistake.", "[the money had been taken deliberately|the payments were no mistake|money had been moved on purpose over many years|the losses were deliberate]", "Деньги выводились намеренно и годами.", "Это не ошибка.", "[хищения были намеренными|деньги выводились сознательно и годами|это не была ошибка]"},
			{"My client has always maintained his innocence.", "We will appeal.", "[the defendant had always maintained his innocence|the defence would appeal|the client denied every charge|the verdict would be challenged]", "Мой подзащитный не признаёт вину.", "Мы будем обжаловать.", "[подзащитный не признаёт вину|защита будет обжаловать приговор|обвинения беспочвенны]"},
		},
		who: []int{1, 3},
	},
	{
		name:  "merger",
		text:  &mergerText,
		roles: [4]pair{{"chief executive of {P} Steel", "глава {P} Steel"}, {"chief executive of {K}", "глава {K}"}, {"competition regulator", "глава антимонопольного ведомства"}, {"steelworkers' union leader", "лидер профсоюза металлургов"}},
		org:   pair{"{P} Steel", "{P} Steel"}, thing: pair{"the {P} Steel takeover", "сделка по {P} Steel"},
		phases: []phase{
			{titles: []string{"{K} agrees to buy {P} Steel", "{P} Steel sold in {N4} million crown deal"},
				ruTitles: []string{"{K} покупает {P} Steel"}},
			{titles: []string{"Regulator opens probe into {P} Steel takeover", "{P} Steel deal faces competition review"},
				ruTitles: []string{"Сделку по {P} Steel проверит антимонопольный регулятор"}},
		},
		quotes: []quote{
			{"Together we will be stronger in a tough market.", "No plant will close as a result of this deal.", "[the merger would not lead to closures|no plant would shut because of the deal|the two firms would be stronger together|every mill would stay open]", "Вместе мы будем сильнее.", "Ни один завод не будет закрыт.", "[сделка не приведёт к закрытию заводов|ни один завод не закроют|вместе компании станут сильнее]"},
			{"We will look very carefully at what this means for customers.", "Prices matter.", "[the regulator would examine the effect on prices|customers and prices would be looked at closely|the review would focus on what buyers pay|prices mattered to the regulator]", "Мы внимательно изучим последствия для потребителей.", "Цены имеют значение.", "[регулятор изучит влияние сделки на цены|последствия для покупателей будут изучены|ведомство посмотрит, как сделка скажется на ценах]"},
		},
		who: []int{0, 2},
	},
}
