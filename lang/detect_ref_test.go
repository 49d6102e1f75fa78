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
	for _, d := range []*Detector{New(), New("en", "ru"), New("ru", "uk"), New("de", "fr"), New("uk")} {
		for _, s := range texts {
			if got, want := d.Detect(s), d.detectRef(s); got != want {
				t.Fatalf("Detect(%.80q) = %q, reference %q", s, got, want)
			}
		}
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
	if code := shortcut(text, cyr*2 > total, opts); code != "" {
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
