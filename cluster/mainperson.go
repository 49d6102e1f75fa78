package cluster

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// speechVerbs are the verb forms by which news copy attributes what was
// said or done to somebody ("Peskov said", "said Peskov", "the spokesman
// stressed"), in English and Russian. They are read only.
var speechVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`said says told tells added adds noted notes stressed
	stresses explained explains announced announces declared declares stated states claimed
	claims warned warns insisted insists confirmed confirms denied denies argued argues
	emphasized emphasised emphasizes emphasises recalled recalls replied replies wrote writes
	tweeted commented remarked urged admitted admits acknowledged acknowledges revealed
	reveals called calls described describes
	заявил заявила заявили заявляет сказал сказала сказали говорит отметил отметила
	отмечает подчеркнул подчеркнула подчеркивает добавил добавила пояснил пояснила
	сообщил сообщила рассказал рассказала напомнил напомнила ответил ответила
	признал признала подтвердил подтвердила считает`) {
		m[w] = true
	}
	return m
}()

// speakerWindow is how many words after a mention a speech verb may come
// ("Peskov on Friday said", "Peskov has said") and still be the mention's.
const speakerWindow = 3

// speakerWeight is how many mentions a mention as a speaker counts for.
const speakerWeight = 2

// mainPerson returns the term of the person an article is about: of
// those mentioned at least twice, the one scoring most, where each
// mention counts once and a mention as the one who speaks ("Dmitry Peskov
// said", "said the Kremlin spokesman") speakerWeight more times. A report
// is about the one who speaks rather than the ones spoken of: "Putin's
// press secretary Dmitry Peskov said Putin and Biden …" is Peskov's.
// words are the words of text (textproc.ScanWords); last gives each
// entity's person term, "" for entities that are no persons. Ties go to
// the earlier entity.
func mainPerson(ents []storyline.Entity, text string, words []textproc.Word, last func(i int) string) string {
	best, main := 0, ""
	for i, e := range ents {
		t := last(i)
		if t == "" || len(e.Mentions) < 2 {
			continue
		}
		score := 0
		for _, m := range e.Mentions {
			score++
			if speaks(text, words, m) {
				score += speakerWeight
			}
		}
		if score > best {
			best, main = score, t
		}
	}
	return main
}

// speaks reports whether mention m is the subject of a speech verb: one
// follows within speakerWindow words in the same sentence ("Peskov on
// Friday said"), or one comes right before it at the end of a clause
// ("…, said Peskov."), or "according to" does. words are text's.
func speaks(text string, words []textproc.Word, m storyline.Mention) bool {
	raw := func(k int) string { return words[k].Raw(text) }
	i := sort.Search(len(words), func(i int) bool { return int(words[i].Start) >= m.End })
	for k := i; k < len(words) && k < i+speakerWindow; k++ {
		if words[k].Initial {
			break
		}
		if isSpeechVerb(raw(k)) {
			return true
		}
	}
	j := sort.Search(len(words), func(i int) bool { return int(words[i].Start) >= m.Start })
	if j < len(words) && words[j].Initial {
		return false
	}
	if j >= 2 && strings.EqualFold(raw(j-1), "to") && strings.EqualFold(raw(j-2), "according") {
		return true
	}
	// "…, said Peskov." but not "Peskov said Putin was …": the verb
	// right before, and punctuation (more than a space) or the end right
	// after
	if j < 1 || !isSpeechVerb(raw(j-1)) || strings.EqualFold(raw(j-1), "told") || m.Start-int(words[j-1].End) > 1 {
		return false
	}
	return i >= len(words) || words[i].Initial || int(words[i].Start)-m.End > 1
}

func isSpeechVerb(w string) bool {
	if len(w) > 24 {
		return false
	}
	return speechVerbs[strings.ToLower(w)]
}
