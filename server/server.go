// Package server serves Storyline over HTTP: a JSON API under /api/, a web
// UI rendered on the server from embedded templates, and Prometheus
// metrics at /metrics — all from one http.Handler.
//
// Article text is untrusted. It reaches HTML only through html/template,
// and every response carries a Content-Security-Policy that allows no
// script at all: the UI needs none.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
)

// Config configures a Server.
type Config struct {
	// Store is what the server reads (and, through Ingest, writes).
	Store storyline.Store
	// Ingest stores posted articles. When nil, POST /api/articles answers
	// 503: the server is read-only.
	Ingest IngestFunc
	// MaxBody caps a POST body in bytes; larger bodies get 413. Default
	// 32 MiB.
	MaxBody int64
	// Logger receives errors; default slog.Default().
	Logger *slog.Logger
	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// after its context is cancelled; default 30 s. Ingests in flight are
	// always waited for, so that no accepted article is lost.
	ShutdownTimeout time.Duration
}

// Server is Storyline's HTTP server.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	metrics *metrics
	pages   *pages
	// ingestMu serialises ingests: the pipeline's online stages see
	// articles in one order, so the same posts give the same stories.
	ingestMu sync.Mutex
	// ingests counts ingests in flight, which outlive their requests.
	ingests sync.WaitGroup
}

// Defaults for Config.
const (
	DefaultMaxBody         = 32 << 20
	defaultShutdownTimeout = 30 * time.Second
)

// New returns a server over cfg.Store.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = defaultShutdownTimeout
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: newMetrics(), pages: parsePages()}
	s.handler = s.routes()
	return s
}

// Handler returns the server's handler: API, UI, static assets and
// metrics.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.metrics.instrument(pattern, h))
	}
	api := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/api/health", s.apiHealth},
		{"GET", "/api/stories", s.apiStories},
		{"GET", "/api/stories/{id}", s.apiStory},
		{"GET", "/api/articles/{id}", s.apiArticle},
		{"POST", "/api/articles", s.apiPostArticles},
		{"GET", "/api/quotes", s.apiQuotes},
	}
	// Any other request under /api/ gets a JSON error: 405 with Allow when
	// the path exists for another method, else 404.
	allowed := make(map[string][]string)
	var paths []string
	for _, r := range api {
		handle(r.method+" "+r.path, r.h)
		if _, ok := allowed[r.path]; !ok {
			paths = append(paths, r.path)
		}
		allowed[r.path] = append(allowed[r.path], r.method)
	}
	other := http.NewServeMux()
	for _, p := range paths {
		allow := strings.Join(allowed[p], ", ")
		other.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "%s %s: allowed methods: %s", r.Method, r.URL.Path, allow)
		})
	}
	handle("/api/", func(w http.ResponseWriter, r *http.Request) {
		if h, pattern := other.Handler(r); pattern != "" {
			h.ServeHTTP(w, r)
			return
		}
		writeError(w, http.StatusNotFound, "no such endpoint: %s %s", r.Method, r.URL.Path)
	})
	mux.Handle("GET /metrics", s.metrics.handler())

	handle("GET /{$}", s.uiList)
	handle("GET /stories/{id}", s.uiStory)
	handle("GET /articles/{id}", s.uiArticle)
	handle("GET /static/", s.static())
	handle("/", func(w http.ResponseWriter, r *http.Request) {
		s.uiError(w, r, http.StatusNotFound, "There is no page at this address.")
	})
	return securityHeaders(mux)
}

// contentSecurityPolicy allows the page's own stylesheet and images and
// nothing else: no script from anywhere, no inline style, no framing.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// Run listens on addr and serves until ctx is cancelled, then shuts down
// gracefully.
func (s *Server) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled. It then stops accepting
// connections, waits up to ShutdownTimeout for requests in flight, and
// waits for every ingest in flight to commit before it returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		s.ingests.Wait()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		err = errors.Join(fmt.Errorf("shutdown: %w", err), srv.Close())
	}
	s.ingests.Wait()
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
