package storyline

import "context"

// The interfaces the pipeline stages implement. The pipeline (package
// pipeline) calls them in order for each batch of articles; a stage that
// has not been configured is simply skipped.

// Cleaner removes boilerplate from an article's Text in place, keeping Raw.
type Cleaner interface {
	Clean(ctx context.Context, a *Article) error
}

// Reader reads an article: it sets Lang, Dates, Entities and Cited in place
// and returns the quotes it found (Statement not yet set).
type Reader interface {
	Read(ctx context.Context, a *Article) ([]Quote, error)
}

// CopyFinder checks a new article against every article seen before and
// returns the pairs it forms. It indexes the article for later arrivals.
type CopyFinder interface {
	AddArticle(ctx context.Context, a *Article) ([]Copy, error)
}

// Clusterer assigns an arriving article to an event and a story, given the
// copies it takes part in, and reports any merges the arrival caused.
type Clusterer interface {
	Assign(ctx context.Context, a *Article, copies []Copy) (Assignment, []Merge, error)
}

// StatementGrouper gives each quote the id of the statement it renders,
// matching it against quotes seen before.
type StatementGrouper interface {
	Group(ctx context.Context, quotes []Quote) error
}
