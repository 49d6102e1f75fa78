package cluster

import (
	"context"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// TestBindGuardKeepsOtherDaysApart: an article joins the event whose
// day it reports and is close enough to another event, of another day,
// whose reports it was published among (dayFactor lets it be). It does
// not bind that event to the one it joined: being published while the
// other is reported is no evidence that the two are one happening. The
// same holds for an article whose lead names the weekday alone
// (weekdayAgreement has dayFactor's waiver).
//
// The stream: the Old Mill bridge collapses on March 2; its remaining
// span collapses on March 6, reported in like words; on March 6 a report
// of the first collapse, leading with March 3, arrives. The floor of
// dateAgreement is lowered so that the days alone open the second
// collapse an event of its own though its words are close enough to the
// first's for the two to be mergeable (with the default floor, two
// single reports four days apart open two events only when their words
// are too unlike to merge).
func TestBindGuardKeepsOtherDaysApart(t *testing.T) {
	opts := Options{DateFloor: 0.05}
	first := bridgeArticle("first", "2026-03-02", "2026-03-02", "Old Mill bridge collapses in Kessling",
		"The Old Mill bridge in Kessling collapsed into the river Tamsin, injuring nine people, the Kessling fire service said. Rescue divers searched the river near the old mill.")
	second := bridgeArticle("second", "2026-03-06", "2026-03-06", "Second span of Kessling bridge collapses",
		"The remaining span of the Old Mill bridge in Kessling collapsed into the river Tamsin, the Kessling fire service said. Nobody was hurt; divers checked the river near the old mill.")
	const (
		recapTitle = "Divers end search after Kessling bridge collapse"
		recapText  = "Rescue divers ended their search of the river Tamsin near the old mill after the Old Mill bridge in Kessling collapsed, injuring nine people, the Kessling fire service said."
	)
	// the report of the first collapse, published among the second's
	recap := bridgeArticle("recap", "2026-03-06", "2026-03-03", recapTitle, recapText)
	// the same report naming the first collapse's weekday alone (a
	// Monday, four days before it was published: too long before for
	// the day its reader resolves to be the happening's)
	weekday := &storyline.Article{ID: "recap", Lang: "en", Published: day("2026-03-06"), Title: recapTitle,
		Text: "Rescue divers ended their search of the river Tamsin near the old mill after the Old Mill bridge in Kessling collapsed on Monday, injuring nine people, the Kessling fire service said."}
	// the same report with no date in its lead: nothing tells its day
	undated := &storyline.Article{ID: "recap", Lang: "en", Published: day("2026-03-06"), Title: recapTitle, Text: recapText}

	tests := []struct {
		name string
		last *storyline.Article
		// resume reloads the clusterer's state before the last report
		resume bool
		merged bool
	}{
		{"the day of the first collapse: the second stays apart", recap, false, false},
		{"the same after a restart", recap, true, false},
		{"the weekday of the first collapse: the second stays apart", weekday, false, false},
		// the guard needs the article's day or weekday: with none,
		// closeness to both is evidence of one happening, as before
		{"no day in the lead: the two are bound", undated, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(opts)
			a, _ := assign(t, c, first)
			b, _ := assign(t, c, second)
			if !b.Why.NewEvent || b.Event == a.Event {
				t.Fatalf("the second collapse joined the first (%s, %s): no two events to bind", a.Event, b.Event)
			}
			if tt.resume {
				st := memState{}
				st.apply(c.Stage(), c.Pending())
				c = New(opts)
				if err := c.Load(context.Background(), st); err != nil {
					t.Fatal(err)
				}
			}
			got, merges := assign(t, c, tt.last)
			if got.Why.NewEvent || got.Event != a.Event && got.Event != b.Event {
				t.Fatalf("the report joined %s, neither collapse (%s, %s)", got.Event, a.Event, b.Event)
			}
			bound := slices.ContainsFunc(merges, func(m storyline.Merge) bool {
				return m.Level == "event" && m.After == tt.last.ID
			})
			// a re-run of a placed article reports its event now
			liveA, _ := assign(t, c, first)
			liveB, _ := assign(t, c, second)
			if apart := liveA.Event != liveB.Event; apart == tt.merged || bound != tt.merged {
				t.Errorf("events %s and %s, merges %v: merged %v, want %v", liveA.Event, liveB.Event, merges, !apart, tt.merged)
			}
			if !tt.merged && got.Event != a.Event {
				t.Errorf("the report of the first collapse joined %s, want %s", got.Event, a.Event)
			}
		})
	}
}
