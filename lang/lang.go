// Package lang identifies the language of an article: whatlanggo's trigram
// model restricted to a whitelist of languages news arrives in, steered by
// the script of the text (Cyrillic text is only ever scored against
// Cyrillic languages), and "und" when the text is too short or the model is
// unsure.
package lang

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Und is the BCP 47 code for an undetermined language.
const Und = "und"

// Detector identifies languages. Its zero value is not usable; call New.
type Detector struct {
	latin, cyrillic whatlanggo.Options
	// MinLetters is the fewest letters a text needs for a guess.
	MinLetters int
	// MinConfidence is the lowest whatlanggo confidence accepted.
	MinConfidence float64
	// Sample is how many bytes of a long text are examined.
	Sample int
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
		Sample:        1024,
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
func (d *Detector) Detect(text string) string {
	if len(text) > d.Sample {
		cut := d.Sample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var latin, cyr, other int
	for _, r := range text {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			other++
		}
	}
	total := latin + cyr + other
	if total < d.MinLetters {
		return Und
	}
	var opts whatlanggo.Options
	switch {
	case cyr*2 > total:
		opts = d.cyrillic
	case latin*2 > total:
		opts = d.latin
	default:
		return Und
	}
	if len(opts.Whitelist) == 0 {
		return Und
	}
	info := whatlanggo.DetectWithOptions(text, opts)
	if info.Lang < 0 || info.Confidence < d.MinConfidence {
		return Und
	}
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	return Und
}
