package extract

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// This file keeps plain-text extraction as it was before it was made
// cheaper, so that tests can check the new code gives the same articles.

// refYearRE finds plausible years mentioned in a text.
var refYearRE = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)

// refFindDateline is the former findDateline: it looks for a dateline at the start of a paragraph.
func refFindDateline(p string) dateline {
	head := p
	if len(head) > 160 {
		head = head[:160]
	}
	for _, re := range []*regexp.Regexp{datelineSlashRE, datelineParenRE, datelineDashRE} {
		m := re.FindStringSubmatchIndex(head)
		if m == nil {
			continue
		}
		d := dateline{end: m[1], ok: true}
		if re == datelineDashRE {
			// "МОСКВА, 17 дек — РИА Новости. Text": the agency follows.
			d.end += agencyAfterDash(head[m[1]:])
		}
		if m[4] >= 0 {
			if dp, ok := parseMonthDay(head[m[4]:m[5]]); ok {
				d.date = dp
			}
		}
		return d
	}
	return dateline{}
}

// refText is the former Text: it extracts a plain-text article. It reads, in order: an optional
// leading "date YYYY-MM-DD" token, a title line (or none), a date line
// such as "Dec 18 2021", and a dateline such as "MOSCOW, December 17.
// /TASS/." opening the body. The date token and date line are removed from
// the body; the dateline is kept, because it is part of the first
// sentence and credits the agency (/TASS/, (Reuters)) that later stages
// report as cited. The publication date is the hint, else the token, else
// the date line, else the dateline's day with the year the text supports.
// A text without a title line gets its first sentence, cut to about 120
// code points, as title.
func refText(raw []byte, h Hints) (storyline.Article, error) {
	if !utf8.Valid(raw) {
		return storyline.Article{}, ErrInvalidUTF8
	}
	s := string(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimLeftFunc(s, unicode.IsSpace)

	var pub storyline.Published
	if m := dateTokenRE.FindStringSubmatchIndex(s); m != nil {
		pub, _ = parseISODate(s[m[2]:m[3]])
		s = s[m[1]:]
	}

	// The head is read as Text reads it (this file keeps the former
	// tidying, dateline and year search).
	hd, pub := hintedHead(s, h.Title, pub)
	title := hd.title
	text := refTidyText(hd.body)

	dl := refFindDateline(text)
	if pub.IsZero() && h.Published.IsZero() {
		if dl.ok && dl.date.month != 0 {
			pub = refResolveDateline(dl.date, text)
		}
	}
	if !h.Published.IsZero() {
		pub = h.Published
	}
	if title == "" {
		first := text
		if dl.ok {
			first = text[dl.end:]
		}
		title = TitleFromText(first)
	}
	a := storyline.Article{
		ID:        h.ID,
		Title:     title,
		Source:    sourceOf(h.Source, h.URL, "", ""),
		URL:       strings.TrimSpace(h.URL),
		Lang:      h.Lang,
		Published: pub,
		Text:      text,
		Raw:       raw,
		Format:    "text",
	}
	a.Hash = Hash(a.Title, a.Text)
	if text == "" {
		return a, ErrEmpty
	}
	return a, nil
}

// refResolveDateline is the former resolveDateline: it gives a dateline's month and day a year: its own when it
// has one, else the year the text mentions most (the latest on a tie).
// It returns the zero Published when no year is evidenced.
func refResolveDateline(d dateParts, text string) storyline.Published {
	if d.year == 0 {
		counts := map[int]int{}
		best, bestN := 0, 0
		for _, m := range refYearRE.FindAllString(text, -1) {
			y, _ := strconv.Atoi(m)
			counts[y]++
			if c := counts[y]; c > bestN || c == bestN && y > best {
				best, bestN = y, c
			}
		}
		d.year = best
	}
	if d.year == 0 {
		return storyline.Published{}
	}
	p, ok := d.published()
	if !ok {
		return storyline.Published{}
	}
	return p
}

// refTidyText is the former tidyText: it normalises line ends, trims trailing space on each line, keeps
// at most one blank line between paragraphs and trims the whole.
func refTidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return strings.TrimSpace(b.String())
}

// refParseISODate is the former parseISODate: it parses YYYY-MM-DD, or RFC 3339, at the start of s.
func refParseISODate(s string) (storyline.Published, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return storyline.Instant(t), true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return storyline.Day(t), true
	}
	return storyline.Published{}, false
}

// refParseDateLine is the former parseDateLine: it reports whether line is nothing but a date (with optional
// weekday, time, zone and words such as "Published"), and the date.
// It accepts "Dec 18 2021", "December 18, 2021 10:30 GMT", "18 December
// 2021", "17 декабря 2021 г.", "2021-12-18", "18.12.2021".
func refParseDateLine(line string) (storyline.Published, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 80 {
		return storyline.Published{}, false
	}
	if p, ok := refParseISODate(line); ok {
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
