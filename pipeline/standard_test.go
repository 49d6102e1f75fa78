package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/store/memory"
)

// copyCorpus is two reports of unlike happenings and a word-for-word
// re-run of the first under an outlet's own title.
func copyCorpus() []storyline.Article {
	body := strings.Repeat("The harbour authority of Telmark closed the northern quay on Tuesday after a crane collapsed onto a cargo ship, injuring four dock workers, the port's director said. ", 4)
	other := strings.Repeat("The city council of Orvane voted on Monday to raise bus fares by ten percent from March, citing fuel costs, its transport committee said. ", 4)
	at := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	mk := func(id, title, text, source string, h int) storyline.Article {
		return storyline.Article{ID: id, Title: title, Text: text, Source: source, Lang: "en",
			Published: storyline.Published{Time: at.Add(time.Duration(h) * time.Hour), HasTime: true}}
	}
	return []storyline.Article{
		mk("quay", "Crane collapse shuts Telmark quay", body, "Telmark Post", 0),
		mk("fares", "Orvane raises bus fares", other, "Orvane Daily", 1),
		mk("quay-copy", "Dock workers hurt as crane falls", body, "Coast Wire", 2),
	}
}

// TestClusteringCopies: Clustering finds the re-run and names the
// original as evidence of its event; with NoCopies no copy is found, none
// is given as evidence, and every article is still placed.
func TestClusteringCopies(t *testing.T) {
	for _, noCopies := range []bool{false, true} {
		t.Run(fmt.Sprintf("NoCopies=%v", noCopies), func(t *testing.T) {
			ctx := context.Background()
			st := memory.New(memory.Options{})
			cfg := Clustering(st, ClusteringOptions{NoCopies: noCopies})
			if (cfg.Copies == nil) != noCopies || (cfg.PrepareCopies == nil) != noCopies {
				t.Fatalf("copy finder set: %v, want %v", cfg.Copies != nil, !noCopies)
			}
			p, err := New(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			arts := copyCorpus()
			items := func(yield func(ingest.Item) bool) {
				for _, a := range arts {
					if !yield(ingest.Item{Article: a}) {
						return
					}
				}
			}
			rep, err := p.Feed(ctx, items, FeedOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != len(arts) {
				t.Fatalf("%d articles added, want %d", rep.Added, len(arts))
			}
			if want := map[bool]bool{false: true, true: false}[noCopies]; (rep.Copies > 0) != want {
				t.Errorf("%d copies found", rep.Copies)
			}
			got := map[string]storyline.Assignment{}
			for _, a := range arts {
				as, err := st.Assignment(ctx, a.ID)
				if err != nil {
					t.Fatalf("%s: %v", a.ID, err)
				}
				got[a.ID] = as
			}
			if got["quay"].Event != got["quay-copy"].Event || got["quay"].Event == got["fares"].Event {
				t.Errorf("events: quay %s, copy %s, fares %s", got["quay"].Event, got["quay-copy"].Event, got["fares"].Event)
			}
			why := got["quay-copy"].Why
			named := why != nil && len(why.Copies) == 1 && why.Copies[0] == "quay"
			if named == noCopies {
				t.Errorf("copy evidence %+v with NoCopies %v", why, noCopies)
			}
		})
	}
}
