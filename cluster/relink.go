package cluster

import (
	"fmt"
	"time"

	"github.com/storyline-news/storyline"
)

// relinkStory looks up the stories like event's accumulated centroid and,
// when another story than its own is close enough by words and names,
// merges the two: the story an event joined was chosen on its first
// report alone.
func (c *Clusterer) relinkStory(event *node, at time.Time, after string) (storyline.Merge, bool) {
	own := event.story.live()
	q := c.centroidVector(&event.cent)
	kv := c.kvec
	c.kvec = nil
	scands := c.candidates(c.storyIdx, q, event.scripts[1] > event.scripts[0], at, c.opts.StoryDecay, nil)
	c.kvec = kv
	sortCandidates(scands)
	if c.debug != nil {
		for i, cd := range scands[:min(3, len(scands))] {
			c.debug(fmt.Sprintf("   relink %s cand %d %s size %d cos %.3f sim %.3f nameCos %.3f", event.id, i, cd.n.id, cd.n.size, cd.cos, cd.sim, cd.nameCos))
		}
	}
	for _, cd := range scands {
		if cd.sim < c.opts.RelinkThreshold {
			break
		}
		if cd.n == own || (cd.nameCos >= 0 && cd.nameCos < c.opts.StoryNameAgreement) || !c.wordsAgree(cd) || c.dense() && !c.wordsJoin(cd) || !c.storyEvidence(cd, q, nil, c.opts.RelinkThreshold) {
			continue
		}
		return c.mergeStories(own, cd.n, after), true
	}
	return storyline.Merge{}, false
}

// centroidVector is ct as a unit vector over its DocTerms heaviest terms
// (the clusterer's scratch: valid until the next call).
func (c *Clusterer) centroidVector(ct *centroid) vector {
	v := c.cvec[:0]
	for i, id := range ct.ids {
		v = append(v, tw{id, ct.ws[i]})
	}
	c.selectHeaviestSorted(v, c.opts.DocTerms, ct.sorted)
	v = v[:min(len(v), c.opts.DocTerms)]
	v.unit()
	c.cvec = v
	return v
}
