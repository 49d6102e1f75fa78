package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/rusage"
)

// synthStream generates n articles reporting n/8 events over 90 days:
// each event has its own names and topic words drawn from a synthetic
// vocabulary, articles mix them with Zipf-distributed background words,
// a tenth of the articles carry no date and a few are old backfills.
func synthStream(n int, seed uint64) []*storyline.Article {
	arts, _ := synthLabeled(n, seed)
	return arts
}

// synthLabeled is synthStream with each article's event number.
func synthLabeled(n int, seed uint64) ([]*storyline.Article, []int) {
	r := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mi", "ren", "to", "vas", "el", "dor", "pan", "si", "qu", "ber", "na", "ti", "gor", "u"}
	word := func(k int) string {
		var b strings.Builder
		for k >= 0 {
			b.WriteString(syll[k%len(syll)])
			k = k/len(syll) - 1
		}
		return b.String()
	}
	const vocab = 20000
	zipf := rand.NewZipf(r, 1.1, 2, vocab-1)
	type event struct {
		names, topic []int
		day          int
	}
	events := make([]event, n/8+1)
	for i := range events {
		e := event{day: r.IntN(90)}
		for range 3 {
			e.names = append(e.names, vocab+r.IntN(50000))
		}
		for range 12 {
			e.topic = append(e.topic, 500+r.IntN(vocab-500))
		}
		events[i] = e
	}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*storyline.Article, n)
	labels := make([]int, n)
	var b strings.Builder
	for i := range out {
		ei := r.IntN(len(events))
		e := events[ei]
		labels[i] = ei
		sentence := func(words int) {
			for w := range words {
				var k int
				switch x := r.IntN(10); {
				case x < 2:
					k = e.names[r.IntN(len(e.names))]
				case x < 5:
					k = e.topic[r.IntN(len(e.topic))]
				default:
					k = int(zipf.Uint64())
				}
				s := word(k)
				if k >= vocab || w == 0 {
					s = strings.ToUpper(s[:1]) + s[1:]
				}
				b.WriteString(s)
				b.WriteByte(' ')
			}
			b.WriteString(". ")
		}
		b.Reset()
		sentence(8)
		title := b.String()
		b.Reset()
		for range 12 {
			sentence(10 + r.IntN(10))
		}
		a := &storyline.Article{ID: fmt.Sprintf("a%06d", i), Title: title, Text: b.String(), Lang: "en"}
		switch x := r.IntN(20); {
		case x < 2: // no date
		case x == 2: // backfill of an old article
			a.Published = storyline.Day(base.AddDate(-1, 0, -r.IntN(300)))
		default:
			a.Published = storyline.Instant(base.Add(time.Duration(e.day)*24*time.Hour + time.Duration(r.IntN(72))*time.Hour))
		}
		out[i] = a
	}
	// arrival roughly in publication order, with local disorder
	for i := range out {
		j := i + r.IntN(50)
		if j < len(out) {
			out[i], out[j] = out[j], out[i]
			labels[i], labels[j] = labels[j], labels[i]
		}
	}
	return out, labels
}

// TestWriteSynthStream writes the benchmark's 100k-article stream as
// labeled JSON Lines to $STORYLINE_SYNTH_OUT, so that the scikit-learn
// peer can run on the same articles.
func TestWriteSynthStream(t *testing.T) {
	path := os.Getenv("STORYLINE_SYNTH_OUT")
	if path == "" {
		t.Skip("set STORYLINE_SYNTH_OUT=FILE to write the synthetic stream")
	}
	arts, labels := synthLabeled(100_000, 1)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i, a := range arts {
		rec := map[string]string{"id": a.ID, "title": a.Title, "text": a.Text, "lang": a.Lang,
			"date": a.Published.String(), "cluster": fmt.Sprint(labels[i])}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// pipelineBatch is how many articles the pipeline commits at once
// (pipeline.DefaultBatchSize): state is taken after each batch.
const pipelineBatch = 256

// runStream analyses articles on workers goroutines and assigns them in
// order on the caller's goroutine, as the pipeline does.
func runStream(b *testing.B, c *Clusterer, arts []*storyline.Article, workers int) (stateBytes int, first, last time.Duration) {
	ctx := context.Background()
	feats := make([]*Features, len(arts))
	ready := make([]chan struct{}, len(arts))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				feats[i] = c.Prepare(arts[i])
				close(ready[i])
			}
		})
	}
	// the ordered stage runs on this thread alone, whose CPU time the
	// other load of the machine does not inflate as it does wall time
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const segment = 10_000
	var t0 time.Duration
	for i, a := range arts {
		<-ready[i]
		switch i {
		case segment, len(arts) - segment:
			t0 = rusage.ThreadCPU()
		}
		if _, _, err := c.AssignPrepared(ctx, a, feats[i], nil); err != nil {
			b.Fatal(err)
		}
		switch i {
		case 2*segment - 1:
			first = rusage.ThreadCPU() - t0
		case len(arts) - 1:
			last = rusage.ThreadCPU() - t0
		}
		feats[i] = nil
		if i%pipelineBatch == pipelineBatch-1 {
			for _, v := range c.Pending() {
				stateBytes += len(v)
			}
			c.Titles()
		}
	}
	wg.Wait()
	return stateBytes, first / segment, last / segment
}

// BenchmarkStream100k clusters a 100,000-article synthetic stream per
// iteration (run with -benchtime=1x) with analysis on GOMAXPROCS workers,
// taking the state and titles every 256 articles as the pipeline does,
// and reports articles/s, the bytes of the final active state, and the
// clusterer's live heap after the run. Sub-benchmark "state" keeps state
// for a store (and reports the bytes written per 1000 articles);
// "memory" runs with Options.NoState, as `storyline cluster` can. The
// time AssignPrepared takes per article over the second and the last
// 10,000 articles (CPU time of its thread) shows whether the cost stays
// flat.
func BenchmarkStream100k(b *testing.B) {
	arts := synthStream(100_000, 1)
	for _, state := range []bool{false, true} {
		name := "memory"
		if state {
			name = "state"
		}
		b.Run(name, func(b *testing.B) {
			var last *Clusterer
			var written int
			var early, late time.Duration
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			heap0 := ms.HeapAlloc
			cpu0 := rusage.ProcessCPU()
			for b.Loop() {
				last = New(Options{NoState: !state})
				written, early, late = runStream(b, last, arts, runtime.GOMAXPROCS(0))
			}
			cpu := rusage.ProcessCPU() - cpu0
			n := float64(len(arts)) * float64(b.N)
			b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
			// CPU time is what the machine's other load does not inflate:
			// the throughput two idle cores would give is 2/(CPU per
			// article).
			b.ReportMetric(cpu.Seconds()*1e6/n, "cpu-µs/article")
			b.ReportMetric(2*n/cpu.Seconds(), "articles/s-per-2-cpu")
			// the ordered stage's CPU time per article early (after the
			// first 10,000) and at the end of the stream: flat when
			// lookups do not grow with it
			b.ReportMetric(float64(early.Nanoseconds())/1e3, "assign-µs-10k-20k")
			b.ReportMetric(float64(late.Nanoseconds())/1e3, "assign-µs-90k-100k")
			if state {
				b.ReportMetric(float64(written)/float64(len(arts)/1000), "state-B/1k-articles")
			}
			b.ReportMetric(float64(len(last.events)), "active-events")
			runtime.GC()
			runtime.ReadMemStats(&ms)
			// the clusterer's live heap: active clusters, index, lexicon
			b.ReportMetric(float64(ms.HeapAlloc-heap0)/(1<<20), "clusterer-heap-MiB")
			full := 0
			for _, v := range fullState(last) {
				full += len(v)
			}
			b.ReportMetric(float64(full)/(1<<20), "state-MiB")
			runtime.KeepAlive(last)
		})
	}
}

// fullState encodes the whole active state, as a first Pending would.
func fullState(c *Clusterer) map[string][]byte {
	for id := range c.events {
		c.dirtyKeys[id] = true
	}
	for id := range c.stories {
		c.dirtyKeys[id] = true
	}
	for s := range c.dirtyDF {
		c.dirtyDF[s] = true
	}
	return c.Pending()
}

// BenchmarkAssign measures one article's assignment (analysis included)
// in a stream of 20,000 articles, cycled.
func BenchmarkAssign(b *testing.B) {
	arts := synthStream(20_000, 2)
	c := New(Options{})
	ctx := context.Background()
	i := 0
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		a := *arts[i%len(arts)]
		a.ID = fmt.Sprint(i)
		if _, _, err := c.Assign(ctx, &a, nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((rusage.ProcessCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkPrepare measures the analysis of one article (tokens, stop
// words, stems, weighted term frequencies).
func BenchmarkPrepare(b *testing.B) {
	arts := synthStream(2000, 3)
	c := New(Options{})
	i := 0
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		c.Prepare(arts[i%len(arts)])
		i++
	}
	b.ReportMetric(float64((rusage.ProcessCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkAssignPrepared measures the sequential part of an assignment
// (vectorize, candidates, update), features computed beforehand, in a
// stream of 20,000 articles, cycled.
func BenchmarkAssignPrepared(b *testing.B) {
	arts := synthStream(20_000, 2)
	c := New(Options{})
	feats := make([]*Features, len(arts))
	for i, a := range arts {
		feats[i] = c.Prepare(a)
	}
	ctx := context.Background()
	i := 0
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		a := *arts[i%len(arts)]
		a.ID = fmt.Sprint(i)
		if _, _, err := c.AssignPrepared(ctx, &a, feats[i%len(arts)], nil); err != nil {
			b.Fatal(err)
		}
		if i%pipelineBatch == pipelineBatch-1 {
			c.Pending()
		}
		i++
	}
	b.ReportMetric(float64((rusage.ProcessCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}
