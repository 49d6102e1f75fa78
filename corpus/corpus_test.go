package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"io/fs"
	pathpkg "path"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// bodies returns each article's text as the corpus files hold it, HTML
// reduced to its paragraphs, keyed by id.
func bodies(t *testing.T) map[string]string {
	t.Helper()
	fsys := FS()
	out := map[string]string{}
	tagRE := regexp.MustCompile(`(?s)<p[^>]*>(.*?)</p>`)
	dateToken := regexp.MustCompile(`^ ?date \d{4}-\d\d-\d\d `)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			t.Errorf("%s: not valid UTF-8", path)
		}
		switch {
		case strings.HasSuffix(path, ".txt"):
			out[strings.TrimSuffix(pathpkg.Base(path), ".txt")] = dateToken.ReplaceAllString(string(b), "")
		case strings.HasSuffix(path, ".html"):
			var ps []string
			for _, m := range tagRE.FindAllStringSubmatch(string(b), -1) {
				ps = append(ps, html.UnescapeString(m[1]))
			}
			out[strings.TrimSuffix(pathpkg.Base(path), ".html")] = strings.Join(ps, "\n\n")
		case strings.HasSuffix(path, ".jsonl"):
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var a struct{ ID, Title, Text, Lang, Date, Source, URL string }
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Errorf("%s: %v", path, err)
					continue
				}
				if a.ID == "" || a.Text == "" || a.Lang == "" || a.Date == "" || a.Source == "" || a.URL == "" {
					t.Errorf("%s: line %q lacks a field of the common article form", path, a.ID)
				}
				out[a.ID] = a.Text
			}
		default:
			t.Errorf("unexpected file %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk corpus: %v", err)
	}
	return out
}

func TestCorpusCounts(t *testing.T) {
	truth := Truth()
	texts := bodies(t)
	if len(texts) != len(truth.Articles) {
		t.Errorf("files hold %d articles, truth lists %d", len(texts), len(truth.Articles))
	}
	count := func(f func(Article) bool) int {
		n := 0
		for _, a := range truth.Articles {
			if f(a) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name     string
		got      int
		min, max int
	}{
		{"articles", len(truth.Articles), 38, 45},
		{"russian", count(func(a Article) bool { return a.Lang == "ru" }), 4, 7},
		{"html", count(func(a Article) bool { return a.Format == "html" }), 3, 8},
		{"json", count(func(a Article) bool { return a.Format == "json" }), 3, 10},
		{"no stated date", count(func(a Article) bool { return a.Published == "" }), 1, 10},
		{"events", len(truth.Events), 12, 20},
		{"stories", len(truth.Stories), 6, 10},
		{"outlets", len(sources(truth)), 6, 8},
	}
	for _, tt := range tests {
		if tt.got < tt.min || tt.got > tt.max {
			t.Errorf("%s: %d, want %d..%d", tt.name, tt.got, tt.min, tt.max)
		}
	}
	kinds := map[storyline.CopyKind]int{}
	for _, c := range truth.Copies {
		kinds[c.Kind]++
	}
	for _, k := range []storyline.CopyKind{storyline.Duplicate, storyline.NearDuplicate, storyline.Partial} {
		if kinds[k] < 3 {
			t.Errorf("%d copies of kind %s, want at least 3", kinds[k], k)
		}
	}
}

func sources(truth GroundTruth) map[string]bool {
	m := map[string]bool{}
	for _, a := range truth.Articles {
		m[a.Source] = true
	}
	return m
}

func TestTruthConsistent(t *testing.T) {
	truth := Truth()
	texts := bodies(t)
	events := map[string]Event{}
	for _, e := range truth.Events {
		events[e.ID] = e
	}
	stories := map[string]Story{}
	for _, s := range truth.Stories {
		stories[s.ID] = s
		for _, e := range s.Events {
			if events[e].Story != s.ID {
				t.Errorf("story %s lists event %s of story %q", s.ID, e, events[e].Story)
			}
		}
	}
	seen := map[string]bool{}
	for _, a := range truth.Articles {
		if seen[a.ID] {
			t.Errorf("article %s listed twice", a.ID)
		}
		seen[a.ID] = true
		text, ok := texts[a.ID]
		if !ok {
			t.Errorf("article %s: no such article in %s", a.ID, a.File)
			continue
		}
		e, ok := events[a.Event]
		if !ok || e.Story != a.Story {
			t.Errorf("article %s: event %q of story %q, truth says story %q", a.ID, a.Event, e.Story, a.Story)
		}
		if _, ok := stories[a.Story]; !ok {
			t.Errorf("article %s: unknown story %q", a.ID, a.Story)
		}
		if a.Published != "" {
			if _, err := storyline.ParsePublished(a.Published); err != nil {
				t.Errorf("article %s: %v", a.ID, err)
			}
		}
		if a.Day < e.Day {
			t.Errorf("article %s published %s before its event happened %s", a.ID, a.Day, e.Day)
		}
		if n := len(strings.Fields(text)); n < 150 || n > 600 {
			t.Errorf("article %s: %d words", a.ID, n)
		}
		if len(a.Quotes) == 0 {
			t.Errorf("article %s quotes nobody", a.ID)
		}
		for _, q := range a.Quotes {
			if !strings.Contains(text, q.Text) {
				t.Errorf("article %s: quote %q not in text", a.ID, q.Text)
			}
			if q.Speaker == "" || (q.Kind != storyline.Direct && q.Kind != storyline.Indirect) {
				t.Errorf("article %s: quote %q has speaker %q kind %q", a.ID, q.Text, q.Speaker, q.Kind)
			}
		}
	}
}

// paragraphs returns the paragraphs of text long enough not to be
// boilerplate (the longest boilerplate line, a subscribe plea, has 14 words;
// the shortest reporting paragraph compared has 22).
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.TrimSpace(p)
		if len(strings.Fields(p)) >= 18 {
			out = append(out, p)
		}
	}
	return out
}

func shared(a, b string) (n, of int) {
	pa := paragraphs(a)
	for _, p := range pa {
		if strings.Contains(b, p) {
			n++
		}
	}
	return n, len(pa)
}

func TestBoilerplateInFiles(t *testing.T) {
	truth := Truth()
	fsys := FS()
	tags := regexp.MustCompile(`<[^>]+>`)
	n := 0
	for _, a := range truth.Articles {
		b, err := fs.ReadFile(fsys, a.File)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if a.Format == "html" {
			text = html.UnescapeString(tags.ReplaceAllString(text, ""))
		}
		if a.Format == "json" {
			text = bodies(t)[a.ID]
		}
		for _, line := range a.Boilerplate {
			n++
			if !strings.Contains(text, line) {
				t.Errorf("%s: boilerplate %q not in %s", a.ID, line, a.File)
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d boilerplate lines in the truth", n)
	}
}

func TestCopiesShareText(t *testing.T) {
	truth := Truth()
	texts := bodies(t)
	pairs := map[[2]string]bool{}
	for _, c := range truth.CopyPairs() {
		pairs[[2]string{c.Original, c.Copy}] = true
		pairs[[2]string{c.Copy, c.Original}] = true
		n, of := shared(texts[c.Original], texts[c.Copy])
		m, _ := shared(texts[c.Copy], texts[c.Original])
		switch c.Kind {
		case storyline.Duplicate:
			if n != of {
				t.Errorf("duplicate %s of %s shares %d of %d paragraphs", c.Copy, c.Original, n, of)
			}
		case storyline.NearDuplicate:
			if n == of || n*10 < of*5 {
				t.Errorf("near-duplicate %s of %s shares %d of %d paragraphs verbatim", c.Copy, c.Original, n, of)
			}
		case storyline.Partial:
			if n < 1 || m < 1 || n*10 > of*7 {
				t.Errorf("partial copy %s of %s shares %d of %d paragraphs", c.Copy, c.Original, n, of)
			}
		}
	}
	// Completeness: two articles the truth does not pair share no paragraph.
	for _, a := range truth.Articles {
		for _, b := range truth.Articles {
			if a.ID >= b.ID || pairs[[2]string{a.ID, b.ID}] {
				continue
			}
			if n, _ := shared(texts[a.ID], texts[b.ID]); n > 0 {
				t.Errorf("%s and %s share %d paragraphs but are not a copy pair", a.ID, b.ID, n)
			}
		}
	}
}

func TestCopyPairs(t *testing.T) {
	truth := GroundTruth{Copies: []Copy{
		{"w", "d1", storyline.Duplicate},
		{"w", "d2", storyline.Duplicate},
		{"w", "n", storyline.NearDuplicate},
		{"w", "p", storyline.Partial},
	}}
	got := map[[2]string]storyline.CopyKind{}
	for _, c := range truth.CopyPairs() {
		if c.Original == c.Copy {
			t.Errorf("self pair %v", c)
		}
		got[[2]string{c.Original, c.Copy}] = c.Kind
	}
	want := map[[2]string]storyline.CopyKind{
		{"w", "d1"}: storyline.Duplicate, {"w", "d2"}: storyline.Duplicate,
		{"w", "n"}: storyline.NearDuplicate, {"w", "p"}: storyline.Partial,
		{"d1", "d2"}: storyline.Duplicate, {"d1", "n"}: storyline.NearDuplicate,
		{"d1", "p"}: storyline.Partial, {"d2", "n"}: storyline.NearDuplicate,
		{"d2", "p"}: storyline.Partial, {"n", "p"}: storyline.Partial,
	}
	if len(got) != len(want) {
		t.Errorf("got %d pairs, want %d: %v", len(got), len(want), got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("pair %v: kind %q, want %q", k, got[k], v)
		}
	}
}

func TestWriteGold(t *testing.T) {
	truth := Truth()
	var b bytes.Buffer
	if err := truth.WriteClusters(&b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != len(truth.Articles) {
		t.Errorf("WriteClusters wrote %d lines for %d articles", n, len(truth.Articles))
	}
	b.Reset()
	if err := truth.WritePairs(&b); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&b)
	n := 0
	for sc.Scan() {
		var p struct{ A, B, Kind string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil || p.A == "" || p.B == "" || p.Kind == "" {
			t.Errorf("bad pair line %q: %v", sc.Text(), err)
		}
		n++
	}
	if n != len(truth.CopyPairs()) {
		t.Errorf("WritePairs wrote %d lines, want %d", n, len(truth.CopyPairs()))
	}
}
