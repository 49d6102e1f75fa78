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
// without a year; see scanDateLine): they are removed from the body, and
// a later date line is left in it (a timeline's dates are its text). A
// text whose first line other than date lines is not a title has no head
// beyond its leading date lines.
func readHead(s, hintTitle string) head {
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
	title := [2]int{-1, -1} // the title line's bytes in s
	run := [2]int{-1, -1}   // the first run of date lines
	dated := false          // the run has a date line with a year
	runOpen := false        // no other line followed the run yet
	titled := false         // the title line was looked for
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
		if dl := scanDateLine(line); dl.kind != notDateLine {
			if run[0] >= 0 && !runOpen {
				break // a later run of date lines is text
			}
			runOpen = true
			if run[0] < 0 {
				run[0] = pos
			}
			run[1] = next
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
			if run[0] >= 0 {
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
		h.title, title = cleanLine(line), [2]int{pos, next}
		pos = next
	}
	if h.pub.IsZero() {
		h.pub = updated
	}
	if !dated {
		// Labelled times and dates without a year alone date nothing:
		// the lines stay text, for the reading of the dates it mentions.
		run = [2]int{-1, -1}
	}
	h.body = cutLines(s, title, run)
	return h
}

// cutLines returns s without the byte ranges a and b (either {-1, -1}
// for none, neither overlapping the other): the text from the end of the
// last range when every line before them is cut or blank, else the parts
// around them joined.
func cutLines(s string, a, b [2]int) string {
	if a[0] < 0 || b[0] >= 0 && b[0] < a[0] {
		a, b = b, a
	}
	start := 0
	for _, r := range [][2]int{a, b} {
		if r[0] < 0 {
			continue
		}
		if strings.TrimSpace(s[start:r[0]]) == "" {
			start = r[1]
			continue
		}
		// A range after body lines: join the text around it.
		rest := s[r[1]:]
		if r == a && b[0] >= 0 {
			rest = cutLines(rest, [2]int{b[0] - r[1], b[1] - r[1]}, [2]int{-1, -1})
		}
		return s[start:r[0]] + rest
	}
	return s[start:]
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
