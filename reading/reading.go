// Package reading is Storyline's read stage: it detects an article's
// language, finds the dates it mentions, the people, organisations and
// places it names, and the quotes it carries with their speakers.
package reading

import (
	"context"
	"fmt"
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/dates"
	"github.com/storyline-news/storyline/entities"
	"github.com/storyline-news/storyline/lang"
	"github.com/storyline-news/storyline/quotes"
)

// Options configure a Reader.
type Options struct {
	// Languages are the ISO 639-1 codes the language detector chooses
	// among; lang.DefaultLanguages when empty.
	Languages []string
	// Registry, when set, joins a surname used alone ("Putin") to the full
	// name ("Vladimir Putin") learned from earlier articles. Its answers
	// depend on the order articles are read; leave it nil where
	// concurrent reading must be deterministic.
	Registry *entities.Registry
}

// Reader implements storyline.Reader.
type Reader struct {
	lang *lang.Detector
	reg  *entities.Registry
}

var _ storyline.Reader = (*Reader)(nil)

// New returns a Reader. It is safe for concurrent use.
func New(opts Options) *Reader {
	return &Reader{lang: lang.New(opts.Languages...), reg: opts.Registry}
}

// Read sets a's Lang, Dates and Entities and returns its quotes, each with
// Article set and Statement empty. It does not set Cited.
func (r *Reader) Read(ctx context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", a.ID, err)
	}
	sample := a.Text
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		sample = a.Title + "\n" + a.Text
	}
	a.Lang = r.lang.Detect(sample)
	doc := entities.NewDoc(a.Text)
	a.Dates = dates.FindTokens(doc.Text, doc.Tokens, a.Published)
	res := entities.Recognize(doc, r.reg)
	a.Entities = res.Entities
	if r.reg != nil {
		r.reg.Learn(res)
	}
	return quotes.Extract(res, a.ID), nil
}
