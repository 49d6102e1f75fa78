package cluster

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// personsOf returns Person entities for names, each with a mention at
// every occurrence in text (code points; the texts here are ASCII) of
// its whole name or of its last word.
func personsOf(text string, names ...string) []storyline.Entity {
	var out []storyline.Entity
	for _, name := range names {
		e := storyline.Entity{Name: name, Kind: storyline.Person}
		words := strings.Fields(name)
		last := words[len(words)-1]
		for off := 0; ; {
			i := strings.Index(text[off:], last)
			if i < 0 {
				break
			}
			end := off + i + len(last)
			start := end - len(last)
			if s := strings.LastIndex(text[:start], name); len(words) > 1 && s >= 0 && s+len(name) == end {
				start = s
			}
			e.Mentions = append(e.Mentions, storyline.Mention{Text: text[start:end], Start: start, End: end})
			off = end
		}
		out = append(out, e)
	}
	return out
}

func TestSubjectOf(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		name, title, text string
		persons           []string
		want              string
	}{
		{"the person of the title",
			"Gulls place Wrenfield on injured reserve",
			"The Harbor City Gulls placed running back Tobias Wrenfield on injured reserve on Wednesday. Wrenfield hurt his ankle, coach Ray Almeda said.",
			[]string{"Ray Almeda", "Tobias Wrenfield"}, "wrenfield"},
		{"the person the lead names most when the title names none",
			"Ankle injury ends a season",
			"Tobias Wrenfield will miss the playoffs. Wrenfield hurt his ankle against the Foxes, coach Ray Almeda said on Wednesday.",
			[]string{"Tobias Wrenfield", "Ray Almeda"}, "wrenfield"},
		{"nobody in the title or lead",
			"Gulls lose at home",
			"The Harbor City Gulls lost to the Foxes on Sunday in front of a quiet crowd at the harbour stadium, their third defeat in a row, and the coaching staff faced questions about a season slipping away before the winter break, with the defence conceding late goals again, the midfield losing the ball near its own box, the forwards missing chances, supporters leaving early and the board promising a review of the squad. Later the coach, Ray Almeda, said little.",
			[]string{"Ray Almeda"}, ""},
		{"no persons", "Gulls lose at home", "The Gulls lost to the Foxes.", nil, ""},
		{"a passer-by named once in the lead, the title's person missed by the reader",
			"Gulls RB Tobias Wrenfield to injured reserve",
			"The Harbor City Gulls placed their running back on injured reserve on Wednesday with an ankle injury. He is the second back in two days to go on the list: Marcus Denholm went on it on Tuesday. The coach said the team would sign a replacement from the practice squad before the playoff game.",
			[]string{"Marcus Denholm"}, ""},
		{"a person named in the lead and again",
			"Gulls put a second running back on injured reserve",
			"The Harbor City Gulls placed their running back on injured reserve on Wednesday with an ankle injury. He is the second back in two days to go on the list: Marcus Denholm went on it on Tuesday. Denholm will have surgery.",
			[]string{"Marcus Denholm"}, "denholm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &storyline.Article{ID: "a", Title: tt.title, Text: tt.text, Entities: personsOf(tt.text, tt.persons...)}
			if got := c.Prepare(a).subject; got != tt.want {
				t.Errorf("subject = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOtherSubject(t *testing.T) {
	c := New(Options{})
	day := func(s string) storyline.Published { return dayOf(t, s) }
	// an event of three reports about "denholm", placed on injured
	// reserve; its members mention nobody else in their titles and leads
	event := func(mod func(n *node)) *node {
		n := &node{size: 3,
			subjects: map[string]float32{"denholm": 3},
			persons:  map[string]float32{"denholm": 3, "almeda": 2},
			mains:    map[string]float32{"denholm": 3},
			leads:    map[string]float32{"denholm": 3},
			names:    map[uint32]float32{c.termID("denholm"): 3, c.termID("gull"): 3}}
		if mod != nil {
			mod(n)
		}
		return n
	}
	// a report about "wrenfield"; head lists the terms of its title and
	// lead
	report := func(mod func(f *Features), head ...string) *Features {
		f := &Features{subject: "wrenfield", Main: "wrenfield",
			Persons: []string{"wrenfield", "almeda"}, Leading: []string{"wrenfield"}}
		for _, term := range []string{"gull", "wrenfield", "injur", "reserv", "denholm", "almeda"} {
			ft := fterm{id: c.termID(term), tf: 1, boost: nameBoost}
			for _, h := range head {
				if h == term {
					ft.head = 2
				}
			}
			f.terms = append(f.terms, ft)
		}
		f.protagonists = []uint32{c.termID("wrenfield"), c.termID("gull")}
		if mod != nil {
			mod(f)
		}
		return f
	}
	tests := []struct {
		name string
		f    *Features
		n    *node
		want bool
	}{
		{"another player, the event's named in passing", report(nil, "gull", "wrenfield"), event(nil), true},
		{"the event's subject in the lead, the article's known to the event",
			report(nil, "gull", "wrenfield", "denholm"), event(func(n *node) { n.persons["wrenfield"] = 1 }), false},
		{"the event's subject in the lead, the article's unheard of",
			report(nil, "gull", "wrenfield", "denholm"), event(nil), true},
		{"a member leads with the article's subject",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.leads["wrenfield"] = 1 }), false},
		{"a member's protagonist",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.names[c.termID("wrenfield")] = 1 }), false},
		{"the coach who speaks is the main person",
			report(func(f *Features) { f.Main = "almeda" }, "gull", "wrenfield"), event(nil), true},
		{"the event's subject among the article's protagonists",
			report(func(f *Features) { f.protagonists = []uint32{c.termID("wrenfield"), c.termID("denholm")} }, "gull", "wrenfield"), event(nil), false},
		{"the subject is no protagonist",
			report(func(f *Features) { f.protagonists = []uint32{c.termID("gull"), c.termID("injur")} }, "gull", "wrenfield"), event(nil), false},
		{"no subject", report(func(f *Features) { f.subject = "" }, "gull"), event(nil), false},
		{"the event's own subject",
			report(func(f *Features) { f.subject, f.Main = "denholm", "denholm" }, "gull", "denholm"), event(nil), false},
		{"no subject found in most members, the others about the event's",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.subjects = map[string]float32{"denholm": 1} }), true},
		{"no subject most members with one share",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.subjects = map[string]float32{"denholm": 1, "hale": 1} }), false},
		{"a quarter of the members about the article's subject",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.size, n.subjects = 4, map[string]float32{"denholm": 2, "wrenfield": 1} }), true},
		{"more than a quarter of the members about the article's subject",
			report(nil, "gull", "wrenfield"), event(func(n *node) { n.size, n.subjects = 3, map[string]float32{"denholm": 2, "wrenfield": 1} }), false},
		{"published the days of the event's reports",
			report(func(f *Features) { f.published = day("2026-03-18") }, "gull", "wrenfield"),
			event(func(n *node) { n.firstPub, n.lastPub = day("2026-03-17"), day("2026-03-17") }), false},
		{"published weeks after the event's reports",
			report(func(f *Features) { f.published = day("2026-04-08") }, "gull", "wrenfield"),
			event(func(n *node) { n.firstPub, n.lastPub = day("2026-03-17"), day("2026-03-17") }), true},
		{"undated, the weekday most members tell",
			report(func(f *Features) { f.Weekday, f.HasWeekday = time.Sunday, true }, "gull", "wrenfield"),
			event(func(n *node) { n.weekdays[time.Sunday] = 2; n.weekdays[time.Monday] = 1 }), false},
		{"undated, another weekday",
			report(func(f *Features) { f.Weekday, f.HasWeekday = time.Wednesday, true }, "gull", "wrenfield"),
			event(func(n *node) { n.weekdays[time.Sunday] = 2 }), true},
		{"undated, no weekday most members tell",
			report(func(f *Features) { f.Weekday, f.HasWeekday = time.Sunday, true }, "gull", "wrenfield"),
			event(func(n *node) { n.weekdays[time.Sunday] = 1; n.weekdays[time.Monday] = 1 }), true},
		{"dated weeks apart, the same weekday",
			report(func(f *Features) { f.published, f.Weekday, f.HasWeekday = day("2026-04-07"), time.Tuesday, true }, "gull", "wrenfield"),
			event(func(n *node) {
				n.firstPub, n.lastPub = day("2026-03-17"), day("2026-03-17")
				n.weekdays[time.Tuesday] = 3
			}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.otherSubject(tt.f, tt.n); got != tt.want {
				t.Errorf("otherSubject = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLookAlikeHappeningsOfOnePerson clusters the reports of two
// look-alike happenings of one story, undated (an archive): a team
// places one player on injured reserve, later another, whose reports
// name the first in passing. They share their words and the team's
// names, and the event's main person occurs in the later reports: only
// the subjects tell them apart. Reports of one recount, published the
// same days, lead with the winner or with the loser, and stay one.
func TestLookAlikeHappeningsOfOnePerson(t *testing.T) {
	type report struct{ id, pub, title, text string }
	first := []report{
		{"d1", "", "Gulls place Denholm on injured reserve",
			"The Harbor City Gulls placed running back Marcus Denholm on injured reserve, ending his season with a knee injury. Denholm was hurt against the Foxes. Coach Ray Almeda said Denholm would need surgery on the knee."},
		{"d2", "", "Denholm out for the season, Gulls put running back on injured reserve",
			"Marcus Denholm will miss the rest of the season. The Gulls put the running back on injured reserve after the knee injury he suffered against the Foxes, and Denholm will have surgery, Almeda said."},
		{"d3", "", "Knee injury ends Denholm's season as Gulls turn to backups",
			"The Harbor City Gulls ended the season of running back Marcus Denholm, placing him on injured reserve with a knee injury. Denholm had surgery scheduled, coach Ray Almeda said, and the Gulls will turn to their backups."},
	}
	second := []report{
		{"w1", "", "Gulls place Wrenfield on injured reserve",
			"The Harbor City Gulls placed running back Tobias Wrenfield on injured reserve with an ankle injury, ending his season before the playoffs. Wrenfield was hurt against the Hawks and will need surgery, coach Ray Almeda said on the team's website, where the club listed its roster moves. Wrenfield had carried the load since Marcus Denholm went down with a knee injury."},
		{"w2", "", "Wrenfield out for the playoffs, Gulls put running back on injured reserve",
			"Tobias Wrenfield will miss the playoffs. The Gulls put the running back on injured reserve after the ankle injury he suffered against the Hawks, and Wrenfield will have surgery, Almeda said at the club's training ground on a cold morning by the harbour. The Gulls had already lost Denholm to injured reserve."},
	}
	recount := []report{
		{"r1", "2026-03-17", "Haddad wins Brenmoor East on recount",
			"Leila Haddad of the Green Union won the Brenmoor East by-election by twelve votes after a manual recount overturned the provisional result, the election commission said. Haddad thanked the counters. Jonas Weller of the Civic Alliance had been declared the winner on election night."},
		{"r2", "2026-03-18", "Weller to challenge Brenmoor East recount in court",
			"Jonas Weller, the Civic Alliance candidate who lost the Brenmoor East by-election on a recount, said he would ask the electoral court to overturn the result. Weller said rejected ballots were counted wrongly in the recount."},
	}
	persons := map[string][]string{
		"d": {"Marcus Denholm", "Ray Almeda"}, "w": {"Tobias Wrenfield", "Ray Almeda", "Marcus Denholm"},
		"r": {"Leila Haddad", "Jonas Weller"},
	}
	c := New(Options{})
	events := map[string]string{}
	var all []report
	all = append(all, first...)
	all = append(all, second...)
	all = append(all, recount...)
	for _, r := range all {
		a := &storyline.Article{ID: r.id, Title: r.title, Text: r.text, Entities: personsOf(r.text, persons[r.id[:1]]...)}
		if r.pub != "" {
			tm, err := time.Parse(time.DateOnly, r.pub)
			if err != nil {
				t.Fatal(err)
			}
			a.Published = storyline.Instant(tm)
		}
		as, merges, err := c.Assign(context.Background(), a, nil)
		if err != nil {
			t.Fatal(err)
		}
		events[r.id] = as.Event
		followMerges(events, nil, merges)
	}
	for _, group := range [][]report{first, second, recount} {
		for _, r := range group[1:] {
			if events[r.id] != events[group[0].id] {
				t.Errorf("%s in %s, %s in %s: one happening split", group[0].id, events[group[0].id], r.id, events[r.id])
			}
		}
	}
	if events["d1"] == events["w1"] {
		t.Errorf("the two players' injured reserve placings in one event %s", events["d1"])
	}
}

func TestOtherSubjects(t *testing.T) {
	c := New(Options{})
	day := func(s string) storyline.Published { return dayOf(t, s) }
	ev := func(size int, subjects map[string]float32, mod func(n *node)) *node {
		n := &node{size: size, subjects: subjects, leads: map[string]float32{}, names: map[uint32]float32{}}
		if mod != nil {
			mod(n)
		}
		return n
	}
	// the first player's event: four reports, one of which the reader
	// found no subject in, one about the coach
	denholm := func(mod func(n *node)) *node {
		return ev(5, map[string]float32{"denholm": 3, "almeda": 1}, mod)
	}
	wrenfield := func(mod func(n *node)) *node { return ev(2, map[string]float32{"wrenfield": 2}, mod) }
	tests := []struct {
		name string
		a, b *node
		want bool
	}{
		{"two players", denholm(nil), wrenfield(nil), true},
		{"the same player", denholm(nil), ev(2, map[string]float32{"denholm": 2}, nil), false},
		{"no subject for most of one", denholm(nil), ev(3, map[string]float32{"wrenfield": 1, "almeda": 1, "hale": 1}, nil), false},
		{"a member of one leads with the other's subject", denholm(func(n *node) { n.leads["wrenfield"] = 2 }), wrenfield(nil), false},
		{"a member of one among many leads with the other's subject", denholm(func(n *node) { n.leads["wrenfield"] = 1 }), wrenfield(nil), true},
		{"news of the same days",
			denholm(func(n *node) { n.firstPub, n.lastPub = day("2026-03-17"), day("2026-03-17") }),
			wrenfield(func(n *node) { n.firstPub, n.lastPub = day("2026-03-18"), day("2026-03-18") }), false},
		{"one's days within the other's",
			denholm(func(n *node) { n.firstPub, n.lastPub = day("2026-03-01"), day("2026-03-30") }),
			wrenfield(func(n *node) { n.firstPub, n.lastPub = day("2026-03-15"), day("2026-03-15") }), false},
		{"weeks apart",
			denholm(func(n *node) { n.firstPub, n.lastPub = day("2026-03-17"), day("2026-03-17") }),
			wrenfield(func(n *node) { n.firstPub, n.lastPub = day("2026-04-08"), day("2026-04-09") }), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.otherSubjects(tt.a, tt.b); got != tt.want {
				t.Errorf("otherSubjects = %v, want %v", got, tt.want)
			}
			if got := c.otherSubjects(tt.b, tt.a); got != tt.want {
				t.Errorf("otherSubjects the other way = %v, want %v", got, tt.want)
			}
		})
	}
}

// dayOf is the publication date of day s (YYYY-MM-DD).
func dayOf(t *testing.T, s string) storyline.Published {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return storyline.Instant(tm)
}
