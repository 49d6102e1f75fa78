package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
)

func (a *app) storiesCmd() *cobra.Command {
	var (
		asJSON       bool
		since, until string
		f            storyline.StoryFilter
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories, most recently active first, with their events",
		Example: `  storyline stories
  storyline stories --since 2021-12-01 --until 2021-12-31 --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if f.Since, f.Until, err = parseRange(since, until); err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			stories, err := st.Stories(ctx, f)
			if err != nil {
				return err
			}
			if asJSON {
				out := newJSONLines(a.stdout)
				for _, s := range stories {
					if err := out.write(s); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			for _, s := range stories {
				fmt.Fprintf(tw, "%s\t%s\t%d events\t%d articles\t%s\n", s.ID, span(s.FirstPublished, s.LastPublished),
					len(s.Events), len(s.Articles), clip(s.Title, 80))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().StringVar(&since, "since", "", "only stories active on or after `DATE` (YYYY-MM-DD)")
	cmd.Flags().StringVar(&until, "until", "", "only stories begun on or before `DATE`")
	cmd.Flags().StringVar(&f.Query, "query", "", "only stories whose articles match this full-text `QUERY`")
	cmd.Flags().StringVar(&f.Source, "source", "", "only stories with an article from this outlet")
	cmd.Flags().StringVar(&f.Entity, "entity", "", "only stories mentioning this entity")
	cmd.Flags().StringVar(&f.Lang, "lang", "", "only stories with articles in this language")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most N stories (0: all)")
	return cmd
}

// storyView is `story ID --json`: the story, and with --why every
// article's assignment and its explanation.
type storyView struct {
	storyline.Story
	Assignments []storyline.Assignment `json:"assignments,omitempty"`
}

func (a *app) storyCmd() *cobra.Command {
	var asJSON, why bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its events and articles, and with --why why each article is there",
		Example: `  storyline story s1
  storyline story s1 --why
  storyline story s1 --why --json`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, ids []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Story(ctx, ids[0])
			if errors.Is(err, storyline.ErrNotFound) {
				return fmt.Errorf("no story %q", ids[0])
			}
			if err != nil {
				return err
			}
			v := storyView{Story: s}
			titles := map[string]string{}
			dates := map[string]string{}
			for _, e := range s.Events {
				for _, id := range e.Articles {
					if why {
						as, err := st.Assignment(ctx, id)
						if err != nil && !errors.Is(err, storyline.ErrNotFound) {
							return err
						}
						if err == nil {
							v.Assignments = append(v.Assignments, as)
						}
					}
					if !asJSON {
						art, err := st.Article(ctx, id)
						if err != nil && !errors.Is(err, storyline.ErrNotFound) {
							return err
						}
						titles[id], dates[id] = art.Title, art.Published.String()
					}
				}
			}
			if asJSON {
				return newJSONLines(a.stdout).write(v)
			}
			printStoryWhy(a.stdout, v, titles, dates)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	cmd.Flags().BoolVar(&why, "why", false, "explain each article's assignment")
	return cmd
}

// span formats a first-last publication range.
func span(first, last storyline.Published) string {
	f, l := first.String(), last.String()
	switch {
	case f == "" && l == "":
		return "-"
	case f == l || l == "":
		return f
	case f == "":
		return l
	}
	return f + " … " + l
}

func printStoryWhy(w io.Writer, v storyView, titles, dates map[string]string) {
	fmt.Fprintf(w, "%s\n%s\n\n", v.Title, strings.Repeat("=", min(utf8.RuneCountInString(v.Title), 80)))
	fmt.Fprintf(w, "id:        %s\npublished: %s\narticles:  %d in %d events\n", v.ID, span(v.FirstPublished, v.LastPublished), len(v.Articles), len(v.Events))
	whys := map[string]storyline.Assignment{}
	for _, as := range v.Assignments {
		whys[as.Article] = as
	}
	for _, e := range v.Events {
		fmt.Fprintf(w, "\nEvent %s: %s (%s, %s)\n", e.ID, clip(e.Title, 70), span(e.FirstPublished, e.LastPublished), nArticles(len(e.Articles)))
		for _, id := range e.Articles {
			fmt.Fprintf(w, "  %-12s %-10s %s\n", id, orDash(dates[id]), clip(titles[id], 70))
			if as, ok := whys[id]; ok && as.Why != nil {
				fmt.Fprintf(w, "      why: %s\n", whyWords(as.Why))
			}
		}
	}
}

// whyWords says in one line why an article is where it is.
func whyWords(y *storyline.Why) string {
	var parts []string
	switch {
	case y.NewEvent && y.NewStory:
		parts = append(parts, "opened the event and the story")
	case y.NewEvent:
		parts = append(parts, fmt.Sprintf("opened the event; joined the story at similarity %.2f", y.Similarity))
	default:
		parts = append(parts, fmt.Sprintf("joined at similarity %.2f", y.Similarity))
	}
	if len(y.Copies) > 0 {
		parts = append(parts, "copies "+strings.Join(y.Copies, ", "))
	}
	if len(y.Entities) > 0 {
		parts = append(parts, "names "+strings.Join(y.Entities, ", "))
	}
	if len(y.Terms) > 0 {
		parts = append(parts, "terms "+strings.Join(y.Terms, ", "))
	}
	return strings.Join(parts, "; ")
}

// nArticles says how many articles, in words: "1 article", "12 articles".
func nArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}
