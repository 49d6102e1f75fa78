package sqlite

import (
	"strings"

	"github.com/storyline-news/storyline/textproc"
)

// stemQuery is the FTS5 query for one bare word: its stem as a prefix,
// or the word itself; both when the stem is not a prefix of the word
// ("happy", "happi").
func stemQuery(word string) string {
	s, ok := textproc.PrefixStem(word)
	if !ok {
		return quoteFTS(word)
	}
	if strings.HasPrefix(word, s) {
		return quoteFTS(s) + "*"
	}
	return "(" + quoteFTS(word) + " OR " + quoteFTS(s) + "*)"
}
