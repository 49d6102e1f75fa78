// Package reading is Storyline's read stage: it detects an article's
// language, finds the dates it mentions, the people, organisations and
// places it names, and the quotes it carries with their speakers.
//
// Clustering needs only the language, dates and entities: Features, or
// Read with Options.NoQuotes, reads those and skips quote extraction,
// about a fifth of the stage's cost.
package reading

import (
	"context"
	"fmt"
	"strings"
	"sync"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dates"
	"github.com/storyline-news/storyline/entities"
	"github.com/storyline-news/storyline/internal/freelist"
	"github.com/storyline-news/storyline/lang"
	"github.com/storyline-news/storyline/quotes"
	"github.com/storyline-news/storyline/textproc"
)

// Options configure a Reader.
type Options struct {
	// Languages are the ISO 639-1 codes the language detector chooses
	// among; lang.DefaultLanguages when empty.
	Languages []string
	// Registry joins a surname used alone ("Putin") to the full name
	// ("Vladimir Putin") learned from earlier articles; New makes one when
	// it is nil. Names learned from a batch become visible when the
	// pipeline calls Pending after the batch, so articles read
	// concurrently within a batch do not depend on each other's order.
	Registry *entities.Registry
	// NoQuotes makes Read skip quote extraction and return no quotes:
	// for callers that only cluster, which need Lang, Dates and Entities
	// (see Features). It saves about a fifth of the stage's cost.
	NoQuotes bool
	// NoState, for runs without a store (`storyline cluster`), makes
	// Pending return nothing: the names learned still join later
	// articles' surnames, but the changes are not collected for a store
	// to keep. Entities are the same.
	NoState bool
}

// Reader implements storyline.Reader, and storyline.Stateful for the
// full names it learns across articles.
type Reader struct {
	lang     *lang.Detector
	reg      *entities.Registry
	noQuotes bool
	noState  bool

	mu  sync.RWMutex
	ref storyline.Published // see SetReference

	// docs holds the Docs reset for each article, so that reading does
	// not allocate a document's code points and tokens every time.
	docs docPool
}

var (
	_ storyline.Reader   = (*Reader)(nil)
	_ storyline.Stateful = (*Reader)(nil)
)

// New returns a Reader. It is safe for concurrent use.
func New(opts Options) *Reader {
	reg := opts.Registry
	if reg == nil {
		reg = entities.NewRegistry()
	}
	return &Reader{lang: lang.New(opts.Languages...), reg: reg, noQuotes: opts.NoQuotes, noState: opts.NoState}
}

// SetReference gives the latest publication date known around the
// articles about to be read (the pipeline sets it before each batch). An
// article without a date of its own takes from it the year of days it
// mentions without one ("on December 7"); nothing else.
func (r *Reader) SetReference(p storyline.Published) {
	r.mu.Lock()
	r.ref = p
	r.mu.Unlock()
}

func (r *Reader) reference() storyline.Published {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.ref
}

// Stage names the reader's state in the store.
func (r *Reader) Stage() string { return "reading" }

// Load restores the full names learned in earlier runs.
func (r *Reader) Load(ctx context.Context, s storyline.StateStore) error {
	for k, v := range s.ScanState(ctx, r.Stage(), "n/") {
		r.reg.Restore(strings.TrimPrefix(k, "n/"), string(v))
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reading: load names: %w", err)
	}
	return nil
}

// Pending makes the names learned since the last call visible to later
// articles and returns them for the store ("n/<surname>" → full name, an
// empty value for an ambiguous surname); nothing with Options.NoState.
func (r *Reader) Pending() map[string][]byte {
	if r.noState {
		r.reg.Settle()
		return nil
	}
	changed := r.reg.Commit()
	if len(changed) == 0 {
		return nil
	}
	out := make(map[string][]byte, len(changed))
	for k, v := range changed {
		out["n/"+k] = []byte(v)
	}
	return out
}

// Read sets a's Lang, Dates and Entities and returns its quotes, each with
// Article set and Statement empty. It does not set Cited. With
// Options.NoQuotes it returns no quotes.
func (r *Reader) Read(ctx context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	return r.read(ctx, a, !r.noQuotes, nil)
}

// ReadWords is Read that also hands use the words of a.Text, as
// textproc.Tokenize returns them (tokens) and as textproc.ScanWords does
// (words, nil for a text that is not valid UTF-8), once a's Lang, Dates
// and Entities are set: the reader tokenizes the text anyway, and the
// later stages that need the same words (the copy finder, the
// clusterer) are spared doing it again. use must keep neither, which the
// reader reuses for the next article.
func (r *Reader) ReadWords(ctx context.Context, a *storyline.Article, use func(tokens []textproc.Token, words []textproc.Word)) ([]storyline.Quote, error) {
	return r.read(ctx, a, !r.noQuotes, use)
}

// Features sets a's Lang, Dates and Entities, what clustering uses, as
// Read does but without extracting quotes. Names it learns join later
// articles' surnames as with Read.
func (r *Reader) Features(ctx context.Context, a *storyline.Article) error {
	_, err := r.read(ctx, a, false, nil)
	return err
}

// read sets a's Lang, Dates and Entities and, when withQuotes is set,
// returns its quotes; it hands use, when set, the words of a.Text.
func (r *Reader) read(ctx context.Context, a *storyline.Article, withQuotes bool, use func([]textproc.Token, []textproc.Word)) ([]storyline.Quote, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", a.ID, err)
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		a.Lang = r.lang.DetectTitled(a.Title, a.Text)
	} else {
		a.Lang = r.lang.Detect(a.Text)
	}
	doc := r.docs.get()
	defer r.docs.put(doc) // nothing returned refers to it
	doc.Reset(a.Text)
	a.Dates = dates.FindSliced(doc.Text, doc.Tokens, doc.Slice, a.Published, r.reference())
	res := entities.Recognize(doc, r.reg)
	a.Entities = res.Entities
	r.reg.Learn(res)
	if use != nil {
		use(doc.Tokens, doc.Words)
	}
	if !withQuotes {
		return nil, nil
	}
	return quotes.Extract(res, a.ID), nil
}

// docPool keeps a Reader's idle Docs between articles, across garbage
// collections (freelist.List), so that their buffers, grown to the
// articles read, are not made again after each one; it keeps maxIdleDocs
// at most, and none grown past maxDocRunes, so that it holds a few
// articles' worth of memory.
type docPool struct {
	list freelist.List[entities.Doc]
}

// maxIdleDocs is the most Docs a docPool keeps: more than the read
// stage's workers on most machines.
const maxIdleDocs = 32

// maxDocRunes is the longest text, in code points, of a Doc a docPool
// keeps: a Doc read from a longer article is left to the collector.
const maxDocRunes = 1 << 16

// get returns an idle Doc, or a new one.
func (p *docPool) get() *entities.Doc { return p.list.Get() }

// put keeps d for a later article, unless the pool is full or d grew
// for a long one.
func (p *docPool) put(d *entities.Doc) {
	if cap(d.Text) > maxDocRunes {
		return
	}
	p.list.Put(d, maxIdleDocs)
}
