package extract

import (
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/textproc"
)

// Hash is the article content hash: textproc.Hash of the title and text
// joined by a newline, computed without joining them
// (textproc.HashLines).
func Hash(title, text string) string { return textproc.HashLines(title, text) }

// setHash sets a's content hash, Hash(a.Title, a.Text), as clean.Prepare
// makes it: from the text split into normalized lines, which go on in
// a.Ahead so that cleaning the article does not split it again.
func setHash(a *storyline.Article) {
	h, lines := clean.Prepare(a.Title, a.Text)
	a.Hash, a.Ahead = h, lines
}
