package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// startRead makes what tells which articles of pr are read.
func (pr *prepared) startRead() {
	n := len(pr.pb.work)
	pr.quotes = make([][]storyline.Quote, n)
	pr.assign = make([]AssignFunc, n)
	pr.copies = make([]CopiesFunc, n)
	pr.readErr = make([]error, n)
	pr.read = make([]chan struct{}, n)
	for k := range pr.read {
		pr.read[k] = make(chan struct{})
	}
	pr.readDone = make(chan struct{})
}

// readBatch reads the articles of pr's work concurrently, in order as far
// as the workers go, and prepares them for copy finding and the clusterer
// when they can be. Each article is announced as soon as it is read, so
// that the stages that depend on arrival order take it while the rest are
// read; a failed article has its error in pr.readErr. Once all are read
// it takes the reading stages' state: names learned in a batch are seen
// by the batches after it, never by the articles read beside them. Every
// article is announced whatever happens, and readDone closed.
func (p *Pipeline) readBatch(ctx context.Context, pr *prepared) {
	start := time.Now()
	defer p.timed(StageRead, start)
	if r, ok := p.cfg.Reader.(referencer); ok {
		r.SetReference(pr.latest)
	}
	work := pr.pb.work
	// Each worker takes the next article not yet taken: no hand-off
	// through a channel, which cost every article a goroutine parked and
	// woken. The calling goroutine is one of the workers.
	var next atomic.Int64
	read := func() {
		for {
			k := int(next.Add(1) - 1)
			if k >= len(work) {
				return
			}
			p.readOne(ctx, pr, k)
			close(pr.read[k])
		}
	}
	var wg sync.WaitGroup
	for range min(p.workers(), len(work)) - 1 {
		wg.Go(read)
	}
	read()
	wg.Wait()
	var b storyline.Batch
	p.pending(&b, phaseRead)
	pr.readState = b.State
	close(pr.readDone)
}

// readOne reads the k-th article of pr's work and prepares it for the
// stages after.
func (p *Pipeline) readOne(ctx context.Context, pr *prepared, k int) {
	if err := ctx.Err(); err != nil {
		pr.readErr[k] = err
		return
	}
	a := &pr.batch[pr.pb.work[k]]
	var use func(tokens []textproc.Token, words []textproc.Word)
	copies := p.cfg.PrepareCopies != nil && p.cfg.Copies != nil
	if _, ok := p.cfg.Reader.(WordReader); ok && (copies || p.cfg.Prepare != nil) {
		// the copy finder and the clusterer prepare with the words the
		// reader made, while it holds them: it reuses them once it
		// returns
		use = func(tokens []textproc.Token, words []textproc.Word) {
			if copies {
				pr.copies[k] = p.cfg.PrepareCopies(a, tokens)
			}
			if p.cfg.Prepare != nil {
				pr.assign[k] = p.cfg.Prepare(a, words)
			}
		}
	}
	qs, err := p.read(ctx, a, use)
	if err != nil {
		pr.readErr[k] = err
		return
	}
	pr.quotes[k] = qs
	if sp, ok := p.cfg.Statements.(statementPreparer); ok {
		sp.Prepare(qs)
	}
	if p.cfg.Prepare != nil && pr.assign[k] == nil {
		pr.assign[k] = p.cfg.Prepare(a, nil)
	}
	if copies && pr.copies[k] == nil {
		pr.copies[k] = p.cfg.PrepareCopies(a, nil)
	}
}

func (p *Pipeline) workers() int {
	if p.cfg.Workers > 0 {
		return p.cfg.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// read runs the reader and the credit finder on a clean article. It is
// called concurrently: it touches nothing but a.
func (p *Pipeline) read(ctx context.Context, a *storyline.Article, use func(tokens []textproc.Token, words []textproc.Word)) ([]storyline.Quote, error) {
	var quotes []storyline.Quote
	if p.cfg.Reader != nil {
		var q []storyline.Quote
		var err error
		if wr, ok := p.cfg.Reader.(WordReader); ok && use != nil {
			q, err = wr.ReadWords(ctx, a, use)
		} else {
			q, err = p.cfg.Reader.Read(ctx, a)
		}
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
