package cluster

import (
	"math"
	"testing"
)

// unitOf is the unit vector with equal weights on terms.
func unitOf(terms ...uint32) vector {
	v := make(vector, len(terms))
	for i, t := range terms {
		v[i] = tw{t, float32(1 / math.Sqrt(float64(len(terms))))}
	}
	return v
}

// termsClusterer is a Clusterer whose scratch arrays cover terms
// 0 to n-1, for centroids built by hand.
func termsClusterer(n int) *Clusterer {
	c := New(Options{})
	c.qw = make([]float32, n)
	c.pos = make([]int32, n)
	return c
}

// eventOf is an event whose members are the unit vectors ms, as
// addMember sums them.
func eventOf(c *Clusterer, ms ...vector) *node {
	n := &node{size: len(ms), scripts: [2]float32{float32(len(ms)), 0}}
	for _, m := range ms {
		c.addVector(&n.cent, m, nil)
	}
	return n
}

// TestMergeable: two events of one happening are merged when their
// members are as alike across as within, though their centroids'
// cosine is below MergeThreshold; two look-alike happenings, each
// tight, are not; two single reports need the threshold.
func TestMergeable(t *testing.T) {
	c := termsClusterer(32)
	tests := []struct {
		name  string
		a, b  []vector
		merge bool
	}{
		{
			// within 0.2, across 0.3; centroid cosine 0.5
			name:  "halves of one diffuse happening",
			a:     []vector{unitOf(0, 1, 2, 3, 4), unitOf(0, 5, 6, 7, 8)},
			b:     []vector{unitOf(0, 1, 9, 10, 11), unitOf(0, 5, 12, 13, 14)},
			merge: true,
		},
		{
			// within 0.8, across 0.4; centroid cosine 0.44
			name: "two tight look-alike happenings",
			a:    []vector{unitOf(0, 1, 2, 3, 4), unitOf(0, 1, 2, 3, 5)},
			b:    []vector{unitOf(0, 1, 6, 7, 8), unitOf(0, 1, 6, 7, 9)},
		},
		{
			// within 0.2, across 0.4; centroid cosine 0.52
			name:  "a report as alike to an event as its members are",
			a:     []vector{unitOf(0, 1, 2, 3, 4), unitOf(0, 5, 6, 7, 8)},
			b:     []vector{unitOf(0, 1, 5, 12, 13)},
			merge: true,
		},
		{
			// within 0.8, across 0.4; centroid cosine 0.42
			name: "a report less alike to a tight event than its members",
			a:    []vector{unitOf(0, 1, 2, 3, 4), unitOf(0, 1, 2, 3, 5)},
			b:    []vector{unitOf(0, 1, 6, 7, 8)},
		},
		{
			// within 0 (a pair held by copies or names, not words),
			// across 0.125: below what a report needs to join
			name: "a report and an event of reports sharing no words",
			a:    []vector{unitOf(0, 1, 2, 3), unitOf(4, 5, 6, 7)},
			b:    []vector{unitOf(0, 8, 9, 10)},
		},
		{
			name: "two single reports below the threshold",
			a:    []vector{unitOf(0, 1, 2, 3)},
			b:    []vector{unitOf(0, 1, 4, 5)},
		},
		{
			name:  "two single reports at the threshold",
			a:     []vector{unitOf(0, 1, 2, 3, 4)},
			b:     []vector{unitOf(0, 1, 2, 3, 5)},
			merge: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := eventOf(c, tt.a...), eventOf(c, tt.b...)
			if got := c.mergeable(a, b); got != tt.merge {
				t.Errorf("mergeable = %v, want %v (centroid cosine %.3f)", got, tt.merge, c.eventsCosine(a, b))
			}
			if got := c.mergeable(b, a); got != tt.merge {
				t.Errorf("mergeable reversed = %v, want %v", got, tt.merge)
			}
		})
	}
}

// TestCohesion: the mean cosine of the pairs of members, read from the
// centroid, is that of the members.
func TestCohesion(t *testing.T) {
	c := termsClusterer(32)
	tests := []struct {
		name string
		ms   []vector
		want float64
		ok   bool
	}{
		{"one member", []vector{unitOf(0, 1)}, 0, false},
		{"identical", []vector{unitOf(0, 1), unitOf(0, 1)}, 1, true},
		{"disjoint", []vector{unitOf(0, 1), unitOf(2, 3)}, 0, true},
		// pairs: 1/2, 1/2, 0
		{"three", []vector{unitOf(0, 1), unitOf(0, 2), unitOf(1, 3)}, 1.0 / 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := cohesion(eventOf(c, tt.ms...))
			if ok != tt.ok || math.Abs(got-tt.want) > 1e-6 {
				t.Errorf("cohesion = %.4f %v, want %.4f %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
