package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// The head of a text is its first few lines: a title line, a standfirst,
// and the date lines that say when it was published or updated. Those
// come in either order ("Friday, June 7, 2013" above the title, "Posted:
// ..." below it, "PUBLISHED: ... | UPDATED: ..." after the standfirst).

const (
	// maxHeadLines is how many non-empty lines the head may span.
	maxHeadLines = 6
	// maxHeadBytes is how far into the text a head line may begin.
	maxHeadBytes = 1500
)

// head is what readHead finds in the head of a text.
type head struct {
	// title is the title line, cleaned; "" when the text opens with none.
	title string
	// body is the text after the title line without the head's date
	// lines.
	body string
	// pub is the date of the first date line that is not labelled as an
	// update ("Updated: ..."), else of the first date line; zero when no
	// date line has a year.
	pub storyline.Published
}

// readHead reads the head of a text: the first non-empty lines, up to
// maxHeadLines of them, that are a title line, date lines and, after the
// title, other lines (a standfirst). The title is the first line that is
// not a date line when it looks like a title (or equals the hinted title)
// and some body follows it. The date lines taken are the first run of
// them (lines that hold only a date, a labelled time or a labelled date
// without a year, see scanDateLine; or a dated byline, see bylineDate):
// when one of them dates the article they leave the body (a byline keeps
// its names), and a later date line is left in it (a timeline's dates
// are its text). A
// text whose first line other than date lines is not a title has no head
// beyond its leading date lines. Without findTitle (a page's text, whose
// title the markup gives) no line is taken for the title, and the lines
// before the date lines are all standfirst.
func readHead(s, hintTitle string, findTitle bool) head {
	var h head
	// hintTitle normalized, once needed, and its words; the buffers
	// spare the copies of a short hint and line.
	var hintBuf, lineBuf [256]byte
	var hint []byte
	hinted, hintWords := false, 0
	isHint := func(line string) bool {
		if hintTitle == "" {
			return false
		}
		if !hinted {
			hint, hinted = textproc.AppendNormalized(hintBuf[:0], hintTitle), true
			hintWords = bytes.Count(hint, []byte(" ")) + 1
		}
		// A line of more words than the hint normalizes to more: it is
		// not the title, and is not normalized (it is often the first
		// paragraph).
		return len(hint) > 0 && (line == hintTitle ||
			!moreWords(line, hintWords) && bytes.Equal(textproc.AppendNormalized(lineBuf[:0], line), hint))
	}
	var updated storyline.Published
	var cutBuf [maxHeadLines + 1]lineCut
	cuts := cutBuf[1:1] // the run's lines
	title := lineCut{from: -1}
	dated := false       // the run has a date line with a year
	runOpen := false     // no other line followed the run yet
	titled := !findTitle // the title line was looked for
	for pos, lines := 0, 0; pos < len(s) && lines < maxHeadLines && pos < maxHeadBytes; {
		raw, _, found := strings.Cut(s[pos:], "\n")
		next := pos + len(raw)
		if found {
			next++
		}
		line := trimSpaceASCII(raw)
		if line == "" {
			pos = next
			continue
		}
		lines++
		var dl dateLine
		keep := ""
		if len(line) <= 2*maxDateLine && opensDateLine(line) && hasDigit(line) {
			// Date lines and dated bylines are short and hold a number;
			// most lines of a head are neither.
			if dl = scanDateLine(line); dl.kind == notDateLine {
				dl, keep = bylineDate(line)
			}
		}
		if dl.kind != notDateLine {
			if len(cuts) > 0 && !runOpen {
				break // a later run of date lines is text
			}
			runOpen = true
			cuts = append(cuts, lineCut{pos, next, keep})
			switch {
			case dl.kind != lineDate:
			case !dl.updated && h.pub.IsZero():
				h.pub, dated = dl.pub, true
			case dl.updated && updated.IsZero():
				updated, dated = dl.pub, true
			}
			pos = next
			continue
		}
		// The run, when there is one, ends at the first other line
		// (blank lines between its lines are part of it).
		runOpen = false
		if titled {
			if len(cuts) > 0 {
				break
			}
			// A standfirst line: a date line may follow it.
			pos = next
			continue
		}
		titled = true
		if !looksLikeTitle(line) && !isHint(line) || !hasBodyAfter(s[next:]) {
			break
		}
		h.title, title = cleanLine(line), lineCut{from: pos, to: next}
		pos = next
	}
	if h.pub.IsZero() {
		h.pub = updated
	}
	if !dated {
		// Labelled times and dates without a year alone date nothing:
		// the lines stay text, for the reading of the dates they
		// mention.
		cuts = cuts[:0]
	}
	switch {
	case title.from < 0:
	case len(cuts) == 0 || title.from < cuts[0].from:
		// The title line goes too, in order: the run follows it, or
		// it is the only cut (the buffer has room before the run).
		cuts = append(cutBuf[:1], cuts...)
		cuts[0] = title
	default:
		cuts = append(cuts, title)
	}
	h.body = cutLines(s, cuts)
	return h
}

// titleDate reads a title hint that is only a date, as a corpus gives
// when it took a text's date line for its title ("Friday, June 7,
// 2013"): its date line (with a year or not), or the zero dateLine when
// the hint is a title.
func titleDate(title string) dateLine {
	if dl := scanDateLine(title); dl.kind == lineDate || dl.kind == lineYearless {
		return dl
	}
	return dateLine{}
}

// lineCut is a line of a text's head that leaves its body: the bytes
// from and to (the line end included) in the text, and the part of the
// line that stays, when one does (the name of a dated byline).
type lineCut struct {
	from, to int
	keep     string
}

// cutLines returns s without the lines cuts names (in order, none
// overlapping another), each replaced by the part it keeps: the text
// from the end of the last when every line before them is cut or blank,
// else the parts around them joined.
func cutLines(s string, cuts []lineCut) string {
	start := 0
	for len(cuts) > 0 && cuts[0].keep == "" && strings.TrimSpace(s[start:cuts[0].from]) == "" {
		start, cuts = cuts[0].to, cuts[1:]
	}
	if len(cuts) == 0 {
		return s[start:]
	}
	var b strings.Builder
	b.Grow(len(s) - start)
	for _, c := range cuts {
		b.WriteString(s[start:c.from])
		if c.keep != "" {
			b.WriteString(c.keep)
			b.WriteByte('\n')
		}
		start = c.to
	}
	b.WriteString(s[start:])
	return b.String()
}

// bylineSeps are the marks that part a byline from its date.
var bylineSeps = []string{" | ", "|", " • ", " · ", " — ", " – ", " - ", ", "}

// bylineDate reads a byline that gives the date: "By Jane Doe | March 8,
// 2013", "By Jane Doe, Reuters - Published 12:46 PM EST, Fri March 8,
// 2013", or the date first: "March 8, 2013 | By Jane Doe". It returns the
// date (of the kinds scanDateLine gives) and the byline without it; the
// zero dateLine when line is not one. The name after "By" must be in
// capitals: "By the end of March 8, 2013" is prose.
func bylineDate(line string) (dateLine, string) {
	if len(line) > 2*maxDateLine {
		return dateLine{}, ""
	}
	if isByline(line) {
		if !hasDigit(line) {
			return dateLine{}, ""
		}
		// The earliest mark after which the rest is a date line.
		for i := 3; i < len(line); i++ {
			for _, sep := range bylineSeps {
				if !strings.HasPrefix(line[i:], sep) {
					continue
				}
				if dl := scanDateLine(line[i+len(sep):]); dl.kind == lineDate {
					if name := strings.TrimSpace(line[:i]); isByline(name) && isName(name[3:]) {
						return dl, name
					}
					return dateLine{}, ""
				}
			}
		}
		return dateLine{}, ""
	}
	// The date first: a mark, then the byline. Most lines have no mark.
	if strings.IndexByte(line, '|') < 0 && !strings.Contains(line, "•") && !strings.Contains(line, "·") {
		return dateLine{}, ""
	}
	for _, sep := range bylineSeps[:4] {
		if date, name, ok := strings.Cut(line, sep); ok {
			name = strings.TrimSpace(name)
			if isByline(name) && isName(name[3:]) {
				if dl := scanDateLine(date); dl.kind == lineDate {
					return dl, name
				}
			}
			return dateLine{}, ""
		}
	}
	return dateLine{}, ""
}

// isByline reports whether s opens with "By " in any case.
func isByline(s string) bool {
	return len(s) > 3 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'y' || s[1] == 'Y') && s[2] == ' '
}

// isName reports whether s reads as the names of a byline: at most ten
// words, each capitalised but for "and", "&", "of", "in" and "for".
func isName(s string) bool {
	var buf [maxTitleWords]string
	words, ok := fieldsInto(buf[:0], s)
	if !ok || len(words) == 0 || len(words) > 10 {
		return false
	}
	for _, w := range words {
		switch w {
		case "and", "&", "of", "in", "for":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// moreWords reports whether s has more than n words, runs of characters
// other than white space. Normalizing never joins two words nor empties
// one (white space stays white space, and no other character becomes
// white space alone), so that a text of more words than another's
// normalized form never normalizes to it.
func moreWords(s string, n int) bool {
	words, space := 0, true
	for _, r := range s {
		if r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			if words++; words > n {
				return true
			}
			space = false
		}
	}
	return false
}

// hasBodyAfter reports whether some line of s is neither empty nor a
// date line (of any kind scanDateLine reads).
func hasBodyAfter(s string) bool {
	for s != "" {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if scanDateLine(l).kind != notDateLine {
			continue
		}
		return true
	}
	return false
}
