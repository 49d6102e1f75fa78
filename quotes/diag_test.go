package quotes

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"unicode"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
	"github.com/storyline-news/storyline/gen"
)

// TestGenMisses extracts the quotes of a generated stream and prints the
// true quotes missed and those found with another speaker, with the
// sentence around them: a diagnostic, gated on STORYLINE_QUOTES_MISS=N
// (the number of articles).
func TestGenMisses(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("STORYLINE_QUOTES_MISS"))
	if n == 0 {
		t.Skip("set STORYLINE_QUOTES_MISS=N to list the misses over N generated articles")
	}
	reg := entities.NewRegistry()
	g := NewGrouper(GrouperOptions{})
	ctx := context.Background()
	var gold, found, right [2]int
	out := os.Stdout
	for a := range gen.New(gen.Options{Articles: n, Seed: 1}).All() {
		res := entities.Recognize(entities.NewDoc(a.Text), reg)
		reg.Learn(res)
		reg.Commit()
		qs := Extract(res, a.ID)
		if err := g.Group(ctx, qs); err != nil {
			t.Fatal(err)
		}
		pw := make([]map[string]bool, len(qs))
		for i, q := range qs {
			pw[i] = missWords(q.Text)
		}
		used := make([]bool, len(qs))
		for _, q := range a.Quotes {
			k := 0
			if q.Kind == storyline.Indirect {
				k = 1
			}
			gold[k]++
			gw := missWords(q.Text)
			best, bestShare := -1, 0.5
			for i := range qs {
				if used[i] || len(pw[i]) == 0 {
					continue
				}
				sh := 0
				for w := range gw {
					if pw[i][w] {
						sh++
					}
				}
				if s := float64(sh) / float64(max(len(gw), len(pw[i]))); s >= bestShare {
					best, bestShare = i, s
				}
			}
			sent := missSentence(a.Text, q.Text)
			if best < 0 {
				fmt.Fprintf(out, "MISS %s %s\t%s\t|%s|\n", a.Lang, q.Kind, q.Speaker, sent)
				continue
			}
			used[best] = true
			found[k]++
			if missSame(q.Speaker, qs[best].Speaker) {
				right[k]++
			} else {
				fmt.Fprintf(out, "SPK %s %s\t%s\tgot %q\t|%s|\n", a.Lang, q.Kind, q.Speaker, qs[best].Speaker, sent)
			}
		}
		for i, q := range qs {
			if !used[i] {
				fmt.Fprintf(out, "FP %s %s\t%q\t|%s|\n", a.Lang, q.Kind, q.Speaker, missSentence(a.Text, q.Text))
			}
		}
	}
	fmt.Fprintf(out, "direct %d/%d found, %d right; indirect %d/%d found, %d right\n", found[0], gold[0], right[0], found[1], gold[1], right[1])
}

func missWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[strings.ReplaceAll(w, "ё", "е")] = true
	}
	return out
}

func missSame(gold, pred string) bool {
	g := strings.Fields(strings.ReplaceAll(strings.ToLower(gold), "ё", "е"))
	p := strings.ReplaceAll(strings.ToLower(pred), "ё", "е")
	if len(g) == 0 || p == "" {
		return false
	}
	for _, w := range strings.Fields(p) {
		if w == g[len(g)-1] {
			return true
		}
	}
	return false
}

// missSentence returns the paragraph of text holding q (or its start).
func missSentence(text, q string) string {
	i := strings.Index(text, q)
	if i < 0 && len(q) > 20 {
		i = strings.Index(text, q[:20])
	}
	if i < 0 {
		return "?"
	}
	s := strings.LastIndexByte(text[:i], '\n') + 1
	e := strings.IndexByte(text[i:], '\n')
	if e < 0 {
		e = len(text) - i
	}
	return text[s : i+e]
}

// TestShowQuotes prints the quotes of the text in $STORYLINE_QUOTES_TEXT:
// a diagnostic.
func TestShowQuotes(t *testing.T) {
	text := os.Getenv("STORYLINE_QUOTES_TEXT")
	if text == "" {
		t.Skip("set STORYLINE_QUOTES_TEXT")
	}
	res := entities.Recognize(entities.NewDoc(text), nil)
	for _, m := range res.Mentions {
		fmt.Printf("mention %q %s role=%v ent=%d\n", res.Doc.Slice(m.Start, m.End), m.Kind, m.Role, m.Entity)
	}
	for i, tk := range res.Doc.Tokens {
		if res.Doc.SentStart[i] {
			fmt.Printf("sent@%d %q\n", i, tk.Term)
		}
	}
	for _, q := range Extract(res, "x") {
		fmt.Printf("%s %q [%d:%d] speaker %q (%q) cue %q\n", q.Kind, q.Text, q.Start, q.End, q.Speaker, res.Doc.Slice(max(q.SpeakerStart, 0), max(q.SpeakerEnd, 0)), q.Cue)
	}
}

// TestGrouperHeap streams $STORYLINE_GROUPER_HEAP quotes of a generated
// stream through a grouper and writes its heap profile to
// $STORYLINE_GROUPER_PROF: a diagnostic.
func TestGrouperHeap(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("STORYLINE_GROUPER_HEAP"))
	if n == 0 {
		t.Skip("set STORYLINE_GROUPER_HEAP=N")
	}
	src := newQuoteStream()
	g := NewGrouper(GrouperOptions{})
	ctx := context.Background()
	arts := 0
	for seen := 0; seen < n; {
		qs := src.next()
		g.Prepare(qs)
		if err := g.Group(ctx, qs); err != nil {
			t.Fatal(err)
		}
		seen += len(qs)
		if arts++; arts%64 == 0 {
			g.Pending()
		}
	}
	g.Pending()
	runtime.GC()
	var with, without runtime.MemStats
	runtime.ReadMemStats(&with)
	if p := os.Getenv("STORYLINE_GROUPER_PROF"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	fmt.Printf("statements %d, posting keys %d, articles %d\n", g.remembered, g.post.n, arts)
	runtime.KeepAlive(g)
	g = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	fmt.Printf("grouper heap %.1f MiB\n", float64(with.HeapAlloc-without.HeapAlloc)/(1<<20))
}

// TestGrouperWindow compares the statements a generated stream's quotes
// join with MaxStatements of $STORYLINE_GROUPER_WINDOW against a grouper
// that forgets nothing: a diagnostic.
func TestGrouperWindow(t *testing.T) {
	w, _ := strconv.Atoi(os.Getenv("STORYLINE_GROUPER_WINDOW"))
	if w == 0 {
		t.Skip("set STORYLINE_GROUPER_WINDOW=N")
	}
	ctx := context.Background()
	run := func(max int) []string {
		src := newQuoteStream()
		g := NewGrouper(GrouperOptions{MaxStatements: max})
		var ids []string
		for len(ids) < 400_000 {
			qs := src.next()
			if err := g.Group(ctx, qs); err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				ids = append(ids, q.Statement)
			}
		}
		return ids
	}
	ref, got := run(1<<30), run(w)
	// a quote joins a statement seen before, or starts one
	joined := func(ids []string) []bool {
		seen := map[string]bool{}
		out := make([]bool, len(ids))
		for i, id := range ids {
			out[i] = seen[id]
			seen[id] = true
		}
		return out
	}
	jr, jg := joined(ref), joined(got)
	both, onlyRef, onlyGot := 0, 0, 0
	for i := range jr {
		switch {
		case jr[i] && jg[i]:
			both++
		case jr[i]:
			onlyRef++
		case jg[i]:
			onlyGot++
		}
	}
	fmt.Printf("window %d: joined both %d, only unbounded %d, only windowed %d of %d quotes\n", w, both, onlyRef, onlyGot, len(jr))
}
