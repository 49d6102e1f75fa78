package clean

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/textproc"
)

const body1 = "The council voted on Tuesday to expand the tram network to the northern suburbs."
const body2 = "Opponents said the cost, put at 40 million euros, would fall on local taxpayers."

func TestCleanGenericBoilerplate(t *testing.T) {
	tests := []struct {
		name, in string
		gone     []string
	}{
		{"ad blocker", body1 + "\n\n" + body2 + "\n\nPlease disable your ad blocker to continue reading the news.", []string{"ad blocker"}},
		{"read also block", body1 + "\n\nRead also:\nA completely different headline about elections\n\n" + body2, []string{"Read also", "different headline"}},
		{"read more inline", body1 + "\nRead more: Mayor resigns over tram contract\n" + body2, []string{"Mayor resigns"}},
		{"source link footer", body1 + "\n\n" + body2 + "\n\nSource link\n\nOur site is funded by donations from readers like you.\nBest regards, editors", []string{"Source link", "donations", "Best regards"}},
		{"disclaimer", body1 + "\n\n" + body2 + "\n\nWe remind our readers that publication of articles on our site does not mean that we agree with what is written.", []string{"remind our readers"}},
		{"photo credit", body1 + "\n(Image: AP)\n" + body2 + "\nPhoto: Jane Roe / Reuters\n© Sputnik / Ivan Petrov", []string{"Image: AP", "Jane Roe", "Sputnik"}},
		{"share and subscribe", body1 + "\nShare this article on Facebook\n" + body2 + "\nSubscribe to our newsletter", []string{"Share this", "newsletter"}},
		{"advertisement", body1 + "\nAdvertisement Continue reading the main story\n" + body2, []string{"Advertisement"}},
		{"published stamp", body1 + "\n" + body2 + "\n\nPublished at", []string{"Published at"}},
	}
	c := New(Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := storyline.Article{ID: "x", Text: tc.in, Raw: []byte(tc.in)}
			if err := c.Clean(context.Background(), &a); err != nil {
				t.Fatal(err)
			}
			for _, g := range tc.gone {
				if strings.Contains(a.Text, g) {
					t.Errorf("%q still in clean text %q", g, a.Text)
				}
			}
			for _, k := range []string{body1, body2} {
				if !strings.Contains(a.Text, k) {
					t.Errorf("content %q lost: %q", k, a.Text)
				}
			}
			if string(a.Raw) != tc.in {
				t.Error("raw changed")
			}
		})
	}
}

func TestCleanKeepsContentThatLooksLikeBoilerplate(t *testing.T) {
	tests := []string{
		"The minister said the photo was taken in 2019 and shared by thousands of users who wanted the vote delayed until the spring session of parliament.",
		"Source link analysis by the ministry showed that the leak came from inside the department, officials told reporters on Monday evening.",
		"Read also the second paragraph of the statement, the spokesman told journalists, because it explains why the government will not change its position on the tax.",
	}
	c := New(Options{})
	for _, in := range tests {
		if got := c.CleanText("", in); got != in {
			t.Errorf("CleanText(%q) = %q", in, got)
		}
	}
}

type memState map[string][]byte

func (m memState) State(_ context.Context, stage, key string) ([]byte, error) {
	v, ok := m[stage+"/"+key]
	if !ok {
		return nil, storyline.ErrNotFound
	}
	return v, nil
}

func (m memState) ScanState(_ context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		for k, v := range m {
			if rest, ok := strings.CutPrefix(k, stage+"/"+prefix); ok {
				if !yield(prefix+rest, v) {
					return
				}
			}
		}
	}
}

func TestLearnedOutletLines(t *testing.T) {
	ctx := context.Background()
	c := New(Options{MinArticles: 3})
	tag := "GSV \"Russia - Islamic World\""
	var first storyline.Article
	topics := []string{"harbour cranes", "harbour dredging", "harbour ferries", "harbour strike"}
	for i := range 4 {
		a := storyline.Article{
			ID:     fmt.Sprint("a", i),
			Source: "example.org",
			Hash:   fmt.Sprint("h", i),
			Text:   fmt.Sprintf("This story is about %s.\n%s", topics[i], tag),
		}
		orig := a.Text
		if err := c.Clean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = storyline.Article{ID: a.ID, Source: a.Source, Text: orig}
		}
		if i < 2 && !strings.Contains(a.Text, "GSV") {
			t.Fatalf("article %d: line learned too early", i)
		}
		if i >= 2 && strings.Contains(a.Text, "GSV") {
			t.Fatalf("article %d: repeated line kept: %q", i, a.Text)
		}
		if !strings.Contains(a.Text, "harbour") {
			t.Fatalf("content lost: %q", a.Text)
		}
	}
	// The line was learned at the third article, which was cleaned after:
	// the two before it keep the line.
	if ids, outlets := c.Stale(); !slices.Equal(ids, []string{"a0", "a1"}) || len(outlets) != 0 {
		t.Fatalf("Stale = %v, %v", ids, outlets)
	}
	if ids, outlets := c.Stale(); len(ids)+len(outlets) != 0 {
		t.Fatalf("Stale not reset: %v, %v", ids, outlets)
	}
	if err := c.Reclean(ctx, &first); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(first.Text, "GSV") {
		t.Fatalf("reclean kept learned line: %q", first.Text)
	}
	// Another outlet has not learned the line.
	if got := c.CleanText("other.org", tag); got != tag {
		t.Fatalf("other outlet lost line: %q", got)
	}
	// The same content hash again is not counted twice.
	d := New(Options{MinArticles: 2})
	for range 3 {
		a := storyline.Article{ID: "dup", Source: "s", Hash: "same", Text: "One line only here."}
		if err := d.Clean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if a.Text == "" {
			t.Fatal("repeated article taught its own text as boilerplate")
		}
	}

	// State survives a new process.
	st := memState{}
	for k, v := range c.Pending() {
		st["clean/"+k] = v
	}
	if len(c.Pending()) != 0 {
		t.Fatal("Pending not reset")
	}
	c2 := New(Options{MinArticles: 3})
	if err := c2.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got := c2.CleanText("example.org", "Body text stays.\n"+tag); got != "Body text stays." {
		t.Fatalf("after Load: %q", got)
	}
}

func TestCleanExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "examples", "articles")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared examples not available: ", err)
	}
	checks := map[string][]string{
		"003": {"Read also", "Tout est possible", "Iran Obsession", "We remind our readers", "Published at"},
		"004": {"Source link", "ad blocker", "advertising money", "Best regards"},
		"002": {"Photo: Valery"},
		"001": {"(Image: AP)"},
	}
	c := New(Options{})
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)[:3]
		a := storyline.Article{ID: id, Text: string(b)}
		if err := c.Clean(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		for _, g := range checks[id] {
			if strings.Contains(a.Text, g) {
				t.Errorf("%s: %q kept", id, g)
			}
		}
		if len(a.Text) < len(b)/2 {
			t.Errorf("%s: cleaned away too much (%d of %d bytes)", id, len(a.Text), len(b))
		}
	}
}

func BenchmarkClean(b *testing.B) {
	var sb strings.Builder
	for i := range 30 {
		fmt.Fprintf(&sb, "Paragraph %d of the article says something about the council and the tram network.\n\n", i)
	}
	sb.WriteString("Read also:\nSomething else\n\nSource link\nPlease disable your ad blocker")
	text := sb.String()
	c := New(Options{})
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	i := 0
	for b.Loop() {
		a := storyline.Article{ID: "x", Source: "s", Hash: fmt.Sprint(i), Text: text}
		i++
		if err := c.Clean(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWordCountMatchesFields(t *testing.T) {
	for _, s := range []string{"", "one", "  Two  words ", "a\u00a0b\tc\u2003d", "Read also: the\t next one"} {
		var w work
		n := textproc.Normalize(s)
		if got, want := int(w.split(s)[0].words), len(strings.Fields(n)); got != want {
			t.Errorf("words of %q = %d, want %d", s, got, want)
		}
	}
}

// TestStale: learning a line names the outlet's remembered articles that
// carry it, within the last RecentArticles; after a restart, until the
// ring fills again, it names the outlet for a look at the store.
func TestStale(t *testing.T) {
	ctx := context.Background()
	feed := func(c *Cleaner, from int, texts ...string) {
		t.Helper()
		for i, text := range texts {
			words := []string{"harbour", "election", "flood", "strike", "budget"}
			a := storyline.Article{ID: fmt.Sprint("a", from+i), Source: "wire", Text: fmt.Sprintf("A story on the %s.\n%s", words[(from+i)%len(words)], text)}
			if err := c.Clean(ctx, &a); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name        string
		texts       []string
		ids         []string
		recent      int
		restoredRun bool
		outlets     []string
	}{
		// X is learned at a3; the ring of two holds a1 and a2, and only a2
		// carries X (a0 fell out of the ring).
		{name: "ring bound", texts: []string{"Footer X here", "Footer Y here", "Footer X here", "Footer X here"}, ids: []string{"a2"}},
		{name: "nothing learned", texts: []string{"Footer X here", "Footer Y here"}},
		// After a restart the outlet is named until its ring has filled.
		{name: "restored", texts: []string{"Footer Z here", "Footer Z here", "Footer Z here"}, recent: 4, restoredRun: true, ids: []string{"a0", "a1"}, outlets: []string{"wire"}},
		// Once the ring has filled it covers what the store would.
		{name: "restored and filled", texts: []string{"Footer Z here", "Footer Z here", "Footer Z here"}, restoredRun: true, ids: []string{"a0", "a1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{MinArticles: 3, RecentArticles: cmp.Or(tt.recent, 2)})
			if tt.restoredRun {
				first := New(Options{MinArticles: 3})
				feed(first, 100, "Footer W here")
				st := memState{}
				for k, v := range first.Flush() {
					st["clean/"+k] = v
				}
				if err := c.Load(ctx, st); err != nil {
					t.Fatal(err)
				}
			}
			feed(c, 0, tt.texts...)
			ids, outlets := c.Stale()
			if !slices.Equal(ids, tt.ids) || !slices.Equal(outlets, tt.outlets) {
				t.Errorf("Stale = %v, %v; want %v, %v", ids, outlets, tt.ids, tt.outlets)
			}
		})
	}
}

// TestStateAcrossRestart: the saved state keeps the lines an outlet
// carried twice or more and the recent content hashes, whole (as states
// saved before hashes were shortened hold them) or shortened.
func TestStateAcrossRestart(t *testing.T) {
	ctx := context.Background()
	hash := textproc.Hash("an article seen before")
	for _, ring := range []string{hash, hashPrefix(hash)} {
		c := New(Options{MinArticles: 3})
		for i, body := range []string{"First story body.", "Second story body."} {
			a := storyline.Article{ID: fmt.Sprint("a", i), Source: "s", Hash: fmt.Sprint("h", i),
				Text: body + "\nHarbour Gazette, serving the coast since 1921."}
			if err := c.Clean(ctx, &a); err != nil {
				t.Fatal(err)
			}
		}
		c.mu.Lock()
		c.outlets["s"].recent = append(c.outlets["s"].recent, ring)
		c.mu.Unlock()
		st := memState{}
		for k, v := range c.Flush() {
			st["clean/"+k] = v
		}
		c2 := New(Options{MinArticles: 3})
		if err := c2.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		counts := &c2.outlets["s"].counts
		if counts.len() != 1 {
			t.Errorf("ring %q: %d lines saved, want only the one seen twice", ring, counts.len())
		}
		// A re-post of a remembered article is not counted again.
		again := storyline.Article{ID: "again", Source: "s", Hash: hash, Text: "Harbour Gazette, serving the coast since 1921."}
		if err := c2.Clean(ctx, &again); err != nil {
			t.Fatal(err)
		}
		counts.all(func(_ uint64, n uint32) {
			if n != 2 {
				t.Errorf("ring %q: a re-post after restart counted the line again (%d)", ring, n)
			}
		})
		// A new article is: the line is learned at its third article.
		third := storyline.Article{ID: "a2", Source: "s", Hash: "h2", Text: "Third story body.\nHarbour Gazette, serving the coast since 1921."}
		if err := c2.Clean(ctx, &third); err != nil {
			t.Fatal(err)
		}
		if third.Text != "Third story body." {
			t.Errorf("ring %q: after restart %q", ring, third.Text)
		}
	}
}

// BenchmarkCleanStream cleans 2,000 articles of the generated stream in
// turn, one per iteration, on one Cleaner: the outlets, boilerplate,
// languages and lengths of a stream, with learning as it goes. The
// Cleaner starts over at each pass so that what it learns stays that of
// one stream.
func BenchmarkCleanStream(b *testing.B) {
	var arts []storyline.Article
	size := 0
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		arts = append(arts, storyline.Article{ID: a.ID, Source: a.Source, Hash: fmt.Sprint(len(arts)), Text: a.Text})
		size += len(a.Text)
	}
	ctx := context.Background()
	c := New(Options{})
	b.SetBytes(int64(size / len(arts)))
	b.ReportAllocs()
	i := 0
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		if i%len(arts) == 0 {
			c = New(Options{})
		}
		a := arts[i%len(arts)]
		if err := c.Clean(ctx, &a); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportCPU(b, cpu0)
}

// reportCPU reports the process CPU time per iteration since cpu0, which
// a busy shared machine disturbs less than the elapsed time.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkCleanPrepared cleans 10,000 articles of a generated stream in
// turn on one Cleaner that has cleaned the 10,000 before them, as the
// pipeline does: each article's lines made ahead by Prepare, out of the
// timing, so that what is timed is learning and cleaning alone, with
// tables the size a long stream grows them to (outlets pruning their
// counts, the shared lines far larger than the caches). It reports the
// cost per article in the thread's own CPU time, which other processes on
// a busy machine do not add to.
func BenchmarkCleanPrepared(b *testing.B) {
	const warm, timed = 10000, 10000
	var arts []storyline.Article
	for a := range gen.New(gen.Options{Articles: warm + timed, Seed: 1}).All() {
		arts = append(arts, storyline.Article{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text})
	}
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu time.Duration
	todo := make([]storyline.Article, len(arts))
	clean := func(c *Cleaner, as []storyline.Article) {
		for i := range as {
			if err := c.Clean(ctx, &as[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	for b.Loop() {
		b.StopTimer()
		for i, a := range arts {
			a.Hash, a.Ahead = Prepare(a.Title, a.Text)
			todo[i] = a
		}
		c := New(Options{})
		clean(c, todo[:warm])
		b.StartTimer()
		cpu0 := rusage.ThreadCPU()
		clean(c, todo[warm:])
		cpu += rusage.ThreadCPU() - cpu0
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(timed*b.N), "ns/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(timed*b.N), "thread-cpu-ns/article")
}

// TestNoState checks that a Cleaner without state learns and removes the
// same lines as one with state, and has nothing to save.
func TestNoState(t *testing.T) {
	ctx := context.Background()
	with, without := New(Options{MinArticles: 2}), New(Options{MinArticles: 2, NoState: true})
	for i := range 6 {
		text := fmt.Sprintf("Report number %d on the harbour.\nSubscribe to our newsletter today", i)
		a := storyline.Article{ID: fmt.Sprint("a", i), Source: "example.org", Hash: fmt.Sprint("h", i), Text: text}
		b := a
		if err := with.Clean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if err := without.Clean(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if a.Text != b.Text {
			t.Fatalf("article %d: %q with state, %q without", i, a.Text, b.Text)
		}
	}
	if got := without.CleanText("example.org", "Body.\nSubscribe to our newsletter today"); got != "Body." {
		t.Fatalf("NoState cleaner did not learn the line: %q", got)
	}
	if len(with.Pending()) == 0 {
		t.Fatal("a Cleaner with state has nothing pending")
	}
	if p, f := without.Pending(), without.Flush(); len(p)+len(f) != 0 {
		t.Fatalf("NoState: Pending %v, Flush %v", p, f)
	}
}
