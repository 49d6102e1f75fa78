package cluster

import (
	"slices"
	"time"
)

// An article without a publication time, and without a full date in its
// text to stand for one, has no time of its own. In a live stream it was
// published about now, and the stream clock (the latest publication
// seen) is a fair guess: the decay compares it as if published then, as
// it always has. In an archive, a backfill or a stream arriving out of
// order the clock is wherever the articles read before happened to leave
// it, and the guess puts an undated report next to whichever dated
// happening is near it by chance: two look-alike happenings years apart
// (a casting announced in 2008 and another in 2013) are then merged or
// kept apart by the order of arrival alone.
//
// Whether the clock is a fair guess is read from the stream itself: the
// dated articles of a live stream are published close behind the clock,
// those of an archive read out of order far from it. While the median of
// the latest clockLags lags (clock minus publication) is within
// Options.EventDecay, the time constant by which time tells happenings
// apart, an undated article is given the clock. Otherwise its time is
// unknown (the zero time): it does not widen the span of the cluster it
// joins (node.untimed counts it), and the decay compares it by what is
// known, pair by pair (untimedDecay): nothing tells two reports of
// unknown time apart, and nothing shows a report of unknown time close
// to a published one, so that it is compared with it as if far apart
// (Options.DecayFloor) and its words must carry the match alone. Dated
// evidence outweighs a guess.
//
// A time read from the text (the latest full date it mentions, see
// arrivalTime) is a bound on the publication, not the publication: it is
// compared with known times as a time, but it does not make an article
// or a cluster published, and a report of unknown time is not kept from
// a cluster of such reports.

// clockLags is how many of the latest dated arrivals tell whether the
// stream clock is a fair guess of an undated article's time.
const clockLags = 32

// untimedState is what the clusterer keeps for articles of unknown time:
// the lags of the latest dated arrivals, and whether the article being
// assigned is published.
type untimedState struct {
	// lags holds, by arrival modulo clockLags, how far behind the clock
	// the latest dated arrivals were published; n counts the arrivals
	// recorded.
	lags [clockLags]time.Duration
	n    int
	// published is set while a published article is assigned.
	published bool
}

// addLag records a dated arrival published lag behind the clock.
func (s *untimedState) addLag(lag time.Duration) {
	s.lags[s.n%clockLags] = lag
	s.n++
}

// recent returns the recorded lags, oldest first.
func (s *untimedState) recent() []time.Duration {
	if s.n <= clockLags {
		return slices.Clone(s.lags[:s.n])
	}
	at := s.n % clockLags
	return append(slices.Clone(s.lags[at:]), s.lags[:at]...)
}

// clockTrusted reports whether the stream clock is a fair guess of the
// time of an undated article: no dated article has arrived yet, or the
// median lag of the latest is within the event decay's time constant.
func (c *Clusterer) clockTrusted() bool {
	s := &c.untimed
	if s.n == 0 {
		return true
	}
	lags := s.lags // a copy, on the stack
	sorted := lags[:min(s.n, clockLags)]
	slices.Sort(sorted)
	return sorted[len(sorted)/2] <= c.opts.EventDecay
}

// undatedTime is the arrival time of an article with neither a
// publication nor a full date in its text: the clock while the stream is
// live, else unknown (the zero time).
func (c *Clusterer) undatedTime() time.Time {
	if c.clockTrusted() {
		return c.clock
	}
	return time.Time{}
}

// untimedDecay is decay between an article at t and cluster n when
// either has no time (t or n.first is zero). Between reports of unknown
// time it is 1, and so between a report of unknown time and a cluster
// none of whose members is published (their times, if any, were read
// from their text: a bound, not a publication). Against a cluster with
// a published member it is the mean, over n's members, of a factor
// between the article and each: 1 for a member of unknown time,
// DecayFloor for any other (a member whose time was read from its text
// counts as published there: the cluster's span is known). An article
// of unknown time is thus compared with a cluster mostly of published
// reports as if far apart in time, and freely with a cluster of reports
// whose time is unknown as well. A cluster opened by reports of unknown
// time keeps none, whatever the clock later becomes, and a published
// article is compared with it as if far apart.
func (c *Clusterer) untimedDecay(n *node, t time.Time) float64 {
	fl := c.opts.DecayFloor
	switch {
	case n.first.IsZero() && (t.IsZero() || !c.untimed.published):
		// nothing known on either side, or only a bound from the text
		return 1
	case n.first.IsZero():
		// a published article and a cluster of reports of unknown time
		return fl
	case n.firstPub.IsZero():
		// a cluster of reports whose times were read from their text
		return 1
	}
	share := float64(n.untimed) / float64(max(n.size, 1))
	return share + (1-share)*fl
}
