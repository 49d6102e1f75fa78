package ingest

import (
	"math"
	"testing"
)

func TestMaxSizeBounded(t *testing.T) {
	tests := []struct {
		set, want int64
	}{
		{0, DefaultMaxSize},
		{-1, DefaultMaxSize},
		{1 << 20, 1 << 20},
		{math.MaxInt32, math.MaxInt32},
		{math.MaxInt32 + 1, MaxInputSize},
		{math.MaxInt64, MaxInputSize},
	}
	for _, tt := range tests {
		if got := (Options{MaxSize: tt.set}).maxSize(); got != tt.want {
			t.Errorf("MaxSize %d: maxSize() = %d, want %d", tt.set, got, tt.want)
		}
	}
}
