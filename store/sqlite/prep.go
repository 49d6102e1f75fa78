package sqlite

import "github.com/storyline-news/storyline"

// The commit goroutine is the pipeline's critical path, and a tenth of
// its time went to encoding rows in Go (an article's dates, entities,
// citations and index entries, a quote set and its keys, a copy's
// passages) between SQLite's statements, while the other core had time
// to spare. A batch's rows depend on nothing the transaction reads, so
// that they are encoded on a goroutine of their own, started with the
// commit: the articles first, wanted first (the transaction begins and
// looks the batch's ids up meanwhile), then the copies and the quote
// sets, which the articles' statements leave time for.

// articleRows are an article's encoded columns and index entries.
type articleRows struct {
	hash               string
	dates, ents, cited any
	// ftsTitle and ftsText are the title and text with ё folded;
	// entityKeys is its entity_keys row ("" for none).
	ftsTitle, ftsText, entityKeys string
}

// newArticleRows encodes an article.
func newArticleRows(a *storyline.Article) *articleRows {
	dates, ents, cited := encoded(a)
	return &articleRows{hash: articleHash(a), dates: dates, ents: ents, cited: cited,
		ftsTitle: foldYo(a.Title), ftsText: foldYo(a.Text), entityKeys: entityTokens(a.Entities)}
}

// quoteRows are a quote set's column and quote_keys row.
type quoteRows struct {
	quotes []byte
	keys   string
}

// prepared holds a batch's rows as the encoding goroutine makes them.
// Each part may be read once its channel is closed; done is closed when
// the goroutine has finished with the batch.
type prepared struct {
	articles      map[*storyline.Article]*articleRows
	articlesReady chan struct{}
	passages      []any // by index in Batch.Copies
	copiesReady   chan struct{}
	quotes        map[string]quoteRows // by article id
	quotesReady   chan struct{}
	done          chan struct{}
}

// prepare starts encoding b's rows. The caller must not change b until
// done is closed.
func prepare(b *storyline.Batch) *prepared {
	p := &prepared{articlesReady: make(chan struct{}), copiesReady: make(chan struct{}),
		quotesReady: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.articles = make(map[*storyline.Article]*articleRows, len(b.Articles))
		for i := range b.Articles {
			a := &b.Articles[i]
			p.articles[a] = newArticleRows(a)
		}
		close(p.articlesReady)
		p.passages = make([]any, len(b.Copies))
		for i, cp := range b.Copies {
			if cp.A > cp.B {
				cp = cp.Swapped() // as the copies table holds it
			}
			p.passages[i] = encodePassages(cp.Passages)
		}
		close(p.copiesReady)
		p.quotes = make(map[string]quoteRows, len(b.Quotes))
		for id, qs := range b.Quotes {
			if len(qs) > 0 {
				p.quotes[id] = quoteRows{encodeQuotes(qs), quoteTokens(qs)}
			}
		}
		close(p.quotesReady)
	}()
	return p
}

// article returns the rows of a, one of the batch's articles, or
// encodes them when a is not (a recleaned article) or p is nil.
func (p *prepared) article(a *storyline.Article) *articleRows {
	if p != nil {
		<-p.articlesReady
		if r, ok := p.articles[a]; ok {
			return r
		}
	}
	return newArticleRows(a)
}

// copyPassages returns the passages column of the batch's i-th copy,
// its pair ordered as the copies table holds it.
func (p *prepared) copyPassages(b storyline.Batch, i int) any {
	if p == nil {
		cp := b.Copies[i]
		if cp.A > cp.B {
			cp = cp.Swapped()
		}
		return encodePassages(cp.Passages)
	}
	<-p.copiesReady
	return p.passages[i]
}

// quoteSet returns the column and keys of the batch's quotes of the
// article id, which has some.
func (p *prepared) quoteSet(b storyline.Batch, id string) quoteRows {
	if p != nil {
		<-p.quotesReady
		if r, ok := p.quotes[id]; ok {
			return r
		}
	}
	qs := b.Quotes[id]
	return quoteRows{encodeQuotes(qs), quoteTokens(qs)}
}
