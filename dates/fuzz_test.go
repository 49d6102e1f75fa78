package dates

import (
	"testing"
	"time"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

// FuzzFind checks that any text yields mentions whose spans hold their
// text, and never panics.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Friday, December 7, 2021", "7 декабря 2021 года", "31.02.2020", "next Monday", "the New Year's Eve"} {
		f.Add(s)
	}
	pub := storyline.Day(time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC))
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		for _, m := range Find(text, pub) {
			if m.Start < 0 || m.End > len(runes) || m.Start > m.End || string(runes[m.Start:m.End]) != m.Text || m.Date == "" {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}
