package textproc

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Analyzer turns a text into the terms an index or a clusterer compares:
// tokens with code point offsets, after the analyzer's filters.
type Analyzer interface {
	// Analyze appends the text's tokens to dst (which may be nil) and
	// returns it. Start and End stay offsets into text.
	Analyze(dst []Token, text string) []Token
	// Lang names the configuration ("en", "ru", "und").
	Lang() string
}

// CharFilter rewrites a text before tokenization. It must keep the number
// of code points, so that offsets stay valid.
type CharFilter interface {
	FilterChars(text string) string
}

// TokenFilter rewrites, drops or keeps tokens in place and returns the
// remaining slice.
type TokenFilter interface {
	FilterTokens(toks []Token) []Token
}

// Pipeline is an Analyzer built from char filters, the tokenizer and token
// filters, run in that order. It is safe for concurrent use when its
// filters are.
type Pipeline struct {
	lang    string
	chars   []CharFilter
	filters []TokenFilter
}

// NewPipeline composes an Analyzer named lang.
func NewPipeline(lang string, chars []CharFilter, filters ...TokenFilter) *Pipeline {
	return &Pipeline{lang: lang, chars: chars, filters: filters}
}

// Lang returns the pipeline's name.
func (p *Pipeline) Lang() string { return p.lang }

// Analyze tokenizes text and runs the filters; positions are renumbered
// so that they count the tokens that remain.
func (p *Pipeline) Analyze(dst []Token, text string) []Token {
	for _, c := range p.chars {
		text = c.FilterChars(text)
	}
	base := len(dst)
	dst = Tokenize(dst, text)
	toks := dst[base:]
	for _, f := range p.filters {
		toks = f.FilterTokens(toks)
	}
	for i := range toks {
		toks[i].Position = i
	}
	return dst[:base+len(toks)]
}

// ForLang returns a fresh analyzer for a BCP 47 base language. English and
// Russian get stop words and Snowball stemming (words in the other script
// are stemmed by that script's stemmer, so quoted names and loan words
// still match); any other value gets the neutral analyzer, which drops the
// stop words of both and stems by script. Each call returns a new
// instance with its own stem cache.
func ForLang(lang string) Analyzer {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	stem := NewStemFilter()
	switch lang {
	case "en":
		return NewPipeline("en", nil, PossessiveFilter{}, LengthFilter{Min: 2}, NewStopFilter(EnglishStopWords), stem)
	case "ru":
		return NewPipeline("ru", nil, LengthFilter{Min: 2}, NewStopFilter(RussianStopWords), stem)
	}
	return NewPipeline("und", nil, PossessiveFilter{}, LengthFilter{Min: 2},
		NewStopFilter(EnglishStopWords+" "+RussianStopWords), stem)
}

// GuessScript returns "ru" when most letters of text are Cyrillic, "en"
// when most are Latin, and "und" otherwise. It reads at most the first
// 4 KiB, and is meant as a fallback when no language was detected.
func GuessScript(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	var lat, cyr, other int
	for _, r := range text {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			lat++
		default:
			other++
		}
	}
	switch {
	case cyr > lat+other:
		return "ru"
	case lat > cyr+other:
		return "en"
	}
	return "und"
}

// PossessiveFilter strips an English possessive "'s" (and a bare trailing
// apostrophe) from tokens.
type PossessiveFilter struct{}

// FilterTokens implements TokenFilter.
func (PossessiveFilter) FilterTokens(toks []Token) []Token {
	for i := range toks {
		t := toks[i].Term
		if strings.HasSuffix(t, "'s") && len(t) > 2 {
			toks[i].Term = t[:len(t)-2]
		}
	}
	return toks
}

// LengthFilter drops tokens shorter than Min code points, except numbers.
type LengthFilter struct{ Min int }

// FilterTokens implements TokenFilter.
func (f LengthFilter) FilterTokens(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if utf8.RuneCountInString(t.Term) < f.Min && !IsNumber(t.Term) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// IsNumber reports whether term consists of digits only.
func IsNumber(term string) bool {
	if term == "" {
		return false
	}
	for _, r := range term {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// StopFilter drops the words of a stop list.
type StopFilter struct{ words map[string]struct{} }

// NewStopFilter builds a StopFilter from a white-space separated list.
// Words are folded as the tokenizer folds them (lower case, ё → е).
func NewStopFilter(list string) *StopFilter {
	f := &StopFilter{words: make(map[string]struct{})}
	for _, w := range strings.Fields(list) {
		for _, t := range Tokenize(nil, w) {
			f.words[t.Term] = struct{}{}
		}
	}
	return f
}

// Contains reports whether term is a stop word.
func (f *StopFilter) Contains(term string) bool {
	_, ok := f.words[term]
	return ok
}

// FilterTokens implements TokenFilter.
func (f *StopFilter) FilterTokens(toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if _, ok := f.words[t.Term]; ok {
			continue
		}
		out = append(out, t)
	}
	return out
}

// stemCacheMax bounds a StemFilter's cache; it is cleared when full.
const stemCacheMax = 1 << 17

// StemFilter stems each token with the Snowball stemmer of its script:
// Russian for Cyrillic words, English (Porter2) for Latin ones; numbers
// and other scripts pass unchanged. Stems are cached per instance; it is
// safe for concurrent use.
type StemFilter struct {
	mu    sync.Mutex
	cache map[string]string
}

// NewStemFilter returns a StemFilter with an empty cache.
func NewStemFilter() *StemFilter { return &StemFilter{cache: make(map[string]string)} }

// Stem returns the stem of one lower-case term.
func (f *StemFilter) Stem(term string) string {
	f.mu.Lock()
	s, ok := f.cache[term]
	f.mu.Unlock()
	if ok {
		return s
	}
	// terms may be substrings of a whole text: copy before keeping them
	term = strings.Clone(term)
	s = stemByScript(term)
	f.mu.Lock()
	if len(f.cache) >= stemCacheMax {
		clear(f.cache)
	}
	f.cache[term] = s
	f.mu.Unlock()
	return s
}

// FilterTokens implements TokenFilter.
func (f *StemFilter) FilterTokens(toks []Token) []Token {
	for i := range toks {
		toks[i].Term = f.Stem(toks[i].Term)
	}
	return toks
}

func stemByScript(term string) string {
	var lat, cyr bool
	for _, r := range term {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' {
				lat = true
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		case unicode.IsLetter(r):
			return term
		}
	}
	switch {
	case cyr && !lat:
		return russian.Stem(term, true)
	case lat && !cyr:
		if strings.ContainsRune(term, '-') || strings.ContainsRune(term, '\'') {
			return term
		}
		return english.Stem(term, true)
	}
	return term
}
