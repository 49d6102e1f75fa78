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
	body := 0                // where the body begins
	prefix := true           // every line before pos is a head line
	cutFrom, cutTo := -1, -1 // the date lines after a standfirst
	titled := false          // the title line was looked for
	inRun, runDone := false, false
	for pos, lines := 0, 0; pos < len(s) && lines < maxHeadLines && pos < maxHeadBytes; {
		raw, _, found := strings.Cut(s[pos:], "\n")
		next := pos + len(raw)
		if found {
			next++
		}
		line := trimSpaceASCII(raw)
		if line == "" {
			if prefix {
				body = next
			}
			pos = next
			continue
		}
		lines++
		if dl := scanDateLine(line); dl.kind != notDateLine {
			if runDone {
				break
			}
			inRun = true
			switch {
			case dl.kind == lineDate && !dl.updated && h.pub.IsZero():
				h.pub = dl.pub
			case dl.kind == lineDate && dl.updated && updated.IsZero():
				updated = dl.pub
			}
			if prefix {
				body = next
			} else {
				if cutFrom < 0 {
					cutFrom = pos
				}
				cutTo = next
			}
			pos = next
			continue
		}
		if inRun {
			inRun, runDone = false, true
		}
		if titled {
			if runDone {
				break
			}
			// A standfirst line: a date line may follow it.
			prefix = false
			pos = next
			continue
		}
		titled = true
		if !looksLikeTitle(line) && !isHint(line) || !hasBodyAfter(s[next:]) {
			break
		}
		h.title = cleanLine(line)
		body, pos = next, next
	}
	if h.pub.IsZero() {
		h.pub = updated
	}
	h.body = s[body:]
	if cutFrom >= 0 {
		h.body = s[body:cutFrom] + s[cutTo:]
	}
	return h
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
