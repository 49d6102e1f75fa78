package server

import (
	"fmt"
	"slices"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// paragraph is one paragraph of an article's text, cut into segments
// that are uniformly marked.
type paragraph struct {
	Segments []segment
}

// segment is a run of text with the marks that cover it. Text is
// untrusted: templates print it escaped.
type segment struct {
	Text string
	// Anchors are the ids of the passages and quotes that start here.
	Anchors []string
	// Reuse links to the side-by-side view of the passage covering the
	// segment; empty when none does. SharedQuote says that passage is a
	// quotation both articles carry.
	Reuse       string
	SharedQuote bool
	// Quote links to the quote covering the segment.
	Quote string
}

// mark is one highlighted span of code points.
type mark struct {
	start, end int
	id         string // anchor of the span's first segment
	href       string
	quote      bool // a quote, not a passage
	shared     bool // a passage that is a shared quotation
}

// passageAnchor names passage p of copy c on the article page.
func passageAnchor(c, p int) string { return fmt.Sprintf("reuse-%d-%d", c, p) }

// quoteAnchor names a quote by its start offset.
func quoteAnchor(start int) string { return fmt.Sprintf("q-%d", start) }

// highlight cuts text into paragraphs at line breaks and into segments
// at the edges of reused passages and quotes.
func highlight(text, id string, copies []storyline.Copy, quotes []storyline.Quote) []paragraph {
	rs := []rune(text)
	n := len(rs)
	var marks []mark
	clamp := func(s, e int) (int, int, bool) {
		s, e = max(s, 0), min(e, n)
		return s, e, s < e
	}
	for ci, c := range copies {
		for pi, p := range c.Passages {
			s, e := p.AStart, p.AEnd
			if c.A != id {
				s, e = p.BStart, p.BEnd
			}
			if s, e, ok := clamp(s, e); ok {
				a := passageAnchor(ci, pi)
				marks = append(marks, mark{start: s, end: e, id: a + "-text", href: "#" + a, shared: p.Quote})
			}
		}
	}
	for _, q := range quotes {
		if s, e, ok := clamp(q.Start, q.End); ok {
			a := quoteAnchor(q.Start)
			marks = append(marks, mark{start: s, end: e, id: a, href: "#" + a + "-note", quote: true})
		}
	}
	cuts := []int{0, n}
	for _, m := range marks {
		cuts = append(cuts, m.start, m.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var out []paragraph
	cur := paragraph{}
	started := make(map[string]bool)
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		var seg segment
		for _, m := range marks {
			if m.start > s || m.end < e {
				continue
			}
			if m.quote {
				if seg.Quote == "" {
					seg.Quote = m.href
				}
			} else if seg.Reuse == "" {
				seg.Reuse, seg.SharedQuote = m.href, m.shared
			}
			if m.start == s && !started[m.id] {
				seg.Anchors = append(seg.Anchors, m.id)
				started[m.id] = true
			}
		}
		// Split the run at line breaks into paragraphs.
		from, anchors := s, seg.Anchors
		for j := s; j <= e; j++ {
			if j < e && rs[j] != '\n' {
				continue
			}
			if j > from {
				part := seg
				part.Text = string(rs[from:j])
				part.Anchors, anchors = anchors, nil
				cur.Segments = append(cur.Segments, part)
			}
			if j < e { // a line break ends the paragraph
				if len(cur.Segments) > 0 {
					out = append(out, cur)
				}
				cur = paragraph{}
			}
			from = j + 1
		}
	}
	if len(cur.Segments) > 0 {
		out = append(out, cur)
	}
	return out
}

// reuseView is one article this one shares text with, and the passages.
type reuseView struct {
	Other      storyline.Article
	Loaded     bool
	Relation   string
	Kind       storyline.CopyKind
	Similarity float64
	HereShare  float64
	ThereShare float64
	Passages   []passageView
}

// passageView is one shared passage, in both articles.
type passageView struct {
	Anchor string
	Here   string
	There  string
	Quote  bool
	// Same reports that both articles carry the passage word for word;
	// else HereDiff and ThereDiff mark the words only one side has.
	Same                bool
	HereDiff, ThereDiff []diffSegment
}

// The relations an article has to one it shares text with.
const (
	relCopiedFrom = "copied from"
	relReusedBy   = "reused by"
	relShares     = "shares text with"
)

// reuseViews lists the copies of v from v's side, with the partner
// articles read into others.
func reuseViews(v ArticleView, others map[string]storyline.Article) []reuseView {
	here := []rune(v.Text)
	out := make([]reuseView, 0, len(v.Copies))
	for ci, c := range v.Copies {
		isA := c.A == v.ID
		otherID := c.B
		if !isA {
			otherID = c.A
		}
		o, loaded := others[otherID]
		if !loaded {
			o = storyline.Article{ID: otherID}
		}
		rv := reuseView{Other: o, Loaded: loaded, Kind: c.Kind, Similarity: c.Similarity, Relation: relShares}
		rv.HereShare, rv.ThereShare = c.AShare, c.BShare
		if !isA {
			rv.HereShare, rv.ThereShare = c.BShare, c.AShare
		}
		switch {
		case c.Direction == storyline.AToB && isA, c.Direction == storyline.BToA && !isA:
			rv.Relation = relReusedBy
		case c.Direction == storyline.AToB, c.Direction == storyline.BToA:
			rv.Relation = relCopiedFrom
		}
		there := []rune(o.Text)
		for pi, p := range c.Passages {
			hs, he, ts, te := p.AStart, p.AEnd, p.BStart, p.BEnd
			if !isA {
				hs, he, ts, te = ts, te, hs, he
			}
			pv := passageView{Anchor: passageAnchor(ci, pi), Here: slice(here, hs, he), There: slice(there, ts, te), Quote: p.Quote}
			if pv.Here == "" {
				pv.Here = p.Text
			}
			if pv.There == "" {
				pv.There = p.Text
			}
			pv.Same = textproc.Normalize(pv.Here) == textproc.Normalize(pv.There)
			if !pv.Same {
				pv.HereDiff, pv.ThereDiff = wordDiff(pv.Here, pv.There)
			}
			rv.Passages = append(rv.Passages, pv)
		}
		out = append(out, rv)
	}
	return out
}

// slice returns rs[s:e] as a string, or "" when the range does not fit.
func slice(rs []rune, s, e int) string {
	if s < 0 || e > len(rs) || s >= e {
		return ""
	}
	return string(rs[s:e])
}

// quoteView is one quote in the article's list of quotes.
type quoteView struct {
	Anchor    string
	Text      string
	Speaker   string
	Cue       string
	Kind      storyline.QuoteKind
	Statement string
}

func quoteViews(v ArticleView) []quoteView {
	out := make([]quoteView, 0, len(v.Quotes))
	for _, q := range v.Quotes {
		out = append(out, quoteView{Anchor: quoteAnchor(q.Start), Text: q.Text, Speaker: q.Speaker, Cue: q.Cue, Kind: q.Kind, Statement: q.Statement})
	}
	return out
}
