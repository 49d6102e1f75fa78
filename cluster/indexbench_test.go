package cluster

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/storyline-news/storyline/internal/rusage"
)

// BenchmarkIndex measures one level's index in the steady state of a long
// stream, in the shapes the clusterer gives it at 100,000 articles: tens
// of thousands of terms drawn by a Zipf law, about 10,000 live clusters,
// a third of the articles starting a cluster (which releases the oldest),
// and lists that fill up to twice MaxPostings before they are compacted.
// One op is what an article costs a level: a lookup of 16 terms
// (candidates' walk over their last MaxPostings postings) and a node
// posted under 64 terms (addMember's add). cpu-ns/op is the CPU time of
// the benchmark's thread, which other load on the machine inflates less
// than the wall time.
func BenchmarkIndex(b *testing.B) {
	const (
		vocab     = 40000
		liveNodes = 10000
		postings  = 32 // Options.MaxPostings
		query     = 16 // Options.QueryTerms and queryKeys
		posted    = 64 // Options.DocTerms
	)
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.05, 8, vocab-1)
	x := newIndex(postings)
	x.grow(vocab)
	nodes := make([]*node, liveNodes)
	seq := 0
	newNode := func() *node {
		seq++
		return &node{id: "e" + strconv.Itoa(seq), seq: seq, size: 1, scripts: [2]float32{1, 0}}
	}
	for i := range nodes {
		nodes[i] = newNode()
	}
	terms := func(n int) []uint32 {
		ids := make([]uint32, 0, n)
		for len(ids) < n {
			ids = append(ids, uint32(zipf.Uint64()))
		}
		return ids
	}
	// the articles' terms drawn ahead, so that the loop times the index
	const draws = 4096
	adds, queries := make([][]uint32, draws), make([][]tw, draws)
	for i := range draws {
		adds[i] = terms(posted)
		for j, id := range terms(query) {
			queries[i] = append(queries[i], tw{id, float32(query - j)})
		}
	}
	oldest := 0
	var lists [][]posting
	var hits []hit
	step := func(i int, walk bool) {
		if walk {
			q := queries[i%draws]
			lists = lists[:0]
			for _, t := range q {
				p := x.post[t.id]
				lists = append(lists, p[max(0, len(p)-postings):])
			}
			hits = x.walk(hits[:0], q, len(q)-queryKeys, lists, false)
		}
		n := nodes[r.IntN(liveNodes)]
		if i%3 == 0 {
			x.release(nodes[oldest])
			nodes[oldest] = newNode()
			n = nodes[oldest]
			oldest = (oldest + 1) % liveNodes
		}
		x.add(n, adds[i%draws])
	}
	for i := range 20 * liveNodes {
		step(i, false)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	t0 := rusage.ThreadCPU()
	for b.Loop() {
		step(i, true)
		i++
	}
	b.ReportMetric(float64((rusage.ThreadCPU()-t0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
