package copies

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/rusage"
)

// genRecord is the part of a line of 'storyline gen' output the stream
// evaluation reads.
type genRecord struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	Date        string   `json:"date"`
	Cluster     string   `json:"cluster"`
	CopyOf      string   `json:"copy_of"`
	CopyKind    string   `json:"copy_kind"`
	Boilerplate []string `json:"boilerplate"`
}

// TestGenFile runs the Finder alone over a file written by 'storyline
// gen' (STORYLINE_COPIES_STREAM, at most STORYLINE_COPIES_N articles),
// with the boilerplate the truth names removed as a perfect cleaner
// would, and scores the pairs by kind against the truth by the rules of
// 'storyline bench' (a copy with its original; two whole copies of one
// original; a partial copy with another copy of its original is not
// judged). It reports the CPU time, the bytes allocated per article and
// the heap left after a collection, and explains the misses and the
// false pairs. It is a diagnostic, skipped unless the variable is set.
func TestGenFile(t *testing.T) {
	path := os.Getenv("STORYLINE_COPIES_STREAM")
	if path == "" {
		t.Skip("STORYLINE_COPIES_STREAM names no gen file")
	}
	limit := 1 << 30
	if n, err := strconv.Atoi(os.Getenv("STORYLINE_COPIES_N")); err == nil {
		limit = n
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var recs []genRecord
	var arts []storyline.Article
	for sc.Scan() && len(recs) < limit {
		var r genRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		text := r.Text
		if len(r.Boilerplate) > 0 {
			paras := strings.Split(text, "\n\n")
			paras = slices.DeleteFunc(paras, func(p string) bool { return slices.Contains(r.Boilerplate, p) })
			text = strings.Join(paras, "\n\n")
		}
		a := storyline.Article{ID: r.ID, Text: text}
		if tm, err := time.Parse(time.RFC3339, r.Date); err == nil {
			a.Published = storyline.Published{Time: tm.UTC(), HasTime: true}
		}
		r.Text, r.Boilerplate = "", nil
		recs = append(recs, r)
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	src := memSource{}
	for _, a := range arts {
		src[a.ID] = a
	}
	ctx := context.Background()
	counted := &countingSource{src: src, n: map[string]int{}}
	f := New(counted, Options{})
	pred := map[[2]string]string{}
	passages := map[[2]string][]storyline.Passage{}
	copiesOf := map[[2]string]storyline.Copy{}
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	cpu0 := rusage.ProcessCPU()
	for i := range arts {
		cs, err := f.AddPrepared(ctx, &arts[i], f.Prepare(&arts[i]))
		if err != nil {
			t.Fatal(err)
		}
		if i%1000 == 999 {
			f.Pending() // as the pipeline commits them
		}
		for _, c := range cs {
			pred[pairKey(c.A, c.B)] = string(c.Kind)
			if c.Kind == storyline.Partial && len(passages) < 20000 {
				passages[pairKey(c.A, c.B)] = c.Passages
			}
			if c.Kind != storyline.Partial {
				c.Passages = nil // kept for partial pairs only
			}
			copiesOf[pairKey(c.A, c.B)] = c
		}
	}
	cpu := rusage.ProcessCPU() - cpu0
	runtime.ReadMemStats(&ms1)
	n := len(arts)
	st := f.Stats()
	var text, toks, set, fpos, bits, ne int
	for _, e := range f.win.ents {
		if e != nil {
			ne++
			text += len(e.d.text)
			toks += e.d.tokenBytes()
			set += 4 * cap(e.set)
			fpos += 4 * cap(e.fpos)
			bits += 4*(cap(e.q.spans)+cap(e.q.marks)) + 8*cap(e.qwords)
		}
	}
	ne = max(ne, 1)
	// the Finder's own heap: what a collection frees once it is dropped
	var with, without runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&with)
	if path := os.Getenv("STORYLINE_COPIES_HEAP"); path != "" {
		w, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.WriteHeapProfile(w); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	f = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	runtime.KeepAlive(arts)
	runtime.KeepAlive(src)
	t.Logf("%d articles: cpu %.1f µs/article, allocated %.1f KB/article in %.0f objects/article (%d GCs); the Finder holds %.1f MiB",
		n, float64(cpu.Microseconds())/float64(n), float64(ms1.TotalAlloc-ms0.TotalAlloc)/1024/float64(n),
		float64(ms1.Mallocs-ms0.Mallocs)/float64(n), ms1.NumGC-ms0.NumGC, (float64(with.HeapInuse)-float64(without.HeapInuse))/(1<<20))
	t.Logf("stats: %+v; %d distinct articles fetched", st, len(counted.n))
	t.Logf("recent articles: %d, per article: text %d, tokens %d, set %d, fpos %d, bits %d bytes", ne, text/ne, toks/ne, set/ne, fpos/ne, bits/ne)

	// the truth, by the bench's rules
	index := map[string]int{}
	for i, r := range recs {
		index[r.ID] = i
	}
	groups := map[string][]string{}
	for _, r := range recs {
		if _, ok := index[r.CopyOf]; ok && r.CopyOf != r.ID {
			groups[r.CopyOf] = append(groups[r.CopyOf], r.ID)
		}
	}
	kind := func(id string) string { return recs[index[id]].CopyKind }
	gold := map[[2]string]string{}
	unjudged := map[[2]string]bool{}
	for o, cs := range groups {
		for i, c := range cs {
			gold[pairKey(o, c)] = kind(c)
			for _, d := range cs[:i] {
				switch {
				case kind(c) == "partial" || kind(d) == "partial":
					unjudged[pairKey(c, d)] = true
				case kind(c) == "duplicate" && kind(d) == "duplicate":
					gold[pairKey(c, d)] = "duplicate"
				default:
					gold[pairKey(c, d)] = "near_duplicate"
				}
			}
		}
	}
	confusion := map[[2]string]int{}
	for p, g := range gold {
		confusion[[2]string{g, pred[p]}]++
	}
	fpSameEvent, fpOther := map[string]int{}, map[string]int{}
	var fpOtherEx [][2]string
	nUnjudged := 0
	for p, k := range pred {
		if _, ok := gold[p]; ok {
			continue
		}
		if unjudged[p] {
			nUnjudged++
			continue
		}
		if recs[index[p[0]]].Cluster == recs[index[p[1]]].Cluster {
			fpSameEvent[k]++
		} else {
			fpOther[k]++
			if len(fpOtherEx) < 5 {
				fpOtherEx = append(fpOtherEx, p)
			}
		}
	}
	for _, k := range []string{"duplicate", "near_duplicate", "partial"} {
		var g, tp, np int
		for p, gk := range gold {
			if gk == k {
				g++
				if pred[p] == k {
					tp++
				}
			}
		}
		for p, pk := range pred {
			if pk == k && !unjudged[p] {
				np++
			}
		}
		t.Logf("%-15s P %.3f R %.3f  predicted %d gold %d; gold found as: dup %d near %d partial %d missed %d; false pairs in the same event %d, in another %d",
			k, float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(g, 1)), np, g,
			confusion[[2]string{k, "duplicate"}], confusion[[2]string{k, "near_duplicate"}], confusion[[2]string{k, "partial"}], confusion[[2]string{k, ""}],
			fpSameEvent[k], fpOther[k])
	}
	t.Logf("unjudged predicted pairs: %d", nUnjudged)
	for _, p := range fpOtherEx {
		t.Logf("false pair across events: %s %s", p[0], p[1])
		for _, ps := range passages[p] {
			t.Logf("    %q quote=%v", ps.Text, ps.Quote)
		}
	}
	if out := os.Getenv("STORYLINE_COPIES_PAIRS"); out != "" {
		w, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(w)
		for p, k := range pred {
			g := gold[p]
			if unjudged[p] {
				g = "unjudged"
			}
			line := struct {
				A         string              `json:"a"`
				B         string              `json:"b"`
				Kind      string              `json:"kind"`
				Gold      string              `json:"gold"`
				SameEvent bool                `json:"same_event"`
				Sim       float64             `json:"similarity,omitempty"`
				AShare    float64             `json:"a_share,omitempty"`
				BShare    float64             `json:"b_share,omitempty"`
				Passages  []storyline.Passage `json:"passages,omitempty"`
			}{A: p[0], B: p[1], Kind: k, Gold: g, SameEvent: recs[index[p[0]]].Cluster == recs[index[p[1]]].Cluster}
			if c, ok := copiesOf[p]; ok {
				line.Sim, line.AShare, line.BShare, line.Passages = c.Similarity, c.AShare, c.BShare, c.Passages
			}
			b, err := json.Marshal(line)
			if err != nil {
				t.Fatal(err)
			}
			bw.Write(append(b, '\n'))
		}
		for p, g := range gold {
			if _, ok := pred[p]; !ok {
				fmt.Fprintf(bw, "{\"a\":%q,\"b\":%q,\"kind\":\"\",\"gold\":%q}\n", p[0], p[1], g)
			}
		}
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
}

// countingSource counts the reads of each article.
type countingSource struct {
	mu  sync.Mutex
	src memSource
	n   map[string]int
}

func (c *countingSource) Article(ctx context.Context, id string) (storyline.Article, error) {
	c.mu.Lock()
	c.n[id]++
	c.mu.Unlock()
	return c.src.Article(ctx, id)
}
