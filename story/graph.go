package story

import (
	"cmp"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
)

// Graph is the copy graph of a story: its articles and the text they
// share.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Node is one article of the graph.
type Node struct {
	Article   string              `json:"article"`
	Source    string              `json:"source"`
	Title     string              `json:"title"`
	Published storyline.Published `json:"published"`
}

// Edge is one copy between two articles of the story. When Directed,
// From is the likely original and To the article that reused it; else the
// pair is in id order.
type Edge struct {
	From       string             `json:"from"`
	To         string             `json:"to"`
	Directed   bool               `json:"directed"`
	Kind       storyline.CopyKind `json:"kind"`
	Similarity float64            `json:"similarity"`
	Passages   int                `json:"passages"`
}

// graph builds the copy graph over the story's articles. Copies naming an
// article outside the story are left out; a pair listed twice counts once.
func (a *assembly) graph(copies []storyline.Copy) Graph {
	g := Graph{Nodes: make([]Node, 0, len(a.arts))}
	for _, art := range a.arts {
		g.Nodes = append(g.Nodes, Node{Article: art.ID, Source: art.Source, Title: art.Title, Published: art.Published})
	}
	seen := make(map[[2]string]bool)
	for _, c := range copies {
		_, okA := a.index[c.A]
		_, okB := a.index[c.B]
		if !okA || !okB || c.A == c.B {
			continue
		}
		pair := [2]string{min(c.A, c.B), max(c.A, c.B)}
		if seen[pair] {
			continue
		}
		seen[pair] = true
		e := Edge{From: c.A, To: c.B, Kind: c.Kind, Similarity: c.Similarity, Passages: len(c.Passages)}
		switch c.Direction {
		case storyline.AToB:
			e.Directed = true
		case storyline.BToA:
			e.From, e.To, e.Directed = c.B, c.A, true
		}
		g.Edges = append(g.Edges, e)
	}
	slices.SortFunc(g.Edges, func(x, y Edge) int {
		return cmp.Or(cmp.Compare(a.index[x.From], a.index[y.From]), cmp.Compare(a.index[x.To], a.index[y.To]), strings.Compare(x.From, y.From))
	})
	return g
}
