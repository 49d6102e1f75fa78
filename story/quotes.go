package story

import (
	"cmp"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Speaker is one person quoted in the story, with what they said.
type Speaker struct {
	// Name is the resolved speaker; empty for quotes nobody is credited
	// with.
	Name string `json:"name"`
	// Quotes counts the quotes, Articles the articles that carry any.
	Quotes     int             `json:"quotes"`
	Articles   int             `json:"articles"`
	Statements []StatementView `json:"statements"`
}

// StatementView is one thing a speaker said, in every wording the story's
// articles give it.
type StatementView struct {
	// ID is the statement id the quotes carry, or one derived from the
	// quote's text when they carry none.
	ID string `json:"id"`
	// First is the article that carried the statement first, empty when
	// publication times cannot tell.
	First    string        `json:"first,omitempty"`
	Articles int           `json:"articles"`
	Wordings []WordingView `json:"wordings"`
}

// WordingView is one rendering of a statement and where it appeared.
type WordingView struct {
	Text     string              `json:"text"`
	Kind     storyline.QuoteKind `json:"kind"`
	Articles []string            `json:"articles"`
	Sources  []string            `json:"sources"`
	Quotes   []QuoteRef          `json:"quotes"`
	First    storyline.Published `json:"first_published"`
	Outlets  int                 `json:"outlets"`
	kinds    map[storyline.QuoteKind]int
}

// QuoteRef locates one quote in an article.
type QuoteRef struct {
	Article string `json:"article"`
	Source  string `json:"source"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// speakers groups quotes by speaker, then by statement, then by wording.
// Speakers quoted in more articles come first, the unnamed last;
// statements carried by more articles come first.
func (a *assembly) speakers(quotes []storyline.Quote) []Speaker {
	qs := make([]storyline.Quote, 0, len(quotes))
	for _, q := range quotes {
		if _, ok := a.index[q.Article]; ok && strings.TrimSpace(q.Text) != "" {
			qs = append(qs, q)
		}
	}
	slices.SortStableFunc(qs, func(x, y storyline.Quote) int {
		return cmp.Or(cmp.Compare(a.index[x.Article], a.index[y.Article]), cmp.Compare(x.Start, y.Start))
	})

	type stmt struct {
		view     StatementView
		wordings map[string]int
		articles []string
	}
	type spk struct {
		view     Speaker
		stmts    map[string]*stmt
		order    []string
		articles map[string]bool
	}
	bySpeaker := make(map[string]*spk)
	var order []string
	for _, q := range qs {
		sk := textproc.Normalize(q.Speaker)
		sp, ok := bySpeaker[sk]
		if !ok {
			sp = &spk{view: Speaker{Name: strings.TrimSpace(q.Speaker)}, stmts: make(map[string]*stmt), articles: make(map[string]bool)}
			bySpeaker[sk] = sp
			order = append(order, sk)
		}
		sp.view.Quotes++
		sp.articles[q.Article] = true

		text := strings.TrimSpace(q.Text)
		wk := textproc.Normalize(text)
		id := q.Statement
		if id == "" {
			id = "t-" + textproc.Hash(text)[:12]
		}
		st, ok := sp.stmts[id]
		if !ok {
			st = &stmt{view: StatementView{ID: id}, wordings: make(map[string]int)}
			sp.stmts[id] = st
			sp.order = append(sp.order, id)
		}
		if !slices.Contains(st.articles, q.Article) {
			st.articles = append(st.articles, q.Article)
		}
		wi, ok := st.wordings[wk]
		if !ok {
			wi = len(st.view.Wordings)
			st.wordings[wk] = wi
			st.view.Wordings = append(st.view.Wordings, WordingView{Text: text, kinds: make(map[storyline.QuoteKind]int)})
		}
		w := &st.view.Wordings[wi]
		src := a.arts[a.index[q.Article]].Source
		w.Quotes = append(w.Quotes, QuoteRef{Article: q.Article, Source: src, Start: q.Start, End: q.End})
		w.kinds[q.Kind]++
		if !slices.Contains(w.Articles, q.Article) {
			art := a.arts[a.index[q.Article]]
			w.Articles = append(w.Articles, q.Article)
			if len(w.Articles) == 1 {
				w.First = art.Published
			}
			if !slices.Contains(w.Sources, art.Source) {
				w.Sources = append(w.Sources, art.Source)
			}
		}
	}

	out := make([]Speaker, 0, len(order))
	for _, sk := range order {
		sp := bySpeaker[sk]
		sp.view.Articles = len(sp.articles)
		for _, id := range sp.order {
			st := sp.stmts[id]
			st.view.Articles = len(st.articles)
			st.view.First = a.firstOf(st.articles)
			for i := range st.view.Wordings {
				w := &st.view.Wordings[i]
				w.Kind = mostKind(w.kinds)
				w.kinds = nil
				w.Outlets = len(w.Sources)
			}
			slices.SortStableFunc(st.view.Wordings, func(x, y WordingView) int {
				return cmp.Compare(len(y.Articles), len(x.Articles))
			})
			sp.view.Statements = append(sp.view.Statements, st.view)
		}
		slices.SortStableFunc(sp.view.Statements, func(x, y StatementView) int {
			return cmp.Compare(y.Articles, x.Articles)
		})
		out = append(out, sp.view)
	}
	slices.SortStableFunc(out, func(x, y Speaker) int {
		if (x.Name == "") != (y.Name == "") {
			if x.Name == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(y.Articles, x.Articles), cmp.Compare(y.Quotes, x.Quotes), strings.Compare(x.Name, y.Name))
	})
	return out
}

// firstOf returns the article among ids published strictly before all
// the others, or "" when publication times cannot tell. ids are in
// publication order.
func (a *assembly) firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	first := a.arts[a.index[ids[0]]]
	if len(ids) == 1 {
		return first.ID
	}
	for _, id := range ids[1:] {
		if !first.Published.Before(a.arts[a.index[id]].Published) {
			return ""
		}
	}
	return first.ID
}

// mostKind returns the kind most quotes of a wording have; ties go to
// direct, then to the smaller name.
func mostKind(kinds map[storyline.QuoteKind]int) storyline.QuoteKind {
	var best storyline.QuoteKind
	bestN := 0
	for k, n := range kinds {
		better := n > bestN || (n == bestN && (k == storyline.Direct || (best != storyline.Direct && k < best)))
		if better {
			best, bestN = k, n
		}
	}
	return best
}
