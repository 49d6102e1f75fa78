package quotes

import (
	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

// resolve returns the name a speaker mention stands for: the entity's
// canonical name, or for a pronoun or an unresolved role the topic of the
// sentences before it.
func (r *reader) resolve(i, depth int) string {
	sp := r.spks[i]
	switch {
	case sp.pronoun != "":
		if depth > 3 {
			return ""
		}
		if sp.pronoun == "it" || sp.pronoun == "they" {
			return r.groupBefore(sp.tok0)
		}
		if !pronouns[sp.pronoun] {
			return "" // "we": the writers as often as the speakers
		}
		return r.topicBefore(sp.tok0, depth, pronounGender[sp.pronoun])
	case sp.role && sp.entity < 0:
		if n := r.topicBefore(sp.tok0, depth, ""); n != "" {
			return n
		}
		return r.d.Slice(sp.start, sp.end)
	}
	return sp.name
}

// topicBefore walks back sentence by sentence from token k and returns the
// first person who is the subject of speech, or failing that the first
// person named in a sentence.
func (r *reader) topicBefore(k, depth int, gender string) string {
	to := k
	for n := 0; n < 10 && to > 0; n++ {
		from := r.sentenceFrom(to - 1)
		if name := r.topic(from, to, depth, gender); name != "" {
			return name
		}
		to = from
	}
	return ""
}

// groupBefore returns what "it", "they" or "we" at token k stands for
// when it speaks: the organisation or group that is the subject of its
// sentence or of the sentence before ("The Security Council … pledged
// sanctions against what it called …"), or "".
func (r *reader) groupBefore(k int) string {
	to := k
	for n := 0; n < 2 && to > 0; n++ {
		from := r.sentenceFrom(to - 1)
		if s := r.firstSubject(from, to); s >= 0 && s != r.at(k) {
			sp := r.spks[s]
			if sp.pronoun == "" && sp.kind != storyline.Person && sp.name != "" && (sp.kind == storyline.Organization || !sp.named) {
				return sp.name
			}
		}
		to = from
	}
	return ""
}

// pronounGender is the gender a personal pronoun refers to.
var pronounGender = map[string]string{"he": "m", "she": "f", "он": "m", "она": "f"}

// agrees reports whether name may be referred to by a pronoun of gender g.
func agrees(name, g string) bool {
	if g == "" || name == "" {
		return true
	}
	ng := entities.Gender(name)
	return ng == "" || ng == g
}

// topic returns the person a sentence is about: the subject of its last
// speech cue, else the first person it names, of gender g when g is set.
func (r *reader) topic(from, to, depth int, g string) string {
	for j := to - 1; j >= from; j-- {
		if r.cueAt(j) == 0 {
			continue
		}
		sp := r.subjectLeft(j, from)
		if sp < 0 {
			sp = r.subjectRight(j, r.cueAt(j), to)
		}
		if sp >= 0 && r.spks[sp].pronoun != "" && pronouns[r.spks[sp].pronoun] && depth < 3 {
			return r.resolve(sp, depth+1)
		}
		if sp >= 0 && r.spks[sp].kind == storyline.Person {
			if n := r.resolve(sp, depth+1); n != "" && agrees(n, g) {
				return n
			}
		}
	}
	for j := from; j < to; j++ {
		if r.toks[j].quoted {
			continue
		}
		if sp := r.at(j); sp >= 0 && r.spks[sp].kind == storyline.Person && r.spks[sp].pronoun == "" && r.spks[sp].name != "" && agrees(r.spks[sp].name, g) {
			return r.spks[sp].name
		}
	}
	return ""
}
