package storyline

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// ErrNotFound is returned (wrapped) when an id names nothing stored.
var ErrNotFound = errors.New("not found")

// Outcome is what storing one article did.
type Outcome string

// The outcomes of storing an article.
const (
	// Added: the id was new.
	Added Outcome = "added"
	// Unchanged: the same id with the same content hash was already stored.
	Unchanged Outcome = "unchanged"
	// Updated: the id was stored with another content hash; the new text
	// replaced it and the change was recorded.
	Updated Outcome = "updated"
)

// ArticleFilter narrows a listing of articles. Zero fields do not filter.
type ArticleFilter struct {
	Since, Until Published
	Source       string
	Lang         string
	// IDs, when not empty, lists exactly these articles.
	IDs []string
	// Limit caps the listing; 0 means no limit.
	Limit int
}

// Stats summarises what a store holds.
type Stats struct {
	Articles int            `json:"articles"`
	Sources  int            `json:"sources"`
	ByLang   map[string]int `json:"by_lang"`
	ByFormat map[string]int `json:"by_format"`
	// Counts holds further tallies of later stages ("copies", "events",
	// "stories", "quotes", "entities").
	Counts map[string]int `json:"counts,omitempty"`
	// First and Last bound the publication dates stored.
	First Published `json:"first_published"`
	Last  Published `json:"last_published"`
}

// ArticleStore keeps articles, their raw input and their clean text.
type ArticleStore interface {
	// Hashes returns the stored content hash of each of ids that is stored,
	// so that a pipeline can skip unchanged articles before working on them.
	Hashes(ctx context.Context, ids []string) (map[string]string, error)
	// Article returns one article with its Raw input, or ErrNotFound.
	Article(ctx context.Context, id string) (Article, error)
	// Articles lists articles in publication order (unknown dates last,
	// then by id). Raw is not loaded.
	Articles(ctx context.Context, f ArticleFilter) iter.Seq2[Article, error]
	// Search finds articles whose title or text match a full-text query,
	// best first.
	Search(ctx context.Context, query string, limit int) ([]Article, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
	// Entities lists the entities stored articles mention, most mentioned
	// first, with the number of articles that mention each.
	Entities(ctx context.Context, limit int) ([]EntityCount, error)
}

// EntityCount is an entity and how many stored articles mention it.
type EntityCount struct {
	Name     string     `json:"name"`
	Kind     EntityKind `json:"kind"`
	Articles int        `json:"articles"`
	Mentions int        `json:"mentions"`
}

// Batch is everything one step of the pipeline writes. A store commits a
// Batch atomically: a crash leaves all of it or none of it, so articles
// are never stored without what was derived from them.
type Batch struct {
	// Articles are stored keyed by id and content hash (Hash): a new id is
	// Added, the same hash is Unchanged, another hash is Updated and the
	// earlier version is recorded.
	Articles []Article
	// Recleaned are stored articles whose clean text and reading changed
	// (newly learned boilerplate removed) while their input did not: they
	// are rewritten in place, keeping their Hash, with no Outcome.
	Recleaned []Article
	// Copies replace any stored pair with the same A and B.
	Copies []Copy
	// Assignments replace an article's earlier assignment; each Merge
	// moves every article of From into Into.
	Assignments []Assignment
	Merges      []Merge
	// Titles sets the title of events and stories by id; a cluster without
	// one is titled after its earliest article.
	Titles map[string]string
	// Quotes replace all stored quotes of each article named as a key.
	Quotes map[string][]Quote
	// State maps a stage to keys and values to store; a nil value deletes.
	State map[string]map[string][]byte
}

// Validate reports the first malformed item of b: an empty id, a copy of
// an article with itself, an assignment without event or story, a merge
// of an unknown level. Stores refuse a batch that does not validate.
func (b Batch) Validate() error {
	for i, a := range b.Articles {
		if a.ID == "" {
			return fmt.Errorf("article %d: empty id", i)
		}
	}
	for i, a := range b.Recleaned {
		if a.ID == "" {
			return fmt.Errorf("recleaned article %d: empty id", i)
		}
	}
	for i, cp := range b.Copies {
		if cp.A == "" || cp.B == "" || cp.A == cp.B {
			return fmt.Errorf("copy %d: want two different article ids, have %q and %q", i, cp.A, cp.B)
		}
	}
	for i, as := range b.Assignments {
		if as.Article == "" || as.Event == "" || as.Story == "" {
			return fmt.Errorf("assignment %d: article, event and story must be set", i)
		}
	}
	for i, m := range b.Merges {
		if m.Level != "event" && m.Level != "story" {
			return fmt.Errorf("merge %d: level %q, want event or story", i, m.Level)
		}
		if m.From == "" || m.Into == "" {
			return fmt.Errorf("merge %d: from and into must be set", i)
		}
	}
	for stage := range b.State {
		if stage == "" {
			return errors.New("state: empty stage name")
		}
	}
	return nil
}

// Store is everything Storyline persists. The default is SQLite (package
// store/sqlite); the interface is narrow so that another database can take
// over without touching the stages.
type Store interface {
	ArticleStore
	CopyStore
	ClusterStore
	QuoteStore
	StateStore
	// Commit writes a batch atomically and reports one Outcome per
	// article of b.Articles, in order.
	Commit(ctx context.Context, b Batch) ([]Outcome, error)
	// Close releases the store.
	Close() error
}

// CopyFilter narrows a listing of copies.
type CopyFilter struct {
	// Article, when set, lists the copies one article takes part in.
	Article string
	// Kinds, when not empty, keeps only these kinds.
	Kinds []CopyKind
	Limit int
}

// CopyStore keeps the pairs of articles that share text.
type CopyStore interface {
	// Copies lists stored pairs ordered by A, then B.
	Copies(ctx context.Context, f CopyFilter) ([]Copy, error)
}

// StoryFilter narrows a listing of stories. Zero fields do not filter.
type StoryFilter struct {
	// Since and Until keep stories active in the range (last published on
	// or after Since, first published on or before Until).
	Since, Until Published
	// Query is a full-text query over the stories' article titles and text.
	Query  string
	Source string
	Entity string
	Lang   string
	Limit  int
	Offset int
}

// ClusterStore keeps events and stories: every article's assignment with
// its explanation, and the merges made when two clusters proved one.
type ClusterStore interface {
	// Assignment returns one article's assignment, or ErrNotFound.
	Assignment(ctx context.Context, article string) (Assignment, error)
	// Stories lists stories, most recently active first, with their events.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)
	// Story returns one story with its events, or ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
}

// QuoteFilter narrows a listing of quotes. Zero fields do not filter.
type QuoteFilter struct {
	// Speaker matches the resolved speaker name, case-insensitively.
	Speaker string
	Article string
	// Story keeps quotes from the articles of one story.
	Story     string
	Statement string
	Limit     int
}

// QuoteStore keeps the quotes found in articles.
type QuoteStore interface {
	// Quotes lists quotes by article publication order, then offset.
	Quotes(ctx context.Context, f QuoteFilter) ([]Quote, error)
}

// StateStore keeps the opaque state of online stages (an index's
// sketches, a clusterer's active window, an outlet's boilerplate lines) so
// that a later run goes on where the last one stopped. Keys are per stage.
type StateStore interface {
	// State returns one value, or ErrNotFound.
	State(ctx context.Context, stage, key string) ([]byte, error)
	// ScanState visits a stage's keys with the given prefix in key order.
	ScanState(ctx context.Context, stage, prefix string) iter.Seq2[string, []byte]
}
