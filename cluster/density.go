package cluster

// denseDay is how many reports a day make a stream dense. A place or a
// person has many happenings, and at thousands of reports a day most of
// them are reported at once: a flood, a court case and a recount of one
// town on one day share the town's name and little else. In a dense
// stream a shared name alone no longer tells one happening, so every
// link names could carry alone needs the words to agree as well
// (Options.DenseWordAgreement), from the cluster's first report on
// (wordsJoin): an article joining an event, an article opening an event
// joining a story, an event relinking its story, two events an article
// matches merging. In a sparser stream, reports of one happening told in
// other words (a translation, a wire rewrite) still join on their names.
const denseDay = 1000

// dayRate counts the arrivals of the current stream day (by the stream
// clock) and of the day before, and those with a known time of day of
// the current stream hour and of the hour before: an hour's reports tell
// a dense stream from its first hour on, where a day's would leave its
// first thousand reports unguarded.
type dayRate struct {
	day, hour int64
	n, prev   int
	hn, hprev int
}

// roll moves a counter to period p: the count of the period before is
// kept when p follows it.
func roll(cur *int64, n, prev *int, p int64) {
	switch {
	case p == *cur:
		*n++
	case p > *cur:
		*prev = 0
		if p == *cur+1 {
			*prev = *n
		}
		*cur, *n = p, 1
	}
}

// countArrival counts an arrival, whose publication time of day is known
// when hasTime, into the current stream day and hour.
func (c *Clusterer) countArrival(hasTime bool) {
	if c.clock.IsZero() {
		return
	}
	s := c.clock.Unix()
	roll(&c.rate.day, &c.rate.n, &c.rate.prev, s/86400)
	if hasTime {
		roll(&c.rate.hour, &c.rate.hn, &c.rate.hprev, s/3600)
	}
}

// dense reports whether the stream carries denseDay reports a day, today
// or yesterday, or at that rate in the current or the last hour.
func (c *Clusterer) dense() bool {
	return max(c.rate.n, c.rate.prev) >= denseDay || 24*max(c.rate.hn, c.rate.hprev) >= denseDay
}

// wordsJoin reports whether an article's words agree with a candidate
// cluster's whatever its size (see denseDay); Russian and English reports
// are compared on their names.
func (c *Clusterer) wordsJoin(cd candidate) bool {
	return cd.cross || cd.wordCos < 0 || cd.wordCos >= c.opts.DenseWordAgreement
}
