package memory_test

import (
	"github.com/storyline-news/storyline/copies"
	"github.com/storyline-news/storyline/store/memory"
)

// The copy finder reads candidates it no longer holds with ArticleText.
var _ copies.TextSource = (*memory.Store)(nil)
