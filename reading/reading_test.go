package reading

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/quotes"
)

// example reads one of ../shared/examples/articles the way the pipeline
// would see it after extraction: the leading "date" token removed.
func example(t testing.TB, prefix string) *storyline.Article {
	t.Helper()
	paths, _ := filepath.Glob("../../shared/examples/articles/" + prefix + "_*.txt")
	if len(paths) == 0 {
		t.Skip("../shared/examples not available")
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(string(b))
	a := &storyline.Article{ID: prefix}
	if strings.HasPrefix(text, "date ") {
		d, err := time.Parse(time.DateOnly, text[5:15])
		if err != nil {
			t.Fatal(err)
		}
		a.Published = storyline.Day(d)
		text = strings.TrimSpace(text[15:])
	}
	a.Text = text
	return a
}

func TestReadExamples(t *testing.T) {
	tests := []struct {
		id, speaker string
	}{
		{"000", "Dmitry Peskov"},
		{"001", "Dmitry Peskov"},
		{"002", "Dmitry Peskov"},
		{"003", "Dmitry Peskov"},
		{"004", "Yuri Ushakov"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a := example(t, tt.id)
			qs, err := r.Read(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang != "en" {
				t.Errorf("lang %q, want en", a.Lang)
			}
			runes := []rune(a.Text)
			direct := 0
			for _, q := range qs {
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("quote span %d:%d does not hold its text %.30q", q.Start, q.End, q.Text)
				}
				if q.Kind != storyline.Direct {
					continue
				}
				direct++
				// long quotes are the spokesman's; short fragments may be others'
				// and 003 also quotes the White House
				if tt.id == "003" && (strings.Contains(q.Text, "discussing them") || strings.Contains(q.Text, "Russian government") || strings.Contains(q.Text, "prepared to discuss")) {
					if !strings.Contains(q.Speaker, "Psaki") && !strings.Contains(q.Speaker, "official") {
						t.Errorf("quote %.50q: speaker %q, want the White House's", q.Text, q.Speaker)
					}
					continue
				}
				if len(strings.Fields(q.Text)) >= 8 && q.Speaker != tt.speaker {
					t.Errorf("quote %.50q: speaker %q (%q), want %q", q.Text, q.Speaker, string(runes[max(q.SpeakerStart, 0):max(q.SpeakerEnd, 0)]), tt.speaker)
				}
			}
			if direct == 0 {
				t.Errorf("no direct quotes")
			}
			found := false
			for _, e := range a.Entities {
				if e.Name == tt.speaker && e.Kind == storyline.Person {
					found = true
				}
			}
			if !found {
				t.Errorf("entity %q not found in %+v", tt.speaker, a.Entities)
			}
		})
	}
}

func TestStatementsAcrossArticles(t *testing.T) {
	r := New(Options{})
	g := quotes.NewGrouper(quotes.GrouperOptions{})
	byArticle := map[string][]storyline.Quote{}
	for _, id := range []string{"000", "001", "003"} {
		a := example(t, id)
		qs, err := r.Read(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Group(context.Background(), qs); err != nil {
			t.Fatal(err)
		}
		byArticle[id] = qs
	}
	find := func(id, word string) string {
		for _, q := range byArticle[id] {
			if strings.Contains(q.Text, word) && q.Kind == storyline.Direct {
				return q.Statement
			}
		}
		t.Fatalf("%s: no quote with %q", id, word)
		return ""
	}
	s0 := find("000", "unpreparedness to recognize red lines")
	s1 := find("001", "unwilligness to recognize red lines")
	s3 := find("003", "unwilligness to recognize red lines")
	if s0 == "" || s0 != s1 || s1 != s3 {
		t.Errorf("red lines statement not grouped: 000 %q, 001 %q, 003 %q", s0, s1, s3)
	}
	if p := g.Pending(); len(p) == 0 {
		t.Error("grouper has no pending state after grouping")
	}
}

func BenchmarkRead(b *testing.B) {
	a := example(b, "001")
	r := New(Options{})
	b.SetBytes(int64(len(a.Text)))
	ctx := context.Background()
	for b.Loop() {
		c := *a
		if _, err := r.Read(ctx, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadParallel reads on every CPU at once, as the pipeline does,
// and reports articles per second.
func BenchmarkReadParallel(b *testing.B) {
	a := example(b, "001")
	r := New(Options{})
	b.SetBytes(int64(len(a.Text)))
	ctx := context.Background()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c := *a
			if _, err := r.Read(ctx, &c); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// TestNamesJoinAcrossBatches checks that a full name learned in one batch
// joins a surname alone in the next, and that Pending reports it for the
// store unless the reader keeps no state.
func TestNamesJoinAcrossBatches(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  Options
		state map[string][]byte
	}{
		{"state", Options{}, map[string][]byte{"n/putin": []byte("Vladimir Putin")}},
		{"no state", Options{NoState: true}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := New(tc.opts)
			ctx := context.Background()
			first := &storyline.Article{ID: "a", Text: "Russian President Vladimir Putin said the talks had been useful and frank."}
			later := &storyline.Article{ID: "b", Text: "Putin said on Friday that the talks had been useful."}
			if _, err := r.Read(ctx, first); err != nil {
				t.Fatal(err)
			}
			if state := r.Pending(); !reflect.DeepEqual(state, tc.state) {
				t.Fatalf("Pending() = %q, want %q", state, tc.state)
			}
			qs, err := r.Read(ctx, later)
			if err != nil {
				t.Fatal(err)
			}
			if len(later.Entities) == 0 || later.Entities[0].Name != "Vladimir Putin" {
				t.Errorf("entities of the later article: %+v", later.Entities)
			}
			if len(qs) == 0 || qs[0].Speaker != "Vladimir Putin" {
				t.Errorf("quotes of the later article: %+v", qs)
			}
		})
	}
}

// TestFeaturesMatchRead checks that Features, and Read with NoQuotes, set
// the same language, dates and entities as a full Read, and no quotes.
func TestFeaturesMatchRead(t *testing.T) {
	ctx := context.Background()
	full, feat, noq := New(Options{}), New(Options{}), New(Options{NoQuotes: true})
	for _, id := range []string{"000", "001", "002", "003", "004"} {
		a := example(t, id)
		b, c := *a, *a
		qs, err := full.Read(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) == 0 {
			t.Errorf("%s: Read found no quotes", id)
		}
		if err := feat.Features(ctx, &b); err != nil {
			t.Fatal(err)
		}
		none, err := noq.Read(ctx, &c)
		if err != nil {
			t.Fatal(err)
		}
		if len(none) != 0 {
			t.Errorf("%s: Read with NoQuotes returned %d quotes", id, len(none))
		}
		for _, got := range []*storyline.Article{&b, &c} {
			if got.Lang != a.Lang || !reflect.DeepEqual(got.Dates, a.Dates) || !reflect.DeepEqual(got.Entities, a.Entities) {
				t.Errorf("%s: features %q %v %v, Read %q %v %v", id, got.Lang, got.Dates, got.Entities, a.Lang, a.Dates, a.Entities)
			}
		}
		for _, r := range []*Reader{full, feat, noq} {
			r.Pending()
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := feat.Features(ctx, example(t, "000")); err == nil {
		t.Error("Features with a cancelled context returned no error")
	}
}
