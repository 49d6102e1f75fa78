// Package dates finds the dates an article mentions — "on Friday",
// "Tuesday's conversation", "on December 7", "yesterday evening",
// "earlier this month", "after the New Year holidays", "7 декабря" — and
// resolves them against the article's publication date.
//
// It is a rule-based recognizer over textproc tokens, English and Russian.
// A month name is a date only next to a day number or a year, or after a
// word like "in" or "since", so the modal "may" or a sentence-initial
// "March" are not dates; relative phrases are only resolved when the
// publication date is known. (go-dateparser's free-text search was tried
// for this and rejected: it reads ordinary words such as "may", "we" and
// "Now" as dates and costs far more per article.)
package dates

import (
	"slices"
	"strconv"
	"time"
	"unicode"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Find returns the dates text mentions, in text order, resolved against
// pub. Mentions that need a reference date are skipped when pub is zero.
func Find(text string, pub storyline.Published) []storyline.DateMention {
	return FindTokens([]rune(text), textproc.Tokenize(nil, text), pub)
}

// FindTokens is Find over a text already split into code points and
// textproc tokens, for callers that have them.
func FindTokens(runes []rune, toks []textproc.Token, pub storyline.Published) []storyline.DateMention {
	return FindTokensRef(runes, toks, pub, storyline.Published{})
}

// FindTokensRef is FindTokens for an article that may have no publication
// date: when pub is zero, ref (the latest publication date known around
// the article, say in its stream) supplies the year of a day written
// without one ("on December 7"). A year is robust to ref being days or
// weeks off; a weekday or "yesterday" is not, so relative phrases still
// need pub.
func FindTokensRef(runes []rune, toks []textproc.Token, pub, ref storyline.Published) []storyline.DateMention {
	return FindSliced(runes, toks, nil, pub, ref)
}

// FindSliced is FindTokensRef for a caller that can take the text between
// two code point offsets without copying it (as entities.Doc.Slice does):
// slice(start, end) must return string(runes[start:end]). The mentions'
// Text then shares the article's memory. A nil slice copies.
func FindSliced(runes []rune, toks []textproc.Token, slice func(start, end int) string, pub, ref storyline.Published) []storyline.DateMention {
	f := finder{toks: toks, text: runes, pub: storyline.Day(pub.Time).Time, hasPub: !pub.IsZero()}
	if !ref.IsZero() {
		f.ref, f.hasRef = storyline.Day(ref.Time).Time, true
	}
	var buf [16]storyline.DateMention // most articles mention fewer dates
	out := buf[:0]
	for i := 0; i < len(toks); {
		if t := toks[i].Term; t == "" || (t[0] < '0' || t[0] > '9') && !dateFilter.May(t) {
			i++ // the common case, without a call
			continue
		} else if (t[0] < '0' || t[0] > '9') && !isDateWord(t) {
			i++
			continue
		}
		m, next, ok := f.at(i)
		if !ok {
			i++
			continue
		}
		if slice != nil {
			m.Text = slice(m.Start, m.End)
		} else {
			m.Text = string(runes[m.Start:m.End])
		}
		out = append(out, m)
		i = next
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

type finder struct {
	toks   []textproc.Token
	text   []rune
	pub    time.Time
	hasPub bool
	// ref stands in for pub when inferring a year, when pub is unknown.
	ref    time.Time
	hasRef bool
	// year is the year of pub, or else of ref, latest two months after
	// that date, the latest a day without a year may fall, and earliest
	// a year before latest, which such a day must fall after
	// (inferYear); set when inferring is.
	year             int
	latest, earliest time.Time
	inferring        bool
	// days caches the last days formatted, as an article names the same
	// day again and again.
	days [4]struct {
		t time.Time
		s string
	}
	nextDay int
}

// dayString returns t.Format(time.DateOnly).
func (f *finder) dayString(t time.Time) string {
	for _, d := range f.days {
		if d.s != "" && d.t == t { // the same instant and location
			return d.s
		}
	}
	s := t.Format(time.DateOnly)
	f.days[f.nextDay] = struct {
		t time.Time
		s string
	}{t, s}
	f.nextDay = (f.nextDay + 1) % len(f.days)
	return s
}

func (f *finder) term(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Term
}

// adjacent reports whether tokens i and i+1 are separated by white space
// and at most a comma or full stop.
func (f *finder) adjacent(i int) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	gap := f.text[f.toks[i].End:f.toks[i+1].Start]
	if len(gap) > 3 {
		return false
	}
	for _, r := range gap {
		if r != ' ' && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

func number(s string, lo, hi int) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n >= lo && n <= hi
}

// mention builds a mention over tokens [from, to], widened to a leading
// preposition or modifier.
func (f *finder) mention(from, to int, date string, p storyline.Precision) (storyline.DateMention, int, bool) {
	if from > 0 && lead[f.term(from-1)] && f.adjacent(from-1) {
		from--
	}
	return storyline.DateMention{Date: date, Start: f.toks[from].Start, End: f.toks[to].End, Precision: p}, to + 1, true
}

// isDateWord reports whether t is one of dateWords. A date pattern may
// start with a number or with one of them.
func isDateWord(t string) bool { return dateIndex.find(t) >= 0 }

// at tries every pattern at token i, whose term is a number or a date
// word.
func (f *finder) at(i int) (storyline.DateMention, int, bool) {
	t := f.term(i)
	// ISO 2021-12-07 (tokenized as one token with hyphens) and 07.12.2021
	if len(t) == 10 && t[4] == '-' && t[7] == '-' {
		if d, err := time.Parse(time.DateOnly, t); err == nil {
			return f.mention(i, i, f.dayString(d), storyline.PrecisionDay)
		}
	}
	digits := '0' <= t[0] && t[0] <= '9' // no word pattern starts here
	if day, ok := number(t, 1, 31); ok {
		// 7 December [2021]
		if m, ok := month(f.term(i + 1)); ok && f.adjacent(i) {
			if y, ok := number(f.term(i+2), 1900, 2100); ok && f.adjacent(i+1) {
				return f.day(i, i+2, y, m, day)
			}
			if y, ok := f.inferYear(m, day); ok {
				return f.day(i, i+1, y, m, day)
			}
		}
		// 07.12.2021
		if mo, ok := number(f.term(i+1), 1, 12); ok && f.gapIs(i, ".") && f.gapIs(i+1, ".") {
			if y, ok := number(f.term(i+2), 1900, 2100); ok {
				return f.day(i, i+2, y, time.Month(mo), day)
			}
		}
	}
	// a month's name, asked only of a word: most tokens here are numbers
	m, ok := time.Month(0), false
	if !digits {
		m, ok = month(t)
	}
	if ok && f.toks[i].End-f.toks[i].Start >= 3 {
		capital := unicode.IsUpper(f.text[f.toks[i].Start])
		cyr := t[0] >= 0xd0
		if !capital && !cyr {
			return storyline.DateMention{}, 0, false
		}
		// December 7[, 2021]
		if day, ok := number(f.term(i+1), 1, 31); ok && f.adjacent(i) {
			if y, ok := number(f.term(i+2), 1900, 2100); ok && f.adjacent(i+1) {
				return f.day(i, i+2, y, m, day)
			}
			if y, ok := f.inferYear(m, day); ok {
				return f.day(i, i+1, y, m, day)
			}
		}
		// December 2021
		if y, ok := number(f.term(i+1), 1900, 2100); ok && f.adjacent(i) {
			return f.mention(i, i+1, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), storyline.PrecisionMonth)
		}
		// in December
		if monthLead[f.term(i-1)] {
			if y, ok := f.inferYear(m, 1); ok {
				return f.mention(i, i, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), storyline.PrecisionMonth)
			}
		}
		return storyline.DateMention{}, 0, false
	}
	// in 2021, в 2021 году
	if y, ok := number(t, 1900, 2100); ok && len(t) == 4 {
		prev, next := f.term(i-1), f.term(i+1)
		if monthLead[prev] || prev == "of" || next == "году" || next == "года" || next == "год" {
			to := i
			if next == "году" || next == "года" || next == "год" {
				to++
			}
			return f.mention(i, to, strconv.Itoa(y), storyline.PrecisionYear)
		}
	}
	if !f.hasPub || digits {
		return storyline.DateMention{}, 0, false
	}
	return f.relative(i)
}

// month returns the month t names, if it names one; most terms are
// turned away without a map lookup.
func month(t string) (time.Month, bool) {
	if t == "" || !dateFilter.May(t) {
		return 0, false
	}
	if id := dateIndex.find(t); id >= 0 && dateIndex.month[id] != 0 {
		return dateIndex.month[id], true
	}
	return 0, false
}

func (f *finder) gapIs(i int, s string) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	gap := f.text[f.toks[i].End:f.toks[i+1].Start]
	for _, r := range s {
		if len(gap) == 0 || gap[0] != r {
			return false
		}
		gap = gap[1:]
	}
	return len(gap) == 0
}

func (f *finder) day(from, to, y int, m time.Month, d int) (storyline.DateMention, int, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m {
		return storyline.DateMention{}, 0, false // 31 November
	}
	if to+1 < len(f.toks) && (f.term(to+1) == "года" || f.term(to+1) == "г") {
		to++
	}
	return f.mention(from, to, f.dayString(t), storyline.PrecisionDay)
}

// inferYear places a day without a year within about ten months before
// and two months after publication, where news mentions fall.
func (f *finder) inferYear(m time.Month, d int) (int, bool) {
	if !f.inferring {
		// the year and the bound of the article's date, worked out
		// once: an article names several days without a year
		at := f.pub
		switch {
		case f.hasPub:
		case f.hasRef:
			at = f.ref
		default:
			return 0, false
		}
		f.year, f.latest, f.inferring = at.Year(), at.AddDate(0, 2, 0), true
		f.earliest = f.latest.AddDate(-1, 0, 0)
	}
	y := f.year
	switch t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); {
	case t.After(f.latest):
		y--
	case !t.After(f.earliest):
		// early in the next year: "January 5" in a December report
		y++
	}
	return y, true
}
