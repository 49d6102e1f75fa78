package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// dated is an article whose text mentions the date phrase when, as the
// date stage reads it (offsets in code points).
func dated(id, title, text, when, date string) *storyline.Article {
	start := len([]rune(text[:strings.Index(text, when)]))
	return &storyline.Article{ID: id, Lang: "en", Published: day(date), Title: title, Text: text,
		Dates: []storyline.DateMention{{Date: date, Text: when, Start: start,
			End: start + len([]rune(when)), Precision: storyline.PrecisionDay}}}
}

// TestDatesAreNoTopic: reports of unlike happenings of one day share
// their date ("on Tuesday, April 1"); written with capitals, the month
// and the weekday weighed as names, and a month's name as a rare one in
// the days after the month began. At a million reports, the reports of a
// day chained into events of thousands of happenings through them.
func TestDatesAreNoTopic(t *testing.T) {
	const when = "On Tuesday, April 1"
	rate := dated("rate", "Central bank raises key rate to 6%",
		when+", the central bank raised its key rate to 6 percent, citing inflation.", when, "2025-04-01")
	rate2 := dated("rate-2", "Key rate raised to 6% as inflation persists",
		"The central bank raised its key rate to 6 percent "+strings.ToLower(when[:1])+when[1:]+", saying inflation persists.",
		strings.ToLower(when[:1])+when[1:], "2025-04-01")
	trial := dated("trial", "Former director denies fraud as trial opens",
		when+", a former director denied embezzling from the water utility as his trial opened.", when, "2025-04-01")
	c := New(Options{})
	a, _ := assign(t, c, rate)
	b, _ := assign(t, c, trial)
	r, _ := assign(t, c, rate2)
	if b.Event == a.Event {
		t.Errorf("the trial joined the rate decision on their date alone (similarity %.3f, terms %v)", b.Why.Similarity, b.Why.Terms)
	}
	if r.Event != a.Event {
		t.Errorf("a second report of the rate decision did not join it: %+v", r.Why)
	}

	// the date's words are no terms of the article; the others are
	f := c.Prepare(trial)
	trialWord := false
	for i := range f.terms {
		switch w := f.surface(i); w {
		case "april", "tuesday", "1":
			t.Errorf("date word %q is a term", w)
		case "trial":
			trialWord = true
		}
	}
	if !trialWord {
		t.Errorf("the article lost its other words: %d terms", len(f.terms))
	}
}

func TestDateSpans(t *testing.T) {
	text := "Во вторник, 1 апреля, суд открылся. On May 2 and May 3."
	cp := func(s string) int { return len([]rune(text[:strings.Index(text, s)])) }
	dates := []storyline.DateMention{
		{Start: cp("May 3"), End: cp("May 3") + 5},
		{Start: cp("Во вторник"), End: cp("1 апреля") + len([]rune("1 апреля"))},
		{Start: cp("May 2"), End: cp("May 2") + 5},
		{Start: cp("May 2") + 4, End: cp("May 2") + 11}, // overlaps the one before
		{Start: 5, End: 5}, // empty
	}
	got := dateSpans(nil, dates)
	want := []string{"Во вторник, 1 апреля", "May 2 and May 3"}
	var gotS []string
	runes := []rune(text)
	for _, s := range got {
		gotS = append(gotS, string(runes[s.start:s.end]))
	}
	if strings.Join(gotS, "|") != strings.Join(want, "|") {
		t.Errorf("dateSpans = %q, want %q", gotS, want)
	}
}
