package lang

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// TestDetectTitled checks that DetectTitled answers as Detect over the
// title, a line break and the text, whatever their lengths and wherever
// the sample's cut falls, for the default sample and others.
func TestDetectTitled(t *testing.T) {
	type pair struct{ title, text string }
	var pairs []pair
	for a := range gen.New(gen.Options{Articles: 300, Seed: 3}).All() {
		pairs = append(pairs, pair{a.Title, a.Text}, pair{a.Text, a.Title}, pair{"", a.Text}, pair{a.Title, ""})
		if len(a.Text) > 40 {
			// titles of every length around the sample, cut inside code points
			for _, k := range []int{2046, 2047, 2048, 2049, 2050} {
				long := strings.Repeat(a.Text, k/len(a.Text)+1)
				pairs = append(pairs, pair{long[:k], a.Text}, pair{a.Title, long[:k]})
			}
		}
	}
	pairs = append(pairs, pair{"", ""}, pair{"Кремль", "\xff\xfe заявил"}, pair{strings.Repeat("Ж", 1025), "the talks"})
	for _, d := range []*Detector{New(), New("en", "ru"), {Sample: 100}, {Sample: 5000}, {Sample: 0}} {
		if d.codes == nil {
			sample := d.Sample
			*d = *New()
			d.Sample = sample
		}
		for _, p := range pairs {
			if got, want := d.DetectTitled(p.title, p.text), d.Detect(p.title+"\n"+p.text); got != want {
				t.Fatalf("Sample %d: DetectTitled(%.40q, %.40q) = %q, Detect = %q", d.Sample, p.title, p.text, got, want)
			}
		}
	}
}
