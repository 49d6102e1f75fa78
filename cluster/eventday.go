package cluster

import (
	"math"
	"time"

	"github.com/storyline-news/storyline"
)

// leadSpan is how far into the text, in code points, a mentioned date
// still tells when the reported happening took place ("… said on
// Friday", "on December 7, the presidents …"); later dates are
// background.
const leadSpan = 400

// eventDay returns the day, counted from the Unix epoch, of the
// happening an article reports: the first full date its lead mentions
// that is not after its publication (a date still to come is an
// announcement, not the happening). ok is false when the lead mentions
// none.
func eventDay(a *storyline.Article) (day int32, ok bool) {
	for _, d := range a.Dates {
		if d.Start >= leadSpan {
			break
		}
		if d.Precision != storyline.PrecisionDay {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			continue
		}
		if !a.Published.IsZero() && t.After(a.Published.Time.Add(24*time.Hour)) {
			continue
		}
		return int32(t.Unix() / 86400), true
	}
	return 0, false
}

// maxEventDays bounds the days an event remembers.
const maxEventDays = 16

// addDay counts an article's event day into an event's days.
func addDay(n *node, f *Features) {
	if !f.HasDay {
		return
	}
	if n.days == nil {
		n.days = make(map[int32]float32, 4)
	}
	n.days[f.Day]++
	if len(n.days) > maxEventDays {
		// forget the least counted day (ties: the earliest)
		var drop int32
		first := true
		for d, k := range n.days {
			if first || k < n.days[drop] || (k == n.days[drop] && d < drop) {
				drop, first = d, false
			}
		}
		delete(n.days, drop)
	}
}

// dateAgreement is the factor in [DateFloor, 1] by which an event's
// similarity to an article shrinks when the article's event day is none
// of the days its members report (give or take one, for time zones and
// next-day reports): two happenings of one story (the collapse, then the
// inquiry) share words and names but not their day.
func (c *Clusterer) dateAgreement(f *Features, n *node) float64 {
	if !f.HasDay || len(n.days) == 0 {
		return 1
	}
	gap := int32(math.MaxInt32)
	for d := range n.days {
		g := d - f.Day
		if g < 0 {
			g = -g
		}
		gap = min(gap, g)
	}
	if gap <= 1 {
		return 1
	}
	fl := c.opts.DateFloor
	return fl + (1-fl)*math.Exp(-float64(gap-1)/2)
}
