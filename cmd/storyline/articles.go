package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
)

func (a *app) articlesCmd() *cobra.Command {
	var (
		asJSON       bool
		since, until string
		f            storyline.ArticleFilter
	)
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles in publication order",
		Example: `  storyline articles
  storyline articles --since 2021-12-01 --lang ru --json`,
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
			rows := a.articleRows(asJSON)
			for art, err := range st.Articles(ctx, f) {
				if err != nil {
					return err
				}
				if err := rows.add(art); err != nil {
					return err
				}
			}
			return rows.flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().StringVar(&since, "since", "", "only articles published on or after `DATE` (YYYY-MM-DD)")
	cmd.Flags().StringVar(&until, "until", "", "only articles published on or before `DATE`")
	cmd.Flags().StringVar(&f.Source, "source", "", "only articles from this outlet")
	cmd.Flags().StringVar(&f.Lang, "lang", "", "only articles in this language (en, ru, und)")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most N articles (0: all)")
	return cmd
}

// articleView is `article ID --json`: the article with what later stages
// found about it.
type articleView struct {
	storyline.Article
	Copies []storyline.Copy  `json:"copies"`
	Quotes []storyline.Quote `json:"quotes"`
	Event  string            `json:"event,omitempty"`
	Story  string            `json:"story,omitempty"`
	Why    *storyline.Why    `json:"why,omitempty"`
}

func (a *app) articleCmd() *cobra.Command {
	var asJSON, raw bool
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "Show one article: text, copies, cited sources, quotes, event and story",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, ids []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			art, err := st.Article(ctx, ids[0])
			if errors.Is(err, storyline.ErrNotFound) {
				return fmt.Errorf("no article %q", ids[0])
			}
			if err != nil {
				return err
			}
			if raw {
				_, err := a.stdout.Write(art.Raw)
				return err
			}
			v := articleView{Article: art, Copies: []storyline.Copy{}, Quotes: []storyline.Quote{}}
			if v.Copies, err = st.Copies(ctx, storyline.CopyFilter{Article: art.ID}); err != nil {
				return err
			}
			if v.Quotes, err = st.Quotes(ctx, storyline.QuoteFilter{Article: art.ID}); err != nil {
				return err
			}
			if as, err := st.Assignment(ctx, art.ID); err == nil {
				v.Event, v.Story, v.Why = as.Event, as.Story, as.Why
			} else if !errors.Is(err, storyline.ErrNotFound) {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(v)
			}
			printArticle(a.stdout, v)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	cmd.Flags().BoolVar(&raw, "raw", false, "print the raw input as it was read")
	return cmd
}

func printArticle(w io.Writer, v articleView) {
	fmt.Fprintf(w, "%s\n%s\n\n", v.Title, strings.Repeat("=", min(utf8.RuneCountInString(v.Title), 80)))
	fmt.Fprintf(w, "id:        %s\npublished: %s\nsource:    %s\nlang:      %s\n", v.ID, orDash(v.Published.String()), orDash(v.Source), orDash(v.Lang))
	if v.URL != "" {
		fmt.Fprintf(w, "url:       %s\n", v.URL)
	}
	if v.Story != "" {
		fmt.Fprintf(w, "story:     %s (event %s)\n", v.Story, v.Event)
	}
	fmt.Fprintf(w, "\n%s\n", v.Text)
	if len(v.Cited) > 0 {
		fmt.Fprintf(w, "\nCited sources:\n")
		for _, c := range v.Cited {
			fmt.Fprintf(w, "  %s (%q)\n", c.Source, c.Text)
		}
	}
	if len(v.Copies) > 0 {
		fmt.Fprintf(w, "\nShares text with:\n")
		for _, c := range v.Copies {
			other, share := c.B, c.AShare
			if other == v.ID {
				other, share = c.A, c.BShare
			}
			fmt.Fprintf(w, "  %s  %s, %.0f%% of this article, %d passages, %s\n", other, c.Kind, 100*share, len(c.Passages), directionWords(c, v.ID))
		}
	}
	if len(v.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes:\n")
		for _, q := range v.Quotes {
			fmt.Fprintf(w, "  %s: %q (%s)\n", orDash(q.Speaker), clip(q.Text, 100), q.Kind)
		}
	}
	if len(v.Entities) > 0 {
		fmt.Fprintf(w, "\nEntities:\n")
		for _, e := range v.Entities {
			fmt.Fprintf(w, "  %s (%s, %d mentions)\n", e.Name, e.Kind, len(e.Mentions))
		}
	}
}

// directionWords says which way a copy went, from the point of view of id.
func directionWords(c storyline.Copy, id string) string {
	switch {
	case c.Direction == storyline.UnknownDirection || c.Direction == "":
		return "direction unknown"
	case (c.Direction == storyline.AToB) == (c.A == id):
		return "this is the earlier"
	default:
		return "this is the later"
	}
}

func (a *app) searchCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over titles and texts (English and Russian)",
		Example: `  storyline search "red lines"
  storyline search Песков --json`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, words []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			found, err := st.Search(ctx, strings.Join(words, " "), limit)
			if err != nil {
				return err
			}
			rows := a.articleRows(asJSON)
			for _, art := range found {
				if err := rows.add(art); err != nil {
					return err
				}
			}
			return rows.flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 20, "at most N results")
	return cmd
}

func (a *app) statsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Summarise what the database holds",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(s)
			}
			fmt.Fprintf(a.stdout, "articles:  %d from %d sources\n", s.Articles, s.Sources)
			if !s.First.IsZero() {
				fmt.Fprintf(a.stdout, "published: %s to %s\n", s.First, s.Last)
			}
			fmt.Fprintf(a.stdout, "languages: %s\nformats:   %s\n", tally(s.ByLang), tally(s.ByFormat))
			for _, k := range sortedKeys(s.Counts) {
				fmt.Fprintf(a.stdout, "%-10s %d\n", k+":", s.Counts[k])
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}
