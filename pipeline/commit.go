package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline"
)

// flight is a commit under way on another goroutine.
type flight struct {
	pb   *built
	done chan error
	// ended is closed when the commit has returned (or was never tried
	// because an earlier one failed), failed set before.
	ended  chan struct{}
	failed bool
	got    []storyline.Outcome
	took   time.Duration
	// tally is what the batch added, counted once it is committed, when
	// the batch itself is let go.
	tally Counts
}

// CommitDepth is how many committed batches may wait behind the one being
// written while Feed links the next: a commit that runs long (a store
// folding its tallies, a checkpoint) then holds up nothing until the
// queue fills. Each waiting batch holds its articles in memory.
const CommitDepth = 4

// errEarlierCommit is the error of a commit not tried because the one
// before it failed; commits land in order or not at all.
var errEarlierCommit = errors.New("an earlier commit failed")

// flusher is a stage that holds back some of its state between batches
// and gives it all up at the end of a run (see clean.Cleaner.Flush).
type flusher interface {
	Flush() map[string][]byte
}

// flush commits, on its own, the state the stages held back and the
// articles left to clean again (see reclean), so that a run that ends
// loses nothing. The stages are idle when it is called.
func (p *Pipeline) flush(ctx context.Context) error {
	var b storyline.Batch
	if p.cfg.Recleaner != nil {
		start := time.Now()
		if err := p.recleanLeft(ctx, &b); err != nil {
			return err
		}
		p.timed(StageReclean, start)
		if len(b.Recleaned) > 0 {
			p.pending(&b, phaseLink) // the statements grouped meanwhile
		}
	}
	for _, s := range p.stateful {
		f, ok := s.(flusher)
		if !ok {
			continue
		}
		if kv := f.Flush(); len(kv) > 0 {
			if b.State == nil {
				b.State = make(map[string]map[string][]byte)
			}
			b.State[s.Stage()] = kv
		}
	}
	if len(b.State) == 0 && len(b.Recleaned) == 0 {
		return nil
	}
	if _, err := p.cfg.Store.Commit(ctx, b); err != nil {
		return fmt.Errorf("pipeline: commit state: %w", err)
	}
	return nil
}

// commitAsync starts committing pb on another goroutine, so that the next
// batch goes through the stages meanwhile. Commits land in order: each
// waits for the one before it, and none is tried after one failed.
func (p *Pipeline) commitAsync(ctx context.Context, pb *built) {
	f := &flight{pb: pb, done: make(chan error, 1), ended: make(chan struct{})}
	var prev *flight
	if n := len(p.flights); n > 0 {
		prev = p.flights[n-1]
	}
	p.flights = append(p.flights, f)
	go func() {
		defer close(f.ended)
		if prev != nil {
			<-prev.ended
			if prev.failed {
				f.failed = true
				f.done <- errEarlierCommit
				return
			}
		}
		start := time.Now()
		got, err := p.cfg.Store.Commit(ctx, pb.b)
		f.got, f.took, f.failed = got, time.Since(start), err != nil
		if err == nil {
			// What is stored is the store's now: the batch's articles,
			// their text and copies, are let go at once rather than when
			// the commit is settled, a batch or more later.
			f.tally = tally(&pb.b)
			pb.b = storyline.Batch{}
		}
		f.done <- err
	}()
}

// forget drops a batch from the ones in flight, once it is committed or
// given up.
func (p *Pipeline) forget(pb *built) {
	p.mu.Lock()
	delete(p.inflight, pb)
	p.mu.Unlock()
}

// settle waits for every commit under way and accounts for them.
func (p *Pipeline) settle() error {
	for len(p.flights) > 0 {
		if err := p.settleOldest(); err != nil {
			return err
		}
	}
	return nil
}

// settleOldest waits for the oldest commit under way, if any, and accounts
// for it. When it failed, the commits queued behind it are given up too.
func (p *Pipeline) settleOldest() error {
	if len(p.flights) == 0 {
		return nil
	}
	f := p.flights[0]
	p.flights = p.flights[1:]
	err := <-f.done
	p.forget(f.pb)
	if err != nil {
		for _, rest := range p.flights {
			<-rest.done
			p.forget(rest.pb)
		}
		p.flights = nil
		return fmt.Errorf("pipeline: commit: %w", err)
	}
	p.mu.Lock()
	p.timings[StageStore] += f.took
	p.mu.Unlock()
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
	p.settled += len(pb.outcomes)
	p.counts.Copies += f.tally.Copies
	p.counts.Merges += f.tally.Merges
	p.counts.Assignments += f.tally.Assignments
	p.counts.Quotes += f.tally.Quotes
	return nil
}

// tally counts the copies, merges, assignments and quotes of b.
func tally(b *storyline.Batch) Counts {
	c := Counts{Copies: len(b.Copies), Merges: len(b.Merges), Assignments: len(b.Assignments)}
	for _, qs := range b.Quotes {
		c.Quotes += len(qs)
	}
	return c
}
