package cluster

import (
	"math"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
)

// residualCosine is the cosine of ct with the vector scattered in c.qw
// without the one shared term contributing most: the agreement that is
// left when the heaviest shared name, most often the place where things
// happen, is taken away (see storyEvidence).
func (c *Clusterer) residualCosine(ct *centroid) float64 {
	if ct.norm2 == 0 {
		return 0
	}
	var dot, top float64
	for i, id := range ct.ids {
		x := float64(c.scattered(id)) * float64(ct.ws[i])
		dot += x
		top = max(top, x)
	}
	return (dot - top) / math.Sqrt(ct.norm2)
}

// storyEvidence reports whether a query (an article's vector v and name
// keys kv, or an event's centroid) agrees with a candidate story beyond
// its one heaviest shared term, by at least the share
// Options.StoryEvidence of the similarity the link needs (threshold). A
// town, a country or a company has many happenings, and a report of any
// of them shares the place's name with the story of every other: the
// name alone carries a cosine above Options.StoryThreshold where names
// weigh most. The events of one developing thread share more: its
// people, its organisations, the thing it is about, the words of its
// kind of news. The names of months and weekdays (written with a capital
// like names) tell when, not who: they count for nothing here. Nor,
// when a new event's first article looks for its story, do the given
// names of that article's people (c.given, from Features.given): they are
// shared by too many people to tell whose thread it is. A relink
// (relinkStory) weighs an event's accumulated centroid, whose people are
// not looked up: c.given is empty then, and given names count like any
// other name.
func (c *Clusterer) storyEvidence(cd candidate, v, kv vector, threshold float64) bool {
	ct, q := &cd.n.cent, v
	if cd.cross {
		ct, q = &cd.n.keys, kv
	}
	for _, t := range q {
		if !c.isCalendar(t.id) && !slices.Contains(c.given, t.id) {
			c.qw[t.id] = t.w
			c.qBits[t.id>>6] |= 1 << (t.id & 63)
		}
	}
	r := c.residualCosine(ct)
	c.unscatter(q)
	return r >= c.opts.StoryEvidence*threshold
}

// calendarNames are the names of months and weekdays (isCalendarWord
// holds for each) whose terms markCalendar marks. Their abbreviations
// are left out: "Sun", "Wed" and "Mar" are words and names too.
const calendarNames = "January February March April June July August September October November December " +
	"Monday Tuesday Wednesday Thursday Friday Saturday Sunday"

// markCalendar marks the English terms of calendarNames, for isCalendar.
func (c *Clusterer) markCalendar() {
	for _, w := range strings.Fields(calendarNames) {
		wi := c.feat.en.info(w)
		if !wi.keep || !isCalendarWord(w) {
			continue
		}
		i := int(wi.id >> 6)
		if i >= len(c.calendar) {
			c.calendar = append(c.calendar, make([]uint64, i+1-len(c.calendar))...)
		}
		c.calendar[i] |= 1 << (wi.id & 63)
	}
}

// isCalendar reports whether term id is the name of a month or a weekday
// (markCalendar).
func (c *Clusterer) isCalendar(id uint32) bool {
	w := int(id >> 6)
	return w < len(c.calendar) && c.calendar[w]&(1<<(id&63)) != 0
}

// mergeEventsApart is mergeEvents for an arrival that shows two events
// to be one, when they belong to different stories: the event merged
// away leaves its story for the other's, and the two stories are merged
// only when it was the only event of its own. Two events merged are one
// happening, but the threads they were told in need not be one: a
// report that binds a town's flood to the flood of its neighbour does
// not make the neighbour's court case part of the town's thread. The
// stories are merged later if an event's centroid finds them alike
// (relinkStory).
//
// The story left keeps the terms, names and span the event brought it (a
// pruned centroid cannot give back what was added to it); its size and
// scripts count its remaining members. The story joined gains them all,
// as if the event's articles had joined it one by one.
func (c *Clusterer) mergeEventsApart(from, into *node, after string) []storyline.Merge {
	fs, is := from.story.live(), into.story.live()
	if fs != is && len(fs.children) > 1 {
		fs.children = removeString(fs.children, from.id)
		fs.size -= from.size
		fs.scripts[0] -= from.scripts[0]
		fs.scripts[1] -= from.scripts[1]
		c.storyIdx.refresh(fs)
		c.retitleStory(fs)
		c.markDirty(fs.id)
		from.story = is
		c.addShare(c.storyIdx, from, is)
	}
	return c.mergeEvents(from, into, after)
}
