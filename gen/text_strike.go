package gen

// The reporting of each kind of story: leads, facts and background, in
// English and Russian. Every entry is one sentence (or two) told in many
// shapes: "[shape|shape|…]" alternatives, nested, with the topic's
// references ("<docks>": the port, the docks in {P}, {P}'s harbour …)
// chosen anew each time they are used (see reportingText). Two reporters
// of one event, or of two look-alike events, thus start their sentences
// differently, put the time, the place and the cause in different
// places, and name the people and things their own way.

// reportingText is a topic's reporting.
type reportingText struct {
	// refs and ruRefs are the topic's references: "<key>" in a template
	// stands for the alternatives refs[key].
	refs, ruRefs map[string]string
	phases       []phaseText // English
	ruPhases     []phaseText // Russian
	background   []string
	ruBack       []string
}

// phaseText is the reporting of one phase of a story.
type phaseText struct {
	leads, facts     []string
	ruLeads, ruFacts []string
}

var strikeText = reportingText{
	refs: map[string]string{
		"org":      "[the {O}|the port authority|port management|the {O}|the authority that runs the port|management|the port's owners]",
		"Org":      "[The {O}|The port authority|Port management|The {O}]",
		"docks":    "[{T}|the port of {P}|{P}'s docks|the {P} container terminal|the harbour in {P}|the quays of {P}|the port|the container port in {P}]",
		"union":    "[the union|the dockers' union|{S0}'s union|the port workers' union|union leaders|the union led by {A0}]",
		"Union":    "[The union|The dockers' union|{S0}'s union|The port workers' union]",
		"workers":  "[workers|dockers|port workers|dock staff|crane drivers and dockers|staff|union members]",
		"leader":   "[{A0}, the {R0}|union leader {A0}|{A0}, who leads the union|{A0}|{S0}|the {R0}]",
		"Leader":   "[{A0}, the {R0}|Union leader {A0}|{A0}, who leads the union|{A0}]",
		"mediator": "[{A3}|{A3}, an experienced mediator|mediator {A3}|{A3}, appointed by the labour ministry|a mediator, {A3}|{A3}, a retired judge,]",
		"Mediator": "[{A3}|{A3}, an experienced mediator|Mediator {A3}|{A3}, appointed by the labour ministry]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"About {N2} workers at {T} walked off the job {D}, halting most work after pay talks with the {O} broke down.",
				"A strike over pay shut {T} {D}, with {N2} employees refusing to start their shifts and {N1} ships left waiting offshore.",
				"{D}, {N2} <workers> at <docks> [stopped work|downed tools|began an open-ended strike], [demanding|holding out for|seeking] a {N3}% pay rise [that <org> says it cannot afford|which management has refused|the port has turned down].",
				"[Cranes stood idle|Nothing moved|Work ground to a halt|The quays fell silent] at <docks> {D} as {N2} <workers> [joined a strike|went on strike|walked out] [called by|organised by|led by] <leader>.",
				"<Union> [called out|pulled out|brought out] {N2} [members|dockers|port staff] {D}, [in the first stoppage at|the first strike to hit|shutting] <docks> [in a decade|in {N1} years|since the port was sold to the {O}].",
				"Pay talks between <union> and <org> [collapsed|fell apart|ended without a deal] {D}, and within hours {N2} <workers> had [left the quays|walked off the job|stopped loading ships] [in {P}|at <docks>].",
				"[Ships queued|Container ships backed up|A line of ships formed] outside <docks> {D} after {N2} <workers> [struck over pay|began a pay strike|refused to work] [following the breakdown of talks|when negotiations with <org> broke down|in a row with management].",
				"[In {P},|At <docks>,] {N2} <workers> [are on strike|have stopped work|walked out] {D}: [talks on a new pay deal|negotiations over wages] [broke down|collapsed] [overnight|late on the previous evening|after {N1} rounds][, <union> said|].",
				"[No ships were unloaded|Not a single container moved] at <docks> {D} [after|as] {N2} <workers> [began a strike|stopped work] [over pay|in a row over wages].",
				"[A strike by {N2} <workers>|The walkout of {N2} <workers>] [has shut|brought to a halt] <docks> {D}, [and the {O} says|with management saying] [talks are off|it will not improve its offer].",
			},
			facts: []string{
				"[The union is demanding a {N3}% wage increase over two years, while the {O} has offered about half that.|<Org> has offered roughly half of the {N3}% rise [the union wants|that {S0} is demanding] over two years.|[What the union wants|The union's claim] is {N3}% over two years; [management|<org>] [has put|put] about half that on the table.|Half of the {N3}% [demanded|asked for] by <union> is as far as <org> [will go|has been willing to go][, negotiators on both sides [say|agree]|].]",
				"[At least {N1} vessels were waiting at anchor by the afternoon, according to harbour traffic data.|Harbour traffic data showed {N1} ships [at anchor|waiting to berth] by [the afternoon|mid-afternoon|nightfall].|By [the afternoon|nightfall], {N1} [vessels|cargo ships|container ships] [lay|were] at anchor [off {P}|outside the breakwater], [unable to unload|waiting for a berth].|[The queue of ships|The line of vessels] waiting [off {P}|outside the port] had grown to {N1} by [the afternoon|evening], tracking data showed.]",
				"[Managers said the stoppage would cost exporters about {N4} million crowns a day.|Each day of the stoppage [costs|will cost] exporters [around|roughly|an estimated] {N4} million crowns, [<org> estimates|managers estimate|].|[Exporters stand to lose|Shippers could lose|The strike could cost exporters] {N4} million crowns [a day|for every day it lasts], port managers warned.|[For exporters|For the firms that ship through {P}], the bill [runs to|comes to|is put at] {N4} million crowns [a day|daily], [by the port's reckoning|in management's estimate|].]",
				"[Fruit and fish importers said chilled goods were spoiling.|[Perishable cargo|Chilled food] [is at risk|could spoil] within {N1} days[, importers [said|warned]|].|[Importers|Food importers|Wholesalers in {P}] [worry about|fear for] [the|their] [fruit|fish and fruit|refrigerated cargo] [stuck on the quays|waiting in containers|that cannot be unloaded].]",
				"[Some {N1}0 pickets [stood|gathered] at [the harbour gates|the main gate] [at dawn|from early morning], [turning back lorries|as police looked on].|Police [watched|kept an eye on] a picket line of {N1}0 [strikers|union members] [at the gates|outside the terminal], [which stayed calm|and no arrests were reported|].|[Outside the terminal|At the main gate], {N1}0 [strikers|pickets] [handed out leaflets|lit braziers|held banners] [to passing drivers|through the night|as lorries turned back].]",
				"[[Lorry drivers|Hauliers] [waiting to collect containers|queuing at the gates] [were turned away|went home empty] [by the afternoon|before noon].|[Queues of lorries|Lines of trucks] [built up|formed] [outside the gates|on the approach road] [until police|before officers] [sent them away|cleared the road].]",
				"[The {O} [called|described] the [strike|walkout] [illegal|premature] and [said|warned] it [was considering|might seek] [a court order|legal action].|[Management|The port's owners] [threatened|spoke of] [legal action|going to court] [against the union|to end the walkout].]",
			},
		},
		{
			leads: []string{
				"The government {D} appointed {A3} to mediate between striking workers and the {O}, as the stoppage at {T} entered its second week.",
				"Talks to end the strike at {T} resumed {D} under {A3}, a mediator appointed by the labour ministry.",
				"[With|As] the strike at <docks> [in its second week|dragging on|showing no sign of ending], the labour minister {D} [brought in|named|appointed] <mediator> to [broker a deal|get both sides talking again|end the dispute].",
				"<Mediator> {D} [sat down with|met] <union> and <org> [for the first time|in separate rooms|at the labour ministry], [hoping to end|trying to break|in a bid to end] the [strike|stoppage|deadlock] at <docks>.",
				"{D}, [the government stepped into|ministers intervened in|the labour ministry took charge of] the [dispute|pay row|strike] at <docks>, [handing it to|asking] <mediator> [to find a settlement|to mediate].",
				"[Negotiators for|Representatives of] <union> and <org> [returned to the table|were back in talks|met again] {D} [under|with] <mediator>, [though|but] the [strike|walkout] [goes on|continues|was not suspended].",
				"[Hopes of|Chances of] [an end to|a deal in] the strike at <docks> [rose|grew] {D} [as|when] <mediator> [brought|got] <union> and <org> [together|back to the table].",
				"[A week into|Days into] the strike at <docks>, <mediator> {D} [began|opened] [talks|shuttle talks] [between|with] <union> and <org>.",
			},
			facts: []string{
				"[Both sides agreed to meet at the ministry, though the union said the strike would continue in the meantime.|<Union> agreed to the talks [but kept|while keeping] [its members|{N2} workers] [out|on strike].|The talks [are being held|take place] at the labour ministry; [meanwhile the strike continues|the picket lines stay in place until there is a deal][, <union> [said|made clear]|].]",
				"[Shipping lines said they had diverted {N1} vessels to other ports since the strike began on {Q}.|Since {Q}, {N1} [ships|vessels] [have been sent|were diverted|have gone] to other ports[, shipping lines said|].|{N1} [vessels|ships] [bound for {P}|due at <docks>] [have been diverted|went elsewhere] since the [walkout|strike] [started|began] on {Q}, [according to shipping lines|the lines say|].]",
				"[Warehouse firms near the harbour said {N2} of their staff had been sent home without pay.|[At warehouses|In the logistics yards] around [the harbour|<docks>], {N2} [staff|employees|people] have been sent home [without pay|unpaid], [their employers said|firms said|].|[The strike has also idled|Also idle are] {N2} [warehouse staff|logistics workers] [near the port|around the harbour], [sent home|laid off] without pay [by their employers|last week].]",
				"[Supermarkets in the region [reported|warned of] gaps on their shelves [for imported fruit|for some imported goods].|[Some shops|Retailers] in {P} [have run short of|are short of] imported [fruit|goods|spare parts], [a trade group said|the chamber of commerce said|].]",
			},
		},
		{
			leads: []string{
				"Workers at {T} will return to work after the union and the {O} agreed a pay deal {D}, ending a strike that began on {Q}.",
				"The strike at {T} is over: union members voted {D} to accept a {N3}% pay rise over two years.",
				"[The {N2} <workers> who had stopped work at <docks>|Strikers at <docks>] [will be back|return] [on the next shift|from the morning|within a day] after [a deal was reached|both sides signed an agreement] {D} [under|with the help of] <mediator>.",
				"{D}, <union> and <org> [signed|agreed|shook hands on] a [pay deal|two-year agreement|settlement] worth {N3}% [a year|over two years], [ending|bringing an end to] the [stoppage|strike] at <docks> [that began on {Q}|after {N1} days].",
				"[After {N1} days on strike|After {N1} days of picket lines], {N2} <workers> in {P} [voted|agreed] {D} to [go back to work|accept the offer], [winning|settling for] a {N3}% [rise|increase].",
				"[A deal|An agreement] [struck|reached] {D} [ends|has ended] the strike at <docks>: [the {O} will pay|workers get|pay goes up by] {N3}% [more|over two years], [<union> said|according to <union>|].",
				"[Cranes are moving again|Work resumes] at <docks> after <union> [accepted|agreed to] a {N3}% [pay rise|increase] {D}, [ending|closing] a [strike|dispute] that began on {Q}.",
				"[The strike is over|It is over] [in {P}|at <docks>]: {D}, [{N2} <workers>|union members] [voted|agreed] to [accept|take] a [deal|pay offer] worth {N3}%.",
			},
			facts: []string{
				"[It will take at least {N1} days to clear the backlog of ships, the {O} said.|[Clearing|Working through] the backlog of [ships|vessels] will take [at least|no less than] {N1} days, [<org> said|according to <org>|].|The {O} [expects|reckons] it will need {N1} days [or more|at least] to [clear the queue|unload the waiting ships].]",
				"[The deal also limits night shifts, one of the union's main demands.|Night shifts [will be limited|are capped] under the [deal|agreement], [which was|a] key demand of <union>.|[Besides the pay rise|As well as more pay], <union> [won|secured] limits on night work.]",
				"[Exporters said the strike had cost them at least {N4} million crowns in lost sales.|[Lost sales|The strike] cost exporters [at least|no less than] {N4} million crowns, [their association estimates|a trade group said|].|For exporters the [stoppage|walkout] [was costly|came at a price]: {N4} million crowns [or more|at least] in lost [orders|sales], [they say|by their count|].]",
				"[{N2} members [took part in|voted in] the ballot, and a [large|clear] majority [backed|approved] the offer[, <union> said|].|<Union> said [most|the great majority] of [members|those who voted] [backed|accepted] the deal [in a ballot|at a mass meeting].]",
			},
		},
	},
	background: []string{
		"[The dispute at {T} began on {Q}, when talks between the union and the {O} broke down over pay and night shifts.|[It was on {Q} that|On {Q},] [talks|pay talks] between <union> and <org> [broke down|collapsed], [starting|setting off] the [dispute|strike] at <docks>.|The [row|dispute] over pay and night shifts [dates back to|goes back to|started on] {Q}, [when|after] <union> [walked out of talks|rejected the {O}'s offer].]",
		"[The last major strike in {P} lasted nine days and cost the regional economy dearly.|[{P} last saw|The port's last] [a strike this size|big strike] [more than a decade ago|in the 1990s]; it [lasted|ran for] [nine days|over a week].|Strikes [at the port|in {P}] are rare: [the last one|the previous stoppage] [lasted|went on for] nine days [and was costly|and hit the region hard].]",
		"[<docks> [handles|is the gateway for] [about|some] [a fifth|a quarter] of the country's container trade.|[About|Roughly] [a fifth|a quarter] of the country's container [traffic|trade] [passes through|goes through] <docks>.]",
		"[Pay at the port has [lagged behind|not kept up with] prices [for years|for a decade][, <union> [argues|says]|].|[Dockers|<workers>] [say|argue] their pay has [fallen behind|lagged] inflation for {N1} years.]",
	},
	ruRefs: map[string]string{
		"порта": "[порта {P}|порта в {P}|морского порта {P}|портовых терминалов {P}]",
		"порту": "[порту {P}|порту в {P}|морском порту {P}|на терминалах {P}]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"{N2} работников порта {P} {D} прекратили работу, потребовав повышения зарплат.",
				"{D} в <порту> [началась забастовка|остановилась работа]: {N2} [докеров|работников] [требуют|добиваются] повышения [зарплат|оплаты труда] на {N3}%.",
				"[Переговоры о зарплатах|Переговоры профсоюза с администрацией] [в <порту>|<порта>] [сорвались|зашли в тупик] {D}, и {N2} [докеров|работников] [вышли на забастовку|прекратили работу].",
				"[Краны остановились|Работа встала|Погрузка прекратилась] в <порту> {D}: [профсоюз|профсоюз докеров] [объявил|начал] забастовку, [в ней участвуют|к ней присоединились] {N2} человек.",
			},
			ruFacts: []string{
				"[Профсоюз требует повышения зарплат на {N3}% в течение двух лет.|[Докеры|Профсоюз] [хотят|требует] прибавки в {N3}% за два года, [администрация|руководство порта] предлагает [примерно|около] половины.|Требование профсоюза — {N3}% за два года; [порт|администрация] [готов|готова] дать вдвое меньше.]",
				"[По данным диспетчеров, на рейде ожидают разгрузки не менее {N1} судов.|[К вечеру|К середине дня] на рейде [стояли|скопились] {N1} [судов|кораблей], [сообщают диспетчеры|по данным диспетчерской службы].|{N1} [судов|контейнеровозов] [ждут|ожидают] [разгрузки|очереди] на рейде {P}.]",
				"[Каждый день забастовки [обходится|обойдётся] экспортёрам [примерно|около] в {N4} млн крон, [подсчитали в порту|считают в администрации].|[Убытки экспортёров|Потери экспортёров] [оцениваются|составляют] в {N4} млн крон [в день|ежедневно].]",
			},
		},
		{
			ruLeads: []string{
				"Правительство {D} назначило посредника для переговоров между бастующими и администрацией порта {P}.",
				"[Забастовка|Конфликт] в <порту> [идёт уже вторую неделю|затянулся], и {D} [министерство труда|правительство] [назначило|привлекло] посредника — {A3}.",
				"{D} [стороны конфликта|профсоюз и администрация] <порта> [вновь сели за стол переговоров|возобновили переговоры] [при посредничестве|с участием] {A3}.",
			},
			ruFacts: []string{
				"[Забастовка продолжается с {Q}, за это время судоходные компании перенаправили в другие порты {N1} судов.|С {Q} [в другие порты|мимо {P}] [ушли|были направлены] {N1} судов, [сообщают перевозчики|по данным судоходных компаний].]",
				"[На время переговоров забастовка не прекращается, [предупредил профсоюз|заявили в профсоюзе].|Профсоюз [согласился на переговоры|сел за стол переговоров], но [пикеты остаются|забастовку не отменил].]",
			},
		},
		{
			ruLeads: []string{
				"Работники порта {P} возвращаются к работе: {D} профсоюз и администрация порта договорились о повышении зарплат на {N3}%.",
				"[Забастовка|Стачка] в <порту> [завершилась|закончилась] {D}: [стороны подписали|профсоюз принял] [соглашение|предложение] о [прибавке|повышении зарплат] на {N3}%.",
				"{D} [докеры|работники] <порта> [проголосовали за|одобрили] [новый договор|сделку с администрацией] и [вернутся|выйдут] на работу [со следующей смены|утром].",
			},
			ruFacts: []string{
				"[Забастовка продолжалась с {Q}. На разбор скопившихся грузов уйдёт не менее {N1} дней.|[На разгрузку|На разбор] [скопившихся|застрявших] [судов|грузов] [понадобится|уйдёт] [не менее|минимум] {N1} дней, [сообщили в порту|говорят в администрации].]",
				"[Соглашение также ограничивает ночные смены.|[Кроме прибавки|Помимо зарплат], профсоюз [добился|получил] [ограничения ночных смен|сокращения ночной работы].]",
			},
		},
	},
	ruBack: []string{
		"[Конфликт в порту {P} начался {Q}, когда переговоры о зарплатах зашли в тупик.|[Конфликт|Спор о зарплатах] в <порту> [тянется|идёт] с {Q}, [когда|после того как] [переговоры сорвались|профсоюз отверг предложение администрации].]",
		"[Последняя крупная забастовка в {P} [длилась|продолжалась] девять дней.|Забастовки в <порту> [случаются редко|— редкость]: [прошлая|предыдущая] [длилась|шла] девять дней.]",
	},
}
