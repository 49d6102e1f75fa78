package copies

import (
	"context"
	"fmt"
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
			add := func(a storyline.Article) []storyline.Copy {
				cs, err := f.AddArticle(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				return cs
			}
			// the first copy, published an hour after the original,
			// arrives before it
			add(storyline.Article{ID: "c000", Text: copyText(0), Published: at(60)})
			if cs := add(storyline.Article{ID: "orig", Text: body, Published: at(0)}); !hasPair(cs, "orig", "c000") {
				t.Fatalf("the original did not pair with the copy before it: %v", cs)
			}
			missing := 0
			for i := 1; i < tt.copies; i++ {
				id := fmt.Sprintf("c%03d", i)
				cs := add(storyline.Article{ID: id, Text: copyText(i), Published: at(60 + i)})
				if !hasPair(cs, "orig", id) {
					missing++
					if missing < 4 {
						t.Errorf("copy %s did not pair with the original (%d pairs)", id, len(cs))
					}
				}
			}
			if missing > 0 {
				t.Errorf("%d of %d copies did not pair with the original", missing, tt.copies-1)
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
