package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/storyline-news/storyline"
)

// reclean cleans again the stored articles of every outlet whose learned
// boilerplate changed, adding the ones whose text changed to b. The
// articles of this batch were already cleaned with the newest lines.
func (p *Pipeline) reclean(ctx context.Context, b *storyline.Batch, changed []string, latest storyline.Published) error {
	rc := p.cfg.Recleaner
	if rc == nil || len(changed) == 0 {
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
	if !latest.IsZero() {
		f.Since = storyline.Day(latest.Time.Add(-window))
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
