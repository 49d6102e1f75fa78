package cluster

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// TestWeekdayAgreementAmongReports: the weekday of a report published
// while its event is being reported does not keep it from the event,
// as its day does not (dayFactor): a follow-up names the day of its
// own development ("a state newspaper alleged Tuesday") where the
// first reports named the leak's Sunday.
func TestWeekdayAgreementAmongReports(t *testing.T) {
	c := New(Options{})
	// reports published on Monday the 4th and Tuesday the 5th, most
	// telling of Sunday
	first, last := day("2016-04-04T08:00:00Z"), day("2016-04-05T09:00:00Z")
	tests := []struct {
		name      string
		published storyline.Published
		want      float64
	}{
		{"published among the event's reports", day("2016-04-05T06:00:00Z"), 1},
		{"published with its latest report", last, 1},
		{"published days after them", day("2016-04-08T06:00:00Z"), c.opts.DateFloor},
		{"published before them", day("2016-03-30T06:00:00Z"), c.opts.DateFloor},
		{"time unknown", storyline.Published{}, c.opts.DateFloor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &node{firstPub: first, lastPub: last, first: first.Time, last: last.Time, size: 4}
			n.weekdays[time.Sunday] = 3
			n.weekdays[time.Monday] = 1
			f := &Features{Weekday: time.Wednesday, HasWeekday: true, published: tt.published}
			if got := c.weekdayAgreement(f, n); got != tt.want {
				t.Errorf("weekdayAgreement %v, want %v", got, tt.want)
			}
		})
	}
}
