package gen

var ratesText = reportingText{
	refs: map[string]string{
		"bank":     "[the central bank|the bank|the {O}|policymakers at the central bank|the bank's rate-setters|the bank's board|the monetary authority]",
		"Bank":     "[The central bank|The {O}|Policymakers at the central bank|The bank's rate-setters]",
		"governor": "[governor {A0}|{A0}, the bank's governor,|the {R0}, {A0},|{A0}|the governor|{A0}, in the job since {Q},]",
		"Governor": "[Governor {A0}|{A0}, the bank's governor,|The {R0}, {A0},|{A0}]",
		"rate":     "[its key interest rate|the key rate|its main policy rate|the benchmark rate|borrowing costs|the rate it charges banks|its key rate]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"The central bank raised its key interest rate to {N3}% {D}, saying inflation was proving stickier than expected.",
				"Borrowing costs are going up after the central bank lifted its key rate to {N3}% {D}, its first move in more than a year.",
				"{D}, <bank> [raised|lifted|increased] <rate> to {N3}%, [arguing|warning|as it judged] that [prices|inflation] [were|was] [not coming down fast enough|still rising too fast in services].",
				"[Mortgage holders|Households with loans|Borrowers] [face higher payments|will pay more] after <bank> [put up|raised] <rate> to {N3}% {D} [in a bid to|to try to|hoping to] [cool prices|bring inflation down|curb inflation].",
				"[In a [split|unanimous] decision|After a two-day meeting], <bank> {D} [took|moved] <rate> to {N3}%, [its first increase in more than a year|the highest level in {N1} years|ending a long pause].",
				"[Inflation that will not fall|Stubborn inflation|Persistent price growth] [pushed|led] <bank> to [raise|lift] <rate> to {N3}% {D}[, <governor> [told reporters|said at a press conference|said]|].",
				"<Bank> [surprised|did not surprise] markets {D}: <rate> [goes|went] up to {N3}%, [with|and] <governor> [warning|saying] that [services inflation|wage growth] [remained too high|was the main worry].",
				"[Interest rates are going up again|Borrowing is getting dearer]: <bank> {D} [set|put] <rate> at {N3}%, [citing|blaming] [prices in services|wage growth|stubborn inflation].",
				"[As expected|To the surprise of some economists], <bank> {D} [raised|lifted] <rate> [to {N3}%|by a quarter point to {N3}%].",
			},
			facts: []string{
				"[Consumer prices rose faster than the bank's 2% target for {N1} months in a row.|[For {N1} months running|{N1} months in a row], [prices|consumer prices] have [risen faster than|outpaced|exceeded] the 2% target.|The 2% [inflation target|target] has been [missed|overshot] for {N1} [consecutive months|months in a row].]",
				"[The crown rose against the euro after the announcement.|[After the decision|On the news], the crown [gained|strengthened|rose] against the euro.|[Currency traders|The currency market] [sent the crown higher|bid the crown up] [against the euro|on the decision].]",
				"[Most economists had expected a smaller increase.|[A smaller rise|A more modest increase] [had been expected|was what most economists had forecast].|[Economists|Analysts] polled [before the meeting|last week] had [mostly|largely] [predicted|expected] a smaller [move|step].]",
				"[[Banks|Lenders] [said they would pass on|are expected to pass on] the increase [to mortgage customers|to borrowers] [within weeks|from next month].|Variable-rate [mortgages|loans] [will cost more|go up] [from next month|within weeks], [lenders said|as banks pass on the rise|].]",
				"[The vote on the [board|rate-setting committee] was {N1} to [one|two], [minutes showed|the bank said|].|[Not every member|One member of the board] [backed|supported] the move, [the bank disclosed|minutes show|].]",
				"[[The rise|The increase] [adds|will add] [about|roughly] {N1}0 crowns a month to [a typical|an average] mortgage, [banks estimate|by one bank's estimate].|[For a typical borrower|For an average household with a loan], [the change means|that works out at] [about|roughly] {N1}0 crowns [more a month|extra each month].]",
				"[[Shares in banks|Bank shares] [rose|gained] [after the decision|on the news], [while|and] [property companies|builders] [fell|slipped].|[Builders and property firms|Housebuilders] [saw their shares fall|lost ground] [on the stock market|in trading] [after the announcement|that afternoon].]",
			},
		},
		{
			leads: []string{
				"Central bank governor {A0} told lawmakers {D} that further rate increases were not a foregone conclusion.",
				"The central bank may pause after its recent rate rise, governor {A0} suggested {D} in testimony to parliament.",
				"{D}, <governor> [told|assured] [parliament|lawmakers|MPs] that [more rate rises were not certain|another increase was not a given|the bank could now wait].",
				"[Another rate rise|A further increase] [is not a done deal|is far from certain], <governor> [told|said to] [a parliamentary committee|lawmakers] {D}, [hinting at|signalling] a pause.",
				"[Speaking to|Before] [a committee of parliament|lawmakers] {D}, <governor> [signalled|suggested|hinted] that <bank> [could hold|might keep] <rate> [where it is|at {N3}%] [for now|at its next meeting].",
				"[Markets|Investors|Traders] [took heart|were cheered|reacted] {D} [when|after] <governor> [said|suggested] that [further rises|more tightening] [were not a foregone conclusion|might not be needed].",
				"[A pause|A break] in rate rises [is possible|may come], <governor> [told|said to] [parliament|lawmakers] {D}, [sending|pushing] bond yields lower.",
				"<Governor> {D} [declined|refused] to [promise|commit to] [another increase|more rises], [telling|saying to] [MPs|lawmakers] that [the bank would watch the data|decisions would be taken meeting by meeting].",
			},
			facts: []string{
				"[Government bond yields fell after the remarks.|[After the remarks|On the comments], [government bond yields|yields on government debt] [fell|dropped|slipped].|[Bond yields|Yields] [fell|eased] [as investors|with traders] [read the remarks as dovish|priced in a pause].]",
				"[The bank raised its key rate on {Q}.|[It was on {Q} that|On {Q},] <bank> [last raised|raised] <rate>.|<Bank>'s [last|previous] [increase|rate rise] came on {Q}.]",
				"[Markets now see less than a one-in-four chance of another rise.|[Traders|Money markets] [have all but priced out|no longer expect] another [rise|increase] [this year|before the summer|at the next meeting].|[Futures prices|Market pricing] [suggest|imply] [little appetite for|a low chance of] [further tightening|another move up].]",
				"[Wage growth [slowed|eased] to {N3}% in the [latest|most recent] figures, [the statistics office said|official data showed|].|[Official figures|Data released the same day] [showed|put] wage growth at {N3}%, [down from|below] the previous [quarter|month].]",
			},
		},
	},
	background: []string{
		"[The bank last changed rates on {Q}, when it said it would keep a close eye on wage growth.|[When it last moved|At its last change], on {Q}, <bank> [said|promised] it would [watch|keep a close eye on] [wages|wage growth].|<Bank> [last|previously] [changed|moved] <rate> on {Q}, [warning about|citing] [wage growth|rising pay].]",
		"[Inflation has stayed above target for most of the past two years.|[For most of the last two years|Over the past two years], inflation [has been|has stayed|has run] above [target|the 2% goal].|[Prices have risen faster than|Inflation has overshot] the [2% target|target] for [most of|much of] the past two years.]",
		"[Housing [sales|prices] have [slowed|cooled] since rates [began rising|started to climb], [estate agents say|according to agents|].|[Estate agents|Mortgage brokers] [report|say] [fewer sales|slower demand] since <bank> began [raising rates|tightening].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"Центральный банк {D} повысил ключевую ставку до {N3}%, сославшись на устойчивую инфляцию.",
				"{D} [центробанк|центральный банк|ЦБ] [поднял|повысил] ключевую ставку до {N3}%: [инфляция|рост цен] [снижается медленнее, чем ожидалось|не замедляется].",
				"Ключевая ставка [выросла|повышена] до {N3}% — такое решение {D} [принял|объявил] [центральный банк|совет директоров ЦБ], [объяснив его|сославшись на] [высокой инфляцией|ростом цен в сфере услуг|устойчивую инфляцию].",
				"[Кредиты|Ипотека и кредиты] [подорожают|станут дороже]: {D} [центробанк|ЦБ] [поднял|повысил] ставку до {N3}% [впервые более чем за год|после долгой паузы].",
			},
			ruFacts: []string{
				"[Большинство экономистов ожидали более скромного повышения.|[Аналитики|Экономисты] [в основном|большей частью] [ждали|прогнозировали] [менее резкого|более скромного] шага.]",
				"[После объявления крона укрепилась к евро.|[Крона|Курс кроны] [укрепилась|вырос] [к евро|по отношению к евро] [сразу после|после] [объявления|решения].]",
				"[Цены [растут|росли] быстрее целевых 2% уже {N1} месяцев подряд.|[Уже {N1}|{N1}] месяцев подряд инфляция [превышает|выше] [цель в 2%|целевого уровня].]",
			},
		},
		{
			ruLeads: []string{
				"Дальнейшее повышение ставки не предрешено, заявил{G0} {D} глава центрального банка {A0}.",
				"{D} глава [центробанка|ЦБ] {A0} [дал|дала] понять [депутатам|парламенту], что [новое повышение ставки|следующий шаг] [не предрешено|не обязательно будет повышением].",
				"[ЦБ|Центробанк] может [взять паузу|сделать паузу] в повышении ставки — [об этом|так] {D} [сказал{G0}|заявил{G0}] [в парламенте|депутатам] {A0}.",
			},
			ruFacts: []string{
				"[Банк повысил ставку {Q}.|[В последний раз|Прошлое повышение] ставка [была повышена|состоялось] {Q}.]",
				"[После этих слов доходность гособлигаций снизилась.|Доходность [гособлигаций|государственных облигаций] [после выступления|после этих слов] [снизилась|пошла вниз].]",
			},
		},
	},
	ruBack: []string{
		"[В последний раз банк менял ставку {Q}.|[Ставка|Ключевая ставка] [в последний раз менялась|менялась] {Q}.]",
		"[Инфляция [уже два года|почти два года] [держится|остаётся] выше цели.|[Почти два года|Большую часть двух последних лет] цены [растут|росли] быстрее [цели|целевого уровня].]",
	},
}
