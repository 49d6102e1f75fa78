package gen

var mergerText = reportingText{
	refs: map[string]string{
		"target":    "[{O}|the {P} steelmaker|{O}, the {P} steelmaker,|the {P} mill owner|{O}|the smaller firm|{O}, which employs {N2} people,]",
		"Target":    "[{O}|The {P} steelmaker|{O}, the {P} steelmaker,|{O}]",
		"buyer":     "[{K}|its rival {K}|{K}, the larger rival,|steel group {K}|{K}, based abroad,|the {K} group]",
		"deal":      "[the deal|the takeover|the acquisition|{K}'s purchase of {O}|the merger|the tie-up|the {N4} million crown deal]",
		"Deal":      "[The deal|The takeover|The acquisition|{K}'s purchase of {O}|The merger]",
		"regulator": "[the competition regulator|the competition authority|competition officials|the regulator|the watchdog|the authority that polices competition]",
		"Regulator": "[The competition regulator|The competition authority|Competition officials|The regulator]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"{K} agreed {D} to buy {O} for {N4} million crowns, creating the country's largest steelmaker.",
				"{O} is to be taken over by its rival {K} in a deal worth {N4} million crowns, the companies said {D}.",
				"{D}, <buyer> [agreed to buy|struck a deal to acquire|said it would take over] <target> [for|in a deal worth|at a price of] {N4} million crowns.",
				"[The country's largest steelmaker|A new steel giant] [will be created|is to be formed] [after|when] <buyer> [buys|takes over] <target> for {N4} million crowns, the [companies|two firms] [said|announced] {D}.",
				"[In a deal worth|For] {N4} million crowns, <target> [will pass to|is being sold to|will become part of] {K}, [the two companies|both boards] [announced|confirmed] {D}.",
				"[Shareholders of|Investors in] {O} [will receive|are being offered] [a total of|] {N4} million crowns [under|in] a takeover by {K} [agreed|announced] {D}.",
				"[A takeover worth {N4} million crowns|A {N4} million crown takeover] [will put|puts] <target> [in the hands of|under the control of] {K}, the [companies|two firms] [said|announced] {D}.",
				"{D}, {K} [announced|unveiled] [a deal|an agreement] to [buy|take over] <target>, [valuing|which values] it at {N4} million crowns.",
			},
			facts: []string{
				"[The combined company will employ about {N2} people.|[About|Some] {N2} people [will work for|will be employed by] the [combined|merged] [company|group].|[Together|Combined], the two [firms|companies] [employ|have] [about|around] {N2} [people|staff].]",
				"[Shares in {O} rose {N3}% on the news.|{O} shares [jumped|rose|climbed] {N3}% [on the news|after the announcement].|[On the news|After the announcement], [the share price of {O}|{O}'s shares] [rose|gained] {N3}%.]",
				"[The deal needs approval from the competition regulator.|[Before it can close|To go ahead], <deal> [needs|requires] [approval|clearance] from <regulator>.|<Regulator> [must|has to] [approve|clear] <deal> [before it can close|first].]",
				"[The [deal|takeover] [is expected to close|should be completed] [within|in] {N1} months, [pending approval|if approved].|[Completion|Closing] is [expected|planned] [within|in] {N1} months.]",
				"[[The two companies|Both firms] [together|between them] [make|produce] [about|roughly] {N1}% of the steel [sold|used] in the country.|[Between them|Combined], {O} and {K} [supply|account for] [about|some] {N1}% of [the domestic market|steel sales at home].]",
				"[{O}'s [board|directors] [recommended|backed] the offer [unanimously|without dissent].|[Directors|The board] of {O} [have|has] [recommended|urged] shareholders to accept.]",
			},
		},
		{
			leads: []string{
				"The competition regulator {D} opened an in-depth investigation into {K}'s takeover of {O}, announced on {Q}.",
				"{K}'s purchase of {O} will face a full competition review, the regulator said {D}.",
				"{D}, <regulator> [opened|launched|began] [an in-depth investigation|a full review|a detailed probe] [into|of] <deal>, [announced|agreed] on {Q}.",
				"[Concerns about|Fears over] [steel prices|competition] [prompted|led] <regulator> to [open|launch] a [full|detailed] investigation into <deal> {D}.",
				"<Deal> [will not be waved through|faces months of scrutiny]: <regulator> [said|announced] {D} it would [examine it in depth|open a full investigation].",
				"[A full competition review|An in-depth probe] [awaits|now hangs over] <deal>, [after|as] <regulator> [said|decided] {D} that [the first look|an initial review] [raised concerns|was not enough].",
				"[Competition officials|The regulator] {D} [said|announced] [they|it] would [take a closer look at|investigate in depth] <deal>, [agreed|announced] on {Q}.",
				"[Worries|Concerns] [that steel prices could rise|about prices for steel buyers] [have led|led] <regulator> to [open|start] a [full|second-stage] [review|investigation] of <deal> {D}.",
			},
			facts: []string{
				"[The review could take up to {N1} weeks.|[The investigation|The probe] [may|could] [last|take] up to {N1} weeks.|[Up to|As long as] {N1} weeks [could pass|may pass] before <regulator> [decides|rules].]",
				"[Customers have complained that prices could rise.|[Customers|Carmakers and builders] [fear|warn] [that|] prices [could|will] [rise|go up].|[Higher prices|Price rises] [are the main worry|worry] [of customers|for buyers of steel].]",
				"[Unions fear up to {N2} job losses.|[Up to|As many as] {N2} jobs [could go|may be lost], [unions fear|unions warn].|[Unions|The steelworkers' union] [warn|fear] that [up to|as many as] {N2} [jobs|posts] [could go|are at risk].]",
			},
		},
	},
	background: []string{
		"[{O} has struggled with high energy costs for several years.|[For several years|For years], {O} has [struggled|battled] with [high energy costs|soaring power bills].|[High energy costs|Soaring power bills] have [weighed on|hurt] {O} for [several|a few] years.]",
		"[The takeover was announced on {Q}.|[It was on {Q} that|On {Q},] <buyer> [announced|unveiled] [the takeover|its bid].|<Deal> was [first|] [announced|made public] on {Q}.]",
		"[{O} [runs|operates] [a mill|two mills] in {P} [employing|that employs] [about|some] {N2} people.|[The mill in {P}|{O}'s mill] [employs|has] [about|some] {N2} [workers|people].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"Компания {K} {D} договорилась о покупке {P} Steel за {N4} млн крон.",
				"{D} [компания {K}|{K}] [объявила|сообщила] о [покупке|приобретении] [металлургической компании|] {P} Steel [за|стоимостью] {N4} млн крон.",
				"{P} Steel [перейдёт|достанется] [конкуренту|компании] {K}: [стороны|компании] {D} [объявили|договорились] о сделке на {N4} млн крон.",
			},
			ruFacts: []string{
				"[В объединённой компании будут работать около {N2} человек.|[Объединённая компания|Новая группа] [будет насчитывать|получит] [около|примерно] {N2} сотрудников.]",
				"[Акции {P} Steel [выросли|подорожали] на {N3}% [после новости|после объявления].|[После объявления|На этой новости] [акции|бумаги] {P} Steel [выросли|прибавили] {N3}%.]",
			},
		},
		{
			ruLeads: []string{
				"Антимонопольный регулятор {D} начал проверку сделки по покупке {P} Steel.",
				"{D} [антимонопольное ведомство|регулятор] [начало|начал] [углублённую|полную] проверку [сделки|покупки] {P} Steel компанией {K}.",
				"[Сделку|Покупку] {P} Steel компанией {K} [проверит|изучит] [антимонопольный регулятор|регулятор], [сообщило ведомство|объявили] {D}.",
			},
			ruFacts: []string{
				"[Проверка может занять до {N1} недель.|[Расследование|Проверка] [продлится|займёт] [до|не более] {N1} недель.]",
				"[Профсоюзы [опасаются|боятся] [сокращения|потери] до {N2} рабочих мест.|[До|Около] {N2} [рабочих мест|работников] [могут сократить|под угрозой], [считают|предупреждают] профсоюзы.]",
			},
		},
	},
	ruBack: []string{
		"[Сделка была объявлена {Q}.|[О сделке|О покупке] [объявили|стало известно] {Q}.]",
	},
}
