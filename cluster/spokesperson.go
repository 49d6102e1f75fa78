package cluster

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// spokesRoles are the words that name somebody as speaking for another
// ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov, the Kremlin's
// spokesman", "официальный представитель МИД Мария Захарова"), in
// English and Russian. They are read only. "secretary" and "секретарь"
// count only after "press" ("пресс"), as spokesPerson checks.
var spokesRoles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`spokesman spokeswoman spokesperson spokesmen spokeswomen
	spokespeople secretary
	представитель представителя представительница пресс-секретарь пресс-секретаря
	секретарь секретаря`) {
		m[w] = true
	}
	return m
}()

// spokesWindow is how many words may stand between a role and the name
// it introduces ("spokesman for the Kremlin Dmitry Peskov") or follows
// ("Peskov, the Kremlin's spokesman").
const spokesWindow = 6

// spokesPerson reports whether a mention of a person in text names them
// as a spokesperson: a role of spokesRoles comes within spokesWindow
// words before the name, in its sentence and with no speech verb between
// ("пресс-секретарь президента Дмитрий Песков"), or after it, set off by
// a comma, with only capitalised words (the office spoken for) and
// "the", "of", "'s" between ("Dmitry Peskov, the Kremlin's spokesman"). A spokesperson is the source of a report, not
// whom it is about: the reports of one statement lead with the spokesman
// or with the president he speaks for (see subjectOf). words are text's
// (textproc.ScanWords).
func spokesPerson(text string, words []textproc.Word, m storyline.Mention) bool {
	raw := func(k int) string { return words[k].Raw(text) }
	role := func(k int) bool {
		w := strings.ToLower(raw(k))
		if !spokesRoles[w] {
			return false
		}
		if w == "secretary" || strings.HasPrefix(w, "секретар") {
			return k > 0 && (strings.EqualFold(raw(k-1), "press") || strings.EqualFold(raw(k-1), "пресс"))
		}
		return true
	}
	between := func(k int) bool {
		if words[k].Capital {
			return true
		}
		switch strings.ToLower(raw(k)) {
		case "of", "for", "the", "a", "s", "chief", "deputy", "official", "официальный", "официальная":
			return true
		}
		return false
	}
	j := sort.Search(len(words), func(i int) bool { return int(words[i].Start) >= m.Start })
	if j < len(words) && words[j].Initial {
		// the name opens a sentence: what comes before is another's
		return false
	}
	for k := j - 1; k >= 0 && k >= j-spokesWindow; k-- {
		if role(k) {
			return true
		}
		if isSpeechVerb(raw(k)) || words[k].Initial {
			// "the spokesman said Putin …": Putin is spoken of
			break
		}
	}
	i := sort.Search(len(words), func(i int) bool { return int(words[i].Start) >= m.End })
	if i >= len(words) || i == 0 || !strings.HasPrefix(text[words[i-1].Byte+words[i-1].Len:words[i].Byte], ",") {
		return false
	}
	for k := i; k < len(words) && k < i+spokesWindow; k++ {
		if role(k) {
			return true
		}
		if !between(k) {
			break
		}
	}
	return false
}
