package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline"
)

// staleInBatch asks the Recleaner what carries the lines learned while pr
// was cleaned. The articles of pr cleaned before a line was learned are
// cleaned again at once, before they are read; the earlier ones are left
// in pr for reclean.
func (p *Pipeline) staleInBatch(ctx context.Context, pr *prepared) error {
	ids, sources := p.cfg.Recleaner.Stale()
	pr.outlets = sources
	if len(ids) == 0 {
		return nil
	}
	pos := make(map[string]int, len(pr.pb.work))
	for _, i := range pr.pb.work {
		pos[pr.batch[i].ID] = i
	}
	for _, id := range ids {
		i, ok := pos[id]
		if !ok {
			pr.stale = append(pr.stale, id)
			continue
		}
		if err := p.cfg.Recleaner.Reclean(ctx, &pr.batch[i]); err != nil {
			return fmt.Errorf("pipeline: article %s: reclean: %w", id, err)
		}
	}
	return nil
}

// reclean cleans again the stored articles that carry a line learned while
// pr was cleaned, adding the ones whose text changed to b. The cleaner
// names them, so the cost does not grow with the store; only after a
// restart are the outlets it cannot name listed from the store, over the
// RecleanWindow. An article still in the commit under way waits for the
// next batch, or the end of the run (flush).
func (p *Pipeline) reclean(ctx context.Context, b *storyline.Batch, pr *prepared) error {
	rc := p.cfg.Recleaner
	if rc == nil {
		return nil
	}
	start := time.Now()
	defer p.timed(StageReclean, start)
	inBatch := make(map[string]bool, len(b.Articles))
	for _, a := range b.Articles {
		inBatch[a.ID] = true
	}
	ids := append(p.stale, pr.stale...)
	p.stale = nil
	if len(pr.outlets) > 0 {
		// The outlets' articles of the commit under way must be listed too.
		if err := p.settle(); err != nil {
			return err
		}
		listed, err := p.listRecent(ctx, pr.outlets, pr.latest)
		if err != nil {
			return err
		}
		ids = append(ids, listed...)
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] || inBatch[id] {
			continue
		}
		seen[id] = true
		if p.committing(id, pr.pb) {
			p.stale = append(p.stale, id)
			continue
		}
		if err := p.recleanOne(ctx, id, b); err != nil {
			return err
		}
	}
	return nil
}

// listRecent lists the stored articles of sources published within the
// RecleanWindow before latest.
func (p *Pipeline) listRecent(ctx context.Context, sources []string, latest storyline.Published) ([]string, error) {
	window := p.cfg.RecleanWindow
	if window <= 0 {
		window = DefaultRecleanWindow
	}
	f := storyline.ArticleFilter{}
	if !latest.IsZero() {
		f.Since = storyline.Day(latest.Time.Add(-window))
	}
	var ids []string
	for _, source := range sources {
		f.Source = source
		for a, err := range p.cfg.Store.Articles(ctx, f) {
			if err != nil {
				return nil, fmt.Errorf("pipeline: list %s articles: %w", source, err)
			}
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

// committing reports whether id is in a batch prepared before pb and not
// yet committed.
func (p *Pipeline) committing(id string, pb *built) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for other, ids := range p.inflight {
		if _, ok := ids[id]; ok && other != pb {
			return true
		}
	}
	return false
}

// recleanOne cleans a stored article again and, when its text changed,
// reads it again and adds it to b. An article no longer stored (its batch
// failed) is passed over.
func (p *Pipeline) recleanOne(ctx context.Context, id string, b *storyline.Batch) error {
	a, err := p.cfg.Store.Article(ctx, id)
	if errors.Is(err, storyline.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pipeline: reclean %s: %w", id, err)
	}
	before := a.Text
	if err := p.cfg.Recleaner.Reclean(ctx, &a); err != nil {
		return fmt.Errorf("pipeline: reclean %s: %w", id, err)
	}
	if a.Text == before {
		return nil
	}
	// Offsets into the old text are void: read the article again.
	quotes, err := p.read(ctx, &a, nil)
	if err != nil {
		return fmt.Errorf("pipeline: reclean %s: %w", id, err)
	}
	if err := p.group(ctx, a.ID, quotes, b); err != nil {
		return fmt.Errorf("pipeline: reclean %s: %w", id, err)
	}
	b.Recleaned = append(b.Recleaned, a)
	p.counts.Recleaned++
	return nil
}

// recleanLeft cleans again, into b, the articles left for a later batch
// when no batch follows; every commit must have settled.
func (p *Pipeline) recleanLeft(ctx context.Context, b *storyline.Batch) error {
	ids := p.stale
	p.stale = nil
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := p.recleanOne(ctx, id, b); err != nil {
			return err
		}
	}
	return nil
}
