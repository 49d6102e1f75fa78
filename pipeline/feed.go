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
func (p *Pipeline) Feed(ctx context.Context, items iter.Seq[ingest.Item], opts FeedOptions) (Report, error) {
	size := opts.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	start := time.Now()
	before := p.counts
	var r Report
	batch := make([]storyline.Article, 0, size)
	// Each batch goes through the stages while the one before it commits.
	committing := 0 // articles in the commit under way
	settle := func() error {
		if err := p.settle(); err != nil {
			return err
		}
		if committing > 0 {
			r.Articles += committing
			committing = 0
			r.Counts = p.counts.minus(before)
			r.Elapsed = time.Since(start)
			if opts.OnBatch != nil {
				opts.OnBatch(r)
			}
		}
		return nil
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		pb, err := p.build(ctx, batch)
		if err != nil {
			return err
		}
		if err := settle(); err != nil {
			return err
		}
		p.commitAsync(ctx, pb)
		committing = len(batch)
		batch = make([]storyline.Article, 0, size) // the commit holds the old one
		return nil
	}
	for it := range items {
		if err := ctx.Err(); err != nil {
			if serr := settle(); serr != nil {
				return r, serr
			}
			return r, fmt.Errorf("ingest interrupted: %w", err)
		}
		if it.Skip != nil {
			r.Skipped++
			r.Skips = append(r.Skips, *it.Skip)
			if opts.OnSkip != nil {
				opts.OnSkip(*it.Skip)
			}
			continue
		}
		batch = append(batch, it.Article)
		if len(batch) >= size {
			if err := flush(); err != nil {
				p.settle() // the error that matters is the first one
				return r, err
			}
		}
	}
	err := flush()
	if serr := settle(); err == nil {
		err = serr
	}
	r.Counts = p.counts.minus(before)
	r.Elapsed = time.Since(start)
	return r, err
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
