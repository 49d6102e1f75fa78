package copies

import (
	"fmt"
	"testing"
)

// TestSeenID checks resolve's set of chosen ids over several lookups,
// below and past the size where it searches the chosen ids instead.
func TestSeenID(t *testing.T) {
	var l lookupScratch
	for round := range 3 {
		var chosen [][]byte
		for i := range 100 {
			id := []byte(fmt.Sprintf("r%d-%d", round%2, i))
			if l.seenID(id, chosen) {
				t.Fatalf("round %d: %s seen before it was chosen", round, id)
			}
			chosen = append(chosen, id)
			for _, j := range []int{0, i / 2, i} {
				if again := []byte(fmt.Sprintf("r%d-%d", round%2, j)); !l.seenID(again, chosen) {
					t.Fatalf("round %d: %s chosen but not seen", round, again)
				}
			}
		}
	}
}
