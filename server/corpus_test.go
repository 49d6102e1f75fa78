package server

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/corpus"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/story"
	"github.com/storyline-news/storyline/textproc"
)

// corpusStore reads the embedded sample corpus with the real ingest
// reader and stores it with the ground truth's clusters, quotes and copies
// in place of the later stages, so that pages show real articles whatever
// those stages do. Passages are the paragraphs two copies share verbatim.
func corpusStore(t testing.TB, st storyline.Store) corpus.GroundTruth {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.CopyFS(dir, corpus.FS()); err != nil {
		t.Fatal(err)
	}
	truth := corpus.Truth()
	var b storyline.Batch
	b.Quotes = make(map[string][]storyline.Quote)
	b.Titles = make(map[string]string)
	text := make(map[string]string)
	for it := range ingest.Paths(ctx, []string{dir}, ingest.Options{}) {
		if it.Skip != nil {
			continue // the corpus includes a file meant to be skipped
		}
		a := it.Article
		tr, ok := truth.Article(a.ID)
		if !ok {
			continue
		}
		if a.Lang == "" || a.Lang == "und" {
			a.Lang = tr.Lang
		}
		if a.Source == "" {
			a.Source = tr.Source
		}
		if a.Published.IsZero() {
			a.Published, _ = storyline.ParsePublished(tr.Day)
		}
		text[a.ID] = a.Text
		b.Articles = append(b.Articles, a)
		b.Assignments = append(b.Assignments, storyline.Assignment{Article: a.ID, Event: tr.Event, Story: tr.Story})
		for _, q := range tr.Quotes {
			i := strings.Index(a.Text, q.Text)
			if i < 0 {
				continue
			}
			start := utf8.RuneCountInString(a.Text[:i])
			b.Quotes[a.ID] = append(b.Quotes[a.ID], storyline.Quote{
				Article: a.ID, Text: q.Text, Speaker: q.Speaker, Kind: q.Kind,
				Start: start, End: start + utf8.RuneCountInString(q.Text), SpeakerStart: -1, SpeakerEnd: -1,
			})
		}
	}
	for _, e := range truth.Events {
		b.Titles[e.ID] = e.Title
	}
	for _, s := range truth.Stories {
		b.Titles[s.ID] = s.Title
	}
	for _, c := range truth.CopyPairs() {
		if text[c.Original] == "" || text[c.Copy] == "" {
			continue
		}
		cp := storyline.Copy{A: min(c.Original, c.Copy), B: max(c.Original, c.Copy), Kind: c.Kind, Direction: storyline.AToB}
		if cp.A != c.Original {
			cp.Direction = storyline.BToA
		}
		cp.Passages = sharedParagraphs(text[cp.A], text[cp.B])
		b.Copies = append(b.Copies, cp)
	}
	if _, err := st.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	return truth
}

// sharedParagraphs finds the paragraphs of a that b carries verbatim, as
// passages with code point offsets.
func sharedParagraphs(a, b string) []storyline.Passage {
	var out []storyline.Passage
	off := 0
	for _, p := range strings.Split(a, "\n") {
		n := utf8.RuneCountInString(p)
		if strings.TrimSpace(p) != "" && utf8.RuneCountInString(p) > 40 {
			if j := strings.Index(b, p); j >= 0 {
				bs := utf8.RuneCountInString(b[:j])
				out = append(out, storyline.Passage{AStart: off, AEnd: off + n, BStart: bs, BEnd: bs + n, Text: p})
			}
		}
		off += n + 1
	}
	return out
}

// TestCorpusStories assembles every story of the sample corpus from real
// articles and checks what a reader relies on.
func TestCorpusStories(t *testing.T) {
	st := testStores()[0].open(t)
	truth := corpusStore(t, st)
	srv := New(Config{Store: st, Logger: quiet()})
	for _, ts := range truth.Stories {
		rec := do(t, srv.Handler(), "GET", "/api/stories/"+ts.ID, "", "")
		if rec.Code != 200 {
			t.Errorf("story %s: %d", ts.ID, rec.Code)
			continue
		}
		var v story.View
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		titles := make(map[string]bool)
		for _, a := range v.Articles {
			titles[strings.Join(strings.Fields(a.Title), " ")] = true
		}
		var summary []string
		for _, s := range v.Summary {
			summary = append(summary, s.Text)
		}
		t.Logf("%s [%s]: %q\n  first: %q\n  summary: %q", ts.ID, v.Lang, v.Headline, v.FirstReporter, summary)
		if !titles[v.Headline] && !slices.ContainsFunc(v.Articles, func(a story.ArticleRef) bool { return strings.HasPrefix(a.Title, v.Headline) }) {
			t.Errorf("%s: headline %q is no article's title", ts.ID, v.Headline)
		}
		if len(v.Summary) == 0 || len(v.Summary) > 3 {
			t.Errorf("%s: %d summary sentences", ts.ID, len(v.Summary))
		}
		seen := make(map[string]bool)
		for _, s := range v.Summary {
			k := textproc.Normalize(s.Text)
			if seen[k] {
				t.Errorf("%s: summary repeats %q", ts.ID, s.Text)
			}
			seen[k] = true
			i := slices.IndexFunc(v.Articles, func(a story.ArticleRef) bool { return a.ID == s.Article })
			if i < 0 || (v.Articles[i].Lang != v.Lang && v.Articles[i].Lang != "und") {
				t.Errorf("%s: summary sentence from %s, not an article of the story in %s", ts.ID, s.Article, v.Lang)
			}
		}
		events := 0
		for _, e := range truth.Events {
			if e.Story == ts.ID && slices.ContainsFunc(v.Articles, func(a story.ArticleRef) bool { return a.Event == e.ID }) {
				events++
			}
		}
		if len(v.Timeline) != events {
			t.Errorf("%s: timeline has %d events, want %d", ts.ID, len(v.Timeline), events)
		}
		for i := 1; i < len(v.Timeline); i++ {
			if v.Timeline[i].Date.Before(v.Timeline[i-1].Date) {
				t.Errorf("%s: timeline out of order at %d", ts.ID, i)
			}
		}
		for _, a := range truth.Articles {
			for _, q := range a.Quotes {
				if a.Story == ts.ID && !slices.ContainsFunc(v.Speakers, func(s story.Speaker) bool { return s.Name == q.Speaker }) {
					t.Errorf("%s: speaker %q missing", ts.ID, q.Speaker)
				}
			}
		}
	}
}
