package cluster

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// StrongCopyShare is the share of one of two articles that the passages
// they share, not all quotations, must cover for a partial copy to be
// evidence of one event; whole copies always are. A copy finder that
// feeds only the clusterer can skip the copies below it
// (copies.Options.MinShare).
const StrongCopyShare = 0.2

// strongCopy reports whether a copy is evidence of the same event: a
// (near) duplicate, or shared passages that are not only quotations and
// cover StrongCopyShare of one article.
func strongCopy(cp storyline.Copy) bool {
	if cp.Kind != storyline.Partial {
		return true
	}
	quotes := len(cp.Passages) > 0
	for _, p := range cp.Passages {
		quotes = quotes && p.Quote
	}
	return !quotes && max(cp.AShare, cp.BShare) >= StrongCopyShare
}

// briefWords is the fewest words of a text whose whole copies are
// evidence of one happening by themselves: a lead's (leadTokens).
const briefWords = leadTokens

// briefText reports whether text has fewer than briefWords words: runs
// of letters and digits (unicode.IsLetter, unicode.IsDigit).
func briefText(text string) bool {
	n := 0
	in := false
	for i := 0; i < len(text); {
		// ASCII and the two-byte Cyrillic letters without a call
		var letter bool
		switch c := text[i]; {
		case c < utf8.RuneSelf:
			letter = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			letter = cyrillicLetter(r) || unicode.IsLetter(r) || unicode.IsDigit(r)
			i += size
		}
		if letter && !in {
			if n++; n >= briefWords {
				return false
			}
		}
		in = letter
	}
	return true
}

// cyrillicLetter reports whether r is in U+0400–U+047F, the Cyrillic
// code points written in two bytes whose lead is 0xD0 or 0xD1, which are
// all letters.
func cyrillicLetter(r rune) bool { return r >= 0x400 && r < 0x480 }
