package cluster

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline"
)

// leadSpan is how far into the text, in code points, a mentioned date
// still tells when the reported happening took place ("… said on
// Friday", "on December 7, the presidents …"); later dates are
// background.
const leadSpan = 400

// recentDays is how long before its publication a date its lead
// mentions can still be the day of the happening an article reports. News
// leads with what happened in the last days (a weekend included); an
// older date in the lead is context: the ruling a year before, the
// holiday since which a couple had been apart.
const recentDays = 3

// eventDay returns the day, counted from the Unix epoch, of the
// happening an article reports: the latest full date its lead mentions
// that is neither after its publication nor more than recentDays before
// it; when the lead mentions none, the latest such date of its title
// (titleDay). News is the newest thing a lead tells; the dates before it
// are background ("In this Dec. 13, 2016, file photo, …", "after the
// collapse on March 2, the inquiry opened on March 4"), and a date still
// to come is an announcement, not the happening. An article without a
// publication does not take the date of the line telling when its page
// was posted (postedLine) for the happening's: nothing tells how long
// after it the page was put up, nor a date a determiner makes a noun's
// ("the March 14, 2013 quake", "this Dec. 13, 2016 photo": namesPast),
// which only the window above sets aside when the publication is known.
// With a publication known, a posting line repeats its day, which the
// window admits. ok is false when neither lead nor title mentions one.
func eventDay(a *storyline.Article) (day int32, ok bool) {
	var latest time.Time
	var at, off int // a.Text[at:] starts at code point off
	for _, d := range a.Dates {
		if d.Start >= leadSpan {
			break
		}
		if d.Precision != storyline.PrecisionDay || !yearKnown(a, d) {
			continue
		}
		if a.Published.IsZero() {
			if at, off = skipRunes(a.Text, at, off, d.Start); postedLine(a.Text[:at]) || namesPast(a.Text[:at], d.Text) {
				continue
			}
		}
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			continue
		}
		if !recent(a, t) {
			continue
		}
		if t.After(latest) {
			latest = t
		}
	}
	if latest.IsZero() {
		latest = titleDay(a)
	}
	if latest.IsZero() {
		return 0, false
	}
	return int32(latest.Unix() / 86400), true
}

// recent reports whether a day a report mentions may be the day of the
// happening it reports: neither after its publication nor more than
// recentDays before it (any day, when the publication is unknown).
func recent(a *storyline.Article, t time.Time) bool {
	p := a.Published.Time
	return a.Published.IsZero() || !t.After(p.Add(24*time.Hour)) && !t.Before(p.AddDate(0, 0, -recentDays))
}

// yearKnown reports whether the year of a mentioned date is the
// article's own: counted from its publication, or written out. The reader
// lends an undated article the stream's latest year for "on December 2";
// a good guess in a live stream, a wrong one for an archive, so it does
// not count as the day of the happening.
func yearKnown(a *storyline.Article, d storyline.DateMention) bool {
	if !a.Published.IsZero() {
		return true
	}
	digits := 0
	for _, r := range d.Text {
		if r >= '0' && r <= '9' {
			if digits++; digits == 4 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}

// dayShare: a day stands for an event when at least one of this many of
// the days its reports give is that day.
const dayShare = 4

// maxEventDays bounds the days an event remembers.
const maxEventDays = 16

// addDay counts an article's event day into an event's days.
func addDay(n *node, f *Features) {
	if !f.HasDay {
		return
	}
	n.days = n.days.add(f.Day, 1)
	if len(n.days) > maxEventDays {
		// forget the least counted day (ties: the earliest)
		drop := 0
		for i, d := range n.days {
			if dr := n.days[drop]; d.k < dr.k || (d.k == dr.k && d.day < dr.day) {
				drop = i
			}
		}
		last := len(n.days) - 1
		n.days[drop] = n.days[last]
		n.days = n.days[:last]
	}
}

// dayCounts counts the event days of an event's members, in no order:
// an event remembers few (maxEventDays), and a slice of them is read
// for each candidate event (dateAgreement) several times faster than a
// map.
type dayCounts []dayCount

// dayCount is one day (days since the Unix epoch) and its count.
type dayCount struct {
	day int32
	k   float32
}

// add adds k to the count of day and returns ds.
func (ds dayCounts) add(day int32, k float32) dayCounts {
	for i := range ds {
		if ds[i].day == day {
			ds[i].k += k
			return ds
		}
	}
	return append(ds, dayCount{day, k})
}

// daysOf is the dayCounts of a state's map.
func daysOf(m map[int32]float32) dayCounts {
	var ds dayCounts
	for d, k := range m {
		ds = append(ds, dayCount{d, k})
	}
	return ds
}

// dateAgreement is the factor in [DateFloor, 1] by which an event's
// similarity to an article shrinks when the article's event day is none
// of the days its members report (give or take one, for time zones and
// next-day reports): two happenings of one story (the collapse, then the
// inquiry) share words and names but not their day.
func (c *Clusterer) dateAgreement(f *Features, n *node) float64 {
	if !f.HasDay || len(n.days) == 0 {
		return 1
	}
	// the days that stand for the event: those a fair share of its
	// reports give, and the one most give. A day a single report among
	// many gave does not make its day the event's.
	var total, most float32
	for _, d := range n.days {
		total += d.k
		most = max(most, d.k)
	}
	gap := int32(math.MaxInt32)
	for _, d := range n.days {
		if d.k < most && d.k*dayShare < total {
			continue
		}
		g := d.day - f.Day
		if g < 0 {
			g = -g
		}
		gap = min(gap, g)
	}
	if gap <= 1 {
		return 1
	}
	fl := c.opts.DateFloor
	return fl + (1-fl)*math.Exp(-float64(gap-1)/2)
}

// dayFactor is the factor by which an event's similarity to an article
// shrinks for their days: dateAgreement, but 1 for an article published
// while the event is being reported (from its first published member's
// time to its last's, both included). A report leads with the day of its
// latest development (the toll rose on Wednesday, the suspect was
// charged on Thursday), not the day the event's first reports led with;
// published among the event's own reports, it is compared with them by
// its words, names and people alone, whichever way its day lies. Published
// before or after them, an article whose day is none of the event's
// reports another happening of the story: the collapse, then the
// inquiry. The waiver leans on publication times: with times of day, a
// report published after the event's latest is judged by its day; with
// dates alone (midnight), a report of the same day as the latest is not.
// An article does not bind to its event another one whose days are not
// its own (otherDay).
func (c *Clusterer) dayFactor(f *Features, n *node) float64 {
	if sameNews(f.published, n, 0) {
		return 1
	}
	return c.dateAgreement(f, n)
}

// weekdayStems maps the start of a weekday's name, in the languages the
// analyzers know, to the weekday. Matching starts covers inflected
// forms ("Tuesday's", "в среду", "пятницу").
var weekdayStems = []struct {
	stem, title string
	day         time.Weekday
}{
	{"monday", "Monday", time.Monday}, {"tuesday", "Tuesday", time.Tuesday},
	{"wednesday", "Wednesday", time.Wednesday}, {"thursday", "Thursday", time.Thursday},
	{"friday", "Friday", time.Friday}, {"saturday", "Saturday", time.Saturday},
	{"sunday", "Sunday", time.Sunday},
	{"понедельник", "Понедельник", time.Monday}, {"вторник", "Вторник", time.Tuesday},
	{"сред", "Сред", time.Wednesday}, {"четверг", "Четверг", time.Thursday},
	{"пятниц", "Пятниц", time.Friday}, {"суббот", "Суббот", time.Saturday},
	{"воскресен", "Воскресен", time.Sunday},
}

// leadWeekday returns the weekday the lead of text first names ("said on
// Friday", "Tuesday's conversation"), for articles whose dates could
// not be resolved (no publication to count from): what day of the week
// the happening took place is evidence still. The weekday of a line
// telling when the page was posted (postedLine) is the page's, not the
// happening's, and is passed over. ok is false when the lead names none.
func leadWeekday(text string) (day time.Weekday, ok bool) {
	lead := text
	if len(lead) > 2*leadSpan { // bytes; a lead of Cyrillic takes two per letter
		lead = lead[:2*leadSpan]
	}
	at := len(lead)
	// English: a capitalised word ending in "day"
	for off := 0; ; {
		i := strings.Index(lead[off:], "day")
		if i < 0 {
			break
		}
		end := off + i + 3
		start := end - 3
		for start > 0 && lead[start-1] >= 'a' && lead[start-1] <= 'z' {
			start--
		}
		if start > 0 && start < end && lead[start-1] >= 'A' && lead[start-1] <= 'Z' {
			w := lead[start-1 : end]
			for _, s := range weekdayStems[:7] {
				if w == s.title && (start-1 == 0 || !isLetterByte(lead[start-2])) && !postedLine(lead[:start-1]) {
					day, ok, at = s.day, true, start-1
					break
				}
			}
		}
		if ok {
			break
		}
		off = end
	}
	// Russian: only when the lead has non-ASCII letters
	if !hasNonASCII(lead[:at]) {
		return day, ok
	}
	for _, s := range weekdayStems[7:] {
		for _, form := range [2]string{s.stem, s.title} {
			if j, found := russianWeekday(lead[:at], form, s.stem == "сред"); found {
				day, ok, at = s.day, true, j
			}
		}
	}
	return day, ok
}

// russianWeekday returns where in lead a weekday's form (a stem, or the
// stem with a capital) is first written as the start of a word outside a
// posting line (postedLine); wednesday asks for the inflections of
// "среда" alone. An occurrence passed over does not hide a later one:
// "опубликовано в пятницу" is the page's Friday, and the happening's
// may follow ("докеры вышли на работу в пятницу").
func russianWeekday(lead, form string, wednesday bool) (at int, ok bool) {
	for from := 0; ; {
		i := strings.Index(lead[from:], form)
		if i < 0 {
			return 0, false
		}
		j := from + i
		from = j + len(form)
		if (j > 0 && isLetterByte(lead[j-1])) || postedLine(lead[:j]) {
			continue
		}
		w := lead[j:]
		if e := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); e >= 0 {
			w = w[:e]
		}
		if w = strings.ToLower(w); wednesday && w != "среда" && w != "среду" {
			continue // "среди", "средства", "в среде"
		}
		return j, true
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// isLetterByte reports whether b is an ASCII letter or part of a
// multi-byte character (taken for a letter).
func isLetterByte(b byte) bool { return b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z') }

// weekdayAgreement is dayFactor on the weekday alone, for an article or
// an event whose days are unknown: DateFloor when no member's weekday
// is within one of the article's, else 1; and 1 for an article published
// while the event is being reported (sameNews), whose weekday may be
// that of a later development, as its day may (dayFactor).
func (c *Clusterer) weekdayAgreement(f *Features, n *node) float64 {
	if sameNews(f.published, n, 0) {
		return 1
	}
	return c.weekdayMatch(f, n)
}

// weekdayMatch is weekdayAgreement without its waiver: whether the
// article's weekday is, give or take one, one that stands for event n.
func (c *Clusterer) weekdayMatch(f *Features, n *node) float64 {
	w, ok := f.weekday()
	if !ok {
		return 1
	}
	var total, most float32
	for _, k := range n.weekdays {
		total += k
		most = max(most, k)
	}
	if total == 0 {
		return 1
	}
	for d, k := range n.weekdays {
		if k == 0 || (k < most && k*dayShare < total) {
			continue // not a weekday that stands for the event
		}
		g := (int(w) - d + 7) % 7
		if g <= 1 || g == 6 {
			return 1
		}
	}
	return c.opts.DateFloor
}

// otherDay reports whether the article's day is none of event n's, or,
// when either's days are unknown, its weekday none of n's: the test
// scoring applies (dayFactor, weekdayAgreement) without their waiver
// for a report published among the event's, for the events an article
// would bind to the one it joins (see AssignPrepared).
func (c *Clusterer) otherDay(f *Features, n *node) bool {
	if f.HasDay && len(n.days) > 0 {
		return c.dateAgreement(f, n) < 1
	}
	return c.weekdayMatch(f, n) < 1
}

// weekday is the weekday of the article's event day, or the one its lead
// names.
func (f *Features) weekday() (time.Weekday, bool) {
	if f.HasDay {
		return time.Unix(int64(f.Day)*86400, 0).UTC().Weekday(), true
	}
	return f.Weekday, f.HasWeekday
}

// addWeekday counts an article's weekday into event n.
func addWeekday(n *node, f *Features) {
	if w, ok := f.weekday(); ok {
		n.weekdays[w]++
	}
}
