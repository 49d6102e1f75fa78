package cluster

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func TestDayRate(t *testing.T) {
	t0 := time.Date(2025, 2, 1, 8, 0, 0, 0, time.UTC)
	perHour := (denseDay + 23) / 24
	tests := []struct {
		name string
		// arrivals per period, from t0's on
		counts  []int
		period  time.Duration
		hasTime bool
		want    bool
	}{
		{"a quiet day", []int{denseDay - 1}, 24 * time.Hour, false, false},
		{"a busy day", []int{denseDay}, 24 * time.Hour, false, true},
		{"the day after a busy day", []int{denseDay, 1}, 24 * time.Hour, false, true},
		{"two days after a busy day", []int{denseDay, 1, 1}, 24 * time.Hour, false, false},
		{"a gap of days forgets", []int{denseDay, 0, 1}, 24 * time.Hour, false, false},
		{"a busy first hour", []int{perHour}, time.Hour, true, true},
		{"a quiet hour", []int{perHour - 1}, time.Hour, true, false},
		{"the hour after a busy one", []int{perHour, 1}, time.Hour, true, true},
		{"two hours after a busy one", []int{perHour, 1, 1}, time.Hour, true, false},
		{"dates without a time of day are counted by day only", []int{perHour}, time.Hour, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			for i, n := range tt.counts {
				for range n {
					c.clock = t0.Add(time.Duration(i) * tt.period)
					c.countArrival(tt.hasTime)
				}
			}
			if got := c.dense(); got != tt.want {
				t.Errorf("dense = %v, want %v (rate %+v)", got, tt.want, c.rate)
			}
		})
	}
	c := New(Options{})
	c.countArrival(true) // no clock yet: nothing to count
	if c.rate.n != 0 || c.rate.hn != 0 {
		t.Errorf("an arrival without a clock was counted: %+v", c.rate)
	}
}

// TestDenseStreamNeedsWords: two happenings of one town share its name and
// little else. In a sparse stream the name may carry them into one event;
// in a dense one the words must agree too, for the event and the story,
// while a second report of the same happening still joins.
func TestDenseStreamNeedsWords(t *testing.T) {
	flood := &storyline.Article{ID: "flood", Lang: "en", Published: day("2025-02-01"),
		Title: "Quorvale river bursts its banks",
		Text:  "The river burst its banks in Quorvale, flooding 300 homes."}
	flood2 := &storyline.Article{ID: "flood-2", Lang: "en", Published: day("2025-02-01"),
		Title: "Floods hit Quorvale as the river bursts its banks",
		Text:  "Some 300 homes were flooded in Quorvale after the river burst its banks."}
	trial := &storyline.Article{ID: "trial", Lang: "en", Published: day("2025-02-01"),
		Title: "Quorvale fraud trial opens",
		Text:  "A fraud trial opened in Quorvale."}
	run := func(dense bool) (joinedTrial, joinedFlood, sameStory bool) {
		c := New(Options{})
		if dense {
			c.clock = day("2025-02-01").Time
			c.rate = dayRate{day: c.clock.Unix() / 86400, n: denseDay}
		}
		a, _ := assign(t, c, flood)
		b, _ := assign(t, c, trial)
		f, _ := assign(t, c, flood2)
		return b.Event == a.Event, f.Event == a.Event, b.Story == a.Story
	}
	sparseTrial, sparseFlood, _ := run(false)
	denseTrial, denseFlood, denseStory := run(true)
	if !sparseFlood || !denseFlood {
		t.Errorf("a second report of the flood did not join (sparse %v, dense %v)", sparseFlood, denseFlood)
	}
	if !sparseTrial {
		t.Skip("the fixture's names do not carry the trial into the flood even in a sparse stream")
	}
	if denseTrial {
		t.Errorf("in a dense stream the trial joined the flood on the town's name")
	}
	if denseStory {
		t.Errorf("in a dense stream the trial joined the flood's story on the town's name")
	}
}

// TestDenseStreamReportingLanguage: in a dense stream, with
// Options.DenseWordAgreement above the language every report shares (who
// told whom, the mayor's office, a resident), two happenings of one town
// told in it are not one event, while a second report of one of them, in
// other words, still joins it; at the default they are one.
func TestDenseStreamReportingLanguage(t *testing.T) {
	const said = " A spokeswoman for the mayor's office told reporters residents were worried."
	bridge := &storyline.Article{ID: "bridge", Lang: "en", Published: day("2025-02-01"),
		Title: "Bridge collapses in Quorvale",
		Text: "A road bridge collapsed into the river in Quorvale on the morning commute, injuring four drivers. " +
			"Engineers blamed corroded steel cables and cracked concrete piers; divers searched submerged cars " +
			"while cranes lifted twisted girders from the water. Inspectors had flagged the span for repairs." + said}
	bridge2 := &storyline.Article{ID: "bridge-2", Lang: "en", Published: day("2025-02-01"),
		Title: "Four hurt as Quorvale road bridge falls into river",
		Text:  "Four drivers were injured when the road bridge fell into the river at Quorvale, police said."}
	strike := &storyline.Article{ID: "strike", Lang: "en", Published: day("2025-02-01"),
		Title: "Dock workers strike in Quorvale",
		Text: "Dock workers in Quorvale walked out over pay, halting container ships at every berth. " +
			"The union demands a wage rise matching inflation and overtime rules; picket lines formed at the " +
			"terminal gates and shipping firms diverted freighters to other ports. Negotiators met employers." + said}
	for _, tt := range []struct {
		words float64
		apart bool
	}{{0, false}, {0.15, true}} {
		c := New(Options{DenseWordAgreement: tt.words})
		c.clock = day("2025-02-01").Time
		c.rate = dayRate{day: c.clock.Unix() / 86400, n: denseDay}
		a, _ := assign(t, c, bridge)
		b, _ := assign(t, c, strike)
		f, _ := assign(t, c, bridge2)
		if apart := b.Event != a.Event; apart != tt.apart {
			t.Errorf("DenseWordAgreement %v: the strike and the bridge collapse apart = %v, want %v: %+v", tt.words, apart, tt.apart, b.Why)
		}
		if f.Event != a.Event {
			t.Errorf("DenseWordAgreement %v: a second report of the bridge collapse did not join it: %+v", tt.words, f.Why)
		}
	}
}
