package cluster

import "slices"

// protagonists is how many names of its title and lead stand for what an
// article is about, and how many of an event's most named ones stand for
// the event.
const (
	protagonists  = 2
	maxEventNames = 24
)

// salient returns the ids of the article's protagonists: the name terms
// weighing most in its title and lead (found by Prepare, see
// protagonistsOf).
func (c *Clusterer) salient(f *Features) []uint32 { return f.protagonists }

// protagonistsOf returns the ids of the protagonists of the article
// whose terms f holds; term returns the term of an id (lexicon.term),
// which orders ties.
func protagonistsOf(f *Features, term func(id uint32) string) []uint32 {
	// the protagonists best by head weight, then frequency, then
	// alphabetically, in one pass
	var top [protagonists]int
	k := 0
	better := func(i, j int) bool {
		a, b := &f.terms[i], &f.terms[j]
		if a.head != b.head {
			return a.head > b.head
		}
		if a.tf != b.tf {
			return a.tf > b.tf
		}
		return term(a.id) < term(b.id)
	}
	for i := range f.terms {
		if f.terms[i].head == 0 || f.terms[i].boost < nameBoost || f.terms[i].calendar {
			continue
		}
		p := k
		for p > 0 && better(i, top[p-1]) {
			p--
		}
		if p >= protagonists {
			continue
		}
		for j := min(k, protagonists-1); j > p; j-- {
			top[j] = top[j-1]
		}
		top[p] = i
		k = min(k+1, protagonists)
	}
	if k == 0 {
		return nil
	}
	out := make([]uint32, k)
	for i, t := range top[:k] {
		out[i] = f.terms[t].id
	}
	return out
}

// addNames counts an article's protagonists into an event's names.
func (c *Clusterer) addNames(n *node, sal []uint32) {
	if len(sal) == 0 {
		return
	}
	if n.names == nil {
		n.names = make(map[uint32]float32, 8)
	}
	for _, id := range sal {
		n.names[id]++
	}
	if len(n.names) > maxEventNames*3/2 {
		top := c.topNames(n, maxEventNames)
		keep := make(map[uint32]float32, len(top))
		for _, id := range top {
			keep[id] = n.names[id]
		}
		n.names = keep
	}
}

// topNames returns an event's k most counted names (ties: compareTerms).
func (c *Clusterer) topNames(n *node, k int) []uint32 {
	ids := make([]uint32, 0, len(n.names))
	for id := range n.names {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uint32) int {
		switch ka, kb := n.names[a], n.names[b]; {
		case ka > kb:
			return -1
		case ka < kb:
			return 1
		}
		return c.compareTerms(a, b)
	})
	return ids[:min(len(ids), k)]
}

// sameProtagonists reports whether an article may report the same
// happening as event n as far as its protagonists tell: one of the
// article's protagonists is one of the event's names, or one of the
// event's main names occurs in the article. Two look-alike happenings
// (another player placed on injured reserve, another actor cast in the
// role) share their words but not their protagonists. Without names on
// either side nothing contradicts.
func (c *Clusterer) sameProtagonists(f *Features, sal []uint32, n *node) bool {
	if len(sal) == 0 || len(n.names) == 0 {
		return true
	}
	for _, id := range sal {
		if n.names[id] > 0 {
			return true
		}
	}
	// the event's two most named (ties: compareTerms), found in one pass
	var top [protagonists]uint32
	var cnt [protagonists]float32
	k := 0
	for id, w := range n.names {
		i := k
		for i > 0 && (w > cnt[i-1] || (w == cnt[i-1] && c.compareTerms(id, top[i-1]) < 0)) {
			i--
		}
		if i >= protagonists {
			continue
		}
		for j := min(k, protagonists-1); j > i; j-- {
			top[j], cnt[j] = top[j-1], cnt[j-1]
		}
		top[i], cnt[i] = id, w
		k = min(k+1, protagonists)
	}
	for _, id := range top[:k] {
		if f.find(id) >= 0 {
			return true
		}
	}
	return c.spokesHead(f, sal, n)
}

// spokesHead reports whether the article f leads with a spokesperson
// ("Government spokeswoman Liisa Marttila: cabinet ready to …") and its
// other protagonists, given names aside, occur in event n. A
// spokesperson is the source of a report, not whom it is about
// (spokesPerson): the reports of one statement lead with the
// spokesperson or with the one spoken for (the prime minister, the
// ministry), who may go unnamed in a report led by the spokesperson, so
// that the absence of the event's protagonists says nothing; what else
// the report leads with (the port, the ferry line) must be the event's.
// A given name is shared by too many people to tell whose report it is.
// Only a spokesperson the report has speak (f.voices) is its source: one
// who does not speak in it may be what it is about ("Ministry spokesman
// Tomas Berglund fired"), and is then a protagonist like any other.
func (c *Clusterer) spokesHead(f *Features, sal []uint32, n *node) bool {
	if len(f.voices) == 0 {
		return false
	}
	spokes := false
	for _, id := range sal {
		switch {
		case slices.Contains(f.voices, c.lex.term(id)):
			spokes = true
		case slices.Contains(f.given, id):
		case n.names[id] == 0 && !slices.Contains(n.cent.ids, id):
			return false
		}
	}
	return spokes
}

// maxEventPersons bounds the person terms an event remembers.
const maxEventPersons = 48

// knownCast is how many people an event's reports must name before a
// person none of them names tells another happening (see otherPeople):
// with one or two, a report about somebody else is as likely a new face
// of the same happening.
const knownCast = 3

// addPersons counts an article's persons into event n.
// buf is scratch memory for keepTopCounts.
func addPersons(n *node, f *Features, buf *[]keyCount) {
	if len(f.Persons) == 0 {
		return
	}
	if n.persons == nil {
		n.persons = make(map[string]float32, len(f.Persons))
	}
	for _, p := range f.Persons {
		n.persons[p]++
	}
	for _, p := range f.Leading {
		if n.leads == nil {
			n.leads = make(map[string]float32, len(f.Leading))
		}
		n.leads[p]++
	}
	addSubject(n, f)
	if f.Main != "" {
		if n.mains == nil {
			n.mains = make(map[string]float32, 2)
		}
		n.mains[f.Main]++
	}
	if len(n.persons) > maxEventPersons*3/2 {
		*buf = keepTopCounts(n.persons, maxEventPersons, *buf)
	}
}

// touchPersons loads the bytes of the article's person terms, which
// addPersons hashes as it counts them into the event, last: they are the
// lexicon's, spread over its blocks of text (lexicon.keep), and mostly
// out of the processor's caches. Loaded here, in a loop of their own, their misses
// overlap one another and the work before addPersons, where the hashes
// met them one at a time.
func (c *Clusterer) touchPersons(f *Features) {
	var t byte
	for _, p := range f.Persons {
		if len(p) > 0 {
			t += p[0] + p[len(p)-1]
		}
	}
	for _, p := range f.Leading {
		if len(p) > 0 {
			t += p[0] + p[len(p)-1]
		}
	}
	if p := f.Main; len(p) > 0 {
		t += p[0] + p[len(p)-1]
	}
	if p := f.subject; len(p) > 0 {
		t += p[0] + p[len(p)-1]
	}
	c.touchedPersons = t
}

func addCounts(into, from map[string]float32) map[string]float32 {
	for k, v := range from {
		if into == nil {
			into = make(map[string]float32, len(from))
		}
		into[k] += v
	}
	return into
}

// keepTopCounts deletes from m all but the k keys counted most (ties:
// in order). buf is scratch memory, returned for the next call.
func keepTopCounts(m map[string]float32, k int, buf []keyCount) []keyCount {
	if len(m) <= k {
		return buf
	}
	cs := buf[:0]
	for p, n := range m {
		cs = append(cs, keyCount{p, keyPrefix(p), n})
	}
	selectCounts(cs, k)
	for _, c := range cs[k:] {
		delete(m, c.key)
	}
	clear(cs) // no strings kept alive
	return cs[:0]
}

// keyCount is a key of a count map, its first bytes (keyPrefix) and its
// count.
type keyCount struct {
	key string
	pre uint64
	n   float32
}

// before orders counts most first, then keys in order: a total order.
// Counts tie often (most people are named by one member), and the keys,
// the lexicon's, are scattered over its blocks of text: their first
// bytes, read once as the counts are collected (a loop whose loads
// overlap), order most ties without a visit to the key.
func (a *keyCount) before(b *keyCount) bool {
	if a.n != b.n {
		return a.n > b.n
	}
	if a.pre != b.pre {
		return a.pre < b.pre
	}
	return a.key < b.key
}

// keyPrefix is the first eight bytes of s, big-endian, zero past its
// end: two strings whose prefixes differ are in the order of their
// prefixes; equal prefixes say nothing.
func keyPrefix(s string) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(s) {
			p |= uint64(s[i])
		}
	}
	return p
}

// selectCounts moves the k first of cs (by before) to its front, in any
// order: a quickselect around the median of three, so that pruning a
// map sorts none of it. The order is total, so the k chosen are those a
// sort would put first.
func selectCounts(cs []keyCount, k int) {
	lo, hi := 0, len(cs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		// the median of three to cs[hi]
		if cs[mid].before(&cs[lo]) {
			cs[mid], cs[lo] = cs[lo], cs[mid]
		}
		if cs[hi].before(&cs[lo]) {
			cs[hi], cs[lo] = cs[lo], cs[hi]
		}
		if cs[mid].before(&cs[hi]) {
			cs[mid], cs[hi] = cs[hi], cs[mid]
		}
		p := cs[hi]
		i := lo
		for j := lo; j < hi; j++ {
			if cs[j].before(&p) {
				cs[i], cs[j] = cs[j], cs[i]
				i++
			}
		}
		cs[i], cs[hi] = cs[hi], cs[i]
		switch {
		case i == k || i == k-1:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
}

// otherPeople reports whether an article is about other people than
// event n. Two look-alike happenings (a call reported by one aide, an
// interview given by another) differ in who they happened to; reports of
// one happening name each other's protagonists at least. It holds when
//
//   - the article is about another person than most of the event's
//     members (otherSubject);
//   - the article's main person is named by no member (see namedBy),
//     and the event's main person (the main person of most of its
//     members) does not occur in the article, while the article's main
//     is named in its title or lead, or the article names a cast of
//     people (at least knownCast) without the event's; the two
//     conditions are the same whichever of two reports is the event, so
//     that the partition does not depend on which arrived first;
//   - no member of the event is about anyone in particular (no main
//     person: a strike, a crash), its reports name a cast in passing, and
//     a person the article names in its title or lead and mentions again
//     is none of them (nor a protagonist of one): the mediator appointed
//     to the strike is news of its own. With one or two people named, a
//     report about somebody else is as likely a new face of the same
//     happening.
//
// It never holds for a report in another script than most of the
// event's: names written in two scripts cannot be told apart by absence.
func (c *Clusterer) otherPeople(f *Features, n *node) bool {
	if n.crossScript(f.cyrillic) {
		// a report in the other script writes the people's names its own
		// way: their absence among the event's says nothing
		return false
	}
	if c.otherSubject(f, n) {
		return true
	}
	if len(n.mains) == 0 {
		if n.size < 2 || len(n.persons) < knownCast {
			return false
		}
		for _, p := range f.Leading {
			if !c.namedBy(n, p) {
				return true
			}
		}
		return false
	}
	if f.Main == "" {
		// the same the other way round: a report about nobody in
		// particular, naming a cast, none of whom the event leads with
		return len(f.Leading) == 0 && len(f.Persons) >= knownCast && c.leadsAbsent(f, n)
	}
	if c.namedBy(n, f.Main) {
		return false
	}
	if !c.inHead(f, f.Main) && len(f.Persons) < knownCast {
		return false
	}
	var q string
	for p, k := range n.mains {
		if k > n.mains[q] || (k == n.mains[q] && p < q) {
			q = p
		}
	}
	if k := n.mains[q]; 2*k <= float32(n.size) {
		return false
	}
	return c.findTerm(f, q) < 0
}

// namedBy reports whether the members of event n name the person term
// p: a member as a person the reader found, or most members among their
// protagonists (the names weighing most in their titles and leads). The
// reader does not find every person ("Hansbrough" written without a
// first name) and takes some names for persons that are none ("Big
// East"): an event led by the name names the person all the same. One
// member among many naming somebody in its lead does not make the
// event theirs.
func (c *Clusterer) namedBy(n *node, p string) bool {
	if n.persons[p] > 0 {
		return true
	}
	id, ok := c.lex.lookup(p)
	return ok && 2*n.names[id] > float32(n.size)
}

// leadsAbsent reports whether the article does not name one of the
// persons most members of n lead with.
func (c *Clusterer) leadsAbsent(f *Features, n *node) bool {
	for p, k := range n.leads {
		if 2*k > float32(n.size) && c.findTerm(f, p) < 0 {
			return true
		}
	}
	return false
}

// inHead reports whether the person term occurs in the article's title
// or lead.
func (c *Clusterer) inHead(f *Features, term string) bool {
	i := c.findTerm(f, term)
	return i >= 0 && f.terms[i].head > 0
}

// findTerm returns the index in f of the term, or -1.
func (c *Clusterer) findTerm(f *Features, term string) int {
	id, ok := c.lex.lookup(term)
	if !ok {
		return -1
	}
	return f.find(id)
}
