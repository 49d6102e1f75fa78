package dates

import (
	"time"

	"github.com/storyline-news/storyline/textproc"
)

// months maps month names and their abbreviations, English and Russian in
// every case, to the month.
var months = map[string]time.Month{}

// weekdays maps weekday names, English and Russian, to the weekday.
var weekdays = map[string]time.Weekday{}

// dateWords are the words a date pattern can start with, but for
// numbers: months, weekdays, relative days and the words of relative
// phrases and holidays.
var dateWords = map[string]bool{"this": true, "last": true, "next": true, "этом": true, "прошлом": true,
	"следующем": true, "new": true, "christmas": true, "нового": true}

func init() {
	for i, forms := range [][]string{
		{"january", "jan", "январь", "января", "январе"},
		{"february", "feb", "февраль", "февраля", "феврале"},
		{"march", "mar", "март", "марта", "марте"},
		{"april", "apr", "апрель", "апреля", "апреле"},
		{"may", "май", "мая", "мае"},
		{"june", "jun", "июнь", "июня", "июне"},
		{"july", "jul", "июль", "июля", "июле"},
		{"august", "aug", "август", "августа", "августе"},
		{"september", "sep", "sept", "сентябрь", "сентября", "сентябре"},
		{"october", "oct", "октябрь", "октября", "октябре"},
		{"november", "nov", "ноябрь", "ноября", "ноябре"},
		{"december", "dec", "декабрь", "декабря", "декабре"},
	} {
		for _, f := range forms {
			months[f] = time.Month(i + 1)
		}
	}
	for i, forms := range [][]string{
		{"sunday", "воскресенье"},
		{"monday", "понедельник"},
		{"tuesday", "вторник"},
		{"wednesday", "среду", "среда"},
		{"thursday", "четверг"},
		{"friday", "пятницу", "пятница"},
		{"saturday", "субботу", "суббота"},
	} {
		for _, f := range forms {
			weekdays[f] = time.Weekday(i)
			weekdays[f+"'s"] = time.Weekday(i)
		}
	}
	for w := range months {
		dateWords[w] = true
	}
	for w := range weekdays {
		dateWords[w] = true
	}
	for w := range relDays {
		dateWords[w] = true
	}
	dateFilter = textproc.NewWordFilter(dateWords)
	dateIndex = newWordIndex(dateWords, months)
}

// dateFilter passes the words that may be in dateWords; dateIndex finds
// them.
var (
	dateFilter *textproc.WordFilter
	dateIndex  *wordIndex
)

// lead are words that may open a date phrase and belong to its text.
var lead = map[string]bool{"on": true, "in": true, "since": true, "by": true, "until": true,
	"after": true, "before": true, "from": true, "during": true, "early": true, "late": true,
	"mid": true, "earlier": true, "later": true, "last": true, "next": true, "this": true,
	"в": true, "во": true, "с": true, "до": true, "к": true, "после": true, "of": true}

// monthLead are the words that make a bare month name a date ("in May"),
// not a verb or a modal.
var monthLead = map[string]bool{"in": true, "since": true, "by": true, "until": true, "from": true,
	"during": true, "early": true, "late": true, "mid": true, "last": true, "next": true,
	"this": true, "of": true, "в": true, "с": true, "до": true, "к": true}

// dayParts follow a relative day ("yesterday evening").
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true,
	"вечером": true, "утром": true, "днем": true, "ночью": true}

// relDays are days relative to publication.
var relDays = map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
	"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}
