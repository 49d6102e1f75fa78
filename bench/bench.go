package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/store/sqlite"
)

// DefaultEvalMax is how many articles are evaluated at most by default;
// beyond it a deterministic sample is.
const DefaultEvalMax = 50_000

// Options says what to run.
type Options struct {
	// In is a JSON Lines file (.gz accepted) of articles with their ground
	// truth, as `storyline gen` writes. When empty, Articles articles are
	// generated with Seed and streamed through the pipeline as they are
	// made: they never sit in memory or on disk all at once.
	In       string
	Articles int
	Seed     int64
	// Store is "sqlite" (the default: a database in a temporary directory,
	// removed afterwards, unless DBPath names one) or "memory".
	Store  string
	DBPath string
	// BatchSize is the number of articles a commit holds; 0 means the
	// pipeline's default.
	BatchSize int
	// IngestWorkers is how many goroutines parse input lines (0 or 1: on
	// the pipeline's goroutine, as `storyline ingest` does).
	IngestWorkers int
	// EvalMax caps the articles evaluated; a larger stream is evaluated on
	// every k-th article in stream order. 0 means DefaultEvalMax.
	EvalMax int
	// Progress is called after each committed batch.
	Progress func(Progress)
	// CPUProfile and MemProfile are files to write pprof profiles to: the
	// CPU over the pipeline run, the heap at its end.
	CPUProfile string
	MemProfile string
}

// Progress is how far a run has come.
type Progress struct {
	Articles int
	Total    int // 0 when unknown
	Elapsed  time.Duration
}

// StageFigure is the time one stage took and the articles it handled per
// second of that time.
type StageFigure struct {
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
}

// CurvePoint is the throughput over one stretch of the stream, so that a
// long run shows whether the cost per article stays flat.
type CurvePoint struct {
	Articles       int     `json:"articles"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"` // over the stretch since the previous point
}

// Result is what a run measured.
type Result struct {
	Input    string `json:"input"`
	Store    string `json:"store"`
	Articles int    `json:"articles"` // articles that went through the pipeline
	Skipped  int    `json:"skipped"`
	// Seconds is the wall time of the pipeline run, input included;
	// evaluation is not.
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// CPUSeconds is the process's CPU time (user and system) over the same
	// run, and CPUMsPerArticle that per article: figures that a loaded
	// machine disturbs less than wall time.
	CPUSeconds      float64 `json:"cpu_seconds"`
	CPUMsPerArticle float64 `json:"cpu_ms_per_article"`
	// PeakRSSBytes is the process's peak resident memory at the end of the
	// run (evaluation included); PipelinePeakRSSBytes at the end of the
	// pipeline run.
	PeakRSSBytes         int64                  `json:"peak_rss_bytes"`
	PipelinePeakRSSBytes int64                  `json:"pipeline_peak_rss_bytes"`
	Stages               map[string]StageFigure `json:"stages"`
	Counts               pipeline.Counts        `json:"counts"`
	Curve                []CurvePoint           `json:"curve"`
	Quality              Quality                `json:"quality"`
	EvalSeconds          float64                `json:"eval_seconds"`
	CPUs                 int                    `json:"cpus"`
	// LoadAvg is the 1-minute load average at the start and at the end.
	LoadAvg [2]float64 `json:"load_avg"`
}

// StageIngest names the time spent reading and parsing input (and waiting
// for the generator) in Result.Stages.
const StageIngest = "ingest"

// Run streams the input through the pipeline config returns for the store,
// then scores the store's contents against the input's ground truth.
func Run(ctx context.Context, opts Options, config func(storyline.Store) pipeline.Config) (res Result, err error) {
	if opts.In == "" && opts.Articles <= 0 {
		return res, errors.New("bench: want an input file or a positive number of articles")
	}
	res.CPUs = runtime.GOMAXPROCS(0)
	res.LoadAvg[0] = loadAvg()
	total := opts.Articles
	res.Input = fmt.Sprintf("generated: %d articles, seed %d", opts.Articles, opts.Seed)
	if opts.In != "" {
		res.Input = opts.In
		n, err := countLines(ctx, opts.In)
		if err != nil {
			return res, err
		}
		total = n
	}
	evalMax := opts.EvalMax
	if evalMax <= 0 {
		evalMax = DefaultEvalMax
	}
	t := newTruth((total + evalMax - 1) / evalMax)
	defer func() {
		if cerr := t.quotes.close(); cerr != nil && err == nil {
			err = fmt.Errorf("bench: %w", cerr)
		}
	}()

	st, cleanup, err := openStore(ctx, opts)
	if err != nil {
		return res, err
	}
	defer func() {
		if cerr := cleanup(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	res.Store = opts.Store
	if res.Store == "" {
		res.Store = "sqlite"
	}
	p, err := pipeline.New(ctx, config(st))
	if err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	var prodErr error
	prodDone := make(chan struct{})
	go func() {
		defer close(prodDone)
		prodErr = produce(ctx, opts, &tap{t: t, w: pw})
		pw.CloseWithError(prodErr)
	}()
	defer func() {
		// Unblock and wait for the producer, so no goroutine outlives Run.
		pr.CloseWithError(errors.New("bench: stopped"))
		cancel()
		<-prodDone
	}()

	stopProfile := func() error { return nil }
	if opts.CPUProfile != "" {
		stop, err := StartCPUProfile(opts.CPUProfile)
		if err != nil {
			return res, err
		}
		stopProfile = stop
		defer stopProfile()
	}

	var ingestTime time.Duration
	items := func(yield func(ingest.Item) bool) {
		last := time.Now()
		for it := range ingest.ReadStream(ctx, pr, "bench", ingest.Options{MaxSize: 1 << 30, Workers: opts.IngestWorkers}) {
			ingestTime += time.Since(last)
			if !yield(it) {
				return
			}
			last = time.Now()
		}
		ingestTime += time.Since(last)
	}
	start, cpuStart := time.Now(), rusage.ProcessCPU()
	step := max(1000, total/20)
	nextPoint, lastN, lastT := step, 0, time.Duration(0)
	rep, err := p.Feed(ctx, items, pipeline.FeedOptions{
		BatchSize: opts.BatchSize,
		OnBatch: func(r pipeline.Report) {
			if r.Articles >= nextPoint {
				el := time.Since(start)
				res.Curve = append(res.Curve, CurvePoint{Articles: r.Articles, Seconds: el.Seconds(),
					ArticlesPerSec: float64(r.Articles-lastN) / (el - lastT).Seconds()})
				lastN, lastT = r.Articles, el
				for nextPoint <= r.Articles {
					nextPoint += step
				}
			}
			if opts.Progress != nil {
				opts.Progress(Progress{Articles: r.Articles, Total: total, Elapsed: time.Since(start)})
			}
		},
	})
	elapsed, cpu := time.Since(start), rusage.ProcessCPU()-cpuStart
	if err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}
	// The profile covers the pipeline run, not the evaluation.
	if err := stopProfile(); err != nil {
		return res, err
	}
	<-prodDone
	if prodErr != nil {
		return res, prodErr
	}

	res.Articles = rep.Articles
	res.Skipped = rep.Skipped
	res.Counts = rep.Counts
	res.Seconds = elapsed.Seconds()
	res.ArticlesPerSec = perSec(rep.Articles, elapsed)
	res.CPUSeconds = cpu.Seconds()
	if rep.Articles > 0 {
		res.CPUMsPerArticle = 1000 * cpu.Seconds() / float64(rep.Articles)
	}
	if len(res.Curve) == 0 || res.Curve[len(res.Curve)-1].Articles != rep.Articles {
		res.Curve = append(res.Curve, CurvePoint{Articles: rep.Articles, Seconds: elapsed.Seconds(),
			ArticlesPerSec: perSec(rep.Articles-lastN, elapsed-lastT)})
	}
	res.Stages = map[string]StageFigure{StageIngest: {ingestTime.Seconds(), perSec(rep.Articles, ingestTime)}}
	for name, d := range p.Timings() {
		res.Stages[name] = StageFigure{d.Seconds(), perSec(rep.Articles, d)}
	}
	res.PipelinePeakRSSBytes = rusage.PeakRSS()
	if opts.MemProfile != "" {
		if err := WriteHeapProfile(opts.MemProfile); err != nil {
			return res, err
		}
		// the profile is of the stages' memory: keep them alive until it is written
		runtime.KeepAlive(p)
	}

	evalStart := time.Now()
	q, err := evaluate(ctx, st, t)
	if err != nil {
		return res, err
	}
	res.Quality = q
	res.EvalSeconds = time.Since(evalStart).Seconds()
	res.PeakRSSBytes = rusage.PeakRSS()
	res.LoadAvg[1] = loadAvg()
	return res, nil
}

func perSec(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// produce writes the input stream to w: the file, or the generator's
// articles.
func produce(ctx context.Context, opts Options, w *tap) error {
	defer w.flush()
	if opts.In == "" {
		_, err := gen.WriteJSONL(ctx, w, gen.Options{Articles: opts.Articles, Seed: opts.Seed})
		return err
	}
	r, closeIn, err := openInput(opts.In)
	if err != nil {
		return err
	}
	defer closeIn()
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("bench: read %s: %w", opts.In, err)
	}
	return nil
}

// openInput opens a JSON Lines file, decompressing it when it ends in .gz.
func openInput(path string) (io.Reader, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("bench: %w", err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, func() { f.Close() }, nil
	}
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("bench: %s: %w", path, err)
	}
	return zr, func() { zr.Close(); f.Close() }, nil
}

// countLines counts the lines of the input file, to size the evaluation
// sample before the stream starts.
func countLines(ctx context.Context, path string) (int, error) {
	r, closeIn, err := openInput(path)
	if err != nil {
		return 0, err
	}
	defer closeIn()
	buf := make([]byte, 1<<20)
	n, last := 0, byte('\n')
	for {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("bench: %w", err)
		}
		k, err := r.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("bench: read %s: %w", path, err)
		}
	}
	if last != '\n' {
		n++
	}
	return n, nil
}

// openStore opens the store the options name and returns how to release
// it.
func openStore(ctx context.Context, opts Options) (storyline.Store, func() error, error) {
	switch opts.Store {
	case "memory":
		st := memory.New(memory.Options{})
		return st, st.Close, nil
	case "", "sqlite":
	default:
		return nil, nil, fmt.Errorf("bench: unknown store %q (want sqlite or memory)", opts.Store)
	}
	path, dir := opts.DBPath, ""
	if path == "" {
		d, err := os.MkdirTemp("", "storyline-bench-")
		if err != nil {
			return nil, nil, fmt.Errorf("bench: %w", err)
		}
		dir, path = d, filepath.Join(d, "bench.db")
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		if dir != "" {
			os.RemoveAll(dir)
		}
		return nil, nil, fmt.Errorf("bench: %w", err)
	}
	return st, func() error {
		err := st.Close()
		if dir != "" {
			if rerr := os.RemoveAll(dir); rerr != nil && err == nil {
				err = rerr
			}
		}
		if err != nil {
			return fmt.Errorf("bench: close store: %w", err)
		}
		return nil
	}, nil
}
