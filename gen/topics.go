package gen

// The story templates. Slots: {P} place, {A0}..{A3} an actor's full name,
// {S0}..{S3} surname, {R0}..{R3} role, {G0}..{G3} the Russian past-tense
// ending for the actor's gender, {O} the organisation, {T} the thing the
// story is about, {N1} a small count, {N2} a large count, {N3} a percentage,
// {N4} an amount in millions, {D} "on Tuesday" or "on March 3", {M} the
// event's date, {Q} the date the story began.

type phase struct {
	titles, leads, facts       []string
	ruTitles, ruLeads, ruFacts []string
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
	background []string
	ruBack     []string
}

var topics = []topic{
	{
		name:  "strike",
		roles: [4]pair{{"union leader", "лидер профсоюза"}, {"chief executive of the {O}", "глава компании"}, {"labour minister", "министр труда"}, {"mediator", "посредник"}},
		org:   pair{"{P} Port Authority", "администрация порта {P}"}, thing: pair{"the {P} docks", "порт {P}"},
		phases: []phase{
			{titles: []string{"Workers at {T} walk out over pay", "Strike halts {T} as pay talks collapse", "{N2} workers strike in {P}"},
				leads:    []string{"About {N2} workers at {T} walked off the job {D}, halting most work after pay talks with the {O} broke down.", "A strike over pay shut {T} {D}, with {N2} employees refusing to start their shifts and {N1} ships left waiting offshore."},
				facts:    []string{"The union is demanding a {N3}% wage increase over two years, while the {O} has offered about half that.", "At least {N1} vessels were waiting at anchor by the afternoon, according to harbour traffic data.", "Managers said the stoppage would cost exporters about {N4} million crowns a day."},
				ruTitles: []string{"В {P} началась забастовка", "Работники порта {P} прекратили работу"},
				ruLeads:  []string{"{N2} работников порта {P} {D} прекратили работу, потребовав повышения зарплат."},
				ruFacts:  []string{"Профсоюз требует повышения зарплат на {N3}% в течение двух лет.", "По данным диспетчеров, на рейде ожидают разгрузки не менее {N1} судов."}},
			{titles: []string{"Mediator appointed in {P} strike", "Talks resume as {P} strike drags on", "Government steps in to end {P} dispute"},
				leads:    []string{"The government {D} appointed {A3} to mediate between striking workers and the {O}, as the stoppage at {T} entered its second week.", "Talks to end the strike at {T} resumed {D} under {A3}, a mediator appointed by the labour ministry."},
				facts:    []string{"Both sides agreed to meet at the ministry, though the union said the strike would continue in the meantime.", "Shipping lines said they had diverted {N1} vessels to other ports since the strike began on {Q}.", "Warehouse firms near the harbour said {N2} of their staff had been sent home without pay."},
				ruTitles: []string{"В конфликт в порту {P} вмешалось правительство"},
				ruLeads:  []string{"Правительство {D} назначило посредника для переговоров между бастующими и администрацией порта {P}."},
				ruFacts:  []string{"Забастовка продолжается с {Q}, за это время судоходные компании перенаправили в другие порты {N1} судов."}},
			{titles: []string{"Deal ends strike at {T}", "{P} workers accept pay offer, strike over", "Strike at {T} ends with {N3}% pay rise"},
				leads:    []string{"Workers at {T} will return to work after the union and the {O} agreed a pay deal {D}, ending a strike that began on {Q}.", "The strike at {T} is over: union members voted {D} to accept a {N3}% pay rise over two years."},
				facts:    []string{"It will take at least {N1} days to clear the backlog of ships, the {O} said.", "The deal also limits night shifts, one of the union's main demands.", "Exporters said the strike had cost them at least {N4} million crowns in lost sales."},
				ruTitles: []string{"Забастовка в порту {P} завершилась"},
				ruLeads:  []string{"Работники порта {P} возвращаются к работе: {D} профсоюз и администрация порта договорились о повышении зарплат на {N3}%."},
				ruFacts:  []string{"Забастовка продолжалась с {Q}. На разбор скопившихся грузов уйдёт не менее {N1} дней."}},
		},
		quotes: []quote{
			{"We did not want this strike, but we were left no choice.", "Our members have waited four years for a real raise.", "the union had been left no choice but to strike", "Мы не хотели этой забастовки, но нам не оставили выбора.", "Наши люди четыре года ждут настоящего повышения.", "у профсоюза не осталось другого выхода"},
			{"The offer on the table is fair and affordable.", "Every day of this strike sends customers to other ports.", "the offer was fair and that the strike was driving customers away", "Наше предложение справедливое и посильное.", "Каждый день забастовки отпугивает клиентов.", "предложение компании является справедливым"},
			{"Nobody gains from a long dispute at one of our biggest ports.", "I want both sides back at the table this week.", "both sides should return to talks without delay", "Затяжной конфликт никому не выгоден.", "Я хочу, чтобы стороны вернулись за стол переговоров.", "стороны должны немедленно вернуться к переговорам"},
			{"Both sides have come here in good faith.", "That is a start, and I do not intend to waste it.", "both sides had shown good faith", "Обе стороны пришли с добрыми намерениями.", "Это хорошее начало.", "стороны настроены конструктивно"},
		},
		who:        []int{0, 1, 2, 3},
		background: []string{"The dispute at {T} began on {Q}, when talks between the union and the {O} broke down over pay and night shifts.", "The last major strike in {P} lasted nine days and cost the regional economy dearly."},
		ruBack:     []string{"Конфликт в порту {P} начался {Q}, когда переговоры о зарплатах зашли в тупик."},
	},
	{
		name:  "collapse",
		roles: [4]pair{{"mayor", "мэр"}, {"fire chief", "начальник пожарной службы"}, {"transport minister", "министр транспорта"}, {"lead investigator", "руководитель комиссии"}},
		org:   pair{"regional roads agency", "региональное дорожное агентство"}, thing: pair{"the {P} river bridge", "мост в {P}"},
		phases: []phase{
			{titles: []string{"Bridge collapses in {P}; {N1} hurt", "Part of {T} falls into river", "Cars plunge into river as {T} gives way"},
				leads:    []string{"Part of {T} collapsed {D}, sending several vehicles into the water and injuring {N1} people, emergency services said.", "The central span of {T} gave way {D} during the evening rush hour, and rescuers pulled {N1} people from the river."},
				facts:    []string{"The bridge, built in the 1960s, carried about {N2} vehicles a day.", "Police closed the embankments on both sides and asked drivers to use the ring road.", "Divers searched the water late into the night in case anyone else had been on the span."},
				ruTitles: []string{"В {P} обрушился мост", "Обрушение моста в {P}: пострадали {N1} человек"},
				ruLeads:  []string{"{D} в {P} обрушилась часть моста через реку, несколько автомобилей упали в воду, пострадали {N1} человек."},
				ruFacts:  []string{"По мосту ежедневно проезжали около {N2} автомобилей.", "Полиция перекрыла набережные, водителям предложено пользоваться объездной дорогой."}},
			{titles: []string{"Inquiry ordered into {P} bridge collapse", "Minister orders checks on {N1} bridges after {P} collapse"},
				leads:    []string{"The transport minister {D} ordered an independent inquiry into the collapse of {T} and said {N1} bridges of the same design would be inspected.", "An independent inquiry led by {A3} will examine why {T} collapsed on {Q}, the government said {D}."},
				facts:    []string{"Lorries will be kept off the bridges of the same design until they have been inspected.", "The government set aside {N4} million crowns for a temporary crossing.", "Officials confirmed that a full inspection planned two years ago had been postponed."},
				ruTitles: []string{"Обрушение моста в {P} расследует независимая комиссия"},
				ruLeads:  []string{"Министр транспорта {D} поручил независимой комиссии выяснить причины обрушения моста в {P}, произошедшего {Q}."},
				ruFacts:  []string{"Проверке подвергнут ещё {N1} мостов той же конструкции.", "На временную переправу выделено {N4} млн крон."}},
			{titles: []string{"Corrosion caused {P} bridge collapse, inquiry finds", "Skipped inspection behind {P} bridge collapse"},
				leads:    []string{"Corroded steel hangers and a skipped inspection caused the collapse of {T}, the inquiry led by {A3} said in its findings {D}.", "The collapse of {T} on {Q} was the result of years of corrosion that inspectors should have seen, investigators said {D}."},
				facts:    []string{"At least {N1} hangers had lost more than half of their cross-section to rust.", "The {O} could not produce maintenance records for several years.", "The head of the {O} resigned hours after the report was published."},
				ruTitles: []string{"Причиной обрушения моста в {P} названа коррозия"},
				ruLeads:  []string{"Мост в {P} обрушился из-за коррозии и пропущенной проверки, говорится в выводах комиссии, опубликованных {D}."},
				ruFacts:  []string{"По меньшей мере {N1} подвесок потеряли из-за ржавчины более половины сечения."}},
		},
		quotes: []quote{
			{"We heard a noise like thunder.", "Then the middle of the bridge just wasn't there anymore.", "the bridge had gone down with a noise like thunder", "Мы услышали грохот, как гром.", "А потом середины моста просто не стало.", "мост рухнул с грохотом"},
			{"It is too early to say why it happened.", "Our priority is to make sure nobody else is in the river.", "it was too early to say what caused the collapse", "Пока рано говорить о причинах.", "Сейчас главное — убедиться, что в реке никого нет.", "о причинах говорить пока рано"},
			{"People deserve to know why a bridge in the middle of their town collapsed.", "They will get that answer.", "residents deserved a full explanation", "Люди имеют право знать, почему рухнул мост.", "Они получат ответ.", "жители получат полный ответ"},
			{"This was not a sudden, unforeseeable failure.", "The corrosion took years to develop.", "the failure had been building for years", "Это не было внезапным разрушением.", "Коррозия развивалась годами.", "разрушение назревало годами"},
		},
		who:        []int{0, 1, 2, 3},
		background: []string{"{T} collapsed on {Q}, injuring several people and cutting the main link between the two halves of {P}.", "Residents had complained for years about rust and cracks on the bridge, according to local councillors."},
		ruBack:     []string{"Мост в {P} обрушился {Q}, разделив город на две части."},
	},
	{
		name:  "rates",
		roles: [4]pair{{"central bank governor", "глава центрального банка"}, {"chief economist at {P} Capital", "главный экономист {P} Capital"}, {"finance minister", "министр финансов"}, {"deputy governor", "заместитель главы банка"}},
		org:   pair{"central bank", "центральный банк"}, thing: pair{"the key interest rate", "ключевая ставка"},
		phases: []phase{
			{titles: []string{"Central bank raises key rate to {N3}%", "Rates up: central bank moves to {N3}%", "Central bank lifts rates as inflation lingers"},
				leads:    []string{"The central bank raised its key interest rate to {N3}% {D}, saying inflation was proving stickier than expected.", "Borrowing costs are going up after the central bank lifted its key rate to {N3}% {D}, its first move in more than a year."},
				facts:    []string{"Consumer prices rose faster than the bank's 2% target for {N1} months in a row.", "The crown rose against the euro after the announcement.", "Most economists had expected a smaller increase."},
				ruTitles: []string{"Центробанк повысил ключевую ставку до {N3}%"},
				ruLeads:  []string{"Центральный банк {D} повысил ключевую ставку до {N3}%, сославшись на устойчивую инфляцию."},
				ruFacts:  []string{"Большинство экономистов ожидали более скромного повышения.", "После объявления крона укрепилась к евро."}},
			{titles: []string{"Governor says further rate rises not certain", "Central bank signals pause after rate rise"},
				leads:    []string{"Central bank governor {A0} told lawmakers {D} that further rate increases were not a foregone conclusion.", "The central bank may pause after its recent rate rise, governor {A0} suggested {D} in testimony to parliament."},
				facts:    []string{"Government bond yields fell after the remarks.", "The bank raised its key rate on {Q}.", "Markets now see less than a one-in-four chance of another rise."},
				ruTitles: []string{"Глава ЦБ допустил паузу в повышении ставки"},
				ruLeads:  []string{"Дальнейшее повышение ставки не предрешено, заявил{G0} {D} глава центрального банка {A0}."},
				ruFacts:  []string{"Банк повысил ставку {Q}.", "После этих слов доходность гособлигаций снизилась."}},
		},
		quotes: []quote{
			{"Inflation is no longer falling, and in services it is rising again.", "We would rather act now than have to do more later.", "inflation had stopped falling", "Инфляция больше не снижается.", "Лучше действовать сейчас, чем делать больше потом.", "инфляция перестала снижаться"},
			{"The bank was behind the curve and today it caught up.", "Wage settlements this year will keep inflation high.", "the bank had been slow to act", "Банк запаздывал и сегодня наверстал упущенное.", "Рост зарплат будет поддерживать инфляцию.", "банк действовал с опозданием"},
			{"We respect the independence of the bank.", "The decision is understandable in the circumstances.", "the government respected the bank's decision", "Мы уважаем независимость банка.", "Решение понятно в нынешних условиях.", "правительство уважает решение банка"},
		},
		who:        []int{0, 1, 2},
		background: []string{"The bank last changed rates on {Q}, when it said it would keep a close eye on wage growth.", "Inflation has stayed above target for most of the past two years."},
		ruBack:     []string{"В последний раз банк менял ставку {Q}."},
	},
	{
		name:  "election",
		roles: [4]pair{{"Civic Alliance candidate", "кандидат Гражданского альянса"}, {"Green Union candidate", "кандидат Зелёного союза"}, {"election commission chair", "председатель избирательной комиссии"}, {"political scientist", "политолог"}},
		org:   pair{"election commission", "избирательная комиссия"}, thing: pair{"the {P} by-election", "довыборы в {P}"},
		phases: []phase{
			{titles: []string{"Recount ordered in {P} after {N1}-vote margin", "{P} vote too close to call, recount ordered"},
				leads:    []string{"The election commission {D} ordered a full recount in {T} after just {N1} votes separated the two leading candidates.", "A manual recount will decide {T}, the election commission said {D}, after a margin of {N1} votes."},
				facts:    []string{"More than {N2} ballots were rejected as spoiled on election night.", "About {N2} voters who took part in the last election stayed at home, officials said.", "Both candidates will be allowed to observe the recount."},
				ruTitles: []string{"В {P} назначен пересчёт голосов"},
				ruLeads:  []string{"Избирательная комиссия {D} назначила пересчёт голосов на довыборах в {P}: разрыв между кандидатами составил {N1} голосов."},
				ruFacts:  []string{"Недействительными были признаны более {N2} бюллетеней."}},
			{titles: []string{"Recount overturns result in {P}", "{S1} wins {P} seat after recount"},
				leads:    []string{"{A1} won {T} after a recount overturned the provisional result, the election commission said {D}.", "The recount in {P} has reversed the election-night result: {A1} won by {N1} votes, officials said {D}."},
				facts:    []string{"Most of the change came from ballots initially rejected as spoiled.", "The losing candidate has {N1} days to challenge the result in court.", "The result narrows the government's majority in parliament."},
				ruTitles: []string{"Пересчёт голосов в {P} изменил итоги выборов"},
				ruLeads:  []string{"После пересчёта голосов победителем довыборов в {P} объявлен{G1} {A1}, сообщила {D} избирательная комиссия."},
				ruFacts:  []string{"Проигравший кандидат может оспорить итоги в суде."}},
		},
		quotes: []quote{
			{"This is not a sign that anything went wrong.", "It is how the system is supposed to work when an election is this close.", "the recount was a normal part of a close election", "Это не значит, что что-то пошло не так.", "Так и должна работать система при таком результате.", "пересчёт — обычная процедура"},
			{"Every vote deserves to be counted properly.", "I am quietly confident.", "every ballot should be counted properly", "Каждый голос должен быть учтён.", "Я спокойно смотрю в будущее.", "каждый голос должен быть учтён"},
			{"The people have spoken.", "I am ready to serve them.", "the voters had made their choice", "Люди сделали свой выбор.", "Я готов им служить.", "избиратели сделали свой выбор"},
		},
		who:        []int{2, 1, 0},
		background: []string{"Voters in {P} went to the polls on {Q} to fill a seat left vacant earlier in the year.", "Spoiled ballots have been at the heart of the dispute since election night."},
		ruBack:     []string{"Довыборы в {P} прошли {Q}."},
	},
	{
		name:  "flood",
		roles: [4]pair{{"mayor", "мэр"}, {"head of the rescue service", "начальник службы спасения"}, {"residents' representative", "представитель жителей"}, {"regional governor", "губернатор"}},
		org:   pair{"rescue service", "служба спасения"}, thing: pair{"the river in {P}", "река в {P}"},
		phases: []phase{
			{titles: []string{"Floods hit {P}; {N2} evacuated", "River bursts its banks in {P}"},
				leads:    []string{"The river burst its banks in {P} {D} after days of heavy rain, flooding {N2} homes and forcing hundreds of people to leave.", "Floodwater swept through low-lying streets of {P} {D}, and rescuers used boats to reach {N2} houses."},
				facts:    []string{"The water level rose by {N3} metres in a day.", "Schools were turned into shelters for evacuated families.", "Forecasters said the rain would ease by the end of the week."},
				ruTitles: []string{"Паводок в {P}: подтоплены {N2} домов", "В {P} река вышла из берегов"},
				ruLeads:  []string{"{D} в {P} река вышла из берегов после сильных дождей, подтоплены {N2} домов.", "Из-за паводка в {P} {D} эвакуированы жители прибрежных улиц, подтоплены {N2} домов."},
				ruFacts:  []string{"Уровень воды за сутки поднялся на {N3} метра.", "Для эвакуированных открыты пункты временного размещения в школах.", "Синоптики обещают, что дожди прекратятся к концу недели."}},
			{titles: []string{"Compensation for {P} flood victims", "{P} begins clean-up as waters recede"},
				leads:    []string{"Families whose homes were flooded in {P} will receive compensation, the mayor said {D}, as the water began to recede.", "The clean-up began in {P} {D}, days after the flood of {Q}."},
				facts:    []string{"Each affected family will receive a one-off payment of {N1} thousand crowns.", "About {N1}0 homes are still without electricity.", "Residents demanded a flood barrier at a public meeting."},
				ruTitles: []string{"Пострадавшим от паводка в {P} выплатят компенсации"},
				ruLeads:  []string{"Власти {P} начнут выплачивать компенсации пострадавшим от паводка {Q}, сообщил{G0} {D} мэр {A0}."},
				ruFacts:  []string{"Каждая семья получит по {N1} тысяч крон.", "Без электричества остаются около {N1}0 домов.", "Жители требуют построить защитную дамбу."}},
		},
		quotes: []quote{
			{"The night was very hard.", "We were taking people out by boat until morning.", "rescuers had worked through the night", "Ночь была очень тяжёлой.", "Мы вывозили людей на лодках до утра.", "спасатели работали всю ночь"},
			{"People come first.", "Houses can be rebuilt, lives cannot.", "saving lives was the priority", "Главное сейчас — люди.", "Дома восстановим, а жизни не вернёшь.", "главное — сохранить жизни людей"},
			{"The water came into the house in half an hour.", "We only managed to take our documents.", "the water had come in too fast to save anything", "Вода зашла в дом за полчаса.", "Мы успели забрать только документы.", "вода пришла слишком быстро"},
		},
		who:        []int{1, 0, 2},
		background: []string{"The flood in {P} began on {Q} after days of rain and melting snow."},
		ruBack:     []string{"Паводок в {P} начался {Q} после нескольких дней дождей и таяния снега.", "Такие паводки в {P} случаются каждые несколько лет."},
	},
	{
		name:  "fire",
		roles: [4]pair{{"harbour master", "начальник порта"}, {"fire chief", "начальник пожарной охраны"}, {"skipper", "капитан"}, {"police spokesperson", "представитель полиции"}},
		org:   pair{"fire service", "пожарная служба"}, thing: pair{"the harbour in {P}", "гавань {P}"},
		phases: []phase{
			{titles: []string{"Fire destroys {N1} boats in {P}", "Blaze sweeps through {P} harbour"},
				leads:    []string{"A fire tore through {T} {D}, destroying {N1} boats and a warehouse before firefighters brought it under control.", "Firefighters fought a blaze at {T} for hours {D}; {N1} vessels were lost."},
				facts:    []string{"No one was hurt, the fire service said.", "The cause was not yet known, but an electrical fault is being investigated.", "The town council opened a fund for the affected crews."},
				ruTitles: []string{"Пожар в гавани {P} уничтожил {N1} судов"},
				ruLeads:  []string{"{D} в гавани {P} сгорели {N1} судов и склад, сообщила пожарная служба."},
				ruFacts:  []string{"Никто не пострадал.", "Причины пожара выясняются."}},
		},
		quotes: []quote{
			{"By the time the first engine arrived, the boats were already burning.", "The crews did incredible work.", "the fire had spread before the first engine arrived", "Когда приехала первая машина, суда уже горели.", "Пожарные сработали отлично.", "огонь распространился очень быстро"},
			{"Everything I own was in that boat.", "I don't know if the insurance will cover it.", "he had lost everything", "Всё, что у меня было, было в этом судне.", "Не знаю, покроет ли это страховка.", "он потерял всё"},
		},
		who:        []int{0, 2},
		background: []string{"Fishing has been the main industry in {P} for more than a century."},
		ruBack:     []string{"Рыболовство — главная отрасль в {P}."},
	},
	{
		name:  "trial",
		roles: [4]pair{{"former finance director", "бывший финансовый директор"}, {"prosecutor", "прокурор"}, {"judge", "судья"}, {"defence lawyer", "адвокат"}},
		org:   pair{"{P} Water Company", "водоканал {P}"}, thing: pair{"the {O} fraud case", "дело водоканала {P}"},
		phases: []phase{
			{titles: []string{"Trial opens in {P} water company fraud case", "Former director denies fraud as trial opens"},
				leads:    []string{"The trial of {A0}, the {R0} of the {O}, opened {D} in {P}, with prosecutors alleging that {N4} million crowns were diverted.", "{A0} pleaded not guilty {D} to charges of diverting {N4} million crowns from the {O}."},
				facts:    []string{"The trial is expected to last {N1} weeks.", "Prosecutors plan to call more than {N1} witnesses.", "The company's accounts were frozen last year."},
				ruTitles: []string{"В {P} начался суд по делу водоканала"},
				ruLeads:  []string{"{D} в {P} начался процесс по делу о хищении {N4} млн крон из водоканала."},
				ruFacts:  []string{"Процесс продлится около {N1} недель."}},
			{titles: []string{"Verdict in {P} water fraud trial", "{S0} found guilty in water company case"},
				leads:    []string{"A court in {P} {D} found {A0} guilty of diverting {N4} million crowns from the {O}.", "{A0} was convicted {D} at the end of a trial that began on {Q}."},
				facts:    []string{"The sentence will be announced next month.", "The defence said it would appeal.", "The company has since changed its entire board."},
				ruTitles: []string{"Суд в {P} вынес приговор по делу водоканала"},
				ruLeads:  []string{"Суд в {P} {D} признал виновным бывшего финансового директора водоканала."},
				ruFacts:  []string{"Защита намерена обжаловать приговор."}},
		},
		quotes: []quote{
			{"The money was taken deliberately and over many years.", "This was not a mistake.", "the money had been taken deliberately", "Деньги выводились намеренно и годами.", "Это не ошибка.", "хищения были намеренными"},
			{"My client has always maintained his innocence.", "We will appeal.", "the defendant had always maintained his innocence", "Мой подзащитный не признаёт вину.", "Мы будем обжаловать.", "подзащитный не признаёт вину"},
		},
		who:        []int{1, 3},
		background: []string{"The case began after auditors found gaps in the {O} accounts.", "The trial began on {Q}."},
		ruBack:     []string{"Дело возбуждено после аудиторской проверки."},
	},
	{
		name:  "merger",
		roles: [4]pair{{"chief executive of {P} Steel", "глава {P} Steel"}, {"chief executive of Nordholm", "глава Nordholm"}, {"competition regulator", "глава антимонопольного ведомства"}, {"steelworkers' union leader", "лидер профсоюза металлургов"}},
		org:   pair{"{P} Steel", "{P} Steel"}, thing: pair{"the {P} Steel takeover", "сделка по {P} Steel"},
		phases: []phase{
			{titles: []string{"Nordholm agrees to buy {P} Steel", "{P} Steel sold in {N4} million crown deal"},
				leads:    []string{"Nordholm agreed {D} to buy {O} for {N4} million crowns, creating the country's largest steelmaker.", "{O} is to be taken over by its rival Nordholm in a deal worth {N4} million crowns, the companies said {D}."},
				facts:    []string{"The combined company will employ about {N2} people.", "Shares in {O} rose {N3}% on the news.", "The deal needs approval from the competition regulator."},
				ruTitles: []string{"Nordholm покупает {P} Steel"},
				ruLeads:  []string{"Компания Nordholm {D} договорилась о покупке {P} Steel за {N4} млн крон."},
				ruFacts:  []string{"В объединённой компании будут работать около {N2} человек."}},
			{titles: []string{"Regulator opens probe into {P} Steel takeover", "{P} Steel deal faces competition review"},
				leads:    []string{"The competition regulator {D} opened an in-depth investigation into Nordholm's takeover of {O}, announced on {Q}.", "Nordholm's purchase of {O} will face a full competition review, the regulator said {D}."},
				facts:    []string{"The review could take up to {N1} weeks.", "Customers have complained that prices could rise.", "Unions fear up to {N2} job losses."},
				ruTitles: []string{"Сделку по {P} Steel проверит антимонопольный регулятор"},
				ruLeads:  []string{"Антимонопольный регулятор {D} начал проверку сделки по покупке {P} Steel."},
				ruFacts:  []string{"Проверка может занять до {N1} недель."}},
		},
		quotes: []quote{
			{"Together we will be stronger in a tough market.", "No plant will close as a result of this deal.", "the merger would not lead to closures", "Вместе мы будем сильнее.", "Ни один завод не будет закрыт.", "сделка не приведёт к закрытию заводов"},
			{"We will look very carefully at what this means for customers.", "Prices matter.", "the regulator would examine the effect on prices", "Мы внимательно изучим последствия для потребителей.", "Цены имеют значение.", "регулятор изучит влияние сделки на цены"},
		},
		who:        []int{0, 2},
		background: []string{"{O} has struggled with high energy costs for several years.", "The takeover was announced on {Q}."},
		ruBack:     []string{"Сделка была объявлена {Q}."},
	},
}
