// Package freelist keeps idle values for reuse. Unlike a sync.Pool, which
// every garbage collection empties, a List keeps them across collections,
// so that buffers grown to the work they did (a reader's Doc, a
// featurizer's word memo) stay warm instead of being made again after
// each one.
package freelist

import "sync"

// List keeps idle values of T, as many as its users allow (see Put). Its
// zero value is an empty list. It is safe for concurrent use.
type List[T any] struct {
	mu   sync.Mutex
	idle []*T
}

// Get returns an idle value, the one put last, or a new zero one.
func (l *List[T]) Get() *T {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.idle); n > 0 {
		x := l.idle[n-1]
		l.idle[n-1] = nil
		l.idle = l.idle[:n-1]
		return x
	}
	return new(T)
}

// Put keeps x for a later Get, unless max values are idle already: about
// as many as are in use at once.
func (l *List[T]) Put(x *T, max int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.idle) < max {
		l.idle = append(l.idle, x)
	}
}

// Len returns the number of idle values.
func (l *List[T]) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.idle)
}
