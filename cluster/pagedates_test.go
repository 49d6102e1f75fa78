package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// quakeStream: a council vote published in May, then two reports of a
// March earthquake: the stream is an archive read out of order, so a
// report without a publication has no time (untimed.go).
var quakeStream = []*storyline.Article{
	{ID: "council", Lang: "en", Published: day("2013-05-30"),
		Title: "Council approves harbour budget",
		Text:  "The city council of Marlow approved the harbour budget on Thursday after a long debate about dredging and the ferry pier."},
	{ID: "quake-a", Lang: "en", Published: day("2013-03-14"),
		Title: "Quake rattles Sonoma County early Thursday",
		Text:  "An earthquake of magnitude 4.6 rattled Sonoma County early Thursday near The Geysers, the U.S. Geological Survey said. No damage was reported in Healdsburg or Santa Rosa.",
		Dates: []storyline.DateMention{{Date: "2013-03-14", Text: "early Thursday", Start: 63, End: 77, Precision: storyline.PrecisionDay}}},
	{ID: "quake-b", Lang: "en", Published: day("2013-03-14"),
		Title: "Magnitude 4.6 earthquake recorded near Healdsburg",
		Text:  "A magnitude 4.6 earthquake was recorded near Healdsburg and The Geysers early Thursday, shaking Sonoma County and Lake County, the Geological Survey said.",
		Dates: []storyline.DateMention{{Date: "2013-03-14", Text: "early Thursday", Start: 72, End: 86, Precision: storyline.PrecisionDay}}},
}

// quakeDateline is an undated report of the same earthquake whose only
// date is its headline's.
func quakeDateline(title string) *storyline.Article {
	return &storyline.Article{ID: "quake-c", Lang: "en", Title: title,
		Text: "A 4.6-magnitude earthquake rattled Sonoma County overnight, shaking residents from San Francisco to north of Sacramento. The temblor was centered in Geyserville, north of Santa Rosa."}
}

func TestTitleDayJoinsUndatedReport(t *testing.T) {
	tests := []struct {
		title string
		join  bool
	}{
		{"March 14, 2013 - UNITED STATES -", true},
		// the control: without the headline's date the report has no
		// time, and is compared with the published reports as if far
		// apart in time
		{"UNITED STATES -", false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			c := New(Options{})
			var quake string
			for _, a := range quakeStream {
				as, _ := assign(t, c, a)
				quake = as.Event
			}
			as, _ := assign(t, c, quakeDateline(tt.title))
			if join := as.Event == quake; join != tt.join {
				t.Errorf("dateline report in %s, the earthquake's %s: joined %v, want %v", as.Event, quake, join, tt.join)
			}
		})
	}
}

func TestPostedLine(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"On behalf of Newman, Anzalone & Newman, LLP. posted in Hit and Run Accidents on ", true},
		{"Posted: ", true},
		{"POSTED: ", true},
		// the posting's line goes on with the news: a field or a
		// sentence ends between the posting and this date
		{"POSTED 04 / 02 / 07, 9: 00 PM PDT | | A convicted cop killer laughed ", false},
		{"Posted in Accidents. A woman was killed by a driver on ", false},
		{"Опубликовано в пятницу. Докеры вышли на работу в ", false},
		{"Updated 9:50 p.m. ET. Officials said on ", false},
		{"Posted by the U.S. Army on ", true},
		{"Updated at 9:50 p.m. ET ", true},
		{"PUBLISHED ", true},
		{"Published Friday, ", true},
		{"Updated Thu ", true},
		{"Опубликовано: ", true},
		{"Обновлено в ", true},
		{"Обновлён: ", true},
		{"Дата публикации: ", true},
		{"Дата публикации доклада — ", false},
		// the posting of something else, with an object: a happening
		{"The singer posted three photos of herself with her son on Instagram on ", false},
		{"Thurman posted footage of her crash on ", false},
		{"The ministry published its report on ", false},
		{"Unposted ", false},
		// a posting word modifying a noun: the publication of something
		// else, a happening
		{"A study of 4,000 runners published in The Medical Review on ", false},
		{"A newspaper poll published ", false},
		{"Researchers said the findings, published in Nature on ", false},
		{"This entry was posted in Harbour News on ", true},
		{"Page last updated at ", true},
		{"Article posted on ", true},
		// "Last modified" is a posting line; a plan modified is not
		{"Last modified on ", true},
		{"Last Modified: ", true},
		{"The council modified its plan on ", false},
		{"This page was last modified on ", true},
		// a change of a happening's, told in the passive or the
		// perfect, which a page's "modified" never is
		{"The court's ruling was modified on ", false},
		{"A plan the mayor has modified in ", false},
		// a byline dates the page
		{"By Jane Roe, ", true},
		{"BY JANE ROE AND R. DOE | ", true},
		{"By Jane Roe, Harbour Gazette - ", true},
		{"By Jane Roe\nThe ferry sank on ", false},
		{"By Friday, ", false},
		{"By contrast, ", false},
		// a writer has a given name and a surname: one capitalised word
		// is a time ("By Thanksgiving, the plant will close")
		{"By Thanksgiving, ", false},
		{"Stopped by Jane Roe, ", false},
		{"By Christmas Day, ", false},
		{"By Monday Night, ", false},
		{"By Jane Roe on ", true},
		{"By Jane Roe of The Harbour Gazette, ", true},
		{"By Jane Roe for The Harbour Gazette • ", true},
		{"By Jane Roe · ", true},
		{"By Jane of Arc, ", false},
		{"By noon on ", false},
		// a second posting of the page's, or a happening's
		{"Published March 3, 2013 and updated on ", true},
		{"The report was written and published on ", false},
		// a posting line before this one says nothing of this line's date
		{"Posted on May 24, 2005\nThe Sixers fired their coach on ", false},
		{"The spokesman said on ", false},
	}
	for _, tt := range tests {
		if got := postedLine(tt.before); got != tt.want {
			t.Errorf("postedLine(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

func TestPageDates(t *testing.T) {
	const posted = "On behalf of Newman, Anzalone & Newman, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.\nA woman was killed by a hit-and-run driver on Friday, September 13, 2013 in Queens."
	const byline = "By Jane Roe, March 20, 2013\nA ferry sank off Marlow on March 13, 2013, the coastguard said."
	const filePhoto = "The pier collapsed on March 13, 2015. In this March 20, 2015 photo, divers search the harbour."
	const theDay = "The pier collapsed on the 14th of March, 2015, the harbour master said."
	const quoted = "Residents gathered at the harbour to remember “the March 14, 2013 quake”, which killed 40."
	const ruling = "The court's ruling was modified on March 3, 2015, lawyers for the port said."
	const said = "Officials said that March 14, 2015 was the worst day of the flood."
	const study = "A study of 4,000 runners published in The Medical Review on Friday, March 13, 2015 found that knee injuries fell."
	mention := func(text, date, s string) storyline.DateMention {
		start := len([]rune(text[:strings.Index(text, s)]))
		return storyline.DateMention{Date: date, Text: s, Start: start, End: start + len([]rune(s)), Precision: storyline.PrecisionDay}
	}
	// undated is an article without a publication whose text mentions
	// the dates of dm, given as pairs of the date and its mention
	undated := func(text string, dm ...string) storyline.Article {
		a := storyline.Article{Text: text}
		for i := 0; i+1 < len(dm); i += 2 {
			a.Dates = append(a.Dates, mention(text, dm[i], dm[i+1]))
		}
		return a
	}
	tests := []struct {
		name  string
		a     storyline.Article
		want  string
		found bool
	}{
		{"undated: the day of the posting line is the page's", storyline.Article{Text: posted,
			Dates: []storyline.DateMention{mention(posted, "2013-09-20", "September 20, 2013"), mention(posted, "2013-09-13", "September 13, 2013")}},
			"2013-09-13", true},
		{"undated: the day of a byline is the page's", undated(byline, "2013-03-20", "March 20, 2013", "2013-03-13", "March 13, 2013"), "2013-03-13", true},
		{"undated: the publication of a study is a happening", undated(study, "2015-03-13", "Friday, March 13, 2015"), "2015-03-13", true},
		{"undated: a ruling modified is a happening", undated(ruling, "2015-03-03", "March 3, 2015"), "2015-03-03", true},
		{"undated: a date after the conjunction that is the happening's", undated(said, "2015-03-14", "March 14, 2015"), "2015-03-14", true},
		{"undated: a posting line's day alone is no event day", storyline.Article{Text: posted[:strings.IndexByte(posted, '\n')],
			Dates: []storyline.DateMention{mention(posted, "2013-09-20", "September 20, 2013")}},
			"", false},
		{"published: the posting line repeats the publication's day", storyline.Article{Text: "Updated at 9:50 p.m. ET Thursday\nNorth Korea fired another missile.",
			Published: day("2017-09-14"),
			Dates:     []storyline.DateMention{{Date: "2017-09-14", Text: "Thursday", Start: 24, End: 32, Precision: storyline.PrecisionDay}}},
			"2017-09-14", true},
		{"undated: a dateline headline dates the news", storyline.Article{Title: "March 14, 2013 - UNITED STATES -",
			Text: "A 4.6-magnitude earthquake rattled Northern California overnight."},
			"2013-03-14", true},
		{"undated: a headline that is a posting line dates the page", storyline.Article{Title: "Posted on March 20, 2013",
			Text: "A 4.6-magnitude earthquake rattled Northern California overnight."},
			"", false},
		{"undated: a headline's day without its year is the stream's guess", storyline.Article{Title: "Quake on March 14",
			Text: "A 4.6-magnitude earthquake rattled Northern California overnight."},
			"", false},
		{"the lead's day before the headline's", storyline.Article{Title: "Strike on May 5, 2026", Published: day("2026-05-06"),
			Text:  "Dockers walked out on Tuesday.",
			Dates: []storyline.DateMention{{Date: "2026-05-05", Text: "on Tuesday", Start: 19, End: 29, Precision: storyline.PrecisionDay}}},
			"2026-05-05", true},
		{"undated: a headline's date modifying a noun is background", storyline.Article{Title: "Ten years after the March 14, 2013 quake",
			Text: "Residents remember the night the ground shook."},
			"", false},
		{"undated: a picture's day is not the happening's", undated(filePhoto, "2015-03-13", "on March 13, 2015", "2015-03-20", "this March 20, 2015"), "2015-03-13", true},
		{"undated: a date a determiner after a curly quote makes a noun's is background", undated(quoted, "2013-03-14", "March 14, 2013"), "", false},
		{"undated: a date after a determiner without its month first is the day", undated(theDay, "2015-03-14", "14th of March, 2015"), "2015-03-14", true},
		{"published: a headline's old date is background", storyline.Article{Title: "Ten years after the March 14, 2013 quake", Published: day("2023-03-14"),
			Text: "Residents remember the night the ground shook."},
			"", false},
		{"published: a headline's recent date", storyline.Article{Title: "Dockers strike on 12 May", Published: day("2026-05-13"),
			Text: "Dockers walked out, the union said."},
			"2026-05-12", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := eventDay(&tt.a)
			if ok != tt.found {
				t.Fatalf("found %v (%s), want %v", ok, dayString(d), tt.found)
			}
			if ok {
				if got := dayString(d); got != tt.want {
					t.Errorf("day %s, want %s", got, tt.want)
				}
			}
		})
	}
}
