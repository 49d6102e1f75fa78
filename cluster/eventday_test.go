package cluster

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func TestEventDay(t *testing.T) {
	mention := func(date string, start int, p storyline.Precision) storyline.DateMention {
		return storyline.DateMention{Date: date, Text: date, Start: start, End: start + 9, Precision: p}
	}
	tests := []struct {
		name  string
		a     storyline.Article
		want  string
		found bool
	}{
		{"latest full date of the lead", storyline.Article{Published: day("2026-03-05"),
			Dates: []storyline.DateMention{mention("2026-03", 10, storyline.PrecisionMonth), mention("2026-03-04", 40, storyline.PrecisionDay), mention("2026-03-01", 90, storyline.PrecisionDay)}},
			"2026-03-04", true},
		{"an old file photo's date before the news is background", storyline.Article{Published: day("2017-12-29"),
			Dates: []storyline.DateMention{mention("2016-12-13", 10, storyline.PrecisionDay), mention("2017-12-29", 300, storyline.PrecisionDay)}},
			"2017-12-29", true},
		{"a date still to come is skipped", storyline.Article{Published: day("2026-03-05"),
			Dates: []storyline.DateMention{mention("2026-04-16", 20, storyline.PrecisionDay), mention("2026-03-05", 60, storyline.PrecisionDay)}},
			"2026-03-05", true},
		{"no publication: the first full date", storyline.Article{
			Dates: []storyline.DateMention{mention("2026-04-16", 20, storyline.PrecisionDay)}},
			"2026-04-16", true},
		{"undated: a year lent by the stream is no event day", storyline.Article{
			Dates: []storyline.DateMention{{Date: "2012-12-02", Text: "on December 2", Start: 30, End: 43, Precision: storyline.PrecisionDay}}},
			"", false},
		{"undated: a written-out year is", storyline.Article{
			Dates: []storyline.DateMention{{Date: "2008-12-02", Text: "on December 2, 2008", Start: 30, End: 49, Precision: storyline.PrecisionDay}}},
			"2008-12-02", true},
		{"dates past the lead are background", storyline.Article{Published: day("2026-03-05"),
			Dates: []storyline.DateMention{mention("2026-02-27", leadSpan+5, storyline.PrecisionDay)}},
			"", false},
		{"no dates", storyline.Article{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := eventDay(&tt.a)
			if ok != tt.found {
				t.Fatalf("found %v, want %v", ok, tt.found)
			}
			if ok {
				if got := dayString(d); got != tt.want {
					t.Errorf("day %s, want %s", got, tt.want)
				}
			}
		})
	}
}

func dayString(d int32) string {
	return day("1970-01-01").Time.AddDate(0, 0, int(d)).Format("2006-01-02")
}

// bridge fixtures: two reports of a bridge collapse, then two of the
// inquiry ordered five days later. They share their names and most of
// their words; only the day of the happening tells them apart.
func bridgeArticle(id, pub, date, title, text string) *storyline.Article {
	return &storyline.Article{ID: id, Lang: "en", Published: day(pub),
		Title: title,
		Text:  text,
		Dates: []storyline.DateMention{{Date: date, Text: "on that day", Start: 20, End: 31, Precision: storyline.PrecisionDay}}}
}

var bridgeStream = []*storyline.Article{
	bridgeArticle("collapse-a", "2026-02-27", "2026-02-27", "Old Mill bridge collapses in Kessling", "The Old Mill bridge in Kessling collapsed into the river Tamsin, injuring nine people, the Kessling fire service said. Rescue divers searched the river near the old mill."),
	bridgeArticle("collapse-b", "2026-02-28", "2026-02-27", "Nine hurt as Kessling bridge collapses", "Nine people were injured when the Old Mill bridge in Kessling collapsed into the Tamsin; divers searched the river near the mill, the fire service said."),
	bridgeArticle("inquiry-a", "2026-03-04", "2026-03-04", "Minister orders inquiry into Kessling bridge collapse", "The transport minister ordered an independent inquiry into the Kessling bridge collapse and banned lorries from fourteen bridges of the same design. Engineers will report within a month."),
	bridgeArticle("inquiry-b", "2026-03-04", "2026-03-04", "Inquiry ordered into Kessling bridge collapse", "An independent inquiry into the bridge collapse in Kessling was ordered by the transport minister, who also banned lorries from fourteen bridges; engineers are to report within a month."),
}

func TestEventDaySeparatesHappeningsOfAStory(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		// resume reloads the clusterer's state before the inquiry
		resume bool
		split  bool
	}{
		{"days disagree: two events of one story", Options{}, false, true},
		{"the same after a restart", Options{}, true, true},
		{"without the day evidence the inquiry joins the collapse", Options{DateFloor: 0.999}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			var got []storyline.Assignment
			for i, a := range bridgeStream {
				if i == 2 && tt.resume {
					st := memState{}
					st.apply(c.Stage(), c.Pending())
					c = New(tt.opts)
					if err := c.Load(context.Background(), st); err != nil {
						t.Fatal(err)
					}
				}
				as, _ := assign(t, c, a)
				got = append(got, as)
			}
			if got[0].Event != got[1].Event || got[2].Event != got[3].Event {
				t.Fatalf("reports of one happening apart: %v", got)
			}
			if split := got[0].Event != got[2].Event; split != tt.split {
				t.Errorf("collapse %s, inquiry %s: split %v, want %v", got[0].Event, got[2].Event, split, tt.split)
			}
			if got[0].Story != got[2].Story {
				t.Errorf("collapse and inquiry in stories %s and %s, want one", got[0].Story, got[2].Story)
			}
		})
	}
}

func TestOtherPeople(t *testing.T) {
	// an event of three reports whose main person is "peskov"
	ev := &node{size: 3,
		persons: map[string]float32{"peskov": 3, "putin": 3, "biden": 2},
		mains:   map[string]float32{"peskov": 3}}
	c := New(Options{})
	feat := func(main string, terms []string, head map[string]bool) *Features {
		f := &Features{Main: main}
		if main != "" {
			f.Leading = []string{main}
		}
		for _, t := range terms {
			h := float32(0)
			if head[t] {
				h = 2
			}
			f.terms = append(f.terms, fterm{id: c.termID(t), head: h, tf: 1, boost: 1})
		}
		return f
	}
	tests := []struct {
		name string
		f    *Features
		want bool
	}{
		{"another aide, the event's never named", feat("ushakov", []string{"biden", "call", "putin", "ushakov"}, map[string]bool{"ushakov": true}), true},
		{"the event's main person named in passing", feat("ushakov", []string{"biden", "peskov", "putin", "ushakov"}, map[string]bool{"ushakov": true}), false},
		{"main person a member named", feat("biden", []string{"biden", "call", "putin"}, map[string]bool{"biden": true}), false},
		{"main person outside title and lead", feat("ushakov", []string{"biden", "call", "putin", "ushakov"}, nil), false},
		{"no main person", feat("", []string{"call", "putin"}, nil), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.otherPeople(tt.f, ev); got != tt.want {
				t.Errorf("otherPeople = %v, want %v", got, tt.want)
			}
		})
	}
	// the same pair the other way round: the report of the call is the
	// event, the interview arrives; it names a cast of its own without
	// the call's aide, whose main person it does not name
	call := &node{size: 1,
		persons: map[string]float32{"ushakov": 1, "putin": 1, "biden": 1},
		mains:   map[string]float32{"ushakov": 1}}
	interview := feat("peskov", []string{"biden", "peskov", "putin", "trump"}, nil)
	interview.Persons = []string{"biden", "peskov", "putin", "trump"}
	if !c.otherPeople(interview, call) {
		t.Error("a report naming a cast without the event's main person, about a person the event never named, not told apart")
	}
	weak := &node{size: 4, persons: ev.persons, mains: map[string]float32{"peskov": 1}}
	if c.otherPeople(tests[0].f, weak) {
		t.Error("an event without a main person for most of its members vetoed")
	}
	// a strike whose reports name people in passing, none of them often
	strike := &node{size: 3, persons: map[string]float32{"dahl": 2, "moreau": 1, "okafor": 1}}
	mediator := feat("lindqvist", []string{"dahl", "lindqvist", "talks"}, map[string]bool{"lindqvist": true})
	if !c.otherPeople(mediator, strike) {
		t.Error("an article about a person outside the event's cast not told apart")
	}
	if c.otherPeople(feat("dahl", []string{"dahl", "talks"}, map[string]bool{"dahl": true}), strike) {
		t.Error("an article about one of the event's cast told apart")
	}
	few := &node{size: 3, persons: map[string]float32{"dahl": 1}}
	if c.otherPeople(mediator, few) {
		t.Error("an event naming one person vetoed a report about another")
	}
	// the reader missed the event's protagonist as a person (a surname
	// written alone) and took a conference for one: the member leading
	// with the name names the person all the same
	record := &node{size: 1,
		persons: map[string]float32{"east": 1, "kennedi": 1},
		mains:   map[string]float32{"east": 1},
		names:   map[uint32]float32{c.termID("hansbrough"): 1, c.termID("ford"): 1}}
	scorer := feat("hansbrough", []string{"carolina", "hansbrough", "record", "ford"}, map[string]bool{"hansbrough": true})
	scorer.Persons = []string{"brown", "hansbrough", "william"}
	if c.otherPeople(scorer, record) {
		t.Error("a report about the protagonist of the event's member told apart because the reader did not find the name a person")
	}
	// one member of three leading with the name makes it no event of
	// that person's
	passing := &node{size: 3, persons: record.persons,
		mains: map[string]float32{"east": 2},
		names: map[uint32]float32{c.termID("hansbrough"): 1, c.termID("conference"): 3}}
	if !c.otherPeople(scorer, passing) {
		t.Error("a report about a person one member of three led with not told apart")
	}
	stranger := feat("mcdermott", []string{"creighton", "mcdermott", "record"}, map[string]bool{"mcdermott": true})
	stranger.Persons = []string{"echeniqu", "mcdermott", "wolf"}
	if !c.otherPeople(stranger, record) {
		t.Error("a report about a person no member names not told apart")
	}
}

func TestLeadWeekday(t *testing.T) {
	tests := []struct {
		text string
		want time.Weekday
		ok   bool
	}{
		{"The spokesman said on Friday that talks would go on.", time.Friday, true},
		{"Responding to a question about Tuesday's conversation between the leaders, he said more.", time.Tuesday, true},
		{"Докеры объявили забастовку в среду, сообщил профсоюз.", time.Wednesday, true},
		{"Власти начнут выплаты в пятницу.", time.Friday, true},
		{"Пятница выдалась тяжёлой, а в понедельник докеры вышли на работу.", time.Friday, true},
		{"Today and on holiday nobody said which day.", 0, false},
		{"Средства выделят среди прочего на ремонт.", 0, false},
		{"A sunday school and a friday prayer were not mentioned by name.", 0, false},
		{"No day here at all, only words about talks and calls.", 0, false},
		{strings.Repeat("Long lead without any weekday in it at all. ", 30) + "Then on Monday it happened.", 0, false},
		// the weekday of the page's posting line is not the happening's
		{"On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.\nA woman was struck on Friday.", time.Friday, true},
		{"Posted Wednesday\nNo day is named for the crash.", 0, false},
		{"The singer posted photos on Tuesday.", time.Tuesday, true},
		{"Опубликовано в среду\nДокеры вышли на работу в пятницу.", time.Friday, true},
		// a weekday passed over does not hide its later mention
		{"Опубликовано в пятницу\nДокеры вышли на работу в пятницу.", time.Friday, true},
		{"Докеры, среди которых нет согласия, в среду вышли на работу.", time.Wednesday, true},
	}
	for _, tt := range tests {
		got, ok := leadWeekday(tt.text)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("leadWeekday(%.40q) = %v %v, want %v %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWeekdayAgreement(t *testing.T) {
	c := New(Options{})
	ev := &node{}
	ev.weekdays[time.Friday] = 3
	tests := []struct {
		name string
		f    *Features
		want float64
	}{
		{"same weekday", &Features{Weekday: time.Friday, HasWeekday: true}, 1},
		{"a day off (a next-day report)", &Features{Weekday: time.Saturday, HasWeekday: true}, 1},
		{"another weekday", &Features{Weekday: time.Tuesday, HasWeekday: true}, c.opts.DateFloor},
		{"an event day on a Tuesday", &Features{Day: 18968, HasDay: true}, c.opts.DateFloor}, // 2021-12-07
		{"no weekday", &Features{}, 1},
	}
	for _, tt := range tests {
		if got := c.weekdayAgreement(tt.f, ev); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := c.weekdayAgreement(&Features{Weekday: time.Tuesday, HasWeekday: true}, &node{}); got != 1 {
		t.Errorf("event without weekdays: %v, want 1", got)
	}
}

func TestDateAgreementByShare(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		name string
		days map[int32]float32
		day  int32
		want bool // agreement 1
	}{
		{"the event's day", map[int32]float32{100: 5, 110: 1}, 100, true},
		{"the day next to it", map[int32]float32{100: 5, 110: 1}, 101, true},
		{"a day one report of six gave", map[int32]float32{100: 5, 110: 1}, 110, false},
		{"a day of one report of two", map[int32]float32{100: 1, 110: 1}, 110, true},
		{"a catch-all's days stand for nothing but the most given", map[int32]float32{100: 2, 103: 1, 106: 1, 109: 1, 112: 1, 115: 1, 118: 1, 121: 1}, 112, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &node{days: daysOf(tt.days)}
			f := &Features{Day: tt.day, HasDay: true}
			if got := c.dateAgreement(f, n) == 1; got != tt.want {
				t.Errorf("agreement 1: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDayFactor(t *testing.T) {
	c := New(Options{})
	pub := func(s string) storyline.Published {
		p, err := storyline.ParsePublished(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// an event whose reports, published from the 4th to the 9th, lead
	// with the 4th
	first, last := pub("2024-03-04"), pub("2024-03-09")
	eventDay := int32(first.Time.Unix() / 86400)
	tests := []struct {
		name      string
		published storyline.Published
		day       int32
		want      bool // 1: the days do not shrink the similarity
	}{
		{"the event's day", pub("2024-03-05"), eventDay, true},
		{"a later development reported among the event's reports", pub("2024-03-07"), eventDay + 3, true},
		{"the first day of the reports", first, eventDay + 3, true},
		{"another day, published after the event's reports", pub("2024-03-12"), eventDay + 8, false},
		{"another day, published before them", pub("2024-03-01"), eventDay - 3, false},
		{"another day, time unknown", storyline.Published{}, eventDay + 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &node{days: daysOf(map[int32]float32{eventDay: 3}), firstPub: first, lastPub: last,
				first: first.Time, last: last.Time, size: 3}
			f := &Features{Day: tt.day, HasDay: true, published: tt.published}
			if got := c.dayFactor(f, n) == 1; got != tt.want {
				t.Errorf("factor 1: %v, want %v (dateAgreement %.2f)", got, tt.want, c.dateAgreement(f, n))
			}
		})
	}
	// an event of reports whose times are unknown tells days apart
	n := &node{days: daysOf(map[int32]float32{eventDay: 3}), size: 3}
	if got := c.dayFactor(&Features{Day: eventDay + 3, HasDay: true, published: pub("2024-03-07")}, n); got == 1 {
		t.Error("an event of unpublished reports takes any day")
	}
}
