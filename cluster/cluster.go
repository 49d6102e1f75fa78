// Package cluster groups arriving articles into events (articles that
// report one happening) and stories (events of one developing thread),
// online: each article is assigned once, as it arrives, against an
// inverted index over the clusters active in a recent window, so the cost
// per article does not grow with the stream.
//
// An article is a TF-IDF vector over language-aware terms (textproc
// analyzers: stop words and Snowball stems for English and Russian), with
// title and lead weighted and names and numbers boosted; document
// frequencies update as articles arrive. An article joins the event whose
// centroid is most similar, if the similarity, decayed by the time between
// the article and the event's span, reaches Options.EventThreshold; else
// it opens an event, which joins the most similar story in the same way
// at the lower Options.StoryThreshold, when their names agree
// (Options.StoryNameAgreement: a story is a thread about the same people
// and places) and they agree beyond the one name they share most
// (Options.StoryEvidence): a town's fire, floods and court case share its
// name and nothing else, and are no thread. An event's story is chosen
// on its first report alone, so
// each time an event doubles its accumulated centroid looks the stories up
// again, and a close other story (Options.RelinkThreshold) is merged with
// its own. Copies are must-link evidence: an article that copies text
// from an article of an active event joins it. Shared passages alone
// (a partial copy) link only an article that agrees with the event by
// names and words: at thousands of reports a day, reports of unlike
// happenings share the template sentences of their kind of news (a rate
// decision, a trial's opening), and passages taken for evidence chain
// them into giants. A whole copy of a text shorter than a lead counts
// as shared passages: the boilerplate line a failed extraction leaves
// on every page of a site is a duplicate of each, whatever they report.
//
// Names carry most of the weight of a report, and a place or a person has
// many happenings: once a cluster has reports enough for its words to be
// known (wordsKnown), an article, an event opening a story, or an event
// relinking its story needs some agreement in the other words as well
// (Options.WordAgreement), so that the strike, the fire and the flood of
// one town do not chain into one event or one story through its name.
// In a dense stream (thousands of reports a day, see denseDay) most
// happenings of a town are reported at once, and the words must agree
// from an event's or a story's first report on.
//
// The words of the dates an article mentions (the date stage's
// mentions, and month and weekday names written with a capital) are no
// terms: every report of a day shares them, and a month's name, rare in
// the stream until the month begins, would weigh as a rare name.
//
// Words say what a report is about; an event is one happening, so three
// more channels say which: when, and to whom. The event day (the latest
// full date of the last days the lead mentions, or failing one the
// title: see eventDay) is compared with the days of
// the event's members, and when both are known it replaces publication
// time in the decay: reports of the collapse and of the inquiry five days
// later share their words but not their day (Options.DateFloor), unless
// the article is published while the event is being reported: then its
// day is taken for another development of the same happening, earlier or
// later (see dayFactor). Without
// resolved days, the weekday the lead names ("on Friday", "Tuesday's
// call") is compared the same way. The protagonists (names weighing most
// in title and lead) and the main person (of the reader's persons
// mentioned at least twice, the one mentioned most, a mention as the one
// who speaks counting thrice: see mainPerson) guard against look-alike
// happenings: another player placed on injured reserve, a call reported
// by another aide. The people guards hold both ways (see otherPeople), so
// that two reports are told apart whichever arrives first. So do the
// figures that define a happening, stated in the leads: a quake's
// magnitude (measure.go) and the number of a title's holder, "the 12th
// Doctor" (ordinal.go); they keep two events apart as well. A
// partial copy between reports of different days is background, not
// must-link evidence.
// Reports in Russian and in English of one happening share their names,
// not their words: an article and a cluster mostly in the other script
// are compared on the keys of their names (the first letters of each name
// in Latin script, Cyrillic transliterated; see nameKey), as are two such
// events an arrival matches both, before they are merged (eventsCosine).
// When an arrival shows that two clusters are one, the younger is merged
// into the older and the merge is reported; two events of different
// stories merge their stories only when the one merged away was its
// story's only event (mergeEventsApart).
package cluster

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Clusterer is the online event and story clusterer. It implements
// storyline.Clusterer and storyline.Stateful. It is not safe for
// concurrent use, except Prepare.
type Clusterer struct {
	// debug, when set (by tests), receives the scoring of each candidate.
	debug func(string)
	opts  Options
	feat  *featurizer

	lex *lexicon
	// stat holds what is counted of each term, by id (termStat); it
	// grows with the lexicon (growDF).
	stat []termStat
	// hashes holds each term's hash (lexEntry.hash), by id, for
	// compareTerms and the shards of the document frequencies.
	hashes []uint64

	docs int
	// dfSavedAt is the document count when frequencies were last written.
	dfSavedAt int

	clock      time.Time // latest publication seen
	untimed    untimedState
	nextEvent  int
	nextStory  int
	sinceSweep int

	events, stories map[string]*node
	eventIdx        *index
	storyIdx        *index
	articleEvent    map[string]*node

	// activeEvents and activeStories list the nodes of events and
	// stories, for sweep.
	activeEvents, activeStories activeSet

	// scratch buffers
	hits  []hit // a lookup's (index.walk)
	lists [][]posting

	// touched keeps the sum of the postings candidates loads ahead of
	// the walk, so that the loads are not dropped; touchedPersons that
	// of the person terms' bytes touchPersons loads.
	touched        uint32
	touchedPersons byte

	top   []uint32
	cands []candidate
	vec   vector
	// dfs and seens are an article's document frequencies and the
	// arrivals that first counted its terms (vectorize).
	dfs, seens []uint32
	kvec       vector // the name keys of the article being assigned
	cvec       vector // a centroid as a vector (centroidVector)
	query      vector
	// pruneBuf holds a centroid's terms while it is pruned
	pruneBuf []tw
	rankBuf  []rankedTerm
	rankTmp  []rankedTerm // bucketTop's
	// rankEnds holds bucketTop's counts and ends of ranges.
	rankEnds [rankBuckets + 1]int32
	counts   []keyCount
	fresh    []uint32
	vids     []uint32
	vws      []float32
	// qw and pos are indexed by term id: a scattered vector's weights,
	// and positions in a centroid (plus one), zero between uses.
	qw  []float32
	pos []int32
	// at holds, while addTo runs, the places in a centroid of the terms
	// added.
	at []int32
	// qBits marks, by term id, the terms scattered into qw: a bit set
	// small enough to stay in cache.
	qBits []uint64
	// names is 1 for the terms isName holds for, else 0, by term id: a
	// byte a term, which score reads and converts in fewer instructions
	// than a bit.
	names []uint8

	// calendar marks, by term id, the names of months and weekdays
	// (markCalendar).
	calendar []uint64
	// given holds the given names of the people of the article opening
	// an event (Features.given), for storyEvidence.
	given []uint32

	// keepState is !Options.NoState: changes are recorded for Pending.
	keepState bool
	dirtyKeys map[string]bool
	// centBuf and keysBuf hold a node's centroids in binary while
	// encodeNode writes it.
	centBuf, keysBuf []byte
	dirtyDF          [dfShards]bool
	titles           map[string]string
	// rate counts arrivals by stream day (see denseDay).
	rate dayRate
}

// New returns a Clusterer with an empty state.
func New(opts Options) *Clusterer {
	lex := newLexicon()
	o := opts.withDefaults()
	c := &Clusterer{
		opts:         o,
		keepState:    !opts.NoState,
		feat:         newFeaturizer(lex),
		lex:          lex,
		events:       make(map[string]*node),
		stories:      make(map[string]*node),
		eventIdx:     newIndex(o.MaxPostings),
		storyIdx:     newIndex(o.MaxPostings),
		articleEvent: make(map[string]*node),
		dirtyKeys:    make(map[string]bool),
		titles:       make(map[string]string),
	}
	c.markCalendar()
	return c
}

// Prepare analyses an article. It only reads the article and is safe to
// call concurrently with everything, so a pipeline can analyse articles in
// parallel and then call AssignPrepared in arrival order.
func (c *Clusterer) Prepare(a *storyline.Article) *Features { return c.feat.features(a, nil) }

// PrepareWords is Prepare given the words of a.Text as
// textproc.ScanWords returns them, which a reader that scanned the text
// already hands on (reading.Reader.ReadWords), so that the text is not
// scanned again; it scans the text itself when words is nil. It does not
// keep words.
func (c *Clusterer) PrepareWords(a *storyline.Article, words []textproc.Word) *Features {
	return c.feat.features(a, words)
}

// Assign implements storyline.Clusterer.
func (c *Clusterer) Assign(ctx context.Context, a *storyline.Article, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
	return c.AssignPrepared(ctx, a, c.Prepare(a), copies)
}

// candidate is a cluster scored against an article.
type candidate struct {
	n   *node
	cos float64 // raw cosine
	sim float64 // decayed
	// nameCos is the cosine over name terms only, -1 when either side
	// has none.
	nameCos float64
	// wordCos is the cosine over the other terms (what happened), -1
	// when either side has none.
	wordCos float64
	// distinct is set when the article's protagonists or main person and
	// the cluster's are different ones (sameProtagonists, otherPeople),
	// or their leads state figures that disagree (otherMagnitude,
	// otherOrdinal).
	distinct bool
	// cross is set when the cluster is mostly in the other script: then
	// cos and nameCos come from the name keys (crossScript).
	cross bool
}

// agrees reports whether a candidate's names do not contradict the
// article's: two reports of look-alike happenings (another player put on
// injured reserve, another celebrity in rehab) share their words but not
// their names.
func (c *Clusterer) agrees(cd candidate) bool {
	return !cd.distinct && (cd.nameCos < 0 || cd.nameCos >= c.opts.NameAgreement) &&
		c.wordsAgree(cd)
}

// wordsAgree reports whether a candidate's words do not contradict the
// article's: once a cluster has reports enough for its words to be
// known, an article sharing its names but hardly any of its words is
// another happening of the same place or people.
func (c *Clusterer) wordsAgree(cd candidate) bool {
	return cd.cross || cd.wordCos < 0 || cd.n.size < wordsKnown || cd.wordCos >= c.opts.WordAgreement
}

// wordsKnown is how many reports an event needs before its words are
// known.
const wordsKnown = 8

// AssignPrepared is Assign with the article's Features already computed
// by Prepare.
func (c *Clusterer) AssignPrepared(ctx context.Context, a *storyline.Article, f *Features, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
	if err := ctx.Err(); err != nil {
		return storyline.Assignment{}, nil, fmt.Errorf("cluster %s: %w", a.ID, err)
	}
	if prev, ok := c.articleEvent[a.ID]; ok {
		// a re-run of an article already placed keeps its place
		ev := prev.live()
		return storyline.Assignment{Article: a.ID, Event: ev.id, Story: ev.story.live().id,
			Why: &storyline.Why{Similarity: 1}}, nil, nil
	}
	c.touchPersons(f)
	at := c.arrivalTime(a)
	c.countArrival(a.Published.HasTime)
	dense := c.dense()
	v := c.vectorize(f)
	c.growScratch()

	// copies: must-link evidence
	var copyEvents map[*node][]string
	// whole copies: events holding a duplicate of the article, not only
	// shared passages
	var whole map[*node]bool
	// a text shorter than a lead is too little for its copies to prove
	// one happening: a teaser, a caption, or the boilerplate a failed
	// extraction leaves (a site's "follow us" line, copied by every page
	// it could not read); its whole copies count as shared passages
	brief := len(copies) > 0 && f.brief
	for _, cp := range copies {
		if !strongCopy(cp) {
			continue
		}
		other := cp.A
		if other == a.ID {
			other = cp.B
		}
		if ev, ok := c.articleEvent[other]; ok {
			ev = ev.live()
			passage := cp.Kind == storyline.Partial || brief
			if passage && c.dateAgreement(f, ev) < 1 {
				// shared background passages between reports of two
				// days of one story: not evidence of one happening
				continue
			}
			if copyEvents == nil {
				copyEvents = map[*node][]string{}
			}
			copyEvents[ev] = append(copyEvents[ev], other)
			if !passage {
				if whole == nil {
					whole = map[*node]bool{}
				}
				whole[ev] = true
			}
		}
	}

	cands := c.candidates(c.eventIdx, v, f.cyrillic, at, c.opts.EventDecay, f)
	if len(copyEvents) > 0 {
		docNames := c.docNames(v)
		c.scatter(v)
		c.scatter(c.kvec)
		for ev := range copyEvents {
			if !hasCandidate(cands, ev) {
				cands = append(cands, c.score(ev, docNames, f.cyrillic, at, c.opts.EventDecay, f))
			}
		}
		c.unscatter(c.kvec)
		c.unscatter(v)
	}
	sal := c.salient(f)
	for i := range cands {
		cd := &cands[i]
		partial := len(copyEvents[cd.n]) > 0 && !whole[cd.n]
		if (cd.sim >= c.opts.EventThreshold || partial) && !cd.cross {
			// only a candidate close enough to join needs the guards
			cd.distinct = !c.sameProtagonists(f, sal, cd.n) || c.otherPeople(f, cd.n)
		}
		// another quake's magnitude, in either script, or another
		// holder of a numbered title
		cd.distinct = cd.distinct || otherMagnitude(f, cd.n) || otherOrdinal(f, cd.n)
		if partial && (cd.cos < c.opts.StoryThreshold || !c.agrees(*cd)) {
			// passages shared with reports of other people, or in
			// otherwise unlike words, are the template language of a
			// kind of news (a rate decision, a trial's opening), not
			// evidence of one happening
			delete(copyEvents, cd.n)
		}
	}
	sortCandidates(cands)
	if c.debug != nil {
		for i, cd := range cands {
			if i >= 4 {
				break
			}
			c.debug(fmt.Sprintf("   cand %s size %d cos %.3f sim %.3f nameCos %.3f wordCos %.3f distinct %v sameProt %v other %v dec %.2f date %.2f wk %.2f hasday %v", cd.n.id, cd.n.size, cd.cos, cd.sim, cd.nameCos, cd.wordCos, cd.distinct, c.sameProtagonists(f, sal, cd.n), c.otherPeople(f, cd.n),
				c.decay(cd.n, at, c.opts.EventDecay), c.dateAgreement(f, cd.n), c.weekdayAgreement(f, cd.n), f.HasDay && len(cd.n.days) > 0) + fmt.Sprintf(" main %q persons %v evmains %v", f.Main, f.Persons, cd.n.mains))
		}
	}

	why := &storyline.Why{}
	var event *node
	var merges []storyline.Merge
	var best candidate
	switch {
	case len(copyEvents) > 0:
		// the event holding most copied articles; ties by similarity
		for _, cd := range cands {
			if n := len(copyEvents[cd.n]); n > 0 && (event == nil || n > len(copyEvents[event])) {
				event, best = cd.n, cd
			}
		}
		why.Copies = append(why.Copies, copyEvents[event]...)
		sort.Strings(why.Copies)
	default:
		for _, cd := range cands {
			if cd.sim < c.opts.EventThreshold {
				break
			}
			if c.agrees(cd) && (!dense || c.wordsJoin(cd)) {
				event, best = cd.n, cd
				break
			}
		}
	}

	if event == nil {
		event = c.newEvent()
		why.NewEvent = true
	} else {
		why.Similarity = round3(best.sim)
		if !c.opts.NoExplain {
			why.Terms, why.Entities = c.shared(v, f, event)
		}
		// other events this article binds to the chosen one: not one
		// whose days (or weekdays, when days are unknown) are not the
		// article's. The article may have joined its event as a
		// development reported among that event's reports (dayFactor,
		// weekdayAgreement), which is no evidence that the two are one
		// happening; the guard looks at the bound event's days only,
		// not the chosen one's
		for _, cd := range cands {
			if cd.n == event || cd.n.dead() {
				continue
			}
			must := len(copyEvents[cd.n]) > 0
			if !must && (cd.sim < c.opts.EventThreshold || c.otherDay(f, cd.n) || !c.agrees(cd) || dense && !c.wordsJoin(cd) || !c.mergeable(event, cd.n) || c.otherSubjects(event, cd.n) || otherMagnitudes(event, cd.n) || otherOrdinals(event, cd.n)) {
				continue
			}
			into, from := older(event, cd.n)
			merges = append(merges, c.mergeEventsApart(from, into, a.ID)...)
			event = into
		}
	}

	// story
	var story *node
	if !why.NewEvent {
		story = event.story.live()
	} else {
		scands := c.candidates(c.storyIdx, v, f.cyrillic, at, c.opts.StoryDecay, nil)
		sortCandidates(scands)
		c.given = f.given
		if c.debug != nil {
			for i, cd := range scands[:min(3, len(scands))] {
				c.debug(fmt.Sprintf("   story cand %d %s size %d cos %.3f sim %.3f nameCos %.3f", i, cd.n.id, cd.n.size, cd.cos, cd.sim, cd.nameCos))
			}
		}
		for _, cd := range scands {
			if cd.sim < c.opts.StoryThreshold {
				break
			}
			if cd.nameCos >= 0 && cd.nameCos < c.opts.StoryNameAgreement || !c.wordsAgree(cd) || dense && !c.wordsJoin(cd) || !c.storyEvidence(cd, v, c.kvec, c.opts.StoryThreshold) {
				continue
			}
			story = cd.n
			if why.Similarity == 0 {
				why.Similarity = round3(cd.sim)
				if !c.opts.NoExplain {
					why.Terms, why.Entities = c.shared(v, f, story)
				}
			}
			break
		}
		c.given = nil
		if story == nil {
			story = c.newStory()
			why.NewStory = true
		}
		event.story = story
		story.children = append(story.children, event.id)
	}

	c.addMember(event, c.eventIdx, a, f, v, sal, at, best.cos)
	c.addMember(story, c.storyIdx, a, f, v, nil, at, best.cos)
	c.articleEvent[a.ID] = event
	c.retitleStory(story)
	if !why.NewEvent && event.size&(event.size-1) == 0 {
		// the event has doubled: what it is about is better known than
		// from its first report; its story may be another's
		if m, ok := c.relinkStory(event, at, a.ID); ok {
			merges = append(merges, m)
			story = event.story.live()
		}
	}

	c.sinceSweep++
	if c.sinceSweep >= sweepEvery {
		c.sweep()
	}
	return storyline.Assignment{Article: a.ID, Event: event.id, Story: story.id, Why: why}, merges, nil
}

// sweepEvery is how many arrivals pass between evictions of clusters that
// left the active window.
const sweepEvery = 1024

// arrivalTime is the article's publication time; when unknown, the
// latest full date its text mentions (read by the date stage), as a
// report is seldom older than what it reports, unless the stream is live
// and the date is after its clock; else the stream clock
// (the latest publication seen) while the stream is live, unknown (zero)
// when not (undatedTime, see untimed.go).
func (c *Clusterer) arrivalTime(a *storyline.Article) time.Time {
	p := a.Published
	c.untimed.published = !p.IsZero()
	if p.IsZero() {
		var latest time.Time
		for _, d := range a.Dates {
			if d.Precision != storyline.PrecisionDay || !yearKnown(a, d) {
				continue
			}
			if t, err := time.Parse(time.DateOnly, d.Date); err == nil && t.After(latest) {
				latest = t
			}
		}
		if latest.IsZero() || (!c.clock.IsZero() && latest.After(c.clock) && c.clockTrusted()) {
			// no date, or, in a live stream, a date still to come
			// ("the vote on May 5"); in an archive the clock says
			// nothing of when an undated report was written, so a
			// date after it is not the future
			return c.undatedTime()
		}
		return latest
	}
	if p.Time.After(c.clock) {
		c.clock = p.Time
	}
	c.untimed.addLag(c.clock.Sub(p.Time))
	return p.Time
}

// decay is the factor in [DecayFloor, 1] by which similarity to n shrinks
// with the gap between t and n's span.
func (c *Clusterer) decay(n *node, t time.Time, tau time.Duration) float64 {
	if t.IsZero() || n.first.IsZero() {
		return c.untimedDecay(n, t)
	}
	var gap time.Duration
	switch {
	case t.Before(n.first):
		gap = n.first.Sub(t)
	case t.After(n.last):
		gap = t.Sub(n.last)
	}
	if gap <= 0 {
		return 1
	}
	fl := c.opts.DecayFloor
	return fl + (1-fl)*math.Exp(-float64(gap)/float64(tau))
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func hasCandidate(cs []candidate, n *node) bool {
	for _, c := range cs {
		if c.n == n {
			return true
		}
	}
	return false
}

func sortCandidates(cs []candidate) {
	// by insertion: MaxCandidates and the events copies name, a few; the
	// order is total, so any sort gives this one
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].sim > cs[j-1].sim || cs[j].sim == cs[j-1].sim && cs[j].n.seq < cs[j-1].n.seq); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// older returns the cluster opened first as into, the other as from.
func older(a, b *node) (into, from *node) {
	if a.seq < b.seq {
		return a, b
	}
	return b, a
}
