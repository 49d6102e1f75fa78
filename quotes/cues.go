package quotes

import (
	"strings"

	"github.com/storyline-news/storyline/textproc"
)

// wordSet returns the set of the words of s, and of phrases.
func wordSet(s string, phrases ...string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

// cues are the verbs that attribute speech, in the forms news copy uses.
var cues = wordSet(`say says said saying tell tells told telling add adds added adding
  noted noting stress stresses stressed stressing explain explains explained
write writes wrote argue argues argued arguing   claimed insist insists insisted
warn warns warned warning announce announces announced   stated reply replies
replied respond responds responded   tweeted protested emphasize emphasizes emphasized
emphasise emphasised recall recalls recalled ask asks asked declare declares declared
continues continued suggest suggests suggested acknowledge acknowledges
acknowledged admit admits admitted   remarked   commented
observe observes observed conclude concludes concluded predict predicts predicted 
 promised vow vows vowed quip quips quipped   joked urge urges urged
concede concedes conceded complain complains complained boast boasts boasted lament
laments lamented   countered testify testifies testified  
reported mused muses recount recounts recounted repeat repeats repeated confirm confirms
confirmed deny denies denied caution cautions cautioned shout shouted yell yelled exclaim
exclaimed assert asserts asserted maintain maintains maintained contend contends contended
describe describes described  calls called dubbed labeled labelled branded read reads
posted posts wrote writes tells explained recalled chanted pleaded predicted thundered
retorted scoffed snapped sneered mocked agree agrees agreed echo echoes echoed wondered
proclaimed proclaims pledged pledges reasoned offered cracked laughed bragged charged alleged
fumed sang sings sing gushed raged ranted marveled chided scolded demanded begged sighed interjected grumbled griped muttered whispered screamed cried opined opines praised hailed cited cites blasted slammed texted emailed shared quoted
заявил заявила заявили заявляет сказал сказала сказали говорит отметил отметила отметили
подчеркнул подчеркнула подчеркнули добавил добавила добавили пояснил пояснила пояснили
сообщил сообщила сообщили рассказал рассказала напомнил напомнила признал признала
ответил ответила заметил заметила указал указала считает уверен уверена
отмечает уверяет замечает жалуется признаёт признает настаивает настаивал настаивала
утверждает утверждал утверждала подтвердил подтвердила подтверждает
рассказывает уточнил уточнила уточнили написал написала написали пишет сообщает сообщают
заявляют говорят предупредил предупредила`)

// indirectCues introduce reported speech without quotation marks.
var indirectCues = wordSet(`say said says told added noted stressed explained argued claimed
insisted warned announced stated replied responded emphasized emphasised recalled declared
suggested acknowledged admitted predicted promised vowed confirmed denied cautioned asserted
maintained contended wrote writes complained grumbled protested
заявил заявила заявили сказал сказала отметил отметила подчеркнул подчеркнула добавил
добавила пояснил пояснила сообщил сообщила уверен уверена говорит отмечает уверяет
замечает жалуется признаёт признает настаивает настаивал настаивала утверждает утверждал
утверждала подтвердил подтвердила подтверждает рассказал рассказала рассказали
рассказывает уточнил уточнила уточнили написал написала написали пишет сообщает сообщают
заявляют говорят предупредил предупредила`)

// groupHeads are words that name speakers that are not named entities
// ("officials said", "the campaign said in a statement").
var groupHeads = wordSet(`officials official sources aides aide critics supporters experts
analysts voters residents campaign statement report memo release ad letter poll survey
lawmakers members people others protesters authorities spokesman spokeswoman spokesperson
representative representatives advisers adviser source organizers organisers democrats
republicans administration government ministry office department committee`)

// pronouns that can be a speaker, and whether they refer to a person.
var pronouns = map[string]bool{"he": true, "she": true, "i": true, "we": false, "they": false, "it": false,
	"он": true, "она": true, "они": false, "мы": false}

// Word classes a term can have, as bits of wordClasses.
const (
	classCue     = 1 << iota // in cues
	classGroup               // in groupHeads
	classPronoun             // in pronouns
	classPhrase              // in phraseStarts
)

// phraseStarts are the first words of the cues of more than one word
// that cueAt knows ("according to", "pointed out", "по словам"): a token
// of none of the classes is no cue, without a look at the words after it.
var phraseStarts = wordSet(`according по pointed went shot fired hit wrote snapped cut chimed weighed`)

// wordClasses gives the classes of every term in cues, groupHeads,
// pronouns and phraseStarts, so that one lookup per token finds them all.
var wordClasses = func() map[string]uint8 {
	m := make(map[string]uint8)
	for w := range cues {
		m[w] |= classCue
	}
	for w := range groupHeads {
		m[w] |= classGroup
	}
	for w := range pronouns {
		m[w] |= classPronoun
	}
	for w := range phraseStarts {
		m[w] |= classPhrase
	}
	return m
}()

// classFilter passes the words that may be in wordClasses.
var classFilter = textproc.NewWordFilter(wordClasses)

// maxPronoun is the length in bytes of the longest of pronouns.
var maxPronoun = func() int {
	n := 0
	for p := range pronouns {
		n = max(n, len(p))
	}
	return n
}()

// prepositions before a name make it an object, not a speaker ("speaking
// to Fox News said").
var prepositions = wordSet(`to with by for of in at from about on into than against like as upon during without through under via despite amid among toward towards`)

// notSubject are words that cannot head a generic speaker phrase.
var notSubject = wordSet(`that which who and but or as than then so if when while because
it this there here what not also has have had was were is are be been would could should will
can may might must do does did to of in on at by for with from about again later only just
even still yet now too very interview after before since until`)

// relatives stand for the name before them ("Trump, who said").
var relatives = wordSet(`who which that`)

// adverbs may sit between a subject and its cue ("Peskov also said").
var skippable = wordSet(`also later then further previously recently repeatedly once now still
even often never always just
publicly flatly has had have was is would will again quickly simply bluntly`)
