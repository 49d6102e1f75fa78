package cluster

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// Field weights: a term in the title counts as titleWeight occurrences,
// in the lead as leadWeight. Names (words of the entities the reader
// found, and capitalised words inside a sentence) and numbers are
// boosted.
const (
	titleWeight = 3.0
	leadWeight  = 2.0
	leadTokens  = 40
	nameBoost   = 3.0
	numberBoost = 1.3
)

// Features is the analysed, IDF-free form of an article: weighted term
// frequencies with a surface form per term for explanations. It depends
// only on the article, so it can be computed concurrently (Prepare).
type Features struct {
	// Terms are the distinct terms, sorted.
	Terms []string
	// TF is the field-weighted frequency of each term, before IDF.
	TF []float32
	// Boost multiplies the term's weight (names, numbers).
	Boost []float32
	// Surface is a readable form of each term (its first occurrence).
	Surface []string
	// Head is the field-weighted frequency of each term in the title and
	// the lead alone: what the article is about first.
	Head []float32
	// Day is the day of the happening the article reports (days since
	// the Unix epoch), when HasDay: see eventDay.
	Day    int32
	HasDay bool
	// Weekday is the weekday the lead names, when HasWeekday, for
	// articles without an event day (leadWeekday).
	Weekday    time.Weekday
	HasWeekday bool
	// Persons are the terms standing for the people the reader found
	// (the last word of each name), sorted; Main is the one mentioned
	// most (at least twice), empty when none.
	Persons []string
	Main    string
}

// featurizer analyses articles with one analyzer per language. It is safe
// for concurrent use: analyzers are created up front.
type featurizer struct {
	en, ru, und textproc.Analyzer
}

func newFeaturizer() *featurizer {
	return &featurizer{en: textproc.ForLang("en"), ru: textproc.ForLang("ru"), und: textproc.ForLang("und")}
}

func (f *featurizer) analyzer(a *storyline.Article) textproc.Analyzer {
	lang := a.Lang
	if lang == "" || lang == "und" {
		lang = textproc.GuessScript(a.Title + " " + a.Text)
	}
	switch lang {
	case "en":
		return f.en
	case "ru":
		return f.ru
	}
	return f.und
}

type termAcc struct {
	tf      float64
	head    float64
	boost   float64
	surface string
}

// features computes an article's Features.
func (f *featurizer) features(a *storyline.Article) *Features {
	an := f.analyzer(a)
	at := make(map[string]int32, 256)
	var accs []termAcc
	get := func(term string, boost float64, surface func() string) *termAcc {
		i, ok := at[term]
		if !ok {
			i = int32(len(accs))
			at[term] = i
			accs = append(accs, termAcc{boost: boost, surface: surface()})
		}
		return &accs[i]
	}
	var toks []textproc.Token
	add := func(text string, weight float64, lead int) {
		toks = an.Analyze(toks[:0], text)
		runes := []rune(text)
		for i, t := range toks {
			w := weight
			if lead > 0 && i < lead {
				w = leadWeight
			}
			e := get(t.Term, 1, func() string { return strings.ToLower(string(runes[t.Start:t.End])) })
			e.tf += w
			if weight != 1 || (lead > 0 && i < lead) {
				e.head += w
			}
			switch {
			case textproc.IsNumber(t.Term):
				e.boost = max(e.boost, numberBoost)
			case isInnerCapital(runes, t.Start):
				e.boost = max(e.boost, nameBoost)
			}
		}
	}
	add(a.Title, titleWeight, 0)
	add(a.Text, 1, leadTokens)
	// Entities the reader found boost the words of their names. Their
	// canonical names are not added as terms of their own: the same
	// person is canonicalised differently across articles ("Peskov",
	// "Dmitry Peskov"), so the words match more often than the names.
	for _, e := range a.Entities {
		for _, t := range an.Analyze(toks[:0], e.Name) {
			if i, ok := at[t.Term]; ok {
				accs[i].boost = max(accs[i].boost, nameBoost)
			}
		}
	}
	ft := &Features{
		Terms:   make([]string, 0, len(at)),
		TF:      make([]float32, 0, len(at)),
		Boost:   make([]float32, 0, len(at)),
		Surface: make([]string, 0, len(at)),
		Head:    make([]float32, 0, len(at)),
	}
	ft.Day, ft.HasDay = eventDay(a)
	if !ft.HasDay {
		ft.Weekday, ft.HasWeekday = leadWeekday(a.Text)
	}
	ft.Persons, ft.Main = persons(an, a)
	for t := range at {
		ft.Terms = append(ft.Terms, t)
	}
	sort.Strings(ft.Terms)
	for _, t := range ft.Terms {
		e := &accs[at[t]]
		ft.TF = append(ft.TF, float32(e.tf))
		ft.Boost = append(ft.Boost, float32(e.boost))
		ft.Surface = append(ft.Surface, e.surface)
		ft.Head = append(ft.Head, float32(e.head))
	}
	return ft
}

// isInnerCapital reports whether the word starting at rune i is
// capitalised and does not open a sentence or a line, the cheap sign of a
// name when no entities were read.
func isInnerCapital(runes []rune, i int) bool {
	if i >= len(runes) || !unicode.IsUpper(runes[i]) {
		return false
	}
	// all-caps words of 2+ letters (acronyms) count as names too
	for j := i - 1; j >= 0; j-- {
		r := runes[j]
		switch {
		case r == ' ' || r == '\t' || r == '"' || r == '\'' || r == '(' || r == '«' || r == '“':
			continue
		case r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '—':
			return false
		default:
			return true
		}
	}
	return false
}

// sublinear damps repeated terms: 1+ln(tf) for tf ≥ 1.
func sublinear(tf float64) float64 {
	if tf <= 1 {
		return tf
	}
	return 1 + math.Log(tf)
}

// persons returns the terms of the last words of a's person entities,
// sorted, and that of the most mentioned one (ties: the first), when it
// is mentioned at least twice.
func persons(an textproc.Analyzer, a *storyline.Article) (terms []string, main string) {
	best := 1
	var toks []textproc.Token
	for _, e := range a.Entities {
		if e.Kind != storyline.Person {
			continue
		}
		toks = an.Analyze(toks[:0], e.Name)
		if len(toks) == 0 {
			continue
		}
		t := toks[len(toks)-1].Term
		terms = append(terms, t)
		if len(e.Mentions) > best {
			best, main = len(e.Mentions), t
		}
	}
	sort.Strings(terms)
	terms = slices.Compact(terms)
	return terms, main
}
