package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
)

// readAll reads the articles batch[work...] concurrently (and prepares
// them for copy finding and the clusterer when they can be) and returns
// their quotes, assigners and copy finders in the order of work.
func (p *Pipeline) readAll(ctx context.Context, batch []storyline.Article, work []int) ([][]storyline.Quote, []AssignFunc, []CopiesFunc, error) {
	start := time.Now()
	defer p.timed(StageRead, start)
	quotes := make([][]storyline.Quote, len(work))
	assign := make([]AssignFunc, len(work))
	copies := make([]CopiesFunc, len(work))
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
				if sp, ok := p.cfg.Statements.(statementPreparer); ok && errs[k] == nil {
					sp.Prepare(quotes[k])
				}
				if errs[k] == nil && p.cfg.Prepare != nil {
					assign[k] = p.cfg.Prepare(a)
				}
				if errs[k] == nil && p.cfg.PrepareCopies != nil && p.cfg.Copies != nil {
					copies[k] = p.cfg.PrepareCopies(a)
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
			return nil, nil, nil, fmt.Errorf("pipeline: article %s: %w", batch[work[k]].ID, err)
		}
	}
	return quotes, assign, copies, nil
}

func (p *Pipeline) workers() int {
	if p.cfg.Workers > 0 {
		return p.cfg.Workers
	}
	return runtime.GOMAXPROCS(0)
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
	if err := p.statements(ctx, quotes); err != nil {
		return err
	}
	p.addQuotes(id, quotes, b)
	return nil
}

// statements gives quotes the ids of the statements they render.
func (p *Pipeline) statements(ctx context.Context, quotes []storyline.Quote) error {
	if p.cfg.Reader == nil || p.cfg.Statements == nil || len(quotes) == 0 {
		return nil
	}
	start := time.Now()
	if err := p.cfg.Statements.Group(ctx, quotes); err != nil {
		return fmt.Errorf("statements: %w", err)
	}
	p.timed(StageQuotes, start)
	return nil
}

// addQuotes records an article's quotes in b (none when nothing reads).
func (p *Pipeline) addQuotes(id string, quotes []storyline.Quote, b *storyline.Batch) {
	if p.cfg.Reader == nil {
		return
	}
	if b.Quotes == nil {
		b.Quotes = make(map[string][]storyline.Quote)
	}
	b.Quotes[id] = quotes
}
