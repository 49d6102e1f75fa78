package textproc

// EnglishStopWords are English function words and reporting fillers that
// carry no topic: articles, pronouns, auxiliaries, prepositions,
// conjunctions and a few very common adverbs. Written for Storyline.
const EnglishStopWords = `
a an the this that these those there here
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
who whom whose which what whatever whoever when where why how
am is are was were be been being have has had having do does did doing done
will would shall should can could may might must ought
not no nor never none
and or but if then else so than too very also just only even still yet
of at by for with about against between into through during before after
above below to from up down in out on off over under again further once
all any both each few more most other some such own same
as until while because although though whether either neither
can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't
it's he's she's that's there's what's who's let's i'm you're we're they're
i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll
s t d ll m re ve
said says say told tell according
mr mrs ms dr
one would also however many much`

// RussianStopWords are Russian function words: pronouns, prepositions,
// conjunctions, particles and the forms of быть. Written for Storyline.
const RussianStopWords = `
и в во не что он на я с со как а то все она так его но да ты к у же вы за
бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну
вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там
потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была
сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому
этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были
куда зачем всех никогда можно при наконец два об другой хоть после над
больше тот через эти нас про всего них какая много разве три эту моя
впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более
всегда конечно всю между это эта эти этих этим этими также который которая
которое которые которого которой которых котором которым свой своя своё свои
своего своей своих весь вся всё всем всеми ее её их ими нему ним нею ею
является являются будут будем будете будешь буду есть был была было были
же ли бы вот даже уже ещё лишь именно
заявил заявила сказал сказала сообщил сообщила отметил отметила`
