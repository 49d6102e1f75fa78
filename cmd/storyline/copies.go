package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/copies"
)

// copiesCmd lists the pairs of stored articles that share text.
func (a *app) copiesCmd() *cobra.Command {
	var (
		asJSON, passages, origin bool
		kinds                    []string
		f                        storyline.CopyFilter
	)
	cmd := &cobra.Command{
		Use:   "copies",
		Short: "List pairs of articles that share text, with the shared passages",
		Long: `List pairs of stored articles that share text: duplicates (the same
normalized text), near-duplicates (almost all text shared) and partial copies
(passages shared inside otherwise different articles). Each pair gives the
share of each article reused, the direction of the copy (from the earlier
publication to the later, "unknown" when the times do not order them) and the
passages as code point offsets into each article's clean text.`,
		Example: `  storyline copies
  storyline copies --article 001_2fcba2174eb3bf7e --passages
  storyline copies --kind partial --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, k := range kinds {
				switch storyline.CopyKind(k) {
				case storyline.Duplicate, storyline.NearDuplicate, storyline.Partial:
					f.Kinds = append(f.Kinds, storyline.CopyKind(k))
				default:
					return usageError{fmt.Errorf("--kind %q: want duplicate, near_duplicate or partial", k)}
				}
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			if f.Article != "" {
				if _, err := st.Article(ctx, f.Article); errors.Is(err, storyline.ErrNotFound) {
					return fmt.Errorf("no article %q", f.Article)
				} else if err != nil {
					return err
				}
			}
			pairs, err := st.Copies(ctx, f)
			if err != nil {
				return err
			}
			if origin && f.Article != "" {
				o, err := articleOrigin(cmd, st, f.Article, pairs)
				if err != nil {
					return err
				}
				if asJSON {
					return newJSONLines(a.stdout).write(o)
				}
				printOrigin(a.stdout, f.Article, o)
				return nil
			}
			if asJSON {
				out := newJSONLines(a.stdout)
				for _, c := range pairs {
					if err := out.write(c); err != nil {
						return err
					}
				}
				return nil
			}
			printCopies(a.stdout, pairs, passages)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines, one pair a line")
	cmd.Flags().StringVar(&f.Article, "article", "", "only the pairs this article `ID` takes part in")
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "only pairs of these kinds (duplicate, near_duplicate, partial)")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most N pairs (0: all)")
	cmd.Flags().BoolVar(&passages, "passages", false, "print the shared passages under each pair")
	cmd.Flags().BoolVar(&origin, "original", false, "with --article: say which article is the likely original, and why")
	return cmd
}

// articleOrigin gathers what copies.Original needs about an article and
// its partners and judges the likely original.
func articleOrigin(cmd *cobra.Command, st storyline.Store, id string, pairs []storyline.Copy) (copies.Origin, error) {
	info := map[string]copies.ArticleInfo{}
	for _, want := range append([]string{id}, partners(id, pairs)...) {
		art, err := st.Article(cmd.Context(), want)
		if errors.Is(err, storyline.ErrNotFound) {
			continue
		}
		if err != nil {
			return copies.Origin{}, err
		}
		info[want] = copies.ArticleInfo{Published: art.Published, Source: art.Source, Cited: art.Cited}
	}
	return copies.Original(id, pairs, info), nil
}

func partners(id string, pairs []storyline.Copy) []string {
	var out []string
	for _, c := range pairs {
		if c.A == id {
			out = append(out, c.B)
		} else if c.B == id {
			out = append(out, c.A)
		}
	}
	return out
}

func printOrigin(w io.Writer, id string, o copies.Origin) {
	switch {
	case o.Article == "":
		fmt.Fprintf(w, "%s: likely original unknown\n", id)
	case o.Article == id:
		fmt.Fprintf(w, "%s: likely the original (%s confidence)\n", id, o.Confidence)
	default:
		fmt.Fprintf(w, "%s: likely original %s (%s confidence)\n", id, o.Article, o.Confidence)
	}
	for _, e := range o.Evidence {
		fmt.Fprintf(w, "  - %s\n", e)
	}
}

func printCopies(w io.Writer, pairs []storyline.Copy, passages bool) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "A\tB\tKIND\tSIMILARITY\tA SHARE\tB SHARE\tDIRECTION\tPASSAGES\n")
	for _, c := range pairs {
		quotes := 0
		for _, p := range c.Passages {
			if p.Quote {
				quotes++
			}
		}
		np := fmt.Sprint(len(c.Passages))
		if quotes > 0 {
			np += fmt.Sprintf(" (%d shared quotes)", quotes)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%.0f%%\t%.0f%%\t%s\t%s\n", c.A, c.B, c.Kind, c.Similarity, 100*c.AShare, 100*c.BShare, c.Direction, np)
		if passages {
			tw.Flush()
			for _, p := range c.Passages {
				label := "passage"
				if p.Quote {
					label = "shared quote"
				}
				fmt.Fprintf(w, "    %s A[%d:%d] B[%d:%d] %s\n", label, p.AStart, p.AEnd, p.BStart, p.BEnd, clip(strings.ReplaceAll(p.Text, "\n", " "), 100))
			}
		}
	}
	tw.Flush()
}
