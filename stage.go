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

// Stateful is an online stage whose state survives between runs through
// the store: Load once at startup, then after each batch the pipeline puts
// Pending into Batch.State under Stage, so state and articles commit
// together.
type Stateful interface {
	// Stage names the stage; it is the key of its state in Batch.State.
	Stage() string
	// Load restores the stage's state from a store.
	Load(ctx context.Context, s StateStore) error
	// Pending returns the state changed since the last call (nil values
	// delete keys) and forgets it.
	Pending() map[string][]byte
}
