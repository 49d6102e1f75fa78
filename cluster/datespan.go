package cluster

import (
	"slices"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// span is a half-open range of bytes.
type span struct{ start, end int }

// dateSpans appends to dst the byte spans, in text, of the date mentions
// (whose offsets are code points), sorted and merged, and returns it.
func dateSpans(dst []span, text string, dates []storyline.DateMention) []span {
	if len(dates) == 0 {
		return dst
	}
	first := len(dst)
	for _, d := range dates {
		if d.End > d.Start && d.Start >= 0 {
			dst = append(dst, span{d.Start, d.End})
		}
	}
	ds := dst[first:]
	slices.SortFunc(ds, func(a, b span) int { return a.start - b.start })
	// code points to bytes, in one pass over the text: each offset (the
	// starts, then the ends, both ascending once the spans are merged)
	// is reached in order
	out := ds[:0]
	for _, d := range ds {
		if n := len(out); n > 0 && d.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, d.end)
			continue
		}
		out = append(out, d)
	}
	cp, b := 0, 0
	toByte := func(off int) int {
		for cp < off && b < len(text) {
			_, n := utf8.DecodeRuneInString(text[b:])
			b += n
			cp++
		}
		return b
	}
	for i := range out {
		out[i].start = toByte(out[i].start)
		out[i].end = toByte(out[i].end)
	}
	return dst[:first+len(out)]
}
