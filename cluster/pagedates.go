package cluster

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dates"
)

// A page gives dates that are not the day of what it reports, and
// leaves out of its text one that is. A blog post or an archived page
// says when it was put up ("posted in Pedestrian Accidents on Wednesday,
// September 18, 2013", "Updated at 9:50 p.m. ET Thursday"): the day of
// the page, which may be a week after the crash it reports. A headline
// that is a dateline ("March 14, 2013 - UNITED STATES -") dates the news
// as a lead would, but the reader reads the text, not the title. The
// event day (eventDay) and the lead's weekday (leadWeekday) read a page
// as a careful reader does: not the posting line's day for the
// happening's, and the title's when the lead gives none.

// titleDay is the latest full date the title mentions that may be the
// day of the happening (as eventDay judges the lead's), or the zero
// time. A headline that is a dateline ("March 14, 2013 - UNITED STATES
// -") or names the day ("Bank strike on May 5") dates the news as the
// lead would; the reader reads the text, not the title, so its dates
// are found here.
func titleDay(a *storyline.Article) time.Time {
	if strings.IndexFunc(a.Title, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return time.Time{} // a full date has a day number
	}
	var latest time.Time
	var at, off int // a.Title[at:] starts at code point off
	for _, d := range dates.Find(a.Title, a.Published) {
		if d.Precision != storyline.PrecisionDay || !yearKnown(a, d) {
			continue
		}
		if a.Published.IsZero() {
			if at, off = skipRunes(a.Title, at, off, d.Start); postedLine(a.Title[:at]) || namesPast(a.Title[:at], d.Text) {
				continue
			}
		}
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil || !recent(a, t) {
			continue
		}
		if t.After(latest) {
			latest = t
		}
	}
	return latest
}

// postedWords name the posting of a page ("Posted on", "Updated:",
// "Published 12:17 am", "posted in Pedestrian Accidents on Friday, …",
// "Last modified on", "Обновлён:", with ё or е, "Дата публикации:"):
// the date after them is the page's, not the day of what it reports.
var postedWords = [...]string{"posted", "published", "updated", "modified", "опубликован", "обновлен", "обновлён", "дата публикации"}

// pageAdverbs are the words that may stand before a posting word in a
// posting line ("This entry was posted in", "Last modified on", "Page
// last updated at", "Originally published"): auxiliaries and the
// adverbs of a page's history. Any other word in lower case before it is
// a noun the posting word modifies ("a study published in The Lancet
// on Friday", "a poll published Sunday"): the publication of something
// else, a happening.
var pageAdverbs = [...]string{"was", "is", "were", "are", "been", "be", "has", "have", "had", "last", "first", "originally"}

// postedLine reports whether the last line of before (the text up to a
// date mention) names the posting of the page: a posting word
// (postedWords) that modifies no noun before it (modifiesNoun), with no
// object of its own (postedAlone), and no end of a sentence or a page
// field between it and the date (sentenceBreak); or whether the line is
// a byline (bylineLine). A blog post of a crash, put up a week later,
// would otherwise stand for a happening of that day.
func postedLine(before string) bool {
	line := before[strings.LastIndexByte(before, '\n')+1:]
	for i := 0; i < len(line); i++ {
		if w := postedWordAt(line, i); w != "" &&
			!modifiesNoun(line[:i], w) && postedAlone(line[i+len(w):]) && !sentenceBreak(line[i+len(w):]) {
			return true
		}
	}
	return bylineLine(line)
}

// modifiesNoun reports whether the text before the posting word pw ends
// with a word in lower case that is none of pageAdverbs, or that word and
// a comma: a noun the posting word modifies ("a study published in", "a
// poll published", "the findings, published in"), so that
// the date after it is the day of that publication, not of the page.
// A page is "Last modified", never "was modified": before "modified",
// "last" is the only adverb of a page's ("the ruling was modified on",
// "a plan the mayor has modified in" tell of a happening).
// Only English words are read; a capitalised word ("Article posted on",
// "LLP. posted in") starts a line or a field of the page.
func modifiesNoun(before, pw string) bool {
	s := strings.TrimRight(before, " ")
	if len(s) == len(before) {
		return false // no word before, or not a separate one
	}
	s = strings.TrimSuffix(s, ",") // "the findings, published in"
	j := len(s)
	for j > 0 && s[j-1] >= 'a' && s[j-1] <= 'z' {
		j--
	}
	if j == len(s) || j > 0 && isLetterByte(s[j-1]) {
		return false
	}
	if pw == "modified" {
		return s[j:] != "last"
	}
	if s[j:] == "and" {
		// "Published March 3, 2013 and updated on March 4": a second
		// posting of the page's, when a posting word opens the line
		return !postedBefore(s[:j])
	}
	for _, w := range pageAdverbs {
		if s[j:] == w {
			return false
		}
	}
	return true
}

// postedBefore reports whether s holds a posting word (postedWords) that
// starts a word, in any case.
func postedBefore(s string) bool {
	for i := range len(s) {
		if postedWordAt(s, i) != "" {
			return true
		}
	}
	return false
}

// postedWordAt returns the posting word (postedWords) that starts a word
// at s[i], in any case, or "".
func postedWordAt(s string, i int) string {
	// the posting words start with p, u, m, or a Cyrillic letter (lead
	// byte 0xd0)
	if c := s[i] | 0x20; c != 'p' && c != 'u' && c != 'm' && s[i] != 0xd0 {
		return ""
	}
	if i > 0 && isLetterByte(s[i-1]) {
		return ""
	}
	for _, w := range postedWords {
		if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) {
			return w
		}
	}
	return ""
}

// bylineLine reports whether line, the text of a line up to a date
// mention, is a byline: "By" and the names of its writers and their
// outlet, then a comma, a dash or a bar ("By Jane Doe, March 20,
// 2013", "BY J. DOE AND R. ROE | Staff | Friday"). The date of a byline
// is when the page was written, as a posting line's is. "By Friday,
// March 20, the plant will close" names a day of what it reports: a
// weekday or a month is no writer's name, and one capitalised word ("By
// Thanksgiving,") is a time more often than a writer's, who has a given
// name and a surname.
func bylineLine(line string) bool {
	s := strings.TrimRight(line, " \t")
	if strings.HasSuffix(s, " on") {
		s = s[:len(s)-len(" on")] + "," // "By Jane Doe on March 20"
	}
	if r, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(bylineMarks, r) {
		return false
	}
	ws := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || strings.ContainsRune(bylineMarks, r) })
	if len(ws) < 2 || !strings.EqualFold(ws[0], "by") {
		return false
	}
	names := 0
	for _, w := range ws[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "and" || w == "&":
			continue
		case names >= 2 && (w == "of" || w == "for" || w == "at"):
			// the writers' outlet: "By Jane Doe of The Gazette,"
			continue
		}
		if !unicode.IsUpper(r) || calendarWord(strings.ToLower(strings.TrimRight(w, "."))) || timeNoun(w) {
			return false
		}
		names++
	}
	return names >= 2
}

// bylineMarks are the marks that end a byline's names and separate its
// fields: "By Jane Doe, March 20", "By Jane Doe | Staff | Friday",
// "By Jane Doe • March 20".
const bylineMarks = ",-|–—•·"

// timeNoun reports whether w, capitalised, names a time rather than a
// person: the second word of "By Christmas Day," or "By Monday Night,".
func timeNoun(w string) bool {
	switch strings.ToLower(w) {
	case "day", "eve", "night", "morning", "afternoon", "evening", "noon", "midnight", "weekend", "week", "month", "year", "time":
		return true
	}
	return false
}

// sentenceBreak reports whether s, the text between a posting word and
// a date, ends a sentence or a field of the page before the date: a
// stop, question or exclamation mark and a capital ("… posted in
// Accidents. A woman was killed on …"), or a bar ("POSTED 9:00 PM | A
// convicted killer laughed on …"). The date then belongs to what
// follows, not to the posting. The stop of an abbreviation of single
// letters ("9:50 p.m. ET Thursday", "U.S. Army") ends no sentence.
func sentenceBreak(s string) bool {
	if strings.IndexByte(s, '|') >= 0 {
		return true
	}
	for j := 0; j+2 < len(s); j++ {
		if c := s[j]; (c != '.' && c != '!' && c != '?') || s[j+1] != ' ' {
			continue
		}
		if s[j] == '.' && j >= 2 && s[j-2] == '.' {
			continue // "p.m.", "U.S."
		}
		if r, _ := utf8.DecodeRuneInString(s[j+2:]); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// postedAlone reports whether the words after a posting word (rest)
// leave it without an object: a date, a time or a colon next, or a
// preposition ("posted in Accidents on …", "updated at 9:50 p.m.",
// "опубликовано в"), or a weekday or a month ("Published Friday, March
// 8"). "The singer posted three photos on Tuesday" tells of a
// happening; "posted on Tuesday" of the page.
func postedAlone(rest string) bool {
	// the rest of an inflected Russian form ("опубликовано", "обновлено")
	for len(rest) > 0 && rest[0] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(r) {
			break
		}
		rest = rest[n:]
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || !isLetterByte(rest[0]) {
		return true // "Posted: …", "Updated 9:06 AM", "POSTED 04/02/07"
	}
	w := rest
	if e := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); e >= 0 {
		w = w[:e]
	}
	switch w = strings.ToLower(w); w {
	case "in", "on", "at", "by", "from", "в", "на":
		return true
	}
	return calendarWord(w)
}

// calendarWord reports whether w, in lower case, is an English weekday's
// or month's name or its abbreviation of three letters or more ("thu",
// "thurs", "sept").
func calendarWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), w) {
			return true
		}
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), w) {
			return true
		}
	}
	return false
}

// namesPast reports whether a date mention (text, after before)
// modifies a noun, as a determiner before its month shows: "Ten years
// after the March 14, 2013 quake", "In this Dec. 13, 2016, file photo"
// (the reader may take the determiner into the mention). Such a date
// names a happening the report looks back on or a picture's day, not
// the day it reports. "On March 14, 2013" and "on the 14th of March"
// are not (a preposition first, or no month after the determiner).
func namesPast(before, text string) bool {
	word := func(s string) string {
		e := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		if e < 0 {
			e = len(s)
		}
		return strings.ToLower(s[:e])
	}
	// not "that", which is mostly a conjunction before a date ("said
	// that March 14 was the worst day")
	determiner := func(w string) bool { return w == "the" || w == "this" }
	w := word(text)
	if determiner(w) {
		rest := strings.TrimLeft(text[len(w):], " ")
		return calendarWord(word(rest))
	}
	if !calendarWord(w) {
		return false
	}
	s := strings.TrimRight(before, " ")
	if len(s) == len(before) {
		return false
	}
	// the word after the last non-letter, which may take more than a
	// byte (“the, —the)
	if i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	return determiner(strings.ToLower(s))
}

// skipRunes advances through text from byte at, which is code point off,
// to code point to, and returns the byte and code point reached (to, or
// the end of text).
func skipRunes(text string, at, off, to int) (int, int) {
	for ; off < to && at < len(text); off++ {
		if text[at] < utf8.RuneSelf {
			at++
			continue
		}
		_, n := utf8.DecodeRuneInString(text[at:])
		at += n
	}
	return at, off
}
