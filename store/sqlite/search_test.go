package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{`"" *** ()`, ""},
		{"Переговоры", `"переговор"*`},
		{"Пётр", `"петр"*`},
		{"мой мои", `"мой" AND "мои"`},
		{"war", `"war"`},
		{"talks", `"talk"*`},
		{"happy", `("happy" OR "happi"*)`},
		{"2024", `"2024"`},
		{`"peace talks" Geneva`, `"peace talks" AND "geneva"*`},
		{"summ*", `"summ"*`},
		{`NOT (a OR b) title:x`, `"not" AND "a" AND "or" AND "b" AND "titl"* AND "x"`},
		{`say "unbalanced`, `"say" AND "unbalanced"`},
		{`it"s`, `"it" AND "s"`},
	}
	for _, tc := range tests {
		if got := ftsQuery(tc.in); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestFoldYo(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"ёлка Ёж":          "елка Еж",
		"Пётр, ёё":         "Петр, ее",
		"no yo here":       "no yo here",
		"ѐ Ѐ ё\u0308 щёлк": "ѐ Ѐ е\u0308 щелк", // other letters stay
	} {
		if got := foldYo(in); got != want {
			t.Errorf("foldYo(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSearchThroughMerges commits many small batches, each a segment of
// the full-text index, so that the index merges its segments a little
// at a time while later batches add and update articles, and checks after
// every few commits that searches find exactly the articles whose
// current title or text holds the word.
func TestSearchThroughMerges(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	texts := map[string]string{} // id → current text
	words := []string{"alpha", "bravo", "charlie"}
	for round := range 160 {
		var b storyline.Batch
		for i := range 3 {
			n := 3*round + i
			id := fmt.Sprintf("a%04d", n)
			if n%7 == 6 && round > 0 {
				// An update of an earlier article: its old words must no
				// longer be found, wherever the merges have put them.
				id = fmt.Sprintf("a%04d", n/2)
			}
			text := fmt.Sprintf("%s %s u%04d", words[n%3], words[(n/3)%3], n)
			texts[id] = text
			b.Articles = append(b.Articles, storyline.Article{ID: id, Title: "t", Text: text, Format: "text"})
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
		if round%20 != 19 {
			continue
		}
		for _, w := range append(slices.Clone(words), fmt.Sprintf("u%04d", 3*round), "u0001") {
			var want []string
			for id, text := range texts {
				if slices.Contains(strings.Fields(text), w) {
					want = append(want, id)
				}
			}
			found, err := db.Search(ctx, w, len(texts)+1)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range found {
				got = append(got, a.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("after %d commits, search %q found %d articles, want %d: %v, want %v", round+1, w, len(got), len(want), got, want)
			}
		}
	}
}
