package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/textproc"
)

// benchVocabulary is the vocabulary of generated articles.
const benchVocabulary = `harbour strike union port minister council budget flood bridge river election
	vote parliament court ruling police protest hospital doctors school teachers farmers prices fuel grain
	export import bank rates inflation storm coast village mayor governor talks treaty border army ceasefire
	the a of in on to and said would after before during while with from against about over under new old`

// benchGen generates articles.
type benchGen struct {
	r     *rand.Rand
	words []string
}

func newBenchGen(seed uint64) *benchGen {
	return &benchGen{r: rand.New(rand.NewPCG(1, seed)), words: strings.Fields(benchVocabulary)}
}

func (g *benchGen) sentence(n int) string {
	r, benchWords := g.r, g.words
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchWords[r.IntN(len(benchWords))]
	}
	return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
}

// benchSyllables build place names: one per story, so that a search for
// one finds a story's articles only, as most real searches do.
const benchSyllables = "ka lo ve ri ta mu sen dor pa li go ne ru sa bel tor mi vak zu ho"

// place names story n.
func (g *benchGen) place(n int) string {
	syl := strings.Fields(benchSyllables)
	k := len(syl)
	name := syl[n%k] + syl[(n/k)%k] + syl[(n/k/k)%k]
	return strings.ToUpper(name[:1]) + name[1:]
}

// benchArticle generates article i of story i/perStory.
func (g *benchGen) article(i, perStory int) (storyline.Article, storyline.Assignment) {
	r := g.r
	story := i / perStory
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := base.Add(time.Duration(story)*50*time.Minute + time.Duration(i%perStory)*37*time.Minute)
	var text strings.Builder
	place := g.place(story)
	text.WriteString("In " + place + ", " + g.sentence(10) + " ")
	for range 5 {
		text.WriteString(g.sentence(12 + r.IntN(10)))
		text.WriteString(" ")
	}
	a := storyline.Article{
		ID:        fmt.Sprintf("b%06d", i),
		Title:     g.sentence(6) + " in " + place,
		Source:    fmt.Sprintf("outlet%02d.example", r.IntN(50)),
		Lang:      "en",
		Published: storyline.Instant(pub),
		Text:      text.String(),
		Entities: []storyline.Entity{{Name: fmt.Sprintf("Person %d", story%500), Kind: storyline.Person,
			Mentions: []storyline.Mention{{Text: "Person", Start: 0, End: 6}}}},
	}
	a.Hash = textproc.Hash(a.Title + "\n" + a.Text)
	as := storyline.Assignment{Article: a.ID, Story: fmt.Sprintf("s%05d", story), Event: fmt.Sprintf("e%05d-%d", story, (i%perStory)/4)}
	return a, as
}

// benchDB returns a SQLite database holding n generated articles in
// stories of 10, built once and kept in the temporary directory (or at
// $STORYLINE_BENCH_DB) for later runs.
func benchDB(b *testing.B, n int) storyline.Store {
	b.Helper()
	path := os.Getenv("STORYLINE_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("storyline-web-bench-%d-v2.db", n))
	}
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		tmp := path + ".building"
		os.Remove(tmp)
		db, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		g := newBenchGen(uint64(n))
		const batch = 2000
		for from := 0; from < n; from += batch {
			var bt storyline.Batch
			for i := from; i < min(from+batch, n); i++ {
				a, as := g.article(i, 10)
				bt.Articles = append(bt.Articles, a)
				bt.Assignments = append(bt.Assignments, as)
			}
			if _, err := db.Commit(ctx, bt); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if _, err := os.Stat(tmp + suffix); err == nil {
				if err := os.Rename(tmp+suffix, path+suffix); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Logf("built %s with %d articles in %v", path, n, time.Since(start).Round(time.Second))
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// serveBench serves srv on loopback and returns its base URL and a client
// that keeps enough connections open for the clients.
func serveBench(b *testing.B, srv *Server, clients int) (string, *http.Client) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	})
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	b.Cleanup(tr.CloseIdleConnections)
	return "http://" + ln.Addr().String(), &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// latencies collects request times and reports percentiles.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

func (l *latencies) report(b *testing.B) {
	slices.Sort(l.d)
	if len(l.d) == 0 {
		return
	}
	at := func(p float64) float64 {
		return float64(l.d[min(int(p*float64(len(l.d))), len(l.d)-1)]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
}

func get(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

// BenchmarkListStories100k measures GET /api/stories over 100 000 stored
// articles (10 000 stories) with 1 and 8 concurrent clients on loopback.
// Each iteration is one round of one request per client; p50/p99 are per
// request. The queries page through the listing, search it, and filter it
// by date and by source.
func BenchmarkListStories100k(b *testing.B) {
	const n = 100_000
	st := benchDB(b, n)
	srv := New(Config{Store: st, Logger: quiet()})
	base, client := serveBench(b, srv, 8)
	for _, bc := range []struct {
		name  string
		query func(r *rand.Rand) string
	}{
		{"page", func(r *rand.Rand) string { return fmt.Sprintf("?offset=%d", 20*r.IntN(50)) }},
		{"search", func(r *rand.Rand) string { return "?q=" + newBenchGen(0).place(r.IntN(n/10)) }},
		{"since", func(r *rand.Rand) string {
			return "?since=" + time.Date(2024, 1, 1+r.IntN(300), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}},
		{"source", func(r *rand.Rand) string { return fmt.Sprintf("?source=outlet%02d.example", r.IntN(50)) }},
	} {
		for _, clients := range []int{1, 8} {
			b.Run(fmt.Sprintf("%s/clients=%d", bc.name, clients), func(b *testing.B) {
				if err := get(client, base+"/api/stories"+bc.query(rand.New(rand.NewPCG(0, 0)))); err != nil {
					b.Fatal(err) // warm up and check once
				}
				var lat latencies
				var errs []error
				var mu sync.Mutex
				round := 0
				for b.Loop() {
					round++
					var wg sync.WaitGroup
					for c := range clients {
						wg.Go(func() {
							r := rand.New(rand.NewPCG(uint64(round), uint64(c)))
							start := time.Now()
							if err := get(client, base+"/api/stories"+bc.query(r)); err != nil {
								mu.Lock()
								errs = append(errs, err)
								mu.Unlock()
							}
							lat.add(time.Since(start))
						})
					}
					wg.Wait()
				}
				if len(errs) > 0 {
					b.Fatal(errs[0])
				}
				lat.report(b)
				b.ReportMetric(float64(len(lat.d))/b.Elapsed().Seconds(), "req/s")
			})
		}
	}
}

// BenchmarkStoryPage100k measures GET /api/stories/{id} and the HTML story
// page over the same store: read, assemble, render.
func BenchmarkStoryPage100k(b *testing.B) {
	const n, clients = 100_000, 8
	st := benchDB(b, n)
	srv := New(Config{Store: st, Logger: quiet()})
	base, client := serveBench(b, srv, clients)
	for _, path := range []string{"/api/stories/", "/stories/"} {
		b.Run(strings.Trim(path, "/"), func(b *testing.B) {
			var lat latencies
			round := 0
			for b.Loop() {
				round++
				var wg sync.WaitGroup
				for c := range clients {
					wg.Go(func() {
						id := fmt.Sprintf("s%05d", (round*clients+c)*7919%(n/10))
						start := time.Now()
						if err := get(client, base+path+id); err != nil {
							b.Error(err)
						}
						lat.add(time.Since(start))
					})
				}
				wg.Wait()
			}
			lat.report(b)
		})
	}
}

// BenchmarkPostArticles measures POST /api/articles into SQLite: 4 clients
// post JSON arrays of 100 new articles. The ingester decodes and commits
// without the pipeline's reading stages, so the figure is the server's
// and the store's share of an ingest, not the pipeline's.
func BenchmarkPostArticles(b *testing.B) {
	const clients, perPost = 4, 100
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "post.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	srv := New(Config{Store: db, Ingest: fakeIngest(db), Logger: quiet()})
	base, client := serveBench(b, srv, clients)
	g := newBenchGen(3)
	next := 0
	body := func() []byte {
		arts := make([]map[string]any, perPost)
		for i := range arts {
			a, _ := g.article(next, 10)
			next++
			arts[i] = map[string]any{"id": a.ID, "title": a.Title, "text": a.Text, "source": a.Source, "published": a.Published}
		}
		out, _ := json.Marshal(arts)
		return out
	}
	posted := 0
	for b.Loop() {
		bodies := make([][]byte, clients)
		for c := range bodies {
			bodies[c] = body()
		}
		var wg sync.WaitGroup
		for c := range clients {
			wg.Go(func() {
				resp, err := client.Post(base+"/api/articles", "application/json", bytes.NewReader(bodies[c]))
				if err != nil {
					b.Error(err)
					return
				}
				defer resp.Body.Close()
				var ir IngestResponse
				if err := json.NewDecoder(resp.Body).Decode(&ir); err != nil || resp.StatusCode != 200 || ir.Added != perPost {
					b.Errorf("post: %s %+v %v", resp.Status, ir, err)
				}
			})
		}
		wg.Wait()
		posted += clients * perPost
	}
	b.ReportMetric(float64(posted)/b.Elapsed().Seconds(), "articles/s")
}
