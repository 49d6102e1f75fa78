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
	"et": -5 * 3600, "ct": -6 * 3600, "pt": -8 * 3600,
}

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

// parseDateLine reports whether line is nothing but a date (with optional
// weekday, time, zone and words such as "Published"), and the date.
// It accepts "Dec 18 2021", "December 18, 2021 10:30 GMT", "18 December
// 2021", "17 декабря 2021 г.", "2021-12-18", "18.12.2021".
func parseDateLine(line string) (storyline.Published, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 80 || !strings.ContainsAny(line, "0123456789") {
		// Every date has a year in digits.
		return storyline.Published{}, false
	}
	if p, ok := parseISODate(line); ok {
		return p, true
	}
	var p dateParts
	haveMonth := false
	for _, w := range splitDateWords(line) {
		lw := strings.ToLower(strings.TrimRight(w, ".:"))
		if lw == "" || lw == "-" {
			continue
		}
		if strings.HasSuffix(lw, ":") {
			lw = strings.TrimSuffix(lw, ":")
		}
		if m, ok := monthNames[lw]; ok && !haveMonth {
			p.month, haveMonth = m, true
			continue
		}
		if fillerWords[lw] {
			continue
		}
		if off, ok := zoneOffsets[lw]; ok && p.hasTime {
			p.zone = &off
			continue
		}
		if n, ok := dayNumber(lw); ok {
			switch {
			case n >= 1000 && p.year == 0:
				p.year = n
			case n >= 1 && n <= 31 && p.day == 0:
				p.day = n
			default:
				return storyline.Published{}, false
			}
			continue
		}
		if h, m, ok := clockTime(lw); ok && !p.hasTime {
			p.hour, p.minute, p.hasTime = h, m, true
			continue
		}
		if q, ok := numericDate(lw); ok && p.year == 0 && !haveMonth {
			p.year, p.month, p.day, haveMonth = q.year, q.month, q.day, true
			continue
		}
		if off, ok := numericZone(lw); ok && p.hasTime {
			p.zone = &off
			continue
		}
		if h, m, ok := clockTime(strings.Replace(lw, ".", ":", 1)); ok && !p.hasTime && p.year != 0 && p.day != 0 && haveMonth {
			// "09.15" after a complete date is a time (Guardian style).
			p.hour, p.minute, p.hasTime = h, m, true
			continue
		}
		return storyline.Published{}, false
	}
	if !haveMonth {
		return storyline.Published{}, false
	}
	if p.hasTime && strings.Contains(strings.ToLower(line), "pm") && p.hour < 12 {
		p.hour += 12
	}
	return p.published()
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

// clockTime parses "10:30", "10:30:15" or "10.30" is not accepted (it is
// ambiguous with dates).
func clockTime(w string) (int, int, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "am"), "pm")
	parts := strings.Split(w, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h > 23 || m > 59 || len(parts[1]) != 2 {
		return 0, 0, false
	}
	return h, m, true
}

// numericZone parses "+0300", "+03:00" or "-05".
func numericZone(w string) (int, bool) {
	if len(w) < 3 || (w[0] != '+' && w[0] != '-') {
		return 0, false
	}
	d := strings.ReplaceAll(w[1:], ":", "")
	if len(d) != 2 && len(d) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(d)
	if err != nil {
		return 0, false
	}
	h, m := n, 0
	if len(d) == 4 {
		h, m = n/100, n%100
	}
	off := h*3600 + m*60
	if w[0] == '-' {
		off = -off
	}
	return off, true
}

// numericDate parses DD.MM.YYYY, YYYY/MM/DD, YYYY-MM-DD, and DD/MM/YYYY or
// MM/DD/YYYY when the day is over 12 and so unambiguous.
func numericDate(w string) (dateParts, bool) {
	var parts []string
	switch {
	case strings.Count(w, ".") == 2:
		parts = strings.Split(w, ".")
	case strings.Count(w, "/") == 2:
		parts = strings.Split(w, "/")
	case strings.Count(w, "-") == 2 && len(w) == 10 && w[4] == '-':
		parts = strings.Split(w, "-")
	default:
		return dateParts{}, false
	}
	n := make([]int, 3)
	for i, s := range parts {
		v, err := strconv.Atoi(s)
		if err != nil {
			return dateParts{}, false
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4:
		return dateParts{year: n[0], month: time.Month(n[1]), day: n[2]}, true
	case len(parts[2]) != 4:
		return dateParts{}, false
	case strings.Contains(w, "."):
		return dateParts{year: n[2], month: time.Month(n[1]), day: n[0]}, true
	case n[0] > 12:
		return dateParts{year: n[2], month: time.Month(n[1]), day: n[0]}, true
	case n[1] > 12:
		return dateParts{year: n[2], month: time.Month(n[0]), day: n[1]}, true
	}
	return dateParts{}, false
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
// YYYY-MM-DD, Unix seconds or milliseconds, RFC 1123 (feeds, HTTP), "2006-01-02 15:04:05" (a day only,
// the zone being unknown), or a date line such as "Dec 18 2021".
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
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return storyline.Instant(t), true
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return storyline.Day(t), true
		}
	}
	return parseDateLine(s)
}
