package cluster

import (
	"context"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

func TestLeadOrdinals(t *testing.T) {
	tests := []struct {
		name, text string
		limit      int
		want       []ordinal
	}{
		{"number", "Peter Capaldi was revealed as the 12th Doctor on Sunday.", 800, []ordinal{{"doctor", 12}}},
		{"spelled", "Capaldi was unveiled as the Twelfth Doctor.", 800, []ordinal{{"doctor", 12}}},
		{"spelled, lower case", "the actor to play the eleventh Doctor", 800, []ordinal{{"doctor", 11}}},
		{"two words of a title", "the 85th Academy Awards", 800, []ordinal{{"academy", 85}}},
		{"both holders, each once", "Capaldi, the 12th Doctor, replaces the 11th Doctor and the 12th Doctor's", 800,
			[]ordinal{{"doctor", 12}, {"doctor", 11}}},
		{"title case", "Colts Clinch 5th Seed In AFC Playoffs", 800, []ordinal{{"seed", 5}}},
		{"noun in lower case", "in the 41st minute and the sixth round", 800, nil},
		{"first: no count", "the First Lady and the first Doctor", 800, nil},
		{"a date", "died on 6th June in her sleep, and on the 3rd May", 800, nil},
		{"no ordinal", "the 12 Doctors and the 5-th Doctor", 800, nil},
		{"not a single space", "the 12th\nDoctor", 800, nil},
		{"words in capitals", "the 12th DOCTOR", 800, nil},
		{"past the limit", "Smith, 26, was named. The 11th Doctor", 20, nil},
		{"an address", "Woman Killed At 117th Street And 97th Ave. In Queens", 800, nil},
		{"an address beside a title", "the 12th Doctor was filmed on 42nd Street", 800, []ordinal{{"doctor", 12}}},
		{"units of an army", "the 2nd Battalion, 5th Marines and the 82nd Airborne Division", 800, nil},
		{"courts and articles", "The 9th Circuit, unlike the 5th Circuit, read the 2nd Amendment", 800, nil},
		{"moments of a game", "Cubs Win In 10th Inning After Rain Delay In 9th", 800, nil},
		{"spans of a happening", "Strike Enters 5th Day; 19th Century Depot Shut", 800, nil},
		{"degrees of a charge", "Driver Charged With 2nd Degree Murder", 800, nil},
		{"background", "the worst since the Second World War, said a Third World envoy", 800, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leadOrdinals(nil, tt.text, textproc.ScanWords(nil, tt.text), tt.limit)
			if !slices.Equal(got, tt.want) {
				t.Errorf("leadOrdinals = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOrdinalsApart(t *testing.T) {
	tests := []struct {
		name string
		a, b []ordinal
		want bool
	}{
		{"another holder", []ordinal{{"doctor", 11}}, []ordinal{{"doctor", 12}}, true},
		{"the same", []ordinal{{"doctor", 12}}, []ordinal{{"doctor", 12}}, false},
		{"recalling the last", []ordinal{{"doctor", 12}, {"doctor", 11}}, []ordinal{{"doctor", 11}}, false},
		{"other nouns", []ordinal{{"doctor", 11}}, []ordinal{{"academy", 85}}, false},
		{"one noun apart of two", []ordinal{{"academy", 85}, {"doctor", 11}}, []ordinal{{"academy", 85}, {"doctor", 12}}, true},
		{"none", nil, []ordinal{{"doctor", 12}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkApart(t, ordinalsApart, tt.a, tt.b, tt.want) })
	}
}

// castingReport is a report of a show's new lead, in the words every
// such report uses, naming the holder's number.
func castingReport(id, number string) *storyline.Article {
	return &storyline.Article{ID: id, Lang: "en",
		Title: "BBC names little-known actor as the new star of Doctor Who",
		Text: "The BBC said on Saturday that a little-known actor will take over the title role as the " + number +
			" Doctor in the long-running science fiction series Doctor Who, after weeks of speculation among fans. " +
			"The actor will make his debut in the Christmas special, the BBC said."}
}

// TestOrdinalGuard: reports of two castings of one show, in the same
// words, are two events when they number the title otherwise; a report
// numbering none joins either and merges neither.
func TestOrdinalGuard(t *testing.T) {
	tests := []struct {
		name, second string
		same         bool
	}{
		{"another holder", "12th", false},
		{"spelled the same", "eleventh", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			a, _ := assign(t, c, castingReport("d1", "11th"))
			b, _ := assign(t, c, castingReport("d2", tt.second))
			if got := b.Event == a.Event; got != tt.same {
				t.Errorf("report of the %s in the first's event: %v, want %v (why %+v)", tt.second, got, tt.same, b.Why)
			}
		})
	}
	c := New(Options{})
	a, _ := assign(t, c, castingReport("d1", "11th"))
	b, _ := assign(t, c, castingReport("d2", "12th"))
	d, ms := assign(t, c, castingReport("d3", "new"))
	if a.Event == b.Event || len(ms) > 0 || d.Event != a.Event && d.Event != b.Event {
		t.Errorf("a report numbering none: events %s %s, joined %s, merges %+v", a.Event, b.Event, d.Event, ms)
	}
}

// crashReport is a report of a crash in Queens, in the words every
// such report uses, naming the cross street given.
func crashReport(id, street string) *storyline.Article {
	return &storyline.Article{ID: id, Lang: "en", Published: day("2013-03-05"),
		Title: "Woman killed in Queens hit-and-run, driver charged",
		Text: "A 57-year-old grandmother was struck and killed by a hit-and-run driver near " + street +
			" in Richmond Hill, Queens, early Sunday, police said. The driver, who police said was drunk, " +
			"was arrested a few blocks away and charged with leaving the scene."}
}

// TestOrdinalGuardPlaces: reports of one crash naming other cross
// streets are one event: a street's number places, it does not count
// holders.
func TestOrdinalGuardPlaces(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, crashReport("c1", "117th Street"))
	b, _ := assign(t, c, crashReport("c2", "115th Street"))
	if a.Event != b.Event {
		t.Errorf("one crash's reports, cross streets 117th and 115th: events %s %s (why %+v)", a.Event, b.Event, b.Why)
	}
}

// TestGuardsResume: a clusterer resumed from its state keeps the
// magnitudes and the ordinals of its events.
func TestGuardsResume(t *testing.T) {
	tests := []struct {
		name          string
		first, second *storyline.Article
	}{
		{"magnitudes", quakeReport("q1", "5.6"), quakeReport("q2", "5.9")},
		{"ordinals", castingReport("d1", "11th"), castingReport("d2", "12th")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			a, _ := assign(t, c, tt.first)
			st := memState{}
			st.apply(c.Stage(), c.Pending())
			d := New(Options{})
			if err := d.Load(context.Background(), st); err != nil {
				t.Fatal(err)
			}
			if b, _ := assign(t, d, tt.second); b.Event == a.Event {
				t.Errorf("resumed: %s joined %s (why %+v)", tt.second.ID, a.Event, b.Why)
			}
		})
	}
}
