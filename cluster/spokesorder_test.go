package cluster_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOneHappeningTwoPeopleUndated: undated reports of one happening
// lead with either of its people (the winner or the loser of a final).
// In every arrival order they make one event: reports that tell of the
// same weekday are news of the same days (sameWeekday).
func TestOneHappeningTwoPeopleUndated(t *testing.T) {
	sets := map[string][]string{
		"winner and loser": {
			"Okafor wins first Halden Open title\n\nAmara Okafor won her first Halden Open title on Saturday, coming back from a set down to beat Ines Varga in three sets on the main court. Okafor, 24, broke serve twice in the deciding set and closed the match with an ace. She is the first qualifier to win the tournament.",
			"Okafor storms back to claim Halden Open crown\n\nAmara Okafor claimed the Halden Open crown on Saturday, recovering from a slow start to win the final in three sets. The qualifier lost the opening set but broke serve twice in the third to close out the match against Ines Varga. Okafor is the first qualifier to win the event.",
			"Qualifier Okafor lifts Halden Open trophy\n\nAmara Okafor won the Halden Open final in three sets on Saturday to lift the trophy as a qualifier. Okafor lost the first set but took control and broke serve twice in the third set. Ines Varga, the top seed, was beaten in a final for the second time this year.",
			"Varga proud despite Halden Open final defeat\n\nInes Varga said she was proud of her week despite losing the Halden Open final in three sets on Saturday. The top seed won the opening set on the main court but was broken twice in the third set. Varga said the qualifier who beat her had played the best tennis of the tournament.",
		},
	}
	for name, texts := range sets {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for i, text := range texts {
				if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, seed := range append([]uint64{0}, orderSeeds...) {
				cs := feedCaptureOrder(t, []string{dir}, nil, seed)
				if len(cs) != len(texts) {
					t.Fatalf("seed %d: %d articles clustered, want %d", seed, len(cs), len(texts))
				}
				events := map[string][]string{}
				for _, c := range cs {
					events[c.Event] = append(events[c.Event], c.Article.ID)
				}
				if len(events) != 1 {
					t.Errorf("seed %d: %d events %v, want one", seed, len(events), events)
				}
			}
		})
	}
}
