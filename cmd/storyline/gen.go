package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/gen"
)

// genSummary is the --json summary of a gen run.
type genSummary struct {
	Out       string  `json:"out"`
	Pairs     string  `json:"pairs,omitempty"`
	Articles  int     `json:"articles"`
	Bytes     int64   `json:"bytes"`
	Copies    int     `json:"copies"`
	Russian   int     `json:"russian"`
	Events    int     `json:"events"`
	Stories   int     `json:"stories"`
	Seed      int64   `json:"seed"`
	Seconds   float64 `json:"seconds"`
	PerSecond float64 `json:"articles_per_sec"`
}

func (a *app) genCmd() *cobra.Command {
	var (
		opts   gen.Options
		out    string
		pairs  string
		start  string
		asJSON bool
		quiet  bool
	)
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write a deterministic stream of synthetic news with ground truth",
		Long: `Gen writes synthetic news articles as JSON Lines, gzip-compressed when the
file name ends in .gz. The same --articles and --seed always give the same
bytes.

Each line is an article in the common form {id, title, text, lang, date,
source, url} with its ground truth: cluster (the event), story, copy_of and
copy_kind (duplicate, near_duplicate, partial), quotes with speakers, and the
outlet's boilerplate paragraphs. Event sizes are heavy-tailed, publication is
bursty over months, about 5% of articles arrive days late, about 15% are in
Russian. The file scores a clustering directly:
python3 ../shared/tools/score_clusters.py FILE pred.jsonl.

--pairs also writes the true copy pairs {a, b, kind} for score_dups.py.`,
		Example: `  storyline gen --articles 10000 --seed 1 --out news.jsonl
  storyline gen --articles 1000000 --out big.jsonl.gz --pairs big-pairs.jsonl`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Articles <= 0 {
				return usageError{errors.New("--articles must be positive")}
			}
			if out == "" {
				return usageError{errors.New("gen needs --out FILE (or - for standard output)")}
			}
			if start != "" {
				t, err := time.Parse(time.DateOnly, start)
				if err != nil {
					return usageError{fmt.Errorf("--start: want YYYY-MM-DD: %w", err)}
				}
				opts.Start = t
			}
			if opts.Days < 0 {
				return usageError{errors.New("--days must be positive")}
			}
			ctx := cmd.Context()
			prog := a.newGenProgress(int64(opts.Articles), quiet || out == "-")
			opts.Progress = prog.report
			opts.ProgressEvery = 1000
			began := time.Now()
			var st gen.Stats
			var err error
			if out == "-" {
				w := bufio.NewWriter(a.stdout)
				st, err = gen.WriteJSONL(ctx, w, opts)
				if ferr := w.Flush(); err == nil && ferr != nil {
					err = fmt.Errorf("gen: write: %w", ferr)
				}
			} else {
				st, err = gen.WriteFile(ctx, out, opts)
			}
			prog.finish()
			elapsed := time.Since(began)
			if err != nil {
				return err
			}
			if pairs != "" {
				if err := writePairsFile(ctx, pairs, opts); err != nil {
					return err
				}
			}
			s := genSummary{Out: out, Pairs: pairs, Articles: st.Articles, Bytes: st.Bytes, Copies: st.Copies,
				Russian: st.Russian, Events: st.Events, Stories: st.Stories, Seed: opts.Seed,
				Seconds: elapsed.Seconds(), PerSecond: float64(st.Articles) / max(elapsed.Seconds(), 1e-9)}
			summary := a.stdout
			if out == "-" {
				summary = a.stderr // stdout carries the articles
			}
			if asJSON {
				return newJSONLines(summary).write(s)
			}
			fmt.Fprintf(summary, "wrote %d articles (%d events, %d stories, %d copies, %d in Russian, %.1f MB) to %s in %.1fs, %.0f articles/s\n",
				s.Articles, s.Events, s.Stories, s.Copies, s.Russian, float64(s.Bytes)/1e6, out, s.Seconds, s.PerSecond)
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Articles, "articles", 10000, "how many articles to write")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed: the same seed gives the same stream")
	cmd.Flags().StringVar(&out, "out", "", "output `FILE` (.jsonl, .jsonl.gz, or - for stdout)")
	cmd.Flags().StringVar(&pairs, "pairs", "", "also write the true copy pairs to `FILE` (for score_dups.py)")
	cmd.Flags().StringVar(&start, "start", "", "day the first event happens (YYYY-MM-DD; default 2025-01-06)")
	cmd.Flags().IntVar(&opts.Days, "days", 180, "days over which events happen")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as one JSON line")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress output")
	return cmd
}

func writePairsFile(ctx context.Context, path string, opts gen.Options) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("gen: close %s: %w", path, cerr)
		}
	}()
	opts.Progress = nil
	return gen.WritePairs(ctx, f, opts)
}

// genProgress shows how far a gen run has come: a bar on a terminal, a
// plain line every two seconds otherwise.
type genProgress struct {
	bar   *progressbar.ProgressBar
	plain io.Writer
	began time.Time
	last  time.Time
	total int64
	done  int64
}

func (a *app) newGenProgress(total int64, quiet bool) *genProgress {
	p := &genProgress{total: total, began: time.Now(), last: time.Now()}
	switch {
	case quiet:
	case a.isTerminal(a.stderr):
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("gen"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	default:
		p.plain = a.stderr
	}
	return p
}

func (p *genProgress) report(n int) {
	if p.bar != nil {
		_ = p.bar.Add64(int64(n) - p.done)
	}
	p.done = int64(n)
	if p.plain == nil || time.Since(p.last) < 2*time.Second {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.plain, "gen: %d of %d articles (%.0f%%), %.0f articles/s\n",
		n, p.total, 100*float64(n)/float64(max(p.total, 1)), float64(n)/time.Since(p.began).Seconds())
}

func (p *genProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
