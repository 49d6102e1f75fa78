// Package pipeline is the one place that calls Storyline's stages in order:
// clean, read, credits, copies, clustering, statement grouping, and then one
// atomic Commit to the store. Each stage is optional, so the pipeline runs
// with whatever stages are configured.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
)

// Config names the store and the stages a Pipeline runs. Only Store is
// required; a nil stage is skipped.
type Config struct {
	Store      storyline.Store
	Cleaner    storyline.Cleaner
	Reader     storyline.Reader
	Copies     storyline.CopyFinder
	Clusterer  storyline.Clusterer
	Statements storyline.StatementGrouper
	// Citations finds the sources an article credits in its clean text.
	Citations func(text string) []storyline.Citation
	// Recleaner, when set, reports after each batch which outlets' learned
	// boilerplate changed; their earlier articles are cleaned again.
	Recleaner Recleaner
	// RecleanWindow bounds how far back, before the latest publication
	// date seen, an outlet's articles are cleaned again: the articles
	// still in active events. Zero means DefaultRecleanWindow. Without a
	// bound the cost of learning a line would grow with the store.
	RecleanWindow time.Duration
	// Prepare, when set, does the Clusterer's per-article analysis during
	// the concurrent read step and returns what assigns the article later,
	// in arrival order, in place of Clusterer.Assign.
	Prepare func(a *storyline.Article) AssignFunc
	// Workers is how many articles are read at once; 0 means one per CPU.
	// The Reader and Citations must be safe for concurrent use.
	Workers int
}

// DefaultRecleanWindow is how far back articles are cleaned again when
// their outlet's boilerplate grows.
const DefaultRecleanWindow = 7 * 24 * time.Hour

// AssignFunc assigns one prepared article, given the copies it takes part
// in; see Config.Prepare.
type AssignFunc func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error)

// referencer is a Reader that takes the latest publication date known
// before each batch, to date what undated articles mention.
type referencer interface {
	SetReference(storyline.Published)
}

// titler is a Clusterer that names its events and stories; Titles returns
// the titles changed since the last call.
type titler interface {
	Titles() map[string]string
}

// Recleaner is a Cleaner that learns per-outlet boilerplate and says which
// outlets' earlier articles need cleaning again.
type Recleaner interface {
	storyline.Cleaner
	// Changed returns the sources whose learned boilerplate changed since
	// the last call, and forgets them.
	Changed() []string
	// Reclean cleans an already stored article again from its raw input.
	Reclean(ctx context.Context, a *storyline.Article) error
}

// Stage names used in Timings.
const (
	StageClean    = "clean"
	StageRead     = "read"
	StageCopies   = "copies"
	StageCluster  = "cluster"
	StageQuotes   = "statements"
	StageStore    = "store"
	StageReclean  = "reclean"
	stageHashLook = "lookup"
)

// Counts tallies what a pipeline has done.
type Counts struct {
	Added       int `json:"added"`
	Unchanged   int `json:"unchanged"`
	Updated     int `json:"updated"`
	Copies      int `json:"copies"`
	Quotes      int `json:"quotes"`
	Merges      int `json:"merges"`
	Recleaned   int `json:"recleaned"`
	NewEvents   int `json:"new_events"`
	NewStories  int `json:"new_stories"`
	Assignments int `json:"assignments"`
}

// Pipeline runs batches of articles through the configured stages into the
// store. It is not safe for concurrent use: articles are processed in the
// order given, which keeps the results deterministic.
type Pipeline struct {
	cfg      Config
	stateful []storyline.Stateful
	latest   storyline.Published // the latest publication date seen
	// inflight maps the ids of the batch being committed to their hashes;
	// flight is that commit. Both are touched by the caller's goroutine
	// only: the commit goroutine touches nothing but the store.
	inflight map[string]string
	flight   *flight
	counts   Counts
	timings  map[string]time.Duration
}

// New returns a pipeline over cfg, restoring the state of every stage that
// keeps state in the store.
func New(ctx context.Context, cfg Config) (*Pipeline, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("pipeline: no store")
	}
	p := &Pipeline{cfg: cfg, timings: make(map[string]time.Duration), inflight: make(map[string]string)}
	seen := map[string]bool{}
	for _, st := range []any{cfg.Cleaner, cfg.Recleaner, cfg.Reader, cfg.Copies, cfg.Clusterer, cfg.Statements} {
		s, ok := st.(storyline.Stateful)
		if !ok || s == nil || seen[s.Stage()] {
			continue
		}
		seen[s.Stage()] = true
		if err := s.Load(ctx, cfg.Store); err != nil {
			return nil, fmt.Errorf("pipeline: load %s state: %w", s.Stage(), err)
		}
		p.stateful = append(p.stateful, s)
	}
	return p, nil
}

// Counts returns the running tallies.
func (p *Pipeline) Counts() Counts { return p.counts }

// Timings returns the time spent in each stage so far.
func (p *Pipeline) Timings() map[string]time.Duration {
	out := make(map[string]time.Duration, len(p.timings))
	for k, v := range p.timings {
		out[k] = v
	}
	return out
}

func (p *Pipeline) timed(stage string, start time.Time) {
	p.timings[stage] += time.Since(start)
}

// Process runs one batch through the stages and commits it atomically. It
// returns one Outcome per article, in order. Articles whose id and content
// hash are already stored are Unchanged and skip every stage. A failing
// stage fails the batch: nothing of it is stored.
func (p *Pipeline) Process(ctx context.Context, batch []storyline.Article) ([]storyline.Outcome, error) {
	if err := p.settle(); err != nil {
		return nil, err
	}
	pb, err := p.build(ctx, batch)
	if err != nil || pb == nil {
		return nil, err
	}
	p.commitAsync(ctx, pb)
	if err := p.settle(); err != nil {
		return nil, err
	}
	return pb.outcomes, nil
}

// built is a batch that has been through the stages and awaits its commit.
type built struct {
	b        storyline.Batch
	outcomes []storyline.Outcome // Unchanged filled in; the rest on commit
	work     []int               // indexes of the articles in b.Articles
}

// flight is a commit under way on another goroutine.
type flight struct {
	pb   *built
	done chan error
	got  []storyline.Outcome
	took time.Duration
}

// build runs a batch through every stage and returns what to commit, or
// nil for an empty batch.
func (p *Pipeline) build(ctx context.Context, batch []storyline.Article) (*built, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	start := time.Now()
	ids := make([]string, len(batch))
	for i := range batch {
		ids[i] = batch[i].ID
	}
	stored, err := p.cfg.Store.Hashes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("pipeline: look up hashes: %w", err)
	}
	p.timed(stageHashLook, start)

	pb := &built{outcomes: make([]storyline.Outcome, len(batch)), work: make([]int, 0, len(batch))}
	inBatch := make(map[string]string, len(batch)) // id → hash already in this batch
	for i := range batch {
		a := &batch[i]
		if h, ok := inBatch[a.ID]; ok && h == a.Hash {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		// The batch being committed meanwhile is not in stored yet.
		if h, ok := p.inflight[a.ID]; ok && h == a.Hash {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		if h, ok := stored[a.ID]; ok && h == a.Hash {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		inBatch[a.ID] = a.Hash
		pb.work = append(pb.work, i)
	}
	if err := p.runAll(ctx, batch, pb.work, &pb.b); err != nil {
		return nil, err
	}
	if err := p.reclean(ctx, &pb.b); err != nil {
		return nil, err
	}
	for _, s := range p.stateful {
		if kv := s.Pending(); len(kv) > 0 {
			if pb.b.State == nil {
				pb.b.State = make(map[string]map[string][]byte)
			}
			pb.b.State[s.Stage()] = kv
		}
	}
	return pb, nil
}

// commitAsync starts committing pb on another goroutine, so that the next
// batch goes through the stages meanwhile. Commits stay in order: the
// caller settles the one under way before starting the next.
func (p *Pipeline) commitAsync(ctx context.Context, pb *built) {
	f := &flight{pb: pb, done: make(chan error, 1)}
	for _, a := range pb.b.Articles {
		p.inflight[a.ID] = a.Hash
	}
	p.flight = f
	go func() {
		start := time.Now()
		got, err := p.cfg.Store.Commit(ctx, pb.b)
		f.got, f.took = got, time.Since(start)
		f.done <- err
	}()
}

// settle waits for the commit under way, if any, and accounts for it.
func (p *Pipeline) settle() error {
	f := p.flight
	if f == nil {
		return nil
	}
	p.flight = nil
	err := <-f.done
	for _, a := range f.pb.b.Articles {
		delete(p.inflight, a.ID)
	}
	if err != nil {
		return fmt.Errorf("pipeline: commit: %w", err)
	}
	p.timings[StageStore] += f.took
	pb := f.pb
	for k, i := range pb.work {
		if k < len(f.got) {
			pb.outcomes[i] = f.got[k]
		}
	}
	for _, o := range pb.outcomes {
		switch o {
		case storyline.Added:
			p.counts.Added++
		case storyline.Updated:
			p.counts.Updated++
		default:
			p.counts.Unchanged++
		}
	}
	p.counts.Copies += len(pb.b.Copies)
	p.counts.Merges += len(pb.b.Merges)
	p.counts.Assignments += len(pb.b.Assignments)
	for _, qs := range pb.b.Quotes {
		p.counts.Quotes += len(qs)
	}
	return nil
}

// runAll sends the new or changed articles batch[work...] through the
// stages, adding what they produce to b. Cleaning learns per outlet and the
// copy finder and clusterer depend on arrival order, so they run one article
// at a time in input order; reading is independent per article and runs on
// every core.
func (p *Pipeline) runAll(ctx context.Context, batch []storyline.Article, work []int, b *storyline.Batch) error {
	if p.cfg.Cleaner != nil {
		start := time.Now()
		for _, i := range work {
			if err := p.cfg.Cleaner.Clean(ctx, &batch[i]); err != nil {
				return fmt.Errorf("pipeline: article %s: clean: %w", batch[i].ID, err)
			}
		}
		p.timed(StageClean, start)
	}
	for _, i := range work {
		if pub := batch[i].Published; !pub.IsZero() && (p.latest.IsZero() || p.latest.Time.Before(pub.Time)) {
			p.latest = pub
		}
	}
	if r, ok := p.cfg.Reader.(referencer); ok {
		r.SetReference(p.latest)
	}
	quotes, assign, err := p.readAll(ctx, batch, work)
	if err != nil {
		return err
	}
	for k, i := range work {
		if err := p.link(ctx, &batch[i], quotes[k], assign[k], b); err != nil {
			return fmt.Errorf("pipeline: article %s: %w", batch[i].ID, err)
		}
	}
	if t, ok := p.cfg.Clusterer.(titler); ok {
		b.Titles = t.Titles()
	}
	return nil
}

// readAll reads the articles batch[work...] concurrently (and prepares
// them for the clusterer when it can be) and returns their quotes and
// assigners in the order of work.
func (p *Pipeline) readAll(ctx context.Context, batch []storyline.Article, work []int) ([][]storyline.Quote, []AssignFunc, error) {
	start := time.Now()
	defer p.timed(StageRead, start)
	quotes := make([][]storyline.Quote, len(work))
	assign := make([]AssignFunc, len(work))
	errs := make([]error, len(work))
	workers := min(p.workers(), len(work))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				a := &batch[work[k]]
				quotes[k], errs[k] = p.read(ctx, a)
				if errs[k] == nil && p.cfg.Prepare != nil {
					assign[k] = p.cfg.Prepare(a)
				}
			}
		}()
	}
	for k := range work {
		next <- k
	}
	close(next)
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			return nil, nil, fmt.Errorf("pipeline: article %s: %w", batch[work[k]].ID, err)
		}
	}
	return quotes, assign, nil
}

func (p *Pipeline) workers() int {
	if p.cfg.Workers > 0 {
		return p.cfg.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// link runs the order-dependent stages on one read article: copies,
// clustering and statement grouping.
func (p *Pipeline) link(ctx context.Context, a *storyline.Article, quotes []storyline.Quote, assign AssignFunc, b *storyline.Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var copies []storyline.Copy
	if p.cfg.Copies != nil {
		start := time.Now()
		c, err := p.cfg.Copies.AddArticle(ctx, a)
		if err != nil {
			return fmt.Errorf("copies: %w", err)
		}
		copies = c
		b.Copies = append(b.Copies, c...)
		p.timed(StageCopies, start)
	}
	if p.cfg.Clusterer != nil {
		start := time.Now()
		if assign == nil {
			assign = func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
				return p.cfg.Clusterer.Assign(ctx, a, copies)
			}
		}
		as, merges, err := assign(ctx, copies)
		if err != nil {
			return fmt.Errorf("cluster: %w", err)
		}
		if as.Why != nil {
			if as.Why.NewEvent {
				p.counts.NewEvents++
			}
			if as.Why.NewStory {
				p.counts.NewStories++
			}
		}
		b.Assignments = append(b.Assignments, as)
		b.Merges = append(b.Merges, merges...)
		p.timed(StageCluster, start)
	}
	if err := p.group(ctx, a.ID, quotes, b); err != nil {
		return err
	}
	b.Articles = append(b.Articles, *a)
	return nil
}

// read runs the reader and the credit finder on a clean article. It is
// called concurrently: it touches nothing but a.
func (p *Pipeline) read(ctx context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	var quotes []storyline.Quote
	if p.cfg.Reader != nil {
		q, err := p.cfg.Reader.Read(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		quotes = q
	}
	if p.cfg.Citations != nil {
		a.Cited = p.cfg.Citations(a.Text)
	}
	return quotes, nil
}

// group gives an article's quotes their statements and adds them to b.
func (p *Pipeline) group(ctx context.Context, id string, quotes []storyline.Quote, b *storyline.Batch) error {
	if p.cfg.Reader == nil {
		return nil
	}
	if p.cfg.Statements != nil && len(quotes) > 0 {
		start := time.Now()
		if err := p.cfg.Statements.Group(ctx, quotes); err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		p.timed(StageQuotes, start)
	}
	if b.Quotes == nil {
		b.Quotes = make(map[string][]storyline.Quote)
	}
	b.Quotes[id] = quotes
	return nil
}

// reclean cleans again the stored articles of every outlet whose learned
// boilerplate changed, adding the ones whose text changed to b. The
// articles of this batch were already cleaned with the newest lines.
func (p *Pipeline) reclean(ctx context.Context, b *storyline.Batch) error {
	rc := p.cfg.Recleaner
	if rc == nil {
		return nil
	}
	changed := rc.Changed()
	if len(changed) == 0 {
		return nil
	}
	// The outlet's articles of the batch being committed must be listed too.
	if err := p.settle(); err != nil {
		return err
	}
	start := time.Now()
	defer p.timed(StageReclean, start)
	inBatch := make(map[string]bool, len(b.Articles))
	for _, a := range b.Articles {
		inBatch[a.ID] = true
	}
	window := p.cfg.RecleanWindow
	if window <= 0 {
		window = DefaultRecleanWindow
	}
	f := storyline.ArticleFilter{}
	if !p.latest.IsZero() {
		f.Since = storyline.Day(p.latest.Time.Add(-window))
	}
	for _, source := range changed {
		var ids []string
		f.Source = source
		for a, err := range p.cfg.Store.Articles(ctx, f) {
			if err != nil {
				return fmt.Errorf("pipeline: list %s articles: %w", source, err)
			}
			if !inBatch[a.ID] {
				ids = append(ids, a.ID)
			}
		}
		for _, id := range ids {
			a, err := p.cfg.Store.Article(ctx, id)
			if err != nil {
				return fmt.Errorf("pipeline: reclean %s: %w", id, err)
			}
			before := a.Text
			if err := rc.Reclean(ctx, &a); err != nil {
				return fmt.Errorf("pipeline: reclean %s: %w", id, err)
			}
			if a.Text == before {
				continue
			}
			// Offsets into the old text are void: read the article again.
			quotes, err := p.read(ctx, &a)
			if err != nil {
				return fmt.Errorf("pipeline: reclean %s: %w", id, err)
			}
			if err := p.group(ctx, a.ID, quotes, b); err != nil {
				return fmt.Errorf("pipeline: reclean %s: %w", id, err)
			}
			b.Recleaned = append(b.Recleaned, a)
			p.counts.Recleaned++
		}
	}
	return nil
}
