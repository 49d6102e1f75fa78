package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
)

// quotesCmd is `storyline quotes`: who said what, with the statement each
// quote renders.
func (a *app) quotesCmd() *cobra.Command {
	var (
		asJSON bool
		f      storyline.QuoteFilter
	)
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes with their speakers and statements",
		Long: `List the direct and indirect quotes found in stored articles, in publication
order. Offsets are code points into the article's clean text; speaker_start
and speaker_end mark the mention the cue attaches to (possibly a pronoun or
a role), speaker is the resolved name, statement groups quotes that are one
statement across articles.`,
		Example: `  storyline quotes --speaker Peskov
  storyline quotes --story S1 --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.Limit < 0 {
				return usageError{errors.New("--limit must not be negative")}
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			// --speaker matches the full name or any part of it ("Peskov"
			// finds "Dmitry Peskov"), so the store lists and we filter
			want := f
			want.Speaker, want.Limit = "", 0
			qs, err := st.Quotes(ctx, want)
			if err != nil {
				return fmt.Errorf("list quotes: %w", err)
			}
			if f.Speaker != "" {
				kept := qs[:0]
				for _, q := range qs {
					if speakerMatches(q.Speaker, f.Speaker) {
						kept = append(kept, q)
					}
				}
				qs = kept
			}
			if f.Limit > 0 && len(qs) > f.Limit {
				qs = qs[:f.Limit]
			}
			if asJSON {
				out := newJSONLines(a.stdout)
				for _, q := range qs {
					if err := out.write(q); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			for _, q := range qs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", q.Article, orDash(q.Speaker), q.Kind, orDash(q.Statement), clip(q.Text, 80))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().StringVar(&f.Speaker, "speaker", "", "only quotes whose resolved speaker is `NAME` (case-insensitive)")
	cmd.Flags().StringVar(&f.Story, "story", "", "only quotes from the articles of story `ID`")
	cmd.Flags().StringVar(&f.Article, "article", "", "only quotes from article `ID`")
	cmd.Flags().StringVar(&f.Statement, "statement", "", "only quotes of statement `ID`")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most N quotes (0: all)")
	return cmd
}

// speakerMatches reports whether a quote's speaker is the one asked for:
// the same name, or a name holding every word asked for, ignoring case.
func speakerMatches(speaker, asked string) bool {
	if strings.EqualFold(speaker, asked) {
		return true
	}
	words := strings.Fields(strings.ToLower(speaker))
	for _, w := range strings.Fields(strings.ToLower(asked)) {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return len(words) > 0 && strings.TrimSpace(asked) != ""
}

// entitiesCmd is `storyline entities`: the people, organisations and
// places stored articles mention, most mentioned first.
func (a *app) entitiesCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the people, organisations and places articles mention",
		Example: `  storyline entities
  storyline entities --limit 20 --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return usageError{errors.New("--limit must not be negative")}
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			es, err := st.Entities(ctx, limit)
			if err != nil {
				return fmt.Errorf("list entities: %w", err)
			}
			if asJSON {
				out := newJSONLines(a.stdout)
				for _, e := range es {
					if err := out.write(e); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "NAME\tKIND\tARTICLES\tMENTIONS\n")
			for _, e := range es {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", e.Name, e.Kind, e.Articles, e.Mentions)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most N entities (0: all)")
	return cmd
}
