package clean

import (
	"regexp"
	"strings"
)

// lineKind says what a generic rule decided about one line.
type lineKind uint8

const (
	keep lineKind = iota
	// drop removes the line.
	drop
	// dropWithNext removes the line and, when short, the line after it
	// (a "Read also:" label followed by the linked headline).
	dropWithNext
	// dropRest removes the line and everything after it when it stands in
	// the back half of the text (a "Source link" footer).
	dropRest
)

// shortLine is the most words a line may have for the patterns that only
// make sense on a line of its own (credits, share buttons).
const shortLine = 25

// disclaimer matches editorial disclaimers about republished opinions;
// the other rules are matched by hand (rules.go).
var disclaimer = regexp.MustCompile(`^we remind our readers\b|does not (necessarily )?(mean|imply) that we agree|views expressed (in this article|here) are (solely )?(those of|the author)|мнение редакции может не совпадать`)

// Words one of which a line must contain for the unanchored patterns to
// be worth running: those scan every position of every line, and almost
// no line of an article is boilerplate.
var (
	copyrightWords   = []string{"copyright", "©", "(c)", "all rights reserved"}
	disclaimerWords  = []string{"remind our readers", "that we agree", "views expressed", "мнение редакции"}
	adBlockWords     = []string{"block", "disable", "advertising", "whitelist", "regards", "cannot be free"}
	photoAgencyWords = []string{"getty images", "shutterstock", "ap photo", "afp photo", "reuters photo"}
	shareWords       = []string{"share", "tweet", "email", "print", "follow us", "subscribe", "sign up", "newsletter",
		"click here", "join us", "download", "comment", "continue reading", "sponsored", "подписыва", "подпиш"}
)

// cues finds the words of the lists above in a line, all in one pass.
var cues = newCueFinder(map[cueList][]string{
	cueCopyright:   copyrightWords,
	cueDisclaimer:  disclaimerWords,
	cueAdBlock:     adBlockWords,
	cuePhotoAgency: photoAgencyWords,
	cueShare:       shareWords,
})

// Words one of which a line must open with for an anchored pattern to be
// worth running.
var (
	sourceLinkStarts  = newOpeners("source", "original source", "link", "read")
	readAlsoStarts    = newOpeners("read", "see", "watch", "listen", "also", "related", "more on", "recommended", "читайте", "смотрите", "по теме")
	publishedAtStarts = newOpeners("published", "posted", "updated", "last updated")
	// after an opening bracket and spaces
	photoCreditStarts = newOpeners("photo", "image", "picture", "credit", "video", "illustration", "фото", "иллюстрация",
		"©", "ap", "afp", "reuters", "getty images", "epa", "tass", "ria novosti", "sputnik")
)

// openers are words a line may open with. Their first two bytes are
// kept in a filter, so that most lines, which open with none of them,
// are told so by one look-up rather than a comparison per word.
type openers struct {
	heads [1 << headBits / 64]uint64 // by headBit of a word's first two bytes
	words []string
}

// headBits is the size of the filter of openers, in bits of its index.
const headBits = 10

// headBit maps a word's first two bytes to a bit of the filter.
func headBit(s string) uint32 {
	return (uint32(s[0]) | uint32(s[1])<<8) * 0x9e3779b1 >> (32 - headBits)
}

// newOpeners returns the openers words, each of two bytes or more.
func newOpeners(words ...string) *openers {
	o := &openers{words: words}
	for _, w := range words {
		if len(w) < 2 {
			panic("clean: opener shorter than two bytes: " + w)
		}
		b := headBit(w)
		o.heads[b/64] |= 1 << (b % 64)
	}
	return o
}

// opensWith reports whether s starts with any of the words of o.
func opensWith(s string, o *openers) bool {
	if len(s) < 2 {
		return false
	}
	if b := headBit(s); o.heads[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	for _, w := range o.words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// mayBeCredit reports whether a line may open with a photo credit: after
// an optional bracket and spaces, one of photoCreditStarts.
func mayBeCredit(s string) bool {
	i := 0
	for i < len(s) && (s[i] == '(' || s[i] == '[') {
		i++
	}
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return opensWith(s[i:], photoCreditStarts)
}

// classify applies the generic boilerplate rules to one normalized line.
func classify(norm string, words int) lineKind {
	if norm == "" {
		return keep
	}
	// The cue words of copyright notices, share lines and picture
	// agencies count on short lines only.
	want := allCues
	if words > shortLine {
		want = cueSet(cueDisclaimer | cueAdBlock)
	}
	cue := cues.find(norm, want)
	switch {
	case norm == "":
		return keep
	case opensWith(norm, sourceLinkStarts) && isSourceLink(norm):
		return dropRest
	case opensWith(norm, readAlsoStarts) && isReadAlso(norm):
		if words <= 3 || strings.HasSuffix(norm, ":") {
			return dropWithNext
		}
		if words <= shortLine {
			return drop
		}
	case cue.has(cueDisclaimer) && disclaimer.MatchString(strings.Clone(norm)):
		// (The regular expression keeps what it reads: a copy, made on
		// the rare lines with a cue word, lets Prepare normalize on its
		// own stack.)
		return drop
	case cue.has(cueAdBlock) && isAdBlock(norm):
		if words <= 2*shortLine {
			return drop
		}
	case opensWith(norm, publishedAtStarts) && isPublishedAt(norm):
		return drop
	case words <= shortLine && cue.has(cueCopyright) && isCopyright(norm):
		return drop
	}
	if norm == "advertisement" || strings.HasPrefix(norm, "advertisement continue reading") {
		return drop
	}
	if words <= shortLine/2 && cue.has(cueShare) && isShareLine(norm) {
		return drop
	}
	if words <= shortLine && (mayBeCredit(norm) && isPhotoCredit(norm) ||
		cue.has(cuePhotoAgency) && isPhotoAgency(norm)) {
		return drop
	}
	return keep
}
