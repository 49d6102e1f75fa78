// Package lang identifies the language of an article: whatlanggo's trigram
// model restricted to a whitelist of languages news arrives in, steered by
// the script of the text (Cyrillic text is only ever scored against
// Cyrillic languages), and "und" when the text is too short or the model is
// unsure.
package lang

import (
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/abadojack/whatlanggo"
)

// Und is the BCP 47 code for an undetermined language.
const Und = "und"

// Detector identifies languages. Its zero value is not usable; call New.
type Detector struct {
	latin, cyrillic whatlanggo.Options
	// models score a text of the script given by the second index
	// (0 Latin, 1 Cyrillic) against the languages of latin (0) or
	// cyrillic (1).
	models [2][2]*trigramModel
	// codes are the ISO 639-1 codes of the models' languages
	// (whatlanggo builds a map on every Iso6391 call).
	codes map[whatlanggo.Lang]string
	// scratch holds *scratch, trigramModel.detect's working memory.
	scratch *sync.Pool
	// MinLetters is the fewest letters a text needs for a guess.
	MinLetters int
	// MinConfidence is the lowest whatlanggo confidence accepted.
	MinConfidence float64
	// Sample is how many bytes of a long text are examined.
	Sample int
	// odds says whether the shortcut runs before the model.
	odds *shortcutOdds
}

// DefaultLanguages are the languages a Detector guesses among by default.
var DefaultLanguages = []string{"en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl", "nl", "tr", "be", "bg"}

// New returns a Detector that chooses among the given ISO 639-1 codes
// (DefaultLanguages when none are given).
func New(codes ...string) *Detector {
	if len(codes) == 0 {
		codes = DefaultLanguages
	}
	d := &Detector{
		latin:         whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}},
		cyrillic:      whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}},
		MinLetters:    20,
		MinConfidence: 0.1,
		Sample:        2048,
		scratch:       new(sync.Pool),
		odds:          new(shortcutOdds),
	}
	for _, c := range codes {
		l := fromISO(c)
		if l < 0 {
			continue
		}
		switch c {
		case "ru", "uk", "be", "bg", "sr", "mk":
			d.cyrillic.Whitelist[l] = true
		default:
			d.latin.Whitelist[l] = true
		}
	}
	d.codes = make(map[whatlanggo.Lang]string)
	for i, opts := range []whatlanggo.Options{d.latin, d.cyrillic} {
		d.models[i][0] = newTrigramModel(latinProfiles, opts.Whitelist, latinAlphabet)
		d.models[i][1] = newTrigramModel(cyrillicProfiles, opts.Whitelist, cyrillicAlphabet)
		for _, m := range d.models[i] {
			for _, l := range m.langs {
				d.codes[l] = l.Iso6391()
			}
		}
	}
	return d
}

func fromISO(code string) whatlanggo.Lang {
	for l := whatlanggo.Lang(0); l <= whatlanggo.Lang(200); l++ {
		if l.Iso6391() == code {
			return l
		}
	}
	return -1
}

// Detect returns the ISO 639-1 code of text's language, or Und.
//
// The trigram model decides, unless the function-word shortcut settles
// English or Russian first. The shortcut names no language but its own, so
// when the model names that language too the answer is the same whichever
// runs first, and Detect may run either first: the shortcut, which costs
// less than half of the model, when it has lately settled enough texts
// (it settles most news in English and Russian), else the model, and the
// shortcut only when the model disagrees (see shortcutOdds).
func (d *Detector) Detect(text string) string {
	return d.detect(text, nil)
}

// detect is Detect with s for the trigram model's working memory, nil
// for one from d's pool.
func (d *Detector) detect(text string, s *scratch) string {
	if len(text) > d.Sample {
		text = text[:runeCut(text, d.Sample)]
	}
	latin, cyr, other := countLetters(text, d.MinLetters)
	total := latin + cyr + other
	if total < d.MinLetters {
		return Und
	}
	var opts whatlanggo.Options
	var set int
	cyrillic := cyr*2 > total
	switch {
	case cyrillic:
		opts, set = d.cyrillic, 1
	case latin*2 > total:
		opts = d.latin
	default:
		return Und
	}
	if len(opts.Whitelist) == 0 {
		return Und
	}
	sample := text
	if len(sample) > 512 {
		sample = sample[:runeCut(sample, 512)]
	}
	first := d.odds.first()
	if first {
		code := shortcut(text, cyrillic, opts)
		d.odds.record(code != "")
		if code != "" {
			return code
		}
	}
	code := Und
	if l, conf := d.trigramsWith(sample, set, opts, s); l >= 0 && conf >= d.MinConfidence {
		var ok bool
		if code, ok = d.codes[l]; !ok {
			code = l.Iso6391()
		}
		if code == "" {
			code = Und
		}
	}
	if first {
		return code
	}
	if code == "en" && !cyrillic || code == "ru" && cyrillic {
		// what the shortcut would say, if it said anything; now and
		// then it runs all the same, to learn whether it settles texts
		if d.odds.probe() {
			d.odds.record(shortcut(text, cyrillic, opts) != "")
		}
		return code
	}
	code2 := shortcut(text, cyrillic, opts)
	d.odds.record(code2 != "")
	if code2 != "" {
		return code2
	}
	return code
}

// titledSample is the largest Sample for which DetectTitled builds its
// text in a scratch of the pool.
const titledSample = 4096

// DetectTitled returns Detect(title + "\n" + text) without building that
// string on the heap: an article's title and the start of its text.
func (d *Detector) DetectTitled(title, text string) string {
	if d.Sample > titledSample || d.Sample < 0 {
		return d.Detect(title + "\n" + text)
	}
	// Detect reads Sample bytes, and one more to cut at a code point
	s := d.getScratch()
	defer d.scratch.Put(s)
	n := d.Sample + 1
	b := append(s.titled[:0], title[:min(len(title), n)]...)
	if len(b) < n {
		b = append(b, '\n')
	}
	b = append(b, text[:min(len(text), n-len(b))]...)
	if len(b) == 0 {
		return d.detect("", s)
	}
	// detect keeps no part of its text, so the string may borrow s
	return d.detect(unsafe.String(&b[0], len(b)), s)
}

// getScratch returns a scratch of d's pool, or a new one.
func (d *Detector) getScratch() *scratch {
	s, _ := d.scratch.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	return s
}

// runeCut returns the greatest n <= max that does not split a code point
// of text, which is longer than max.
func runeCut(text string, max int) int {
	cut := max
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return cut
}

// countLetters counts the Latin, Cyrillic and other letters of text. It
// stops early, with counts that are no longer exact, once the remaining
// bytes can change neither which script has a majority of the letters nor
// whether there are fewer than minLetters: a Latin letter takes at least
// one byte, any other letter at least two.
func countLetters(text string, minLetters int) (latin, cyr, other int) {
	const check = 64 // bytes between checks for an early stop
	next := check
	for i := 0; i < len(text); {
		if i >= next {
			next += check
			rest := len(text) - i
			total := latin + cyr + other
			if total >= minLetters && (latin-cyr-other > rest/2 || cyr-latin-other > rest) {
				// the majority is settled; so is (for a Latin majority)
				// latin*2 > total and (for a Cyrillic one) cyr*2 > total
				return latin, cyr, other
			}
		}
		if i+8 <= len(text) {
			if w := load64(text[i : i+8]); w&asciiHigh == 0 {
				latin += asciiLetters(w)
				i += 8
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				latin++
			}
			continue
		}
		if (c == 0xd0 || c == 0xd1) && i+1 < len(text) && text[i+1]&0xc0 == 0x80 {
			// U+0400–U+047F: letters but for U+0482–U+0489, which need
			// 0xd2; all Cyrillic
			cyr++
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case cyrillicLetter(r):
			cyr++
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			other++
		}
	}
	return latin, cyr, other
}

// asciiHigh has the high bit of each byte of a word: a word of ASCII
// bytes has none of them.
const asciiHigh = 0x8080808080808080

// asciiLetters counts the ASCII letters among the eight ASCII bytes of w,
// all at once: setting bit 0x20 lowers a letter's case, and adding to
// each byte 0x80 less 'a' (less '{', the byte after 'z') sets its high
// bit when it is 'a' or above ('{' or above), with no carry out of a
// byte below 0x80.
func asciiLetters(w uint64) int {
	const ones = 0x0101010101010101
	w |= 0x20 * ones
	geA := w + (0x80-'a')*ones
	gtZ := w + (0x80-'{')*ones
	return bits.OnesCount64(geA &^ gtZ & asciiHigh)
}

// load64 returns the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// trigrams is whatlanggo.DetectWithOptions(text, opts) for the options of
// set (0 latin, 1 cyrillic), computed by d's trigram models.
func (d *Detector) trigrams(text string, set int, opts whatlanggo.Options) (whatlanggo.Lang, float64) {
	return d.trigramsWith(text, set, opts, nil)
}

// trigramsWith is trigrams with s for the model's working memory, nil for
// one from d's pool (one on the stack would be cleared, some 30 KB, on
// every call).
func (d *Detector) trigramsWith(text string, set int, opts whatlanggo.Options, s *scratch) (whatlanggo.Lang, float64) {
	var m *trigramModel
	switch script(text) {
	case nil:
		return -1, 0
	case unicode.Latin:
		m = d.models[set][0]
	case unicode.Cyrillic:
		m = d.models[set][1]
	}
	if m != nil {
		if s == nil {
			s = d.getScratch()
			defer d.scratch.Put(s)
		}
		return m.detect(text, s)
	}
	info := whatlanggo.DetectWithOptions(text, opts)
	return info.Lang, info.Confidence
}

// cyrillicLetter reports whether r is in the Cyrillic block's letters
// (U+0400–U+04FF less the sign and combining marks U+0482–U+0489): a
// quick answer for most Cyrillic text; other Cyrillic letters are found
// by the unicode tables.
func cyrillicLetter(r rune) bool {
	return 0x400 <= r && r <= 0x4ff && (r < 0x482 || r > 0x489)
}
