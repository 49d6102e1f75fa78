package extract

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// newsPage is an invented page with boilerplate around one article.
const newsPage = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Ferry service to resume | Island Post</title>
<link rel="canonical" href="/news/ferry-service-resume">
<meta property="og:site_name" content="Island Post">
<meta property="article:published_time" content="2022-03-04T07:15:00+01:00">
</head><body>
<header><a href="/">Island Post</a><nav><a href="/news">News</a> <a href="/weather">Weather</a> <a href="/contact">Contact</a></nav></header>
<article><h1>Ferry service to resume</h1>
<p>The ferry between Holm and the mainland will resume on Monday after a three-week stoppage caused by storm damage to the pier, the operator said on Friday.</p>
<p>Repairs to the pier cost about two million crowns and were finished ahead of schedule, said Ingrid Dahl, the operator's spokeswoman, adding that the first crossing would leave Holm at six in the morning.</p>
<p>Islanders had relied on a small boat run by volunteers for deliveries of food and medicine during the stoppage.</p>
</article>
<div class="share"><a href="#">Share on social media</a></div>
<footer><p>Copyright Island Post 2022. All rights reserved.</p></footer>
</body></html>`

func TestHTML(t *testing.T) {
	a, err := HTML([]byte(newsPage), "https://www.islandpost.example/news/ferry?utm=x")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"title", a.Title, "Ferry service to resume"},
		{"published", a.Published.String(), "2022-03-04T06:15:00Z"},
		{"source", a.Source, "islandpost.example"},
		{"url", a.URL, "https://www.islandpost.example/news/ferry-service-resume"},
		{"lang", a.Lang, "en"},
		{"format", a.Format, "html"},
		{"hash", a.Hash, Hash(a.Title, a.Text)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasPrefix(a.Text, "The ferry between Holm") {
		t.Errorf("text should start with the first paragraph (title line dropped): %.80q", a.Text)
	}
	if strings.Count(a.Text, "\n\n") != 2 {
		t.Errorf("want three paragraphs, got %q", a.Text)
	}
	for _, junk := range []string{"All rights reserved", "Share on social", "Weather"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps boilerplate %q", junk)
		}
	}
	// Without a page URL the source falls back to the canonical URL's host,
	// which here is relative, then the site name.
	b, err := HTML([]byte(newsPage), "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Source != "Island Post" {
		t.Errorf("source without URL = %q, want the site name", b.Source)
	}
	// Hints win.
	c, err := HTMLHints([]byte(newsPage), Hints{ID: "x1", Title: "Ferries back", Source: "IP", Lang: "no"}, DefaultHTMLOptions())
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "x1" || c.Title != "Ferries back" || c.Source != "IP" || c.Lang != "no" {
		t.Errorf("hints not applied: %q %q %q %q", c.ID, c.Title, c.Source, c.Lang)
	}
}

// TestHTMLCharset decodes a page declared and encoded as windows-1251.
func TestHTMLCharset(t *testing.T) {
	body := strings.Repeat("<p>Паром между островом и материком возобновит работу в понедельник после трёхнедельного перерыва, сообщил оператор.</p>", 3)
	page := `<html><head><meta charset="windows-1251"><title>Паром возобновит работу</title></head><body><article><h1>Паром возобновит работу</h1>` + body + `</article></body></html>`
	raw, err := charmap.Windows1251.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a, err := HTML(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Паром возобновит работу" || !strings.Contains(a.Text, "материком") {
		t.Errorf("title %q text %.60q", a.Title, a.Text)
	}
}

func TestHTMLEmpty(t *testing.T) {
	if _, err := HTML([]byte("<html><head><title>Nothing</title></head><body><script>x()</script></body></html>"), ""); err == nil || !errors.Is(err, ErrEmpty) && !strings.Contains(err.Error(), "extract html") {
		t.Errorf("empty page: err = %v", err)
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain  text\n", "plain text"},
		{"<p>One &amp; two.</p><p>Three <b>bold</b>.</p>", "One & two.\n\nThree bold."},
		{"Line<br>next<script>var x=1;</script>", "Line\n\nnext"},
		{"<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>", "a\n\nb\n\nx y"},
	}
	for _, tc := range tests {
		if got := FragmentText(tc.in); got != tc.want {
			t.Errorf("FragmentText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Sweden drops case | Al Bawaba", "", "albawaba.com", "Sweden drops case"},
		{"Lawan moves motion - The Paradigm", "", "theparadigmng.com", "Lawan moves motion"},
		{"Jam Recipe | The Anti-June Cleaver", "The Anti-June Cleaver", "", "Jam Recipe"},
		{"Putin - Biden talks: what next", "", "example.com", "Putin - Biden talks: what next"},
		{"Markets rally – Reuters", "Reuters", "", "Markets rally"},
		{"No separator here", "Site", "site.com", "No separator here"},
	}
	for _, tc := range tests {
		if got := stripSiteName(tc.title, tc.site, tc.host); got != tc.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestHTMLDateLineAtop: a date line that opens a page's text leaves it,
// and dates a page whose markup gives no date; one in the markup wins.
func TestHTMLDateLineAtop(t *testing.T) {
	body := `<article><h1>Ferry service to resume</h1>
<p>Posted: Friday, March 4, 2022 7:15 am</p>
<p>The ferry between Holm and the mainland will resume on Monday after a three-week stoppage caused by storm damage to the pier, the operator said on Friday.</p>
<p>Repairs to the pier cost about two million crowns and were finished ahead of schedule, said Ingrid Dahl, the operator's spokeswoman, adding that the first crossing would leave Holm at six in the morning.</p>
<p>Islanders had relied on a small boat run by volunteers for deliveries of food and medicine during the stoppage.</p>
</article>`
	for _, tc := range []struct{ name, head, want string }{
		{"no date in the markup", "", "2022-03-04"},
		{"a date in the markup", `<meta property="article:published_time" content="2022-03-05T08:00:00Z">`, "2022-03-05T08:00:00Z"},
	} {
		page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry service to resume</title>` + tc.head + `</head><body>` + body + `</body></html>`
		a, err := HTML([]byte(page), "https://islandpost.example/news/ferry")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := a.Published.String(); got != tc.want {
			t.Errorf("%s: published = %q, want %q", tc.name, got, tc.want)
		}
		if !strings.HasPrefix(a.Text, "The ferry between Holm") || strings.Contains(a.Text, "Posted") {
			t.Errorf("%s: text should open with the first paragraph, without the date line: %.80q", tc.name, a.Text)
		}
	}
}

// TestHTMLTitleHintDate: a title hint that is only a date leaves the
// page's own title in place.
func TestHTMLTitleHintDate(t *testing.T) {
	for _, tc := range []struct{ hint, want string }{
		{"Friday, March 4, 2022", "Ferry service to resume"},
		{"Ferry to sail again", "Ferry to sail again"},
	} {
		a, err := HTMLHints([]byte(newsPage), Hints{Title: tc.hint}, DefaultHTMLOptions())
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tc.want {
			t.Errorf("hint %q: title = %q, want %q", tc.hint, a.Title, tc.want)
		}
	}
}
