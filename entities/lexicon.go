package entities

import (
	"strings"

	"github.com/storyline-news/storyline/textproc"
)

// The word lists below are small, hand-written lexicons: they give the
// recognizer evidence (a title before a name, a first name, an organisation
// word) that it weighs together with the article's own statistics.

// wordSet is a set of words. Most words looked up are in none of the
// sets, and the filter turns them away without a map lookup.
type wordSet struct {
	words  map[string]bool
	filter textproc.WordFilter
}

// set returns the set of the space-separated words, "_" standing for a
// space inside one.
func set(words string) *wordSet {
	s := &wordSet{words: make(map[string]bool)}
	for _, w := range strings.Fields(words) {
		w = strings.ReplaceAll(w, "_", " ")
		s.words[w] = true
		s.filter.Add(w)
	}
	return s
}

// has reports whether w is in s.
func (s *wordSet) has(w string) bool {
	return s.filter.May(w) && s.words[w]
}

// titles precede a person's name ("President Vladimir Putin", "Sen. Cruz").
var titles = set(`mr mrs ms miss dr sen senator rep representative gov governor president
presidents vice secretary minister prime premier chancellor judge justice gen general col
lt sgt adm admiral mayor pope king queen prince princess sheikh ambassador chairman chairwoman
chair director speaker leader candidate nominee congressman congresswoman councilman
spokesman spokeswoman spokesperson aide adviser advisor deputy press attorney sir lord lady
rev reverend pastor bishop rabbi imam father sister brother commissioner sheriff chief officer professor prof
president-elect ex-president former
президент премьер министр министра глава пресс-секретарь пресс-секретаря помощник
представитель посол спикер генсек генеральный лидер депутат сенатор губернатор мэр
господин госпожа`)

// roleHeads are nouns that name a person by role ("the Kremlin spokesman").
var roleHeads = set(`spokesman spokeswoman spokesperson secretary president senator governor
minister aide adviser advisor diplomat candidate nominee chairman chairwoman leader director
ambassador mayor chancellor premier congressman congresswoman lawmaker businessman
billionaire mogul manager chief official counterpart attorney lawyer prosecutor judge
frontrunner front-runner contender host anchor strategist pollster operative analyst expert
general commander officer negotiator envoy representative
пресс-секретарь президент министр помощник дипломат представитель посол глава лидер`)

// roleClass folds role heads that mean the same job.
var roleClass = map[string]string{
	"spokeswoman": "spokesman", "spokesperson": "spokesman", "secretary": "spokesman",
	"пресс-секретарь": "spokesman", "advisor": "adviser", "aide": "adviser",
	"помощник": "adviser", "президент": "president", "министр": "minister",
	"front-runner": "frontrunner", "chairwoman": "chairman",
}

// orgWords mark a name as an organisation ("Justice Department").
var orgWords = set(`party ministry department committee commission council agency office
house kremlin campaign administration government parliament congress senate duma court
university college institute foundation association union bank fund corporation corp inc
ltd llc company co group news times post journal press tribune herald network tv television
radio channel service services bureau board authority army navy police force forces
organization organisation alliance federation league club school church center centre
reserve trust coalition caucus network pac media magazine daily gazette review survey agency's
conference parade festival marathon championship championships tournament olympics awards
administration's campaign's партия министерство мид кремль правительство комитет агентство
служба совет дума суд банк фонд университет`)

// prepositions of place stand before a place's name: a speech verb
// after "in Dubai" has another subject.
var prepositions = set(`in at from near across outside inside throughout
в во из на под около возле`)

// platforms are the services people post on: a name ending with one
// ("the official United Twitter account") is an organisation's account,
// not a person.
var platforms = set(`twitter facebook instagram youtube tiktok telegram whatsapp snapchat
reddit linkedin pinterest weibo vkontakte`)

// knownOrgs are organisations usually written without an organisation word.
var knownOrgs = set(`nato un eu tass ria reuters ap afp bbc cnn fox msnbc nbc abc cbs npr pbs
rtvi sputnik izvestia interfax kommersant gop fbi cia nsa dnc rnc osce who imf wto opec
pentagon kremlin google facebook twitter apple amazon microsoft gazprom rosneft
politico breitbart huffpost bloomberg axios quinnipiac gallup
instagram youtube tiktok telegram whatsapp snapchat reddit linkedin pinterest weibo vkontakte
нато оон ес тасс риа интерфакс известия коммерсант газпром`)

// places is a small gazetteer of countries, regions and large cities.
var places = set(`russia ukraine usa us u.s. america united_states united_kingdom uk britain
england scotland wales ireland france germany italy spain portugal poland belarus
kazakhstan georgia armenia azerbaijan moldova lithuania latvia estonia finland sweden norway
denmark netherlands belgium switzerland austria hungary czech_republic slovakia romania
bulgaria serbia croatia greece turkey syria iraq iran israel palestine gaza egypt libya
saudi_arabia yemen qatar afghanistan pakistan india china japan korea north_korea
south_korea taiwan vietnam indonesia australia canada mexico cuba venezuela brazil
argentina chile colombia africa europe asia crimea donbass donbas
moscow kiev kyiv washington london paris berlin rome madrid warsaw minsk beijing tokyo
brussels geneva vienna new_york los_angeles chicago houston boston miami philadelphia
milwaukee detroit atlanta dallas denver seattle phoenix las_vegas san_francisco
st._petersburg sochi donetsk luhansk kharkiv odessa mariupol damascus aleppo tehran
baghdad kabul jerusalem tel_aviv ankara istanbul
alabama alaska arizona arkansas california colorado connecticut delaware florida
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey
new_mexico north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island
south_carolina south_dakota tennessee texas utah vermont virginia west_virginia wisconsin
wyoming iowa
россия россии украина украины сша америка москва москве москвы киев вашингтон европа
германия франция китай крым донбасс женева брюссель вена лондон`)

// firstNames are common given names, English and Russian.
var firstNames = set(`john james robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy
roy vincent ralph eugene russell bobby mason philip louis bernie hillary ted marco jeb ben
chris mike rand carly newt mitt barack bill al dick rick rudy reince kellyanne corey sean
paul nancy harry mitch lindsey elizabeth mary patricia jennifer linda barbara susan jessica
sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy
carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley
angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia
kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy
grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
isabella charlotte rose alexis kayla melania ivanka huma debbie donna jill kamala joe
vladimir dmitry dmitri sergey sergei yuri yury alexei alexey aleksei mikhail nikolai
nikolay ivan andrei andrey boris igor oleg viktor victor valentina maria olga tatiana
natalia elena yelena irina svetlana anatoly leonid volodymyr petro arseniy vitali
vitaly maxim maksim ramzan alexander alexandr evgeny yevgeny gennady ilya pavel konstantin
angela emmanuel boris theresa xi recep benjamin bashar hassan kim shinzo justin
владимир дмитрий дмитрия юрий юрия сергей сергея алексей алексея михаил николай иван
андрей борис игорь олег виктор мария ольга татьяна наталья елена ирина светлана
анатолий леонид максим рамзан александр евгений геннадий илья павел константин джо
джозеф дональд эммануэль ангела`)

// functionWords are capitalised at a sentence start but are never names.
var functionWords = set(`the a an and but or nor so yet for of in on at by to from with
without into onto about above after before during since until while when where why how what
which who whom whose that this these those there here then than thus also however although
though because if unless whether as such both either neither each every all any some many
much more most few several no not only just even still already again ever never always
he she it they we i you his her its their our my your him them us me one two three
yes oh well now today yesterday tomorrow meanwhile instead indeed later earlier
last next first second third according despite amid among between through throughout
against under over like unlike including after asked said says speaking
is are was were be been being has have had do does did will would can could should may
might must shall let
в на и но что это как по за из с о об от до для при он она они мы я вы его ее их
также однако когда если уже еще так вот`)

// months and weekdays are capitalised in English but are not entities.
var calendarWords = set(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday christmas easter`)

// pronouns that can stand for a speaker.
var personPronouns = set(`he she i we they you`)

// demonyms end a name run but are not entities by themselves.
func isDemonym(term string) bool {
	if term == "" {
		return false
	}
	// any ending that fits says the same, so that only those that end
	// in the term's last byte are tried
	for _, suf := range demonymEndingsBy[term[len(term)-1]] {
		if len(term) > len(suf)+2 && strings.HasSuffix(term, suf) {
			return !places.has(term)
		}
	}
	return demonymWord(term)
}

// demonymEndingsBy lists demonymEndings by their last byte.
var demonymEndingsBy = func() (t [256][]string) {
	for _, suf := range demonymEndings {
		t[suf[len(suf)-1]] = append(t[suf[len(suf)-1]], suf)
	}
	return t
}()

// demonymWord reports whether term is one of the demonyms and adjectives
// of origin or party listed by name, and not a place.
func demonymWord(term string) bool {
	switch term {
	case "american", "russian", "ukrainian", "republican", "republicans", "democrat",
		"democrats", "democratic", "british", "french", "german", "chinese", "israeli",
		"iraqi", "syrian", "iranian", "european", "western", "soviet", "muslim", "christian",
		"jewish", "catholic", "evangelical", "latino", "hispanic", "asian", "african", "arab",
		"conservative", "liberal", "libertarian", "progressive", "independent":
		return !places.has(term)
	}
	return false
}

// demonymEndings end demonyms and adjectives of origin.
var demonymEndings = []string{"ian", "ean", "ese", "ish", "ic", "can", "ский", "ская", "ские", "ское", "ского", "ской"}

// femaleNames are the given names of firstNames that are women's; the
// rest, but for a few used by both, are men's.
var femaleNames = set(`mary patricia jennifer linda barbara elizabeth susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda
melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet
ruth maria heather diane virginia julie joyce victoria olivia christina lauren joan evelyn
judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
janice jean alice doris abigail julia judy grace denise amber marilyn beverly danielle
theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla melania
ivanka huma debbie jill kamala hillary carly valentina olga tatiana natalia elena yelena
irina svetlana jen megyn мария ольга татьяна наталья елена ирина светлана ангела`)

var unisexNames = set(`kelly jordan madison alexis jean`)

// Gender guesses a person's gender from a name: "f", "m", or "" when the
// name does not tell (given names, and Russian surname endings).
func Gender(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	first := f[0]
	switch {
	case unisexNames.has(first):
		return ""
	case femaleNames.has(first):
		return "f"
	case firstNames.has(first):
		return "m"
	}
	last := f[len(f)-1]
	for _, suf := range []string{"ова", "ева", "ина", "ая"} {
		if strings.HasSuffix(last, suf) {
			return "f"
		}
	}
	for _, suf := range []string{"ов", "ев", "ин", "ий"} {
		if strings.HasSuffix(last, suf) {
			return "m"
		}
	}
	return ""
}
