// Package pipeline is the one place that calls Storyline's stages in order:
// clean, read, credits, copies, clustering, statement grouping, and then one
// atomic Commit to the store. Each stage is optional, so the pipeline runs
// with whatever stages are configured.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Config names the store and the stages a Pipeline runs. Only Store is
// required; a nil stage is skipped.
type Config struct {
	Store      storyline.Store
	Cleaner    storyline.Cleaner
	Reader     storyline.Reader
	Copies     storyline.CopyFinder
	Clusterer  storyline.Clusterer
	Statements storyline.StatementGrouper
	// Citations finds the sources an article credits in its clean text.
	Citations func(text string) []storyline.Citation
	// Recleaner, when set, reports after each batch which outlets' learned
	// boilerplate changed; their earlier articles are cleaned again.
	Recleaner Recleaner
	// RecleanWindow bounds how far back, before the latest publication
	// date seen, an outlet's articles are cleaned again: the articles
	// still in active events. Zero means DefaultRecleanWindow. Without a
	// bound the cost of learning a line would grow with the store.
	RecleanWindow time.Duration
	// Prepare, when set, does the Clusterer's per-article analysis during
	// the concurrent read step and returns what assigns the article later,
	// in arrival order, in place of Clusterer.Assign. words are the words
	// of a.Text (textproc.ScanWords) when the Reader hands them on (see
	// WordReader), nil otherwise; they are reused once it returns.
	Prepare func(a *storyline.Article, words []textproc.Word) AssignFunc
	// PrepareCopies, when set, does the CopyFinder's per-article work
	// during the concurrent read step and returns what finds the article's
	// copies later, in arrival order, in place of Copies.AddArticle.
	// words are the tokens of a.Text (textproc.Tokenize) when the Reader
	// hands them on (see WordReader), nil otherwise; they are reused
	// once it returns.
	PrepareCopies func(a *storyline.Article, words []textproc.Token) CopiesFunc
	// Workers is how many articles are read at once; 0 means one per CPU.
	// The Reader and Citations must be safe for concurrent use.
	Workers int
}

// DefaultRecleanWindow is how far back articles are cleaned again when
// their outlet's boilerplate grows.
const DefaultRecleanWindow = 7 * 24 * time.Hour

// AssignFunc assigns one prepared article, given the copies it takes part
// in; see Config.Prepare.
type AssignFunc func(ctx context.Context, copies []storyline.Copy) (storyline.Assignment, []storyline.Merge, error)

// CopiesFunc finds the copies of one prepared article; see
// Config.PrepareCopies.
type CopiesFunc func(ctx context.Context) ([]storyline.Copy, error)

// statementPreparer is a StatementGrouper that does the work that does
// not depend on arrival order (stems, hashes) during the concurrent read
// step; Group then uses it for the same quotes.
type statementPreparer interface {
	Prepare(qs []storyline.Quote)
}

// WordReader is a Reader that hands on the words it tokenized an
// article's text into, as textproc.Tokenize's tokens and as
// textproc.ScanWords' words (nil when it has none), so that
// PrepareCopies need not tokenize the text again, nor Prepare scan it
// (reading.Reader is one). use is called at most once, during the call,
// after the article's Lang, Dates and Entities are set, and must keep
// neither.
type WordReader interface {
	storyline.Reader
	ReadWords(ctx context.Context, a *storyline.Article, use func(tokens []textproc.Token, words []textproc.Word)) ([]storyline.Quote, error)
}

// referencer is a Reader that takes the latest publication date known
// before each batch, to date what undated articles mention.
type referencer interface {
	SetReference(storyline.Published)
}

// titler is a Clusterer that names its events and stories; Titles returns
// the titles changed since the last call.
type titler interface {
	Titles() map[string]string
}

// Recleaner is a Cleaner that learns per-outlet boilerplate and says which
// earlier articles need cleaning again.
type Recleaner interface {
	storyline.Cleaner
	// Stale returns, and forgets, what carries a line learned since the
	// last call: the ids of the articles the cleaner remembers, and the
	// sources whose earlier articles it does not remember (it was
	// restored from the store since), to be listed from the store.
	Stale() (ids, sources []string)
	// Reclean cleans an already stored article again from its raw input.
	Reclean(ctx context.Context, a *storyline.Article) error
}

// Stage names used in Timings.
const (
	StageClean    = "clean"
	StageRead     = "read"
	StageCopies   = "copies"
	StageCluster  = "cluster"
	StageQuotes   = "statements"
	StageStore    = "store"
	StageReclean  = "reclean"
	stageHashLook = "lookup"
)

// Counts tallies what a pipeline has done.
type Counts struct {
	Added       int `json:"added"`
	Unchanged   int `json:"unchanged"`
	Updated     int `json:"updated"`
	Copies      int `json:"copies"`
	Quotes      int `json:"quotes"`
	Merges      int `json:"merges"`
	Recleaned   int `json:"recleaned"`
	NewEvents   int `json:"new_events"`
	NewStories  int `json:"new_stories"`
	Assignments int `json:"assignments"`
}

// Pipeline runs batches of articles through the configured stages into the
// store. It is not safe for concurrent use: articles are processed in the
// order given, which keeps the results deterministic.
type Pipeline struct {
	cfg Config
	// stateful are the stages that keep state and phase says when each
	// reports it: right after a batch is cleaned, read, or linked. The
	// three overlap on different batches (Feed cleans up to two batches
	// ahead of reading), so each stage's state is taken when it is done
	// with its batch and goes into that batch's commit. One object in
	// several roles reports after its last; should it clean as well, its
	// state may then include the cleaning of a batch still to commit.
	stateful []storyline.Stateful
	phase    []phase
	latest   storyline.Published // the latest publication date seen, by prepareClean
	// flights are the commits under way, oldest first; they and counts
	// are touched by the goroutine that links and commits only. settled
	// counts the articles of the batches whose commit has been settled.
	flights []*flight
	counts  Counts
	settled int
	// inflight holds, per batch cleaned but not yet committed, its ids
	// and hashes: an article that repeats one of them is unchanged. It is
	// shared by the goroutine that cleans batches and the one that
	// settles commits.
	mu       sync.Mutex
	inflight map[*built]map[string]string
	timings  map[string]time.Duration
	// stale are earlier articles to clean again that were still in a
	// commit under way when their batch finished; the next one takes them.
	stale []string
	// failed is the first error of Feed or Process; once set, the
	// pipeline does no more work (see ErrFailed).
	failed error
}

// New returns a pipeline over cfg, restoring the state of every stage that
// keeps state in the store.
func New(ctx context.Context, cfg Config) (*Pipeline, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("pipeline: no store")
	}
	p := &Pipeline{cfg: cfg, timings: make(map[string]time.Duration), inflight: make(map[*built]map[string]string)}
	seen := map[string]int{} // stage name → index in p.stateful
	for i, st := range []any{cfg.Cleaner, cfg.Recleaner, cfg.Reader, cfg.Copies, cfg.Clusterer, cfg.Statements} {
		s, ok := st.(storyline.Stateful)
		if !ok || s == nil {
			continue
		}
		ph := phaseLink
		switch {
		case i < 2:
			ph = phaseClean
		case i == 2:
			ph = phaseRead
		}
		if k, ok := seen[s.Stage()]; ok {
			// one object in several roles reports its state after the last
			p.phase[k] = max(p.phase[k], ph)
			continue
		}
		seen[s.Stage()] = len(p.stateful)
		if err := s.Load(ctx, cfg.Store); err != nil {
			return nil, fmt.Errorf("pipeline: load %s state: %w", s.Stage(), err)
		}
		p.stateful = append(p.stateful, s)
		p.phase = append(p.phase, ph)
	}
	// The latest publication stored dates the days undated articles
	// mention and bounds re-cleaning, as if this pipeline had seen every
	// stored article: a resumed run reads as one never stopped would.
	stats, err := cfg.Store.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: the latest publication stored: %w", err)
	}
	p.latest = stats.Last
	return p, nil
}

// Counts returns the running tallies.
func (p *Pipeline) Counts() Counts { return p.counts }

// Timings returns the time spent in each stage so far.
func (p *Pipeline) Timings() map[string]time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]time.Duration, len(p.timings))
	for k, v := range p.timings {
		out[k] = v
	}
	return out
}

func (p *Pipeline) timed(stage string, start time.Time) {
	d := time.Since(start)
	p.mu.Lock()
	p.timings[stage] += d
	p.mu.Unlock()
}

// Process runs one batch through the stages and commits it atomically. It
// returns one Outcome per article, in order. Articles whose id and content
// hash are already stored are Unchanged and skip every stage. A failing
// stage fails the batch: nothing of it is stored, and the pipeline
// refuses further work (ErrFailed).
func (p *Pipeline) Process(ctx context.Context, batch []storyline.Article) ([]storyline.Outcome, error) {
	if err := p.usable(); err != nil {
		return nil, err
	}
	out, err := p.process(ctx, batch)
	p.fail(err)
	return out, err
}

// ErrFailed is what Feed and Process return once an earlier call failed
// or was cancelled. Its stages may then hold articles that were never
// stored (cleaned, read, compared, clustered) and would place later
// articles by them, so that a run interrupted and resumed would differ
// from one that was not. A new Pipeline over the store starts again from
// the stages' state as last committed, as after a crash.
var ErrFailed = errors.New("pipeline: an earlier batch failed; open a new pipeline over the store")

// usable returns ErrFailed, with the first failure, if an earlier Feed
// or Process failed.
func (p *Pipeline) usable() error {
	if p.failed != nil {
		return fmt.Errorf("%w (it failed with: %v)", ErrFailed, p.failed)
	}
	return nil
}

// fail records err, if any, as the pipeline's first failure.
func (p *Pipeline) fail(err error) {
	if err != nil && p.failed == nil {
		p.failed = err
	}
}

// process is Process.
func (p *Pipeline) process(ctx context.Context, batch []storyline.Article) ([]storyline.Outcome, error) {
	if err := p.settle(); err != nil {
		return nil, err
	}
	pb, err := p.build(ctx, batch)
	if err != nil || pb == nil {
		return nil, err
	}
	p.commitAsync(ctx, pb)
	if err := p.settle(); err != nil {
		return nil, err
	}
	if err := p.flush(ctx); err != nil {
		return nil, err
	}
	return pb.outcomes, nil
}

// built is a batch that has been through the stages and awaits its commit.
type built struct {
	b        storyline.Batch
	outcomes []storyline.Outcome // Unchanged filled in; the rest on commit
	work     []int               // indexes of the articles in b.Articles
}

// prepared is a batch cleaned, and read or being read, awaiting the
// stages that depend on arrival order (copies, clustering, statements)
// and its commit.
type prepared struct {
	batch []storyline.Article
	pb    *built
	// The k-th article of pb.work is read, with quotes[k], assign[k],
	// copies[k] and readErr[k] set, once read[k] is closed; readDone is
	// closed once every article is and the reading stages' state is in
	// readState. Linking an article needs only its own reading done.
	quotes    [][]storyline.Quote
	assign    []AssignFunc
	copies    []CopiesFunc
	readErr   []error
	read      []chan struct{}
	readDone  chan struct{}
	readState map[string]map[string][]byte
	// stale are the earlier articles that carry a line learned while the
	// batch was cleaned, outlets those whose earlier articles the cleaner
	// cannot name (see Recleaner); latest is the latest publication date
	// by then.
	stale, outlets []string
	latest         storyline.Published
}

// phase is when, in the course of a batch, a stage is done with it.
type phase int

const (
	phaseClean phase = iota
	phaseRead
	phaseLink
)

// build runs a batch through every stage and returns what to commit, or
// nil for an empty batch.
func (p *Pipeline) build(ctx context.Context, batch []storyline.Article) (*built, error) {
	pr, err := p.prepare(ctx, batch)
	if err != nil || pr == nil {
		return nil, err
	}
	pb, err := p.finish(ctx, pr)
	if err != nil {
		p.forget(pr.pb)
	}
	return pb, err
}

// prepare cleans a batch and reads it on every core.
func (p *Pipeline) prepare(ctx context.Context, batch []storyline.Article) (*prepared, error) {
	pr, err := p.prepareClean(ctx, batch)
	if err != nil || pr == nil {
		return nil, err
	}
	p.readBatch(ctx, pr)
	return pr, nil
}

// prepareClean does the part of a batch that needs no earlier batch to be
// linked or read: it finds the articles that are new or changed and
// cleans them in order; readBatch then reads them. It may run while the
// batch before is read, the one before that goes through finish and
// earlier ones commit; the ids of every batch cleaned and not yet
// committed or forgotten count as stored. It takes the cleaning stages'
// state with the batch, and the caller must forget the batch when it
// does not commit.
func (p *Pipeline) prepareClean(ctx context.Context, batch []storyline.Article) (*prepared, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	start := time.Now()
	ids := make([]string, len(batch))
	for i := range batch {
		ids[i] = batch[i].ID
	}
	// Batches in flight are looked at before the store: one that commits
	// meanwhile is then found in the store.
	inflight := p.inflightHashes(ids)
	stored, err := p.cfg.Store.Hashes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("pipeline: look up hashes: %w", err)
	}
	p.timed(stageHashLook, start)

	pb := &built{outcomes: make([]storyline.Outcome, len(batch)), work: make([]int, 0, len(batch))}
	inBatch := make(map[string]string, len(batch)) // id → hash already in this batch
	for i := range batch {
		a := &batch[i]
		if h, ok := inBatch[a.ID]; ok && h == a.Hash {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		if hs, ok := inflight[a.ID]; ok && slices.Contains(hs, a.Hash) {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		if h, ok := stored[a.ID]; ok && h == a.Hash {
			pb.outcomes[i] = storyline.Unchanged
			continue
		}
		inBatch[a.ID] = a.Hash
		pb.work = append(pb.work, i)
	}
	pr := &prepared{batch: batch, pb: pb}
	if p.cfg.Cleaner != nil {
		start := time.Now()
		for _, i := range pb.work {
			if err := p.cfg.Cleaner.Clean(ctx, &batch[i]); err != nil {
				return nil, fmt.Errorf("pipeline: article %s: clean: %w", batch[i].ID, err)
			}
		}
		p.timed(StageClean, start)
	}
	if p.cfg.Recleaner != nil {
		if err := p.staleInBatch(ctx, pr); err != nil {
			return nil, err
		}
	}
	for _, i := range pb.work {
		if pub := batch[i].Published; !pub.IsZero() && (p.latest.IsZero() || p.latest.Time.Before(pub.Time)) {
			p.latest = pub
		}
	}
	pr.latest = p.latest
	p.pending(&pb.b, phaseClean)
	p.mu.Lock()
	p.inflight[pb] = inBatch
	p.mu.Unlock()
	pr.startRead()
	return pr, nil
}

// inflightHashes returns the hashes under which each of ids is in a batch
// prepared and not yet committed.
func (p *Pipeline) inflightHashes(ids []string) map[string][]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string][]string)
	for _, m := range p.inflight {
		for _, id := range ids {
			if h, ok := m[id]; ok {
				out[id] = append(out[id], h)
			}
		}
	}
	return out
}

// pending adds to b the state that the stages done with a batch in phase
// ph changed since they last reported it.
func (p *Pipeline) pending(b *storyline.Batch, ph phase) {
	for i, s := range p.stateful {
		if p.phase[i] != ph {
			continue
		}
		if kv := s.Pending(); len(kv) > 0 {
			if b.State == nil {
				b.State = make(map[string]map[string][]byte)
			}
			b.State[s.Stage()] = kv
		}
	}
}

// finish runs a prepared batch through the stages that depend on arrival
// order, one article at a time in input order, and re-cleans the outlets
// whose boilerplate changed; it returns what to commit.
func (p *Pipeline) finish(ctx context.Context, pr *prepared) (*built, error) {
	pb := pr.pb
	if err := p.linkAll(ctx, pr); err != nil {
		return nil, err
	}
	if t, ok := p.cfg.Clusterer.(titler); ok {
		pb.b.Titles = t.Titles()
	}
	if err := p.reclean(ctx, &pb.b, pr); err != nil {
		return nil, err
	}
	p.pending(&pb.b, phaseLink)
	return pb, nil
}
