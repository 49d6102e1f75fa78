package copies

import (
	"context"
	"fmt"
	"math/rand/v2"
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

// genStream yields generated articles in arrival order with the outlets'
// boilerplate paragraphs removed, as the cleaner would.
type genStream struct{ g *gen.Generator }

func newGenStream(articles int) *genStream {
	return &genStream{g: gen.New(gen.Options{Articles: articles, Seed: 1})}
}

func (s *genStream) next() (storyline.Article, bool) {
	ga, ok := s.g.Next()
	if !ok {
		return storyline.Article{}, false
	}
	text := ga.Text
	if len(ga.Boilerplate) > 0 {
		paras := strings.Split(text, "\n")
		paras = slices.DeleteFunc(paras, func(p string) bool {
			return slices.Contains(ga.Boilerplate, strings.TrimSpace(p))
		})
		text = strings.Join(paras, "\n")
	}
	a := storyline.Article{ID: ga.ID, Text: text, Source: ga.Source}
	a.Published = storyline.Instant(ga.Published)
	return a, true
}

// BenchmarkAddArticleStream times AddArticle on a generated stream (with
// its syndicated copies and shared passages, the candidate density of a
// news feed) after n articles are indexed. The first n are indexed without
// being compared, so that setup stays quick; every article is also kept
// in an in-memory source, so candidates the Finder no longer holds are
// read back as from the store. One op is one arriving article;
// cpu-ns/article is the CPU time it took on all cores, which depends less
// on the load of a shared machine than ns/op does.
func BenchmarkAddArticleStream(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("indexed=%d", n), func(b *testing.B) { benchStream(b, n, Options{}) })
	}
}

// BenchmarkStrongStream is BenchmarkAddArticleStream for a Finder that
// reports strong copies only (Options.MinShare, as storyline cluster
// sets it) beside one that reports every copy, after 10,000 articles.
func BenchmarkStrongStream(b *testing.B) {
	for _, mode := range []struct {
		name string
		opts Options
	}{{"all", Options{}}, {"minshare=0.2", Options{MinShare: 0.2}}} {
		b.Run(mode.name, func(b *testing.B) { benchStream(b, 10_000, mode.opts) })
	}
}

// benchStream times AddArticle with opts after n articles are indexed.
func benchStream(b *testing.B, n int, opts Options) {
	ctx := context.Background()
	const ahead = 20_000
	stream := newGenStream(n + 1_000_000)
	src := memSource{}
	f := New(src, opts)
	for range n {
		a, _ := stream.next()
		src[a.ID] = a
		f.index(&a)
	}
	pool := make([]storyline.Article, 0, ahead)
	refill := func() {
		pool = pool[:0]
		for range ahead {
			a, _ := stream.next()
			src[a.ID] = a
			pool = append(pool, a)
		}
	}
	refill()
	i, found := 0, 0
	fetched0 := f.Stats().Fetched
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, paused := rusage.ProcessCPU(), time.Duration(0)
	for b.Loop() {
		if i == len(pool) {
			b.StopTimer()
			c := rusage.ProcessCPU()
			refill()
			paused += rusage.ProcessCPU() - c
			i = 0
			b.StartTimer()
		}
		cs, err := f.AddArticle(ctx, &pool[i])
		if err != nil {
			b.Fatal(err)
		}
		found += len(cs)
		i++
	}
	if cpu := rusage.ProcessCPU() - cpu0 - paused; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/article")
	}
	st := f.Stats()
	b.ReportMetric(float64(st.Fetched-fetched0)/float64(b.N), "fetched/article")
	b.ReportMetric(float64(st.RecentArticles), "recent-articles")
	b.ReportMetric(float64(st.RecentBytes)/float64(max(st.RecentArticles, 1)), "recent-bytes/article")
	b.ReportMetric(float64(found)/float64(b.N), "pairs/article")
	b.ReportMetric(float64(st.NearBytes)/float64(st.Articles), "near-bytes/article")
	b.ReportMetric(float64(st.PassageBytes)/float64(st.Articles), "passage-bytes/article")
}

// index adds a to the index as AddArticle does, without comparing it.
func (f *Finder) index(a *storyline.Article) {
	p := f.Prepare(a)
	f.mu.Lock()
	f.win.put(f.insert(p.s, false), p.e)
	f.mu.Unlock()
}

// BenchmarkIndexMemory fills a Finder with n sketches of unrelated
// 450-word articles (100 fingerprints each, ten a day of stream time) and
// reports the index memory per article from Stats and the heap in use
// after a collection: the passage index stops growing once it holds its
// window, the near-duplicate index grows by some 200 bytes an article.
func BenchmarkIndexMemory(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var st Stats
			var heap uint64
			for b.Loop() {
				r := rand.New(rand.NewPCG(9, uint64(n)))
				f := New(nil, Options{})
				words := make([]uint16, 450)
				t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
				for i := range n {
					s := randomSketch(r, i, 100)
					for k := range words {
						words[k] = uint16(r.Uint32())
					}
					s.words, s.at = words, t0+int64(i)*8640
					f.mu.Lock()
					f.insert(s, false)
					f.mu.Unlock()
				}
				st = f.Stats()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = ms.HeapInuse
				runtime.KeepAlive(f)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
			b.ReportMetric(float64(st.NearBytes)/float64(n), "near-bytes/article")
			b.ReportMetric(float64(st.PassageBytes)/float64(n), "passage-bytes/article")
			b.ReportMetric(float64(st.PassageArticles), "passage-articles")
			b.ReportMetric(float64(st.NearBytes+st.PassageBytes)/(1<<20), "index-MiB")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
		})
	}
}

// BenchmarkColdStream times a new Finder taking a generated stream of n
// articles from the first, as `storyline cluster --in` does: the index
// starts empty and grows with the stream. One op is the whole stream;
// cpu-ns/article is the CPU time on all cores per article.
func BenchmarkColdStream(b *testing.B) {
	for _, n := range []int{20_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			stream := newGenStream(n)
			arts := make([]storyline.Article, 0, n)
			src := memSource{}
			for {
				a, ok := stream.next()
				if !ok {
					break
				}
				arts = append(arts, a)
				src[a.ID] = a
			}
			found := 0
			cpu0 := rusage.ProcessCPU()
			for b.Loop() {
				f := New(src, Options{})
				found = 0
				for i := range arts {
					cs, err := f.AddArticle(ctx, &arts[i])
					if err != nil {
						b.Fatal(err)
					}
					found += len(cs)
				}
			}
			if cpu := rusage.ProcessCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(len(arts)), "cpu-ns/article")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(arts)), "ns/article")
			b.ReportMetric(float64(found)/float64(len(arts)), "pairs/article")
		})
	}
}

// BenchmarkClusterStream times the Finder as storyline cluster runs it:
// strong copies only (MinShare 0.2, NoState), no source to read
// candidates back from (the cluster command's store keeps no text), each
// article prepared from its words (PrepareTokens, which the pipeline runs
// in its concurrent read step) and then added in arrival order
// (AddPrepared, serial), from an empty index over a generated stream. One
// op is the whole stream; prepare-ns and add-ns are the time of each step
// per article (tokenizing is in neither), cpu-ns the CPU time per article
// on all cores, collection included, which depends less on the load of a
// shared machine. finder-MiB is the heap the Finder holds at the end of
// the stream, measured after a collection (the articles' texts, which
// the benchmark holds, are not in it); passage-, near- and recent-MiB
// are what Stats reports of its parts.
func BenchmarkClusterStream(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			stream := newGenStream(n)
			arts := make([]storyline.Article, 0, n)
			for {
				a, ok := stream.next()
				if !ok {
					break
				}
				arts = append(arts, a)
			}
			var toks []textproc.Token
			var prep, add time.Duration
			found := 0
			heap := func() uint64 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				return ms.HeapInuse
			}
			var held uint64
			var cpu time.Duration
			var st Stats
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				before := heap()
				b.StartTimer()
				cpu0 := rusage.ProcessCPU()
				f := New(nil, Options{MinShare: 0.2, NoState: true})
				found = 0
				for i := range arts {
					toks = textproc.Tokenize(toks[:0], arts[i].Text)
					t0 := time.Now()
					p := f.PrepareTokens(&arts[i], toks)
					t1 := time.Now()
					cs, err := f.AddPrepared(ctx, &arts[i], p)
					if err != nil {
						b.Fatal(err)
					}
					add += time.Since(t1)
					prep += t1.Sub(t0)
					found += len(cs)
				}
				cpu += rusage.ProcessCPU() - cpu0
				b.StopTimer()
				held = heap() - before
				st = f.Stats()
				runtime.KeepAlive(f)
				b.StartTimer()
			}
			per := float64(b.N) * float64(len(arts))
			b.ReportMetric(float64(cpu.Nanoseconds())/per, "cpu-ns/article")
			b.ReportMetric(float64(prep.Nanoseconds())/per, "prepare-ns/article")
			b.ReportMetric(float64(add.Nanoseconds())/per, "add-ns/article")
			b.ReportMetric(float64(found)/float64(len(arts)), "pairs/article")
			b.ReportMetric(float64(held)/(1<<20), "finder-MiB")
			b.ReportMetric(float64(st.PassageBytes)/(1<<20), "passage-MiB")
			b.ReportMetric(float64(st.NearBytes)/(1<<20), "near-MiB")
			b.ReportMetric(float64(st.RecentBytes)/(1<<20), "recent-MiB")
		})
	}
}
