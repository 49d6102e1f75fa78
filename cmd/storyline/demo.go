package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/corpus"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
)

func (a *app) demoCmd() *cobra.Command {
	var (
		asJSON bool
		srv    bool
		so     serveOptions
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the built-in sample corpus and show what Storyline finds",
		Long: `Demo ingests the sample corpus built into the binary (about forty short
articles from invented outlets: developing stories, agency copies, quotes,
boilerplate, some Russian) into a fresh database — a temporary one unless
--db is given — and prints the stories it found. With --serve it then
serves them in the web UI and the HTTP API until interrupted.`,
		Example: `  storyline demo
  storyline demo --serve --addr 127.0.0.1:8080`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			tmp, err := os.MkdirTemp("", "storyline-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			defer os.RemoveAll(tmp)
			if !cmd.Flags().Changed("db") {
				a.dbPath = filepath.Join(tmp, "demo.db")
			}
			dir := filepath.Join(tmp, "corpus")
			if err := os.CopyFS(dir, corpus.FS()); err != nil {
				return fmt.Errorf("demo: unpack the sample corpus: %w", err)
			}
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.newPipeline(ctx, st)
			if err != nil {
				return err
			}
			// The corpus keeps each outlet's files in a folder named after it,
			// as scraped collections usually are.
			r, err := a.ingestPaths(ctx, p, []string{dir}, ingestRun{
				opts: ingest.Options{}, batchSize: pipeline.DefaultBatchSize, quiet: true,
				sourceFor: func(path string) string {
					if rel, err := filepath.Rel(dir, filepath.Dir(path)); err == nil && rel != "." {
						return strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
					}
					return ""
				},
			})
			if err != nil {
				return err
			}
			if !asJSON {
				fmt.Fprintf(a.stdout, "Sample corpus: %s\n\n", summaryLine(r))
			}
			if err := a.showFindings(ctx, st, asJSON); err != nil {
				return err
			}
			if srv {
				return a.serve(ctx, st, so)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the stories (or articles) as JSON Lines")
	cmd.Flags().BoolVar(&srv, "serve", false, "then serve the web UI and API over HTTP")
	so.register(cmd)
	return cmd
}

// showFindings prints the stories in st, or its articles while no story
// exists yet.
func (a *app) showFindings(ctx context.Context, st storyline.Store, asJSON bool) error {
	stories, err := st.Stories(ctx, storyline.StoryFilter{})
	if err != nil {
		return err
	}
	out := newJSONLines(a.stdout)
	if len(stories) == 0 {
		rows := a.articleRows(asJSON)
		for art, err := range st.Articles(ctx, storyline.ArticleFilter{}) {
			if err != nil {
				return err
			}
			if err := rows.add(art); err != nil {
				return err
			}
		}
		return rows.flush()
	}
	for _, s := range stories {
		if asJSON {
			if err := out.write(s); err != nil {
				return err
			}
			continue
		}
		printStory(a.stdout, s)
	}
	return nil
}

// printStory prints a story with its events as an indented outline.
func printStory(w io.Writer, s storyline.Story) {
	fmt.Fprintf(w, "%s  %s  (%s, %s)\n", s.ID, s.Title, span(s.FirstPublished, s.LastPublished), nArticles(len(s.Articles)))
	for _, e := range s.Events {
		fmt.Fprintf(w, "  %s  %s  %s  (%s)\n", e.ID, orDash(e.FirstPublished.String()), clip(e.Title, 70), nArticles(len(e.Articles)))
	}
	fmt.Fprintln(w)
}
