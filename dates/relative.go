package dates

import (
	"time"
	"unicode"

	storyline "github.com/storyline-news/storyline"
)

// relative resolves phrases that need the publication date.
func (f *finder) relative(i int) (storyline.DateMention, int, bool) {
	t := f.term(i)
	pub := f.pub
	prev := f.term(i - 1)
	if wd, ok := weekdays[t]; ok {
		capital := unicode.IsUpper(f.text[f.toks[i].Start])
		cyr := t[0] >= 0xd0
		if !capital && !cyr {
			return storyline.DateMention{}, 0, false
		}
		var d time.Time
		switch prev {
		case "next", "следующий", "следующую", "следующее":
			d = pub.AddDate(0, 0, 1)
			for d.Weekday() != wd {
				d = d.AddDate(0, 0, 1)
			}
		case "last", "прошлый", "прошлую", "прошлое":
			d = pub.AddDate(0, 0, -1)
			for d.Weekday() != wd {
				d = d.AddDate(0, 0, -1)
			}
		default:
			// news reports the past: the latest such day up to publication
			d = pub
			for d.Weekday() != wd {
				d = d.AddDate(0, 0, -1)
			}
		}
		return f.mention(i, i, f.dayString(d), storyline.PrecisionDay)
	}
	if off, ok := relDays[t]; ok {
		to := i
		if dayParts[f.term(i+1)] {
			to++
		}
		return f.mention(i, to, f.dayString(pub.AddDate(0, 0, off)), storyline.PrecisionDay)
	}
	// this/last/next month/year, earlier this month, в прошлом году
	if unit := f.term(i + 1); t == "this" || t == "last" || t == "next" || t == "этом" || t == "прошлом" || t == "следующем" {
		var step int
		switch t {
		case "last", "прошлом":
			step = -1
		case "next", "следующем":
			step = 1
		}
		from := i
		if p := f.term(i - 1); p == "earlier" || p == "later" || p == "в" || p == "early" || p == "late" {
			from--
		}
		switch unit {
		case "month", "месяце":
			d := time.Date(pub.Year(), pub.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
			return f.mentionExact(from, i+1, d.Format("2006-01"), storyline.PrecisionMonth)
		case "year", "году":
			return f.mentionExact(from, i+1, time.Date(pub.Year()+step, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), storyline.PrecisionYear)
		}
	}
	// the New Year (holidays), New Year's Eve, Christmas
	if t == "new" && f.term(i+1) == "year" || t == "new" && f.term(i+1) == "year's" {
		to := i + 1
		d := nearest(pub, time.January, 1)
		if f.term(i+1) == "year's" && f.term(i+2) == "eve" {
			to++
			d = d.AddDate(0, 0, -1)
		} else if f.term(i+2) == "holidays" || f.term(i+2) == "holiday" {
			to++
		}
		from := i
		if f.term(i-1) == "the" {
			from--
		}
		return f.mention(from, to, f.dayString(d), storyline.PrecisionDay)
	}
	if t == "christmas" {
		return f.mention(i, i, f.dayString(nearest(pub, time.December, 25)), storyline.PrecisionDay)
	}
	if t == "нового" && f.term(i+1) == "года" {
		return f.mention(i, i+1, f.dayString(nearest(pub, time.January, 1)), storyline.PrecisionDay)
	}
	return storyline.DateMention{}, 0, false
}

// mentionExact is mention without widening.
func (f *finder) mentionExact(from, to int, date string, p storyline.Precision) (storyline.DateMention, int, bool) {
	return storyline.DateMention{Date: date, Start: f.toks[from].Start, End: f.toks[to].End, Precision: p}, to + 1, true
}

// nearest returns the date with month m and day d closest to pub.
func nearest(pub time.Time, m time.Month, d int) time.Time {
	best := time.Time{}
	for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
		c := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if best.IsZero() || absDur(c.Sub(pub)) < absDur(best.Sub(pub)) {
			best = c
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
