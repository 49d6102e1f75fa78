package gen

import (
	"strings"
	"testing"
)

func TestVary(t *testing.T) {
	lx := compileLexicon(lexEN)
	mark := func(s string) string {
		s = strings.ReplaceAll(s, "<", string(rune(nameOpen)))
		return strings.ReplaceAll(s, ">", string(rune(nameClose)))
	}
	tests := []struct {
		name string
		in   string
		keep []string // must survive in every wording
		drop []string // must never survive
	}{
		{"quotation untouched", `Police said: "The workers shut the docks about 6,658 times."`, []string{`"The workers shut the docks about 6,658 times."`}, nil},
		{"name untouched", "<Workers Said> closed the road.", []string{"Workers Said"}, nil},
		{"agreement after leaders", "Union leaders is demanding more.", nil, []string{"leaders is"}},
		{"an before eight", "They want a 8.5% rise.", []string{"an 8.5"}, []string{"a 8.5"}},
		{"a before a consonant at the start", "An independent inquiry began.", nil, []string{"An separate", "A outside"}},
		{"about only before numbers", "They talked about the deal for about 40 minutes.", []string{"talked about the "}, nil},
		{"not a noun after a", "It took a while to start.", []string{"a while"}, nil},
		{"capitalised word mid-sentence is a name", "The firm hired Police Chief Ann.", []string{"Police Chief Ann"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := mark(tt.in)
			for seed := uint64(0); seed < 40; seed++ {
				r := newRNG(seed)
				out := string(stripMarks(lx.vary(nil, []byte(in), houseStyle(int(seed%5)), &r, false)))
				for _, k := range tt.keep {
					if !strings.Contains(out, k) {
						t.Errorf("seed %d: %q lost %q: %q", seed, tt.in, k, out)
					}
				}
				for _, k := range tt.drop {
					if strings.Contains(out, k) {
						t.Errorf("seed %d: %q kept %q: %q", seed, tt.in, k, out)
					}
				}
			}
		})
	}
}

func TestVaryChangesWording(t *testing.T) {
	// Independent reports of one sentence come out worded differently:
	// most pairs of forty articles differ somewhere.
	lx := compileLexicon(lexEN)
	in := []byte("A strike over pay shut the docks on Monday, with 6,658 workers refusing to start their shifts and more than 40 ships held at sea.")
	seen := map[string]bool{}
	for seed := uint64(0); seed < 40; seed++ {
		r := newRNG(seed)
		seen[string(lx.vary(nil, in, houseStyle(int(seed)), &r, false))] = true
	}
	if len(seen) < 30 {
		t.Errorf("40 articles gave %d wordings, want at least 30", len(seen))
	}
}

func TestVaryNumber(t *testing.T) {
	tests := []struct {
		in   string
		want []string // any of
	}{
		{"6,658 staff", []string{"6,658 staff", "about 6,700 staff", "nearly 6,700 staff", "almost 6,700 staff", "close to 6,700 staff"}},
		{"40% of", []string{"40% of", "40 per cent of", "40 percent of"}},
		{"440 million crowns", []string{"440 million crowns", "440m crowns"}},
	}
	for _, tt := range tests {
		for seed := uint64(0); seed < 30; seed++ {
			r := newRNG(seed)
			b, j := varyNumber(nil, []byte(tt.in), 0, nil, false, houseStyle(int(seed)), &r)
			got := string(b) + tt.in[j:]
			ok := false
			for _, w := range tt.want {
				ok = ok || got == w
			}
			if !ok {
				t.Errorf("seed %d: %q became %q", seed, tt.in, got)
			}
		}
	}
}
