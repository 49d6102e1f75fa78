// Package bench measures Storyline end to end: it streams articles with
// ground truth (from a file or the generator) through the whole pipeline
// and reports per-stage throughput, peak memory and quality.
package bench

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// ClusterScore compares a predicted partition with the true one.
type ClusterScore struct {
	// Pairwise precision, recall and F1 over pairs of articles put in one
	// cluster (the news-clustering evaluation's definition).
	PairwiseP  float64 `json:"pairwise_p"`
	PairwiseR  float64 `json:"pairwise_r"`
	PairwiseF1 float64 `json:"pairwise_f1"`
	// B-cubed precision, recall and F1, averaged over articles.
	BCubedP  float64 `json:"bcubed_p"`
	BCubedR  float64 `json:"bcubed_r"`
	BCubedF1 float64 `json:"bcubed_f1"`
	// Clusters counts the predicted and the true clusters.
	Predicted int `json:"predicted_clusters"`
	Gold      int `json:"gold_clusters"`
}

// ScoreClusters scores pred against gold, both mapping an article id to
// its cluster label. Articles missing from pred count as singletons. The
// sums run in the labels' order, not the maps', so that one input always
// gives the same figures to the last digit.
func ScoreClusters(gold, pred map[string]string) ClusterScore {
	type cell struct{ g, p string }
	goldSize := map[string]int{}
	predSize := map[string]int{}
	counts := map[cell]int{}
	for id, g := range gold {
		p, ok := pred[id]
		if !ok {
			p = "\x00singleton:" + id // cannot collide with a real label
		}
		goldSize[g]++
		predSize[p]++
		counts[cell{g, p}]++
	}
	cells := slices.SortedFunc(maps.Keys(counts), func(a, b cell) int {
		return cmp.Or(strings.Compare(a.g, b.g), strings.Compare(a.p, b.p))
	})
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, gp, pp, bp, br float64
	for _, c := range cells {
		n := counts[c]
		tp += pairs(n)
		bp += float64(n) * float64(n) / float64(predSize[c.p])
		br += float64(n) * float64(n) / float64(goldSize[c.g])
	}
	for _, g := range slices.Sorted(maps.Keys(goldSize)) {
		gp += pairs(goldSize[g])
	}
	for _, p := range slices.Sorted(maps.Keys(predSize)) {
		pp += pairs(predSize[p])
	}
	s := ClusterScore{Predicted: len(predSize), Gold: len(goldSize)}
	if pp > 0 {
		s.PairwiseP = tp / pp
	}
	if gp > 0 {
		s.PairwiseR = tp / gp
	}
	s.PairwiseF1 = f1(s.PairwiseP, s.PairwiseR)
	if len(gold) > 0 {
		s.BCubedP = bp / float64(len(gold))
		s.BCubedR = br / float64(len(gold))
	}
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	return s
}

// PairScore compares predicted pairs with true pairs, unordered.
type PairScore struct {
	P         float64 `json:"p"`
	R         float64 `json:"r"`
	F1        float64 `json:"f1"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
}

// Pair is an unordered pair of article ids.
type Pair struct{ A, B string }

// Ordered returns the pair with A ≤ B.
func (p Pair) Ordered() Pair {
	if p.B < p.A {
		return Pair{p.B, p.A}
	}
	return p
}

// ScorePairs scores predicted pairs against true pairs, each unordered.
func ScorePairs(gold, pred []Pair) PairScore {
	g := map[Pair]bool{}
	for _, p := range gold {
		g[p.Ordered()] = true
	}
	pr := map[Pair]bool{}
	for _, p := range pred {
		pr[p.Ordered()] = true
	}
	var tp int
	for p := range pr {
		if g[p] {
			tp++
		}
	}
	s := PairScore{Predicted: len(pr), Gold: len(g)}
	if len(pr) > 0 {
		s.P = float64(tp) / float64(len(pr))
	}
	if len(g) > 0 {
		s.R = float64(tp) / float64(len(g))
	}
	s.F1 = f1(s.P, s.R)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
