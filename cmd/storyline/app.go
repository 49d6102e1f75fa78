package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Exit statuses, as scripts rely on them.
const (
	exitOK      = 0
	exitSkipped = 1 // some input was skipped; the rest was done
	exitUsage   = 2 // the command line was wrong
	exitFailed  = 1 // the command failed
)

// usageError marks an error in the command line (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errSkipped reports that the command finished but skipped some input.
var errSkipped = errors.New("some input was skipped")

// app is what every command shares: the streams, the database path and the
// wiring of stores and pipelines.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
	log            *slog.Logger
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSkipped):
		return exitSkipped
	case isUsage(err):
		fmt.Fprintf(stderr, "storyline: %v\nRun 'storyline --help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "storyline: %v\n", err)
		return exitFailed
	}
}

func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	// cobra reports unknown commands and flags with these words.
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag") || strings.Contains(msg, "flag needs an argument")
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn a flood of news articles into stories you can follow",
		Long: `Storyline ingests news articles (text, HTML, JSON Lines, RSS/Atom, WARC),
extracts and cleans them, finds copies and shared passages, reads who said
what, and groups articles into events and events into stories.

Data lives in an embedded SQLite database: --db, or $STORYLINE_DB, or
./storyline.db.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			level := slog.LevelWarn
			if v, _ := cmd.Flags().GetBool("verbose"); v {
				level = slog.LevelDebug
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
		},
	}
	defaultDB := os.Getenv("STORYLINE_DB")
	if defaultDB == "" {
		defaultDB = "storyline.db"
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", defaultDB, "database file (env STORYLINE_DB)")
	root.PersistentFlags().BoolP("verbose", "v", false, "log what happens")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		// One constructor per command; each lives in its own file.
		a.ingestCmd(),
		a.articlesCmd(),
		a.articleCmd(),
		a.searchCmd(),
		a.statsCmd(),
		a.demoCmd(),
		a.clusterCmd(),
		// Commands of later stages are listed below, one a line.
		a.genCmd(),
		a.copiesCmd(),
		a.storiesCmd(),
		a.storyCmd(),
		a.quotesCmd(),
		a.entitiesCmd(),
		a.serveCmd(),
		a.benchCmd(),
	)
	return root
}

// args wraps a cobra argument validator so that its errors are usage errors.
func args(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// openStore opens the database named by --db.
func (a *app) openStore(ctx context.Context) (storyline.Store, error) {
	st, err := sqlite.Open(ctx, a.dbPath)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", a.dbPath, err)
	}
	return st, nil
}

// newPipeline wires every available stage over st.
func (a *app) newPipeline(ctx context.Context, st storyline.Store) (*pipeline.Pipeline, error) {
	return pipeline.New(ctx, stages(st))
}

// stdoutIsTerminal reports whether output goes to a person.
func (a *app) isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// jsonLines writes values as JSON Lines: one compact object a line, HTML
// characters not escaped.
type jsonLines struct{ enc *json.Encoder }

func newJSONLines(w io.Writer) jsonLines {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return jsonLines{enc}
}

func (j jsonLines) write(v any) error {
	if err := j.enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// parseRange parses the --since and --until flag values.
func parseRange(since, until string) (from, to storyline.Published, err error) {
	if from, err = parseDay("since", since); err != nil {
		return from, to, err
	}
	to, err = parseDay("until", until)
	return from, to, err
}

// parseDay parses a --since/--until flag value.
func parseDay(flag, v string) (storyline.Published, error) {
	p, err := storyline.ParsePublished(v)
	if err != nil {
		return p, usageError{fmt.Errorf("--%s: %w", flag, err)}
	}
	return p, nil
}
