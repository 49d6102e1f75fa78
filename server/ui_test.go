package server

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/story"
)

func TestPages(t *testing.T) {
	for _, sc := range testStores() {
		t.Run(sc.name, func(t *testing.T) {
			srv, _ := newTestServerOn(t, sc.open(t))
			testPages(t, srv.Handler())
		})
	}
}

func testPages(t *testing.T, h http.Handler) {
	for _, tc := range []struct {
		name, target string
		code         int
		has          []string
	}{
		{"list", "/", 200, []string{`href="/stories/s1"`, "Port Velna dock workers strike", "3 articles", `type="date"`}},
		{"list search", "/?q=dock", 200, []string{`href="/stories/s1"`}},
		{"list no match", "/?q=zebra", 200, []string{"No story matches"}},
		{"list bad date", "/?since=tomorrow", 400, []string{"since: want YYYY-MM-DD"}},
		{"list paged", "/?limit=1", 200, []string{`rel="next"`, "offset=1"}},
		{"story", "/stories/s1", 200, []string{
			"<h1>Port Velna dock workers strike</h1>", "Timeline", "Marta Oren", "First reported by <strong>agency.example</strong>",
			`<svg xmlns="http://www.w3.org/2000/svg" class="copygraph"`, `marker-end="url(#arrow)"`, `href="/articles/a1#q-82"`,
			"Strike at Port Velna enters second day",
		}},
		{"story missing", "/stories/nope", 404, []string{"No story with this id"}},
		{"article", "/articles/a2", 200, []string{
			`<mark class="reuse">`, `<mark class="quote">`, "copied from", `id="reuse-0-0"`, `href="#reuse-0-0-text"`,
			`id="q-91-note"`, "Marta Oren", `href="/stories/s1"`,
		}},
		{"article original", "/articles/a1", 200, []string{"reused by", `href="https://agency.example/strike"`}},
		{"nowhere", "/no/such/page", 404, []string{"There is no page at this address."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.target, "", "")
			if rec.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d", tc.target, rec.Code, tc.code)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
				t.Errorf("CSP %q: want default-src 'none', no script source, no unsafe-inline", csp)
			}
			body := rec.Body.String()
			for _, s := range tc.has {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %s", s)
				}
			}
			if strings.Contains(body, "<script") || strings.Contains(body, " style=") {
				t.Error("page has a script or an inline style")
			}
		})
	}
}

func TestHostileInputEscaped(t *testing.T) {
	srv, _ := newTestServer(t)
	h := srv.Handler()
	for _, target := range []string{"/", "/stories/sx", "/articles/x1", "/?q=" + "%3Cscript%3E", "/api/stories/sx", "/api/articles/x1"} {
		rec := do(t, h, "GET", target, "", "")
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", target, rec.Code)
		}
		body := rec.Body.String()
		for _, bad := range []string{"<script>", "<img src=x", `"><script`, "javascript:alert"} {
			if strings.Contains(body, bad) && !(bad == "javascript:alert" && strings.HasPrefix(target, "/api/")) {
				t.Errorf("GET %s: hostile %q reached the page unescaped", target, bad)
			}
		}
		if strings.HasPrefix(target, "/api/") {
			if !strings.Contains(body, `\u003cscript\u003e`) {
				t.Errorf("GET %s: hostile title not in the JSON escaped form", target)
			}
		} else if target != "/?q=%3Cscript%3E" && !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("GET %s: hostile title not shown as text", target)
		}
	}
	// The search box echoes the query, escaped.
	rec := do(t, h, "GET", `/?q=%22%3E%3Cscript%3Ealert(5)%3C/script%3E`, "", "")
	if strings.Contains(rec.Body.String(), "<script>alert(5)") || !strings.Contains(rec.Body.String(), "&lt;script&gt;alert(5)") {
		t.Error("search query echoed unescaped")
	}
}

func TestStatic(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := do(t, srv.Handler(), "GET", "/static/style.css", "", "")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") || !strings.Contains(rec.Body.String(), ".side-by-side") {
		t.Errorf("style.css: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, p := range []string{"/static/nope.js", "/static/", "/static/../server.go"} {
		if rec := do(t, srv.Handler(), "GET", p, "", ""); rec.Code != 404 && rec.Code != 301 && rec.Code != 307 {
			t.Errorf("GET %s = %d, want 404 or a redirect out of /static/", p, rec.Code)
		}
	}
}

func TestHighlight(t *testing.T) {
	text := "Alpha beta gamma.\nDelta \"epsilon\" zeta."
	copies := []storyline.Copy{{A: "other", B: "me", Passages: []storyline.Passage{{BStart: 6, BEnd: 24}}}}
	quotes := []storyline.Quote{{Text: "epsilon", Start: 25, End: 32}}
	got := highlight(text, "me", copies, quotes)
	type seg struct {
		Text, Reuse, Quote string
		Anchors            []string
	}
	var flat [][]seg
	for _, p := range got {
		var ps []seg
		for _, s := range p.Segments {
			ps = append(ps, seg{s.Text, s.Reuse, s.Quote, s.Anchors})
		}
		flat = append(flat, ps)
	}
	want := [][]seg{
		{{"Alpha ", "", "", nil}, {"beta gamma.", "#reuse-0-0", "", []string{"reuse-0-0-text"}}},
		{{"Delta ", "#reuse-0-0", "", nil}, {"\"", "", "", nil}, {"epsilon", "", "#q-25-note", []string{"q-25"}}, {"\" zeta.", "", "", nil}},
	}
	if !reflect.DeepEqual(flat, want) {
		t.Errorf("highlight:\n got %+v\nwant %+v", flat, want)
	}
	// Offsets past the text, or reversed, are ignored rather than trusted.
	bad := []storyline.Quote{{Start: 30, End: 900}, {Start: 5, End: 2}}
	if n := len(highlight("short", "me", nil, bad)); n != 1 {
		t.Errorf("bad offsets: %d paragraphs", n)
	}
	// Code points, not bytes: a passage after Cyrillic text lands right.
	ru := "Песков сказал: да."
	p := highlight(ru, "me", []storyline.Copy{{A: "me", B: "o", Passages: []storyline.Passage{{AStart: 7, AEnd: 13}}}}, nil)
	if p[0].Segments[1].Text != "сказал" {
		t.Errorf("cyrillic passage = %q", p[0].Segments[1].Text)
	}
}

func TestLayoutGraph(t *testing.T) {
	v := story.View{
		Sources: []story.Source{{Name: "a"}, {Name: "b"}},
		Graph: story.Graph{
			Nodes: []story.Node{{Article: "1", Source: "a", Published: at("2025-01-01")}, {Article: "2", Source: "b", Published: at("2025-01-01")}, {Article: "3", Source: "a", Published: at("2025-01-02")}},
			Edges: []story.Edge{{From: "1", To: "2", Directed: true, Kind: storyline.Duplicate}, {From: "1", To: "3", Kind: storyline.Partial}},
		},
	}
	g := layoutGraph(v)
	if len(g.Lanes) != 2 || len(g.Nodes) != 3 || len(g.Edges) != 2 || len(g.Days) != 2 {
		t.Fatalf("layout: %d lanes, %d nodes, %d edges, %d days", len(g.Lanes), len(g.Nodes), len(g.Edges), len(g.Days))
	}
	if g.Nodes[0].Class != "node orig" || g.Nodes[1].Class != "node copy" || g.Nodes[2].Class != "node shared" {
		t.Errorf("node classes: %q %q %q", g.Nodes[0].Class, g.Nodes[1].Class, g.Nodes[2].Class)
	}
	if g.Nodes[0].Y != g.Nodes[2].Y || g.Nodes[0].Y == g.Nodes[1].Y || !(g.Nodes[0].X < g.Nodes[1].X && g.Nodes[1].X < g.Nodes[2].X) {
		t.Errorf("positions: %+v", g.Nodes)
	}
	path := regexp.MustCompile(`^M[\d.]+ [\d.]+ Q-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$`)
	for _, e := range g.Edges {
		if !path.MatchString(e.Path) {
			t.Errorf("edge path %q", e.Path)
		}
	}
	if !g.Edges[0].Arrow || g.Edges[1].Arrow || !strings.Contains(g.Edges[1].Class, "undirected") {
		t.Errorf("edges: %+v", g.Edges)
	}
	// A large story keeps the articles that share text.
	var big story.View
	for i := range 100 {
		id := string(rune('A'+i/26)) + string(rune('a'+i%26))
		big.Graph.Nodes = append(big.Graph.Nodes, story.Node{Article: id, Source: "s"})
	}
	big.Graph.Edges = []story.Edge{{From: "Da", To: "Cz", Directed: true}}
	g = layoutGraph(big)
	if len(g.Nodes) != maxGraphNodes || g.Hidden != 100-maxGraphNodes || len(g.Edges) != 1 {
		t.Errorf("big layout: %d nodes, %d hidden, %d edges", len(g.Nodes), g.Hidden, len(g.Edges))
	}
}

func TestReuseViews(t *testing.T) {
	me := ArticleView{Article: storyline.Article{ID: "m", Text: "Intro. The minister said the talks failed."}}
	other := storyline.Article{ID: "o", Source: "wire", Text: "The Minister said talks had failed. More."}
	me.Copies = []storyline.Copy{
		{A: "m", B: "o", Kind: storyline.Partial, Direction: storyline.BToA,
			Passages: []storyline.Passage{{AStart: 7, AEnd: 42, BStart: 0, BEnd: 35}}},
		{A: "a", B: "m", Kind: storyline.Duplicate, Direction: storyline.BToA,
			Passages: []storyline.Passage{{AStart: 0, AEnd: 6, BStart: 0, BEnd: 6, Text: "Intro."}}},
		{A: "m", B: "z", Kind: storyline.Partial, Direction: storyline.UnknownDirection},
	}
	got := reuseViews(me, map[string]storyline.Article{"o": other})
	if len(got) != 3 {
		t.Fatalf("%d views", len(got))
	}
	for i, want := range []string{relCopiedFrom, relReusedBy, relShares} {
		if got[i].Relation != want {
			t.Errorf("copy %d: relation %q, want %q", i, got[i].Relation, want)
		}
	}
	p := got[0].Passages[0]
	if p.Here != "The minister said the talks failed." || p.There != "The Minister said talks had failed." || p.Same {
		t.Errorf("reworded passage: %+v", p)
	}
	if q := got[1].Passages[0]; !q.Same || q.There != "Intro." || got[1].Loaded {
		t.Errorf("unloaded partner: %+v loaded %v", q, got[1].Loaded)
	}
}

func TestMergedStoryRedirects(t *testing.T) {
	for _, sc := range testStores() {
		t.Run(sc.name, func(t *testing.T) {
			srv, st := newTestServerOn(t, sc.open(t))
			merge := storyline.Batch{Merges: []storyline.Merge{{Level: "story", From: "sx", Into: "s1", After: "x1"}}}
			if _, err := st.Commit(t.Context(), merge); err != nil {
				t.Fatal(err)
			}
			rec := do(t, srv.Handler(), "GET", "/stories/sx", "", "")
			if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/stories/s1" {
				t.Errorf("merged story: %d to %q", rec.Code, rec.Header().Get("Location"))
			}
		})
	}
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, wantA, wantB string }{
		{"The minister said the talks failed.", "The Minister said talks had failed.", "The minister said [the ]talks failed.", "The Minister said talks [had ]failed."},
		{"same words here", "same  words here", "same words here", "same  words here"},
		{"", "all new", "", "[all new]"},
	} {
		a, b := wordDiff(tc.a, tc.b)
		show := func(segs []diffSegment) string {
			var sb strings.Builder
			for _, s := range segs {
				if s.Changed {
					sb.WriteString("[" + s.Text + "]")
				} else {
					sb.WriteString(s.Text)
				}
			}
			return sb.String()
		}
		if show(a) != tc.wantA || show(b) != tc.wantB {
			t.Errorf("wordDiff(%q, %q) = %q, %q; want %q, %q", tc.a, tc.b, show(a), show(b), tc.wantA, tc.wantB)
		}
	}
}
