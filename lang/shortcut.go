package lang

import (
	"math/bits"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/storyline-news/storyline/textproc"
)

// Function words that make up a large share of running English or Russian
// text and are rare elsewhere.
var (
	enWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "in": true, "is": true,
		"that": true, "for": true, "on": true, "with": true, "was": true, "as": true, "by": true,
		"at": true, "from": true, "said": true, "he": true, "it": true, "his": true, "are": true,
		"have": true, "has": true, "be": true, "this": true, "not": true, "but": true, "they": true}
	ruWords = map[string]bool{"и": true, "в": true, "не": true, "на": true, "что": true, "с": true,
		"по": true, "как": true, "это": true, "он": true, "его": true, "к": true, "из": true,
		"за": true, "от": true, "для": true, "о": true, "также": true, "был": true, "была": true,
		"заявил": true, "сообщил": true, "которые": true, "который": true, "уже": true, "но": true}
)

// shortcutLangs are the languages shortcut can settle.
var shortcutLangs = map[string]whatlanggo.Lang{"en": whatlanggo.Eng, "ru": whatlanggo.Rus}

// The shortcut's rule, for a text's words (runs of letters): a word counts
// as a hit when the set holds it as written or, when it is 8 bytes at
// most, lowered. English needs a quarter of at least 40 words to be hits,
// Russian a fifth, with no letter that only Ukrainian or Belarusian use.
//
// Most words are ASCII letters and the two-byte Cyrillic letters
// U+0400–U+047F, in which every word of the sets is written, lower case,
// in 8 letters at most. Such a word is looked up by a key packing the
// codes of its letters, lowered (see letterKeys): it is a hit when the
// set's keys hold its key and it is lower case or 8 bytes at most, as
// the rule says, since lowering keeps these letters' byte lengths. Any
// other word is looked up as the rule says, by string.

// shortcutSet is one language's function words for shortcut.
type shortcutSet struct {
	code    string
	words   map[string]bool
	filter  *textproc.WordFilter
	longest int // bytes of the longest word
	// asciiLongest is the bytes of the longest word of ASCII letters
	// (0 when none is).
	asciiLongest int
	// maxLen is the bytes of the longest word that may be a hit:
	// longest, or 8, to be lowered
	maxLen int
	need   int // hits*need >= words settles
	keys   keySet
	keyed  bool // every word has a key (else all go by string)
}

var (
	enShortcut = newShortcutSet("en", enWords, 4)
	ruShortcut = newShortcutSet("ru", ruWords, 5)
)

// newShortcutSet returns the set of words for code, settled when one word
// in need at least is a hit.
func newShortcutSet(code string, words map[string]bool, need int) *shortcutSet {
	s := &shortcutSet{code: code, words: words, filter: textproc.NewWordFilter(words), need: need,
		keyed: 2*len(words) <= len(keySet{}.slots)} // a keySet half full at most
	for w := range words {
		s.longest = max(s.longest, len(w))
		s.maxLen = max(s.longest, 8)
		if !s.keyed {
			continue
		}
		key, upper, ok := wordKey(w)
		if !ok || upper || key == 0 {
			s.keyed = false
			continue
		}
		if isASCIILetters(w) {
			s.asciiLongest = max(s.asciiLongest, len(w))
		}
		s.keys.add(key)
	}
	if !s.keyed {
		s.asciiLongest = s.maxLen // all words go by string, in hit
	}
	return s
}

// isASCIILetters reports whether w is all ASCII letters.
func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i]|0x20)-'a' >= 26 {
			return false
		}
	}
	return true
}

// letterKeys gives, per ASCII letter and per code point U+0400–U+047F
// (indexed from 128), the code of its lower case in the low byte (1–26
// for a–z, 27 on for Cyrillic) and upperKey when lowering changes it; 0
// for ASCII other than letters. noKey marks a letter without a code.
var letterKeys = func() (t [256]uint16) {
	for c := 'A'; c <= 'z'; c++ {
		if l := unicode.ToLower(c); 'a' <= l && l <= 'z' {
			t[c] = uint16(l-'a') + 1
			if l != c {
				t[c] |= upperKey
			}
		}
	}
	for r := rune(0x400); r < 0x480; r++ {
		l := unicode.ToLower(r)
		k := &t[128+r-0x400]
		if l < 0x400 || l >= 0x480 {
			*k = noKey // words with it go by string
			continue
		}
		*k = uint16(27 + l - 0x400)
		if l != r {
			*k |= upperKey
		}
	}
	return t
}()

// Flags of letterKeys.
const (
	upperKey = 1 << 8
	noKey    = 1 << 9
)

// wordKey returns the key of a word of ASCII letters and U+0400–U+047F,
// 8 letters at most, and whether lowering changes it; ok is false for
// any other word.
func wordKey(w string) (key uint64, upper, ok bool) {
	n := 0
	for i := 0; i < len(w); n++ {
		if n == 8 {
			return 0, false, false
		}
		var idx int
		c := w[i]
		switch {
		case c < utf8.RuneSelf:
			idx = int(c)
			i++
		case (c == 0xd0 || c == 0xd1) && i+1 < len(w) && w[i+1]&0xc0 == 0x80:
			idx = 128 + int(c&0x1f)<<6 | int(w[i+1]&0x3f) - 0x400
			i += 2
		default:
			return 0, false, false
		}
		v := letterKeys[idx]
		if v == 0 || v&noKey != 0 {
			return 0, false, false
		}
		key = key<<8 | uint64(v&0xff)
		upper = upper || v&upperKey != 0
	}
	return key, upper, true
}

// keySet is a small read-only set of nonzero keys, open addressing.
type keySet struct{ slots [128]uint64 }

func (s *keySet) slot(key uint64) int { return int((key * 0x9e3779b97f4a7c15) >> 57) }

func (s *keySet) add(key uint64) {
	i := s.slot(key)
	for s.slots[i] != 0 && s.slots[i] != key {
		i = (i + 1) & (len(s.slots) - 1)
	}
	s.slots[i] = key
}

func (s *keySet) has(key uint64) bool {
	for i := s.slot(key); ; i = (i + 1) & (len(s.slots) - 1) {
		switch s.slots[i] {
		case key:
			return true
		case 0:
			return false
		}
	}
}

// shortcut settles English and Russian without the trigram model when the
// text is long and its function words leave no doubt: a quarter of the
// words English function words, or a fifth Russian ones with no letter
// that only Ukrainian or Belarusian use. It returns "" when unsure.
func shortcut(text string, cyrillic bool, opts whatlanggo.Options) string {
	set := enShortcut
	if cyrillic {
		set = ruShortcut
	}
	if !opts.Whitelist[shortcutLangs[set.code]] {
		return ""
	}
	// The loop is written for ASCII text, without calls on its way:
	// words with other code points go to wordRest and hit.
	words, hits := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && (c|0x20)-'a' >= 26 {
			i++ // between words, most often a space
			continue
		}
		start := i
		for i+8 <= len(text) {
			if m := nonLetters(load64(text[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto run
			}
			i += 8
		}
		for i < len(text) && text[i] < utf8.RuneSelf && (text[i]|0x20)-'a' < 26 {
			i++
		}
	run:
		if i < len(text) && text[i] >= utf8.RuneSelf {
			end, next, ok := wordRest(text, i, cyrillic)
			if !ok {
				return ""
			}
			if end > start {
				words++
				if w := text[start:end]; len(w) <= set.maxLen && set.hit(w, false) {
					hits++
				}
			}
			i = next
			continue
		}
		// a word of ASCII letters: a hit when lowered it is in the set
		words++
		if i-start <= set.asciiLongest {
			if !set.keyed {
				if set.hit(text[start:i], true) {
					hits++
				}
				continue
			}
			key := uint64(0)
			for _, c := range []byte(text[start:i]) {
				key = key<<8 | uint64((c|0x20)-'a'+1) // letterKeys' code
			}
			if set.keys.has(key) {
				hits++
			}
		}
	}
	if words >= 40 && hits*set.need >= words {
		return set.code
	}
	return ""
}

// hit reports whether w, a word of shortcut's text no longer than maxLen,
// counts for the set. A word of ASCII letters is lowered and looked up
// by key, when it is no longer than the longest word; a word of ASCII
// letters and U+0400–U+047F is looked up by key; any other by string.
func (s *shortcutSet) hit(w string, ascii bool) bool {
	if ascii && s.keyed {
		if len(w) > s.longest {
			return false // lowering keeps its length
		}
		key := uint64(0)
		for i := 0; i < len(w); i++ {
			key = key<<8 | uint64(letterKeys[w[i]]&0xff)
		}
		return s.keys.has(key) // the word itself, or lowered: it is 8 bytes at most
	}
	if key, upper, ok := wordKey(w); ok && s.keyed {
		return s.keys.has(key) && (!upper || len(w) <= 8)
	}
	if len(w) > max(s.longest, 8) {
		return false // too long for the set, lowered or not
	}
	if s.filter.May(w) && s.words[w] {
		return true
	}
	if len(w) > 8 {
		return false
	}
	// s.words[strings.ToLower(w)] without allocating
	var buf [8 + utf8.UTFMax]byte
	lower, changed := buf[:0], false
	for _, r := range w {
		l := unicode.ToLower(r)
		changed = changed || l != r
		lower = utf8.AppendRune(lower, l)
	}
	return changed && s.filter.May(string(lower)) && s.words[string(lower)]
}

// ukrainianOrBelarusian reports whether r is a letter that only
// Ukrainian or Belarusian use, of those Russian lacks.
func ukrainianOrBelarusian(r rune) bool {
	switch r {
	case 'і', 'ї', 'є', 'ґ', 'ў', 'І', 'Ї', 'Є', 'Ґ', 'Ў':
		return true
	}
	return false
}

// shortcutOdds tracks whether the shortcut has lately settled the texts
// it read, so that Detect runs it first when it pays: it costs somewhat
// less than half of the trigram model (on 2 KB of text against the
// model's 512 bytes), so it pays when it settles more than about two
// texts in five, as it does most news in English and Russian (but few
// generated articles, poorer in function words). The score goes up by 3
// for a text settled and down by 2 for one not, within about ±oddsLimit
// (concurrent records may pass it by a step); the shortcut runs first
// while the score is not negative. While the model runs first, the
// shortcut runs after it on one text in probeEvery, to follow the stream. The odds only choose what runs first, never the
// answer; they are safe for concurrent use.
type shortcutOdds struct {
	score atomic.Int32
	calls atomic.Uint32
}

const (
	oddsLimit  = 64
	probeEvery = 32
)

// first reports whether the shortcut should run before the model. A nil
// shortcutOdds (a Detector not made by New) always says no.
func (o *shortcutOdds) first() bool {
	return o != nil && o.score.Load() >= 0
}

// probe reports whether the shortcut should run after the model
// agreed with what it would say, to learn its odds.
func (o *shortcutOdds) probe() bool {
	return o != nil && o.calls.Add(1)%probeEvery == 0
}

// record counts a text the shortcut read: settled or not.
func (o *shortcutOdds) record(settled bool) {
	if o == nil {
		return
	}
	delta := int32(-2)
	if settled {
		delta = 3
	}
	if s := o.score.Load(); s+delta > oddsLimit || s+delta < -oddsLimit {
		return // saturated
	}
	o.score.Add(delta)
}

// nonLetters returns the high bit of each byte of the little-endian word
// w that is not an ASCII letter, all eight at once (see asciiLetters).
func nonLetters(w uint64) uint64 {
	const ones = 0x0101010101010101
	x := (w | 0x20*ones) &^ asciiHigh
	geA := x + (0x80-'a')*ones
	gtZ := x + (0x80-'{')*ones
	return ^(geA &^ gtZ &^ w) & asciiHigh
}

// wordRest reads the rest of a word of shortcut's text from text[i], a
// byte of a code point other than ASCII, and returns where the word ends
// and where the next may start, past the code point that ended it when
// that is not ASCII. ok is false when cyrillic and the word has a letter
// that only Ukrainian or Belarusian use.
func wordRest(text string, i int, cyrillic bool) (end, next int, ok bool) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if (c|0x20)-'a' >= 26 {
				return i, i, true
			}
			i++
			continue
		}
		var r rune
		var size int
		if (c == 0xd0 || c == 0xd1) && i+1 < len(text) && text[i+1]&0xc0 == 0x80 {
			r, size = rune(c&0x1f)<<6|rune(text[i+1]&0x3f), 2 // U+0400–U+047F
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if cyrillic && ukrainianOrBelarusian(r) {
			return 0, 0, false
		}
		if !cyrillicLetter(r) && !unicode.IsLetter(r) {
			return i, i + size, true
		}
		i += size
	}
	return i, i, true
}
