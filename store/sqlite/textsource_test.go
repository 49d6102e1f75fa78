package sqlite_test

import (
	"github.com/storyline-news/storyline/copies"
	"github.com/storyline-news/storyline/store/sqlite"
)

// The copy finder reads candidates it no longer holds with ArticleText.
var _ copies.TextSource = (*sqlite.DB)(nil)
