package cluster

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// tw is one weighted term of a sparse vector.
type tw struct {
	id uint32
	w  float32
}

// vector is a sparse unit vector, sorted by weight, heaviest first.
type vector []tw

// unit scales v in place to unit length (an all-zero v stays as it is).
func (v vector) unit() {
	var n2 float64
	for _, t := range v {
		n2 += float64(t.w) * float64(t.w)
	}
	if n2 > 0 {
		inv := 1 / math.Sqrt(n2)
		for i := range v {
			v[i].w = float32(float64(v[i].w) * inv)
		}
	}
}

// node is an event or a story: a centroid (the sum of its members' unit
// vectors, pruned to the heaviest terms) and its span.
type node struct {
	into *node // set when merged into another node
	gone bool  // evicted from the active window
	// slot is the node's slot in its index plus one, zero for none
	// (index.slotOf).
	slot int32
	// active is the node's place in its activeSet plus one, zero when
	// it is in none (merged or evicted).
	active int32
	seq    int

	// What scoring reads of a candidate (score) comes first, in the
	// node's first four cache lines: its size, centroid, scripts, span
	// and event days and weekdays.
	size int // members
	cent centroid
	// scripts counts the members in Latin (or other) script and in
	// Cyrillic.
	scripts [2]float32
	// first and last bound the arrival times of members (for decay and
	// the active window); firstPub and lastPub the known publications.
	first, last time.Time
	// days counts the members' event days (events only).
	days dayCounts
	// weekdays counts the members' event weekdays (events only).
	weekdays [7]float32

	id    string
	story *node // events: the story
	// keys is the centroid of the members' name keys.
	keys              centroid
	firstPub, lastPub storyline.Published
	articles          []string // events only
	lastArrival       int      // the docs count when a member last joined
	children          []string // stories: event ids
	title             string
	titleScore        float64
	// names counts, per name term, the members whose title or lead
	// names it among their protagonists (events only).
	names map[uint32]float32
	// persons counts the members naming each person term, mains the
	// members whose main person it is (events only).
	persons, mains map[string]float32
	// leads counts the members leading with each person: named in the
	// title or lead and mentioned again (Features.Leading).
	leads map[string]float32
	// subjects counts the members' subjects (Features.subject).
	subjects map[string]float32
	// untimed counts the members of unknown time (untimed.go).
	untimed int
	// magnitudes are those the members state (events only; measure.go).
	magnitudes []int16
	// ordinals are the title nouns the members number (ordinal.go).
	ordinals []ordinal
}

// live follows merges to the node that absorbed n.
func (n *node) live() *node {
	for n.into != nil {
		n = n.into
	}
	return n
}

func (n *node) dead() bool { return n.into != nil }

// vectorize counts f's terms into the document frequencies and returns
// its TF-IDF unit vector over the DocTerms heaviest terms. The vector is
// the clusterer's scratch: valid until the next call.
func (c *Clusterer) vectorize(f *Features) vector {
	c.docs++
	c.growDF()
	// the counts first, in a loop of their own, so that their loads from
	// memory (a term's counts, scattered by id) overlap, which the
	// logarithms of the weights would keep apart
	dfs := slices.Grow(c.dfs[:0], len(f.terms))[:len(f.terms)]
	seens := slices.Grow(c.seens[:0], len(f.terms))[:len(f.terms)]
	for i, t := range f.terms {
		st := &c.stat[t.id]
		if st.df == 0 {
			st.seen = uint32(c.docs)
		}
		st.df++
		if t.boost >= nameBoost {
			st.nameDF++
		}
		c.setName(t.id)
		dfs[i], seens[i] = st.df, st.seen
		if c.keepState {
			c.dirtyDF[c.hashes[t.id]%dfShards] = true
		}
	}
	c.dfs, c.seens = dfs, seens
	// the weights ranked as they are computed (selectHeaviest, with the
	// counts read above, not again), and the DocTerms heaviest kept
	rs := slices.Grow(c.rankBuf[:0], len(f.terms))[:len(f.terms)]
	for i, t := range f.terms {
		w := float32(damped(t.tf) * c.idf(dfs[i]) * float64(t.boost))
		rs[i] = rankedTerm{rankKey(w, seens[i]), t.id, w}
	}
	c.rankBuf = rs
	k := min(len(rs), c.opts.DocTerms)
	c.orderTop(rs, k)
	v := slices.Grow(c.vec[:0], k)[:k]
	for i, r := range rs[:k] {
		v[i] = tw{r.id, r.w}
	}
	c.kvec = c.keyVector(f)
	c.vec = v
	v.unit()
	return v
}

// maxDocKeys and maxNodeKeys bound the name keys of an article and of
// a cluster.
const (
	maxDocKeys  = 16
	maxNodeKeys = 32
)

// keyVector counts f's name keys into the document frequencies and returns
// their TF-IDF unit vector (the clusterer's scratch).
func (c *Clusterer) keyVector(f *Features) vector {
	kv := c.kvec[:0]
	for _, k := range f.keys {
		st := &c.stat[k.id]
		if st.df == 0 {
			st.seen = uint32(c.docs)
		}
		st.df++
		c.setName(k.id)
		if c.keepState {
			c.dirtyDF[c.hashes[k.id]%dfShards] = true
		}
		kv = append(kv, tw{k.id, float32(damped(k.tf) * c.idf(st.df))})
	}
	c.selectHeaviest(kv, maxDocKeys)
	kv = kv[:min(len(kv), maxDocKeys)]
	kv.unit()
	return kv
}

// compareTerms orders terms by the arrival that brought them first, then
// by hash (then text, should hashes collide): an order that depends on the
// stream alone, not on the ids that concurrent analyses happened to give
// them. Where weights tie, the older term wins.
func (c *Clusterer) compareTerms(a, b uint32) int {
	if a == b {
		return 0
	}
	ta, tb := &c.stat[a], &c.stat[b]
	switch sa, sb := ta.seen, tb.seen; {
	case sa < sb:
		return -1
	case sa > sb:
		return 1
	}
	switch ha, hb := c.hashes[a], c.hashes[b]; {
	case ha < hb:
		return -1
	case ha > hb:
		return 1
	}
	return strings.Compare(c.lex.term(a), c.lex.term(b))
}

// termStat is what the clusterer counts of a term, kept together so
// that counting an article's terms and ranking them reads one place in
// memory per term, not one per count; in 12 bytes, so that the terms of
// the lexicon take few cache lines (the term's hash, which only ties of
// weight read, is kept apart: Clusterer.hashes).
type termStat struct {
	// df counts the articles holding the term, nameDF those in which
	// it was a name; seen is the article count when the term was first
	// counted (compareTerms).
	df, nameDF, seen uint32
}

// growDF extends the per-term arrays to every term of the lexicon.
func (c *Clusterer) growDF() {
	n := c.lex.size()
	if n <= len(c.stat) {
		return
	}
	for id := len(c.stat); id < n; id++ {
		c.hashes = append(c.hashes, c.lex.entry(uint32(id)).hash)
	}
	c.stat = append(c.stat, make([]termStat, n-len(c.stat))...)
	c.eventIdx.grow(n)
	c.storyIdx.grow(n)
	c.growScratch()
}

// idfPrior is the number of unseen documents assumed not to contain any
// term, so that the first articles of a stream do not find every term
// rare-looking-common: IDF = ln((N+prior)/(df+1)).
const idfPrior = 50

// isName reports whether a term is mostly seen as a name: an entity, or
// a word written capitalised inside sentences in most articles using it.
func (c *Clusterer) isName(id uint32) bool {
	return c.names[id] != 0 // setName
}

// idf is the inverse document frequency of a term counted in df
// documents. It is not remembered: in a long stream most terms of an
// article have a frequency of their own (at 20,000 articles, 19 lookups
// in 20 missed a memo of the frequencies met within one vectorize).
func (c *Clusterer) idf(df uint32) float64 {
	return math.Log((float64(c.docs) + idfPrior) / float64(df+1))
}

func (c *Clusterer) newEvent() *node {
	c.nextEvent++
	n := &node{id: "e" + strconv.Itoa(c.nextEvent), seq: c.nextEvent}
	c.events[n.id] = n
	c.activeEvents.add(n)
	return n
}

func (c *Clusterer) newStory() *node {
	c.nextStory++
	n := &node{id: "s" + strconv.Itoa(c.nextStory), seq: c.nextStory}
	c.stories[n.id] = n
	c.activeStories.add(n)
	return n
}

// activeSet lists the clusters of one level in the active window (those
// of Clusterer.events or stories), with what sweep reads of each, their
// span's end and last arrival, in a dense array: a sweep reads it
// through, where visiting every node, scattered in memory, mostly waited
// for it. Its order is of no consequence: which clusters leave the
// window does not depend on it.
type activeSet struct {
	nodes []*node
	ends  []activeEnd
}

// activeEnd is what sweep reads of an active node: its last arrival
// time (node.last, as Unix seconds and nanoseconds; set is false when it
// is zero) and the document count when a member last joined.
type activeEnd struct {
	sec     int64
	nsec    int32
	set     bool
	arrival int
}

// add puts n in the set.
func (s *activeSet) add(n *node) {
	s.nodes = append(s.nodes, n)
	s.ends = append(s.ends, activeEnd{})
	n.active = int32(len(s.nodes))
	s.update(n)
}

// update records n's span and last arrival, after they changed, when n is
// in the set.
func (s *activeSet) update(n *node) {
	if n.active == 0 {
		return
	}
	e := &s.ends[n.active-1]
	e.sec, e.nsec, e.set = n.last.Unix(), int32(n.last.Nanosecond()), !n.last.IsZero()
	e.arrival = n.lastArrival
}

// remove takes n out of the set, when it is in it.
func (s *activeSet) remove(n *node) {
	if n.active == 0 {
		return
	}
	i, last := int(n.active-1), len(s.nodes)-1
	if i != last {
		s.nodes[i], s.ends[i] = s.nodes[last], s.ends[last]
		s.nodes[i].active = int32(i + 1)
	}
	s.nodes[last] = nil
	s.nodes, s.ends = s.nodes[:last], s.ends[:last]
	n.active = 0
}

// idle reports whether the i-th node of the set ended before limit (a
// time on the stream clock; never when the clock or the node's end is
// zero) or had no arrival for more than idle documents before docs.
func (s *activeSet) idle(i int, limit time.Time, clockSet bool, docs, idle int) bool {
	e := &s.ends[i]
	if docs-e.arrival > idle {
		return true
	}
	if !clockSet || !e.set {
		return false
	}
	ls := limit.Unix()
	return e.sec < ls || e.sec == ls && e.nsec < int32(limit.Nanosecond())
}

// addMember adds an article to n: centroid, span, title.
func (c *Clusterer) addMember(n *node, x *index, a *storyline.Article, f *Features, v vector, sal []uint32, at time.Time, cos float64) {
	fresh := c.addVector(&n.cent, v, c.fresh[:0])
	c.prune(&n.cent, c.opts.CentroidTerms)
	x.add(n, fresh)
	fresh = c.addVector(&n.keys, c.kvec, fresh[:0])
	c.prune(&n.keys, maxNodeKeys)
	x.add(n, fresh)
	c.fresh = fresh[:0]
	if f.cyrillic {
		n.scripts[1]++
	} else {
		n.scripts[0]++
	}
	c.extend(n, at, a.Published)
	if at.IsZero() {
		n.untimed++
	}
	if n.story != nil || n.id[0] == 'e' {
		n.articles = append(n.articles, a.ID)
	}
	n.size++
	x.refresh(n)
	n.lastArrival = c.docs
	c.activeOf(n).update(n)
	if n.id[0] == 'e' {
		c.addNames(n, sal)
		addDay(n, f)
		addWeekday(n, f)
		addPersons(n, f, &c.counts)
		addMagnitudes(n, f.magnitudes)
		addOrdinals(n, f.ordinals)
	}
	if n.size == 1 || cos > n.titleScore {
		if a.Title != "" && (n.title == "" || cos > n.titleScore) {
			n.title, n.titleScore = a.Title, cos
			c.titles[n.id] = n.title
		}
	}
	c.markDirty(n.id)
}

// extend widens n's span to hold arrival time at and publication p.
func (c *Clusterer) extend(n *node, at time.Time, p storyline.Published) {
	if !at.IsZero() {
		if n.first.IsZero() || at.Before(n.first) {
			n.first = at
		}
		if at.After(n.last) {
			n.last = at
		}
	}
	if !p.IsZero() {
		if n.firstPub.IsZero() || p.Time.Before(n.firstPub.Time) {
			n.firstPub = p
		}
		if n.lastPub.IsZero() || p.Time.After(n.lastPub.Time) {
			n.lastPub = p
		}
	}
}

// mergeEvents moves from into into (and their stories, when they differ)
// and returns the merges made.
func (c *Clusterer) mergeEvents(from, into *node, after string) []storyline.Merge {
	merges := []storyline.Merge{{Level: "event", From: from.id, Into: into.id, After: after}}
	c.absorb(c.eventIdx, from, into)
	for _, id := range from.articles {
		c.articleEvent[id] = into
	}
	delete(c.events, from.id)
	c.activeEvents.remove(from)
	if fs, is := from.story.live(), into.story.live(); fs != is {
		merges = append(merges, c.mergeStories(fs, is, after))
	}
	is := into.story.live()
	into.story = is
	is.children = removeString(is.children, from.id)
	return merges
}

// mergeStories merges the younger of two stories into the older and
// returns the merge.
func (c *Clusterer) mergeStories(a, b *node, after string) storyline.Merge {
	sInto, sFrom := older(a, b)
	c.absorb(c.storyIdx, sFrom, sInto)
	sInto.children = append(sInto.children, sFrom.children...)
	delete(c.stories, sFrom.id)
	c.activeStories.remove(sFrom)
	c.retitleStory(sInto)
	return storyline.Merge{Level: "story", From: sFrom.id, Into: sInto.id, After: after}
}

// absorb adds from's centroid, span and members to into and marks from
// merged.
func (c *Clusterer) absorb(x *index, from, into *node) {
	c.addShare(x, from, into)
	from.keys = centroid{}
	into.articles = append(into.articles, from.articles...)
	for id, k := range from.names {
		if into.names == nil {
			into.names = make(map[uint32]float32)
		}
		into.names[id] += k
	}
	from.names = nil
	for _, d := range from.days {
		into.days = into.days.add(d.day, d.k)
	}
	from.days = nil
	for d, k := range from.weekdays {
		into.weekdays[d] += k
	}
	into.persons = addCounts(into.persons, from.persons)
	into.mains = addCounts(into.mains, from.mains)
	into.leads = addCounts(into.leads, from.leads)
	into.subjects = addCounts(into.subjects, from.subjects)
	from.persons, from.mains, from.leads, from.subjects = nil, nil, nil, nil
	addMagnitudes(into, from.magnitudes)
	addOrdinals(into, from.ordinals)
	from.magnitudes, from.ordinals = nil, nil
	from.into = into
	x.release(from)
	from.cent = centroid{}
	c.markDirty(into.id)
	c.markDirty(from.id)
}

// addShare adds what from's members bring a node they join to into:
// the centroids of their terms and name keys (indexed in x), their
// scripts, their span and their number.
func (c *Clusterer) addShare(x *index, from, into *node) {
	fresh := c.addTo(&into.cent, from.cent.ids, from.cent.ws, nil)
	c.prune(&into.cent, c.opts.CentroidTerms)
	fresh = c.addTo(&into.keys, from.keys.ids, from.keys.ws, fresh)
	c.prune(&into.keys, maxNodeKeys)
	into.scripts[0] += from.scripts[0]
	into.scripts[1] += from.scripts[1]
	slices.Sort(fresh)
	x.add(into, fresh)
	if !from.first.IsZero() {
		c.extend(into, from.first, from.firstPub)
		c.extend(into, from.last, from.lastPub)
	}
	into.size += from.size
	into.untimed += from.untimed
	x.refresh(into)
	c.activeOf(into).update(into)
	c.markDirty(into.id)
}

// activeOf is the activeSet of n's level.
func (c *Clusterer) activeOf(n *node) *activeSet {
	if n.id[0] == 'e' {
		return &c.activeEvents
	}
	return &c.activeStories
}

func removeString(xs []string, s string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// centroidTerms lists a centroid's terms in id order.
func centroidTerms(n *node) []uint32 {
	ids := append([]uint32(nil), n.cent.ids...)
	slices.Sort(ids)
	return ids
}

// retitleStory titles a story after its largest event.
func (c *Clusterer) retitleStory(s *node) {
	var best *node
	for _, id := range s.children {
		e := c.events[id]
		if e == nil {
			continue
		}
		if best == nil || e.size > best.size {
			best = e
		}
	}
	if best != nil && best.title != "" && best.title != s.title {
		s.title = best.title
		c.titles[s.id] = s.title
	}
}

// sweep evicts clusters that left the active window.
func (c *Clusterer) sweep() {
	c.sinceSweep = 0
	// the terms whose postings name an evicted cluster: compacted below,
	// so that nothing keeps evicted clusters in memory
	marked := c.fresh[:0]
	mark := func(ct *centroid) {
		for _, id := range ct.ids {
			if c.pos[id] == 0 {
				c.pos[id] = 1
				marked = append(marked, id)
			}
		}
	}
	evict := func(m map[string]*node, set *activeSet, x *index, window time.Duration, idle int, event bool) {
		limit := c.clock.Add(-window)
		for i := 0; i < len(set.nodes); {
			if !set.idle(i, limit, !c.clock.IsZero(), c.docs, idle) {
				i++
				continue
			}
			// remove moves the set's last node to i, which is read next
			n := set.nodes[i]
			set.remove(n)
			if event {
				for _, a := range n.articles {
					delete(c.articleEvent, a)
				}
			}
			mark(&n.cent)
			mark(&n.keys)
			n.cent, n.keys, n.gone = centroid{}, centroid{}, true
			x.release(n)
			n.articles, n.children = nil, nil
			n.names, n.persons, n.mains, n.leads, n.subjects, n.days = nil, nil, nil, nil, nil, nil
			n.magnitudes, n.ordinals = nil, nil
			delete(m, n.id)
			c.markDirty(n.id)
		}
	}
	c.growScratch()
	evict(c.events, &c.activeEvents, c.eventIdx, c.opts.EventWindow, c.opts.EventIdle, true)
	evict(c.stories, &c.activeStories, c.storyIdx, c.opts.StoryWindow, c.opts.StoryIdle, false)
	for _, id := range marked {
		c.pos[id] = 0
		c.eventIdx.dropStale(id)
		c.storyIdx.dropStale(id)
	}
	c.fresh = marked[:0]
}
