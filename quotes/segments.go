package quotes

import (
	"strings"
	"unicode"
)

// segment is one stretch of quoted text inside one paragraph.
type segment struct {
	open, close int // positions of the marks; close is -1 when the quote runs on
	start, end  int // content, without the marks
	para        int
	words       int
	// mixed marks a quotation closed by a mark of another style (“…").
	mixed bool
	// cont links a quote that runs over paragraphs to its next piece.
	cont int
	prev int
}

// closerFor returns the marks that close a quotation opened by r.
func closerFor(r rune) string {
	switch r {
	case '“':
		return "”"
	case '«':
		return "»"
	case '„':
		return "“”"
	case '"':
		return "\""
	}
	return ""
}

// findSegments finds the quoted stretches of text, paragraph by paragraph.
// A quotation left open at a paragraph's end continues when the next
// paragraph opens with a quotation mark, as typeset in news copy.
func findSegments(text []rune) []segment {
	var segs []segment
	paraStart, para := 0, 0
	for i := 0; i < len(text); i++ {
		// one pass over the text finds both the paragraphs and the marks
		// that open quotations; most code points are neither
		c := text[i]
		if c < '«' && c != '"' && c != '\n' {
			continue
		}
		if c == '\n' {
			paraStart, para = i+1, para+1
			continue
		}
		if c != '"' && c != '“' && c != '«' && c != '„' {
			continue // opens no quotation: closerFor(c) == ""
		}
		paraEnd := i
		for paraEnd < len(text) && text[paraEnd] != '\n' {
			paraEnd++
		}
		segs = scanPara(text, paraStart, i, paraEnd, para, segs)
		i = paraEnd - 1 // on to the newline, if any
	}
	for i := range segs {
		segs[i].cont, segs[i].prev = -1, -1
	}
	for i := 0; i+1 < len(segs); i++ {
		a, b := &segs[i], &segs[i+1]
		if a.close < 0 && b.para > a.para && b.open == firstNonSpace(text, b.open) {
			a.cont, b.prev = i+1, i
		}
	}
	return segs
}

func firstNonSpace(text []rune, pos int) int {
	p := pos
	for p > 0 && text[p-1] != '\n' {
		p--
	}
	for p < len(text) && isSpace(text[p]) && text[p] != '\n' {
		p++
	}
	return p
}

// scanPara appends the segments of the paragraph [from, to) of text whose
// first mark that opens a quotation is at or after first.
func scanPara(text []rune, from, first, to, para int, segs []segment) []segment {
	for i := first; i < to; i++ {
		if c := text[i]; c != '"' && c != '“' && c != '«' && c != '„' {
			continue // opens no quotation: closerFor(c) == ""
		}
		closers := closerFor(text[i])
		if text[i] == '"' && i+1 < to && isSpace(text[i+1]) && i > from && !isSpace(text[i-1]) {
			continue // a stray closing mark
		}
		j := findCloser(text, i, to, closers)
		if j >= to {
			// mixed typography: “…" or "…”
			switch text[i] {
			case '“':
				j = findCloser(text, i, to, "\"")
			case '"':
				j = findCloser(text, i, to, "”")
			}
		}
		s := segment{open: i, close: j, start: i + 1, end: j, para: para, mixed: j < to && closers != "" && !strings.ContainsRune(closers, text[j])}
		if j >= to {
			s.close, s.end = -1, to
			for s.end > s.start && isSpace(text[s.end-1]) {
				s.end--
			}
		}
		s.words = countFields(text[s.start:s.end])
		segs = append(segs, s)
		if s.close < 0 {
			break
		}
		i = j
	}
	return segs
}

// findCloser returns the position of the mark closing the quotation
// opened at i, or to when the paragraph ends first.
func findCloser(text []rune, i, to int, closers string) int {
	depth := 0
	j := i + 1
	for ; j < to; j++ {
		r := text[j]
		if r == '«' && text[i] == '«' {
			depth++
			continue
		}
		if containsRune(closers, r) {
			if depth > 0 {
				depth--
				continue
			}
			break
		}
		if r == '“' && text[i] == '“' && restBlank(text, j+1, to) {
			break // a mis-typed closing mark at the paragraph's end
		}
	}
	return j
}

// countFields returns len(strings.Fields(string(text))).
func countFields(text []rune) int {
	n, in := 0, false
	for _, r := range text {
		space := isSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// containsRune is strings.ContainsRune for the few marks of closers.
func containsRune(closers string, r rune) bool {
	for _, c := range closers {
		if c == r {
			return true
		}
	}
	return false
}

func restBlank(text []rune, from, to int) bool {
	for k := from; k < to; k++ {
		if !isSpace(text[k]) {
			return false
		}
	}
	return true
}

// isTitle reports whether a short quotation looks like a title ("Saturday
// Night Live", "State of the Union,"): every word but the small ones
// capitalised, no question or exclamation.
func isTitle(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ",.")
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n > 8 {
			return false // most quotations: no title, and no list of their words made
		}
	}
	if n < 2 {
		return false
	}
	f := strings.Fields(s)
	for _, w := range f {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) && !minorWords[strings.ToLower(w)] && (unicode.IsLetter(r[0]) || len(r) > 1) {
			return false
		}
	}
	last := []rune(s)
	return len(last) > 0 && !strings.ContainsRune("!?", last[len(last)-1])
}

var minorWords = map[string]bool{"of": true, "the": true, "and": true, "a": true, "in": true, "on": true, "to": true,
	"for": true, "at": true, "with": true, "de": true, "la": true, "los": true, "las": true, "el": true, "del": true}

// isSpace is unicode.IsSpace, answered at once below U+1680, the first
// white space past Latin-1.
func isSpace(r rune) bool {
	if r > 0xff && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}
