package server

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/story"
)

// The copy graph's geometry, in SVG user units. Articles stand left to
// right in publication order, one lane per source, so that an arrow from
// an original to its copy reads like a timeline.
const (
	graphLeft     = 150 // room for the lane labels
	graphTop      = 30
	laneHeight    = 40
	graphStep     = 44
	graphRight    = 24
	graphBottom   = 34 // room for the day labels
	graphRadius   = 7
	maxGraphNodes = 60
	maxGraphLanes = 16
)

// graphLayout is a copy graph placed for drawing as SVG.
type graphLayout struct {
	Width, Height int
	Lanes         []graphLane
	Nodes         []graphNode
	Edges         []graphEdge
	Days          []graphDay
	// Hidden counts articles left out to keep the drawing readable.
	Hidden int
}

type graphLane struct {
	Y     int
	Label string
}

type graphNode struct {
	X, Y    int
	Article string
	Tip     string
	Class   string
}

type graphEdge struct {
	Path  string
	Class string
	Tip   string
	Arrow bool
}

type graphDay struct {
	X     int
	Label string
}

// layoutGraph places the story's copy graph. When the story has more
// articles than fit, the ones sharing the most text are kept.
func layoutGraph(v story.View) graphLayout {
	nodes := v.Graph.Nodes
	degree := make(map[string]int)
	for _, e := range v.Graph.Edges {
		degree[e.From]++
		degree[e.To]++
	}
	var g graphLayout
	if len(nodes) > maxGraphNodes {
		idx := make([]int, len(nodes))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Compare(degree[nodes[b].Article], degree[nodes[a].Article])
		})
		idx = idx[:maxGraphNodes]
		slices.Sort(idx)
		kept := make([]story.Node, 0, maxGraphNodes)
		for _, i := range idx {
			kept = append(kept, nodes[i])
		}
		g.Hidden = len(nodes) - len(kept)
		nodes = kept
	}

	lane := make(map[string]int)
	for _, src := range v.Sources {
		if _, ok := lane[src.Name]; !ok && len(g.Lanes) < maxGraphLanes-1 {
			lane[src.Name] = len(g.Lanes)
			g.Lanes = append(g.Lanes, graphLane{Y: graphTop + len(g.Lanes)*laneHeight, Label: shorten(orUnknown(src.Name), 20)})
		}
	}
	other := -1
	laneOf := func(src string) int {
		if l, ok := lane[src]; ok {
			return l
		}
		if other < 0 {
			other = len(g.Lanes)
			g.Lanes = append(g.Lanes, graphLane{Y: graphTop + other*laneHeight, Label: "other sources"})
		}
		return other
	}

	out := make(map[string]bool)
	in := make(map[string]bool)
	undirected := make(map[string]bool)
	for _, e := range v.Graph.Edges {
		if e.Directed {
			out[e.From], in[e.To] = true, true
		} else {
			undirected[e.From], undirected[e.To] = true, true
		}
	}
	pos := make(map[string][2]int, len(nodes))
	lastDay := ""
	for i, n := range nodes {
		x := graphLeft + i*graphStep
		y := graphTop + laneOf(n.Source)*laneHeight
		pos[n.Article] = [2]int{x, y}
		class := "node"
		switch {
		case in[n.Article]:
			class += " copy"
		case out[n.Article]:
			class += " orig"
		case undirected[n.Article]:
			class += " shared"
		}
		tip := fmt.Sprintf("%s — %s (%s)", orUnknown(n.Source), n.Title, displayDate(n.Published))
		g.Nodes = append(g.Nodes, graphNode{X: x, Y: y, Article: n.Article, Tip: tip, Class: class})
		if d := dayLabel(n.Published); d != lastDay {
			g.Days = append(g.Days, graphDay{X: x, Label: d})
			lastDay = d
		}
	}
	g.Width = graphLeft + max(len(nodes)-1, 0)*graphStep + graphRight
	g.Height = graphTop + max(len(g.Lanes)-1, 0)*laneHeight + graphBottom
	for i := range g.Days {
		g.Days[i].X = min(g.Days[i].X, g.Width-graphRight)
	}

	for _, e := range v.Graph.Edges {
		p, ok1 := pos[e.From]
		q, ok2 := pos[e.To]
		if !ok1 || !ok2 {
			continue
		}
		class := "edge " + kindClass(e.Kind)
		if !e.Directed {
			class += " undirected"
		}
		tip := fmt.Sprintf("%s, similarity %.2f, %d passages", e.Kind, e.Similarity, e.Passages)
		g.Edges = append(g.Edges, graphEdge{Path: edgePath(p, q, e.Directed), Class: class, Tip: tip, Arrow: e.Directed})
	}
	return g
}

// edgePath draws a curve from p to q that bends away from the lane, and
// stops short of q's circle so that an arrowhead shows.
func edgePath(p, q [2]int, arrow bool) string {
	x1, y1, x2, y2 := float64(p[0]), float64(p[1]), float64(q[0]), float64(q[1])
	mx, my := (x1+x2)/2, (y1+y2)/2
	dx, dy := x2-x1, y2-y1
	length := math.Hypot(dx, dy)
	if length == 0 {
		return ""
	}
	bend := math.Min(28, 8+length/6)
	// control point: perpendicular to the chord, upwards for a lane
	cx, cy := mx+dy/length*bend, my-dx/length*bend
	if dx < 0 {
		cx, cy = mx-dy/length*bend, my+dx/length*bend
	}
	// shorten both ends along the tangent by the node radius
	trim := func(px, py, tx, ty, by float64) (float64, float64) {
		ux, uy := tx-px, ty-py
		l := math.Hypot(ux, uy)
		if l == 0 {
			return px, py
		}
		return px + ux/l*by, py + uy/l*by
	}
	sx, sy := trim(x1, y1, cx, cy, graphRadius)
	end := float64(graphRadius)
	if arrow {
		end += 3
	}
	ex, ey := trim(x2, y2, cx, cy, end)
	return fmt.Sprintf("M%.1f %.1f Q%.1f %.1f %.1f %.1f", sx, sy, cx, cy, ex, ey)
}

// kindClass maps a copy kind to a CSS class, never passing stored text
// through.
func kindClass(k storyline.CopyKind) string {
	switch k {
	case storyline.Duplicate:
		return "k-duplicate"
	case storyline.NearDuplicate:
		return "k-near"
	case storyline.Partial:
		return "k-partial"
	}
	return "k-other"
}

func dayLabel(p storyline.Published) string {
	if p.IsZero() {
		return "?"
	}
	return p.Time.UTC().Format("2 Jan")
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown source"
	}
	return s
}
