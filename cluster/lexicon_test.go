package cluster

import (
	"fmt"
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
