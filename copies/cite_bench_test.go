package copies

import (
	"strings"
	"testing"
)

// BenchmarkCitations reads credits from a ~3 KB article with two of them.
func BenchmarkCitations(b *testing.B) {
	para := "Officials said on Tuesday that the talks over the harbour would go on, and the union's steward told reporters the offer was not enough for the workers who have been idle for a week. "
	text := "MOSCOW, December 17. /TASS/. " + strings.Repeat(para+"\n\n", 8) + "The figures were published according to Reuters on Monday.\n\n" + strings.Repeat(para+"\n\n", 6)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if len(Citations(text)) != 2 {
			b.Fatal("want two credits")
		}
	}
}
