package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/textproc"
)

// recorder is a fake of every stage: it logs calls and can fail on one id.
type recorder struct {
	mu      sync.Mutex
	calls   []string
	failOn  string
	state   map[string][]byte
	loaded  map[string][]byte
	changed []string
	// stale are the ids Stale names next; nameEarlier makes it name the
	// articles cleaned between its two last calls, as a cleaner that
	// learned a line they carry would.
	stale       []string
	nameEarlier bool
	cleaned     []string
	prev, mark  int
}

func (r *recorder) log(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, s)
}

func (r *recorder) Clean(_ context.Context, a *storyline.Article) error {
	r.log("clean " + a.ID)
	a.Text = strings.ReplaceAll(a.Text, "Read also: more", "")
	r.mu.Lock()
	r.cleaned = append(r.cleaned, a.ID)
	r.mu.Unlock()
	return nil
}

func (r *recorder) Read(_ context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	r.log("read " + a.ID)
	if a.ID == r.failOn {
		return nil, errors.New("boom")
	}
	a.Lang = "en"
	return []storyline.Quote{{Article: a.ID, Text: "quoted", Speaker: "X"}}, nil
}

func (r *recorder) AddArticle(_ context.Context, a *storyline.Article) ([]storyline.Copy, error) {
	r.log("copies " + a.ID)
	return nil, nil
}

func (r *recorder) Assign(_ context.Context, a *storyline.Article, _ []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
	r.log("cluster " + a.ID)
	r.mu.Lock()
	r.state = map[string][]byte{"last": []byte(a.ID)}
	r.mu.Unlock()
	return storyline.Assignment{Article: a.ID, Event: "e1", Story: "s1", Why: &storyline.Why{NewEvent: true}}, nil, nil
}

func (r *recorder) Group(_ context.Context, qs []storyline.Quote) error {
	for i := range qs {
		qs[i].Statement = "st-" + qs[i].Article
	}
	return nil
}

func (r *recorder) Stage() string { return "recorder" }

func (r *recorder) Load(ctx context.Context, s storyline.StateStore) error {
	r.loaded = map[string][]byte{}
	for k, v := range s.ScanState(ctx, "recorder", "") {
		r.loaded[k] = v
	}
	return nil
}

func (r *recorder) Pending() map[string][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.state
	r.state = nil
	return p
}

func (r *recorder) Stale() (ids, sources []string) {
	ids, sources = r.stale, r.changed
	r.stale, r.changed = nil, nil
	if r.nameEarlier {
		r.mu.Lock()
		ids = append(ids, r.cleaned[r.prev:r.mark]...)
		r.prev, r.mark = r.mark, len(r.cleaned)
		r.mu.Unlock()
	}
	return ids, sources
}

func (r *recorder) Reclean(_ context.Context, a *storyline.Article) error {
	r.log("reclean " + a.ID)
	a.Text = strings.ReplaceAll(a.Text, "Subscribe now", "")
	return nil
}

func art(id, text string) storyline.Article {
	return storyline.Article{ID: id, Title: "T " + id, Text: text, Source: "wire", Hash: textproc.Hash(id + "\n" + text)}
}

func config(st storyline.Store, r *recorder) Config {
	return Config{Store: st, Cleaner: r, Recleaner: r, Reader: r, Copies: r, Clusterer: r, Statements: r, Workers: 2}
}

func TestProcess(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{}
	p, err := New(ctx, config(st, r))
	if err != nil {
		t.Fatal(err)
	}
	batch := []storyline.Article{art("a", "Alpha text. Read also: more"), art("b", "Beta text."), art("a", "Alpha text. Read also: more")}
	got, err := p.Process(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []storyline.Outcome{storyline.Added, storyline.Added, storyline.Unchanged}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("outcomes %v, want %v", got, want)
	}
	// Each order-dependent stage ran in input order, each article once,
	// and an article was clustered after its copies were found.
	var copied, clustered []string
	for i, c := range r.calls {
		if id, ok := strings.CutPrefix(c, "copies "); ok {
			copied = append(copied, id)
		}
		if id, ok := strings.CutPrefix(c, "cluster "); ok {
			clustered = append(clustered, id)
			if !slices.Contains(r.calls[:i], "copies "+id) {
				t.Errorf("%s clustered before its copies were found: %v", id, r.calls)
			}
		}
	}
	if fmt.Sprint(copied) != "[a b]" || fmt.Sprint(clustered) != "[a b]" {
		t.Errorf("copies in order %v, clustering in order %v; want [a b] for both", copied, clustered)
	}
	a, err := st.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Read also") || a.Lang != "en" {
		t.Errorf("stored article not cleaned and read: %+v", a)
	}
	qs, err := st.Quotes(ctx, storyline.QuoteFilter{Article: "a"})
	if err != nil || len(qs) != 1 || qs[0].Statement != "st-a" {
		t.Errorf("quotes %+v, %v", qs, err)
	}
	if as, err := st.Assignment(ctx, "b"); err != nil || as.Event != "e1" {
		t.Errorf("assignment %+v, %v", as, err)
	}
	// State went into the same commit; a new pipeline restores it.
	r2 := &recorder{}
	if _, err := New(ctx, config(st, r2)); err != nil {
		t.Fatal(err)
	}
	if string(r2.loaded["last"]) != "b" {
		t.Errorf("restored state %q, want b", r2.loaded)
	}
	// A re-run is a no-op that calls no stage.
	r.calls = nil
	got, err = p.Process(ctx, batch[:2])
	if err != nil || got[0] != storyline.Unchanged || got[1] != storyline.Unchanged || len(r.calls) != 0 {
		t.Errorf("re-run: %v %v, calls %v", got, err, r.calls)
	}
	c := p.Counts()
	if c.Added != 2 || c.Unchanged != 3 || c.Quotes != 2 || c.NewEvents != 2 {
		t.Errorf("counts %+v", c)
	}
}

func TestProcessFailureStoresNothing(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{failOn: "b"}
	p, err := New(ctx, config(st, r))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Process(ctx, []storyline.Article{art("a", "Alpha."), art("b", "Beta.")})
	if err == nil || !strings.Contains(err.Error(), "article b") {
		t.Fatalf("error %v, want one naming article b", err)
	}
	if _, err := st.Article(ctx, "a"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("article a stored from a failed batch: %v", err)
	}
}

// TestReclean: an article the cleaner names, or one of an outlet it
// names after a restart, is cleaned again and stored.
func TestReclean(t *testing.T) {
	for _, byOutlet := range []bool{false, true} {
		t.Run(fmt.Sprint("by outlet ", byOutlet), func(t *testing.T) { testReclean(t, byOutlet) })
	}
}

func testReclean(t *testing.T, byOutlet bool) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{}
	p, err := New(ctx, config(st, r))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Process(ctx, []storyline.Article{art("old", "Old news. Subscribe now")}); err != nil {
		t.Fatal(err)
	}
	if byOutlet {
		r.changed = []string{"wire"}
	} else {
		r.stale = []string{"old", "gone"} // gone was never stored
	}
	if _, err := p.Process(ctx, []storyline.Article{art("new", "New news.")}); err != nil {
		t.Fatal(err)
	}
	old, err := st.Article(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(old.Text, "Subscribe") {
		t.Errorf("old article not re-cleaned: %q", old.Text)
	}
	if p.Counts().Recleaned != 1 {
		t.Errorf("recleaned %d, want 1", p.Counts().Recleaned)
	}
}

func TestFeedCountsSkips(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	p, err := New(ctx, Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	items := func(yield func(ingest.Item) bool) {
		for i := range 5 {
			it := ingest.Item{Article: art(fmt.Sprint("x", i), "Text.")}
			if i == 2 {
				it = ingest.Item{Skip: &ingest.Skip{Origin: "f.jsonl:3", Reason: "malformed JSON"}}
			}
			if !yield(it) {
				return
			}
		}
	}
	var batches int
	r, err := p.Feed(ctx, items, FeedOptions{BatchSize: 2, OnBatch: func(Report) { batches++ }})
	if err != nil {
		t.Fatal(err)
	}
	if r.Added != 4 || r.Skipped != 1 || r.Articles != 4 || batches != 2 || r.Skips[0].Origin != "f.jsonl:3" {
		t.Errorf("report %+v, %d batches", r, batches)
	}
}

// TestFeedOverlapsCommits feeds batches whose commits overlap the next
// batch's stages: an article repeated in the next batch, while the first
// is still committing, is Unchanged and goes through no stage twice.
func TestFeedOverlapsCommits(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{}
	p, err := New(ctx, config(st, r))
	if err != nil {
		t.Fatal(err)
	}
	items := func(yield func(ingest.Item) bool) {
		for i := range 40 {
			id := fmt.Sprint("x", i)
			if i%4 == 3 {
				id = fmt.Sprint("x", i-1) // the last article of the batch before
			}
			if !yield(ingest.Item{Article: art(id, "Text of "+id)}) {
				return
			}
		}
	}
	rep, err := p.Feed(ctx, items, FeedOptions{BatchSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 30 || rep.Unchanged != 10 || rep.Articles != 40 {
		t.Errorf("report %+v, want 30 added and 10 unchanged of 40", rep)
	}
	clustered := 0
	for _, c := range r.calls {
		if strings.HasPrefix(c, "cluster ") {
			clustered++
		}
	}
	if clustered != 30 {
		t.Errorf("%d articles clustered, want each of the 30 once", clustered)
	}
	for i := 0; i < 40; i += 4 {
		if _, err := st.Article(ctx, fmt.Sprint("x", i)); err != nil {
			t.Errorf("x%d not stored: %v", i, err)
		}
	}
}

// TestRecleanWindow: learning a line re-cleans the outlet's recent
// articles only, so its cost does not grow with the store.
func TestRecleanWindow(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{}
	cfg := config(st, r)
	cfg.RecleanWindow = 10 * 24 * time.Hour
	p, err := New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) storyline.Published { return storyline.Day(time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC)) }
	old, recent := art("old", "Old news. Subscribe now"), art("recent", "Recent news. Subscribe now")
	old.Published, recent.Published = day(1), day(20)
	if _, err := p.Process(ctx, []storyline.Article{old, recent}); err != nil {
		t.Fatal(err)
	}
	r.changed = []string{"wire"}
	next := art("next", "Next news.")
	next.Published = day(25)
	if _, err := p.Process(ctx, []storyline.Article{next}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"old": true, "recent": false} {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(a.Text, "Subscribe"); got != want {
			t.Errorf("%s: still has the learned line = %v, want %v", id, got, want)
		}
	}
}

// TestFeedRecleansNamedArticles: after every batch the cleaner names the
// articles of the batch before. Those still committing are cleaned
// again with a later batch, or at the end of the run: every stored
// article but the last batch's ends up clean, each cleaned again once.
func TestFeedRecleansNamedArticles(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{nameEarlier: true}
	// Commits are slow, so that a batch is linked while the one before
	// still commits: its articles cannot be read back yet.
	p, err := New(ctx, config(slowCommits{st}, r))
	if err != nil {
		t.Fatal(err)
	}
	const n, size = 9, 2
	items := func(yield func(ingest.Item) bool) {
		for i := range n {
			if !yield(ingest.Item{Article: art(fmt.Sprint("x", i), "News. Subscribe now")}) {
				return
			}
		}
	}
	rep, err := p.Feed(ctx, items, FeedOptions{BatchSize: size})
	if err != nil {
		t.Fatal(err)
	}
	last := (n - 1) / size * size // the first article of the last batch
	for i := range n {
		a, err := st.Article(ctx, fmt.Sprint("x", i))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Contains(a.Text, "Subscribe"), i >= last; got != want {
			t.Errorf("%s: keeps the learned line = %v, want %v", a.ID, got, want)
		}
	}
	if rep.Recleaned != last {
		t.Errorf("recleaned %d, want %d", rep.Recleaned, last)
	}
}

// slowCommits is a store whose commits take a while.
type slowCommits struct{ storyline.Store }

func (s slowCommits) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	time.Sleep(20 * time.Millisecond)
	return s.Store.Commit(ctx, b)
}

// gatedCommits is a store whose commits wait for a gate, record the order
// they land in, and fail from the failAt-th on (0: never).
type gatedCommits struct {
	storyline.Store
	gate   chan struct{}
	mu     sync.Mutex
	landed [][]string // article ids per commit, in commit order
	failAt int
}

func (s *gatedCommits) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	<-s.gate
	s.mu.Lock()
	n := len(s.landed) + 1
	var ids []string
	for _, a := range b.Articles {
		ids = append(ids, a.ID)
	}
	s.landed = append(s.landed, ids)
	s.mu.Unlock()
	if s.failAt > 0 && n >= s.failAt {
		return nil, errors.New("disk full")
	}
	return s.Store.Commit(ctx, b)
}

// TestFeedQueuesCommits: while one commit is held up, Feed links the
// batches after it and queues up to CommitDepth commits; they land in
// input order, and after a failing commit none of the queued ones lands.
func TestFeedQueuesCommits(t *testing.T) {
	feed := func(st *gatedCommits, r *recorder, n int) (Report, error) {
		t.Helper()
		p, err := New(context.Background(), config(st, r))
		if err != nil {
			t.Fatal(err)
		}
		items := func(yield func(ingest.Item) bool) {
			for i := range n {
				if !yield(ingest.Item{Article: art(fmt.Sprintf("x%02d", i), fmt.Sprint("Text ", i))}) {
					return
				}
			}
		}
		return p.Feed(context.Background(), items, FeedOptions{BatchSize: 2})
	}
	clustered := func(r *recorder) int {
		r.mu.Lock()
		defer r.mu.Unlock()
		k := 0
		for _, c := range r.calls {
			if strings.HasPrefix(c, "cluster ") {
				k++
			}
		}
		return k
	}

	t.Run("queue", func(t *testing.T) {
		st := &gatedCommits{Store: memory.New(memory.Options{}), gate: make(chan struct{})}
		r := &recorder{}
		done := make(chan struct{})
		var rep Report
		var err error
		go func() {
			defer close(done)
			rep, err = feed(st, r, 20)
		}()
		// With every commit held, the batches of CommitDepth commits and
		// the one being linked after them go through clustering.
		want := 2 * (CommitDepth + 1)
		deadline := time.Now().Add(10 * time.Second)
		for clustered(r) < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // and no further
		if got := clustered(r); got != want {
			t.Errorf("%d articles linked while commits were held, want %d", got, want)
		}
		close(st.gate)
		<-done
		if err != nil {
			t.Fatal(err)
		}
		if rep.Added != 20 || rep.Articles != 20 {
			t.Errorf("report %+v, want 20 added", rep)
		}
		for k, ids := range st.landed {
			if w := []string{fmt.Sprintf("x%02d", 2*k), fmt.Sprintf("x%02d", 2*k+1)}; !slices.Equal(ids, w) {
				t.Errorf("commit %d holds %v, want %v", k, ids, w)
			}
		}
	})

	t.Run("failure", func(t *testing.T) {
		st := &gatedCommits{Store: memory.New(memory.Options{}), gate: make(chan struct{}), failAt: 2}
		close(st.gate)
		rep, err := feed(st, &recorder{}, 20)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("error %v, want the failing commit's", err)
		}
		if len(st.landed) != 2 {
			t.Errorf("%d commits tried, want 2: none after the one that failed", len(st.landed))
		}
		if rep.Added != 2 {
			t.Errorf("report %+v, want the first batch's 2 articles added", rep)
		}
		for i := 2; i < 20; i++ {
			if _, err := st.Store.Article(context.Background(), fmt.Sprintf("x%02d", i)); err == nil {
				t.Errorf("x%02d stored after a failed commit", i)
			}
		}
	})
}
