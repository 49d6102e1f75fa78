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
