package quotes

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// naiveGroup is statement grouping done the slow, obvious way: every quote
// is compared with every wording of every earlier statement of its
// speaker. The grouper must agree with it wherever its bounds (posting
// caps, memory) do not cut in.
func naiveGroup(qs []storyline.Quote, opts GrouperOptions) []string {
	type stmt struct {
		id, spk  string
		wordings [][]string
	}
	var stmts []*stmt
	byID := map[string]bool{}
	out := make([]string, len(qs))
	for i, q := range qs {
		spk, stems := speakerKey(q.Speaker), contentStems(q.Text)
		if len(stems) == 0 {
			continue
		}
		var best *stmt
		bestScore, exact := 0.0, false
		for _, st := range stmts {
			if st.spk != spk {
				continue
			}
			for _, w := range st.wordings {
				n := 0
				for _, s := range w {
					for _, t := range stems {
						if s == t {
							n++
						}
					}
				}
				short := min(len(stems), len(w))
				if n < min(opts.MinShared, short) {
					continue
				}
				score := float64(n) / float64(short)
				if score >= opts.MinContainment && (score > bestScore || score == bestScore && st.id < best.id) {
					best, bestScore, exact = st, score, n == len(stems) && n == len(w)
				}
			}
		}
		switch {
		case best != nil:
			if !exact && len(best.wordings) < maxWordings {
				best.wordings = append(best.wordings, stems)
			}
			out[i] = best.id
		default:
			var p prepared
			(&Grouper{}).prepare(&p, &qs[i])
			out[i] = p.id
			if !byID[out[i]] {
				byID[out[i]] = true
				stmts = append(stmts, &stmt{id: out[i], spk: spk, wordings: [][]string{stems}})
			}
		}
	}
	return out
}

// TestGrouperAgreesWithNaive: on a generated stream (speakers who recur,
// statements repeated verbatim and edited across outlets) the indexed
// grouper finds exactly the statements exhaustive comparison finds, with
// and without Prepare, and groups a good share of the quotes.
func TestGrouperAgreesWithNaive(t *testing.T) {
	// A generated stream repeats few statements, so every third quote is
	// followed later by a rewording of an earlier one: some words dropped,
	// the speaker by surname alone.
	src := newQuoteStream()
	var qs []storyline.Quote
	for len(qs) < 3000 {
		for _, q := range src.next() {
			qs = append(qs, q)
			if len(qs)%3 == 0 {
				e := qs[len(qs)*7/10]
				words := strings.Fields(e.Text)
				var kept []string
				for i, w := range words {
					if i%(2+len(qs)%4) != 1 {
						kept = append(kept, w)
					}
				}
				name := strings.Fields(e.Speaker)
				qs = append(qs, storyline.Quote{Article: fmt.Sprint("r", len(qs)), Speaker: name[len(name)-1], Text: strings.Join(kept, " ")})
			}
		}
	}
	opts := GrouperOptions{MinShared: 3, MinContainment: 0.6, MaxPostings: 1 << 20, MaxStatements: 1 << 20}
	want := naiveGroup(qs, opts)
	for _, prepare := range []bool{false, true} {
		t.Run(fmt.Sprint("prepare=", prepare), func(t *testing.T) {
			g := NewGrouper(opts)
			got := make([]storyline.Quote, len(qs))
			copy(got, qs)
			for i := 0; i < len(got); i += 13 {
				part := got[i:min(i+13, len(got))]
				if prepare {
					g.Prepare(part)
				}
				if err := g.Group(context.Background(), part); err != nil {
					t.Fatal(err)
				}
			}
			diff, joined := 0, map[string]int{}
			for i := range got {
				joined[got[i].Statement]++
				if got[i].Statement != want[i] {
					if diff++; diff <= 5 {
						t.Errorf("quote %d %q (%s): statement %q, exhaustive comparison says %q", i, qs[i].Text, qs[i].Speaker, got[i].Statement, want[i])
					}
				}
			}
			if diff > 0 {
				t.Errorf("%d of %d quotes differ", diff, len(got))
			}
			if len(joined) > len(got)*85/100 {
				t.Errorf("%d statements for %d quotes: too few grouped to test anything", len(joined), len(got))
			}
		})
	}
}

// TestGrouperKeepsWhatIsMatched: forgetting goes by the last match, not by
// creation, so a statement quoted again and again outlives newer ones
// nobody repeats.
func TestGrouperKeepsWhatIsMatched(t *testing.T) {
	g := NewGrouper(GrouperOptions{MaxStatements: 3})
	ctx := context.Background()
	group := func(article, text string) string {
		qs := []storyline.Quote{{Article: article, Speaker: "Ana Holanova", Text: text}}
		if err := g.Group(ctx, qs); err != nil {
			t.Fatal(err)
		}
		return qs[0].Statement
	}
	old := group("a0", "the harbour will reopen after repairs to the northern quay wall")
	for i := range 10 {
		group(fmt.Sprint("b", i), fmt.Sprintf("ferry number %d sails again from pier %d tomorrow morning", i, i))
		if got := group(fmt.Sprint("c", i), "the harbour reopens after repairs to the northern quay"); got != old {
			t.Fatalf("after %d newer statements the repeated one got %q, want %q", i+1, got, old)
		}
	}
	if g.remembered > 3 {
		t.Errorf("%d statements kept, want at most 3", g.remembered)
	}
}

// TestStatementJSON: the hand-written encoding is encoding/json's, byte
// for byte, so stored state reads back either way.
func TestStatementJSON(t *testing.T) {
	for _, st := range []storedStatement{
		{Speaker: "peskov", Wordings: [][]string{{"red", "line", "recognis"}}, First: "a1", Seq: 7},
		{ID: "00ff00ff00ff00ff", Speaker: "peskov", Wordings: [][]string{{"red"}}, First: "a1", Seq: 8},
		{Speaker: "?", Wordings: [][]string{{"песк", "линии"}, {}, {"x"}}, First: "", Seq: 0},
		{Speaker: `o"brien\`, Wordings: [][]string{{"<a&b>\u2028\x01"}}, First: "<a&b>\u2028\x01", Seq: 1 << 40},
		{Speaker: "bad\xffutf8", Wordings: [][]string{{"tab\there"}}, First: "tab\there"},
	} {
		want, err := json.Marshal(&st)
		if err != nil {
			t.Fatal(err)
		}
		mem := statement{id: st.ID, speaker: st.Speaker, first: st.First, seq: st.Seq}
		for _, w := range st.Wordings {
			mem.wordings = append(mem.wordings, string(appendJSONStrings(nil, w)))
		}
		if got := mem.appendJSON([]byte("x")); string(got) != "x"+string(want) {
			t.Errorf("appendJSON = %s, want x%s", got, want)
		}
	}
}

func TestSpeakerWords(t *testing.T) {
	for _, tt := range []struct {
		name, key string
		words     int
	}{
		{"Dmitry Peskov", "peskov", 2},
		{"  Peskov  ", "peskov", 1},
		{"PUTIN'S", "putin", 1},
		{"", "?", 0},
		{" \t\n", "?", 0},
		{"Дмитрий Песков", "песков", 2},
		{"Ana B. Holanova", "holanova", 3},
	} {
		key, words := speakerWords(tt.name)
		if key != tt.key || words != tt.words || speakerKey(tt.name) != tt.key {
			t.Errorf("speakerWords(%q) = %q, %d; want %q, %d", tt.name, key, words, tt.key, tt.words)
		}
	}
}

// TestPrepareConcurrently: as the pipeline does, readers prepare the next
// articles while the previous ones are grouped in order; the statements
// are those of grouping alone, and stale preparations (a slice reused
// with other quotes) are not used.
func TestPrepareConcurrently(t *testing.T) {
	src := newQuoteStream()
	arts := make([][]storyline.Quote, 200)
	for i := range arts {
		arts[i] = src.next()
	}
	plain := NewGrouper(GrouperOptions{})
	want := make([][]storyline.Quote, len(arts))
	for i, qs := range arts {
		want[i] = slices.Clone(qs)
		if err := plain.Group(context.Background(), want[i]); err != nil {
			t.Fatal(err)
		}
	}
	g := NewGrouper(GrouperOptions{})
	got := make([][]storyline.Quote, len(arts))
	for i, qs := range arts {
		got[i] = slices.Clone(qs)
	}
	// a preparation left on a slice that then holds other quotes
	got[1][0].Text, got[1][0].Speaker = arts[0][0].Text, "Someone Else"
	g.Prepare(got[1])
	got[1][0] = arts[1][0]
	ready := make(chan int, len(arts))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 2 {
				if i != 1 {
					g.Prepare(got[i])
				}
				ready <- i
			}
		}()
	}
	done := map[int]bool{}
	next := 0
	for range arts {
		done[<-ready] = true
		for done[next] {
			if err := g.Group(context.Background(), got[next]); err != nil {
				t.Fatal(err)
			}
			next++
		}
	}
	wg.Wait()
	for i := range arts {
		for k := range arts[i] {
			if got[i][k].Statement != want[i][k].Statement || got[i][k].Speaker != want[i][k].Speaker {
				t.Fatalf("article %d quote %d: %q %q, want %q %q", i, k, got[i][k].Statement, got[i][k].Speaker, want[i][k].Statement, want[i][k].Speaker)
			}
		}
	}
}
