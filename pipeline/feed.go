package pipeline

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
)

// DefaultBatchSize is how many articles one commit holds by default: large
// enough to amortise a transaction, small enough that a crash loses little.
const DefaultBatchSize = 256

// readAhead is how many batches, read or being read, may wait for Feed to
// link them: when linking falls behind for a while (an article with many
// candidates, a merge), the next batches are read meanwhile rather than
// leaving a core idle. Each holds its articles in memory.
const readAhead = 2

// FeedOptions tunes Feed.
type FeedOptions struct {
	// BatchSize is the number of articles a commit holds; 0 means
	// DefaultBatchSize.
	BatchSize int
	// OnSkip is called for each skipped input, in order.
	OnSkip func(ingest.Skip)
	// OnBatch is called after each committed batch with the report so far.
	OnBatch func(Report)
}

// Report summarises a Feed.
type Report struct {
	Counts
	// Skipped counts inputs that were not ingested, and Skips lists them.
	Skipped int           `json:"skipped"`
	Skips   []ingest.Skip `json:"-"`
	// Articles is the number of articles read (stored or unchanged).
	Articles int           `json:"articles"`
	Elapsed  time.Duration `json:"-"`
}

// Rate returns the articles read per second.
func (r Report) Rate() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Articles) / r.Elapsed.Seconds()
}

// Feed reads items from an ingest stream, runs the articles through the
// pipeline in batches and commits each batch. Skipped items are counted and
// reported, never fatal. It stops at the first failing batch (everything
// before it is stored) or when ctx is cancelled.
//
// Several batches are under way at once: one is read from the stream, the
// one before it cleaned, the one before that read on every core while its
// articles, as each is read, go through the stages that depend on arrival
// order (copies, clustering, statements), and up to CommitDepth before
// that commit, one at a time and in order (see produce).
// The callbacks in opts are called from the caller's goroutine, in order.
//
// Once Feed fails, the pipeline refuses further work (ErrFailed).
func (p *Pipeline) Feed(ctx context.Context, items iter.Seq[ingest.Item], opts FeedOptions) (Report, error) {
	if err := p.usable(); err != nil {
		return Report{}, err
	}
	r, err := p.feed(ctx, items, opts)
	p.fail(err)
	return r, err
}

// feed is Feed.
func (p *Pipeline) feed(ctx context.Context, items iter.Seq[ingest.Item], opts FeedOptions) (Report, error) {
	size := opts.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	start := time.Now()
	before := p.counts
	var r Report

	pctx, cancel := context.WithCancel(ctx)
	ready := make(chan preparedBatch, readAhead)
	go p.produce(pctx, items, size, ready)
	// stop ends the producer and forgets the batches it prepared that will
	// never commit.
	stop := func() {
		cancel()
		for pb := range ready {
			if pb.pr != nil {
				p.forget(pb.pr.pb)
			}
		}
	}
	defer cancel()

	settledBefore := p.settled
	// report tells the caller how far the landed batches have come.
	report := func() {
		r.Articles = p.settled - settledBefore
		r.Counts = p.counts.minus(before)
		r.Elapsed = time.Since(start)
		if opts.OnBatch != nil {
			opts.OnBatch(r)
		}
	}
	// settle waits for the commits under way until no more than keep
	// remain, and reports each batch that landed.
	settle := func(keep int) error {
		for len(p.flights) > keep {
			if err := p.settleOldest(); err != nil {
				return err
			}
			report()
		}
		// Re-cleaning settles every commit itself when it lists outlets.
		if p.settled-settledBefore != r.Articles {
			report()
		}
		return nil
	}
	fail := func(err error) (Report, error) {
		stop()
		if serr := settle(0); serr != nil && err == nil {
			err = serr
		}
		r.Counts = p.counts.minus(before)
		r.Elapsed = time.Since(start)
		if ctx.Err() != nil {
			err = fmt.Errorf("ingest interrupted: %w", ctx.Err())
		}
		return r, err
	}
	for pb := range ready {
		for _, s := range pb.skips {
			r.Skipped++
			r.Skips = append(r.Skips, s)
			if opts.OnSkip != nil {
				opts.OnSkip(s)
			}
		}
		if pb.err != nil {
			return fail(pb.err)
		}
		if pb.pr == nil {
			continue
		}
		built, err := p.finish(ctx, pb.pr)
		if err != nil {
			p.forget(pb.pr.pb)
			return fail(err)
		}
		if err := settle(CommitDepth - 1); err != nil {
			p.forget(built)
			return fail(err)
		}
		p.commitAsync(ctx, built)
	}
	if ctx.Err() != nil {
		return fail(nil)
	}
	err := settle(0)
	if err == nil {
		err = p.flush(ctx)
	}
	r.Counts = p.counts.minus(before)
	r.Elapsed = time.Since(start)
	return r, err
}

// preparedBatch is what the producer hands on: the skips met since the
// last batch, then a prepared batch (nil at the end), or an error.
type preparedBatch struct {
	skips []ingest.Skip
	pr    *prepared
	err   error
}

// rawBatch is a batch as read from the stream, with the skips met before
// it.
type rawBatch struct {
	skips []ingest.Skip
	batch []storyline.Article
}

// produce reads items into batches of size, prepares each and sends it to
// ready, which it closes when the stream ends, a batch fails or ctx is
// cancelled, once every goroutine it started has ended.
//
// It is three stages, each on its own goroutine and one batch ahead of
// the next: the stream is read (and its items decoded by ingest's
// workers) into batches; each batch is looked up and cleaned, in order;
// then read on every core. A batch goes on to ready as soon as its
// reading starts, so that Feed links each article once it is read. No
// stage waits for a later one to finish a batch, so the serial steps of
// one batch (cleaning, the reading stages' state) run beside the reading
// of another and both cores stay busy from the first article to the last.
func (p *Pipeline) produce(ctx context.Context, items iter.Seq[ingest.Item], size int, ready chan<- preparedBatch) {
	defer close(ready)
	raw := make(chan rawBatch, 1)
	cleaned := make(chan preparedBatch, 1)
	go collect(ctx, items, size, raw)
	go p.cleanStage(ctx, raw, cleaned)
	p.readStage(ctx, cleaned, ready)
}

// collect reads items into batches of size and sends them to out, which it
// closes when the stream ends or ctx is cancelled.
func collect(ctx context.Context, items iter.Seq[ingest.Item], size int, out chan<- rawBatch) {
	defer close(out)
	var skips []ingest.Skip
	batch := make([]storyline.Article, 0, size)
	send := func() bool {
		select {
		case out <- rawBatch{skips: skips, batch: batch}:
		case <-ctx.Done():
			return false
		}
		skips, batch = nil, make([]storyline.Article, 0, size) // the batch goes on
		return true
	}
	for it := range items {
		if ctx.Err() != nil {
			return
		}
		if it.Skip != nil {
			skips = append(skips, *it.Skip)
			continue
		}
		batch = append(batch, it.Article)
		if len(batch) >= size && !send() {
			return
		}
	}
	if ctx.Err() == nil && (len(batch) > 0 || len(skips) > 0) {
		send()
	}
}

// cleanStage looks up and cleans the batches from in, in order, and sends
// them to out, which it closes after the first that fails, at the end of
// in, or when ctx is cancelled; it returns once in is closed.
func (p *Pipeline) cleanStage(ctx context.Context, in <-chan rawBatch, out chan<- preparedBatch) {
	defer close(out)
	defer func() {
		for range in {
			// The collector stops once ctx is cancelled, as it is
			// whenever this stage stops early.
		}
	}()
	for rb := range in {
		pb := preparedBatch{skips: rb.skips}
		pb.pr, pb.err = p.prepareClean(ctx, rb.batch)
		if !p.handOn(ctx, out, pb) {
			return
		}
		if pb.err != nil {
			return
		}
	}
}

// handOn sends pb to out and reports true, or, should ctx be cancelled
// first, forgets its batch and reports false.
func (p *Pipeline) handOn(ctx context.Context, out chan<- preparedBatch, pb preparedBatch) bool {
	select {
	case out <- pb:
		return true
	case <-ctx.Done():
		if pb.pr != nil {
			p.forget(pb.pr.pb)
		}
		return false
	}
}

// readStage hands each cleaned batch from in on to out and reads it; it
// reads one batch at a time, and returns after the first that failed, at
// the end of in, or when ctx is cancelled, once in is closed. The batches
// it does not hand on are forgotten.
func (p *Pipeline) readStage(ctx context.Context, in <-chan preparedBatch, out chan<- preparedBatch) {
	defer func() {
		for pb := range in {
			if pb.pr != nil {
				p.forget(pb.pr.pb)
			}
		}
	}()
	for pb := range in {
		if !p.handOn(ctx, out, pb) {
			return
		}
		if pb.err != nil {
			return
		}
		if pb.pr != nil {
			// The receiver waits for the reading, which always ends,
			// even when it forgets the batch.
			p.readBatch(ctx, pb.pr)
		}
	}
}

// minus returns the tallies c gained since before.
func (c Counts) minus(before Counts) Counts {
	return Counts{
		Added:       c.Added - before.Added,
		Unchanged:   c.Unchanged - before.Unchanged,
		Updated:     c.Updated - before.Updated,
		Copies:      c.Copies - before.Copies,
		Quotes:      c.Quotes - before.Quotes,
		Merges:      c.Merges - before.Merges,
		Recleaned:   c.Recleaned - before.Recleaned,
		NewEvents:   c.NewEvents - before.NewEvents,
		NewStories:  c.NewStories - before.NewStories,
		Assignments: c.Assignments - before.Assignments,
	}
}
