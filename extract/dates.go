package extract

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline"
)

// monthNames maps lower-case month names and abbreviations (English, and
// Russian in nominative and genitive) to months.
var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	"январь": 1, "января": 1, "янв": 1, "февраль": 2, "февраля": 2, "фев": 2,
	"март": 3, "марта": 3, "мар": 3, "апрель": 4, "апреля": 4, "апр": 4,
	"май": 5, "мая": 5, "июнь": 6, "июня": 6, "июн": 6, "июль": 7, "июля": 7,
	"июл": 7, "август": 8, "августа": 8, "авг": 8, "сентябрь": 9,
	"сентября": 9, "сен": 9, "сент": 9, "октябрь": 10, "октября": 10,
	"окт": 10, "ноябрь": 11, "ноября": 11, "ноя": 11, "нояб": 11,
	"декабрь": 12, "декабря": 12, "дек": 12,
}

// fillerWords may surround a date on a date line without making it prose.
var fillerWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "at": true,
	"last": true, "modified": true, "date": true, "am": true, "pm": true,
	"a.m": true, "p.m": true, "г": true, "года": true, "год": true, "в": true,
	"опубликовано": true, "обновлено": true,
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true,
	"thursday": true, "fri": true, "friday": true, "sat": true,
	"saturday": true, "sun": true, "sunday": true,
	"понедельник": true, "вторник": true, "среда": true, "четверг": true,
	"пятница": true, "суббота": true, "воскресенье": true,
}

// zoneOffsets are the time zone names a date line may carry, in seconds
// east of UTC.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "msk": 3 * 3600, "мск": 3 * 3600,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"pst": -8 * 3600, "pdt": -7 * 3600, "cet": 3600, "cest": 2 * 3600,
	"bst": 3600, "eet": 2 * 3600, "eest": 3 * 3600,
	"et": -5 * 3600, "ct": -6 * 3600, "mt": -7 * 3600, "pt": -8 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "akst": -9 * 3600, "akdt": -8 * 3600,
	"hst": -10 * 3600, "wet": 0, "west": 3600, "sast": 2 * 3600,
	"jst": 9 * 3600, "kst": 9 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600,
	"awst": 8 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600,
	"nzst": 12 * 3600, "nzdt": 13 * 3600,
}

// dateWord is what a word means on a date line.
type dateWord uint8

const (
	wordFiller    dateWord = iota + 1 // a weekday, connector or unit
	wordPublished                     // a label of first publication
	wordUpdated                       // a label of a later change
)

// dateWords are the words, other than months and zones, a date line holds.
var dateWords = map[string]dateWord{
	"published": wordPublished, "posted": wordPublished, "released": wordPublished, "release": wordPublished,
	"created": wordPublished, "first": wordPublished, "publication": wordPublished,
	"updated": wordUpdated, "modified": wordUpdated, "edited": wordUpdated,
	"last": wordUpdated, "update": wordUpdated,
	"опубликовано": wordPublished, "публикации": wordPublished, "опубликован": wordPublished,
	"обновлено": wordUpdated, "обновления": wordUpdated, "изменено": wordUpdated, "обновлен": wordUpdated,
	"on": wordFiller, "at": wordFiller, "article": wordFiller, "date": wordFiller, "time": wordFiller, "dated": wordFiller,
	"г": wordFiller, "года": wordFiller, "год": wordFiller, "в": wordFiller, "дата": wordFiller,
	"время": wordFiller,
	"mon":   wordFiller, "monday": wordFiller, "tue": wordFiller, "tues": wordFiller, "tuesday": wordFiller,
	"wed": wordFiller, "wednesday": wordFiller, "thu": wordFiller, "thur": wordFiller, "thurs": wordFiller,
	"thursday": wordFiller, "fri": wordFiller, "friday": wordFiller, "sat": wordFiller,
	"saturday": wordFiller, "sun": wordFiller, "sunday": wordFiller,
	"понедельник": wordFiller, "вторник": wordFiller, "среда": wordFiller, "четверг": wordFiller,
	"пятница": wordFiller, "суббота": wordFiller, "воскресенье": wordFiller,
	"пн": wordFiller, "вт": wordFiller, "ср": wordFiller, "чт": wordFiller, "пт": wordFiller,
	"сб": wordFiller, "вс": wordFiller,
}

// usZones are the American zones given without saying whether daylight
// time applies ("ET"), as hours east of UTC in standard time.
var usZones = map[string]int{"et": -5, "ct": -6, "mt": -7, "pt": -8}

// dateParts is what a date parser found.
type dateParts struct {
	year, day    int
	month        time.Month
	hour, minute int
	hasTime      bool
	zone         *int // seconds east of UTC, when a zone was given
}

// published turns complete parts into a Published, or reports false when
// the parts are not a valid calendar date.
func (p dateParts) published() (storyline.Published, bool) {
	if p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 {
		return storyline.Published{}, false
	}
	t := time.Date(p.year, p.month, p.day, 0, 0, 0, 0, time.UTC)
	if t.Day() != p.day {
		return storyline.Published{}, false
	}
	if p.hasTime && p.zone != nil {
		t = time.Date(p.year, p.month, p.day, p.hour, p.minute, 0, 0, time.FixedZone("", *p.zone))
		return storyline.Instant(t), true
	}
	return storyline.Day(t), true
}

// parseISODate parses YYYY-MM-DD, or RFC 3339, at the start of s.
func parseISODate(s string) (storyline.Published, bool) {
	// Both forms open with a four-digit year and a dash; most lines do
	// not, and a failed time.Parse costs an error value.
	if len(s) < 10 || s[4] != '-' || !isDigits(s[:4]) {
		return storyline.Published{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return storyline.Instant(t), true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return storyline.Day(t), true
	}
	return storyline.Published{}, false
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitDateWords splits a line into words at spaces, commas, '|' and
// dashes between words, keeping '.', ':' and '/' inside words.
func splitDateWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '·' || r == '•' || r == '–' || r == '—'
	})
}

// dayNumber parses a day or year number, allowing an English ordinal
// suffix ("18th").
func dayNumber(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(w) > 2 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	if w == "" || len(w) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// parseMonthDay parses a dateline's date: "December 17", "Dec. 3", "3 Dec",
// "17 декабря", optionally followed by a year.
func parseMonthDay(s string) (dateParts, bool) {
	var p dateParts
	haveMonth := false
	for _, w := range splitDateWords(s) {
		lw := strings.ToLower(strings.TrimRight(w, "."))
		if m, ok := monthNames[lw]; ok && !haveMonth {
			p.month, haveMonth = m, true
			continue
		}
		if n, ok := dayNumber(lw); ok {
			if n >= 1000 && p.year == 0 {
				p.year = n
				continue
			}
			if n >= 1 && n <= 31 && p.day == 0 {
				p.day = n
				continue
			}
		}
		if fillerWords[lw] {
			continue
		}
		return dateParts{}, false
	}
	return p, haveMonth && p.day > 0
}

// ParseDate parses a publication date as inputs give it: RFC 3339,
// YYYY-MM-DD, Unix seconds or milliseconds, RFC 1123 with a numeric
// offset, "2006-01-02 15:04:05" (a day only, the zone being unknown), or
// a date line such as "Dec 18 2021" or "Fri, 17 Dec 2021 23:30:00 EST"
// (scanDateLine, which the dates at the head of a text are read with
// too). A time is converted to UTC only with a zone it knows; a zone
// given by a name it does not know ("IST" is three zones), or none
// ("Mon Jan 2 15:04:05 2006"), leaves the day as written.
func ParseDate(s string) (storyline.Published, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return storyline.Published{}, false
	}
	if len(s) != len(time.DateOnly) {
		// What storyline.ParsePublished reads at any other length: RFC
		// 3339, without the failed YYYY-MM-DD parse and the error it
		// builds.
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return storyline.Instant(t), true
		}
	} else if p, err := storyline.ParsePublished(s); err == nil {
		return p, true
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 13 {
		// Unix time in seconds, or milliseconds when 13 digits long.
		if len(s) == 13 {
			return storyline.Instant(time.UnixMilli(n)), true
		}
		return storyline.Instant(time.Unix(n, 0)), true
	}
	for _, layout := range []string{time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return storyline.Instant(t), true
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return storyline.Day(t), true
		}
	}
	// A zone name this reader knows, to the second ("Fri, 17 Dec 2021
	// 10:30:45 GMT", feeds' and HTTP's form; a date line keeps minutes).
	for _, layout := range []string{time.RFC1123, "Mon, 2 Jan 2006 15:04:05 MST", time.RFC850, time.UnixDate} {
		if t, err := time.Parse(layout, s); err == nil {
			if name, _ := t.Zone(); knownZone(name) {
				return wallClock(t, true), true
			}
		}
	}
	if dl := scanDateLine(s); dl.kind == lineDate {
		return dl.pub, true
	}
	// Forms the date line reader does not take ("Monday, 02-Jan-06
	// 15:04:05 EST"), or with a zone name it does not know. time.Parse
	// is not trusted with a zone name: it takes the offset the machine's
	// own zone gives the name, and zero for a name the machine does not
	// know.
	for _, layout := range []string{time.RFC1123, time.RFC850, time.UnixDate, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return wallClock(t, layout != time.ANSIC), true
		}
	}
	return storyline.Published{}, false
}

// knownZone reports whether zoneOffsets holds the zone name.
func knownZone(name string) bool {
	_, ok := zoneOffsets[strings.ToLower(name)]
	return ok
}

// wallClock returns the time t's fields give in the zone named by t's
// zone abbreviation, as a date line reads the name (zoneOffsets), when
// named is set and the name is known; else the day as written.
func wallClock(t time.Time, named bool) storyline.Published {
	if named {
		name, _ := t.Zone()
		if off, ok := zoneOffsets[strings.ToLower(name)]; ok {
			return storyline.Instant(time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off)))
		}
	}
	return storyline.Day(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}
