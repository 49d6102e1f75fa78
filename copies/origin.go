package copies

import (
	"fmt"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
)

// ArticleInfo is what Original needs to know of an article.
type ArticleInfo struct {
	Published storyline.Published
	// Source is the outlet ("tass.com", "TASS").
	Source string
	// Cited are the sources the article credits (Article.Cited).
	Cited []storyline.Citation
}

// Origin is the likely original of an article and the evidence for it.
type Origin struct {
	// Article is the id of the likely original: the article itself when
	// the evidence says it came first, empty when unknown.
	Article string `json:"article"`
	// Confidence is "high" (a credit names the original's outlet), "medium"
	// (an earlier publication), "low" (containment alone) or "unknown".
	Confidence string `json:"confidence"`
	// Evidence says why, one reason a line.
	Evidence []string `json:"evidence"`
	// Credited lists outlets the article credits that no stored partner
	// belongs to: the original may be outside the store.
	Credited []string `json:"credited,omitempty"`
}

// Original judges which article is the likely original of id among the
// articles it shares text with (pairs are the copies id takes part in;
// info describes id and its partners). Evidence, strongest first: a credit
// in id's text naming a partner's outlet, an earlier publication, and
// containment (a partner shares nearly all its text with id while id has
// more of its own). Ties and unknown times give "unknown", never a guess.
func Original(id string, pairs []storyline.Copy, info map[string]ArticleInfo) Origin {
	self := info[id]
	type cand struct {
		id       string
		score    int
		evidence []string
	}
	var cands []cand
	selfFirst := true
	var selfEvidence []string
	matchedCredits := map[string]bool{}
	for _, c := range pairs {
		var p string
		var selfShare, pShare float64
		switch id {
		case c.A:
			p, selfShare, pShare = c.B, c.AShare, c.BShare
		case c.B:
			p, selfShare, pShare = c.A, c.BShare, c.AShare
		default:
			continue
		}
		pi := info[p]
		cd := cand{id: p}
		for _, cit := range self.Cited {
			if sameOutlet(cit.Source, pi.Source) {
				cd.score += 4
				cd.evidence = append(cd.evidence, fmt.Sprintf("%s credits %s (%q), the outlet of %s", id, cit.Source, cit.Text, p))
				matchedCredits[cit.Source] = true
				break
			}
		}
		for _, cit := range pi.Cited {
			if sameOutlet(cit.Source, self.Source) {
				cd.score -= 4
				selfEvidence = append(selfEvidence, fmt.Sprintf("%s credits %s, the outlet of %s", p, cit.Source, id))
				break
			}
		}
		switch {
		case pi.Published.Before(self.Published):
			cd.score += 2
			cd.evidence = append(cd.evidence, fmt.Sprintf("%s was published earlier (%s) than %s (%s)", p, pi.Published, id, self.Published))
			selfFirst = false
		case self.Published.Before(pi.Published):
			cd.score -= 2
			selfEvidence = append(selfEvidence, fmt.Sprintf("%s was published earlier (%s) than %s (%s)", id, self.Published, p, pi.Published))
		default:
			selfFirst = false
		}
		if pShare >= 0.9 && selfShare < 0.7 {
			cd.score++
			cd.evidence = append(cd.evidence, fmt.Sprintf("%s is almost wholly contained in %s (%.0f%% of it reused)", p, id, 100*pShare))
		}
		cands = append(cands, cd)
	}
	var credited []string
	for _, cit := range self.Cited {
		if !matchedCredits[cit.Source] && !slices.Contains(credited, cit.Source) {
			credited = append(credited, cit.Source)
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return strings.Compare(a.id, b.id)
	})
	o := Origin{Credited: credited}
	switch {
	case len(cands) > 0 && cands[0].score > 0 && (len(cands) == 1 || cands[1].score < cands[0].score):
		best := cands[0]
		o.Article, o.Evidence = best.id, best.evidence
		switch {
		case best.score >= 4:
			o.Confidence = "high"
		case best.score >= 2:
			o.Confidence = "medium"
		default:
			o.Confidence = "low"
		}
	case len(cands) > 0 && selfFirst:
		o.Article, o.Confidence, o.Evidence = id, "medium", selfEvidence
	default:
		o.Confidence = "unknown"
		if len(cands) > 0 {
			o.Evidence = []string{"publication times do not order the copies and no credit names a partner"}
		}
	}
	for _, c := range credited {
		o.Evidence = append(o.Evidence, fmt.Sprintf("%s credits %s, which is not among the stored copies", id, c))
	}
	return o
}

// sameOutlet reports whether a credited name and an outlet (a name or a
// host such as "www.tass.com") are one.
func sameOutlet(credit, source string) bool {
	if credit == "" || source == "" {
		return false
	}
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = strings.TrimPrefix(s, "www.")
		s = strings.TrimPrefix(s, "the ")
		if i := strings.LastIndexByte(s, '.'); i > 0 && !strings.Contains(s, " ") {
			s = s[:i] // drop a host's top-level domain
		}
		return strings.NewReplacer(" ", "", "-", "", ".", "").Replace(s)
	}
	c, s := norm(credit), norm(source)
	return c == s || (len(c) >= 3 && strings.HasPrefix(s, c)) || (len(s) >= 3 && strings.HasPrefix(c, s))
}
