package extract

import (
	"strings"
	"testing"
	"time"
)

// TestScanDateLine covers the date lines of news pages, plain and
// tokenised (spaced punctuation), labelled, with times before or after the
// date, and lines that are not date lines.
func TestScanDateLine(t *testing.T) {
	tests := []struct {
		in      string
		kind    dateLineKind
		want    string // Published as a string, for lineDate
		updated bool
	}{
		// Bare dates, as the former parser read them.
		{in: "Dec 18 2021", kind: lineDate, want: "2021-12-18"},
		{in: "December 18, 2021 10:30 GMT", kind: lineDate, want: "2021-12-18T10:30:00Z"},
		{in: "18 December 2021", kind: lineDate, want: "2021-12-18"},
		{in: "17 декабря 2021 г.", kind: lineDate, want: "2021-12-17"},
		{in: "2021-12-18", kind: lineDate, want: "2021-12-18"},
		{in: "18.12.2021", kind: lineDate, want: "2021-12-18"},
		{in: "Monday, 18 December 2021, 09.15 BST", kind: lineDate, want: "2021-12-18T08:15:00Z"},
		{in: "Dec 18 2021 10:30 +0300", kind: lineDate, want: "2021-12-18T07:30:00Z"},
		{in: "Dec 18 2021 10:30 -05:00", kind: lineDate, want: "2021-12-18T15:30:00Z"},
		{in: "10:30 - 12 March 2013", kind: lineDate, want: "2013-03-12"},
		{in: "THURSDAY, OCTOBER 3, 2019", kind: lineDate, want: "2019-10-03"},
		// Labels and 12-hour times in their spellings.
		{in: "Published: 4:15 PM EST, Tue Feb 4, 2014", kind: lineDate, want: "2014-02-04T21:15:00Z"},
		{in: "Posted: Tuesday, February 4, 2014 4:15 pm", kind: lineDate, want: "2014-02-04"},
		{in: "Updated: February 5, 2014, 8:02 AM ET", kind: lineDate, want: "2014-02-05T13:02:00Z", updated: true},
		{in: "Updated: August 5, 2014, 8:02 AM ET", kind: lineDate, want: "2014-08-05T12:02:00Z", updated: true},
		{in: "February 5, 2014 at 12:07 AM", kind: lineDate, want: "2014-02-05"},
		{in: "Published: Wed, Feb. 5 2014 12: 00 a. m. MST", kind: lineDate, want: "2014-02-05T07:00:00Z"},
		{in: "on Feb 5 2014, 7: 41p", kind: lineDate, want: "2014-02-05"},
		{in: "Posted on: 7: 41 pm, February 5, 2014", kind: lineDate, want: "2014-02-05"},
		{in: "Published 10: 02 PM CST Feb 5, 2014", kind: lineDate, want: "2014-02-06T04:02:00Z"},
		{in: "Last updated at 08: 40, Wednesday, 5 February 2014", kind: lineDate, want: "2014-02-05", updated: true},
		{in: "February 5, 2014|11: 58 pm", kind: lineDate, want: "2014-02-05"},
		{in: "Wed 5 Feb 2014, 7: 12am AEST", kind: lineDate, want: "2014-02-04T21:12:00Z"},
		{in: "9: 30pm UK, Wednesday 05 February 2014", kind: lineDate, want: "2014-02-05"},
		{in: "FEBRUARY 5, 2014 10: 12PM", kind: lineDate, want: "2014-02-05"},
		{in: "Feb. 5 2014 | 3: 10 p. m.", kind: lineDate, want: "2014-02-05"},
		{in: "WEDNESDAY, FEBRUARY 5TH, 2014 AT 10: 40 AM", kind: lineDate, want: "2014-02-05"},
		{in: "Sunday, February 9 - 2014 at 16: 05", kind: lineDate, want: "2014-02-09"},
		{in: "(February 9, 2014) - -", kind: lineDate, want: "2014-02-09"},
		// Numeric dates, spaced or not, and their orders.
		{in: "POSTED: 03 / 05 / 14, 8: 00 PM PST |", kind: lineDate, want: "2014-03-06T04:00:00Z"},
		{in: "Updated 10 / 22 / 2014 02: 05 PM", kind: lineDate, want: "2014-10-22", updated: true},
		{in: "Released 2014 - 10 - 22 06: 09", kind: lineDate, want: "2014-10-22"},
		{in: "published: 2014 - 10 - 22 13: 48: 02", kind: lineDate, want: "2014-10-22"},
		{in: "On Wed, 22 / 10 / 2014 - 13: 40", kind: lineDate, want: "2014-10-22"},
		{in: "Story posted on 22. 10. 2014", kind: notDateLine},
		{in: "Article posted on 22. 10. 2014", kind: lineDate, want: "2014-10-22"},
		{in: "First Posted 21: 08: 00 10 / 22 / 2014", kind: lineDate, want: "2014-10-22"},
		{in: "10 / 22 / 14", kind: lineDate, want: "2014-10-22"},
		{in: "10.22.14", kind: notDateLine},
		{in: "22 - 10 - 2014", kind: notDateLine},
		// A first date wins over the update after it.
		{in: "PUBLISHED TUESDAY, OCTOBER 21, 2014 AT 9: 05 AM / UPDATED AT 9: 14 AM", kind: lineDate, want: "2014-10-21"},
		{in: "Posted 10 / 21 / 2014 7: 02 AM Updated 10 / 22 / 2014 3: 50 PM", kind: lineDate, want: "2014-10-21"},
		{in: "PUBLISHED: 23: 10 GMT, 21 October 2014 | UPDATED: 08: 01 GMT, 22 October 2014", kind: lineDate, want: "2014-10-21T23:10:00Z"},
		{in: "Posted October 21, 2014 - 4: 12pm Updated October 22, 2014 - 7: 31am", kind: lineDate, want: "2014-10-21"},
		{in: "Updated: October 23, 2014 | Published: October 21, 2014", kind: lineDate, want: "2014-10-21"},
		{in: "Updated 23 October 2014 | First published 21 October 2014", kind: lineDate, want: "2014-10-21"},
		{in: "Обновлено 18 декабря 2021 года в 12:00 | Опубликовано 17 декабря 2021 года в 10:30", kind: lineDate, want: "2021-12-17"},
		{in: "21 October 2014 Last updated at 18: 12 GMT", kind: lineDate, want: "2014-10-21"},
		{in: "Edited time: October 22, 2014 01: 05", kind: lineDate, want: "2014-10-22", updated: true},
		{in: "October 21, 2014 - - Updated 0812 GMT (1612 HKT)", kind: lineDate, want: "2014-10-21"},
		{in: "Updated 0812 GMT (1612 HKT) October 21, 2014", kind: lineDate, want: "2014-10-21T08:12:00Z", updated: true},
		{in: "Release: 10 / 21 / 2014", kind: lineDate, want: "2014-10-21"},
		{in: "2014 GMT", kind: notDateLine},
		// Russian.
		{in: "Опубликовано: 17 декабря 2021, 10:30 МСК", kind: lineDate, want: "2021-12-17T07:30:00Z"},
		{in: "Обновлено 18.12.2021 в 09:15", kind: lineDate, want: "2021-12-18", updated: true},
		{in: "Дата публикации: 17.12.2021", kind: lineDate, want: "2021-12-17"},
		{in: "пятница, 17 декабря 2021 г.", kind: lineDate, want: "2021-12-17"},
		// No year: kept for the text's year to resolve; a time alone.
		{in: "Oct. 21 5: 07 PM EDT", kind: lineYearless},
		{in: "Updated Wednesday, Oct 22 at 6: 15 PM", kind: lineYearless, updated: true},
		{in: "Last updated at 18: 12 GMT", kind: lineMeta, updated: true},
		{in: "Updated 14:03 GMT", kind: lineMeta, updated: true},
		// Not date lines: prose, other numbers, incomplete dates.
		{in: "18 December", kind: notDateLine},
		{in: "On Dec 18", kind: notDateLine},
		{in: "December 2021", kind: notDateLine},
		{in: "10:30 GMT", kind: notDateLine},
		{in: "The talks began on December 18, 2021.", kind: notDateLine},
		{in: "He was born on May 5, 1961 in Ohio", kind: notDateLine},
		{in: "End of Watch: Friday, June 24, 2005", kind: notDateLine},
		{in: "March 14, 2013 - UNITED STATES -", kind: notDateLine},
		{in: "Posted 2 years, 10 days ago", kind: notDateLine},
		{in: "4. 6 magnitude quake recorded", kind: notDateLine},
		{in: "Colts beat Chiefs 20 - 13", kind: notDateLine},
		{in: "February 30, 2014", kind: notDateLine},
		{in: "February 5, 2014 13:07 PM", kind: notDateLine},
		{in: "Dec 18 2021 Dec 19 2021", kind: notDateLine},
		{in: "12345 Main Street", kind: notDateLine},
	}
	for _, tc := range tests {
		got := scanDateLine(tc.in)
		if got.kind != tc.kind || got.updated != tc.updated {
			t.Errorf("scanDateLine(%q) = kind %d updated %v, want kind %d updated %v", tc.in, got.kind, got.updated, tc.kind, tc.updated)
			continue
		}
		if tc.kind == lineDate && got.pub.String() != tc.want {
			t.Errorf("scanDateLine(%q) = %s, want %s", tc.in, got.pub, tc.want)
		}
	}
}

// TestUSDaylight checks the American daylight saving rules before and
// since 2007.
func TestUSDaylight(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{2013, time.March, 9, false}, {2013, time.March, 10, true}, {2013, time.November, 2, true},
		{2013, time.November, 3, false}, {2005, time.April, 2, false}, {2005, time.April, 3, true},
		{2005, time.October, 29, true}, {2005, time.October, 30, false}, {2005, time.December, 20, false},
	}
	for _, tc := range tests {
		if got := usDaylight(tc.y, tc.m, tc.d); got != tc.want {
			t.Errorf("usDaylight(%d-%02d-%02d) = %v, want %v", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}

// BenchmarkScanDateLine reads a mix of date lines, titles and sentences,
// as the heads of texts give them; one iteration is one line.
func BenchmarkScanDateLine(b *testing.B) {
	lines := []string{
		"Posted: 10 / 21 / 2014 7: 02 AM PDT",
		"PUBLISHED: 23: 10 GMT, 21 October 2014 | UPDATED: 08: 01 GMT, 22 October 2014",
		"Tuesday, October 21, 2014",
		"Harbour board approves dredging plan for 2015",
		"Colts beat Chiefs 20 - 13 to clinch playoff berth",
		"The board voted on Wednesday to dredge the channel, a plan years in the making.",
		"Опубликовано: 17 декабря 2021, 10:30 МСК",
		"Talks in Geneva",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		scanDateLine(lines[i%len(lines)])
		i++
	}
}

// TestDateVocab: every word of the vocabulary is in lower case and fits
// knownDateWord's buffer, so that each can be found.
func TestDateVocab(t *testing.T) {
	for w := range dateVocab {
		if len(w) > maxDateWord || strings.ToLower(w) != w || !knownDateWord(strings.ToUpper(w)) {
			t.Errorf("vocabulary word %q: %d bytes (at most %d), lower case, found in upper case", w, len(w), maxDateWord)
		}
	}
}
