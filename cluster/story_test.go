package cluster

import (
	"testing"

	"github.com/storyline-news/storyline"
)

// fixtures for the story tests: a strike at one port and a look-alike
// strike at another, and the talks that followed the first, reported
// first without names.
var (
	hamburgStrike = &storyline.Article{ID: "hamburg-strike", Lang: "en", Published: day("2024-03-05"),
		Title: "Dock workers in Hamburg walk out over automation plans",
		Text: "Thousands of dock workers in Hamburg stopped work on Tuesday in protest against automation plans at the container terminals. " +
			"The Verdi union said cranes stood still across the Waltershof terminals and that the strike would last 48 hours. " +
			"Terminal operators said ships were being diverted to Bremerhaven."}
	talksVague = &storyline.Article{ID: "talks-vague", Lang: "en", Published: day("2024-03-08"),
		Title: "Mediated talks open in port dispute",
		Text: "Negotiators for the striking dock workers and the terminal operators sat down with a mediator on Friday. " +
			"The mediator met each delegation separately before a joint session in the afternoon, and both sides said they hoped for a deal on automation."}
	talksNamed = &storyline.Article{ID: "talks-named", Lang: "en", Published: day("2024-03-08"),
		Title: "Rotterdam port strike goes to mediated talks",
		Text: "Negotiators for the striking Rotterdam dock workers and the container terminal operators sat down with a mediator on Friday, after a 48-hour strike over automation plans. " +
			"The FNV union said cranes at the Maasvlakte terminals stood still during the walkout and ships were diverted to Antwerp. " +
			"The mediator met each delegation separately before a joint session."}
)

func TestStoryNeedsAgreeingNames(t *testing.T) {
	for _, tt := range []struct {
		name      string
		agreement float64
		same      bool
	}{
		{"default", 0, false},
		{"names not asked", -1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{StoryNameAgreement: tt.agreement})
			a, _ := assign(t, c, strikeA)
			h, _ := assign(t, c, hamburgStrike)
			if h.Event == a.Event {
				t.Fatalf("the Hamburg strike joined the Rotterdam strike's event %s", a.Event)
			}
			if got := h.Story == a.Story; got != tt.same {
				t.Errorf("one story = %v, want %v (similarity %.3f)", got, tt.same, h.Why.Similarity)
			}
		})
	}
}

func TestEventRelinksItsStory(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	assign(t, c, strikeB)
	v, _ := assign(t, c, talksVague)
	if v.Event == a.Event {
		t.Fatalf("the talks joined the strike's event")
	}
	if v.Story == a.Story {
		t.Fatalf("the unnamed report of the talks joined the strike's story: nothing left to relink")
	}
	n, merges := assign(t, c, talksNamed)
	if n.Event != v.Event {
		t.Fatalf("the named report of the talks opened %s, not joining %s (why %+v)", n.Event, v.Event, n.Why)
	}
	var relinked bool
	for _, m := range merges {
		if m.Level == "story" && m.From == v.Story && m.Into == a.Story {
			relinked = true
		}
	}
	if !relinked || n.Story != a.Story {
		t.Errorf("the talks' story %s not merged into the strike's %s: assignment %+v, merges %+v", v.Story, a.Story, n, merges)
	}
}
