package cluster

import (
	"math"
	"slices"
)

// centroid is a sparse vector held as parallel slices, unsorted. Lookups
// go through the clusterer's scratch arrays indexed by term id (scatter a
// vector, walk the centroid, clear), which is several times faster than a
// map per cluster.
type centroid struct {
	ids   []uint32
	ws    []float32
	norm2 float64
	// sorted is how many of the first terms were in order of weight
	// when the centroid was last pruned (zero when it never was): the
	// terms added since follow them (see selectHeaviestSorted).
	sorted int
}

func (ct *centroid) len() int { return len(ct.ids) }

// growScratch makes the scratch arrays cover every term id.
func (c *Clusterer) growScratch() {
	if n := c.lex.size(); n > len(c.qw) {
		c.qw = append(c.qw, make([]float32, n-len(c.qw))...)
		c.pos = append(c.pos, make([]int32, n-len(c.pos))...)
		c.names = append(c.names, make([]uint8, n-len(c.names))...)
	}
	if n := (c.lex.size() + 63) / 64; n > len(c.qBits) {
		c.qBits = append(c.qBits, make([]uint64, n-len(c.qBits))...)
	}
}

// scatter writes v's weights into c.qw (and marks them in c.qBits);
// unscatter clears them.
func (c *Clusterer) scatter(v vector) {
	for _, t := range v {
		c.qw[t.id] = t.w
		c.qBits[t.id>>6] |= 1 << (t.id & 63)
	}
}

func (c *Clusterer) unscatter(v vector) {
	for _, t := range v {
		c.qw[t.id] = 0
		c.qBits[t.id>>6] &^= 1 << (t.id & 63)
	}
}

// scattered returns the weight of term id in the scattered vector.
func (c *Clusterer) scattered(id uint32) float32 {
	if c.qBits[id>>6]&(1<<(id&63)) == 0 {
		return 0
	}
	return c.qw[id]
}

// setName records in c.names whether term id is mostly seen as a
// name, after its document frequencies changed (see isName).
func (c *Clusterer) setName(id uint32) {
	st := &c.stat[id]
	c.names[id] = uint8(b2i(st.nameDF*2 > st.df))
}

// dotScattered is the dot product of the scattered vector with ct.
func (c *Clusterer) dotScattered(ct *centroid) float64 {
	var dot float64
	for i, id := range ct.ids {
		dot += float64(c.qw[id]) * float64(ct.ws[i])
	}
	return dot
}

// cosineScattered is the cosine between the scattered unit vector and ct.
func (c *Clusterer) cosineScattered(ct *centroid) float64 {
	if ct.norm2 == 0 {
		return 0
	}
	return c.dotScattered(ct) / math.Sqrt(ct.norm2)
}

// cosine is the cosine between unit vector v and ct.
func (c *Clusterer) cosine(ct *centroid, v vector) float64 {
	c.scatter(v)
	cos := c.cosineScattered(ct)
	c.unscatter(v)
	return cos
}

// cosineCentroids is the cosine between two centroids.
func (c *Clusterer) cosineCentroids(a, b *centroid) float64 {
	if a.norm2 == 0 || b.norm2 == 0 {
		return 0
	}
	for i, id := range a.ids {
		c.qw[id] = a.ws[i]
	}
	dot := c.dotScattered(b)
	for _, id := range a.ids {
		c.qw[id] = 0
	}
	return dot / math.Sqrt(a.norm2*b.norm2)
}

// addTo adds the terms (ids, ws) to ct and returns, appended to fresh, the
// ids ct did not hold before. The ids must be distinct (a vector's, a
// centroid's). Their places in ct are found by scattering the ids, the
// fewer mostly (an article's terms), and walking ct once; the weights are
// then added in the order of ids, as the norm's sum needs.
func (c *Clusterer) addTo(ct *centroid, ids []uint32, ws []float32, fresh []uint32) []uint32 {
	for i, id := range ids {
		c.pos[id] = int32(i + 1)
	}
	// at holds the place in ct (plus one) of each of ids, zero for none
	at := slices.Grow(c.at[:0], len(ids))[:len(ids)]
	clear(at)
	for j, id := range ct.ids {
		if p := c.pos[id]; p > 0 {
			at[p-1] = int32(j + 1)
		}
	}
	for _, id := range ids {
		c.pos[id] = 0
	}
	c.at = at
	// room for the new terms at once, where appends one by one would
	// grow a young centroid through every power of two
	added := len(ids) - countPlaced(at)
	ct.ids = slices.Grow(ct.ids, added)
	ct.ws = slices.Grow(ct.ws, added)
	for i, id := range ids {
		w := ws[i]
		if p := at[i]; p > 0 {
			old := ct.ws[p-1]
			nw := old + w
			ct.ws[p-1] = nw
			ct.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
			continue
		}
		ct.ids = append(ct.ids, id)
		ct.ws = append(ct.ws, w)
		ct.norm2 += float64(w) * float64(w)
		fresh = append(fresh, id)
	}
	return fresh
}

// countPlaced counts the terms addTo found in a centroid (at).
func countPlaced(at []int32) int {
	n := 0
	for _, p := range at {
		n += b2i(p > 0)
	}
	return n
}

// addVector adds a unit vector to ct.
func (c *Clusterer) addVector(ct *centroid, v vector, fresh []uint32) []uint32 {
	ids := c.vids[:0]
	ws := c.vws[:0]
	for _, t := range v {
		ids = append(ids, t.id)
		ws = append(ws, t.w)
	}
	c.vids, c.vws = ids, ws
	return c.addTo(ct, ids, ws, fresh)
}

// prune keeps ct to its keep heaviest terms once it holds half as many
// more.
func (c *Clusterer) prune(ct *centroid, keep int) {
	if len(ct.ids) <= keep*3/2 {
		return
	}
	ts := c.pruneBuf[:0]
	for i, id := range ct.ids {
		ts = append(ts, tw{id, ct.ws[i]})
	}
	c.pruneBuf = ts
	c.selectHeaviestSorted(ts, keep, ct.sorted)
	ct.ids, ct.ws, ct.sorted = ct.ids[:keep], ct.ws[:keep], keep
	ct.norm2 = 0
	for i, t := range ts[:keep] {
		ct.ids[i], ct.ws[i] = t.id, t.w
		ct.norm2 += float64(t.w) * float64(t.w)
	}
}

// eventsCosine is the similarity of two events' centroids: of their
// words, or, when they are mostly in different scripts, of their name
// keys scaled by 1/crossMergeShare. Reports of one happening in Russian
// and in English share names, not words, and fewer names than two reports
// in one language share words: the keys of two such events agree less
// than their words would.
func (c *Clusterer) eventsCosine(a, b *node) float64 {
	if a.crossScript(b.scripts[1] > b.scripts[0]) {
		return c.cosineCentroids(&a.keys, &b.keys) / crossMergeShare
	}
	return c.cosineCentroids(&a.cent, &b.cent)
}

// crossMergeShare is the share of Options.MergeThreshold the name keys of
// two events in different scripts need to agree on for a merge.
const crossMergeShare = 2.0 / 3
