package bench

import (
	"math"
	"math/rand/v2"
	"strconv"
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

// TestScoreClustersDeterministic scores one large input many times: the
// maps it is given iterate in a new order each time, and the figures must
// not change in the last digit.
func TestScoreClustersDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gold, pred := map[string]string{}, map[string]string{}
	for i := range 20000 {
		id := strconv.Itoa(i)
		gold[id] = strconv.Itoa(rng.IntN(3000))
		pred[id] = strconv.Itoa(rng.IntN(2000))
	}
	first := ScoreClusters(gold, pred)
	for range 20 {
		if s := ScoreClusters(gold, pred); s != first {
			t.Fatalf("scores differ between runs:\n%+v\n%+v", first, s)
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
