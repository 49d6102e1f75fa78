// Package story assembles what a person reads about one story: a headline
// chosen among its articles' titles, a short extractive summary, a timeline
// of its events, its sources and who reported first, its quotes grouped by
// speaker and statement, its top entities and the graph of copies between
// its articles.
//
// Assembly is a pure function of the story, its articles, copies and
// quotes: the same input gives the same View. Nothing here reads a store.
package story

import (
	"cmp"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// View is a story ready to show.
type View struct {
	ID string `json:"id"`
	// Headline is the most central title among the story's articles (in
	// the story's main language); Title is the title the store keeps.
	Headline       string              `json:"headline"`
	Title          string              `json:"title"`
	Lang           string              `json:"lang"`
	FirstPublished storyline.Published `json:"first_published"`
	LastPublished  storyline.Published `json:"last_published"`
	// Summary holds the story's most central sentences, without repeats,
	// in the order of the articles they come from.
	Summary  []Sentence     `json:"summary"`
	Timeline []TimelineItem `json:"timeline"`
	Sources  []Source       `json:"sources"`
	// FirstReporter is the source that published first, or empty when
	// publication times cannot tell (a tie, or a source's date unknown).
	FirstReporter string                  `json:"first_reporter"`
	Speakers      []Speaker               `json:"speakers"`
	Entities      []storyline.EntityCount `json:"entities"`
	Graph         Graph                   `json:"copy_graph"`
	// Articles are the story's articles in publication order.
	Articles []ArticleRef `json:"articles"`
}

// ArticleRef names an article with what a listing shows of it.
type ArticleRef struct {
	ID        string              `json:"id"`
	Title     string              `json:"title"`
	Source    string              `json:"source"`
	URL       string              `json:"url,omitempty"`
	Lang      string              `json:"lang"`
	Published storyline.Published `json:"published"`
	Event     string              `json:"event,omitempty"`
}

// Sentence is one sentence of the summary and where it comes from.
type Sentence struct {
	Text    string `json:"text"`
	Article string `json:"article"`
	Source  string `json:"source"`
	// Start and End are code point offsets into the article's Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// TimelineItem is one event of the story.
type TimelineItem struct {
	Event         string              `json:"event"`
	Date          storyline.Published `json:"date"`
	LastPublished storyline.Published `json:"last_published"`
	Headline      string              `json:"headline"`
	Articles      []ArticleRef        `json:"articles"`
}

// Source is one outlet that reported the story.
type Source struct {
	// Name is the outlet; empty when the articles name none.
	Name           string              `json:"name"`
	Articles       []string            `json:"articles"`
	FirstPublished storyline.Published `json:"first_published"`
	// First reports that this source published before every other.
	First bool `json:"first"`
	// Reused counts its articles that took text from another article of
	// the story; ReusedBy counts its articles whose text others took.
	Reused   int `json:"reused"`
	ReusedBy int `json:"reused_by"`
}

// Options tune assembly. The zero value uses the defaults.
type Options struct {
	// SummarySentences is the length of the summary; default 3.
	SummarySentences int
	// Entities caps the top entities; default 12.
	Entities int
	// SummaryArticles caps how many articles the summary reads, spread
	// over the story's time span; default 40.
	SummaryArticles int
	// SentencesPerArticle caps the sentences read from each; default 40.
	SentencesPerArticle int
}

func (o Options) withDefaults() Options {
	if o.SummarySentences <= 0 {
		o.SummarySentences = 3
	}
	if o.Entities <= 0 {
		o.Entities = 12
	}
	if o.SummaryArticles <= 0 {
		o.SummaryArticles = 40
	}
	if o.SentencesPerArticle <= 0 {
		o.SentencesPerArticle = 40
	}
	return o
}

// Assemble builds the view of story s with default options.
func Assemble(s storyline.Story, articles []storyline.Article, copies []storyline.Copy, quotes []storyline.Quote) View {
	return Options{}.Assemble(s, articles, copies, quotes)
}

// Assemble builds the view of story s from its articles (Raw not needed),
// the copies among them and their quotes. Articles, copies and quotes that
// do not belong to the story are ignored.
func (o Options) Assemble(s storyline.Story, articles []storyline.Article, copies []storyline.Copy, quotes []storyline.Quote) View {
	o = o.withDefaults()
	a := newAssembly(s, articles)
	v := View{
		ID:             s.ID,
		Title:          s.Title,
		FirstPublished: s.FirstPublished,
		LastPublished:  s.LastPublished,
		Lang:           a.lang,
	}
	for _, art := range a.arts {
		v.Articles = append(v.Articles, a.ref(art))
	}
	if len(a.arts) > 0 {
		if v.FirstPublished.IsZero() {
			v.FirstPublished = a.arts[0].Published
		}
		if v.LastPublished.IsZero() {
			for _, art := range a.arts {
				if !art.Published.IsZero() && !art.Published.Time.Before(v.LastPublished.Time) {
					v.LastPublished = art.Published
				}
			}
		}
	}
	a.readSentences(o)
	v.Headline = a.headline(a.mainLangArticles())
	if v.Headline == "" {
		v.Headline = s.Title
	}
	v.Summary = a.summary(o.SummarySentences)
	if v.Headline == "" && len(v.Summary) > 0 {
		v.Headline = truncate(v.Summary[0].Text, 120)
	}
	v.Timeline = a.timeline(s)
	v.Graph = a.graph(copies)
	v.Sources, v.FirstReporter = a.sources(v.Graph)
	v.Speakers = a.speakers(quotes)
	v.Entities = a.entities(o.Entities)
	return v
}

// assembly is the state of one Assemble call.
type assembly struct {
	arts  []*storyline.Article // publication order, then id
	index map[string]int
	event map[string]string // article id → event id
	lang  string
	dict  *dictionary
	sents []sentence
	// centre is the centroid of every read sentence.
	centre vector
}

func newAssembly(s storyline.Story, articles []storyline.Article) *assembly {
	a := &assembly{index: make(map[string]int), event: make(map[string]string)}
	member := make(map[string]bool, len(s.Articles))
	for _, id := range s.Articles {
		member[id] = true
	}
	for _, e := range s.Events {
		for _, id := range e.Articles {
			member[id] = true
			if _, ok := a.event[id]; !ok {
				a.event[id] = e.ID
			}
		}
	}
	seen := make(map[string]bool, len(articles))
	for i := range articles {
		art := &articles[i]
		if seen[art.ID] || (len(member) > 0 && !member[art.ID]) {
			continue
		}
		seen[art.ID] = true
		a.arts = append(a.arts, art)
	}
	slices.SortFunc(a.arts, func(x, y *storyline.Article) int { return comparePublished(x, y) })
	for i, art := range a.arts {
		a.index[art.ID] = i
	}
	a.lang = mainLang(a.arts)
	a.dict = newDictionary(a.lang)
	return a
}

// comparePublished orders articles by publication, unknown dates last,
// then by id.
func comparePublished(x, y *storyline.Article) int {
	xz, yz := x.Published.IsZero(), y.Published.IsZero()
	switch {
	case xz && !yz:
		return 1
	case !xz && yz:
		return -1
	case !xz && !yz:
		if c := x.Published.Time.Compare(y.Published.Time); c != 0 {
			return c
		}
	}
	return strings.Compare(x.ID, y.ID)
}

// mainLang is the language most articles are in; "und" only when no
// article's language is known. Ties go to the smaller code.
func mainLang(arts []*storyline.Article) string {
	n := make(map[string]int)
	for _, a := range arts {
		if a.Lang != "" && a.Lang != "und" {
			n[a.Lang]++
		}
	}
	best, bestN := "", 0
	for l, c := range n {
		if c > bestN || (c == bestN && l < best) {
			best, bestN = l, c
		}
	}
	if best == "" {
		return "und"
	}
	return best
}

// mainLangArticles returns the articles in the story's main language (all
// of them when the language is unknown), plus those whose language is not.
func (a *assembly) mainLangArticles() []*storyline.Article {
	if a.lang == "und" {
		return a.arts
	}
	var out []*storyline.Article
	for _, art := range a.arts {
		if art.Lang == a.lang || art.Lang == "" || art.Lang == "und" {
			out = append(out, art)
		}
	}
	return out
}

func (a *assembly) ref(art *storyline.Article) ArticleRef {
	return ArticleRef{
		ID:        art.ID,
		Title:     art.Title,
		Source:    art.Source,
		URL:       art.URL,
		Lang:      art.Lang,
		Published: art.Published,
		Event:     a.event[art.ID],
	}
}

// timeline lists the story's events by first publication. A story without
// events gets one item per publication day.
func (a *assembly) timeline(s storyline.Story) []TimelineItem {
	var items []TimelineItem
	if len(s.Events) == 0 {
		byDay := make(map[string]*TimelineItem)
		var order []string
		for _, art := range a.arts {
			day := ""
			if !art.Published.IsZero() {
				day = storyline.Day(art.Published.Time).String()
			}
			it, ok := byDay[day]
			if !ok {
				it = &TimelineItem{Date: art.Published}
				if day != "" {
					it.Date = storyline.Day(art.Published.Time)
				}
				byDay[day] = it
				order = append(order, day)
			}
			it.Articles = append(it.Articles, a.ref(art))
			it.LastPublished = art.Published
		}
		for _, day := range order {
			it := byDay[day]
			it.Headline = a.headline(a.articlesOf(it.Articles))
			items = append(items, *it)
		}
		return items
	}
	for _, e := range s.Events {
		it := TimelineItem{Event: e.ID, Date: e.FirstPublished, LastPublished: e.LastPublished}
		var arts []*storyline.Article
		for _, id := range e.Articles {
			if i, ok := a.index[id]; ok {
				arts = append(arts, a.arts[i])
			}
		}
		slices.SortFunc(arts, comparePublished)
		for _, art := range arts {
			it.Articles = append(it.Articles, a.ref(art))
		}
		if len(arts) > 0 {
			if it.Date.IsZero() {
				it.Date = arts[0].Published
			}
			if it.LastPublished.IsZero() {
				it.LastPublished = arts[len(arts)-1].Published
			}
		}
		it.Headline = a.headline(preferLang(arts, a.lang))
		if it.Headline == "" {
			it.Headline = e.Title
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(x, y TimelineItem) int {
		xz, yz := x.Date.IsZero(), y.Date.IsZero()
		switch {
		case xz && !yz:
			return 1
		case !xz && yz:
			return -1
		case !xz && !yz:
			if c := x.Date.Time.Compare(y.Date.Time); c != 0 {
				return c
			}
		}
		return strings.Compare(x.Event, y.Event)
	})
	return items
}

func (a *assembly) articlesOf(refs []ArticleRef) []*storyline.Article {
	out := make([]*storyline.Article, 0, len(refs))
	for _, r := range refs {
		out = append(out, a.arts[a.index[r.ID]])
	}
	return preferLang(out, a.lang)
}

// preferLang keeps the articles in lang when there are any.
func preferLang(arts []*storyline.Article, lang string) []*storyline.Article {
	var out []*storyline.Article
	for _, art := range arts {
		if art.Lang == lang {
			out = append(out, art)
		}
	}
	if len(out) == 0 {
		return arts
	}
	return out
}

// sources lists the outlets by first publication and names the one that
// reported first, when publication times tell.
func (a *assembly) sources(g Graph) ([]Source, string) {
	byName := make(map[string]*Source)
	var order []string
	for _, art := range a.arts {
		s, ok := byName[art.Source]
		if !ok {
			s = &Source{Name: art.Source, FirstPublished: art.Published}
			byName[art.Source] = s
			order = append(order, art.Source)
		}
		s.Articles = append(s.Articles, art.ID)
	}
	reused := make(map[string]bool)
	reusedBy := make(map[string]bool)
	for _, e := range g.Edges {
		if e.Directed {
			reused[e.To] = true
			reusedBy[e.From] = true
		}
	}
	out := make([]Source, 0, len(order))
	for _, name := range order {
		s := byName[name]
		for _, id := range s.Articles {
			if reused[id] {
				s.Reused++
			}
			if reusedBy[id] {
				s.ReusedBy++
			}
		}
		out = append(out, *s)
	}
	// Articles are in publication order, so out is too, unknown dates last.
	first := ""
	if len(out) == 1 {
		first = out[0].Name
	} else if len(out) > 1 {
		ok := !out[0].FirstPublished.IsZero()
		for _, s := range out[1:] {
			if !out[0].FirstPublished.Before(s.FirstPublished) {
				ok = false
				break
			}
		}
		if ok {
			first = out[0].Name
		}
	}
	if first != "" || len(out) == 1 {
		out[0].First = true
	}
	return out, first
}

// entities counts the entities of the story's articles, most articles
// first.
func (a *assembly) entities(limit int) []storyline.EntityCount {
	type key struct {
		name string
		kind storyline.EntityKind
	}
	counts := make(map[key]*storyline.EntityCount)
	var order []key
	for _, art := range a.arts {
		seen := make(map[key]bool)
		for _, e := range art.Entities {
			k := key{textproc.Normalize(e.Name), e.Kind}
			if k.name == "" {
				continue
			}
			c, ok := counts[k]
			if !ok {
				c = &storyline.EntityCount{Name: e.Name, Kind: e.Kind}
				counts[k] = c
				order = append(order, k)
			}
			if !seen[k] {
				seen[k] = true
				c.Articles++
			}
			c.Mentions += max(len(e.Mentions), 1)
		}
	}
	out := make([]storyline.EntityCount, 0, len(order))
	for _, k := range order {
		out = append(out, *counts[k])
	}
	slices.SortStableFunc(out, func(x, y storyline.EntityCount) int {
		return cmp.Or(
			cmp.Compare(y.Articles, x.Articles),
			cmp.Compare(y.Mentions, x.Mentions),
			strings.Compare(x.Name, y.Name),
		)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// truncate cuts s to at most n code points at a word boundary, adding an
// ellipsis when it cut.
func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n
	for cut > n/2 && rs[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}
