package ingest

import (
	"context"
	"sync"
)

// runOrdered runs produce, which emits items in input order, and yields
// them in that order with their deferred work done: inline when workers
// is at most one, else on a pool of that many goroutines, keeping at most
// a few items per worker in flight. When yield returns false, or ctx is
// done, production stops and the pool is drained before runOrdered
// returns, so no goroutine outlives it.
func runOrdered(ctx context.Context, workers int, yield func(Item) bool, produce func(context.Context, func(Item) bool)) {
	if workers <= 1 {
		produce(ctx, func(it Item) bool {
			if it.work != nil {
				it = resolve(it)
			}
			return yield(it)
		})
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan func(), workers*4)
	slots := make(chan chan Item, workers*4) // results, in order
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j()
			}
		}()
	}
	go func() {
		defer close(slots)
		defer close(jobs)
		produce(ctx, func(it Item) bool {
			out := make(chan Item, 1)
			if it.work == nil {
				out <- it
			} else {
				select {
				case jobs <- func() { out <- resolve(it) }:
				case <-ctx.Done():
					return false
				}
			}
			select {
			case slots <- out:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for out := range slots {
		if !yield(<-out) {
			break
		}
	}
	cancel()
	for range slots {
		// Wait for the producer to stop; queued work finishes into
		// buffered channels nobody reads.
	}
	wg.Wait()
}

// resolve runs an item's deferred work, keeping its input index.
func resolve(it Item) Item {
	r := it.work()
	r.input = it.input
	return r
}
