package extract

import (
	"testing"
	"time"
)

// TestParseDateZonedUTC checks that a zoned time an input's date field
// gives is read as the UTC instant it names (dates are UTC, DESIGN.md),
// whichever form it comes in and whatever zone the machine runs in:
// ParseDate reads zone names as the date lines at the head of a text are
// read (scanDateLine), not by time.Parse, which takes the offset the
// machine's own zone gives the name, and zero for a name the machine
// does not know (on a machine in UTC, "23:30 EST" was read as 23:30 UTC,
// the wrong day).
func TestParseDateZonedUTC(t *testing.T) {
	tests := []struct {
		in, want string
		why      string
	}{
		{"Mon, 02 Jan 2006 23:30:00 EST", "2006-01-03T04:30:00Z", "EST is UTC-5: 23:30 on the 2nd is 04:30 UTC on the 3rd"},
		{"Mon, 2 Jan 2006 23:30:00 EST", "2006-01-03T04:30:00Z", "the same with a one-digit day (a date line before, as now both)"},
		{"Mon, 02 Jan 2006 23:30:00 PST", "2006-01-03T07:30:00Z", "PST is UTC-8"},
		{"Tue, 03 Jan 2006 01:30:00 CET", "2006-01-03T00:30:00Z", "CET is UTC+1: the same day"},
		{"Tue, 03 Jan 2006 00:30:00 CET", "2006-01-02T23:30:00Z", "CET is UTC+1: half past midnight is the day before in UTC"},
		{"Tue, 03 Jan 2006 01:30:00 MSK", "2006-01-02T22:30:00Z", "MSK is UTC+3"},
		{"Mon, 02 Jan 2006 23:30:00 GMT", "2006-01-02T23:30:00Z", "GMT is UTC"},
		{"Mon, 02 Jan 2006 23:30:00 UTC", "2006-01-02T23:30:00Z", "UTC"},
		{"Mon, 02 Jan 2006 23:30:00 -0500", "2006-01-03T04:30:00Z", "a numeric offset, as before"},
		{"Monday, 02-Jan-06 23:30:00 EST", "2006-01-03T04:30:00Z", "RFC 850, which no date line reads: the zone name as date lines read it"},
		{"Mon Jan  2 23:30:00 EST 2006", "2006-01-03T04:30:00Z", "Unix date(1) form"},
		{"Sun, 01 Jul 2012 22:07:00 EDT", "2012-07-02T02:07:00Z", "EDT is UTC-4"},
		{"Mon Jan  2 23:30:00 2006", "2006-01-02", "no zone: the day as written, not 23:30 taken for UTC"},
		{"Mon, 02 Jan 2006 23:30:00 IST", "2006-01-02", "IST names three zones: the day as written"},
		{"2006-01-02 23:30:00", "2006-01-02", "no zone: the day as written, as before"},
		{"Fri, 17 Dec 2021 10:30:45 GMT", "2021-12-17T10:30:45Z", "feeds' and HTTP's form keeps its seconds"},
		{"Friday, 17-Dec-21 10:30:45 GMT", "2021-12-17T10:30:45Z", "so does RFC 850: two spellings of one time agree"},
		{"Fri, 17 Dec 2021 10:30:45 EST", "2021-12-17T15:30:45Z", "seconds and a zone name"},
	}
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	for _, local := range []*time.Location{time.UTC, time.FixedZone("EST", -5*3600), time.FixedZone("CET", 3600)} {
		time.Local = local
		for _, tc := range tests {
			p, ok := ParseDate(tc.in)
			if got := p.String(); !ok || got != tc.want {
				t.Errorf("machine in %s: ParseDate(%q) = %q %v, want %q (%s)", local, tc.in, got, ok, tc.want, tc.why)
			}
		}
	}
}
