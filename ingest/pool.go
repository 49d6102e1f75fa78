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
//
// The items in flight live in a ring of slots made once per call, which
// the producer fills in turn, the workers complete and the caller's
// goroutine empties in the same turn: an item costs no allocation of its
// own on the way (a channel and a closure per item, holding the item,
// cost about 770 bytes each).
func runOrdered(ctx context.Context, workers int, yield func(Item) bool, produce func(context.Context, func(Item) bool)) {
	if workers <= 1 {
		produce(ctx, func(it Item) bool {
			if it.isDeferred() {
				it = resolve(it)
			}
			return yield(it)
		})
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := newOrderedRing(workers * 4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range r.jobs {
				s := &r.slots[i]
				s.it = resolve(s.it)
				s.done <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(r.order)
		defer close(r.jobs)
		next := 0 // the slot the next item goes in
		produce(ctx, func(it Item) bool {
			select {
			case <-r.free:
			case <-ctx.Done():
				return false
			}
			i := next
			next = (next + 1) % len(r.slots)
			s := &r.slots[i]
			s.it = it
			if !it.isDeferred() {
				s.done <- struct{}{}
			} else {
				select {
				case r.jobs <- i:
				case <-ctx.Done():
					return false
				}
			}
			// order has room for every slot: this never waits.
			r.order <- i
			return true
		})
	}()
	for i := range r.order {
		s := &r.slots[i]
		<-s.done
		it := s.it
		s.it = Item{} // the slot keeps nothing of an item handed on
		r.free <- struct{}{}
		if !yield(it) {
			break
		}
	}
	cancel()
	for range r.order {
		// Wait for the producer to stop; queued work finishes into
		// slots nobody reads.
	}
	wg.Wait()
}

// orderedRing holds the items runOrdered has in flight.
type orderedRing struct {
	slots []orderedSlot
	// free holds a token per slot that is empty; order the slots filled,
	// in input order; jobs the filled slots whose work is to be done.
	free  chan struct{}
	order chan int
	jobs  chan int
}

// orderedSlot is one item in flight; done receives once the item is
// ready to be handed on.
type orderedSlot struct {
	it   Item
	done chan struct{}
}

// newOrderedRing returns a ring of n empty slots.
func newOrderedRing(n int) *orderedRing {
	r := &orderedRing{
		slots: make([]orderedSlot, n),
		free:  make(chan struct{}, n),
		order: make(chan int, n),
		jobs:  make(chan int, n),
	}
	for i := range r.slots {
		r.slots[i].done = make(chan struct{}, 1)
		r.free <- struct{}{}
	}
	return r
}

// resolve runs an item's deferred work, keeping its input index.
func resolve(it Item) Item {
	var r Item
	if it.json != nil {
		r = jsonArticle(it.json, it.Article.Origin, it.block == nil)
		if it.block != nil {
			it.block.release() // nothing reads the line any more
		}
	} else {
		r = it.work()
	}
	r.input = it.input
	return r
}
