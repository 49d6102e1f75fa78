package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The generic boilerplate rules, matched by hand: each function below
// reports what its regular expression (quoted in its comment, kept in the
// tests, which check that the two agree) reports for a line. A regular
// expression cost about a microsecond a line, most of it trying every
// position of the unanchored ones, on the lines, a few per article, that
// the cue words let through; these look at each position once.
//
// In the expressions \s is [\t\n\f\r ] and \b a word boundary: a word
// character (a letter, a digit or _, in any script) on one side and none,
// or the end of the line, on the other. (Go's \b knows only ASCII words,
// which never found a boundary beside a Cyrillic word: "фото: тасс" was
// kept where "photo: tass" went. The tests spell the boundary out.)

// isWordByte reports whether c is an ASCII word character, [0-9A-Za-z_].
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// isWordRune reports whether r is a word character: a letter, a digit or _.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// boundary reports whether \b holds at byte i of s.
func boundary(s string, i int) bool {
	before := false
	if i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			before = isWordByte(c)
		} else {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			before = isWordRune(r)
		}
	}
	after := false
	if i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			after = isWordByte(c)
		} else {
			r, _ := utf8.DecodeRuneInString(s[i:])
			after = isWordRune(r)
		}
	}
	return before != after
}

// isSpaceRE reports whether c is white space as \s matches it.
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSpaceRE returns s without the white space \s* matches at its start.
func skipSpaceRE(s string) string {
	i := 0
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return s[i:]
}

// phrase is a literal that may need a word boundary before or after it.
type phrase struct {
	text       string
	start, end bool // \b before, \b after
}

// phrases finds, anywhere in a line, one of a set of phrases: the
// expression \b?(p1|p2|...)\b? with each phrase's own boundaries.
// Phrases are kept by their first byte, so that a position is compared
// with the phrases that can start there only.
type phrases struct {
	byFirst [256][]phrase
}

// newPhrases returns the set of ps, none empty.
func newPhrases(ps ...phrase) *phrases {
	set := new(phrases)
	for _, p := range ps {
		set.byFirst[p.text[0]] = append(set.byFirst[p.text[0]], p)
	}
	return set
}

// words makes phrases of texts, each with a boundary either side.
func words(texts ...string) []phrase {
	ps := make([]phrase, len(texts))
	for i, t := range texts {
		ps[i] = phrase{text: t, start: true, end: true}
	}
	return ps
}

// in reports whether s holds one of the phrases of set.
func (set *phrases) in(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, p := range set.byFirst[s[i]] {
			if strings.HasPrefix(s[i:], p.text) &&
				(!p.start || boundary(s, i)) && (!p.end || boundary(s, i+len(p.text))) {
				return true
			}
		}
	}
	return false
}

// expand returns every concatenation of one choice from each part, in
// order: expand([]string{"a", "b"}, []string{"", "c"}) is a, ac, b, bc.
func expand(parts ...[]string) []string {
	out := []string{""}
	for _, choices := range parts {
		var next []string
		for _, o := range out {
			for _, c := range choices {
				next = append(next, o+c)
			}
		}
		out = next
	}
	return out
}

// startsWithAny reports whether s starts with one of texts after which
// fn accepts the rest of s.
func startsWithAny(s string, texts []string, fn func(rest string) bool) bool {
	for _, t := range texts {
		if strings.HasPrefix(s, t) && fn(s[len(t):]) {
			return true
		}
	}
	return false
}

// shareLines are the phrases of isShareLine but the comment counter.
var shareLines = newPhrases(words(
	"share this", "share on", "share via", "share article", "tweet this", "email this", "print this",
	"follow us on", "follow us at", "subscribe to", "subscribe now", "subscribe for", "sign up for", "sign up to",
	"newsletter", "click here", "join us on", "download our app", "download the app",
	"continue reading", "continue reading the main story", "sponsored content", "подписывайтесь", "подпишитесь",
)...)

// isShareLine matches share, subscribe and navigation lines:
//
//	\b(share (this|on|via)|share article|tweet this|email this|print this|follow us (on|at)|subscribe (to|now|for)|sign up (for|to)|newsletter|click here|join us on|download (our|the) app|continue reading( the main story)?|sponsored content|подписывайтесь|подпишитесь)\b|\bcomments?\s*\(\d+\)
func isShareLine(s string) bool {
	if shareLines.in(s) {
		return true
	}
	// \bcomments?\s*\(\d+\), a counter that may end the line
	for from := 0; ; {
		i := strings.Index(s[from:], "comment")
		if i < 0 {
			return false
		}
		i += from
		from = i + 1
		if !boundary(s, i) {
			continue
		}
		r := s[i+len("comment"):]
		r = strings.TrimPrefix(r, "s")
		r = skipSpaceRE(r)
		if r == "" || r[0] != '(' {
			continue
		}
		d := 1
		for d < len(r) && r[d] >= '0' && r[d] <= '9' {
			d++
		}
		if d > 1 && d < len(r) && r[d] == ')' {
			return true
		}
	}
}

// photoAgencies are the phrases of isPhotoAgency.
var photoAgencies = newPhrases(words("getty images", "shutterstock", "ap photo", "afp photo", "reuters photo")...)

// isPhotoAgency matches a line that names a picture agency:
//
//	\b(getty images|shutterstock|ap photo|afp photo|reuters photo)\b
func isPhotoAgency(s string) bool { return photoAgencies.in(s) }

// adBlockPleas are the phrases of isAdBlock.
var adBlockPleas = newPhrases(append(append(words(expand(
	[]string{"adblock", "ad block", "ad-block"}, []string{"", "er", "ing"})...),
	words("funded by advertising", "whitelist our site", "whitelist this site",
		"best regards, editor", "best regards, editors", "best regards, the editor", "best regards, the editors")...),
	phrase{text: "disable ad", start: true}, phrase{text: "disable your ad", start: true},
	phrase{text: "cannot be free, otherwise"})...)

// isAdBlock matches pleas to turn off an ad blocker and to fund the site:
//
//	\bad[ \-]?block(er|ing)?\b|\bdisable (your )?ad|\bfunded by advertising\b|\bwhitelist (our|this) site\b|\bbest regards, (the )?editors?\b|cannot be free, otherwise
func isAdBlock(s string) bool { return adBlockPleas.in(s) }

// isCopyright matches a copyright notice:
//
//	^(copyright|©|\(c\))\s.*|\ball rights reserved\b
//
// (.* matches the empty rest too.)
func isCopyright(s string) bool {
	for _, p := range [...]string{"copyright", "©", "(c)"} {
		if len(s) > len(p) && strings.HasPrefix(s, p) && isSpaceRE(s[len(p)]) {
			return true
		}
	}
	return allRights.in(s)
}

// allRights is the phrase of isCopyright's second branch.
var allRights = newPhrases(words("all rights reserved")...)

// isPublishedAt matches a bare publication stamp line:
//
//	^(published|posted|updated|last updated)( at| on)?\s*[:\-]?\s*[\d\s:./,\-apmutcgmt]*$
//
// The stamp's class holds \s, ':' and '-', and " at" is made of it: what
// follows the opening word is the class alone, or " on" and the class.
func isPublishedAt(s string) bool {
	return startsWithAny(s, publishedWords, func(rest string) bool {
		return stampOnly(rest) || strings.HasPrefix(rest, " on") && stampOnly(rest[3:])
	})
}

// publishedWords open a publication stamp.
var publishedWords = []string{"published", "posted", "updated", "last updated"}

// stampOnly reports whether s is made of [\d\s:./,\-apmutcgmt] only.
func stampOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', isSpaceRE(c):
		case strings.IndexByte(":./,-apmutcg", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// sourceLinks are the labels of isSourceLink.
var sourceLinks = append([]string{"source link", "original source", "source url", "link to source", "link to the source"},
	expand([]string{"read "}, []string{"", "the "}, []string{"full ", "original "}, []string{"article", "story"},
		[]string{"", " here", " at", " on"})...)

// isSourceLink matches a republisher's footer link:
//
//	^(source link|original source|source url|link to (the )?source|read (the )?(full|original) (article|story)( here| at| on)?)\s*[:.]?\s*$
func isSourceLink(s string) bool {
	return startsWithAny(s, sourceLinks, func(rest string) bool {
		rest = skipSpaceRE(rest)
		if rest != "" && (rest[0] == ':' || rest[0] == '.') {
			rest = skipSpaceRE(rest[1:])
		}
		return rest == ""
	})
}

// Labels of isReadAlso: those followed by a word boundary, and those
// followed by \s* and a colon, period or hyphen.
var (
	readAlsoWords = expand([]string{"read", "see", "watch", "listen"}, []string{" "}, []string{"also", "more", "next"})
	readAlsoMarks = append([]string{"also read", "also see", "more on this", "more on this story", "recommended"},
		expand([]string{"related"}, []string{"", " article", " articles", " stories", " news"})...)
)

// isReadAlso matches a "Read also" style label, alone or with a headline:
//
//	^(?:(read|see|watch|listen) (also|more|next)\b|(also read|also see|related( articles?| stories| news)?|more on this( story)?|recommended)\s*[:.\-]|читайте также|смотрите также|по теме\s*:)
func isReadAlso(s string) bool {
	switch {
	case startsWithAny(s, readAlsoWords, func(rest string) bool { return boundary(s, len(s)-len(rest)) }),
		startsWithAny(s, readAlsoMarks, func(rest string) bool {
			rest = skipSpaceRE(rest)
			return rest != "" && strings.IndexByte(":.-", rest[0]) >= 0
		}),
		strings.HasPrefix(s, "читайте также"), strings.HasPrefix(s, "смотрите также"):
		return true
	}
	rest, ok := strings.CutPrefix(s, "по теме")
	return ok && strings.HasPrefix(skipSpaceRE(rest), ":")
}

// Words of isPhotoCredit's branches.
var (
	creditWords = []string{"photo", "photos", "image", "images", "picture", "pictures", "photograph", "photo credit",
		"credit", "credits", "pictured", "video", "illustration", "фото", "фотография", "иллюстрация"}
	pictureAgencies = expand([]string{"ap", "afp", "reuters", "getty images", "epa", "tass", "ria novosti", "sputnik"},
		[]string{"", " photo"})
)

// isPhotoCredit matches a line that opens with a credit word or a picture
// agency's byline:
//
//	^[(\[]?\s*(photo|photos|image|images|picture|pictures|photograph|photo credit|credit|credits|pictured|video|illustration|фото|фотография|иллюстрация)\b\s*([:©/(\-]|by\b|$)|^[(\[]?\s*©|^[(\[]?\s*(ap|afp|reuters|getty images|epa|tass|ria novosti|sputnik)( photo)?\s*/|^\(?(image|photo)s?\s*:
//
// No word of the branches opens with a bracket or white space, so that
// an opening bracket and the white space after it are always taken.
func isPhotoCredit(s string) bool {
	p := s
	if p != "" && (p[0] == '(' || p[0] == '[') {
		p = p[1:]
	}
	p = skipSpaceRE(p)
	at := func(rest string) int { return len(s) - len(rest) } // rest's offset in s
	credit := startsWithAny(p, creditWords, func(rest string) bool {
		if !boundary(s, at(rest)) {
			return false
		}
		rest = skipSpaceRE(rest)
		switch {
		case rest == "":
			return true
		case strings.IndexByte(":/(-", rest[0]) >= 0, strings.HasPrefix(rest, "©"):
			return true
		}
		return strings.HasPrefix(rest, "by") && boundary(s, at(rest)+2)
	})
	if credit || strings.HasPrefix(p, "©") {
		return true
	}
	if startsWithAny(p, pictureAgencies, func(rest string) bool { return strings.HasPrefix(skipSpaceRE(rest), "/") }) {
		return true
	}
	q := strings.TrimPrefix(s, "(")
	return startsWithAny(q, []string{"image", "photo"}, func(rest string) bool {
		return strings.HasPrefix(skipSpaceRE(rest), ":") || strings.HasPrefix(skipSpaceRE(strings.TrimPrefix(rest, "s")), ":")
	})
}
