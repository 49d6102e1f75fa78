package cluster

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/freelist"
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
// frequencies, by term id, in the order the terms first occur. It depends
// only on the article (ids aside, which only name terms), so it can be
// computed concurrently (Prepare).
type Features struct {
	terms []fterm
	// keys are the name keys of the names the article mentions, with
	// their field-weighted frequency (tf); cyrillic is set for articles
	// analysed as Russian. See crossScript.
	keys     []fterm
	cyrillic bool
	// title and text are the article's, for the readable form of terms
	// (explanations).
	title, text string
	// brief is briefText of the text: whether its whole copies prove
	// one happening, found here, off the ordered path of AssignPrepared.
	brief bool
	// Day is the day of the happening the article reports (days since
	// the Unix epoch), when HasDay: see eventDay.
	Day    int32
	HasDay bool
	// Weekday is the weekday the lead names, when HasWeekday, for
	// articles without an event day (leadWeekday).
	Weekday    time.Weekday
	HasWeekday bool
	// Persons are the terms standing for the people the reader found
	// (the last word of each name), each once, in the order of the
	// entities naming them first; Main is the one mentioned most (at
	// least twice), empty when none.
	Persons []string
	Main    string
	// Leading are the persons mentioned at least twice and named in the
	// title or lead, each once, in the same order.
	Leading []string
	// subject is the person the title and lead name most (subjectOf);
	// published the article's publication, for otherSubject.
	subject string
	// spokes are the persons named as spokespeople (spokesPerson), who
	// are no subject.
	spokes []string
	// voices are the spokespeople the text has speak (speaks): the
	// source of the report, where a spokesperson who does not speak in
	// it may be what it is about (fired, taken ill).
	voices    []string
	published storyline.Published
	// protagonists are the ids of the name terms weighing most in the
	// title and lead (protagonistsOf); given the terms and name keys of
	// the given names of the people the article names (every word of a
	// person's name but the last: see storyEvidence). Both are found
	// here, off the ordered path of AssignPrepared.
	protagonists, given []uint32
	// magnitudes are those the title and lead state (leadMagnitudes).
	magnitudes []int16
	// ordinals are the title nouns the title and lead number
	// (leadOrdinals).
	ordinals []ordinal
}

// fterm is one term of an article.
type fterm struct {
	id uint32
	// tf is the field-weighted frequency, before IDF; head the same in
	// the title and the lead alone: what the article is about first.
	tf, head float32
	// boost multiplies the term's weight (names, numbers).
	boost float32
	// calendar is set for the names of months and weekdays: names by
	// their capital, which tell when, not who (isCalendarWord).
	calendar bool
	// inTitle, at and n locate the term's first occurrence in the title
	// or the text, in bytes.
	inTitle bool
	at, n   int32
}

// find returns the index of term id in f, or -1.
func (f *Features) find(id uint32) int {
	for i := range f.terms {
		if f.terms[i].id == id {
			return i
		}
	}
	return -1
}

// surface is the readable form of f's i-th term: its first occurrence,
// lower case.
func (f *Features) surface(i int) string { return f.written(&f.terms[i]) }

// written is t's first occurrence in the article, lower case, or "" when
// it has none in the title or text.
func (f *Features) written(t *fterm) string { return strings.ToLower(f.raw(t)) }

// raw is t's first occurrence in the article as written, or "" when it
// has none in the title or text.
func (f *Features) raw(t *fterm) string {
	if t.n == 0 {
		return ""
	}
	src := f.text
	if t.inTitle {
		src = f.title
	}
	return src[t.at : t.at+t.n]
}

// featurizer analyses articles with one analyzer per language, each
// behind a cache of the words it has analysed, numbering terms in a
// lexicon shared by all. It is safe for concurrent use.
type featurizer struct {
	lex         *lexicon
	en, ru, und *wordCache
	scratch     scratchPool
}

func newFeaturizer(lex *lexicon) *featurizer {
	return &featurizer{lex: lex,
		en:  newWordCache(textproc.ForLang("en"), lex, 0),
		ru:  newWordCache(textproc.ForLang("ru"), lex, 1),
		und: newWordCache(textproc.ForLang("und"), lex, 2),
	}
}

func (f *featurizer) words(a *storyline.Article) *wordCache {
	lang := a.Lang
	if lang == "" || lang == "und" {
		// GuessScript reads 4 KiB at most: do not copy more
		lang = textproc.GuessScript(a.Title + " " + a.Text[:min(len(a.Text), 4096)])
	}
	switch lang {
	case "en":
		return f.en
	case "ru":
		return f.ru
	}
	return f.und
}

// scratchPool keeps the scratches of finished analyses for the next
// ones, across garbage collections (freelist.List): it keeps their memos
// (wordMemo) warm for the featurizer's life, where refilled after every
// collection they missed most words in a busy pipeline. It keeps at most
// maxIdleScratch, about as many as analyses run at once.
type scratchPool struct {
	list freelist.List[scratch]
}

const maxIdleScratch = 64

func (p *scratchPool) get() *scratch { return p.list.Get() }

func (p *scratchPool) put(s *scratch) { p.list.Put(s, maxIdleScratch) }

// scratch is one analysis' working memory, reused through a pool: the
// words of a field, and the article's terms with an open-addressing
// table from term id to position.
type scratch struct {
	// words holds the words of a field the analysis scans; text is the
	// text's words during an analysis, scanned into words or the
	// reader's (see featurizer.features), which the scratch must not
	// keep.
	words, text []textproc.Word
	// infos holds the analysis of each word of a field, looked up in
	// one pass before the words are counted, so that the lookups, which
	// mostly wait for memory, overlap.
	infos []wordInfo
	// names holds the words of an entity's name; personTerms each
	// entity's person term ("" for no person).
	names       []textproc.Word
	personTerms []string
	// personIDs and leadIDs hold the term ids of Features.Persons and
	// Features.Leading while they are collected, personStrs and leadStrs
	// their terms, given the ids of Features.given.
	personIDs, leadIDs   []uint32
	personStrs, leadStrs []string
	given                []uint32
	// dates holds the spans of the text's date mentions (dateSpans).
	dates []span
	// roles holds the places in words of the text's words of
	// spokesRoles (wordInfo.role), for nearRole.
	roles []int
	// terms and keys are the article's terms and name keys, in the
	// order they first occur, indexed by id in termIdx and keyIdx.
	terms, keys     []fterm
	termIdx, keyIdx idIndex
	// memo remembers the analysis of the words seen last, one per
	// wordCache (wordCache.memo).
	memo [3]wordMemo
	// persons remembers the terms of the persons seen last.
	persons termMemo
}

// nearRole reports whether a word of spokesRoles (s.roles) is among the
// spokesWindow words before mention m of the text (s.text) or the
// spokesWindow words after it, where spokesPerson looks for one: without
// one, m names no spokesperson, and the searches for its words are
// spared. Word r is before m when it starts before m and the word
// spokesWindow after it does not (or there is none), and after m when
// it starts at m's end or later and the word spokesWindow before it
// does not (or there is none).
func (s *scratch) nearRole(m storyline.Mention) bool {
	ws := s.text
	for _, r := range s.roles {
		start := int(ws[r].Start)
		if start < m.Start && (r+spokesWindow >= len(ws) || int(ws[r+spokesWindow].Start) >= m.Start) {
			return true
		}
		if start >= m.End && (r < spokesWindow || int(ws[r-spokesWindow].Start) < m.End) {
			return true
		}
	}
	return false
}

// givenName reports whether words[i], the name of a month written with a
// capital, is someone's given name, as in "August Wilson" or "April
// Ryan": the next word follows it after a single space, and is written
// with a capital inside its sentence, and is a word kept as a term that
// is no number and no name of a month or weekday. "in July, Parliament",
// "on July 4" and "in August and September" stay dates.
func givenName(text string, words []textproc.Word, infos []wordInfo, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	w, next, ni := words[i], words[i+1], infos[i+1]
	return next.Capital && !next.Initial && ni.keep && !ni.number && !ni.calendar &&
		text[w.Byte+w.Len:next.Byte] == " "
}

// features computes an article's Features. words, when not nil, are
// the words of a.Text as textproc.ScanWords returns them, which it then
// does not scan; it does not keep them.
func (f *featurizer) features(a *storyline.Article, words []textproc.Word) *Features {
	wc := f.words(a)
	s := f.scratch.get()
	defer f.scratch.put(s)
	// a word per 4 bytes at most, on average, in any real text
	s.reset(min((len(a.Title)+len(a.Text))/4+8, 1<<20))
	titleWords := s.add(wc, a.Title, nil, true, nil)
	var ordinals []ordinal // read from the words while they are at hand
	if wc != f.ru {
		ordinals = leadOrdinals(nil, a.Title, titleWords, len(a.Title))
	}
	s.dates = dateSpans(s.dates[:0], a.Dates)
	s.text = s.add(wc, a.Text, words, false, s.dates)
	if wc != f.ru {
		ordinals = leadOrdinals(ordinals, a.Text, s.text, 2*leadSpan)
	}
	ft := &Features{title: a.Title, text: a.Text, brief: briefText(a.Text)}
	// Entities the reader found boost the words of their names. Their
	// canonical names are not added as terms of their own: the same
	// person is canonicalised differently across articles ("Peskov",
	// "Dmitry Peskov"), so the words match more often than the names.
	// the text's words stay in s.text for mainPerson; names are scanned
	// into s.names
	personTerm := s.personTerms[:0]
	personIDs, leadIDs := s.personIDs[:0], s.leadIDs[:0]
	given, persons, leading := s.given[:0], s.personStrs[:0], s.leadStrs[:0]
	for _, e := range a.Entities {
		s.names = textproc.ScanWords(s.names[:0], e.Name)
		last, any := uint32(0), false
		person := e.Kind == storyline.Person
		for i := range s.names {
			w := &s.names[i]
			wi := s.memo[wc.memo].info(wc, e.Name, int(w.Byte), int(w.Len))
			if person && i < len(s.names)-1 {
				// a given name
				if wi.keep {
					given = append(given, wi.id)
				}
				if wi.hasKey {
					given = append(given, wi.key)
				}
			}
			if !wi.keep {
				continue
			}
			last, any = wi.id, true
			if i := s.lookup(wi.id); i >= 0 {
				s.terms[i].boost = max(s.terms[i].boost, nameBoost)
			}
			if wi.hasKey && !s.hasKey(wi.key) {
				// a word of the name the text does not write (the first
				// name of "Peskov" read as "Dmitry Peskov"); the text's
				// own mentions weigh the rest, so that a passer-by
				// named once weighs no more than any capitalised word
				s.addKey(wi.key, 1, nil, false)
			}
		}
		// persons: the last word of each name
		t := ""
		if e.Kind == storyline.Person && any {
			t = s.persons.term(f.lex, last)
			// each person once, told apart by term id (a comparison of
			// two integers, where one of strings reads both from the
			// lexicon, scattered in memory)
			if !slices.Contains(personIDs, last) {
				personIDs = append(personIDs, last)
				persons = append(persons, t)
			}
			if !slices.Contains(ft.spokes, t) && slices.ContainsFunc(e.Mentions, func(m storyline.Mention) bool { return s.nearRole(m) && spokesPerson(a.Text, s.text, m) }) {
				ft.spokes = append(ft.spokes, t)
				if slices.ContainsFunc(e.Mentions, func(m storyline.Mention) bool { return speaks(a.Text, s.text, m) }) {
					ft.voices = append(ft.voices, t)
				}
			}
			if i := s.lookup(last); len(e.Mentions) >= 2 && i >= 0 && s.terms[i].head > 0 && !slices.Contains(leadIDs, last) {
				leadIDs = append(leadIDs, last)
				leading = append(leading, t)
			}
		}
		personTerm = append(personTerm, t)
	}
	s.personTerms, s.leadIDs = personTerm, leadIDs[:0]
	ft.Main = mainPerson(a.Entities, a.Text, s.text, func(i int) string { return personTerm[i] })
	// what the article keeps, copied out of the scratch in one
	// allocation per kind, where appends one by one grew each list
	// through every power of two
	ft.given = clone(given)
	ft.Persons, ft.Leading = clone2(persons, leading)
	ft.terms, ft.keys = clone2(s.terms, s.keys)
	s.given, s.personStrs, s.leadStrs = given[:0], persons[:0], leading[:0]
	ft.cyrillic = wc == f.ru
	// ties are ordered by terms read through the person memo, where the
	// lexicon's are scattered in memory: the names of a title and lead
	// are mostly people's, and nine in ten of the memo's lookups hit
	// (20,000 generated articles)
	ft.protagonists = protagonistsOf(ft, func(id uint32) string { return s.persons.term(f.lex, id) })
	ft.subject, ft.published = subjectOf(ft, personIDs), a.Published
	s.personIDs = personIDs[:0]
	ft.Day, ft.HasDay = eventDay(a)
	ft.magnitudes = leadMagnitudes(nil, a.Title, a.Text, ft.cyrillic)
	ft.ordinals = ordinals
	if !ft.HasDay {
		ft.Weekday, ft.HasWeekday = leadWeekday(a.Text)
	}
	s.text = nil // the reader's, maybe, which the scratch must not keep
	return ft
}

// add counts the words of a field, text, into the scratch's terms and
// name keys, analysed by wc: ws are its words, scanned here when nil;
// inTitle tells the title from the text, whose date mentions, sorted
// and apart (dateSpans), are dates. It returns the words.
func (s *scratch) add(wc *wordCache, text string, ws []textproc.Word, inTitle bool, dates []span) []textproc.Word {
	if ws == nil {
		s.words = textproc.ScanWords(s.words[:0], text)
		ws = s.words
	}
	infos := slices.Grow(s.infos[:0], len(ws))[:len(ws)]
	s.memo[wc.memo].fill(wc, text, ws, infos)
	s.infos = infos
	if !inTitle {
		s.roles = s.roles[:0]
	}
	// the next date span, past every word when there is none: a word
	// is compared with two integers, not with the span list
	nextStart, nextEnd := math.MaxInt, math.MaxInt
	if len(dates) > 0 {
		nextStart, nextEnd = dates[0].start, dates[0].end
	}
	kept := 0
	for i := range ws {
		wi := &infos[i]
		if wi.role && !inTitle {
			// the text's words of spokesRoles, kept or not, in the pass
			// over its words
			s.roles = append(s.roles, i)
		}
		if !wi.keep {
			continue
		}
		w := &ws[i]
		at := int(w.Start)
		for nextEnd <= at {
			dates = dates[1:]
			nextStart, nextEnd = math.MaxInt, math.MaxInt
			if len(dates) > 0 {
				nextStart, nextEnd = dates[0].start, dates[0].end
			}
		}
		if nextStart <= at || wi.calendar && w.Capital && !(wi.month && givenName(text, ws, infos, i)) {
			// a date tells when, which the event day, the weekday and
			// the decay weigh: as terms, the words of "on Tuesday,
			// April 1" are shared by every report of that day, and a
			// month's name is rare (heavy) for days after the month
			// begins
			continue
		}
		e, fresh := s.term(wi.id)
		if fresh {
			e.inTitle, e.at, e.n = inTitle, w.Byte, w.Len
		}
		var fw float32 = 1
		switch {
		case inTitle:
			fw = titleWeight
			e.head += fw
		case kept < leadTokens:
			fw = leadWeight
			e.head += fw
		}
		e.tf += fw
		kept++
		switch {
		case wi.number:
			e.boost = max(e.boost, numberBoost)
		case w.Capital && !w.Initial:
			e.boost = max(e.boost, nameBoost)
			e.calendar = e.calendar || wi.calendar
			if wi.hasKey {
				s.addKey(wi.key, fw, w, inTitle)
			}
		}
	}
	return ws
}

// clone returns a copy of s, nil when s is empty.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// clone2 returns copies of a and b in one allocation, each without room
// to grow into the other (an append to either copies it), nil for an
// empty one.
func clone2[T any](a, b []T) ([]T, []T) {
	if len(a)+len(b) == 0 {
		return nil, nil
	}
	buf := make([]T, len(a)+len(b))
	copy(buf, a)
	copy(buf[len(a):], b)
	ca, cb := buf[:len(a):len(a)], buf[len(a):]
	if len(a) == 0 {
		ca = nil
	}
	if len(b) == 0 {
		cb = nil
	}
	return ca, cb
}

// sublinear damps repeated terms: 1+ln(tf) for tf ≥ 1.
func sublinear(tf float64) float64 {
	if tf <= 1 {
		return tf
	}
	return 1 + math.Log(tf)
}

// damped is sublinear(tf), looked up for the whole frequencies most
// terms have (field weights are whole numbers). The others are left to
// a call of its own, so that damped is inlined where it is called for
// every term of an article.
func damped(tf float32) float64 {
	if k := uint32(tf); float32(k) == tf && k < uint32(len(sublinearTable)) {
		return sublinearTable[k]
	}
	return dampedRest(tf)
}

// dampedRest is damped for the frequencies sublinearTable does not hold.
//
//go:noinline
func dampedRest(tf float32) float64 { return sublinear(float64(tf)) }

// sublinearTable holds sublinear of 0, 1, 2, …; it is never modified.
var sublinearTable = func() (t [512]float64) {
	for k := range t {
		t[k] = sublinear(float64(k))
	}
	return t
}()
