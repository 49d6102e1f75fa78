package gen

var fireText = reportingText{
	refs: map[string]string{
		"harbour": "[{T}|the fishing harbour in {P}|{P}'s harbour|the marina in {P}|the old harbour of {P}|the harbour|the quayside in {P}|the port where {P}'s fleet ties up]",
		"firemen": "[firefighters|fire crews|the {O}|crews from {N1} stations|firefighters from across the region|the fire brigade]",
		"Firemen": "[Firefighters|Fire crews|The {O}|Crews from {N1} stations]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"[A fire tore through {T} {D}, destroying {N1} boats and a warehouse.|{D}, fire destroyed {N1} boats [moored|tied up] at <harbour>, [along with a warehouse|and the sheds behind them|leaving only charred hulls].]",
				"Firefighters fought a blaze at {T} for hours {D}; {N1} vessels were lost.",
				"{D}, [fire|a blaze|flames] [swept through|spread along|raced across] [the moorings at <harbour>|the pontoons of <harbour>|<harbour>], [burning|destroying] {N1} [boats|fishing boats|vessels][ and a warehouse| and a net store|].",
				"{N1} [boats|fishing boats|vessels] [burned|were destroyed|were lost] [at|in] <harbour> {D} [in a fire that spread from one hull to the next|when flames jumped between the moored hulls|after a blaze started on a single trawler|in a fire whose cause is not known].",
				"<Firemen> [needed|took] [hours|most of the night|until morning] to [put out|bring under control] a fire [at|in] <harbour> {D}; {N1} boats [were destroyed|burned to the waterline].",
				"[Smoke rose|Black smoke hung] over <harbour> {D} [as|while] <firemen> [fought|tackled] a [blaze|fire] that [destroyed|wrecked] {N1} [boats|vessels] and a warehouse.",
				"[Smoke could be seen|Flames lit up the sky|A column of smoke rose] [across {P}|for miles|above the quays] {D} [as|while] {N1} boats [burned|went up in flames] [at|in] <harbour>.",
				"[Most of|Much of] the [fishing fleet|fleet] of {P} [was lost|went up in flames] {D}: {N1} [boats|vessels] [burned|were destroyed] [at their moorings|where they were tied up].",
				"[It took|<Firemen> needed] [hours|until dawn|most of the night] to [stop|bring down] [a fire|the blaze] that [destroyed|wrecked] {N1} boats [at|in] <harbour> {D}.",
			},
			facts: []string{
				"[No one was hurt[, the fire service said|].|[Nobody|No one] was [injured|hurt], [according to <firemen>|<firemen> said|].|[There were no injuries|No injuries were reported], [the fire service said|the {R3}, {A3}, said|].]",
				"[The cause was not yet known, but an electrical fault is being investigated.|[Investigators|Fire investigators] [are looking at|suspect] an electrical fault, [though|but] the cause [is not yet known|has not been established].|[What started the fire|The cause] [is still unclear|is not yet known]; [an electrical fault|faulty wiring] [is one line of inquiry|is being looked at].]",
				"[The town council opened a fund for the affected crews.|[A fund|An appeal] [has been set up|was launched] [by the council|by local businesses].|[Local businesses|The harbour office and the council] [started collecting|began a collection] [within hours|the same day].|Help for the [crews|owners] [came|arrived] [quickly|within a day]: [the council|local firms] [opened a fund|started a collection].]",
				"[Fuel from the burned boats leaked into the harbour.|[Booms|Floating barriers] were laid [to stop|against] [a slick|the oil] [spreading|reaching the beaches].|[A slick of diesel|An oil sheen|Leaked fuel] [spread|could be seen] [across|on] the water [by the next morning|at first light], and the coastguard [was called in|sent a boat].|The coastguard [said|warned] that [a few tonnes of|some] fuel [had leaked|escaped] from [the wrecks|the sunken hulls].]",
				"[[Several|{N1}] [crew members|fishermen] [tried to save|fought to move] their [boats|vessels] [before the flames reached them|as the fire spread].|[Some owners|A few skippers] [cut their moorings|pushed their boats clear] [to save them|before the fire got to them].]",
				"[[Insurance|Cover] [for fishing boats|on the fleet] [is|was] [patchy|thin], [owners say|the harbour office says].|[Many|Most] of the [boats|vessels] [were not insured|had no insurance] [against fire|for their full value], [owners said|it emerged].]",
			},
		},
	},
	background: []string{
		"[Fishing has been the main industry in {P} for more than a century.|[For more than a century|For generations], [fishing|the fleet] has been [the main industry|the chief employer] in {P}.|[{P} lives from|The economy of {P} rests on] fishing, [as it has for|and has done for] [more than a century|generations].]",
		"[[About|Some] {N1}0 boats [are moored|berth] [in|at] <harbour> [in winter|over the winter].|<harbour> [is home to|holds] [about|some] {N1}0 [boats|fishing boats].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"{D} в гавани {P} сгорели {N1} судов и склад, сообщила пожарная служба.",
				"[Пожар|Огонь] [уничтожил|охватил] {N1} [судов|лодок] и склад в гавани {P} {D}, [сообщила|рассказала] пожарная служба.",
				"{N1} [судов|рыболовецких судов] [сгорели|выгорели] в гавани {P} {D}: [пожарные|расчёты] [тушили огонь|боролись с огнём] [несколько часов|до утра].",
			},
			ruFacts: []string{
				"[Никто не пострадал.|[Пострадавших нет|Никто не пострадал], [сообщили пожарные|уточнили в пожарной службе].]",
				"[Причины пожара выясняются.|[Причину|Причины] [пожара|возгорания] [устанавливают|выясняют]; [одна из версий|рассматривается версия] — [неисправная проводка|короткое замыкание].]",
			},
		},
	},
	ruBack: []string{
		"[Рыболовство — главная отрасль в {P}.|[В {P}|Жители {P}] [веками|больше века] [живут рыболовством|кормятся морем].]",
	},
}

var trialText = reportingText{
	refs: map[string]string{
		"accused": "[{A0}|{A0}, formerly in charge of the money,|{A0}, a former executive,|the {O}'s one-time finance chief, {A0},|{S0}|{A0}, the {R0} of the utility,|former finance director {A0}|{A0}, who denies wrongdoing,|the defendant, {A0},]",
		"company": "[the {O}|the water company|the {P} water utility|the company|the publicly owned utility|the firm that supplies {P} with water]",
		"court":   "[a court in {P}|the {P} district court|judges in {P}|the court|a panel of {N1} judges|the district court]",
		"Court":   "[A court in {P}|The {P} district court|Judges in {P}|The court]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"The trial of {A0}, the {R0} of the {O}, opened {D} in {P}, with prosecutors alleging that {N4} million crowns were diverted.",
				"{A0} pleaded not guilty {D} to charges of diverting {N4} million crowns from the {O}.",
				"{D}, <accused> [went on trial|appeared in court|stood trial] in {P}, [accused of|charged with] [siphoning|diverting|moving] {N4} million crowns [out of|from] <company>.",
				"[Prosecutors|The prosecution] [told|opened their case before] <court> {D} that {N4} million crowns [were taken|had gone missing|disappeared] from <company> [while|when] <accused> [ran its finances|was in charge of its accounts].",
				"[Accused of|Charged with] [diverting|embezzling|taking] {N4} million crowns from <company>, {A0} [denied the charges|pleaded not guilty|rejected every charge] [as his trial opened|on the first day of the trial|in court] {D}.",
				"[A trial|The trial] [over|about] {N4} million crowns [missing from|diverted from] <company> [began|opened|got under way] {D} [in {P}|before <court>], with <accused> [in the dock|as the only defendant].",
				"[The trial of {A0}|Proceedings against {A0}] [began|opened] {D}; prosecutors [say|allege] {N4} million crowns [left|disappeared from] <company> [over several years|through false invoices].",
				"[False invoices|Payments to shell companies] [moved|took] {N4} million crowns out of <company>, [prosecutors told|the prosecution said in] <court> {D} as the trial of <accused> [began|opened].",
			},
			facts: []string{
				"[The trial is expected to last {N1} weeks.|[Hearings|The trial] [should|are expected to] [last|run for] {N1} weeks.|[The court has set aside|Judges have set aside] {N1} weeks [for the trial|for hearings].]",
				"[Prosecutors plan to call more than {N1} witnesses.|[More than|Over] {N1} witnesses [will be called|are to testify] [by the prosecution|for the prosecution].|The prosecution [has listed|intends to call] [more than|over] {N1} witnesses, [including|among them] [auditors|former colleagues].]",
				"[The company's accounts were frozen last year.|[Last year|A year ago], <company>'s accounts were frozen.|[Investigators|Prosecutors] froze <company>'s accounts [last year|a year ago] [when|after] the [missing money|gaps] [came to light|were found].]",
				"[{A0} [has been|was] [suspended|dismissed] [from his post|by the board] [since the investigation began|after the audit].|[The board|<company>] [suspended|dismissed] {A0} [when the case began|after the audit], [the court heard|it was said in court|].]",
				"[[The money|Most of the money], [prosecutors say|according to the indictment], [went|was moved] [through|via] {N1} [shell companies|front companies] [abroad|in other countries].|[Investigators|Prosecutors] [traced|followed] the [payments|money] [through|across] {N1} [accounts|companies] [abroad|in three countries].]",
			},
		},
		{
			leads: []string{
				"A court in {P} {D} found {A0} guilty of diverting {N4} million crowns from the {O}.",
				"{A0} was convicted {D} at the end of a trial that began on {Q}.",
				"{D}, <court> [convicted|found guilty] <accused> [of diverting|of taking|of embezzling] {N4} million crowns from <company>.",
				"[Guilty|Guilty on all counts]: <court> {D} [ruled|decided] that <accused> [took|diverted] {N4} million crowns from <company> [over several years|while in charge of its finances].",
				"[The trial that began on {Q}|A trial that opened on {Q}] [ended|closed] {D} with [a guilty verdict|a conviction] for <accused> [over the missing {N4} million crowns|for diverting {N4} million crowns].",
				"[After|Following] [{N1} weeks of hearings|a trial of {N1} weeks], <court> [found|declared] {A0} guilty {D} [of diverting|of embezzling] {N4} million crowns [from <company>|meant for water pipes].",
				"[Guilty|A conviction]: {D}, <court> [ruled|found] that <accused> [diverted|took] {N4} million crowns from <company>.",
				"<Court> {D} [rejected|dismissed] [the defence case|{A0}'s defence] and [convicted|found guilty] [the former finance director|<accused>] [of diverting|of taking] {N4} million crowns.",
			},
			facts: []string{
				"[The sentence will be announced next month.|[Sentencing|The sentence] [will follow|is due] [next month|in the coming weeks].|[The court|Judges] will [announce|hand down] the sentence [next month|at a later hearing].]",
				"[The defence said it would appeal.|[An appeal|A challenge] [will follow|is planned][, the defence [said|announced]|].|[{A0}'s lawyers|The defence team] [said|told reporters] they would [appeal|challenge the verdict].]",
				"[The company has since changed its entire board.|[Since then|Since the case began], <company> has [replaced|changed] [its entire board|all of its directors].|[All of|Every member of] <company>'s board has [been replaced|gone] since the [case began|scandal broke].]",
			},
		},
	},
	background: []string{
		"[The case began after auditors found gaps in the {O} accounts.|[Auditors|An audit] [found|uncovered] [gaps|irregularities] in <company>'s accounts, [starting|which started] the case.|It was [auditors who found|an audit that uncovered] [the gaps|the missing money] in <company>'s [books|accounts] that started the case.]",
		"[The trial began on {Q}.|[Hearings|The trial] [began|opened] on {Q}.|[Since|Ever since] {Q}, [the court|<court>] has [heard|been hearing] the case.]",
		"[<company> [supplies|serves] [about|some] {N2} households in {P} [and the surrounding area|and nearby towns].|[Water bills|Charges] [at <company>|in {P}] [rose by|went up by|rose] {N3}% [while|in the years] the money [went missing|was being diverted], [residents point out|critics say|].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"{D} в {P} начался процесс по делу о хищении {N4} млн крон из водоканала.",
				"{D} [в суде {P}|в {P}] [начался|открылся] [процесс|суд] над {A0}, [бывшим финансовым директором|экс-финансовым директором] водоканала: его обвиняют в [хищении|выводе] {N4} млн крон.",
				"[Бывший финансовый директор водоканала {P}|{A0}] [не признал{G0} вину|отверг обвинения] {D} [на первом заседании|в первый день процесса] по делу о [пропаже|хищении] {N4} млн крон.",
			},
			ruFacts: []string{
				"[Процесс продлится около {N1} недель.|[Суд|Рассмотрение дела] [займёт|продлится] [примерно|около] {N1} недель.]",
				"[Обвинение [вызовет|намерено вызвать] более {N1} свидетелей.|[Более|Свыше] {N1} свидетелей [выступят|дадут показания] [со стороны обвинения|в суде].]",
			},
		},
		{
			ruLeads: []string{
				"Суд в {P} {D} признал виновным бывшего финансового директора водоканала.",
				"{D} [суд|районный суд] {P} [признал|счёл] {A0} [виновным|виновной] в [хищении|выводе] {N4} млн крон из водоканала.",
				"[Процесс|Суд], [начавшийся|который начался] {Q}, [завершился|закончился] {D} [обвинительным приговором|признанием вины] бывшего финансового директора водоканала {P}.",
			},
			ruFacts: []string{
				"[Защита намерена обжаловать приговор.|[Адвокаты|Защита] [подадут|собираются подать] апелляцию.]",
				"[Наказание [огласят|назначат] в следующем месяце.|[Приговор|Меру наказания] [суд огласит|объявят] [позже|на следующем заседании].]",
			},
		},
	},
	ruBack: []string{
		"[Дело возбуждено после аудиторской проверки.|[Дело|Уголовное дело] [началось|возбудили] после того, как [аудиторы|проверка] [нашли|выявила] [недостачу|нарушения] в [отчётности|бухгалтерии] водоканала.]",
	},
}
