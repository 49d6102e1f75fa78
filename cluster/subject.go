package cluster

import (
	"slices"
	"time"

	"github.com/storyline-news/storyline"
)

// A report is about somebody: the person its title and lead name most,
// its subject. Two look-alike happenings of one story (the team places
// one player on injured reserve, weeks later another; the show casts one
// actor, years later the next) share their words, their places and
// their organisations, and the reports of the later one name the
// earlier one's subject in passing: the subjects tell them apart where
// the protagonists (which count the team and the show) and the event's
// main person (of too few members: see otherPeople) do not.
//
// One happening has several people too: the winner and the loser of a
// recount, the spokesman and the president he speaks of, the agent
// announcing a client's death. Their reports, published within days of
// each other, lead with either. So the subject tells another happening
// only when it is one of the article's protagonists, when most of the
// event's members with a subject are about another, who is none of the
// article's protagonists, when none of the members leads with the
// article's subject, and when the article is not news of the event's own days
// (sameNews). The same holds between two events: a report about neither
// (the team's news, naming both players) close to both does not merge
// them (otherSubjects).

// subjectOf returns the term of the subject of the article whose
// features f holds: of the persons the reader found (Features.Persons,
// the first maxSubjectPersons of them), the one weighing most in the
// title and lead (ties: the one occurring most, then the one named
// first); "" when the title and lead name none of them. A person named
// once, in the lead, and never again is a passer-by (the player placed
// on injured reserve the day before, in the report of the next one),
// not the subject: where the reader misses whom the title names, the
// passer-by would stand in for them, and the reports of one happening
// would share no subject (otherSubjects). ids are the term ids of
// f.Persons, in the same order.
func subjectOf(f *Features, ids []uint32) string {
	n := min(len(f.Persons), maxSubjectPersons)
	persons, ids := f.Persons[:n], ids[:n]
	best, bestHead, bestTF := -1, float32(0), float32(0)
	for i := range f.terms {
		t := &f.terms[i]
		if t.head == 0 || t.boost < nameBoost || t.head < bestHead || t.tf <= leadWeight {
			// tf at most leadWeight: named once, in the lead alone
			continue
		}
		// a term is a person's when their ids are equal (one id per
		// term): no read of the lexicon, whose entries are scattered in
		// memory
		j := slices.Index(ids, t.id)
		if j < 0 || slices.Contains(f.spokes, persons[j]) {
			// a spokesperson is the source, not the subject
			continue
		}
		if t.head > bestHead || t.tf > bestTF || t.tf == bestTF && j < best {
			best, bestHead, bestTF = j, t.head, t.tf
		}
	}
	if best < 0 {
		return ""
	}
	return persons[best]
}

// maxSubjectPersons bounds the persons, in the order the reader names
// them, among whom subjectOf looks for the subject: a report names its
// subject among the first.
const maxSubjectPersons = 16

// sameNewsDays is how far from the publications of an event's members
// an article's publication is still news of the same days: the reports
// of one happening come out over a day or two.
const sameNewsDays = 2

// addSubject counts an article's subject into event n.
func addSubject(n *node, f *Features) {
	if f.subject == "" {
		return
	}
	if n.subjects == nil {
		n.subjects = make(map[string]float32, 2)
	}
	n.subjects[f.subject]++
}

// otherSubject reports whether an article is about somebody else than
// event n (see the comment at the top of this file): it holds when
//
//   - the article's subject is one of its protagonists;
//   - more than half of the event's members that have a subject have
//     one, another (dominantSubject: the members the reader found no
//     subject in, whose people it missed, say nothing of whom the
//     event is about), and at most a quarter of all the article's;
//   - no member leads with the article's subject (Features.Leading) or
//     counts it among its protagonists;
//   - the event's subject is none of the article's protagonists, and
//     the article does not name it in its title or lead (it mentions
//     the earlier happening in passing, if at all) or no member names
//     the article's subject at all (the event happened before anyone
//     had heard of them);
//   - the article is not news of the days of the event's publications
//     (sameNews): reports of one happening, out the same days, lead
//     with either of its people.
func (c *Clusterer) otherSubject(f *Features, n *node) bool {
	s := f.subject
	if s == "" || len(n.subjects) == 0 {
		return false
	}
	id, ok := c.lex.lookup(s)
	if !ok || !slices.Contains(f.protagonists, id) {
		return false
	}
	q := dominantSubject(n)
	size := float32(n.size)
	if q == "" || q == s || 4*n.subjects[s] > size {
		return false
	}
	if n.leads[s] > 0 || n.names[id] > 0 {
		return false
	}
	if sameNews(f.published, n, sameNewsDays*24*time.Hour) || sameWeekday(f, n) {
		return false
	}
	if qid, ok := c.lex.lookup(q); ok && slices.Contains(f.protagonists, qid) {
		return false
	}
	return !c.inHead(f, q) || n.persons[s] == 0
}

// sameNews reports whether an article published at p is news of the
// days event n's members were published: within near of their span.
// It is false when either is unknown.
func sameNews(p storyline.Published, n *node, near time.Duration) bool {
	if p.IsZero() || n.firstPub.IsZero() {
		return false
	}
	return !p.Time.Before(n.firstPub.Time.Add(-near)) && !p.Time.After(n.lastPub.Time.Add(near))
}

// dominantSubject returns the subject of more than half of the members
// of event n that have one, "" when there is none.
func dominantSubject(n *node) string {
	var q string
	var total float32
	for p, k := range n.subjects {
		total += k
		if k > n.subjects[q] || k == n.subjects[q] && p < q {
			q = p
		}
	}
	if 2*n.subjects[q] <= total {
		return ""
	}
	return q
}

// otherSubjects reports whether two events are about two people, so
// that a report about neither (the team's news naming both players),
// close to both, does not merge them: most members of each have one
// subject, at most a quarter of each has the other's, no member of
// one leads with the other's subject or counts it among its
// protagonists, and they are not news of the same days (sameNews).
func (c *Clusterer) otherSubjects(a, b *node) bool {
	qa, qb := dominantSubject(a), dominantSubject(b)
	if qa == "" || qb == "" || qa == qb {
		return false
	}
	foreign := func(n *node, q string) bool {
		id, ok := c.lex.lookup(q)
		quarter := float32(n.size) / 4
		return n.subjects[q] <= quarter && n.leads[q] <= quarter && (!ok || n.names[id] <= quarter)
	}
	if !foreign(a, qb) || !foreign(b, qa) {
		return false
	}
	if a.firstPub.IsZero() || b.firstPub.IsZero() {
		// undated: kept apart even when both tell of one weekday, unlike
		// an article joining an event (sameWeekday): two events about
		// two people, each already several reports, stand for two
		// happenings more surely than one report does (the injured
		// reserve lists of two Wednesdays)
		return true
	}
	// the spans of their publications, widened by sameNewsDays, are
	// apart
	near := sameNewsDays * 24 * time.Hour
	return b.firstPub.Time.After(a.lastPub.Time.Add(near)) || a.firstPub.Time.After(b.lastPub.Time.Add(near))
}

// sameWeekday reports whether an article and event n, either of them
// undated, tell of the same weekday: the article's event weekday
// (Features.weekday) is the one most of n's members tell. Undated
// reports of one happening say when it was ("on Sunday"), which is all
// there is to tell they are news of the same days.
func sameWeekday(f *Features, n *node) bool {
	if !f.published.IsZero() && !n.firstPub.IsZero() {
		return false
	}
	w, ok := f.weekday()
	if !ok {
		return false
	}
	d, ok := dominantWeekday(n)
	return ok && d == w
}

// dominantWeekday returns the weekday more than half of the members of
// event n that tell one tell.
func dominantWeekday(n *node) (time.Weekday, bool) {
	var total float32
	best := 0
	for d, k := range n.weekdays {
		total += k
		if k > n.weekdays[best] {
			best = d
		}
	}
	return time.Weekday(best), 2*n.weekdays[best] > total
}
