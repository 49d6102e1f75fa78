package cluster

import (
	"os"
	"testing"
)

// TestThresholdSweep prints pairwise P/R/F1 on both labeled sets for a
// range of event thresholds (STORYLINE_LONG=1). It is how the default was
// chosen: on ecbplus (the published dev half), then confirmed on
// giveme5w1h without change.
func TestThresholdSweep(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 to sweep thresholds")
	}
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
		for _, set := range evalSets {
			ls := readLabeled(t, set.path)
			gold := map[string]string{}
			for _, l := range ls {
				gold[l.ID] = l.Cluster
			}
			events, _ := runWith(t, Options{EventThreshold: th}, dateOrder(ls))
			p, r, f := pairF1(gold, events)
			t.Logf("threshold %.2f %-10s P %.3f R %.3f F1 %.3f", th, set.name, p, r, f)
		}
	}
}
