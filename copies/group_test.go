package copies

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// TestSyndicatedCopiesPairWithOriginal streams an agency story re-run by
// more outlets than an arrival compares (MaxCandidates and MaxNear kept
// small), the first re-run arriving before the original it copies: every
// later copy must still pair with the original, the earliest published
// of the group, however many newer copies crowd it out.
func TestSyndicatedCopiesPairWithOriginal(t *testing.T) {
	tests := []struct {
		name          string
		maxCandidates int
		maxNear       int
		copies        int
	}{
		{"few compared", 2, 4, 40},
		{"defaults", 0, 0, 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.copies > 100 {
				t.Skip("long stream skipped in -short")
			}
			f := New(nil, Options{MaxCandidates: tt.maxCandidates, MaxNear: tt.maxNear})
			ctx := context.Background()
			stream := syndicated(tt.copies)
			missing := 0
			for i, a := range stream {
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case i == 0:
				case a.ID == "orig":
					if !hasPair(cs, "orig", "c000") {
						t.Fatalf("the original did not pair with the copy before it: %v", cs)
					}
				case !hasPair(cs, "orig", a.ID):
					missing++
					if missing < 4 {
						t.Errorf("copy %s did not pair with the original (%d pairs)", a.ID, len(cs))
					}
				}
			}
			if missing > 0 {
				t.Errorf("%d of %d copies did not pair with the original", missing, tt.copies-1)
			}
		})
	}
}

// syndicated returns the stream of TestSyndicatedCopiesPairWithOriginal,
// in arrival order: the first of n copies of an agency story, published
// an hour after the original, arrives before it; the other copies, by
// turns exact duplicates and near-duplicates, follow a minute apart.
func syndicated(n int) []storyline.Article {
	body := strings.Join(wire, "\n\n")
	base := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	at := func(min int) storyline.Published {
		return storyline.Published{Time: base.Add(time.Duration(min) * time.Minute), HasTime: true}
	}
	copyText := func(i int) string {
		if i%2 == 0 {
			return body // an exact duplicate
		}
		// a near-duplicate: a line of the outlet's own at the end
		return body + fmt.Sprintf("\n\nThe report was carried by outlet number %d of the network.", i)
	}
	out := []storyline.Article{
		{ID: "c000", Text: copyText(0), Published: at(60)},
		{ID: "orig", Text: body, Published: at(0)},
	}
	for i := 1; i < n; i++ {
		out = append(out, storyline.Article{ID: fmt.Sprintf("c%03d", i), Text: copyText(i), Published: at(60 + i)})
	}
	return out
}

// TestSyndicatedCopiesAcrossRestarts streams the syndicated story
// through Finders that stop at some articles, their state committed, a
// new one loading it and going on (ingest in several runs, or resumed
// after a crash): the pairs must be those of a single run, the copies
// after a restart still pairing with the original through the group it
// roots.
func TestSyndicatedCopiesAcrossRestarts(t *testing.T) {
	tests := []struct {
		name          string
		maxCandidates int
		maxNear       int
		copies        int
		stops         []int // restart before these articles
	}{
		{"few compared, one restart", 2, 4, 40, []int{20}},
		{"few compared, restarts", 2, 4, 40, []int{1, 2, 7, 8, 25}},
		{"defaults", 0, 0, 300, []int{150}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.copies > 100 {
				t.Skip("long stream skipped in -short")
			}
			ctx := context.Background()
			opts := Options{MaxCandidates: tt.maxCandidates, MaxNear: tt.maxNear}
			stream := syndicated(tt.copies)
			src := memSource{}
			run := func(stops []int) [][]storyline.Copy {
				st := memState{}
				f := New(src, opts)
				var out [][]storyline.Copy
				for i, a := range stream {
					if slices.Contains(stops, i) {
						for k, v := range f.Pending() {
							st["copies/"+k] = v
						}
						f = New(src, opts)
						if err := f.Load(ctx, st); err != nil {
							t.Fatal(err)
						}
					}
					src[a.ID] = a
					cs, err := f.AddArticle(ctx, &a)
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, cs)
				}
				return out
			}
			want, got := run(nil), run(tt.stops)
			diff := 0
			for i, a := range stream {
				if !reflect.DeepEqual(got[i], want[i]) {
					diff++
					if diff < 4 {
						t.Errorf("%s: %d pairs after restarts, %d in one run (with the original: %v, want %v)",
							a.ID, len(got[i]), len(want[i]), hasPair(got[i], "orig", a.ID), hasPair(want[i], "orig", a.ID))
					}
				}
			}
			if diff > 0 {
				t.Errorf("%d of %d articles found other pairs after restarts than in one run", diff, len(stream))
			}
		})
	}
}

func hasPair(cs []storyline.Copy, a, b string) bool {
	for _, c := range cs {
		if (c.A == a && c.B == b) || (c.A == b && c.B == a) {
			return c.Kind == storyline.Duplicate || c.Kind == storyline.NearDuplicate
		}
	}
	return false
}
