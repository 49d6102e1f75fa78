package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
)

func (a *app) ingestCmd() *cobra.Command {
	var (
		maxSize   int64
		batchSize int
		asJSON    bool
		quiet     bool
		source    string
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, folders, globs or stdin (-) into the database",
		Long: `Ingest reads articles and stores them with everything Storyline finds in
them. PATH may be a file, a folder (read recursively), a glob, or - for
JSON Lines on standard input. Formats are known by extension and by content:
plain text, HTML, JSON Lines (.jsonl, .ndjson, also .gz), RSS/Atom, WARC.

Re-ingesting the same input changes nothing. Bad input (unreadable, binary,
invalid UTF-8, empty, malformed JSON, over --max-size) is skipped with one
line naming it; the rest goes on. Exit status 1 when anything was skipped.`,
		Example: `  storyline ingest ../shared/examples/articles
  storyline --db news.db ingest 'feeds/*.xml' crawl.warc.gz
  zcat dump.jsonl.gz | storyline ingest -`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, paths []string) error {
			if maxSize <= 0 || maxSize > ingest.MaxInputSize {
				return usageError{fmt.Errorf("--max-size must be positive and below 2 GiB (%d bytes)", ingest.MaxInputSize+1)}
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.newPipeline(ctx, st)
			if err != nil {
				return err
			}
			var sourceFor func(string) string
			if source != "" {
				sourceFor = func(string) string { return source }
			}
			r, err := a.ingestPaths(ctx, p, paths, ingestRun{
				opts: ingest.Options{MaxSize: maxSize, Stdin: a.stdin}, batchSize: batchSize, quiet: quiet, sourceFor: sourceFor,
			})
			if asJSON {
				if werr := newJSONLines(a.stdout).write(ingestSummary(r)); werr != nil && err == nil {
					err = werr
				}
			} else {
				fmt.Fprintln(a.stdout, summaryLine(r))
			}
			if err != nil {
				return err
			}
			if r.Skipped > 0 {
				return errSkipped
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&maxSize, "max-size", 50<<20, "largest input file or article in bytes")
	cmd.Flags().IntVar(&batchSize, "batch", pipeline.DefaultBatchSize, "articles per commit")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as one JSON line")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress output")
	cmd.Flags().StringVar(&source, "source", "", "outlet of articles whose input names none (a folder scraped from one site)")
	return cmd
}

// ingestRun tunes one ingestPaths call.
type ingestRun struct {
	opts      ingest.Options
	batchSize int
	quiet     bool
	// sourceFor, when set, names the outlet of an article read from path
	// whose input names none.
	sourceFor func(path string) string
}

// ingestPaths expands paths and feeds every input through p, showing
// progress on stderr: a bar on a terminal, plain periodic lines otherwise.
func (a *app) ingestPaths(ctx context.Context, p *pipeline.Pipeline, paths []string, run ingestRun) (pipeline.Report, error) {
	inputs, skips := ingest.Expand(ctx, paths)
	for _, s := range skips {
		fmt.Fprintln(a.stderr, "skipped:", s)
	}
	var total int64
	for _, in := range inputs {
		total += max(in.Size, 0) // stdin's size is unknown (-1)
	}
	prog := a.newProgress(total, run.quiet)
	opts := run.opts
	if opts.Workers == 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	items := func(yield func(ingest.Item) bool) {
		cur := 0
		for i, it := range ingest.ReadInputs(ctx, inputs, opts) {
			for ; cur < i; cur++ {
				prog.addBytes(max(inputs[cur].Size, 0))
			}
			if it.Skip == nil && it.Article.Source == "" && run.sourceFor != nil {
				it.Article.Source = run.sourceFor(inputs[i].Path)
			}
			if !yield(it) {
				return
			}
		}
		for ; cur < len(inputs); cur++ {
			prog.addBytes(max(inputs[cur].Size, 0))
		}
	}
	r, err := p.Feed(ctx, iter.Seq[ingest.Item](items), pipeline.FeedOptions{
		BatchSize: run.batchSize,
		OnSkip: func(s ingest.Skip) {
			prog.clear()
			fmt.Fprintln(a.stderr, "skipped:", s)
		},
		OnBatch: prog.report,
	})
	prog.finish()
	r.Skipped += len(skips)
	r.Skips = append(skips, r.Skips...)
	return r, err
}

// progress shows how far an ingest has come.
type progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar // on a terminal
	plain io.Writer                // otherwise
	last  time.Time
	done  int64
	total int64
}

func (a *app) newProgress(total int64, quiet bool) *progress {
	p := &progress{total: total}
	switch {
	case quiet:
	case a.isTerminal(a.stderr):
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	default:
		p.plain = a.stderr
		p.last = time.Now()
	}
	return p
}

func (p *progress) addBytes(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if p.bar != nil {
		_ = p.bar.Add64(n)
	}
}

func (p *progress) report(r pipeline.Report) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.plain == nil || time.Since(p.last) < 2*time.Second {
		return
	}
	p.last = time.Now()
	pct := 100.0
	if p.total > 0 {
		pct = 100 * float64(p.done) / float64(p.total)
	}
	fmt.Fprintf(p.plain, "ingest: %d articles (%d added, %d unchanged, %d skipped), %.0f%% of input, %.0f articles/s\n",
		r.Articles, r.Added, r.Unchanged, r.Skipped, pct, r.Rate())
}

func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// ingestSummaryJSON is the --json summary of an ingest.
type ingestSummaryJSON struct {
	pipeline.Counts
	Articles      int      `json:"articles"`
	Skipped       int      `json:"skipped"`
	SkippedInputs []string `json:"skipped_inputs"`
	Seconds       float64  `json:"seconds"`
	PerSecond     float64  `json:"articles_per_sec"`
}

func ingestSummary(r pipeline.Report) ingestSummaryJSON {
	s := ingestSummaryJSON{Counts: r.Counts, Articles: r.Articles, Skipped: r.Skipped,
		Seconds: r.Elapsed.Seconds(), PerSecond: r.Rate(), SkippedInputs: []string{}}
	for _, k := range r.Skips {
		s.SkippedInputs = append(s.SkippedInputs, k.String())
	}
	return s
}

func summaryLine(r pipeline.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ingested %d articles in %.2fs (%.0f/s): %d added, %d updated, %d unchanged, %d skipped",
		r.Articles, r.Elapsed.Seconds(), r.Rate(), r.Added, r.Updated, r.Unchanged, r.Skipped)
	if r.Copies > 0 || r.Assignments > 0 || r.Quotes > 0 {
		fmt.Fprintf(&b, "; %d copies, %d quotes, %d new events, %d new stories", r.Copies, r.Quotes, r.NewEvents, r.NewStories)
	}
	return b.String()
}
