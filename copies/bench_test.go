package copies

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/rusage"
)

// benchTexts returns real article texts (the quality set) or, without
// ../shared, generated ones.
func benchTexts(b *testing.B) []storyline.Article {
	q := buildQuality(readBase(b))
	return q.arts
}

// BenchmarkSketch measures Prepare, the per-article work that depends on
// no other article: tokenizing, shingling, MinHash, band keys, the
// winnowing fingerprints and the quotation marks. It does not depend on
// the store size.
func BenchmarkSketch(b *testing.B) {
	arts := benchTexts(b)
	f := New(nil, Options{})
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			a := arts[i%len(arts)]
			i++
			_ = f.Prepare(&a)
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// randomSketch is an unrelated article's sketch: random band keys and
// nfp random fingerprints.
func randomSketch(r *rand.Rand, i, nfp int) sketch {
	s := sketch{id: fmt.Sprintf("a%09d", i), hasSh: true}
	for b := range s.keys {
		s.keys[b] = r.Uint32()
	}
	for range nfp {
		s.fps = append(s.fps, r.Uint32())
	}
	return s
}

// BenchmarkNearIndex measures the near-duplicate index alone (13 LSH
// bands and the exact hash): one lookup and one insert per article, with
// n articles already indexed.
func BenchmarkNearIndex(b *testing.B) {
	benchIndex(b, []int{10_000, 100_000, 1_000_000}, 1, 0, func(st Stats) int { return st.NearBytes })
}

// BenchmarkPassageIndex measures the fingerprint index: one lookup and
// one insert of 100 fingerprints (a 450-word article) per article.
func BenchmarkPassageIndex(b *testing.B) {
	benchIndex(b, []int{10_000, 100_000}, 2, 100, func(st Stats) int { return st.PassageBytes })
}

// benchIndex times one lookup and one insert of a random sketch with fps
// fingerprints, with each of sizes articles already indexed, and reports
// the index bytes per article that indexBytes reads from the stats.
func benchIndex(b *testing.B, sizes []int, seed uint64, fps int, indexBytes func(Stats) int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("indexed=%d", n), func(b *testing.B) {
			f := New(nil, Options{})
			r := rand.New(rand.NewPCG(seed, uint64(n)))
			for i := range n {
				f.insert(randomSketch(r, i, fps), false)
			}
			i := n
			b.ResetTimer()
			for b.Loop() {
				s := randomSketch(r, i, fps)
				i++
				f.mu.Lock()
				f.lookup(s)
				f.insert(s, false)
				f.mu.Unlock()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			st := f.Stats()
			b.ReportMetric(float64(indexBytes(st))/float64(st.Articles), "index-bytes/article")
		})
	}
}

// BenchmarkAddArticle runs the whole stage over the quality set, one
// pass per op with a fresh Finder: sketch, lookups, alignment of every
// candidate (from the cache) and scoring.
func BenchmarkAddArticle(b *testing.B) {
	arts := benchTexts(b)
	ctx := context.Background()
	for b.Loop() {
		f := New(nil, Options{CacheSize: len(arts)})
		for i := range arts {
			a := arts[i]
			if _, err := f.AddArticle(ctx, &a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkAlign aligns two texts that share every other paragraph, at
// growing lengths: time per word stays flat when the aligner is linear.
func BenchmarkAlign(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	vocab := strings.Fields("the council said on tuesday that a new plan for the city would cost more than expected and take years officials warned residents about taxes roads schools police budget minister vote week report")
	para := func() string {
		w := make([]string, 40)
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(w, " ") + "."
	}
	for _, words := range []int{500, 2000, 8000} {
		var x, y []string
		for i := 0; i < words/40; i++ {
			p := para()
			x = append(x, p)
			if i%2 == 0 {
				y = append(y, p)
			} else {
				y = append(y, para())
			}
		}
		dx, dy := prepare(strings.Join(x, "\n\n")), prepare(strings.Join(y, "\n\n"))
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			for b.Loop() {
				_ = align(dx.hs, dy.hs, 12)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
		})
	}
}

// BenchmarkLoad measures restoring the index in a new process from the
// stored sketches (100 fingerprints each), per article.
func BenchmarkLoad(b *testing.B) {
	const n = 20_000
	r := rand.New(rand.NewPCG(7, 8))
	st := memState{}
	for i := range n {
		s := randomSketch(r, i, 100)
		st["copies/"+docKey(uint32(i))] = encodeSketch(s)
	}
	size := 0
	for _, v := range st {
		size += len(v)
	}
	ctx := context.Background()
	for b.Loop() {
		f := New(nil, Options{})
		if err := f.Load(ctx, st); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/article")
	b.ReportMetric(float64(size)/n, "state-bytes/article")
}

// BenchmarkAlignArrival aligns each of 500 generated articles, as the
// second text, with the 32 before it in the stream, on 16-bit words as
// mayShare does: with a seed table built for each candidate (the first
// text), and with the arrival's built once (runsFromB). One op is one
// arrival; cpu-ns/op is the CPU time it took, which depends less on the
// load of a shared machine than ns/op does.
func BenchmarkAlignArrival(b *testing.B) {
	stream := newGenStream(20_000)
	var words [][]uint16
	for range 532 {
		a, _ := stream.next()
		words = append(words, shortWords(prepare(a.Text).hs))
	}
	for _, primed := range []bool{false, true} {
		b.Run(fmt.Sprintf("arrival-table=%v", primed), func(b *testing.B) {
			var al aligner
			spans, i := 0, 32
			cpu0 := rusage.ProcessCPU()
			for b.Loop() {
				arr := words[i]
				if primed {
					prime(&al, arr)
				}
				for _, c := range words[i-32 : i] {
					spans += len(alignWith(&al, c, arr, 12))
				}
				if i++; i == len(words) {
					i = 32
				}
			}
			b.ReportMetric(float64((rusage.ProcessCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(spans)/float64(b.N), "spans/op")
		})
	}
}

// BenchmarkDescending walks the 40 largest of n candidate keys, as
// resolve does with a full pool, against sorting them all first.
func BenchmarkDescending(b *testing.B) {
	r := rand.New(rand.NewPCG(13, 14))
	for _, n := range []int{100, 180, 256, 1000} {
		src := make([]uint64, n)
		for i := range src {
			src[i] = uint64(r.IntN(50))<<32 | uint64(r.Uint32())
		}
		keys := make([]uint64, n)
		b.Run(fmt.Sprintf("keys=%d/sort", n), func(b *testing.B) {
			for b.Loop() {
				copy(keys, src)
				slices.Sort(keys)
			}
		})
		b.Run(fmt.Sprintf("keys=%d/walk", n), func(b *testing.B) {
			for b.Loop() {
				copy(keys, src)
				d := descending{keys: keys}
				for k := range 40 {
					_ = d.at(k)
				}
			}
		})
	}
}
