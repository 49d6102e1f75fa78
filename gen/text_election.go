package gen

var electionText = reportingText{
	refs: map[string]string{
		"vote":       "[{T}|the by-election in {P}|the {P} seat|the vote in {P}|the race for the {P} seat|the contest|the by-election|the fight for the {P} constituency]",
		"commission": "[the {O}|election officials|the returning officer in {P}|the commission|the body that runs the vote|officials]",
		"Commission": "[The {O}|Election officials|The returning officer in {P}|The commission]",
		"winner":     "[{A1}, the {R1},|{A1}|the {R1}, {A1},|{S1}|{A1}, a local councillor,|{A1}, standing for the first time,]",
		"rival":      "[{A0}, the {R0}|{A0}|the {R0}|{S0}|{A0}, who had led on election night]",
	},
	phases: []phaseText{
		{
			leads: []string{
				"The election commission {D} ordered a full recount in {T} after just {N1} votes separated the two leading candidates.",
				"A manual recount will decide {T}, the election commission said {D}, after a margin of {N1} votes.",
				"{D}, <commission> [ordered|called] a [full|manual|complete] recount [in|of] <vote>: [only|just|a mere] {N1} votes [separate|divide] <winner> and <rival>.",
				"[With|At] [a margin of|a gap of] {N1} votes [between the front-runners|between the top two|separating <rival> and <winner>], <vote> [goes to a recount|will be recounted by hand], <commission> [said|announced] {D}.",
				"[Every ballot cast in <vote> will be counted again|All the ballots in <vote> are to be checked by hand a second time|<vote> will be recounted from scratch] [after|because] [the two leading candidates|<rival> and <winner>] [finished|ended up] just {N1} votes apart[, officials said {D}|, <commission> said {D}|].",
				"[Too close to call|Still undecided]: <vote> [goes|is going] to a recount [after|as] [the provisional count|election-night figures] [put|left] {N1} votes between [the top two|the two leading candidates], <commission> [said|ruled] {D}.",
				"[Election officials in {P}|The returning officer in {P}] will [recount every ballot|count every paper again] [after|since] [a margin of|a gap of just] {N1} votes [left the result in doubt|was too narrow to call], [it was announced|the commission said] {D}.",
				"[It is not over yet in {P}|No winner yet in {P}]: {D}, <commission> [sent|ordered] <vote> to a recount, [citing|pointing to] [a {N1}-vote margin|the {N1} votes between the top two].",
				"{N1} votes. [That is all that separates|That was the gap between] <rival> and <winner> [in|after] <vote>, and {D} <commission> [decided|agreed] [to count again|on a recount].",
			},
			facts: []string{
				"[More than {N2} ballots were rejected as spoiled on election night.|[On election night|When the polls closed], [more than|over] {N2} ballots were [set aside|rejected] as spoiled.|[Counters|Officials] [rejected|discarded] [more than|over] {N2} [ballot papers|ballots] as spoiled [on the night|at the first count].]",
				"[About {N2} voters who took part in the last election stayed at home[, officials said|].|[Turnout fell|Turnout was down]: [about|some] {N2} [people|voters] who voted last time [stayed away|did not vote], [officials said|according to officials|].|[Officials|The commission] [estimate that|said] [about|around] {N2} [voters|electors] [from the last election|who voted before] did not [turn out|vote] this time.]",
				"[Both candidates will be allowed to observe the recount.|[Each candidate|Both camps] [may|will be allowed to] [send observers to|watch] the recount.|The recount [will take place|will be held] [in public|before observers] from [both|each] [campaigns|camps].]",
				"[The recount [should|is expected to] [take|last] {N1} days[, <commission> [said|estimated]|].|[Results of the recount|A final result] [are|is] [expected|due] [within|in] {N1} days.]",
				"[Counting [will resume|restarts] [at the town hall|in a sports hall] [under police guard|with the doors open to observers].|[Sealed ballot boxes|The ballot boxes] [were taken|have been moved] to [the town hall|a secure room] [overnight|ahead of the recount].]",
				"[Turnout [was|came in] {N1} points [lower than|below] [at the last election|four years ago].|[Fewer than half|Barely half] of [registered voters|the electorate] [took part|voted], [down from|compared with] [the last time|four years ago].]",
			},
		},
		{
			leads: []string{
				"{A1} won {T} after a recount overturned the provisional result, the election commission said {D}.",
				"The recount in {P} has reversed the election-night result: {A1} won by {N1} votes, officials said {D}.",
				"{D}, <commission> [declared|named] <winner> the winner of <vote> [after|when] a recount [reversed|overturned|upended] the [provisional|election-night|first] result.",
				"[A recount|The recount] [has handed|handed|gave] <vote> to <winner>, [who finished|who came out] {N1} votes ahead [of <rival>|of the {R0}], [officials said|<commission> announced] {D}.",
				"[The result in {P} has flipped|The election-night result in {P} did not hold]: [after|following] a recount, <winner> [won|took the seat] by {N1} votes, <commission> [said|confirmed] {D}.",
				"<Rival> [lost|has lost] <vote> [after all|on a recount]: {D}, <commission> [found|ruled] that <winner> [had won|won] by {N1} votes.",
				"[After|Following] [{N1} days of counting|a recount that took {N1} days], <vote> [has gone to|went to] <winner>, [overturning|reversing] the [result announced on election night|provisional count], [officials said|the commission confirmed] {D}.",
				"[The new member for {P} is|{P} has a new member of parliament:] <winner>, [declared the winner|confirmed as the winner] {D} [once|after] [a recount|the recount] [was complete|finished].",
			},
			facts: []string{
				"[Most of the change came from ballots initially rejected as spoiled.|[The swing|The change] [came mostly|came largely] from ballots [first|initially] [rejected|set aside] as spoiled.|[Ballots|Papers] [first|originally] [rejected as spoiled|thrown out as invalid] [made the difference|decided the result], [officials said|the commission said|].]",
				"[The losing candidate has {N1} days to challenge the result in court.|[A court challenge|An appeal to the courts] [is possible|can be lodged] [within|for] {N1} days.|<Rival> [has|now has] {N1} days [to go to court|to contest the result].]",
				"[The result narrows the government's majority in parliament.|[The government's majority|The governing coalition's majority] in parliament [shrinks|is narrower] [as a result|after the recount].|[For the government|For the ruling coalition], the [result|loss] [means|leaves] a [smaller|thinner] majority in parliament.]",
				"[[The {R0}|<rival>] [conceded|accepted the result] [in a short statement|on social media] [within hours|that evening].|[In a brief statement|In a statement], <rival> [conceded defeat|accepted the outcome] [and congratulated|but did not congratulate] the winner.]",
			},
		},
	},
	background: []string{
		"[Voters in {P} went to the polls on {Q} to fill a seat left vacant earlier in the year.|[The by-election|The vote] on {Q} was [called|needed] to fill a seat [left vacant|that fell vacant] earlier in the year.|[On {Q}|It was on {Q} that] voters in {P} [cast their ballots|went to the polls] [for a seat|to replace an MP] [that fell vacant|who stood down] earlier in the year.]",
		"[Spoiled ballots have been at the heart of the dispute since election night.|[Since election night|From election night on], [the dispute|the row] has [centred on|turned on] spoiled ballots.|[At the heart of|Central to] the [row|dispute] [since election night|from the start] [are|have been] the ballots [rejected as spoiled|set aside as invalid].]",
		"[<Vote> [was seen|is seen] as [a test|an early test] for the government [before|ahead of] next year's general election.|[Both parties|The parties] [treated|saw] <vote> as [a test|a barometer] [of the government's standing|ahead of the general election].]",
	},
	ruPhases: []phaseText{
		{
			ruLeads: []string{
				"Избирательная комиссия {D} назначила пересчёт голосов на довыборах в {P}: разрыв между кандидатами составил {N1} голосов.",
				"{D} [избирком|избирательная комиссия] [назначил|назначила] [полный|ручной] пересчёт [голосов|бюллетеней] [в {P}|на довыборах в {P}], [где|поскольку] [кандидатов|лидеров] [разделили|разделяют] [всего|лишь] {N1} голосов.",
				"[Всего|Лишь] {N1} голосов [разделили|отделяют] [двух лидеров|кандидатов] на довыборах в {P}, и {D} [комиссия|избирком] [решила|распорядилась] [пересчитать|перепроверить] все бюллетени.",
			},
			ruFacts: []string{
				"[Недействительными были признаны более {N2} бюллетеней.|[Более|Свыше] {N2} бюллетеней [в ночь выборов|при первом подсчёте] [признали|были признаны] [испорченными|недействительными].]",
				"[Оба кандидата [смогут|вправе] [наблюдать|присутствовать] [за пересчётом|при пересчёте].|[Пересчёт пройдёт|Пересчитывать будут] [открыто|в присутствии наблюдателей от обоих кандидатов].]",
			},
		},
		{
			ruLeads: []string{
				"После пересчёта голосов победителем довыборов в {P} объявлен{G1} {A1}, сообщила {D} избирательная комиссия.",
				"{D} [избирком|комиссия] [объявил|объявила] [итоги пересчёта|новые итоги] в {P}: [победил{G1}|побеждает] {A1}, [с перевесом|опередив соперника] в {N1} голосов.",
				"[Пересчёт|Ручной пересчёт] [изменил|перевернул] итоги довыборов в {P}: {D} [победителем|новым депутатом] [признан{G1}|объявлен{G1}] {A1}.",
			},
			ruFacts: []string{
				"[Проигравший кандидат может оспорить итоги в суде.|[У проигравшего|У соперника] есть {N1} дней, чтобы [обратиться в суд|оспорить результат].]",
				"[Итог [сокращает|уменьшает] [большинство правительства|правительственное большинство] в парламенте.|[Правящая коалиция|Правительство] [теряет|лишается] [одно место|места] в парламенте.]",
			},
		},
	},
	ruBack: []string{
		"[Довыборы в {P} прошли {Q}.|[Голосование в {P} состоялось|Довыборы в {P} прошли] {Q}[ — освободилось место депутата|].]",
		"[[Спор|Конфликт] [с ночи выборов|с самого начала] [идёт|ведётся] вокруг испорченных бюллетеней.|[В центре спора|Главный вопрос] — бюллетени, [признанные|объявленные] недействительными.]",
	},
}
