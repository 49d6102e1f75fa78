package lang

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/storyline-news/storyline/gen"
)

// TestDetectMatchesReference checks that Detect answers as detectRef, the
// detector before it ran the trigram model first and counted letters with
// an early stop, on the fixtures, the synthetic stream, the labelled sets
// of ../shared/data when present, and random mixes of scripts.
func TestDetectMatchesReference(t *testing.T) {
	var texts []string
	for _, p := range []string{"testdata/lang.jsonl", "../../shared/data/polnear/data.jsonl",
		"../../shared/data/giveme5w1h_news_cluster/data.jsonl", "../../shared/data/ecbplus/data.jsonl.gz"} {
		texts = append(texts, textsOf(t, p)...)
	}
	shared := len(texts)
	for a := range gen.New(gen.Options{Articles: 400, Seed: 5}).All() {
		texts = append(texts, a.Title+"\n"+a.Text, a.Text)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := len(texts)
	for i := range n {
		// prefixes and windows of every length class around the cuts
		s := texts[i]
		for _, k := range []int{20, 60, 200, 511, 513, 900, 2047, 2049} {
			if k < len(s) {
				off := rng.IntN(len(s) - k + 1)
				texts = append(texts, strings.ToValidUTF8(s[off:off+k], ""), s[:k])
			}
		}
	}
	pieces := []string{"the talks ", "Кремль заявил ", "і ї є ", "Straße über ", "東京 ", "12, 3. ", "said the ",
		"и в не ", "ÇA VA ", "¿Qué? ", "w Polsce ", "ґудзик ", "\xff\xfe", "— «» ", "Ёж "}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	t.Logf("%d texts (%d from fixtures and ../shared/data)", len(texts), shared)
	for k, d := range []*Detector{New(), New("en", "ru"), New("ru", "uk"), New("de", "fr"), New("uk")} {
		// the shortcut first, the model first, and as the odds go
		scores := []int32{0, -oddsLimit, 1}
		if k > 0 {
			scores = scores[2:] // as the odds go, only
		}
		for _, score := range scores {
			d.odds.score.Store(score)
			for _, s := range texts {
				if score != 1 {
					d.odds.score.Store(score)
				}
				if got, want := d.Detect(s), d.detectRef(s); got != want {
					t.Fatalf("score %d: Detect(%.80q) = %q, reference %q", score, s, got, want)
				}
			}
		}
	}
}

// TestShortcutMatchesReference checks that shortcut, which looks words up
// by key, answers as shortcutRef, which looks them up by string, on the
// texts of TestDetectMatchesReference's kinds and on random words of
// letters that lower to the sets' words or nearly.
func TestShortcutMatchesReference(t *testing.T) {
	var texts []string
	for _, p := range []string{"testdata/lang.jsonl", "../../shared/data/giveme5w1h_news_cluster/data.jsonl"} {
		texts = append(texts, textsOf(t, p)...)
	}
	for a := range gen.New(gen.Options{Articles: 200, Seed: 9}).All() {
		texts = append(texts, a.Title+"\n"+a.Text)
	}
	// function words in every case, some that lower to them only through
	// Unicode (İ, the Kelvin sign), long words and letters without a key
	pieces := []string{"the", "The", "THE", "tHe", "said", "SAID", "İs", "\u212aey", "and", "of", "TO", "tothe",
		"и", "И", "в", "В", "что", "Что", "ЧТО", "также", "Также", "ТАКЖЕ", "который", "Который", "заявил", "ЗАЯВИЛ",
		"сообщил", "Ѐто", "это", "Это", "і", "Ґ", "ў", "é", "Straße", "abcdefgh", "abcdefghi", "которыеx", "東京",
		" ", " ", " ", "  ", ", ", ". ", "\n", "—", "1", "'", "\xff", "\xd0", "ё"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 4000 {
		var b strings.Builder
		for range 40 + rng.IntN(160) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	settled := 0
	for _, d := range []*Detector{New(), New("de", "uk")} {
		for _, s := range texts {
			for _, cyr := range []bool{false, true} {
				for _, opts := range []whatlanggo.Options{d.latin, d.cyrillic} {
					got, want := shortcut(s, cyr, opts), shortcutRef(s, cyr, opts)
					if got != want {
						t.Fatalf("shortcut(%.80q, %v) = %q, reference %q", s, cyr, got, want)
					}
					if got != "" {
						settled++
					}
				}
			}
		}
	}
	if settled == 0 {
		t.Fatal("the shortcut settled no text")
	}
}

// textsOf returns the texts of a JSON Lines file, none when it is absent.
func textsOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Logf("%s not available: %v", path, err)
		return nil
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = gz
	}
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var l struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l.Text)
	}
	return out
}

// detectRef is Detect as it was before it ran the trigram model first:
// tests compare the two. It returns the ISO 639-1 code of text's language, or Und.
func (d *Detector) detectRef(text string) string {
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
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
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
	total := latin + cyr + other
	if total < d.MinLetters {
		return Und
	}
	var opts whatlanggo.Options
	var set int
	switch {
	case cyr*2 > total:
		opts, set = d.cyrillic, 1
	case latin*2 > total:
		opts = d.latin
	default:
		return Und
	}
	if len(opts.Whitelist) == 0 {
		return Und
	}
	if code := shortcutRef(text, cyr*2 > total, opts); code != "" {
		return code
	}
	if len(text) > 512 {
		cut := 512
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	l, conf := d.trigrams(text, set, opts)
	if l < 0 || conf < d.MinConfidence {
		return Und
	}
	code, ok := d.codes[l]
	if !ok {
		code = l.Iso6391()
	}
	if code != "" {
		return code
	}
	return Und
}

// shortcutRef is shortcut as it was before it looked words up by key,
// for tests to compare the two. It settles English and Russian without the trigram model when the
// text is long and its function words leave no doubt: a quarter of the
// words English function words, or a fifth Russian ones with no letter
// that only Ukrainian or Belarusian use. It returns "" when unsure.
func shortcutRef(text string, cyrillic bool, opts whatlanggo.Options) string {
	words, hits := 0, 0
	set, filter, code, need, longest := enWords, enShortcut.filter, "en", 4, enShortcut.longest
	if cyrillic {
		set, filter, code, need, longest = ruWords, ruShortcut.filter, "ru", 5, ruShortcut.longest
		for _, r := range text {
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'ў', 'І', 'Ї', 'Є', 'Ґ', 'Ў':
				return ""
			}
		}
	}
	if !opts.Whitelist[shortcutLangs[code]] {
		return ""
	}
	start := -1
	var buf [8 + utf8.UTFMax]byte
	word := func(end int) {
		words++
		w := text[start:end]
		if len(w) > max(longest, 8) {
			// too long for the set, lowered or not
		} else if filter.May(w) && set[w] {
			hits++
		} else if len(w) <= 8 {
			// set[strings.ToLower(w)] without allocating
			lower, changed := buf[:0], false
			for _, r := range w {
				l := unicode.ToLower(r)
				changed = changed || l != r
				lower = utf8.AppendRune(lower, l)
			}
			if changed && filter.May(string(lower)) && set[string(lower)] {
				hits++
			}
		}
		start = -1
	}
	for i, r := range text {
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') || cyrillicLetter(r) || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			word(i)
		}
	}
	if start >= 0 {
		word(len(text))
	}
	if words >= 40 && hits*need >= words {
		return code
	}
	return ""
}
