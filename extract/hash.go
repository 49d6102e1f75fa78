package extract

import "github.com/storyline-news/storyline/textproc"

// Hash is the article content hash: textproc.Hash of the title and text
// joined by a newline, computed without joining them
// (textproc.HashLines).
func Hash(title, text string) string { return textproc.HashLines(title, text) }
