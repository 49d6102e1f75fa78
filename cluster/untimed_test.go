package cluster

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// TestClockTrusted: the clock is a fair guess of an undated article's
// time while the latest dated arrivals were published close behind it.
func TestClockTrusted(t *testing.T) {
	hour, year := time.Hour, 365*24*time.Hour
	repeat := func(d time.Duration, n int) []time.Duration {
		out := make([]time.Duration, n)
		for i := range out {
			out[i] = d
		}
		return out
	}
	for _, tc := range []struct {
		name string
		lags []time.Duration
		want bool
	}{
		{"no dated arrival", nil, true},
		{"live", repeat(hour, 40), true},
		{"live with a few late", append(repeat(hour, 20), repeat(year, 12)...), true},
		{"archive", repeat(3*year, 40), false},
		{"mostly late", append(repeat(hour, 10), repeat(year, 22)...), false},
		{"archive then live", append(repeat(year, 40), repeat(hour, clockLags)...), true},
		{"live then archive", append(repeat(hour, 40), repeat(year, clockLags)...), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			for _, l := range tc.lags {
				c.untimed.addLag(l)
			}
			if got := c.clockTrusted(); got != tc.want {
				t.Errorf("clockTrusted = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestUntimedDecay checks the pair factors, averaged over a cluster's
// members, by which an article and a cluster of which one has no time
// are compared.
func TestUntimedDecay(t *testing.T) {
	c := New(Options{})
	fl := c.opts.DecayFloor
	when := time.Date(2013, 8, 5, 0, 0, 0, 0, time.UTC)
	pub := storyline.Published{Time: when, HasTime: true}
	timeless := &node{size: 3, untimed: 3}
	published := &node{size: 4, untimed: 1, first: when, last: when, firstPub: pub, lastPub: pub}
	readDates := &node{size: 2, untimed: 1, first: when, last: when}
	for _, tc := range []struct {
		name      string
		n         *node
		at        time.Time
		published bool
		want      float64
	}{
		{"unknown article, timeless cluster", timeless, time.Time{}, false, 1},
		{"unknown article, published cluster", published, time.Time{}, false, 0.25 + 0.75*fl},
		{"unknown article, cluster of read dates", readDates, time.Time{}, false, 1},
		{"published article, timeless cluster", timeless, when, true, fl},
		{"read date, timeless cluster", timeless, when, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.untimed.published = tc.published
			if got := c.decay(tc.n, tc.at, c.opts.EventDecay); got != tc.want {
				t.Errorf("decay = %v, want %v", got, tc.want)
			}
		})
	}
}

// undatedReport is a report without publication or dates of the strike
// of the fixtures.
var undatedReport = &storyline.Article{ID: "strike-undated", Lang: "en",
	Title: "Rotterdam dock workers strike over automation",
	Text: "Dock workers in Rotterdam went on a 48-hour strike against automation plans at the container terminals. " +
		"The FNV union said cranes at the Maasvlakte stood still; ships were diverted to Antwerp."}

// TestUndatedArrival feeds dated articles in the order of a live stream
// and of an archive read out of order, then an undated one: the live
// stream gives it the clock, and it joins its event's span; the archive
// gives it no time, and the event it joins keeps the span of its dated
// reports and counts it as of unknown time.
func TestUndatedArrival(t *testing.T) {
	filler := func(i int, p string) *storyline.Article {
		return &storyline.Article{ID: fmt.Sprint("filler-", i), Lang: "en", Published: day(p),
			Title: fmt.Sprintf("Council %d approves budget for the library of district %d", i, i),
			Text:  fmt.Sprintf("The council of district %d approved the budget of its library number %d on a vote of %d to %d.", i, i, i+3, i)}
	}
	live := []string{"2024-03-01", "2024-03-02", "2024-03-02", "2024-03-03"}
	archive := []string{"2024-03-01", "2011-05-02", "2005-06-09", "2013-07-01"}
	for _, tc := range []struct {
		name  string
		dates []string
		timed bool
	}{
		{"live", live, true},
		{"archive", archive, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			for i, p := range tc.dates {
				assign(t, c, filler(i, p))
			}
			first, _ := assign(t, c, strikeA)
			got, _ := assign(t, c, undatedReport)
			if got.Event != first.Event {
				t.Fatalf("the undated report opened %s, not the strike's %s (why %+v)", got.Event, first.Event, got.Why)
			}
			ev := c.events[got.Event]
			if tc.timed {
				if ev.untimed != 0 || !ev.last.Equal(c.clock) {
					t.Errorf("live: untimed %d, span ends %v, clock %v", ev.untimed, ev.last, c.clock)
				}
				return
			}
			if ev.untimed != 1 || !ev.first.Equal(strikeA.Published.Time) || !ev.last.Equal(strikeA.Published.Time) {
				t.Errorf("archive: untimed %d, span %v to %v, want the strike's day", ev.untimed, ev.first, ev.last)
			}
		})
	}
}

// TestUntimedReload: a resumed run keeps the lags behind the clock and
// the clusters' members of unknown time.
func TestUntimedReload(t *testing.T) {
	c := New(Options{})
	for i, p := range []string{"2024-03-01", "2011-05-02", "2005-06-09", "2013-07-01"} {
		assign(t, c, &storyline.Article{ID: fmt.Sprint("a", i), Lang: "en", Published: day(p),
			Title: fmt.Sprint("Report number ", i), Text: fmt.Sprint("A report of happening number ", i, " in the town.")})
	}
	as, _ := assign(t, c, undatedReport)
	st := memState{}
	st.apply(c.Stage(), c.Pending())
	d := New(Options{})
	if err := d.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.untimed.recent()) != fmt.Sprint(d.untimed.recent()) || c.clockTrusted() != d.clockTrusted() {
		t.Errorf("lags %v, loaded %v", c.untimed.recent(), d.untimed.recent())
	}
	if n, m := c.events[as.Event], d.events[as.Event]; m == nil || n.untimed != 1 || m.untimed != n.untimed {
		t.Errorf("event %s: untimed %d, loaded %+v", as.Event, n.untimed, m)
	}
}

// TestArrivalTimeAfterClock: an undated article's latest full date
// after the clock is a date still to come while the stream is live,
// and the article's time in an archive, whose clock is the latest
// publication read so far, not the day the article was written.
func TestArrivalTimeAfterClock(t *testing.T) {
	clock := time.Date(2009, 3, 1, 12, 0, 0, 0, time.UTC)
	undated := &storyline.Article{ID: "u", Lang: "en", Text: "The quake struck on March 14, 2013.",
		Dates: []storyline.DateMention{{Date: "2013-03-14", Text: "March 14, 2013", Start: 20, End: 34, Precision: storyline.PrecisionDay}}}
	for _, tc := range []struct {
		name string
		lag  time.Duration
		want time.Time
	}{
		{"live: a date after the clock is to come", time.Hour, clock},
		{"archive: a date after the clock is the article's", 3 * 365 * 24 * time.Hour, time.Date(2013, 3, 14, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			c.clock = clock
			for range clockLags {
				c.untimed.addLag(tc.lag)
			}
			if got := c.arrivalTime(undated); !got.Equal(tc.want) {
				t.Errorf("arrivalTime = %v, want %v", got, tc.want)
			}
		})
	}
}
