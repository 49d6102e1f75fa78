package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/bench"
	"github.com/storyline-news/storyline/pipeline"
)

func (a *app) benchCmd() *cobra.Command {
	var (
		opts    bench.Options
		quiet   bool
		asJSON  bool
		without []string
	)
	cmd := &cobra.Command{
		Use:   "bench [--in FILE | --articles N]",
		Short: "Measure the whole pipeline: throughput per stage, memory and quality",
		Long: `Bench runs the whole pipeline (ingest, cleaning, reading, copies,
clustering, statements, store) over a stream with ground truth and reports
the time and throughput of each stage, articles per second end to end, the
peak resident memory, and quality against the truth: events and stories
(pairwise and B-cubed), copy pairs (overall and by kind) and quotes with
their speakers.

The stream is a file written by 'storyline gen' (--in), or --articles
generated on the fly with --seed and streamed straight into the pipeline,
never held whole in memory or on disk. The store is SQLite in a temporary
directory (removed afterwards) unless --store memory or --keep-db.

Quality reads the store back: every article up to --eval-max articles,
beyond that every k-th article in stream order (the output says so).

True copy pairs are a copy with its original, and two duplicates or
near-duplicates of one original (both carry most of its text). A pair of a
partial copy and another copy of its original is not judged: they share
text only if the paragraphs the partial copy took survive in the other, so
such pairs are left out of both sides of the score and counted apart.

The last line of output is one JSON object with every figure (only that
line with --json).`,
		Example: `  storyline bench --articles 20000
  storyline bench --in news.jsonl --store memory
  storyline bench --articles 100000 --cpuprofile cpu.pprof && go tool pprof -top cpu.pprof`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (opts.In == "") == (opts.Articles <= 0) {
				return usageError{errors.New("bench needs --in FILE or --articles N (one of them)")}
			}
			if opts.Store != "sqlite" && opts.Store != "memory" {
				return usageError{fmt.Errorf("--store %q: want sqlite or memory", opts.Store)}
			}
			if !quiet && !asJSON {
				last := time.Now()
				opts.Progress = func(p bench.Progress) {
					if time.Since(last) < 5*time.Second {
						return
					}
					last = time.Now()
					fmt.Fprintf(a.stderr, "bench: %d articles in %.0fs, %.0f articles/s\n",
						p.Articles, p.Elapsed.Seconds(), float64(p.Articles)/p.Elapsed.Seconds())
				}
			}
			config, err := withoutStages(without)
			if err != nil {
				return err
			}
			r, err := bench.Run(cmd.Context(), opts, config)
			if err != nil {
				return err
			}
			if !asJSON {
				if err := bench.WriteTable(a.stdout, r); err != nil {
					return err
				}
			}
			return newJSONLines(a.stdout).write(r)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.In, "in", "", "JSON Lines `FILE` with ground truth, as 'storyline gen' writes (.gz accepted)")
	f.IntVar(&opts.Articles, "articles", 0, "generate `N` articles on the fly instead of reading a file")
	f.Int64Var(&opts.Seed, "seed", 1, "generator seed for --articles")
	f.StringVar(&opts.Store, "store", "sqlite", "store to write to: sqlite (temporary database) or memory")
	f.StringVar(&opts.DBPath, "keep-db", "", "write the SQLite database to `FILE` and keep it")
	f.IntVar(&opts.BatchSize, "batch", 0, "articles per commit (0: the pipeline's default)")
	f.IntVar(&opts.IngestWorkers, "ingest-workers", 0, "goroutines parsing input (0: inline, as ingest does)")
	f.IntVar(&opts.EvalMax, "eval-max", bench.DefaultEvalMax, "evaluate at most about `N` articles; sample beyond")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of the pipeline run to `FILE`")
	f.StringVar(&opts.MemProfile, "memprofile", "", "write a heap profile at the end of the run to `FILE`")
	f.StringSliceVar(&without, "without", nil, "leave these stages out, to see what they cost: clean, reclean, read, copies, cluster, statements")
	f.BoolVar(&asJSON, "json", false, "print only the JSON line")
	f.BoolVarP(&quiet, "quiet", "q", false, "no progress output")
	return cmd
}

// withoutStages returns the CLI's stages with the named ones left out.
func withoutStages(names []string) (func(storyline.Store) pipeline.Config, error) {
	drop := map[string]bool{}
	for _, n := range names {
		switch n {
		case "clean", "reclean", "read", "copies", "cluster", "statements":
			drop[n] = true
		default:
			return nil, usageError{fmt.Errorf("--without %q: want clean, reclean, read, copies, cluster or statements", n)}
		}
	}
	return func(st storyline.Store) pipeline.Config {
		c := stages(st)
		if drop["clean"] {
			c.Cleaner, c.Recleaner = nil, nil
		}
		if drop["reclean"] {
			c.Recleaner = nil
		}
		if drop["read"] {
			c.Reader, c.Citations = nil, nil
		}
		if drop["copies"] {
			c.Copies, c.PrepareCopies = nil, nil
		}
		if drop["cluster"] {
			c.Clusterer, c.Prepare = nil, nil
		}
		if drop["statements"] {
			c.Statements = nil
		}
		return c
	}, nil
}
