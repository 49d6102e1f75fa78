package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Title matches weigh this many times a match in the text.
const titleWeight = 4.0

// ftsQuery turns what a person typed into an FTS5 query that cannot fail
// to parse: every word becomes a quoted string, so quotes, parentheses,
// AND/OR/NOT, column filters and other operators in the input are plain
// words. A bare word matches the words sharing its stem (see stem); words
// in double quotes stay together as an exact phrase; a word ending in '*'
// matches as a prefix. All parts must match. Words are folded as the
// index is (lower case, ё as е). It returns "" when the input has no
// word.
func ftsQuery(input string) string {
	var parts []string
	var toks []textproc.Token
	inQuote := false
	for i, seg := range strings.Split(strings.Map(textproc.FoldRune, input), `"`) {
		if i > 0 {
			inQuote = !inQuote
		}
		if inQuote {
			toks = textproc.Tokenize(toks[:0], seg)
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for j, t := range toks {
				words[j] = t.Term
			}
			parts = append(parts, quoteFTS(strings.Join(words, " ")))
			continue
		}
		for _, field := range strings.FieldsFunc(seg, unicode.IsSpace) {
			prefix := strings.HasSuffix(field, "*")
			toks = textproc.Tokenize(toks[:0], field)
			for j, t := range toks {
				if prefix && j == len(toks)-1 {
					parts = append(parts, quoteFTS(t.Term)+"*")
				} else {
					parts = append(parts, stemQuery(t.Term))
				}
			}
		}
	}
	return strings.Join(parts, " AND ")
}

// quoteFTS makes s one FTS5 string.
func quoteFTS(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// Search finds articles whose title or text match a full-text query, best
// first (bm25 with titles weighted). See ftsQuery for the query syntax.
func (d *DB) Search(ctx context.Context, query string, limit int) ([]storyline.Article, error) {
	q := ftsQuery(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	list, err := d.queryArticles(ctx, `SELECT `+articleCols+` FROM articles_fts f
		JOIN articles ar ON ar.seq = f.rowid
		WHERE articles_fts MATCH ?
		ORDER BY bm25(articles_fts, ?, 1.0), ar.seq LIMIT ?`, q, titleWeight, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	out := make([]storyline.Article, len(list))
	for i, x := range list {
		out[i] = x.a
	}
	return out, nil
}
