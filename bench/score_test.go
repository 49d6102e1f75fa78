package bench

import (
	"math"
	"testing"
)

func TestScoreClusters(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	tests := []struct {
		name         string
		pred         map[string]string
		wantP, wantR float64
		wantB3F1     float64
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, 1, 1, 1},
		{"all one", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}, 4.0 / 10, 1, 2 * 0.52 / 1.52},
		// missing ids are singletons: only pair a-b predicted, and it is right
		{"missing", map[string]string{"a": "x", "b": "x"}, 1, 1.0 / 4, -1},
	}
	for _, tc := range tests {
		s := ScoreClusters(gold, tc.pred)
		if math.Abs(s.PairwiseP-tc.wantP) > 1e-9 || math.Abs(s.PairwiseR-tc.wantR) > 1e-9 {
			t.Errorf("%s: pairwise P %.3f R %.3f, want %.3f %.3f", tc.name, s.PairwiseP, s.PairwiseR, tc.wantP, tc.wantR)
		}
		if tc.wantB3F1 >= 0 && math.Abs(s.BCubedF1-tc.wantB3F1) > 1e-9 {
			t.Errorf("%s: B-cubed F1 %.4f, want %.4f", tc.name, s.BCubedF1, tc.wantB3F1)
		}
	}
}

func TestScorePairs(t *testing.T) {
	gold := []Pair{{"a", "b"}, {"c", "d"}}
	s := ScorePairs(gold, []Pair{{"b", "a"}, {"a", "c"}})
	if s.P != 0.5 || s.R != 0.5 || s.F1 != 0.5 {
		t.Fatalf("got %+v", s)
	}
}
