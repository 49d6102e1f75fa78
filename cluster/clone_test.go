package cluster

import (
	"slices"
	"testing"
)

// TestClone2: the copies hold what a and b held, nil for an empty one,
// are not the callers' memory (a scratch written over for the next
// article), and an append to the first copy leaves the second as it is.
func TestClone2(t *testing.T) {
	tests := []struct {
		name string
		a, b []uint32
	}{
		{"both", []uint32{1, 2, 3}, []uint32{4, 5}},
		{"first only", []uint32{7}, nil},
		{"second only", []uint32{}, []uint32{8, 9}},
		{"neither", nil, []uint32{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := slices.Clone(tt.a), slices.Clone(tt.b)
			ca, cb := clone2(a, b)
			for _, c := range []struct {
				got, want []uint32
			}{{ca, tt.a}, {cb, tt.b}} {
				if !slices.Equal(c.got, c.want) || (len(c.want) == 0) != (c.got == nil) {
					t.Fatalf("clone2(%v, %v) = %v, %v", tt.a, tt.b, ca, cb)
				}
			}
			for i := range a {
				a[i] = 0
			}
			for i := range b {
				b[i] = 0
			}
			ca = append(ca, 99)
			if !slices.Equal(ca[:len(tt.a)], tt.a) || !slices.Equal(cb, tt.b) {
				t.Fatalf("after the inputs were rewritten and the first copy appended to: %v, %v; want %v, %v", ca, cb, tt.a, tt.b)
			}
		})
	}
}
