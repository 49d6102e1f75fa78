package cluster

import "math"

// Two events an arrival matches both are one happening reported twice
// when their members are as alike across the two as within each. The
// split happens early and depends on the order of arrival: the second
// report of a happening meets an event of one report, and the guards
// that keep look-alike happenings apart (another main person, another
// weekday) decide on that one pair. Which pair that is, arrival order
// chooses, and a happening whose reports would all have joined one
// event had they arrived in another order is split in two.
//
// The cosine of the two centroids alone (Options.MergeThreshold) is a
// stricter test than the one an article passes to join an event: the
// centroid of a few reports keeps what is particular to each, and the
// two halves of one happening's first reports (two and four reports of a
// tram derailment, split by the main person each named) meet at a cosine
// of 0.4 to 0.57 while every further report matches both, below the
// threshold that keeps the events of one story apart. A centroid is the
// sum of its members' unit vectors, so the mean cosine between the
// members of two events, and between the members of one, can be read
// from the centroids and the sizes (crossCohesion, cohesion): a story's
// two happenings are each more alike within than across, the halves of
// one happening are alike across as they are within. No threshold is
// added: the events' own cohesion is the bar, and never lower than the
// similarity a report needs to join an event (Options.EventThreshold),
// since an event held together by copies or names rather than words (a
// pair of reports sharing almost no words) would otherwise set no bar.

// mergeable reports whether events a and b, both matched by an arrival
// closely enough for it to join either, are alike enough to be merged:
// their centroids' cosine reaches Options.MergeThreshold, or the mean
// cosine between a member of one and a member of the other is at least
// the mean cosine between two members of either (the more cohesive of
// the two sets the bar, never lower than Options.EventThreshold; an
// event of one report has no cohesion, and two such need the threshold). Events mostly in different scripts are
// compared on their name keys, by the threshold alone: the keys do not
// sum unit vectors of the members' words.
func (c *Clusterer) mergeable(a, b *node) bool {
	cos := c.eventsCosine(a, b)
	if cos >= c.opts.MergeThreshold {
		return true
	}
	if a.crossScript(b.scripts[1] > b.scripts[0]) {
		return false
	}
	ca, okA := cohesion(a)
	cb, okB := cohesion(b)
	if !okA && !okB {
		return false
	}
	if !okA || okB && cb > ca {
		ca = cb
	}
	return crossCohesion(a, b, cos) >= max(ca, c.opts.EventThreshold)
}

// cohesion is the mean cosine between two members of event n, read from
// its centroid (the sum of their unit vectors: its squared norm is the
// number of members plus the sum of the cosines of every ordered pair).
// ok is false for an event of one member. Pruning the lightest terms of
// a large centroid makes the figure a little lower than the truth.
func cohesion(n *node) (float64, bool) {
	if n.size < 2 {
		return 0, false
	}
	k := float64(n.size)
	return (n.cent.norm2 - k) / (k * (k - 1)), true
}

// crossCohesion is the mean cosine between a member of a and a member of
// b, from the cosine of their centroids.
func crossCohesion(a, b *node, cos float64) float64 {
	return cos * math.Sqrt(a.cent.norm2*b.cent.norm2) / float64(a.size*b.size)
}
