package gen

var floodText = reportingText{
	refs: map[string]string{
		"river":  "[the river|the river in {P}|the {P} river|the swollen river|the water|the river, swollen by days of rain,]",
		"town":   "[{P}|the town of {P}|{P} and nearby villages|low-lying parts of {P}|the riverside districts of {P}|the town]",
		"rescue": "[the {O}|rescuers|the rescue service|emergency crews|crews in boats|rescue teams from around the region]",
		"Rescue": "[The {O}|Rescuers|The rescue service|Emergency crews]",
		"mayor":  "[the {R0}, {A0},|{A0}, the {R0},|{P}'s {R0}, {A0},|the {R0}|{A0}|the town's {R0}]",
		"Mayor":  "[The {R0}, {A0},|{A0}, the {R0},|{P}'s {R0}, {A0},|The {R0}]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"The river burst its banks in {P} {D} after days of heavy rain, flooding {N2} homes and forcing hundreds of people to leave.",
				"Floodwater swept through low-lying streets of {P} {D}, and rescuers used boats to reach {N2} houses.",
				"{D}, [after days of rain|after a week of downpours|with snow melting in the hills], <river> [overflowed|burst its banks] and [flooded|swamped] {N2} [homes|houses] in <town>.",
				"[Hundreds of people|Families from {N2} homes] [were evacuated|had to leave their homes] in <town> {D} [as|when] <river> [rose over its banks|broke its banks] [after heavy rain|after days of rain].",
				"[Water|Brown water|Floodwater] [up to a metre deep|knee-deep|waist-deep] [filled|covered] [the streets|the lower streets|the riverside streets] of <town> {D}; <rescue> [reached|checked] {N2} [houses|homes] [by boat|in boats].",
				"[{N2} homes|{N2} houses] [are under water|were flooded] in <town> [after|since] <river> [burst its banks|overflowed] {D}[, <rescue> [said|reported]|].",
				"[Rescuers in boats|Boats from <rescue>] [went from house to house|worked through the streets] [in|of] <town> {D} [after|as] [floodwater|the river] [reached|entered] {N2} homes.",
				"[Streets in {P} turned into rivers|Parts of {P} were under water] {D} [after|when] <river> [rose|climbed] [over its banks|above the flood defences], [flooding|reaching] {N2} homes.",
				"[{N2} households|The owners of {N2} homes] [in {P}|in <town>] spent the night [in shelters|with relatives] [after|as] [floodwater|the river] [poured in|rose].",
			},
			facts: []string{
				"[The water level rose by {N3} metres in a day.|[In a single day|Within 24 hours], <river> rose [by {N3}|{N3}] metres.|[The river|The water] [climbed|rose] {N3} metres [in one day|in a day], [the gauge in {P} showed|river gauges showed|].]",
				"[Schools were turned into shelters for evacuated families.|[Evacuated families|People who left their homes] [are sleeping|spent the night] in [schools|school gyms] [turned into shelters|opened as shelters].|[Shelters|Emergency shelters] [were opened|opened] in [schools|{N1} schools] [for families who had to leave|for evacuees].]",
				"[Forecasters said the rain would ease by the end of the week.|[The rain should|Rain is expected to] [ease|let up] by the end of the week, [forecasters said|the weather service said|].|[Relief|A drier spell] [is forecast|is expected] [by|for] the end of the week, [though|but] [the river may|water levels may] [keep rising|stay high] [until then|for days].]",
				"[Electricity was [cut|switched off] in [{N1} streets|parts of {P}] [as a precaution|for safety], the [grid operator|power company] said.|[For safety|As a precaution], [power|the electricity] [was cut|was switched off] [in|to] [{N1} streets|riverside areas].]",
				"[[Sandbags|Thousands of sandbags] were handed out [at the town hall|to anyone who asked].|[Volunteers|Residents and volunteers] [filled sandbags|stacked sandbags along the embankment] [through the night|until well after dark].|[Soldiers|Army trucks] [brought|delivered] sandbags [to {P}|to the worst-hit streets] [on the second day|before the water peaked].]",
				"[[Roads|Several roads] [into|around] {P} [are closed|were cut off], and [trains|rail services] [are not running|were suspended] [until the water falls|for now].|[The main road|The road] [to|out of] {P} [is under water|was closed], [cutting off|isolating] [several villages|outlying farms].]",
				"[[The army|Soldiers] [has been sent|were sent] to [help|assist] [with the evacuation|with sandbags|rescue crews].|[Troops|Army lorries] [arrived|were deployed] in {P} [overnight|by morning] to [help evacuate|move] [residents|the elderly].]",
			},
		},
		{
			leads: []string{
				"Families whose homes were flooded in {P} will receive compensation, the mayor said {D}, as the water began to recede.",
				"The clean-up began in {P} {D}, days after the flood of {Q}.",
				"{D}, <mayor> [promised|announced] [compensation|payments] for [families|households] [whose homes were flooded|hit by the flood] [as|while] [the water receded|<river> fell back].",
				"[As the water went down|With the river back in its bed], [residents of|people in] <town> [began|started] [clearing mud|pumping out cellars|throwing out ruined furniture] {D}, [days|{N1} days] after the flood of {Q}.",
				"[Compensation|Payments] [for flooded homes|to flood victims] in <town> [will start|begin] [within|in] {N1} days, <mayor> [said|told reporters] {D}.",
				"[Mud|Silt], [ruined furniture|broken fridges] and [soaked carpets|sodden mattresses] [lined|filled] the streets of <town> {D} as [the clean-up began|residents returned] [after the flood of {Q}|following the flood].",
				"[As the water fell|With the river falling], <mayor> {D} [promised|announced] [payments|help] for the [owners of {N2} flooded homes|{N2} households hit by the flood].",
				"[The clean-up|Cleaning up] [in {P}|after the flood in {P}] [will take|could take] [weeks|months], <mayor> [said|warned] {D} as [residents|families] [began|started] [returning home|clearing their houses].",
			},
			facts: []string{
				"[Each affected family will receive a one-off payment of {N1} thousand crowns.|[A one-off payment|A single payment] of {N1} thousand crowns [will go to|is promised to] [each affected family|every flooded household].|[Every flooded household|Each family hit by the flood] [gets|will get|is to receive] {N1} thousand crowns [at once|up front|as a first payment].]",
				"[About {N1}0 homes are still without electricity.|[Some|About] {N1}0 [homes|houses] [still have no|remain without] [power|electricity].|[Power|Electricity] has not yet [returned|been restored] to [about|some] {N1}0 homes, [the grid operator said|according to the power company|].]",
				"[Residents demanded a flood barrier at a public meeting.|[At a public meeting|At a packed meeting in the town hall], residents [demanded|called for] a [flood barrier|flood wall].|[A flood barrier|A flood wall] [was the main demand|was what residents wanted] at [a public meeting|a meeting] [with <mayor>|in the town hall].]",
				"[Insurers [have received|had logged] [about|some] {N1}0 claims [so far|by the weekend].|[So far|By the weekend], [about|some] {N1}0 [insurance claims|claims] [have been filed|have come in].]",
			},
		},
	},
	background: []string{
		"[The flood in {P} began on {Q} after days of rain and melting snow.|[It was on {Q} that|On {Q},] <river> [burst its banks|overflowed] [after days of rain|after rain and melting snow].|[Days of rain|Rain and melting snow] [sent|pushed] <river> [over its banks|out of its bed] on {Q}.]",
		"[<town> [last flooded|was last flooded] [a decade ago|{N1} years ago], [and|but] the [flood barrier|flood wall] [promised then|planned then] [was never built|is still not built].|[A flood wall|A barrier] [was promised|was planned] after the [last|previous] flood [a decade ago|{N1} years ago], [but never built|but work never started].]",
		"[[Parts of {P}|Riverside streets in {P}] [lie|are] [below|close to] the level of the river [in spring|when it is high].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"{D} в {P} река вышла из берегов после сильных дождей, подтоплены {N2} домов.",
				"Из-за паводка в {P} {D} эвакуированы жители прибрежных улиц, подтоплены {N2} домов.",
				"[{N2} домов|{N2} жилых домов] [оказались под водой|подтоплены] в {P} {D}: [река|вода] [вышла из берегов|поднялась] после [нескольких дней дождей|ливней].",
				"{D} [спасатели|сотрудники службы спасения] [на лодках вывозили|эвакуировали] жителей {P}: [паводок затопил|вода залила] {N2} домов.",
			},
			ruFacts: []string{
				"[Уровень воды за сутки поднялся на {N3} метра.|[За сутки|За один день] [вода|река] [поднялась|прибавила] на {N3} метра.]",
				"[Для эвакуированных открыты пункты временного размещения в школах.|[Эвакуированных|Жителей затопленных домов] [разместили|поселили] в [школах|спортзалах школ].]",
				"[Синоптики обещают, что дожди прекратятся к концу недели.|[По прогнозу|Как обещают синоптики], [дожди|ливни] [прекратятся|ослабнут] к концу недели.]",
			},
		},
		{
			ruLeads: []string{
				"Власти {P} начнут выплачивать компенсации пострадавшим от паводка {Q}, сообщил{G0} {D} мэр {A0}.",
				"{D} в {P} [начали|начался] [откачивать воду и вывозить мусор|разбор последствий паводка]: [вода|река] [отступает|вернулась в берега].",
				"[Пострадавшие|Семьи, пострадавшие] от паводка в {P} [получат|смогут получить] [компенсации|выплаты], [пообещал{G0}|объявил{G0}] {D} мэр {A0}.",
			},
			ruFacts: []string{
				"[Каждая семья получит по {N1} тысяч крон.|[Единовременная выплата|Разовая выплата] составит {N1} тысяч крон на [семью|каждое хозяйство].]",
				"[Без электричества остаются около {N1}0 домов.|[Электричества|Света] [до сих пор нет|всё ещё нет] [примерно|почти] в {N1}0 домах.]",
				"[Жители требуют построить защитную дамбу.|[На собрании|На встрече с мэром] жители [потребовали|попросили] построить [дамбу|защитную стену].]",
			},
		},
	},
	ruBack: []string{
		"[Паводок в {P} начался {Q} после нескольких дней дождей и таяния снега.|[Вода|Река] в {P} [поднялась|вышла из берегов] {Q} [после дождей и таяния снега|после нескольких дней дождей].]",
		"[Такие паводки в {P} случаются каждые несколько лет.|[{P} топит|Город подтапливает] [раз в несколько лет|каждые несколько лет], [а дамбу так и не построили|но защиты так и нет].]",
	},
}
