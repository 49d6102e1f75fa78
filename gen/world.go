package gen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pair is one word in both scripts: Latin and Cyrillic.
type pair struct{ en, ru string }

// person is a named actor of a story.
type person struct {
	name   pair
	last   pair
	female bool
	role   pair
}

// place is a town, in both scripts.
type place struct {
	name pair
	ru   bool // a Russian-speaking town
}

// outlet is a publisher with its own boilerplate.
type outlet struct {
	name   string
	host   string
	lang   string
	wire   bool
	header []string
	footer []string
}

var (
	syllStart = []pair{{"Bar", "Бар"}, {"Kel", "Кел"}, {"Mor", "Мор"}, {"Dun", "Дан"}, {"Tal", "Тал"}, {"Ash", "Эш"}, {"Bren", "Брен"},
		{"Cal", "Кал"}, {"Fen", "Фен"}, {"Hol", "Хол"}, {"Lin", "Лин"}, {"Mar", "Мар"}, {"Nor", "Нор"}, {"Os", "Ос"}, {"Pel", "Пел"},
		{"Ros", "Рос"}, {"Sel", "Сел"}, {"Ton", "Тон"}, {"Val", "Вал"}, {"Wen", "Вен"}, {"Ard", "Ард"}, {"Eld", "Элд"}, {"Grim", "Грим"},
		{"Hart", "Харт"}, {"Kess", "Кесс"}, {"Lor", "Лор"}, {"Mil", "Мил"}, {"Ner", "Нер"}, {"Quen", "Квен"}, {"Stor", "Стор"}}
	syllMid = []pair{{"a", "а"}, {"e", "е"}, {"i", "и"}, {"o", "о"}, {"en", "ен"}, {"ar", "ар"}, {"ol", "ол"}, {"ing", "инг"},
		{"er", "ер"}, {"an", "ан"}, {"", ""}, {"", ""}}
	placeEnd = []pair{{"ville", "виль"}, {"ford", "форд"}, {"haven", "хейвен"}, {"moor", "мур"}, {"ton", "тон"}, {"bridge", "бридж"},
		{"field", "филд"}, {"mouth", "мут"}, {"stead", "стед"}, {"by", "би"}, {"wick", "вик"}, {"dale", "дейл"}}
	firmEnd = []pair{{"holm", "хольм"}, {"vik", "вик"}, {"berg", "берг"}, {"dal", "даль"}, {"stad", "стад"}, {"mark", "марк"}, {"verk", "верк"}}
	lastEnd = []pair{{"son", "сон"}, {"berg", "берг"}, {"man", "ман"}, {"well", "уэлл"}, {"ley", "ли"}, {"din", "дин"},
		{"ström", "стрём"}, {"ez", "ес"}, {"ard", "ард"}, {"ick", "ик"}, {"ova", "ова"}, {"mann", "манн"}}
	firstM = []pair{{"Daniel", "Дэниел"}, {"Henrik", "Хенрик"}, {"Tomas", "Томас"}, {"Marek", "Марек"}, {"Paul", "Пауль"}, {"Jonas", "Йонас"},
		{"Oskar", "Оскар"}, {"Felix", "Феликс"}, {"Samuel", "Сэмюэл"}, {"Erik", "Эрик"}, {"Victor", "Виктор"}, {"Hugo", "Хьюго"},
		{"Karl", "Карл"}, {"Aaron", "Аарон"}, {"Rasmus", "Расмус"}, {"Omar", "Омар"}, {"Luka", "Лука"}, {"Adrian", "Адриан"},
		{"Anton", "Антон"}, {"Bruno", "Бруно"}, {"Casper", "Каспер"}, {"Dario", "Дарио"}, {"Emil", "Эмиль"}, {"Filip", "Филип"},
		{"Gustav", "Густав"}, {"Ivo", "Иво"}, {"Jakob", "Якоб"}, {"Lars", "Ларс"}, {"Mateo", "Матео"}, {"Niklas", "Никлас"},
		{"Otto", "Отто"}, {"Pieter", "Питер"}, {"Ruben", "Рубен"}, {"Stefan", "Штефан"}, {"Theo", "Тео"}, {"Vincent", "Винсент"},
		{"Walter", "Вальтер"}, {"Yannick", "Янник"}, {"Zoran", "Зоран"}, {"Bastian", "Бастиан"}, {"Cyril", "Сирил"}, {"Dominik", "Доминик"}}
	firstF = []pair{{"Marta", "Марта"}, {"Elena", "Елена"}, {"Aino", "Айно"}, {"Ruth", "Рут"}, {"Leila", "Лейла"}, {"Ines", "Инес"},
		{"Priya", "Прия"}, {"Clara", "Клара"}, {"Hanna", "Ханна"}, {"Sofia", "София"}, {"Grace", "Грейс"}, {"Nadia", "Надя"},
		{"Ingrid", "Ингрид"}, {"Lotte", "Лотте"}, {"Amira", "Амира"}, {"Beatrix", "Беатрис"}, {"Ana", "Ана"}, {"Lina", "Лина"},
		{"Agnes", "Агнес"}, {"Birgit", "Биргит"}, {"Carla", "Карла"}, {"Dora", "Дора"}, {"Edith", "Эдит"}, {"Freya", "Фрея"},
		{"Greta", "Грета"}, {"Helga", "Хельга"}, {"Ida", "Ида"}, {"Julia", "Юлия"}, {"Karin", "Карин"}, {"Livia", "Ливия"},
		{"Mirja", "Мирья"}, {"Nora", "Нора"}, {"Petra", "Петра"}, {"Rosa", "Роза"}, {"Selma", "Сельма"}, {"Tilda", "Тильда"},
		{"Ulla", "Улла"}, {"Vanja", "Ваня"}, {"Wilma", "Вильма"}, {"Yara", "Яра"}, {"Zofia", "Зофья"}, {"Astrid", "Астрид"}}
	ruFirstM = []pair{{"Igor", "Игорь"}, {"Oleg", "Олег"}, {"Sergei", "Сергей"}, {"Andrei", "Андрей"}, {"Pavel", "Павел"},
		{"Dmitri", "Дмитрий"}, {"Nikolai", "Николай"}, {"Yuri", "Юрий"}, {"Maxim", "Максим"}, {"Roman", "Роман"}}
	ruFirstF = []pair{{"Natalia", "Наталья"}, {"Olga", "Ольга"}, {"Irina", "Ирина"}, {"Anna", "Анна"}, {"Vera", "Вера"},
		{"Tatiana", "Татьяна"}, {"Yelena", "Елена"}, {"Marina", "Марина"}, {"Svetlana", "Светлана"}, {"Daria", "Дарья"}}
	ruStem = []pair{{"Savel", "Савель"}, {"Grom", "Гром"}, {"Orl", "Орл"}, {"Barin", "Барин"}, {"Sokol", "Сокол"}, {"Beloz", "Белоз"},
		{"Kuzn", "Кузн"}, {"Voron", "Ворон"}, {"Lebed", "Лебед"}, {"Morozk", "Морозк"}, {"Zaits", "Зайц"}, {"Tikhon", "Тихон"}}
	ruPlaceStart = []pair{{"Zarech", "Зареч"}, {"Ozer", "Озер"}, {"Pribrezh", "Прибреж"}, {"Lesnogor", "Лесногор"}, {"Belorech", "Белореч"},
		{"Krasnoyar", "Краснояр"}, {"Novosel", "Новосел"}, {"Sosnov", "Соснов"}, {"Kamen", "Камен"}, {"Verkhn", "Верхн"},
		{"Berez", "Берез"}, {"Dubrov", "Дубров"}, {"Lipets", "Липец"}, {"Rybn", "Рыбн"}, {"Solnech", "Солнеч"},
		{"Gorodisch", "Городищ"}, {"Polyan", "Полян"}, {"Klyuch", "Ключ"}, {"Zheleznogor", "Железногор"}, {"Sever", "Север"}}
	ruPlaceEnd = []pair{{"ensk", "енск"}, {"ovo", "ово"}, {"ino", "ино"}, {"sk", "ск"}, {"ogorsk", "огорск"}}
)

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerTail(p pair) pair { return pair{strings.ToLower(p.en), strings.ToLower(p.ru)} }

// syllMidLower is syllMid in lower case, as the middle of a name is
// written, made once rather than for every name.
var syllMidLower = func() []pair {
	out := make([]pair, len(syllMid))
	for i, p := range syllMid {
		out[i] = lowerTail(p)
	}
	return out
}()

func join(ps ...pair) pair {
	var en, ru strings.Builder
	for _, p := range ps {
		en.WriteString(p.en)
		ru.WriteString(p.ru)
	}
	return pair{capFirst(strings.ToLower(en.String())), capFirst(strings.ToLower(ru.String()))}
}

// newPlace makes a town name from r.
func newPlace(r *rng, ru bool) place {
	if ru {
		return place{name: join(ruPlaceStart[r.intn(len(ruPlaceStart))], ruPlaceEnd[r.intn(len(ruPlaceEnd))]), ru: true}
	}
	return place{name: join(syllStart[r.intn(len(syllStart))], syllMidLower[r.intn(len(syllMidLower))], placeEnd[r.intn(len(placeEnd))])}
}

// newPerson makes a person with the given role.
func newPerson(r *rng, ru bool, role pair) person {
	female := r.chance(0.45)
	var first, last pair
	switch {
	case ru && female:
		first = ruFirstF[r.intn(len(ruFirstF))]
		s := ruStem[r.intn(len(ruStem))]
		last = join(s, pair{"ova", "ова"})
	case ru:
		first = ruFirstM[r.intn(len(ruFirstM))]
		s := ruStem[r.intn(len(ruStem))]
		last = join(s, pair{"ov", "ов"})
	default:
		if female {
			first = firstF[r.intn(len(firstF))]
		} else {
			first = firstM[r.intn(len(firstM))]
		}
		last = join(syllStart[r.intn(len(syllStart))], syllMidLower[r.intn(len(syllMidLower))], lastEnd[r.intn(len(lastEnd))])
	}
	return person{name: pair{first.en + " " + last.en, first.ru + " " + last.ru}, last: last, female: female, role: role}
}

var (
	paperNouns = []string{"Herald", "Courier", "Post", "Gazette", "Times", "Chronicle", "Observer", "Tribune", "Record", "Ledger", "Dispatch", "Echo", "Star", "Journal"}
	ruPaper    = []string{"вестник", "ведомости", "новости", "правда", "курьер", "онлайн", "время", "обозреватель"}
	wires      = []string{"Meridian", "Pressline", "Northstar News"}
	headerEN   = []string{
		"It looks like you are using an ad blocker. Our journalism is paid for by advertising — please allow ads on %s.",
		"Listen to this article",
		"Photo: %s",
		"Updated",
		"Share this article: Facebook | X | Email",
	}
	// footerEN lists each kind of footer line in the wordings outlets
	// choose from, so that two outlets' footers seldom read alike.
	footerEN = [][]string{
		{"Read also: %s", "More on this: %s", "Related: %s"},
		{"Source link", "Original source", "Source"},
		{"Subscribe to %s for unlimited access to our reporting.", "Get every story from %s: subscribe today.", "Support %s: become a subscriber."},
		{"Follow %s on social media for the latest updates.", "Stay up to date: follow %s online.", "Find %s on your favourite social network."},
		{"Copyright © %s. All rights reserved.", "© %s", "All content © %s."},
		{"Sign up for the morning briefing from %s.", "Get the %s newsletter in your inbox every morning.", "Our daily email: sign up at %s."},
		{"Have a news tip? Write to the newsroom of %s.", "Seen something we should report? Contact %s.", "Tips and corrections: write to %s."},
	}
	headerRU = []string{"Фото: %s", "Время чтения: 3 минуты", "Поделиться: ВКонтакте | Telegram | WhatsApp"}
	footerRU = [][]string{
		{"Читайте также: %s", "Читайте также: %s"},
		{"Источник", "Первоисточник", "Источник новости"},
		{"Подписывайтесь на Telegram-канал «%s», чтобы первыми узнавать новости!", "Все новости — в Telegram-канале «%s».", "«%s» в Telegram: подписывайтесь."},
		{"© %s. При перепечатке ссылка обязательна.", "© %s. Все права защищены.", "Копирование материалов «%s» — только со ссылкой."},
		{"Нашли ошибку? Выделите её и нажмите Ctrl+Enter.", "Заметили опечатку? Сообщите нам.", "Есть новость? Пишите в редакцию."},
	}
)

// newOutlets makes the publishers of a run: wires first, then papers and
// Russian-language sites.
func newOutlets(r *rng, places []place) []outlet {
	var out []outlet
	for _, w := range wires {
		out = append(out, outlet{name: w, host: strings.ToLower(strings.ReplaceAll(w, " ", "")) + ".example", lang: "en", wire: true,
			footer: []string{"(Reporting by " + w + " staff; editing by the " + w + " desk)"}})
	}
	for i := 0; i < 40; i++ {
		p := places[r.intn(len(places))]
		name := "The " + p.name.en + " " + paperNouns[r.intn(len(paperNouns))]
		if i%5 == 0 {
			name = p.name.en + " Daily"
		}
		o := outlet{name: name, host: strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(name, "The "), " ", "")) + ".example", lang: "en"}
		for _, h := range headerEN {
			if r.chance(0.35) {
				o.header = append(o.header, h)
			}
		}
		for _, f := range footerEN {
			if r.chance(0.45) {
				o.footer = append(o.footer, f[r.intn(len(f))])
			}
		}
		// and in its own order
		for i := len(o.footer) - 1; i > 0; i-- {
			j := r.intn(i + 1)
			o.footer[i], o.footer[j] = o.footer[j], o.footer[i]
		}
		out = append(out, o)
	}
	for i := 0; i < 12; i++ {
		p := places[r.intn(len(places))]
		name := p.name.ru + " " + ruPaper[r.intn(len(ruPaper))]
		if i%2 == 0 {
			name = capFirst(ruPaper[r.intn(len(ruPaper))]) + " " + p.name.ru + "а"
		}
		o := outlet{name: name, host: strings.ToLower(p.name.en) + "-" + string(rune('a'+i)) + ".example", lang: "ru"}
		for _, h := range headerRU {
			if r.chance(0.4) {
				o.header = append(o.header, h)
			}
		}
		for _, f := range footerRU {
			if r.chance(0.5) {
				o.footer = append(o.footer, f[r.intn(len(f))])
			}
		}
		for i := len(o.footer) - 1; i > 0; i-- {
			j := r.intn(i + 1)
			o.footer[i], o.footer[j] = o.footer[j], o.footer[i]
		}
		out = append(out, o)
	}
	return out
}
