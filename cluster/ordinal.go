package cluster

import (
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/textproc"
)

// A title that passes from holder to holder is numbered: the 11th and
// the 12th Doctor, the 85th and the 86th Academy Awards, a fighter's
// 15th and 16th straight win. The reports of two such happenings share
// the title's words, the show's or the ceremony's names, and often the
// outgoing holder; the number in their leads tells them apart. An
// article and an event whose leads number one title noun, with no
// number in common, report two happenings (otherOrdinal); so do two
// events (otherOrdinals). A report of the new holder recalling the last
// one ("Smith, the 11th Doctor, leaves") numbers both, and agrees with
// either. Only a noun written with a capital counts: a title, not a
// minute of a match or a round of talks. Dates ("6th June") are the
// date stage's. Nor does a number that places, ranks or times within
// one happening (see sharedNumbering): one crash's reports give the
// nearest cross street, one battle's the units they heard from, one
// game's the inning they lead with.

// ordinal is an ordinal of a title noun in a lead: the noun, lower
// case, and the number.
type ordinal struct {
	noun string
	n    int16
}

// maxOrdinals bounds the ordinals kept of an article and of an event.
const maxOrdinals = 8

// leadOrdinals appends to dst the ordinals of title nouns ("12th
// Doctor", "Twelfth Doctor") that text writes in its first limit bytes,
// each once, at most maxOrdinals; words are text's words
// (textproc.ScanWords), which the featurizer has scanned already.
// English only.
func leadOrdinals(dst []ordinal, text string, words []textproc.Word, limit int) []ordinal {
	for j := 1; j < len(words) && len(dst) < maxOrdinals; j++ {
		w := &words[j]
		if int(w.Byte) >= limit {
			break
		}
		if !w.Capital {
			continue
		}
		// the ordinal: the word before, a single space apart
		p := &words[j-1]
		end := int(p.Byte + p.Len)
		if p.Len < 3 || end+1 != int(w.Byte) || text[end] != ' ' || !ordinalSuffix(text[end-2:end]) {
			continue
		}
		n, ok := ordinalValue(text[p.Byte:end])
		if !ok {
			continue
		}
		// the noun: a capital and lower-case letters, no initial and
		// no word in capitals
		raw := w.Raw(text)
		k := 1
		for k < len(raw) && raw[k] >= 'a' && raw[k] <= 'z' {
			k++
		}
		if k < 2 || raw[0] < 'A' || raw[0] > 'Z' || k < len(raw) && isASCIIAlnum(raw[k]) {
			continue
		}
		noun := raw[:k]
		if isCalendarWord(noun) || noun == "May" {
			continue
		}
		o := ordinal{strings.ToLower(noun), n}
		if sharedNumbering(o.noun) {
			continue
		}
		if !slices.Contains(dst, o) {
			dst = append(dst, o)
		}
	}
	return dst
}

// sharedNumbering reports whether a title noun, lower case, is of a
// numbering that many happenings share and one happening's reports
// state otherwise: the streets, floors and districts of an address, the
// units of an army, the courts and articles of a law, the moments of a
// game or a fight, the spans of a happening that goes on, the degrees
// of a charge, and the world of the background a lead sets ("the worst
// since the Second World War", "Third World debt"). Two numbers of such
// a noun are one crash's cross streets, one operation's battalions, one
// ruling's circuits or one strike's days as often as they are two
// happenings.
func sharedNumbering(noun string) bool {
	switch noun {
	case "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane",
		"drive", "place", "floor", "block", "precinct", "district", "ward",
		"congressional", "parallel", "arrondissement",
		"army", "fleet", "corps", "division", "brigade", "regiment", "battalion",
		"squadron", "wing", "company", "platoon", "infantry", "cavalry", "armored",
		"armoured", "mechanized", "airborne", "marine", "marines", "artillery", "air",
		"special", "guards", "tank", "rifle",
		"circuit", "amendment", "article", "section",
		"minute", "inning", "innings", "quarter", "half", "period", "round", "hole", "lap",
		"day", "week", "month", "year", "hour", "century", "grade", "degree", "world":
		return true
	}
	return false
}

// ordinalSuffix reports whether an ordinal may end in s, the last two
// letters of a word: every one does in one of these, the spelled ones
// too.
func ordinalSuffix(s string) bool {
	switch s {
	case "th", "nd", "rd", "st", "TH", "ND", "RD", "ST":
		return true
	}
	return false
}

// ordinalValue reads an ordinal ("12th", "2nd", "Twelfth", "second"):
// a number with its suffix, or a spelled ordinal from the second to the
// twentieth ("first" is more often "the first time" or a title of its
// own, the First Lady, than a count).
func ordinalValue(w string) (int16, bool) {
	if w[0] >= '0' && w[0] <= '9' {
		n, i := 0, 0
		for i < len(w) && w[i] >= '0' && w[i] <= '9' {
			n = n*10 + int(w[i]-'0')
			i++
			if n > 9999 {
				return 0, false
			}
		}
		switch w[i:] {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			return int16(n), n > 0
		}
		return 0, false
	}
	if len(w) < 5 || len(w) > 11 {
		return 0, false
	}
	lw := w
	if w[0] >= 'A' && w[0] <= 'Z' {
		lw = string(w[0]+'a'-'A') + w[1:]
	}
	for k, name := range spelledOrdinals {
		if lw == name {
			return int16(k + 2), true
		}
	}
	return 0, false
}

// spelledOrdinals are the ordinals from the second to the twentieth.
var spelledOrdinals = [...]string{"second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
	"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}

// isASCIIAlnum reports whether b is an ASCII letter or digit.
func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b|0x20 >= 'a' && b|0x20 <= 'z'
}

// ordinalsApart reports whether two sets of ordinals number one noun,
// with no number in common: they tell of two holders of one title.
func ordinalsApart(a, b []ordinal) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		shared, agree := false, false
		for _, y := range b {
			if x.noun == y.noun {
				shared = true
				if slices.Contains(a, y) {
					agree = true
					break
				}
			}
		}
		if shared && !agree {
			return true
		}
	}
	return false
}

// otherOrdinal reports whether an article numbers a title noun
// otherwise than event n's members do.
func otherOrdinal(f *Features, n *node) bool { return ordinalsApart(f.ordinals, n.ordinals) }

// otherOrdinals reports whether events a and b number a title noun
// otherwise.
func otherOrdinals(a, b *node) bool { return ordinalsApart(a.ordinals, b.ordinals) }

// addOrdinals adds the ordinals of an article, or of an event merged
// into n, to those n's members write, up to maxOrdinals.
func addOrdinals(n *node, os []ordinal) { n.ordinals = addDistinct(n.ordinals, os, maxOrdinals) }

// ordinalStrings writes ordinals as the state keeps them: the number, a
// space and the noun; nil for none.
func ordinalStrings(os []ordinal) []string {
	if len(os) == 0 {
		return nil
	}
	ss := make([]string, len(os))
	for i, o := range os {
		ss[i] = strconv.Itoa(int(o.n)) + " " + o.noun
	}
	return ss
}

// parseOrdinals reads the ordinals ordinalStrings wrote, passing over
// what it cannot read.
func parseOrdinals(ss []string) []ordinal {
	var os []ordinal
	for _, s := range ss {
		num, noun, ok := strings.Cut(s, " ")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || noun == "" {
			continue
		}
		os = append(os, ordinal{noun, int16(n)})
	}
	return os
}
