// Package extract turns the raw bytes of one document into the fields of a
// storyline.Article: title, publication date, source, canonical URL and the
// body text. Text reads plain-text articles (date tokens, date lines and
// datelines); HTML reads web pages through go-trafilatura.
package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// Hints carry what the container of a document knew about it (a JSON
// line's fields, a feed item, a WARC header, a file name). A non-empty hint
// wins over what extraction infers, except URL (see below).
type Hints struct {
	// ID becomes Article.ID as it is.
	ID string
	// Title replaces the inferred title; a text's first line equal to it
	// is taken as its title line and left out of the body. A plain-text
	// title that is only a date ("Friday, June 7, 2013") is read as a
	// date line instead, and the title is looked for in the text.
	Title string
	// URL is where the document came from. It names the source when
	// Source is empty. For HTML it is the fetch address: the page's own
	// canonical link, when it has one, becomes Article.URL instead.
	URL string
	// Source is the outlet, as the input names it.
	Source string
	// Lang is a language tag; extract keeps it as given.
	Lang string
	// Published replaces the inferred publication date.
	Published storyline.Published
}

// Host returns the host of a URL in lower case without a leading "www.",
// or "" when rawURL has no host.
func Host(rawURL string) string {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return ""
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// sourceOf applies the source rule: the input's field, else the host of
// the first URL that has one, else the page's site name, else "".
func sourceOf(field, inputURL, canonicalURL, siteName string) string {
	if s := cleanLine(field); s != "" {
		return s
	}
	if h := Host(inputURL); h != "" {
		return h
	}
	if h := Host(canonicalURL); h != "" {
		return h
	}
	return cleanLine(siteName)
}

// cleanLine collapses white space runs to single spaces and trims.
func cleanLine(s string) string {
	if isCleanLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCleanLine reports whether cleanLine would return s as it is: no white
// space but single spaces between words.
func isCleanLine(s string) bool {
	space := true // at the start, a space is one too many
	for _, r := range s {
		if r == ' ' {
			if space {
				return false
			}
			space = true
			continue
		}
		if r >= utf8.RuneSelf && unicode.IsSpace(r) || r < utf8.RuneSelf && r != ' ' && asciiSpace(byte(r)) {
			return false
		}
		space = false
	}
	return !space || s == ""
}

// asciiSpace reports whether c is ASCII white space.
func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
}

// tidyText normalises line ends, trims trailing space on each line, keeps
// at most one blank line between paragraphs and trims the whole.
func tidyText(s string) string { return tidyLines(lineEnds(s)) }

// lineEnds turns "\r\n" and a lone "\r" into "\n"; a text without "\r",
// found in one scan, is returned as it is.
func lineEnds(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// tidyLines is tidyText for a text whose line ends are "\n" already.
func tidyLines(s string) string {
	if isTidy(s) {
		return strings.TrimSpace(s)
	}
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

// isTidy reports whether tidyText would keep s as it is, but for white
// space around it: no line ends in white space and no two lines in a row
// are empty.
func isTidy(s string) bool {
	empty := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if line == "" {
			if empty++; empty > 1 {
				return false
			}
			continue
		}
		empty = 0
		c := line[len(line)-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
		} else if r, _ := utf8.DecodeLastRuneInString(line); unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// maxTitle is the length, in code points, a title made from a sentence is
// cut to.
const maxTitle = 120

// TitleFromText makes a title from the first sentence of text: the
// sentence itself when short, else cut at a word boundary to about 120
// code points with an ellipsis.
func TitleFromText(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	s := cleanLine(firstSentence(text))
	s = strings.TrimRight(s, " .")
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	runes := []rune(s)
	cut := maxTitle
	for cut > maxTitle/2 && !unicode.IsSpace(runes[cut]) {
		cut--
	}
	if cut <= maxTitle/2 {
		cut = maxTitle
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}

// firstSentence returns text up to and including the first sentence end:
// '.', '!' or '?' followed by space and an upper-case letter, a digit or
// a quote, and not after a one-letter initial or a common abbreviation.
func firstSentence(text string) string {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j < len(text) && text[j] != ' ' {
			continue
		}
		if c == '.' && isAbbrevBefore(text[:i]) {
			continue
		}
		rest := strings.TrimLeft(text[j:], " ")
		if rest == "" {
			return text[:j]
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«", r) {
			return text[:j]
		}
	}
	return text
}

// isAbbrevBefore reports whether the word ending text is an initial or a
// common abbreviation, so that a following period does not end a sentence.
func isAbbrevBefore(text string) bool {
	k := strings.LastIndexAny(text, " (\"'")
	w := text[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt",
		"sgt", "gov", "sen", "rep", "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "no",
		"jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
		"inc", "corp", "ltd", "co":
		return true
	}
	return false
}
