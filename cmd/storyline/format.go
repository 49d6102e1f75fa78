package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// clip shortens s to at most n runes at a word boundary, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tally prints a count map as "en 3, ru 2", largest first.
func tally(m map[string]int) string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", orDash(k), m[k]))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// articleRows prints articles as JSON Lines, or as aligned rows for a
// person: id, published, source, language, title.
type articleRows struct {
	asJSON bool
	out    jsonLines
	tw     *tabwriter.Writer
}

func (a *app) articleRows(asJSON bool) *articleRows {
	return &articleRows{asJSON: asJSON, out: newJSONLines(a.stdout), tw: tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)}
}

// add prints one article.
func (r *articleRows) add(art storyline.Article) error {
	if r.asJSON {
		return r.out.write(art)
	}
	_, err := fmt.Fprintf(r.tw, "%s\t%s\t%s\t%s\t%s\n", art.ID, orDash(art.Published.String()), orDash(art.Source), orDash(art.Lang), clip(art.Title, 80))
	return err
}

// flush writes out the aligned rows.
func (r *articleRows) flush() error { return r.tw.Flush() }
