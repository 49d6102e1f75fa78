package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/store/memory"
)

func feedItems(ids ...string) func(yield func(ingest.Item) bool) {
	return func(yield func(ingest.Item) bool) {
		for _, id := range ids {
			if !yield(ingest.Item{Article: art(id, "Text of "+id)}) {
				return
			}
		}
	}
}

// TestFeedFailureForgetsBatches: a batch that fails stores nothing, the
// batches before it are stored, the failed pipeline refuses more work
// (its stages saw articles never stored), and a new one over the store
// takes none of the failed or later batches' ids for stored.
func TestFeedFailureForgetsBatches(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	r := &recorder{failOn: "c"}
	p, err := New(ctx, config(st, r))
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"a", "b", "c", "d", "e", "f", "g"}
	rep, err := p.Feed(ctx, feedItems(ids...), FeedOptions{BatchSize: 2})
	if err == nil {
		t.Fatal("Feed succeeded over a failing article")
	}
	if rep.Added != 2 {
		t.Errorf("added %d before the failing batch, want 2", rep.Added)
	}
	for _, id := range []string{"c", "d", "e"} {
		if _, err := st.Article(ctx, id); err == nil {
			t.Errorf("%s stored from a failed or later batch", id)
		}
	}
	r.failOn = ""
	if _, err := p.Feed(ctx, feedItems(ids...), FeedOptions{BatchSize: 2}); !errors.Is(err, ErrFailed) {
		t.Fatalf("Feed after a failure: %v, want ErrFailed", err)
	}
	if _, err := p.Process(ctx, []storyline.Article{art("h", "Text of h")}); !errors.Is(err, ErrFailed) {
		t.Fatalf("Process after a failure: %v, want ErrFailed", err)
	}
	if _, err := st.Article(ctx, "h"); err == nil {
		t.Error("h stored by a failed pipeline")
	}
	p, err = New(ctx, config(st, &recorder{}))
	if err != nil {
		t.Fatal(err)
	}
	rep, err = p.Feed(ctx, feedItems(ids...), FeedOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 5 || rep.Unchanged != 2 {
		t.Errorf("second feed: %d added, %d unchanged; want 5 and 2", rep.Added, rep.Unchanged)
	}
}

// overlapProbe is a Reader and CopyFinder whose copy step for one article
// waits until another article is being read: it passes only when reading
// the next batch overlaps the ordered stages of the one before.
type overlapProbe struct {
	waitIn, readOf string
	reading        chan struct{}
}

func (o *overlapProbe) Read(_ context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	if a.ID == o.readOf {
		close(o.reading)
	}
	return nil, nil
}

func (o *overlapProbe) AddArticle(_ context.Context, a *storyline.Article) ([]storyline.Copy, error) {
	if a.ID != o.waitIn {
		return nil, nil
	}
	select {
	case <-o.reading:
		return nil, nil
	case <-time.After(10 * time.Second):
		return nil, fmt.Errorf("%s was not read while %s went through copies", o.readOf, a.ID)
	}
}

func TestFeedReadsNextBatchWhileLinking(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	probe := &overlapProbe{waitIn: "b", readOf: "c", reading: make(chan struct{})}
	p, err := New(ctx, Config{Store: st, Reader: probe, Copies: probe})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Feed(ctx, feedItems("a", "b", "c", "d"), FeedOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 4 {
		t.Errorf("added %d, want 4", rep.Added)
	}
}

// TestFeedInterrupted: cancelling stops the feed with an error that says
// so, after committing what was under way.
func TestFeedInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := memory.New(memory.Options{})
	p, err := New(ctx, Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	items := func(yield func(ingest.Item) bool) {
		for i := range 1000 {
			if i == 10 {
				cancel()
			}
			if !yield(ingest.Item{Article: art(fmt.Sprint("x", i), "Text.")}) {
				return
			}
		}
	}
	rep, err := p.Feed(ctx, items, FeedOptions{BatchSize: 4})
	if err == nil {
		t.Fatal("no error from an interrupted feed")
	}
	if rep.Articles > 12 {
		t.Errorf("%d articles fed after the cancel", rep.Articles)
	}
	n := 0
	for _, err := range st.Articles(context.Background(), storyline.ArticleFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != rep.Articles {
		t.Errorf("report says %d articles, store holds %d", rep.Articles, n)
	}
}

// TestFeedSavesHeldBackState: the cleaner saves an outlet's line counts
// only every few dozen articles, so a run that ends must save the rest:
// a line two articles of one run carried is learned by the third
// article, in the next run.
func TestFeedSavesHeldBackState(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	const footer = "Follow the Harbour Gazette on every platform for updates"
	mk := func(id, body string) ingest.Item {
		a := art(id, body+"\n\n"+footer)
		a.Source = "Harbour Gazette"
		return ingest.Item{Article: a}
	}
	run := func(items ...ingest.Item) {
		t.Helper()
		p, err := New(ctx, Config{Store: st, Cleaner: clean.New(clean.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Feed(ctx, func(yield func(ingest.Item) bool) {
			for _, it := range items {
				if !yield(it) {
					return
				}
			}
		}, FeedOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	run(mk("h1", "The ferry to the islands was cancelled because of the storm."),
		mk("h2", "The new lighthouse keeper started work on the northern cape."))
	run(mk("h3", "Fishing boats stayed in port for a third day in a row."))
	a, err := st.Article(ctx, "h3")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Follow the Harbour Gazette") {
		t.Errorf("the footer of three articles over two runs was not learned: %q", a.Text)
	}
}

// linkProbe is a Reader and CopyFinder whose reading of one article waits
// until another, earlier in the same batch, has gone through copies: it
// passes only when the ordered stages take each article as soon as it is
// read, not once the whole batch is.
type linkProbe struct {
	waitIn, linkOf string
	linked         chan struct{}
}

func (l *linkProbe) Read(_ context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	if a.ID != l.waitIn {
		return nil, nil
	}
	select {
	case <-l.linked:
		return nil, nil
	case <-time.After(10 * time.Second):
		return nil, fmt.Errorf("%s was not linked while %s was read", l.linkOf, a.ID)
	}
}

func (l *linkProbe) AddArticle(_ context.Context, a *storyline.Article) ([]storyline.Copy, error) {
	if a.ID == l.linkOf {
		close(l.linked)
	}
	return nil, nil
}

func TestFeedLinksWhileReading(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	probe := &linkProbe{waitIn: "c", linkOf: "b", linked: make(chan struct{})}
	p, err := New(ctx, Config{Store: st, Reader: probe, Copies: probe, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Feed(ctx, feedItems("a", "b", "c", "d", "e"), FeedOptions{BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 5 {
		t.Errorf("added %d, want 5", rep.Added)
	}
}

// cleanState is a Cleaner that keeps state: the id of the last article it
// cleaned.
type cleanState struct {
	mu   sync.Mutex
	last string
}

func (c *cleanState) Clean(_ context.Context, a *storyline.Article) error {
	c.mu.Lock()
	c.last = a.ID
	c.mu.Unlock()
	return nil
}

// slowReader reads slowly, so that cleaning runs batches ahead.
type slowReader struct{}

func (slowReader) Read(context.Context, *storyline.Article) ([]storyline.Quote, error) {
	time.Sleep(time.Millisecond)
	return nil, nil
}

func (c *cleanState) Stage() string                                    { return "cleanstate" }
func (c *cleanState) Load(context.Context, storyline.StateStore) error { return nil }
func (c *cleanState) Pending() map[string][]byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return map[string][]byte{"last": []byte(c.last)}
}

// stateLog is a store that records, per commit, its last article and the
// state it carries.
type stateLog struct {
	storyline.Store
	mu      sync.Mutex
	commits [][2]string // last article id, state "last" of cleanstate
}

func (s *stateLog) Commit(ctx context.Context, b storyline.Batch) ([]storyline.Outcome, error) {
	if len(b.Articles) > 0 {
		s.mu.Lock()
		s.commits = append(s.commits, [2]string{b.Articles[len(b.Articles)-1].ID, string(b.State["cleanstate"]["last"])})
		s.mu.Unlock()
	}
	return s.Store.Commit(ctx, b)
}

// TestFeedStateGoesWithItsBatch: while later batches are already being
// cleaned, each commit carries the cleaner's state as it was right after
// the batch committed, so that a run resumed after a crash starts from
// the state of what is stored.
func TestFeedStateGoesWithItsBatch(t *testing.T) {
	ctx := context.Background()
	st := &stateLog{Store: memory.New(memory.Options{})}
	c := &cleanState{}
	p, err := New(ctx, Config{Store: st, Cleaner: c, Reader: slowReader{}, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 30 {
		ids = append(ids, fmt.Sprintf("x%02d", i))
	}
	if _, err := p.Feed(ctx, feedItems(ids...), FeedOptions{BatchSize: 3}); err != nil {
		t.Fatal(err)
	}
	if len(st.commits) != 10 {
		t.Fatalf("%d commits, want 10", len(st.commits))
	}
	for k, c := range st.commits {
		if c[0] != c[1] {
			t.Errorf("commit %d ends with %s but carries the cleaner's state after %s", k, c[0], c[1])
		}
	}
}

// referenceProbe is a recorder that keeps the reference dates the
// pipeline gives it before each batch.
type referenceProbe struct {
	*recorder
	refs []storyline.Published
}

func (r *referenceProbe) SetReference(p storyline.Published) { r.refs = append(r.refs, p) }

// TestNewTakesLatestStored: a pipeline opened over a store that holds
// articles dates its first batch by the latest of them, as the pipeline
// that stored them would have, not by nothing.
func TestNewTakesLatestStored(t *testing.T) {
	ctx := context.Background()
	st := memory.New(memory.Options{})
	day := func(d int) storyline.Published {
		return storyline.Published{Time: time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC)}
	}
	first := &referenceProbe{recorder: &recorder{}}
	cfg := config(st, first.recorder)
	cfg.Reader = first
	p, err := New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	a, b := art("a", "Text of a"), art("b", "Text of b")
	a.Published, b.Published = day(6), day(4)
	if _, err := p.Process(ctx, []storyline.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if len(first.refs) != 1 || !first.refs[0].Time.Equal(day(6).Time) {
		t.Fatalf("first pipeline's references %v, want March 6", first.refs)
	}
	second := &referenceProbe{recorder: &recorder{}}
	cfg = config(st, second.recorder)
	cfg.Reader = second
	if p, err = New(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Process(ctx, []storyline.Article{art("c", "Text of c")}); err != nil {
		t.Fatal(err)
	}
	if len(second.refs) != 1 || !second.refs[0].Time.Equal(day(6).Time) {
		t.Errorf("a pipeline reopened over the store dated its first batch %v, want March 6", second.refs)
	}
}
