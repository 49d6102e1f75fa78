package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestLeadMagnitudes(t *testing.T) {
	tests := []struct {
		name, title, text string
		cyrillic          bool
		want              []int16
	}{
		{"figure before the word", "A 5.6 magnitude earthquake hit an island", "", false, []int16{56}},
		{"hyphenated", "", "A strong 5.6-magnitude earthquake jolted the island.", false, []int16{56}},
		{"hyphen apart", "", "A strong 5.6 -magnitude earthquake jolted the island.", false, []int16{56}},
		{"word before the figure", "", "Iran's state television says a magnitude-5.2 quake has injured three people.", false, []int16{52}},
		{"capital", "Magnitude 4.6 Earthquake Shakes Up North Bay", "", false, []int16{46}},
		{"linking words", "", "An earthquake with a magnitude of at least 5.9 hit southern Iran.", false, []int16{59}},
		{"put at", "", "The survey put the quake's magnitude at 6.1, the centre at 5.9.", false, []int16{61}},
		{"Richter scale", "", "An earthquake measuring 5.6 on the Richter scale jolted the island.", false, []int16{56}},
		{"Richter scale, degrees", "", "It measured 5.8 degrees on the Richter scale.", false, []int16{58}},
		{"tokenised decimals", "", "The 6. 1 - magnitude quake struck, after a magnitude - 5. 9 one.", false, []int16{61, 59}},
		{"two agencies, title first", "Quake of magnitude 6.1 hits island",
			"Tehran's centre put the magnitude at 5.9.", false, []int16{61, 59}},
		{"each once", "A 5.6 magnitude quake", "A 5.6 magnitude earthquake hit the island.", false, []int16{56}},
		{"two decimals rounded", "", "A magnitude 6.25 quake", false, []int16{63}},
		{"whole number: no figure", "", "A magnitude 6 quake can cause severe damage.", false, nil},
		{"whole number before a comma", "", "It had magnitude 5, 6 people said.", false, nil},
		{"plural: a series", "", "Aftershocks with magnitudes ranging from 3.6 to 4.3 followed.", false, nil},
		{"end of a range", "", "Aftershocks measured from 2.8 to 3.8 on the Richter scale.", false, nil},
		{"other words between", "", "The magnitude of the damage was 5.6 million dollars.", false, nil},
		{"unrelated figure before", "", "Shares rose 5.6 percent; the magnitude of the rally surprised.", false, nil},
		{"a word containing it", "", "The magnitudes 5.6 and 6.1", false, nil},
		{"out of range", "", "A magnitude 12.5 reading", false, nil},
		{"beyond the lead", "", strings.Repeat("The villagers spent the night in tents. ", 25) +
			"A magnitude 6.1 quake struck the area in September.", false, nil},
		{"English words in Russian text", "", "A 5.6 magnitude earthquake", true, nil},
		{"Russian", "", "Землетрясение магнитудой 5,6 произошло на острове.", true, []int16{56}},
		{"Russian, linking word", "", "Магнитуда около 6,1 по данным службы.", true, []int16{61}},
		{"Russian, Richter", "", "Толчки силой 5,8 балла по шкале Рихтера ощущались в городе.", true, []int16{58}},
		{"Russian, range", "", "Афтершоки от 3,1 до 4,2 по шкале Рихтера.", true, nil},
		{"an aftershock's, after", "", "A 6.1 magnitude quake hit; a 5.9-magnitude aftershock followed.", false, []int16{61}},
		{"an aftershock's, before", "", "An aftershock measuring 4.8 on the Richter scale shook the island.", false, nil},
		{"an aftershock's, words between", "", "An aftershock with a magnitude of 4.8 shook the island.", false, nil},
		{"aftershocks further on", "", "A 6.1 magnitude quake hit the island and was followed by aftershocks.", false, []int16{61}},
		{"aftershocks in a title", "Aftershocks Rattle Island After 6.1 Magnitude Quake", "", false, []int16{61}},
		{"Russian, an aftershock's", "", "Афтершок магнитудой 4,8 ощущался на острове.", true, nil},
		{"a past quake's, since", "", "It was the strongest since a 6.8-magnitude quake struck Bam.", false, nil},
		{"a past quake's, year before", "", "It recalled the 2011 magnitude 9.0 quake.", false, nil},
		{"a past quake's, year after", "", "It recalled a 9.0-magnitude quake and tsunami in March 2011.", false, nil},
		{"this quake's, a date before", "", "On March 11, 2011 a magnitude 9.0 quake struck.", false, []int16{90}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leadMagnitudes(nil, tt.title, tt.text, tt.cyrillic)
			if !slices.Equal(got, tt.want) {
				t.Errorf("leadMagnitudes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMagnitudesApart(t *testing.T) {
	tests := []struct {
		name string
		a, b []int16
		want bool
	}{
		{"another quake", []int16{56}, []int16{59}, true},
		{"revised", []int16{56}, []int16{57}, false},
		{"another agency", []int16{59}, []int16{61}, false},
		{"one figure shared", []int16{56, 61}, []int16{61, 64}, false},
		{"none close", []int16{52, 54}, []int16{59, 61}, true},
		{"a large quake, another agency", []int16{70}, []int16{73}, false},
		{"a large quake, scales apart", []int16{66}, []int16{70}, false},
		{"two large quakes", []int16{70}, []int16{78}, true},
		{"article states none", nil, []int16{59}, false},
		{"event states none", []int16{56}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkApart(t, magnitudesApart, tt.a, tt.b, tt.want) })
	}
}

// checkApart checks that apart(a, b) and apart(b, a) are want: the
// guards hold both ways.
func checkApart[T any](t *testing.T, apart func(a, b []T) bool, a, b []T, want bool) {
	t.Helper()
	if got := apart(a, b); got != want {
		t.Errorf("apart(%v, %v) = %v, want %v", a, b, got, want)
	}
	if got := apart(b, a); got != want {
		t.Errorf("apart(%v, %v) = %v, want %v", b, a, got, want)
	}
}

// quakeReport is a report of an earthquake on one island, in the words
// every report of such a quake uses, stating the magnitude given.
func quakeReport(id, magnitude string) *storyline.Article {
	return &storyline.Article{ID: id, Lang: "en", Published: day("2024-03-04"),
		Title: "Quake jolts Qeshm island off southern Iran, villages damaged",
		Text: "A " + magnitude + " magnitude earthquake jolted Qeshm island off Iran's southern coast on Sunday, " +
			"damaging houses in several villages near Dargahan and injuring villagers, Iranian state media said. " +
			"The Qeshm governor said relief teams and tents were sent to the villages."}
}

// TestMagnitudeGuard: reports of one island's quakes, in the same words,
// are two events when their magnitudes disagree, one when a magnitude is
// revised, and a report stating none joins either; the event keeps the
// magnitudes of its members, so that a report stating another agency's
// reading close to one of them joins it.
func TestMagnitudeGuard(t *testing.T) {
	tests := []struct {
		name       string
		second     string // the second report's magnitude
		aftershock bool   // the second reports an aftershock of that magnitude
		same       bool
	}{
		{"another quake", "5.9", false, false},
		{"a revision", "5.7", false, true},
		{"the same reading", "5.6", false, true},
		{"an aftershock", "4.8", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			a, _ := assign(t, c, quakeReport("q1", "5.6"))
			r := quakeReport("q2", tt.second)
			if tt.aftershock {
				r.Text = strings.Replace(r.Text, "magnitude earthquake", "magnitude aftershock", 1)
			}
			b, _ := assign(t, c, r)
			if got := b.Event == a.Event; got != tt.same {
				t.Errorf("second report (magnitude %s) in the first's event: %v, want %v (why %+v)", tt.second, got, tt.same, b.Why)
			}
		})
	}
}

// TestMagnitudeGuardMerge: a report stating no magnitude, close to two
// events of one island's two quakes, does not merge them.
func TestMagnitudeGuardMerge(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, quakeReport("q1", "5.6"))
	b, _ := assign(t, c, quakeReport("q2", "5.9"))
	if a.Event == b.Event {
		t.Fatalf("two quakes in one event %s", a.Event)
	}
	r := quakeReport("q3", "")
	r.Text = strings.Replace(r.Text, "A  magnitude earthquake", "An earthquake", 1)
	d, ms := assign(t, c, r)
	if len(ms) > 0 {
		t.Errorf("report stating no magnitude merged the quakes: %+v", ms)
	}
	if d.Event != a.Event && d.Event != b.Event {
		t.Errorf("report stating no magnitude joined neither quake: %s (why %+v)", d.Event, d.Why)
	}
}
