package extract

import (
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// A date line is a line of a text's head that says when the article was
// published or updated and nothing else: "Dec 18 2021", "Posted: Friday,
// March 8, 2013 2:39 pm", "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED:
// 22:19 GMT, 7 July 2012", "Опубликовано: 17 декабря 2021, 10:30 МСК".
// Tokenised corpora space their punctuation ("9: 00 PM", "04 / 02 / 07",
// "2013 - 09 - 28", "12: 00 a. m."): the scanner reads the line as
// numbers, words and single punctuation marks, so spacing does not matter.
// Every word must be a month, weekday, label ("Published", "Last
// updated at", "Дата публикации"), connector, time zone or am/pm; a single
// other word makes the line prose, which is never a date line.

// dateSeg is one labelled part of a date line: "Posted 11/27/2005 7:21
// AM" and "Updated 11/27/2005 3:41 PM" are two.
type dateSeg struct {
	d         dateParts
	haveMonth bool
	zoneName  string // a zone given by name, resolved once the date is known
	ampm      byte   // 'a' or 'p' when the time was given on a 12-hour clock
	label     dateWord
	updated   bool // the segment's first label is of a later change
}

// complete reports whether the segment names a calendar day.
func (g *dateSeg) complete() bool { return g.haveMonth && g.day() && g.d.year != 0 }

// day reports whether the segment has a day of the month.
func (g *dateSeg) day() bool { return g.d.day != 0 }

// started reports whether the segment holds a date part or a time.
func (g *dateSeg) started() bool { return g.haveMonth || g.d.day != 0 || g.d.year != 0 || g.d.hasTime }

// dateLineKind is what scanDateLine found a line to be. A date line
// without a year dates nothing: the year a text mentions most is too
// often another (an earlier fight, a former trial).
type dateLineKind uint8

const (
	notDateLine  dateLineKind = iota
	lineDate                  // a complete date, with time maybe
	lineYearless              // a month and day, with a time or a label, but no year
	lineMeta                  // a labelled time without a date ("Updated 14:03 GMT")
)

// dateLine is a scanned date line.
type dateLine struct {
	kind    dateLineKind
	pub     storyline.Published // for lineDate
	updated bool                // the date given is a later change's
}

// scanDateLine reads line as a date line. It returns the first segment
// that names a day (its publication date when it is labelled so or not
// labelled at all); later segments ("| UPDATED: ...") must read as date
// parts too, and are otherwise ignored.
func scanDateLine(line string) dateLine {
	line = trimSpaceASCII(line)
	if line == "" || len(line) > maxDateLine && utf8.RuneCountInString(line) > maxDateLine || !opensDateLine(line) || !hasDigit(line) {
		// Every date line opens with a number or a date word, and has
		// a number.
		return dateLine{}
	}
	if p, ok := parseISODate(line); ok {
		return dateLine{kind: lineDate, pub: p}
	}
	var tokBuf [maxDateToks]dateTok
	toks, ok := tokenizeDate(tokBuf[:0], line)
	if !ok {
		return dateLine{}
	}
	var segs [4]dateSeg
	n := 1
	g := &segs[0]
	var lw [40]byte
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokPunct:
			if (t.s == "+" || t.s == "-") && g.d.hasTime && g.d.zone == nil && g.zoneName == "" && i+1 < len(toks) && toks[i+1].kind == tokNum && !toks[i+1].spaced {
				// "+0300", "-05", "+03:00" after a time; "10:30 - 12
				// March" is a separator.
				if off, k, ok := numericOffset(t.s, toks[i+1:]); ok {
					g.d.zone = &off
					i += k
				}
			}
			continue
		case tokNum:
			k, ok := g.number(toks, i)
			if !ok {
				return dateLine{}
			}
			i += k - 1
			continue
		}
		w := lowerWord(lw[:], t.s)
		if w == nil {
			return dateLine{}
		}
		if m, ok := monthNames[string(w)]; ok && !g.haveMonth {
			g.d.month, g.haveMonth = m, true
			continue
		}
		if kind, ok := dateWords[string(w)]; ok {
			if kind != wordFiller {
				if g.started() && (g.complete() || g.d.hasTime) {
					// A new label after a date or time opens the next
					// segment: "Posted ... Updated ...".
					if n == len(segs) {
						return dateLine{}
					}
					g = &segs[n]
					n++
				}
				if g.label == 0 && !g.started() {
					g.label = kind
					g.updated = kind == wordUpdated
				}
			}
			continue
		}
		if g.d.hasTime {
			if _, ok := zoneOffsets[string(w)]; ok {
				if g.zoneName == "" && g.d.zone == nil {
					g.zoneName = t.s
				}
				continue
			}
			if string(w) == "uk" {
				continue
			}
		}
		return dateLine{}
	}
	// the first complete segment that is not an update ("Updated: Oct 3
	// | Published: Oct 2" is published Oct 2), else the first update
	first := -1
	for i := range n {
		g := &segs[i]
		if g.d.hasTime {
			g.twelveHour()
			g.resolveZone()
		}
		if !g.complete() {
			continue
		}
		if first < 0 {
			first = i
		}
		if !g.updated {
			first = i
			break
		}
	}
	if first >= 0 {
		g := &segs[first]
		p, ok := g.d.published()
		if !ok {
			return dateLine{}
		}
		return dateLine{kind: lineDate, pub: p, updated: g.updated}
	}
	g = &segs[0]
	switch {
	case g.haveMonth && g.day() && g.d.year == 0 && (g.d.hasTime || g.label != 0) && n == 1:
		return dateLine{kind: lineYearless, updated: g.updated}
	case !g.haveMonth && g.d.day == 0 && g.d.year == 0 && g.d.hasTime && g.label != 0:
		return dateLine{kind: lineMeta, updated: g.updated}
	}
	return dateLine{}
}

// number reads the number at toks[i] as part of a date or a time and
// returns how many tokens it took, or false when it fits no part left.
func (g *dateSeg) number(toks []dateTok, i int) (int, bool) {
	t := toks[i]
	at := func(k int, kind dateTokKind, s string) bool {
		return i+k < len(toks) && toks[i+k].kind == kind && (s == "" || toks[i+k].s == s)
	}
	// A time: "9:00", "23:37:00", "9.15pm"; a time given with a period
	// ("09.15") only after a complete date or before am/pm.
	if len(t.s) <= 2 && t.n <= 23 && at(2, tokNum, "") && len(toks[i+2].s) == 2 && toks[i+2].n <= 59 &&
		(at(1, tokPunct, ":") || at(1, tokPunct, ".") && (g.complete() || at(3, tokWord, "") && ampm(toks[i+3].s) != 0)) {
		if g.d.hasTime {
			return 0, false
		}
		g.d.hour, g.d.minute, g.d.hasTime = t.n, toks[i+2].n, true
		k := 3
		if at(3, tokPunct, ":") && at(4, tokNum, "") && len(toks[i+4].s) == 2 && toks[i+4].n <= 59 {
			k = 5
		}
		if at(k, tokWord, "") {
			switch a := ampm(toks[i+k].s); a {
			case 'a', 'p':
				g.ampm = a
				k++
			case 'A', 'P':
				// "5:03p", or "a. m.", "p.m.": the letter, a period, "m".
				g.ampm = a + 'a' - 'A'
				k++
				if at(k, tokPunct, ".") && at(k+1, tokWord, "") && (toks[i+k+1].s == "m" || toks[i+k+1].s == "M") {
					k += 2
				}
			}
		}
		if g.ampm != 0 && (t.n > 12 || t.n == 0) {
			return 0, false
		}
		return k, true
	}
	// A time of four digits before its zone: "0947 GMT", and the same
	// time in another zone after it: "0947 GMT (1747 HKT)".
	if len(t.s) == 4 && t.n/100 <= 23 && t.n%100 <= 59 && at(1, tokWord, "") && isZone(toks[i+1].s) {
		switch {
		case !g.d.hasTime:
			g.d.hour, g.d.minute, g.d.hasTime = t.n/100, t.n%100, true
			return 1, true
		case i > 0 && toks[i-1].s == "(" && (g.zoneName != "" || g.d.zone != nil):
			return 2, true
		}
	}
	// A numeric date: "18.12.2021", "04 / 02 / 07", "2013 - 09 - 28".
	if at(1, tokPunct, "") && at(2, tokNum, "") && at(3, tokPunct, toks[i+1].s) && at(4, tokNum, "") {
		sep := toks[i+1].s
		if sep == "." || sep == "/" || sep == "-" {
			q, ok := numericParts(t, toks[i+2], toks[i+4], sep)
			if ok && !g.haveMonth && g.d.year == 0 && g.d.day == 0 {
				g.d.year, g.d.month, g.d.day, g.haveMonth = q.year, q.month, q.day, true
				return 5, true
			}
			if sep != "-" {
				return 0, false
			}
		}
	}
	// A day with an ordinal suffix: "18th", "24TH".
	if at(1, tokWord, "") {
		switch suf := toks[i+1].s; suf {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			if t.n >= 1 && t.n <= 31 && len(t.s) <= 2 && g.d.day == 0 {
				g.d.day = t.n
				return 2, true
			}
			return 0, false
		}
	}
	switch {
	case len(t.s) == 4 && t.n >= 1000 && g.d.year == 0:
		g.d.year = t.n
	case len(t.s) <= 2 && t.n >= 1 && t.n <= 31 && g.d.day == 0:
		g.d.day = t.n
	default:
		return 0, false
	}
	return 1, true
}

// isZone reports whether w names a time zone.
func isZone(w string) bool {
	var buf [8]byte
	lw := lowerWord(buf[:], w)
	if lw == nil {
		return false
	}
	_, ok := zoneOffsets[string(lw)]
	return ok
}

// ampm reads a word after a time: 'a' or 'p' for "am", "pm", "a", "p"
// (in any case), 'A' or 'P' for the "a" or "p" of a spaced "a. m.",
// else 0.
func ampm(w string) byte {
	switch w {
	case "am", "AM", "Am":
		return 'a'
	case "pm", "PM", "Pm":
		return 'p'
	case "a", "A":
		return 'A'
	case "p", "P":
		return 'P'
	}
	return 0
}

// twelveHour turns a 12-hour clock time into a 24-hour one. A lone "a"
// or "p" after the time ("5:03p") is taken for am or pm.
func (g *dateSeg) twelveHour() {
	switch g.ampm {
	case 'p':
		if g.d.hour < 12 {
			g.d.hour += 12
		}
	case 'a':
		if g.d.hour == 12 {
			g.d.hour = 0
		}
	}
}

// resolveZone sets the zone offset from its name: a named American zone
// without standard or daylight ("ET") takes the one in force on the day.
func (g *dateSeg) resolveZone() {
	if g.zoneName == "" || g.d.zone != nil {
		return
	}
	var buf [8]byte
	name := string(lowerWord(buf[:], g.zoneName))
	off := zoneOffsets[name]
	if h, ok := usZones[name]; ok && g.complete() {
		off = h * 3600
		if usDaylight(g.d.year, g.d.month, g.d.day) {
			off += 3600
		}
	}
	g.d.zone = &off
}

// usDaylight reports whether American daylight saving time is in force
// on a day: since 2007 from the second Sunday of March to the first
// Sunday of November, before from the first Sunday of April to the last
// Sunday of October.
func usDaylight(year int, month time.Month, day int) bool {
	nthSunday := func(m time.Month, n int) int {
		first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 1 + (7-int(first))%7 + 7*(n-1)
	}
	start, end := time.Date(year, time.March, nthSunday(time.March, 2), 0, 0, 0, 0, time.UTC),
		time.Date(year, time.November, nthSunday(time.November, 1), 0, 0, 0, 0, time.UTC)
	if year < 2007 {
		last := nthSunday(time.October, 4)
		if last+7 <= 31 {
			last += 7
		}
		start, end = time.Date(year, time.April, nthSunday(time.April, 1), 0, 0, 0, 0, time.UTC),
			time.Date(year, time.October, last, 0, 0, 0, 0, time.UTC)
	}
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return !d.Before(start) && d.Before(end)
}

// numericOffset reads the digits of a numeric zone after its sign: "0300",
// "03", "03:00". It returns the offset and how many tokens after the sign
// it took.
func numericOffset(sign string, toks []dateTok) (int, int, bool) {
	h, m, k := toks[0].n, 0, 1
	switch len(toks[0].s) {
	case 4:
		h, m = toks[0].n/100, toks[0].n%100
	case 2:
		if len(toks) >= 3 && toks[1].s == ":" && toks[2].kind == tokNum && len(toks[2].s) == 2 {
			m, k = toks[2].n, 3
		}
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 {
		return 0, 0, false
	}
	off := h*3600 + m*60
	if sign == "-" {
		off = -off
	}
	return off, k, true
}

// numericParts reads a numeric date given as three numbers and their
// separator: YYYY-MM-DD or YYYY/MM/DD; DD.MM.YYYY; with slashes MM/DD/YYYY,
// or DD/MM/YYYY when the first is over 12, and a two-digit year (20YY
// below 70, else 19YY) as American pages print it. Dashes with the year
// last, and periods with a two-digit year, are not dates.
func numericParts(a, b, c dateTok, sep string) (dateParts, bool) {
	switch {
	case len(a.s) == 4 && sep != ".":
		return dateParts{year: a.n, month: time.Month(b.n), day: c.n}, len(b.s) <= 2 && len(c.s) <= 2
	case len(a.s) > 2 || len(b.s) > 2 || sep == "-":
		return dateParts{}, false
	case sep == ".":
		return dateParts{year: c.n, month: time.Month(b.n), day: a.n}, len(c.s) == 4
	}
	year := c.n
	switch len(c.s) {
	case 4:
	case 2:
		year = 2000 + c.n
		if c.n >= 70 {
			year = 1900 + c.n
		}
	default:
		return dateParts{}, false
	}
	if a.n > 12 {
		return dateParts{year: year, month: time.Month(b.n), day: a.n}, true
	}
	return dateParts{year: year, month: time.Month(a.n), day: b.n}, true
}
