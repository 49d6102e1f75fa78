package entities

import (
	"slices"
	"strings"
)

// lexFlag marks the word lists a word is in, so that one map lookup per
// token answers every list the recognizer asks about it.
type lexFlag uint32

const (
	inTitles lexFlag = 1 << iota
	inFunctionWords
	inCalendarWords
	inDiscourse
	inConnectors
	inOrgWords
	inKnownOrgs
	inPlaces
	inFirstNames
	inOccupations
	inRoleHeads
	inRoleModifiers
	inHonorifics
	inAbbreviations
	inSpeechVerbs
	inPersonObjectVerbs
	inDeterminers
	inPrepositions
	inPlatforms
	// lexLooked marks a token whose flags have been looked up, so that
	// a token in no list is looked up once too.
	lexLooked
)

// lexTable holds every word of the word lists with the flags of the
// lists that hold it.
type lexTable struct {
	index strIndex
	flags []lexFlag // by the word's number in index
	// filter turns away, without hashing the whole word, nearly all the
	// words looked up that no list holds, the most of those looked up.
	filter lexFilter
}

// get returns the flags of w, 0 when no list holds it.
func (t *lexTable) get(w string) lexFlag {
	if !t.filter.may(w) {
		return 0
	}
	if id := t.index.find(w); id >= 0 {
		return t.flags[id]
	}
	return 0
}

// lexicon is the lexTable of the recognizer's word lists.
var lexicon = func() *lexTable {
	m := make(map[string]lexFlag)
	for _, l := range []struct {
		set  *wordSet
		flag lexFlag
	}{
		{titles, inTitles}, {functionWords, inFunctionWords}, {calendarWords, inCalendarWords},
		{discourse, inDiscourse}, {connectors, inConnectors}, {orgWords, inOrgWords},
		{knownOrgs, inKnownOrgs}, {places, inPlaces}, {firstNames, inFirstNames},
		{occupations, inOccupations}, {roleHeads, inRoleHeads}, {roleModifiers, inRoleModifiers},
		{honorifics, inHonorifics}, {abbreviations, inAbbreviations}, {speechVerbs, inSpeechVerbs},
		{personObjectVerbs, inPersonObjectVerbs}, {determiners, inDeterminers},
		{prepositions, inPrepositions}, {platforms, inPlatforms},
	} {
		for w := range l.set.words {
			m[w] |= l.flag
		}
	}
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	slices.Sort(words) // the same table on every run
	t := new(lexTable)
	t.index.reset(len(words)) // half empty: a word absent stops soon
	for _, w := range words {
		t.index.add(w)
		t.flags = append(t.flags, m[w])
		t.filter.add(w)
	}
	return t
}()

// lexFilter is a Bloom filter of the lexicon's words, each set in two
// bits picked by a hash of its length and its first and last two bytes,
// which are read without a loop. With the lexicon's 1,300 words in its
// 32,768 bits it passes about one in forty of the lookups of words the
// lexicon lacks (2.6% on the synthetic stream: words share their ends
// and lengths more than random keys would), where a filter by first
// and last byte and length (textproc.WordFilter) passed more than half
// of them: the names and common words of an article's capitalised runs,
// which the word lists' many words of every length and ending let
// through.
type lexFilter struct{ bits [1 << 9]uint64 }

// lexBits returns the two bits of w, below 1<<15.
func lexBits(w string) (a, b uint64) {
	n := len(w)
	k := uint64(n) << 32
	if n >= 2 {
		k |= uint64(w[0]) | uint64(w[1])<<8 | uint64(w[n-2])<<16 | uint64(w[n-1])<<24
	} else if n == 1 {
		k |= uint64(w[0])
	}
	h := k * 0x9e3779b97f4a7c15
	return h >> 49, h >> 34 & (1<<15 - 1)
}

// add sets the bits of w.
func (f *lexFilter) add(w string) {
	a, b := lexBits(w)
	f.bits[a>>6] |= 1 << (a & 63)
	f.bits[b>>6] |= 1 << (b & 63)
}

// may reports whether the lexicon may hold w; when it returns false, it
// certainly does not.
func (f *lexFilter) may(w string) bool {
	a, b := lexBits(w)
	return f.bits[a>>6]&(1<<(a&63)) != 0 && f.bits[b>>6]&(1<<(b&63)) != 0
}

// lexOf returns the lexicon's flags of a word.
func lexOf(w string) lexFlag { return lexicon.get(w) }

// lex returns the lexicon's flags of token i's term, looked up once per
// article; Recognize sizes the cache. It is inlined where it is called,
// most often for a token looked up already.
func (d *Doc) lex(i int) lexFlag {
	if f := d.work.lex[i]; f != 0 {
		return f
	}
	return d.lookUp(i)
}

// lookUp is lex for a token not looked up yet; not inlined, so that lex
// is.
//
//go:noinline
func (d *Doc) lookUp(i int) lexFlag {
	f := lexicon.get(d.Tokens[i].Term) | lexLooked
	d.work.lex[i] = f
	return f
}

// lexTrim is lex of token i's term less a final "'s".
func (d *Doc) lexTrim(i int) lexFlag {
	t := d.Tokens[i].Term
	if strings.HasSuffix(t, "'s") {
		return lexicon.get(t[:len(t)-2])
	}
	return d.lex(i)
}
