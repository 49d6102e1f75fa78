package cluster

import (
	"slices"

	"github.com/storyline-news/storyline"
)

// span is a half-open range of code points.
type span struct{ start, end int }

// dateSpans appends to dst the spans of the date mentions, in code
// points as the mentions give them, sorted and merged, and returns it.
// They are compared with the words' code point offsets
// (textproc.Word.Start), so that no offset need be converted to bytes.
func dateSpans(dst []span, dates []storyline.DateMention) []span {
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
	out := ds[:0]
	for _, d := range ds {
		if n := len(out); n > 0 && d.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, d.end)
			continue
		}
		out = append(out, d)
	}
	return dst[:first+len(out)]
}
