package gen

var collapseText = reportingText{
	refs: map[string]string{
		"bridge":   "[{T}|the bridge over the river in {P}|{P}'s main river crossing|the {P} road bridge|the old steel bridge in {P}|the bridge|the crossing at the heart of {P}|the sixty-year-old bridge]",
		"Bridge":   "[{T}|The bridge over the river in {P}|{P}'s main river crossing|The {P} road bridge|The old steel bridge in {P}]",
		"agency":   "[the {O}|the roads agency|the agency responsible for the bridge|the regional roads authority|the agency that maintains the bridge|road officials]",
		"Agency":   "[The {O}|The roads agency|The agency responsible for the bridge|The regional roads authority]",
		"minister": "[the {R2}, {A2},|{A2}, the {R2},|transport minister {A2}|the {R2}|{A2}|the minister in charge of roads, {A2},]",
		"Minister": "[The {R2}, {A2},|{A2}, the {R2},|Transport minister {A2}|The {R2}]",
		"inquiry":  "[the inquiry led by {A3}|{A3}'s inquiry|the independent inquiry|investigators under {A3}|the panel chaired by {A3}|the inquiry]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"Part of {T} collapsed {D}, sending several vehicles into the water and injuring {N1} people[, emergency services said|].",
				"The central span of {T} gave way {D} during the evening rush hour, and rescuers pulled {N1} people from the river.",
				"{D}, [a section|part|the middle section] of <bridge> [fell into the river|collapsed|gave way], [taking|carrying] [cars|several cars and a van] [with it|down into the water]; {N1} people were [hurt|injured|taken to hospital].",
				"[Rescuers|Divers and firefighters|Emergency crews] [pulled|brought] {N1} people [out of|from] the river in {P} {D} after <bridge> [partly collapsed|gave way|broke apart] [during the rush hour|in heavy traffic|under a stream of cars].",
				"[At least|No fewer than] {N1} people were [injured|hurt] when <bridge> [collapsed|came down] {D}, [police said|the {R1}, {A1}, said|according to the fire service|].",
				"[<Bridge>|A span of <bridge>] [buckled and fell|dropped into the water|broke in two] {D} [as|while] [cars were crossing|commuters were driving home|traffic crawled over it], [injuring|hurting] {N1} [people|drivers and passengers].",
				"[Cars plunged|Vehicles fell] into the river [in {P}|below <bridge>] {D} when [the crossing|part of the bridge] [gave way|collapsed]; {N1} people [were rescued|were hurt|needed hospital treatment].",
				"[Emergency services in {P}|Police and firefighters] [were called|raced] to <bridge> {D} [after|when] [a span|a section] [fell|collapsed] into the river; {N1} people [were hurt|needed treatment].",
				"{N1} people [are in hospital|were hurt] [and traffic in {P} is at a standstill|and {P} is cut in two] [after|since] <bridge> [collapsed|came down] {D}.",
			},
			facts: []string{
				"[The bridge, built in the 1960s, carried about {N2} vehicles a day.|[Built|Opened] in the 1960s, the bridge [carried|took] [about|some] {N2} [vehicles|cars] a day.|[About|Some] {N2} [vehicles|cars and lorries] [crossed|used] the [1960s|sixty-year-old] bridge [every day|daily].|[Every day|Daily], [about|some] {N2} vehicles [crossed|used] <bridge>, [which dates from|built in] the 1960s.]",
				"[Police closed the embankments on both sides and asked drivers to use the ring road.|[Both embankments|The roads on both banks] were [closed|sealed off] [by police|overnight], and [drivers|motorists] were [told|asked] to [take|use] the ring road.|[Drivers|Motorists] [face|should expect] [long|lengthy] detours [via|along] the ring road [after police closed|with police having closed] [the embankments|both river banks].]",
				"[Divers searched the water late into the night in case anyone else had been on the span.|[Late into the night|Until after midnight], divers [searched|combed] the river [for anyone else|in case more people] [who had been on the span|had fallen in].|[The search|A search of the river] [by divers|with boats and divers] [went on|continued] [into the night|after dark] [for possible further victims|in case anyone was missing].]",
				"[Hospitals in {P} [said|reported] {N1} of the injured [were in a serious condition|remained in intensive care|had been discharged by evening].|Of the {N1} [injured|people hurt], [several|a few] were [seriously hurt|in a serious condition], [the hospital said|according to doctors|].]",
				"[Ferries and buses [were laid on|were added] to carry commuters.|[Extra buses|A shuttle ferry] [now runs|will run] [across the river|between the two banks] [while the crossing is closed|for as long as it takes].|[Commuters|People who used the bridge] [face|have] [a long detour|an hour-long detour] [or a ferry ride|unless they take the ferry].]",
				"[Engineers [will check|are checking] [whether|if] the rest of the [bridge|structure] [is safe|can stand] [before the wreckage is moved|before divers go back in].|[What is left of the bridge|The remaining spans] [may|could] [also|still] [fall|be unsafe], engineers [warned|said].]",
			},
		},
		{
			leads: []string{
				"The transport minister {D} ordered an independent inquiry into the collapse of {T} and said {N1} bridges of the same design would be inspected.",
				"An independent inquiry led by {A3} will examine why {T} collapsed on {Q}, the government said {D}.",
				"{D}, <minister> [ordered|announced] [an independent inquiry|an investigation] into [why <bridge> collapsed|the collapse of <bridge>] [and checks on|along with inspections of] {N1} [bridges|crossings] [of the same design|built the same way].",
				"[{A3}, [a|an experienced|a retired] engineer,|{A3}] will [lead|head|chair] [the inquiry|an independent investigation] into the collapse of <bridge> [on {Q}|earlier this month], [the government said|<minister> said] {D}.",
				"[Why|How] <bridge> [came down|collapsed] on {Q} [will be examined|is to be investigated] by [an independent panel|{A3}'s inquiry], <minister> [said|announced] {D}.",
				"[{N1} bridges|Every bridge] [of the same design as|built like] <bridge> [will be inspected|is to be checked] [after|following] its collapse on {Q}, <minister> [said|ordered] {D}.",
				"[Every bridge built like|All bridges of the same design as] <bridge> [will be closed to lorries|must be inspected] [after|following] its [collapse|fall] on {Q}, <minister> [ruled|decided] {D}.",
				"<Minister> {D} [set up|appointed] [an independent inquiry|a panel] under {A3} [to find out|to establish] [why|how] <bridge> [fell|gave way] on {Q}.",
			},
			facts: []string{
				"[Lorries will be kept off the bridges of the same design until they have been inspected.|[Until|Before] [they have been checked|inspections are done], [lorries|heavy goods vehicles] [are banned from|may not use] [bridges of the same design|the {N1} crossings].|[A ban on lorries|A lorry ban] [will apply to|covers] the {N1} [bridges|crossings] [until inspectors clear them|pending inspection].]",
				"[The government set aside {N4} million crowns for a temporary crossing.|[A temporary crossing|A temporary bridge] [will cost|is budgeted at] {N4} million crowns, [which the government has set aside|the ministry said|].|{N4} million crowns [has been|was] [set aside|earmarked] [for a temporary crossing|to build a temporary bridge] [in {P}|over the river].]",
				"[Officials confirmed that a full inspection planned two years ago had been postponed.|A full inspection [of the bridge|of <bridge>] [was due|had been planned] two years ago [but was postponed|but never took place], [officials confirmed|the ministry admitted|].|[It emerged|Officials admitted] that <agency> had [put off|postponed] [a full inspection|a detailed check] [planned|scheduled] [two years ago|for two years ago].]",
				"[The inquiry [is due to|will] report within {N1} weeks.|[Findings|A first report] [are expected|is due] [within|in] {N1} weeks, [the ministry said|according to <minister>|].]",
			},
		},
		{
			leads: []string{
				"Corroded steel hangers and a skipped inspection caused the collapse of {T}, the inquiry led by {A3} said in its findings {D}.",
				"The collapse of {T} on {Q} was the result of years of corrosion that inspectors should have seen, investigators said {D}.",
				"{D}, <inquiry> [found|concluded] that [rusted|corroded] [steel hangers|cables] and a [skipped|missed|postponed] inspection [brought down|caused the collapse of] <bridge>.",
				"[Years of corrosion|Rust that went unchecked for years] [caused|was behind|led to] the collapse of <bridge> on {Q}, [according to|in] the findings of <inquiry> [published|released] {D}.",
				"<Bridge> [need not have|should never have] [collapsed|fallen]: [inspectors should have seen|the corrosion was visible for years], <inquiry> [concluded|said] {D}.",
				"[The report|The final report] [by|of] <inquiry>, [published|released] {D}, [blames|puts the collapse of <bridge> down to] [corroded hangers|rusted steel] and an inspection that [never happened|was skipped].",
				"[Rust|Corrosion], [not traffic|not an overloaded lorry], [brought down|caused the fall of] <bridge>, <inquiry> [found|reported] {D}.",
				"{D}, [a report by|the findings of] <inquiry> [blamed|pointed to] [missed inspections and rusted steel|years of neglect and corrosion] for the [collapse|fall] of <bridge> on {Q}.",
			},
			facts: []string{
				"[At least {N1} hangers had lost more than half of their cross-section to rust.|Rust had [eaten away|taken] more than half of [the cross-section|the steel] of [at least|no fewer than] {N1} hangers.|[In|Of the hangers,] [at least|no fewer than] {N1} had lost more than half [of their steel|their thickness] to [rust|corrosion], [the report says|investigators found|].]",
				"[The {O} could not produce maintenance records for several years.|[For several years|For {N1} years], <agency> [had no|could not produce|kept no] maintenance records.|[Maintenance records|Inspection logs] for [several years|{N1} years] [were missing|could not be found] at <agency>, [the report says|<inquiry> found|].]",
				"[The head of the {O} resigned hours after the report was published.|[Hours after|Within hours of] the report, the head of <agency> [resigned|stepped down|quit].|[The head of <agency>|<Agency>'s director] [resigned|stepped down] [the same day|hours later], [saying he took responsibility|taking responsibility|without comment|].]",
				"[The report [makes|contains] {N1} recommendations, [including|among them] [yearly checks|annual inspections] of [steel|suspension] bridges.|Among {N1} recommendations, [the report calls for|<inquiry> wants] [yearly|annual] inspections [of every steel bridge|of bridges like the one in {P}].]",
			},
		},
	},
	background: []string{
		"[{T} collapsed on {Q}, injuring several people and cutting the main link between the two halves of {P}.|[Since|Ever since] <bridge> [collapsed|came down] on {Q}, [the two halves of {P}|the two banks of {P}] [have been cut off from each other|have had no direct road link].|The collapse on {Q} [injured|hurt] several people and [cut|severed] [{P}'s main river crossing|the main link across the river].]",
		"[Residents had complained for years about rust and cracks on the bridge, according to local councillors.|[Local councillors say|According to councillors,] residents [had complained|raised concerns] [for years|repeatedly] about [rust|cracks and rust] on the bridge.|[Complaints about rust|Warnings about cracks] on <bridge> [went back years|had been made for years], [councillors said|residents say|].]",
		"[<Bridge> [was built|opened] in the 1960s and [last|was last] [fully inspected|fully checked] [more than a decade ago|{N1} years ago].|The [1960s|sixty-year-old] bridge [had not had|had gone without] a full inspection for [more than a decade|{N1} years].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"{D} в {P} обрушилась часть моста через реку, несколько автомобилей упали в воду, пострадали {N1} человек.",
				"[Пролёт|Часть|Центральная часть] [моста через реку|моста] в {P} [рухнул|обрушилась] {D} [в час пик|вечером|во время движения]; [пострадали|ранены] {N1} человек.",
				"{N1} человек [пострадали|получили травмы] {D} [при обрушении|когда рухнул] [моста|мост] в {P}: [несколько машин|автомобили] [упали в реку|оказались в воде].",
				"[Спасатели|Водолазы и пожарные] [достали|вытащили] из реки {N1} человек {D} после того, как в {P} [рухнул|обрушился] [мост|пролёт моста].",
			},
			ruFacts: []string{
				"[По мосту ежедневно проезжали около {N2} автомобилей.|[Мост|Этот мост], [построенный|возведённый] в 1960-х, [пропускал|выдерживал] [около|примерно] {N2} машин в сутки.|[Ежедневно|Каждый день] [по мосту|через реку по этому мосту] [проезжали|шли] [около|порядка] {N2} автомобилей.]",
				"[Полиция перекрыла набережные, водителям предложено пользоваться объездной дорогой.|[Набережные|Обе набережные] [перекрыты|закрыты], [движение пущено|транспорт направляют] по [объездной|кольцевой] дороге.]",
				"[Водолазы [до ночи|до утра] [обследовали|осматривали] реку, [опасаясь|на случай], что [в воде остались люди|пострадавших больше].|Поиски в реке [продолжались|шли] [всю ночь|до поздней ночи].]",
			},
		},
		{
			ruLeads: []string{
				"Министр транспорта {D} поручил независимой комиссии выяснить причины обрушения моста в {P}, произошедшего {Q}.",
				"{D} [министр транспорта|правительство] [создал|создало|назначил|назначило] [независимую комиссию|комиссию во главе с {A3}] для расследования [обрушения моста|причин аварии] в {P}.",
				"[Причины|Обстоятельства] обрушения моста в {P} {Q} [выяснит|установит] комиссия [под руководством|во главе с] {A3}, [сообщили|объявили] {D} в министерстве транспорта.",
			},
			ruFacts: []string{
				"[Проверке подвергнут ещё {N1} мостов той же конструкции.|[Ещё|Также] {N1} [мостов|переправ] той же конструкции [проверят|осмотрят] [в ближайшее время|до конца месяца].]",
				"[На временную переправу выделено {N4} млн крон.|[Временная переправа|Временный мост] [обойдётся|будет стоить] в {N4} млн крон, [деньги уже выделены|сообщили в министерстве].]",
			},
		},
		{
			ruLeads: []string{
				"Мост в {P} обрушился из-за коррозии и пропущенной проверки, говорится в выводах комиссии, опубликованных {D}.",
				"[Коррозия|Ржавчина] и [пропущенная|несостоявшаяся] проверка [привели к обрушению|стали причиной обрушения] моста в {P}, [заключила|установила] комиссия {A3} {D}.",
				"{D} комиссия [опубликовала|представила] [выводы|доклад]: мост в {P} [рухнул|обрушился] {Q} [из-за|вследствие] [многолетней коррозии|ржавчины, которую не заметили].",
			},
			ruFacts: []string{
				"[По меньшей мере {N1} подвесок потеряли из-за ржавчины более половины сечения.|[Ржавчина|Коррозия] [съела|уничтожила] более половины сечения [у|как минимум у] {N1} подвесок, [говорится в докладе|установила комиссия].]",
				"[Дорожное агентство [не смогло представить|не вело] [журналы обслуживания|записи о ремонте] за несколько лет.|[Записей|Документов] об обслуживании моста за {N1} лет [не нашлось|нет], [отмечает|пишет] комиссия.]",
			},
		},
	},
	ruBack: []string{
		"[Мост в {P} обрушился {Q}, разделив город на две части.|[С|После] {Q}, когда [рухнул|обрушился] мост, [две части {P}|берега {P}] [остались без|лишились] [прямой связи|дороги].]",
		"[Жители [давно|годами] [жаловались|писали] на [трещины|ржавчину] на мосту, [говорят|утверждают] депутаты.|[О трещинах|О ржавчине] на мосту [жители|горожане] [сообщали|предупреждали] [годами|не раз].]",
	},
}
