package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"sync"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/server"
)

// serveOptions are the flags of serve, shared with demo --serve.
type serveOptions struct {
	addr     string
	maxBody  int64
	readOnly bool
}

func (o *serveOptions) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; :8080 for every interface)")
	cmd.Flags().Int64Var(&o.maxBody, "max-body", server.DefaultMaxBody, "largest POST /api/articles body in bytes; larger gets 413")
	cmd.Flags().BoolVar(&o.readOnly, "read-only", false, "refuse POST /api/articles (503)")
}

func (a *app) serveCmd() *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the stories over HTTP: web UI, JSON API and metrics",
		Long: `Serve starts an HTTP server over the database: the web UI at /, the JSON
API under /api/ (stories, a story, an article, quotes, health, and
POST /api/articles to ingest through the same pipeline as 'ingest'), and
Prometheus metrics at /metrics. See docs/api.md.

SIGINT or SIGTERM stops it gracefully: requests in flight finish and every
ingest that started commits.`,
		Example: `  storyline --db news.db serve
  storyline --db news.db serve --addr :9000 --read-only
  curl -s 'http://127.0.0.1:8080/api/stories?q=strike&limit=5'`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.maxBody <= 0 {
				return usageError{fmt.Errorf("--max-body must be positive")}
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			return a.serve(ctx, st, o)
		},
	}
	o.register(cmd)
	return cmd
}

// serve serves st until ctx is cancelled, printing the URL once it
// listens. Unless read-only, posted articles go through a pipeline over st.
func (a *app) serve(ctx context.Context, st storyline.Store, o serveOptions) error {
	cfg := server.Config{Store: st, MaxBody: o.maxBody, Logger: a.log}
	if !o.readOnly {
		p, err := a.newPipeline(ctx, st)
		if err != nil {
			return err
		}
		reopen := func(ctx context.Context) (*pipeline.Pipeline, error) { return a.newPipeline(ctx, st) }
		cfg.Ingest = pipelineIngest(p, reopen, o.maxBody)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return usageError{fmt.Errorf("--addr: %w", err)}
	}
	fmt.Fprintf(a.stdout, "Serving on http://%s/ (API under /api/, metrics at /metrics); Ctrl-C stops.\n", displayAddr(ln.Addr()))
	if err := server.New(cfg).Serve(ctx, ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// displayAddr turns a listener's address into one a browser can open:
// the unspecified address becomes localhost.
func displayAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	return net.JoinHostPort("localhost", fmt.Sprint(tcp.Port))
}

// pipelineIngest ingests posted JSON through the same reader and pipeline
// as 'storyline ingest', one request at a time. A request that fails (a
// stage's error, a client gone mid-body) leaves its pipeline refusing
// work (pipeline.ErrFailed), since its stages saw articles that were
// never stored: the next request opens a new one with reopen, which
// starts from the state last committed.
func pipelineIngest(p *pipeline.Pipeline, reopen func(context.Context) (*pipeline.Pipeline, error), maxSize int64) server.IngestFunc {
	var mu sync.Mutex
	return func(ctx context.Context, r io.Reader, origin string) (server.IngestReport, error) {
		mu.Lock()
		defer mu.Unlock()
		var rep server.IngestReport
		if p == nil {
			np, err := reopen(ctx)
			if err != nil {
				return rep, fmt.Errorf("ingest: reopening the pipeline: %w", err)
			}
			p = np
		}
		items := ingest.ReadStream(ctx, r, origin, ingest.Options{MaxSize: maxSize})
		res, err := p.Feed(ctx, items, pipeline.FeedOptions{
			OnSkip: func(s ingest.Skip) {
				rep.Skipped = append(rep.Skipped, server.SkippedItem{Origin: s.Origin, Reason: s.Reason})
			},
		})
		rep.Added, rep.Unchanged, rep.Updated = res.Added, res.Unchanged, res.Updated
		if err != nil {
			p = nil
			return rep, fmt.Errorf("ingest: %w", err)
		}
		return rep, nil
	}
}
