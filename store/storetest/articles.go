package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func testArticlesFilter(t *testing.T, s storyline.Store) {
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("a", "t", "x", "tass.ru", "ru", day(0)),
		art("b", "t", "x", "tass.ru", "en", at(1, 10)),
		art("c", "t", "x", "bbc.com", "en", at(2, 0)),
		art("d", "t", "x", "bbc.com", "en", day(3)),
		art("e", "t", "x", "bbc.com", "en", storyline.Published{}),
	}})
	tests := []struct {
		name string
		f    storyline.ArticleFilter
		want []string
	}{
		{"all", storyline.ArticleFilter{}, []string{"a", "b", "c", "d", "e"}},
		{"source", storyline.ArticleFilter{Source: "tass.ru"}, []string{"a", "b"}},
		{"lang", storyline.ArticleFilter{Lang: "en"}, []string{"b", "c", "d", "e"}},
		{"since day", storyline.ArticleFilter{Since: day(1)}, []string{"b", "c", "d"}},
		{"since instant", storyline.ArticleFilter{Since: at(1, 11)}, []string{"c", "d"}},
		{"until day includes the day", storyline.ArticleFilter{Until: day(1)}, []string{"a", "b"}},
		{"until instant", storyline.ArticleFilter{Until: at(1, 9)}, []string{"a"}},
		{"range", storyline.ArticleFilter{Since: day(1), Until: day(2)}, []string{"b", "c"}},
		{"ids", storyline.ArticleFilter{IDs: []string{"e", "c", "zz", "a"}}, []string{"a", "c", "e"}},
		{"ids and source", storyline.ArticleFilter{IDs: []string{"e", "c", "a"}, Source: "bbc.com"}, []string{"c", "e"}},
		{"limit", storyline.ArticleFilter{Limit: 2}, []string{"a", "b"}},
		{"lang and limit", storyline.ArticleFilter{Lang: "en", Limit: 3}, []string{"b", "c", "d"}},
		{"nothing", storyline.ArticleFilter{Source: "none"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := list(t, s, tc.f); !slices.Equal(got, tc.want) {
				t.Errorf("= %v, want %v", got, tc.want)
			}
		})
	}
}

// testArticlesPaging lists more articles than a store is likely to read
// per page.
func testArticlesPaging(t *testing.T, s storyline.Store) {
	const n = 1300
	var batch []storyline.Article
	var want []string
	for i := range n {
		pub := day(i % 7)
		if i%10 == 0 {
			pub = storyline.Published{}
		}
		batch = append(batch, art(fmt.Sprintf("p%04d", i), "t", "x", "s", "en", pub))
	}
	commit(t, s, storyline.Batch{Articles: batch})
	for d := range 7 {
		for i := range n {
			if i%10 != 0 && i%7 == d {
				want = append(want, fmt.Sprintf("p%04d", i))
			}
		}
	}
	for i := 0; i < n; i += 10 {
		want = append(want, fmt.Sprintf("p%04d", i))
	}
	if got := list(t, s, storyline.ArticleFilter{}); !slices.Equal(got, want) {
		t.Errorf("paged listing: %d articles, first mismatch at %d", len(got), mismatch(got, want))
	}
	if got := list(t, s, storyline.ArticleFilter{Limit: 700}); !slices.Equal(got, want[:700]) {
		t.Errorf("limited paged listing: %d articles", len(got))
	}
}

func mismatch(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func search(t *testing.T, s storyline.Store, q string) []string {
	t.Helper()
	got, err := s.Search(context.Background(), q, 10)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return ids(got)
}

func testSearch(t *testing.T, s storyline.Store) {
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("body", "Markets today", "Analysts expect the summit to calm markets. The summit is in Geneva.", "x", "en", day(0)),
		art("title", "Summit in Geneva", "Leaders arrived on Tuesday.", "x", "en", day(0)),
		art("other", "Weather", "Rain over Geneva.", "x", "en", day(0)),
		art("hyph", "Co-operation deal", "Kremlin's co-operation with partners.", "x", "en", day(0)),
		art("happy", "Happiness index", "People are happier and happy.", "x", "en", day(1)),
		art("talked", "Ministers talked", "They talked for hours.", "x", "en", day(1)),
	}})
	tests := []struct {
		q    string
		want []string
	}{
		{"summit", []string{"title", "body"}}, // the title match ranks first
		{"SUMMIT geneva", []string{"title", "body"}},
		{"geneva", nil},             // checked as a set below
		{"summit rain", []string{}}, // all words must match
		{`"in Geneva"`, []string{"title", "body"}},
		{`"Geneva summit"`, []string{}},
		{"summ*", []string{"title", "body"}},
		{"co-operation", []string{"hyph"}},
		{"kremlin's", []string{"hyph"}},
		{"kremlin", []string{"hyph"}},
		// Bare words match the words sharing their stem.
		{"talks", []string{"talked"}},
		{"happy people", []string{"happy"}},
		{"partner", []string{"hyph"}},
		{`"talks"`, []string{}}, // a quoted word is exact
		{"talks summit", []string{}},
		{"", nil},
	}
	for _, tc := range tests {
		got := search(t, s, tc.q)
		switch tc.q {
		case "geneva":
			slices.Sort(got)
			if want := []string{"body", "other", "title"}; !slices.Equal(got, want) {
				t.Errorf("search %q = %v, want %v", tc.q, got, want)
			}
		default:
			if len(got) == 0 && len(tc.want) == 0 {
				continue
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("search %q = %v, want %v", tc.q, got, tc.want)
			}
		}
	}
	// Updated text is what is found.
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("other", "Weather", "Snow over Bern.", "x", "en", day(0)),
	}})
	if got := search(t, s, "rain"); len(got) != 0 {
		t.Errorf("search finds replaced text: %v", got)
	}
	if got := search(t, s, "bern"); !slices.Equal(got, []string{"other"}) {
		t.Errorf("search misses updated text: %v", got)
	}
	if got, err := s.Search(context.Background(), "geneva", 1); err != nil || len(got) != 1 {
		t.Errorf("limit 1: %v %v", ids(got), err)
	}
}

func testSearchRussian(t *testing.T, s storyline.Store) {
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("yo", "Пётр Толстой о ёлке", "Депутат рассказал про новогоднюю ёлку.", "ria.ru", "ru", day(0)),
		art("ye", "Петр и елка", "Текст про елку в Кремле.", "tass.ru", "ru", day(0)),
		art("moi", "Мои слова", "Это мои слова.", "x", "ru", day(0)),
		art("moy", "Мой дом", "Это мой дом.", "x", "ru", day(0)),
		art("peskov", "Заявление", "Дмитрий Песков заявил журналистам.", "x", "ru", day(0)),
		art("talks", "Итоги", "Стороны договорились на переговорах в Женеве.", "x", "ru", day(0)),
	}})
	tests := []struct {
		q    string
		want []string
	}{
		{"пётр", []string{"ye", "yo"}},
		{"петр", []string{"ye", "yo"}},
		{"ПЁТР", []string{"ye", "yo"}},
		{"ёлку", []string{"ye", "yo"}},
		{"елку", []string{"ye", "yo"}},
		// й is a letter of its own, not и with a mark.
		{"мой", []string{"moy"}},
		{"мои", []string{"moi"}},
		{"песков", []string{"peskov"}},
		{"Песк*", []string{"peskov"}},
		// Bare words match other forms of the word.
		{"переговоры", []string{"talks"}},
		{"Женева", []string{"talks"}},
		{"журналист", []string{"peskov"}},
		{`"переговоры"`, nil},
	}
	for _, tc := range tests {
		got := search(t, s, tc.q)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("search %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// testSearchHostileQueries feeds query syntax a person might type by
// accident, or on purpose: it must never fail.
func testSearchHostile(t *testing.T, s storyline.Store) {
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("a", "NEAR and OR", "title: text with (parens) and \"quotes\" and NOT words.", "x", "en", day(0)),
	}})
	for _, q := range []string{
		`"unbalanced`, `AND`, `OR NOT (`, `title:text`, `a*b`, `-words`, `NEAR(text quotes)`,
		`"`, `""`, `***`, `^text`, `text +`, `{title}: x`, `'single'`, `«ёлка»`, `a"b"c`,
		strings.Repeat("word ", 200), "\x00", `\"`, `text AND`,
	} {
		if _, err := s.Search(context.Background(), q, 5); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
		if _, err := s.Stories(context.Background(), storyline.StoryFilter{Query: q}); err != nil {
			t.Errorf("stories query %q: %v", q, err)
		}
	}
	// Operators are words: "NOT words" finds the article.
	if got := search(t, s, "NOT words"); !slices.Equal(got, []string{"a"}) {
		t.Errorf("search NOT words = %v", got)
	}
	if got := search(t, s, "title:text"); !slices.Equal(got, []string{"a"}) {
		t.Errorf("search title:text = %v", got)
	}
}

// textReader is the lean read a store may offer beside Article
// (copies.TextSource).
type textReader interface {
	ArticleText(ctx context.Context, id string) (string, storyline.Published, error)
}

// testArticleText: a store's lean read gives what Article gives of the
// text and publication time, the latest version's, and ErrNotFound for an
// unknown id.
func testArticleText(t *testing.T, s storyline.Store) {
	tr, ok := s.(textReader)
	if !ok {
		t.Skip("the store has no ArticleText")
	}
	ctx := context.Background()
	commit(t, s, storyline.Batch{Articles: []storyline.Article{
		art("a", "t", "First text.", "tass.ru", "ru", at(1, 10)),
		art("b", "t", "Undated text.", "bbc.com", "en", storyline.Published{}),
	}})
	changed := art("a", "t", "Second text, changed.", "tass.ru", "ru", day(2))
	commit(t, s, storyline.Batch{Articles: []storyline.Article{changed}})
	for _, id := range []string{"a", "b"} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		text, pub, err := tr.ArticleText(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if text != a.Text || !pub.Time.Equal(a.Published.Time) || pub.HasTime != a.Published.HasTime {
			t.Errorf("%s: ArticleText %q %v, Article %q %v", id, text, pub, a.Text, a.Published)
		}
	}
	if text, _, _ := tr.ArticleText(ctx, "a"); text != "Second text, changed." {
		t.Errorf("a: %q, want the latest version", text)
	}
	if _, _, err := tr.ArticleText(ctx, "zz"); !errors.Is(err, storyline.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}
