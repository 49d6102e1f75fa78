package story

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Summary tuning. A sentence's centrality is its cosine with the centroid
// of all sentences read, weighted towards the lead of its article (news
// puts the gist first) and towards sentences several articles repeat.
const (
	minSentenceTokens = 6
	maxSentenceTokens = 60
	// mmrLambda trades centrality against novelty when choosing the next
	// summary sentence.
	mmrLambda = 0.7
	// repeatSimilarity is the cosine above which a sentence says again
	// what a chosen one said, and is never chosen.
	repeatSimilarity = 0.5
)

// readSentences splits the articles the summary reads into sentences,
// counts document frequencies over them, and computes the centroid.
func (a *assembly) readSentences(o Options) {
	arts := spread(a.mainLangArticles(), o.SummaryArticles)
	for _, art := range arts {
		ai := a.index[art.ID]
		rs := []rune(art.Text)
		spans := splitSentences(art.Text)
		if len(spans) > o.SentencesPerArticle {
			spans = spans[:o.SentencesPerArticle]
		}
		for pos, sp := range spans {
			text := string(rs[sp.start:sp.end])
			terms := a.dict.terms(text)
			a.dict.count(terms)
			a.sents = append(a.sents, sentence{
				article: ai, pos: pos, start: sp.start, end: sp.end,
				text: text, ntok: len(terms), terms: terms,
			})
		}
	}
	// Titles count as documents only when no text has sentences, so that
	// a word found in one title and no text weighs nothing: it is no
	// evidence of what the story is about.
	if a.dict.docs == 0 {
		for _, art := range a.arts {
			a.dict.count(a.dict.terms(cleanTitle(art.Title, art.Source)))
		}
	}
	vs := make([]vector, len(a.sents))
	for i := range a.sents {
		s := &a.sents[i]
		s.vec = a.dict.vector(s.terms)
		s.terms = nil
		vs[i] = s.vec
	}
	a.centre = centroid(vs)
}

// spread picks at most n articles evenly over arts, keeping the first.
func spread(arts []*storyline.Article, n int) []*storyline.Article {
	if len(arts) <= n {
		return arts
	}
	out := make([]*storyline.Article, 0, n)
	for i := range n {
		out = append(out, arts[i*len(arts)/n])
	}
	return out
}

// headline returns the most central title among arts: the one most
// similar to the others' titles and to the content of the story. Ties go
// to the earlier article.
func (a *assembly) headline(arts []*storyline.Article) string {
	type cand struct {
		title string
		vec   vector
	}
	var cs []cand
	for _, art := range arts {
		t := cleanTitle(art.Title, art.Source)
		if t == "" {
			continue
		}
		cs = append(cs, cand{t, a.dict.vector(a.dict.terms(t))})
	}
	if len(cs) == 0 {
		return ""
	}
	// The summed similarity of a title to all others is its dot product
	// with the sum of all title vectors, less its similarity to itself:
	// linear in the number of titles.
	sum := make(map[int32]float64)
	for _, c := range cs {
		for _, tw := range c.vec {
			sum[tw.term] += float64(tw.w)
		}
	}
	best, bestScore := 0, math.Inf(-1)
	for i, c := range cs {
		score := dot(c.vec, a.centre)
		for _, tw := range c.vec {
			score += float64(tw.w) * (sum[tw.term] - float64(tw.w))
		}
		score *= headlineShape(c.title)
		if score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	return cs[best].title
}

// headlineShape weighs a title by how much it looks like a headline: a
// title cut short with an ellipsis is usually one inferred from the first
// sentence of a text without a headline, and a very long or very short
// one reads badly at the top of a page.
func headlineShape(title string) float64 {
	f := 1.0
	t := strings.TrimSpace(title)
	if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		f *= 0.25
	}
	words := len(strings.Fields(t))
	switch {
	case words > 16:
		f *= 16 / float64(words)
	case words < 3:
		f *= 0.5
	}
	return f
}

// summary chooses up to n central sentences by maximal marginal
// relevance, never one that repeats a chosen one, and returns them in the
// order of their articles.
func (a *assembly) summary(n int) []Sentence {
	type cand struct {
		i     int
		score float64
	}
	first := make(map[string]int) // normalized text → candidate
	var cs []cand
	for i := range a.sents {
		s := &a.sents[i]
		if s.ntok < minSentenceTokens || s.ntok > maxSentenceTokens || !endsSentence(s.text) || len(s.vec) == 0 {
			continue
		}
		key := textproc.Normalize(s.text)
		if j, ok := first[key]; ok {
			cs[j].score++ // counted below as a repeat
			continue
		}
		first[key] = len(cs)
		cs = append(cs, cand{i: i})
	}
	for j := range cs {
		s := &a.sents[cs[j].i]
		repeats := cs[j].score
		lead := 1 - 0.4*float64(min(s.pos, 10))/10
		cs[j].score = dot(s.vec, a.centre) * lead * (1 + 0.15*math.Log1p(repeats))
	}
	var chosen []int
	used := make([]bool, len(cs))
	for len(chosen) < n {
		best, bestScore := -1, math.Inf(-1)
		for j, c := range cs {
			if used[j] {
				continue
			}
			sim := 0.0
			for _, k := range chosen {
				sim = max(sim, dot(a.sents[c.i].vec, a.sents[k].vec))
			}
			if sim > repeatSimilarity {
				used[j] = true
				continue
			}
			if score := mmrLambda*c.score - (1-mmrLambda)*sim; score > bestScore+1e-12 {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, cs[best].i)
	}
	slices.SortFunc(chosen, func(x, y int) int {
		sx, sy := &a.sents[x], &a.sents[y]
		if sx.article != sy.article {
			return sx.article - sy.article
		}
		return sx.start - sy.start
	})
	out := make([]Sentence, 0, len(chosen))
	for _, i := range chosen {
		s := &a.sents[i]
		art := a.arts[s.article]
		text, start := s.text, s.start
		if n := datelineLength(text); n > 0 {
			rs := []rune(text)
			text, start = string(rs[n:]), start+n
		}
		out = append(out, Sentence{Text: text, Article: art.ID, Source: art.Source, Start: start, End: s.end})
	}
	return out
}

// datelineLength returns the length in code points of a dateline that
// opens a sentence — a place in capitals, optionally a date and an agency
// in brackets, then a dash ("KESSLING, Feb 28 (Meridian) — ",
// "ЗАРЕЧЕНСК, 11 марта — ") — or 0 when there is none.
func datelineLength(s string) int {
	rs := []rune(s)
	i := 0
	caps := 0
	for i < len(rs) && (unicode.IsUpper(rs[i]) || rs[i] == ' ' || rs[i] == '.' || rs[i] == '-' || rs[i] == '\'') {
		if unicode.IsUpper(rs[i]) {
			caps++
		}
		i++
	}
	if caps < 3 || i >= len(rs) {
		return 0
	}
	// what may follow the place before the dash: ", date" and "(agency)"
	for j := i; j < len(rs) && j < i+40; j++ {
		switch rs[j] {
		case '—', '–':
			k := j + 1
			for k < len(rs) && unicode.IsSpace(rs[k]) {
				k++
			}
			if k < len(rs) && !unicode.IsLower(rs[k]) {
				return k
			}
			return 0
		case '.', '!', '?', '"', '“', '«':
			return 0
		}
	}
	return 0
}

// endsSentence reports whether s ends like a sentence rather than a
// heading, caption or cut-off line.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return isClosing(r) || unicode.IsSpace(r) })
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// titleSeparators divide a headline from an outlet's name appended to it.
var titleSeparators = []string{" | ", " - ", " — ", " – ", " :: ", " · "}

// cleanTitle collapses white space and drops an outlet's name appended to
// a title ("Talks resume - Reuters") when it names the article's source.
func cleanTitle(title, source string) string {
	title = strings.Join(strings.Fields(title), " ")
	if source == "" {
		return title
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		if sameOutlet(title[i+len(sep):], source) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// sameOutlet reports whether name names the outlet source, which may be a
// host ("www.reuters.com") or a name ("The Moscow Times").
func sameOutlet(name, source string) bool {
	n := squash(name)
	if n == "" {
		return false
	}
	if n == squash(source) {
		return true
	}
	host := strings.TrimPrefix(strings.ToLower(source), "www.")
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		host = host[:i]
		if j := strings.LastIndexByte(host, '.'); j >= 0 {
			host = host[j+1:]
		}
		return n == squash(host)
	}
	return false
}

// squash keeps only the lower-cased letters and digits of s.
func squash(s string) string {
	var b strings.Builder
	for _, r := range textproc.Normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
