package extract

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// ErrEmpty is returned when a document has no article text.
var ErrEmpty = errors.New("empty article")

// ErrInvalidUTF8 is returned when a text document is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// dateTokenRE matches the leading metadata token "date YYYY-MM-DD" (or an
// RFC 3339 instant) some corpora put before the text.
var dateTokenRE = regexp.MustCompile(`^(?i:date)\s*:?\s+(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)(?:\s+|$)`)

// Datelines: the place (and often date and agency) that opens a wire
// story. The city is in capitals except when an agency in parentheses
// follows, which is evidence enough.
var (
	// MOSCOW, December 17. /TASS/.  МОСКВА, 17 декабря. /ТАСС/.
	datelineSlashRE = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}'’. -]*\p{Lu})\.?,\s*([^./\n]{3,30}?)\.?\s+/\s*([^/\n]{2,30}?)\s*/\.?\s*`)
	// WASHINGTON (Reuters) -   LONDON, Dec 3 (AFP) –   Kyiv, Ukraine (AP) —
	datelineParenRE = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{M}'’. -]{1,30}?)(?:\s*,\s*([^()\n]{2,30}?))?\s*\(([^()\n]{2,40})\)\s*[-–—]+\s*`)
	// MOSCOW, Dec. 17 —   KYIV —
	datelineDashRE = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}'’. -]*\p{Lu})(?:\s*,\s*([^\n–—]{2,30}?))?\s+[–—-]{1,2}\s+`)
)

// agencyAfterDash returns the byte length of a short agency name (at most
// three capitalised words) ending in a period ("РИА Новости. ") at the start of s, or 0.
func agencyAfterDash(s string) int {
	i := strings.Index(s, ". ")
	if i <= 0 || i > 40 {
		return 0
	}
	words := strings.Fields(s[:i])
	if len(words) > 3 {
		return 0
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return 0
		}
	}
	return i + 2
}

// eachYear calls fn with each plausible year (1980 to 2099) text
// mentions: four digits with no ASCII letter, digit or underscore either
// side.
func eachYear(text string, fn func(year int)) {
	word := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
	}
	for i := 0; i+4 <= len(text); i++ {
		if c := text[i]; c != '1' && c != '2' || i > 0 && word(text[i-1]) {
			continue
		}
		y := 0
		for _, c := range []byte(text[i : i+4]) {
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y < 1980 || y > 2099 || i+4 < len(text) && word(text[i+4]) {
			continue
		}
		fn(y)
		i += 3
	}
}

// dateline is the opening marker of a wire story.
type dateline struct {
	end  int       // byte length of the marker in its paragraph
	date dateParts // month and day (year when given); zero when none
	ok   bool
}

// findDateline looks for a dateline at the start of a paragraph.
func findDateline(p string) dateline {
	head := p
	if len(head) > 160 {
		head = head[:160]
	}
	// Every dateline starts with a capital letter and holds a slash,
	// parentheses or a dash: checking that first spares most paragraphs
	// the regular expressions.
	r, size := utf8.DecodeRuneInString(head)
	if !unicode.IsUpper(r) {
		return dateline{}
	}
	// The slash and dash forms open with a place in capitals: two capital
	// letters with only marks, apostrophes, periods, spaces and hyphens
	// between them.
	r2, _ := utf8.DecodeRuneInString(head[size:])
	capitals := unicode.IsUpper(r2) || unicode.Is(unicode.M, r2) || strings.ContainsRune("'’. -", r2)
	for _, re := range []*regexp.Regexp{datelineSlashRE, datelineParenRE, datelineDashRE} {
		switch {
		case re == datelineSlashRE && (!capitals || strings.IndexByte(head, '/') < 0),
			re == datelineParenRE && (strings.IndexByte(head, '(') < 0 || strings.IndexByte(head, ')') < 0),
			re == datelineDashRE && (!capitals || !strings.ContainsAny(head, "-–—")):
			continue
		}
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

// Text extracts a plain-text article. It reads, in order: an optional
// leading "date YYYY-MM-DD" token; the head, a few lines holding a title
// line (or none), maybe a standfirst, and date lines above or below the
// title such as "Dec 18 2021", "Posted: 04/02/07, 9:00 PM PDT |" or
// "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: ..." (or a dated byline);
// and a dateline such as "MOSCOW, December 17. /TASS/." opening the body.
// The date token, the title line and the date lines that date the article
// are removed from the body (a dated byline keeps its names); the
// dateline is kept, because it is part of the first sentence and credits
// the agency (/TASS/, (Reuters)) that later stages report as cited. The
// publication date is the hint, else the token, else the first date line
// that is not an update's, else an update's, else the dateline's day with
// the year the text supports; a date line without a year dates nothing.
// A title hint that is only a date (a corpus that took a date line for
// the title) counts as a date line, not as the title. A text without a
// title line gets its first sentence, cut to about 120 code points, as
// title. The content hash is made as clean.Prepare makes it, and the
// article's Ahead carries the split of the text it made on the way, for
// cleaning.
func Text(raw []byte, h Hints) (storyline.Article, error) {
	if !utf8.Valid(raw) {
		return storyline.Article{}, ErrInvalidUTF8
	}
	a, err := plainText(string(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))), h)
	a.Raw = raw
	return a, err
}

// TextString is Text for a document held in a string, such as a decoded
// JSON member, which it reads without copying. The article's Raw is left
// nil for the caller to set.
func TextString(s string, h Hints) (storyline.Article, error) {
	if !utf8.ValidString(s) {
		return storyline.Article{}, ErrInvalidUTF8
	}
	return TextUTF8(s, h)
}

// TextUTF8 is TextString for a string known to be valid UTF-8, such as
// a JSON string once decoded (decoding replaces invalid bytes): it
// leaves out the check, a pass over the whole text.
func TextUTF8(s string, h Hints) (storyline.Article, error) {
	return plainText(strings.TrimPrefix(s, "\ufeff"), h)
}

// plainText is Text after the UTF-8 check, on a string without byte order mark.
func plainText(s string, h Hints) (storyline.Article, error) {
	s = lineEnds(s)
	s = strings.TrimLeftFunc(s, unicode.IsSpace)

	var pub storyline.Published
	if len(s) >= 4 && strings.EqualFold(s[:4], "date") {
		if m := dateTokenRE.FindStringSubmatchIndex(s); m != nil {
			pub, _ = parseISODate(s[m[2]:m[3]])
			s = s[m[1]:]
		}
	}

	hd, pub := hintedHead(s, h.Title, pub)
	title := hd.title
	text := tidyLines(hd.body)

	// The dateline is looked for only when it can give the date or
	// bound the sentence the title is made of.
	var dl dateline
	found := false
	findDL := func() dateline {
		if !found {
			dl, found = findDateline(text), true
		}
		return dl
	}
	if pub.IsZero() && h.Published.IsZero() {
		if dl := findDL(); dl.ok && dl.date.month != 0 {
			pub = resolveDateline(dl.date, text)
		}
	}
	if !h.Published.IsZero() {
		pub = h.Published
	}
	if title == "" {
		first := text
		if dl := findDL(); dl.ok {
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
		Format:    "text",
	}
	setHash(&a)
	if text == "" {
		return a, ErrEmpty
	}
	return a, nil
}

// looksLikeTitle reports whether a line reads as a headline: short (at
// most 200 code points and 30 words, at least two words), starting with a
// capital, digit or quote, not ending like a lead-in (comma, semicolon,
// colon) nor, unless in Title Case, like a sentence (period), and neither
// a date line nor a dateline. Headlines may hold several sentences ("Oops!
// Gunplay didn't disrupt the convention", "A Judge Is Confirmed. Is This
// the Last One?").
func looksLikeTitle(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘«„", first) {
		return false
	}
	if n := utf8.RuneCountInString(line); n < 3 || n > 200 {
		return false
	}
	var buf [maxTitleWords]string
	words, ok := fieldsInto(buf[:0], line)
	if !ok || len(words) < 2 {
		return false
	}
	end := strings.TrimRight(line, "\"'”’»)] ")
	if end == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(end)
	tc := isTitleCase(words)
	switch {
	case strings.ContainsRune(",;:", last):
		return false
	case last == '.' && !tc && !strings.HasSuffix(end, "..."):
		return false
	case !tc && endsSentenceWithPeriod(line):
		// "He spoke. Then he left" reads as prose; "Oops! Gunplay..." not.
		return false
	}
	if strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://") {
		return false
	}
	return !findDateline(line).ok
}

// maxTitleWords is the most words a headline has.
const maxTitleWords = 30

// fieldsInto appends the words of line, as strings.Fields splits it, to
// words, up to its capacity: a caller's buffer saves the allocation of
// strings.Fields. It reports false when line has more words.
func fieldsInto(words []string, line string) ([]string, bool) {
	start := -1
	for i, r := range line {
		if !unicode.IsSpace(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if len(words) == cap(words) {
				return words, false
			}
			words = append(words, line[start:i])
			start = -1
		}
	}
	if start >= 0 {
		if len(words) == cap(words) {
			return words, false
		}
		words = append(words, line[start:])
	}
	return words, true
}

// endsSentenceWithPeriod reports whether line's first sentence ends with
// a period before the end of the line.
func endsSentenceWithPeriod(line string) bool {
	fs := firstSentence(line)
	if len(fs) == len(line) {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(fs, "\"'”’) "), ".")
}

// isTitleCase reports whether a line of at most 20 words is in English
// headline style: nine in ten of its longer words (four letters or more,
// at least four of them) start with a capital, and not all are in
// capitals (a shouted subhead).
func isTitleCase(words []string) bool {
	if len(words) > 20 {
		return false
	}
	long, upper, shout := 0, 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"'“‘«(")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if unicode.IsUpper(r) {
			upper++
		}
		if isUpper(w) {
			shout++
		}
	}
	return long >= 4 && upper*10 >= long*9 && shout < long
}

// isUpper reports whether strings.ToUpper(w) == w, without the copy
// ToUpper makes of a word with a lower-case letter: every code point is
// its own upper case, and no byte is invalid UTF-8 (which ToUpper
// replaces).
func isUpper(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// resolveDateline gives a dateline's month and day a year: its own when it
// has one, else the year the text mentions most (the latest on a tie).
// It returns the zero Published when no year is evidenced.
func resolveDateline(d dateParts, text string) storyline.Published {
	if d.year == 0 {
		counts := map[int]int{}
		best, bestN := 0, 0
		eachYear(text, func(y int) {
			counts[y]++
			if c := counts[y]; c > bestN || c == bestN && y > best {
				best, bestN = y, c
			}
		})
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

// hintedHead reads the head of s (readHead) under the input's title hint
// and returns it with the publication date: pub when already known, else
// the head's date lines', else the hint's. The head's title is the hint,
// cleaned, when there is one; a title hint that is only a date ("Friday,
// June 7, 2013": the text's first line, taken for its title by the
// input) is a date line, not a title: the title is looked for in the
// text, and is "" when none is found there.
func hintedHead(s, hintTitle string, pub storyline.Published) (head, storyline.Published) {
	var hintDate dateLine
	if hintTitle != "" {
		if hintDate = titleDate(hintTitle); hintDate.kind != notDateLine {
			hintTitle = ""
		}
	}
	hd := readHead(s, hintTitle, true)
	if hintTitle != "" {
		hd.title = cleanLine(hintTitle)
	}
	if pub.IsZero() {
		pub = hd.pub
	}
	if pub.IsZero() && hintDate.kind == lineDate {
		pub = hintDate.pub
	}
	return hd, pub
}
