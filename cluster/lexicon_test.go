package cluster

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestSnapshot(t *testing.T) {
	tests := []struct {
		name string
		max  int
		n    int
		// keep is how many of the last keys must still be found
		keep int
	}{
		{"small", 0, 10, 10},
		{"across rebuilds", 0, 5000, 5000},
		{"bounded", 1000, 5000, 64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := snapshot[int]{max: tc.max}
			for i := range tc.n {
				k := fmt.Sprintf("w%d", i)
				if got := s.getOrAdd(k, func() int { return i }); got != i {
					t.Fatalf("getOrAdd(%q) = %d, want %d", k, got, i)
				}
				if got := s.getOrAdd(k, func() int { return -1 }); got != i {
					t.Fatalf("second getOrAdd(%q) = %d, want %d", k, got, i)
				}
			}
			for i := tc.n - tc.keep; i < tc.n; i++ {
				k := fmt.Sprintf("w%d", i)
				if got, ok := s.get(k); !ok || got != i {
					t.Errorf("get(%q) = %d, %v; want %d, true", k, got, ok, i)
				}
			}
			if _, ok := s.get("absent"); ok {
				t.Error("get of an absent key succeeded")
			}
			if tc.max > 0 {
				if r := s.read.Load(); r != nil && r.n > tc.max {
					t.Errorf("bounded table holds %d keys, max %d", r.n, tc.max)
				}
			}
		})
	}
}

// TestSnapshotConcurrentGet looks keys up while another goroutine adds
// more: a key once added must be found, also while the keys added since
// the last rebuild are being folded into a new table. (A lookup that
// missed the old table and then found the recent keys already folded
// away used to report the key absent: the clusterer then took a person
// the article names for one it does not, at random.)
func TestSnapshotConcurrentGet(t *testing.T) {
	const n = 200_000
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("w%d", i)
	}
	var s snapshot[int]
	var added atomic.Int64
	stop := make(chan struct{})
	go func() {
		defer close(stop)
		for i, k := range keys {
			s.getOrAdd(k, func() int { return i })
			added.Store(int64(i + 1))
		}
	}()
	var wg sync.WaitGroup
	misses := make([]int, 2)
	for r := range misses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; ; j++ {
				select {
				case <-stop:
					return
				default:
				}
				m := int(added.Load())
				if m == 0 {
					continue
				}
				// the newest key (most likely among the unfolded ones),
				// or one a little older
				i := m - 1 - j%min(m, 64)
				if v, ok := s.get(keys[i]); !ok || v != i {
					misses[r]++
				}
			}
		}()
	}
	wg.Wait()
	if got := misses[0] + misses[1]; got > 0 {
		t.Errorf("%d lookups of added keys failed while others were added", got)
	}
}
