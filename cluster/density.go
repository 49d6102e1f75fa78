package cluster

// denseDay is how many reports a day make a stream dense. A place or a
// person has many happenings, and at thousands of reports a day most of
// them are reported at once: a flood, a court case and a recount of one
// town on one day share the town's name and little else. In a dense
// stream a shared name alone no longer tells one happening, so an
// article joins an event, and an article opening an event joins a
// story, only if their words agree as well (Options.WordAgreement),
// from the cluster's first report on (wordsJoin); in a sparser stream, reports of one happening told in
// other words (a translation, a wire rewrite) still join on their names.
const denseDay = 1000

// dayRate counts the arrivals of the current stream day (by the stream
// clock) and of the day before.
type dayRate struct {
	day     int64
	n, prev int
}

// countArrival counts an arrival into the current stream day.
func (c *Clusterer) countArrival() {
	if c.clock.IsZero() {
		return
	}
	d := c.clock.Unix() / 86400
	switch {
	case d == c.rate.day:
		c.rate.n++
	case d > c.rate.day:
		c.rate.prev = 0
		if d == c.rate.day+1 {
			c.rate.prev = c.rate.n
		}
		c.rate.day, c.rate.n = d, 1
	}
}

// dense reports whether the stream carries denseDay reports a day, today
// or yesterday.
func (c *Clusterer) dense() bool { return max(c.rate.n, c.rate.prev) >= denseDay }

// wordsJoin reports whether an article's words agree with a candidate
// cluster's whatever its size (see denseDay); Russian and English reports
// are compared on their names.
func (c *Clusterer) wordsJoin(cd candidate) bool {
	return cd.cross || cd.wordCos < 0 || cd.wordCos >= c.opts.WordAgreement
}
