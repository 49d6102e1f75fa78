package cluster

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// townStream is ten weeks of news from one invented town: a dock strike
// told in four reports over three events (the walkout, the mediation, the
// deal), and five other happenings of the town that share its name and
// nothing else: a fire, floods, a trial, a takeover, a recount.
var townStream = []struct {
	thread bool // the strike's thread
	a      *storyline.Article
}{
	{true, &storyline.Article{ID: "strike-1", Lang: "en", Published: day("2024-05-06"),
		Title: "Kelmarsh dockers walk out over pay",
		Text: "KELMARSH — Kelmarsh dock workers walked out on Monday after pay talks at Kelmarsh port collapsed, leaving Kelmarsh without ferries. " +
			"Lorries queued outside the container gates and the terminals stood idle. " +
			"Union leader Maren Ostrava said the strike by the Dockers' Guild would go on until the Harbour Board improved its offer of two per cent."}},
	{true, &storyline.Article{ID: "strike-2", Lang: "en", Published: day("2024-05-06"),
		Title: "Kelmarsh port at a standstill as dockers strike",
		Text: "The port of Kelmarsh came to a standstill on Monday as Kelmarsh dockers began an open-ended strike over pay. " +
			"Cranes stood idle and ferries to Kelmarsh were cancelled. " +
			"Maren Ostrava, who leads the Dockers' Guild, called the Harbour Board's offer an insult."}},
	{false, &storyline.Article{ID: "fire", Lang: "en", Published: day("2024-05-16"),
		Title: "Fire destroys timber yard in Kelmarsh",
		Text: "KELMARSH — A fire destroyed a timber yard in Kelmarsh overnight, and forty Kelmarsh residents were evacuated from nearby streets. " +
			"Six engines fought the blaze for five hours, and smoke hung over Kelmarsh until noon. " +
			"Fire chief Ilse Varga said the cause was not yet known and that nobody was hurt."}},
	{true, &storyline.Article{ID: "mediation", Lang: "en", Published: day("2024-05-27"),
		Title: "Mediator called in as Kelmarsh dock strike drags on",
		Text: "A government mediator met both sides of the Kelmarsh dock strike on Friday, as the walkout kept Kelmarsh port closed for a fifth day. " +
			"Maren Ostrava said the Dockers' Guild would not accept less than five per cent, while Tobias Renfrew, chairman of the Harbour Board, said the port was losing trade."}},
	{false, &storyline.Article{ID: "flood", Lang: "en", Published: day("2024-06-06"),
		Title: "Floods cut off villages around Kelmarsh",
		Text: "KELMARSH — Heavy rain flooded the low streets of Kelmarsh and cut off four villages around Kelmarsh on Sunday. " +
			"Soldiers filled sandbags along the embankment, and Kelmarsh schools stayed shut. " +
			"Mayor Petra Lindqvist opened the sports hall for families whose homes were flooded by the river Aldwen."}},
	{false, &storyline.Article{ID: "trial", Lang: "en", Published: day("2024-06-17"),
		Title: "Kelmarsh councillor goes on trial",
		Text: "KELMARSH — A former Kelmarsh councillor went on trial in Kelmarsh on Wednesday, accused of steering housing contracts to a builder owned by his brother-in-law. " +
			"Prosecutors said the contracts were worth three million crowns. " +
			"The councillor, Jonas Bexley, denies wrongdoing."}},
	{false, &storyline.Article{ID: "takeover", Lang: "en", Published: day("2024-06-27"),
		Title: "Kelmarsh Steel sold in takeover",
		Text: "KELMARSH — Kelmarsh Steel, the biggest employer in Kelmarsh, agreed on Thursday to a takeover worth 400 million crowns that includes its rolling mill and its 1,200 jobs. " +
			"Chief executive Anton Geller said no plant would close and that Norvane, the buyer, would keep the Kelmarsh name."}},
	{false, &storyline.Article{ID: "recount", Lang: "en", Published: day("2024-07-08"),
		Title: "Recount ordered in Kelmarsh mayoral race",
		Text: "KELMARSH — Election officials ordered a recount of the Kelmarsh mayoral vote on Friday after the result in Kelmarsh was decided by eleven ballots. " +
			"The recount will take two days. " +
			"The challenger, Olaf Strand, had asked for it."}},
	{true, &storyline.Article{ID: "deal", Lang: "en", Published: day("2024-07-18"),
		Title: "Kelmarsh dock strike ends with pay deal",
		Text: "Kelmarsh dockers voted on Tuesday to accept a four per cent pay rise, ending the strike that closed Kelmarsh port for two weeks. " +
			"Maren Ostrava of the Dockers' Guild called the deal a victory, and Tobias Renfrew of the Harbour Board said ferries would sail again on Wednesday."}},
}

// TestTownHappeningsStayApart checks that the happenings of one town are
// not told as one developing thread because they share its name, while
// the events of the town's dock strike are.
func TestTownHappeningsStayApart(t *testing.T) {
	for _, tt := range []struct {
		name     string
		evidence float64
		apart    bool
	}{
		{"default", 0, true},
		{"evidence not asked", -1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{StoryEvidence: tt.evidence})
			stories := map[string]string{} // article id -> story
			events := map[string]string{}
			for _, x := range townStream {
				as, merges := assign(t, c, x.a)
				events[x.a.ID], stories[x.a.ID] = as.Event, as.Story
				followMerges(nil, stories, merges)
			}
			thread := stories["strike-1"]
			chained := 0
			seen := map[string]string{}
			for _, x := range townStream {
				s := stories[x.a.ID]
				switch {
				case x.thread && s != thread:
					t.Errorf("%s: story %s, not the strike's %s", x.a.ID, s, thread)
				case !x.thread && s == thread:
					chained++
				case !x.thread && seen[s] != "":
					chained++
				}
				if !x.thread {
					seen[s] = x.a.ID
				}
			}
			if apart := chained == 0; apart != tt.apart {
				t.Errorf("%d of the town's other happenings chained into a story, want apart = %v: %v", chained, tt.apart, stories)
			}
		})
	}
}

// TestMergeEventsApart checks what merging two events of different
// stories does to the stories: the event merged away leaves a story that
// has other events for the other's, and a story of that one event only is
// merged whole.
func TestMergeEventsApart(t *testing.T) {
	for _, tt := range []struct {
		name, from, into string
		// storyMerge is whether the two stories become one
		storyMerge bool
	}{
		{"a story of other events keeps them", "mediation", "fire", false},
		{"a story of one event goes with it", "trial", "fire", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			for _, x := range townStream {
				assign(t, c, x.a)
			}
			from, into := c.articleEvent[tt.from], c.articleEvent[tt.into]
			fs, is := from.story.live(), into.story.live()
			if from == into || fs == is {
				t.Fatalf("%s and %s: events %s and %s, stories %s and %s: want both apart", tt.from, tt.into, from.id, into.id, fs.id, is.id)
			}
			others := len(fs.children) - 1
			fsSize, isSize, fromSize := fs.size, is.size, from.size
			fromKeys := slices.Clone(from.keys.ids)
			fromFirst, fromLast := from.first, from.last
			fromFirstPub, fromLastPub := from.firstPub, from.lastPub
			merges := c.mergeEventsApart(from, into, "bridge")
			var storyMerge bool
			for _, m := range merges {
				storyMerge = storyMerge || m.Level == "story"
			}
			if storyMerge != tt.storyMerge {
				t.Errorf("story merged = %v, want %v (merges %+v)", storyMerge, tt.storyMerge, merges)
			}
			ev := c.articleEvent[tt.from].live()
			if ev != into.live() || ev.story.live() != is.live() {
				t.Errorf("%s is in event %s of story %s, want %s of %s", tt.from, ev.id, ev.story.live().id, into.id, is.live().id)
			}
			if !tt.storyMerge {
				if fs.dead() || len(fs.children) != others || slices.Contains(fs.children, from.id) {
					t.Errorf("story %s: dead %v, children %v, want its %d other events", fs.id, fs.dead(), fs.children, others)
				}
				if got := c.articleEvent["strike-1"].live().story.live(); got != fs {
					t.Errorf("the strike left its story %s for %s", fs.id, got.id)
				}
				if fs.size != fsSize-fromSize {
					t.Errorf("story %s left has size %d, want %d - %d", fs.id, fs.size, fsSize, fromSize)
				}
			}
			// the story joined counts, names and spans the event's
			// articles as if they had joined it one by one
			s := is.live()
			want := isSize + fromSize
			if tt.storyMerge {
				want = isSize + fsSize
			}
			if s.size != want {
				t.Errorf("story %s joined has size %d, want %d", s.id, s.size, want)
			}
			for _, st := range []*node{fs.live(), s} {
				sum := 0
				for _, id := range st.children {
					sum += c.events[id].size
				}
				if st.size != sum || st.scripts[0]+st.scripts[1] != float32(sum) {
					t.Errorf("story %s: size %d, scripts %v, its events hold %d articles", st.id, st.size, st.scripts, sum)
				}
			}
			if len(fromKeys) == 0 {
				t.Fatalf("event %s has no name keys", from.id)
			}
			for _, k := range fromKeys {
				if !slices.Contains(s.keys.ids, k) && len(s.keys.ids) < maxNodeKeys {
					t.Errorf("story %s joined lacks name key %d of event %s", s.id, k, from.id)
				}
			}
			if s.first.After(fromFirst) || s.last.Before(fromLast) ||
				s.firstPub.Time.After(fromFirstPub.Time) || s.lastPub.Time.Before(fromLastPub.Time) {
				t.Errorf("story %s joined spans %v..%v (published %v..%v), want to hold event %s's %v..%v (%v..%v)",
					s.id, s.first, s.last, s.firstPub, s.lastPub, from.id, fromFirst, fromLast, fromFirstPub, fromLastPub)
			}
		})
	}
}

// TestGivenNamesAreNoThread checks that the given name of one of the
// people of a story, borne by someone else, does not link another of the
// town's happenings to it.
func TestGivenNamesAreNoThread(t *testing.T) {
	person := func(name string) storyline.Entity {
		return storyline.Entity{Name: name, Kind: storyline.Person}
	}
	// the day of the happening, which tells the fire from the strike's
	// events
	on := func(d string) []storyline.DateMention {
		return []storyline.DateMention{{Date: d, Text: "that day", Start: 12, End: 20, Precision: storyline.PrecisionDay}}
	}
	strike := func(id, pub, title, text string) *storyline.Article {
		return &storyline.Article{ID: id, Lang: "en", Published: day(pub), Title: title, Text: text,
			Entities: []storyline.Entity{person("Maren Ostrava")}, Dates: on("2024-05-06")}
	}
	stream := []*storyline.Article{
		strike("strike-1", "2024-05-06", "Maren Ostrava leads Kelmarsh dockers out on strike",
			"KELMARSH — Kelmarsh dock workers walked out on Monday, led by Maren Ostrava, after pay talks at Kelmarsh port collapsed. "+
				"Maren Ostrava said the strike would go on until the offer improved. Ferries to Kelmarsh were cancelled."),
		strike("strike-2", "2024-05-06", "Kelmarsh port at a standstill as Maren Ostrava's dockers strike",
			"KELMARSH — The port of Kelmarsh came to a standstill as dockers led by Maren Ostrava began a strike over pay. "+
				"Maren Ostrava called the offer an insult; cranes in Kelmarsh stood idle."),
	}
	fire := &storyline.Article{ID: "fire", Lang: "en", Published: day("2024-05-20"),
		Title: "Maren Kopp's bakery destroyed by fire in Kelmarsh",
		Text: "KELMARSH — A fire destroyed the bakery of Maren Kopp in Kelmarsh overnight, and forty Kelmarsh residents were evacuated. " +
			"Maren Kopp said she had lost everything; smoke hung over Kelmarsh until noon.",
		Entities: []storyline.Entity{person("Maren Kopp")}, Dates: on("2024-05-20")}
	for _, tt := range []struct {
		name     string
		entities bool
		apart    bool
	}{
		{"given names known", true, true},
		{"people unknown", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			var first storyline.Assignment
			for i, a := range stream {
				as, _ := assign(t, c, a)
				if i == 0 {
					first = as
				}
			}
			f := *fire
			if !tt.entities {
				f.Entities = nil
			}
			got, _ := assign(t, c, &f)
			if got.Event == first.Event {
				t.Fatalf("the fire joined the strike's event %s", first.Event)
			}
			if apart := got.Story != first.Story; apart != tt.apart {
				t.Errorf("fire in story %s, strike in %s: apart %v, want %v", got.Story, first.Story, apart, tt.apart)
			}
		})
	}
}
