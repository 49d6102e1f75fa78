package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
)

// linkAll runs the stages that depend on arrival order (copies,
// clustering, statement grouping) over a prepared batch and adds what they
// find to its commit. Each stage sees the articles one at a time in input
// order, each as soon as it is read (the batch may still be being read),
// and the stages overlap: while an article is clustered, the next one's
// copies are found, and statements are grouped beside both, since
// clustering needs an article's copies and nothing else needs another
// stage. An article that failed to read fails the batch there.
func (p *Pipeline) linkAll(ctx context.Context, pr *prepared) error {
	pb := pr.pb
	n := len(pb.work)
	copies := make([][]storyline.Copy, n)
	assigned := make([]storyline.Assignment, n)
	merges := make([][]storyline.Merge, n)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The first error of each stage, with the position of its article.
	var errs [3]stageError
	fail := func(stage, k int, err error) {
		errs[stage] = stageError{k: k, err: err}
		cancel()
	}
	found := make(chan int, n) // positions whose copies are known, in order
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(found)
		for k, i := range pb.work {
			<-pr.read[k]
			if err := pr.readErr[k]; err != nil {
				fail(0, k, err)
				return
			}
			if err := ctx.Err(); err != nil {
				fail(0, k, err)
				return
			}
			if p.cfg.Copies != nil {
				start := time.Now()
				var c []storyline.Copy
				var err error
				if find := pr.copies[k]; find != nil {
					pr.copies[k] = nil // what it prepared is let go once used
					c, err = find(ctx)
				} else {
					c, err = p.cfg.Copies.AddArticle(ctx, &pr.batch[i])
				}
				if err != nil {
					fail(0, k, fmt.Errorf("copies: %w", err))
					return
				}
				copies[k] = c
				p.timed(StageCopies, start)
			}
			found <- k
		}
	}()
	go func() {
		defer wg.Done()
		failed := false
		for k := range found {
			if p.cfg.Clusterer == nil || failed {
				continue
			}
			start := time.Now()
			a := &pr.batch[pb.work[k]]
			assign := pr.assign[k]
			pr.assign[k] = nil // what it prepared is let go once used
			if assign == nil {
				assign = func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error) {
					return p.cfg.Clusterer.Assign(ctx, a, copies)
				}
			}
			as, ms, err := assign(ctx, copies[k])
			if err != nil {
				fail(1, k, fmt.Errorf("cluster: %w", err))
				failed = true
				continue
			}
			assigned[k], merges[k] = as, ms
			p.timed(StageCluster, start)
		}
	}()
	if p.cfg.Reader != nil && p.cfg.Statements != nil {
		wg.Go(func() {
			for k := range pb.work {
				<-pr.read[k]
				if pr.readErr[k] != nil {
					return // the copies stage reports it
				}
				if err := ctx.Err(); err != nil {
					fail(2, k, err)
					return
				}
				if err := p.statements(ctx, pr.quotes[k]); err != nil {
					fail(2, k, err)
					return
				}
			}
		})
	}
	wg.Wait()
	<-pr.readDone

	// Report the real failure of the earliest article: a stage that
	// stopped because another failed reports only the cancellation.
	first := stageError{k: n}
	for _, e := range errs {
		if e.err == nil {
			continue
		}
		cancelled, firstCancelled := errors.Is(e.err, context.Canceled), errors.Is(first.err, context.Canceled)
		if first.err == nil || firstCancelled && !cancelled || cancelled == firstCancelled && e.k < first.k {
			first = e
		}
	}
	if first.err != nil {
		return fmt.Errorf("pipeline: article %s: %w", pr.batch[pb.work[first.k]].ID, first.err)
	}

	b := &pb.b
	b.Articles = slices.Grow(b.Articles, n)
	if p.cfg.Clusterer != nil {
		b.Assignments = slices.Grow(b.Assignments, n)
	}
	for stage, kv := range pr.readState {
		if b.State == nil {
			b.State = make(map[string]map[string][]byte)
		}
		b.State[stage] = kv
	}
	for k, i := range pb.work {
		a := &pr.batch[i]
		b.Copies = append(b.Copies, copies[k]...)
		if p.cfg.Clusterer != nil {
			as := assigned[k]
			if as.Why != nil {
				if as.Why.NewEvent {
					p.counts.NewEvents++
				}
				if as.Why.NewStory {
					p.counts.NewStories++
				}
			}
			b.Assignments = append(b.Assignments, as)
			b.Merges = append(b.Merges, merges[k]...)
		}
		p.addQuotes(a.ID, pr.quotes[k], b)
		b.Articles = append(b.Articles, *a)
	}
	return nil
}

// stageError is a stage's failure on the k-th article of a batch's work.
type stageError struct {
	k   int
	err error
}
