package copies

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
)

var dateToken = regexp.MustCompile(`^\s*date (\d{4}-\d{2}-\d{2}) `)

// loadExamples reads ../shared/examples/articles the way the pipeline
// would hand them over: a leading "date" token taken as the publication
// day, boilerplate cleaned.
func loadExamples(t testing.TB) []storyline.Article {
	dir := filepath.Join("..", "..", "shared", "examples", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/examples/articles not available")
	}
	cl := clean.New(clean.Options{})
	var out []storyline.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := storyline.Article{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)}
		if m := dateToken.FindStringSubmatch(a.Text); m != nil {
			d, _ := time.Parse(time.DateOnly, m[1])
			a.Published = storyline.Day(d)
			a.Text = a.Text[len(m[0]):]
		}
		if err := cl.Clean(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func TestExamplesOnlyPair(t *testing.T) {
	arts := loadExamples(t)
	f := New(nil, Options{})
	var pairs []storyline.Copy
	for i := range arts {
		cs, err := f.AddArticle(context.Background(), &arts[i])
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, cs...)
	}
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want 1: %+v", len(pairs), pairs)
	}
	c := pairs[0]
	if !strings.HasPrefix(c.A, "001") || !strings.HasPrefix(c.B, "003") {
		t.Fatalf("pair %s-%s, want 001-003", c.A, c.B)
	}
	if c.Kind != storyline.Partial {
		t.Errorf("kind %s, want partial", c.Kind)
	}
	var texts = map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	nonQuote := 0
	for _, p := range c.Passages {
		ra, rb := []rune(texts[c.A]), []rune(texts[c.B])
		if p.AStart < 0 || p.AEnd > len(ra) || p.BStart < 0 || p.BEnd > len(rb) || p.AStart >= p.AEnd || p.BStart >= p.BEnd {
			t.Fatalf("bad offsets %+v", p)
		}
		if string(ra[p.AStart:p.AEnd]) != p.Text {
			t.Errorf("passage text does not match A offsets")
		}
		if !p.Quote {
			nonQuote++
		}
		t.Logf("quote=%v A[%d:%d] B[%d:%d] %q", p.Quote, p.AStart, p.AEnd, p.BStart, p.BEnd, p.Text)
	}
	if nonQuote == 0 {
		t.Error("no passage outside quotations")
	}
	if c.AShare <= 0.1 || c.BShare <= 0.1 || c.AShare >= 0.8 {
		t.Errorf("shares %.3f %.3f", c.AShare, c.BShare)
	}
	// both published 2021-12-18, no time of day: direction unknown
	if c.Direction != storyline.UnknownDirection {
		t.Errorf("direction %s, want unknown", c.Direction)
	}
	t.Logf("%+v", struct {
		A, B          string
		Sim, ASh, BSh float64
		Kind          storyline.CopyKind
		N             int
	}{c.A, c.B, c.Similarity, c.AShare, c.BShare, c.Kind, len(c.Passages)})
}
