package lang

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"testing"
	"unicode"
)

type labelled struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Lang string `json:"lang"`
}

func readJSONL(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s not available: %v", path, err)
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
	var out []labelled
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var l labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		out = append(out, l)
	}
	return out
}

func TestDetectFixtures(t *testing.T) {
	d := New()
	for _, l := range readJSONL(t, "testdata/lang.jsonl") {
		t.Run(l.ID, func(t *testing.T) {
			if got := d.Detect(l.Text); got != l.Lang {
				t.Errorf("Detect(%.40q) = %q, want %q", l.Text, got, l.Lang)
			}
		})
	}
}

func TestDetectScriptSteers(t *testing.T) {
	d := New("en", "ru")
	tests := []struct{ text, want string }{
		{"Кремль заявил, что переговоры продолжатся на следующей неделе в Женеве.", "ru"},
		{"The Kremlin said talks would continue next week in Geneva, officials confirmed.", "en"},
		{"東京で会議が開かれ、各国の代表が集まりました。多くの議題が話し合われました。", Und},
		{"", Und},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLangCorpora scores the detector on every labelled text in
// ../shared/data plus the fixtures and writes them, one JSON line each, to
// $STORYLINE_LANG_OUT for the langdetect peer. Gated on STORYLINE_LONG=1.
func TestLangCorpora(t *testing.T) {
	if os.Getenv("STORYLINE_LONG") == "" {
		t.Skip("set STORYLINE_LONG=1 to score language identification on ../shared/data")
	}
	var all []labelled
	seen := map[string]bool{}
	for _, p := range []string{"testdata/lang.jsonl", "../../shared/data/polnear/data.jsonl",
		"../../shared/data/giveme5w1h_news_cluster/data.jsonl", "../../shared/data/ecbplus/data.jsonl.gz"} {
		for _, l := range readJSONL(t, p) {
			if l.Lang == "" || seen[l.Text] {
				continue
			}
			seen[l.Text] = true
			all = append(all, l)
		}
	}
	d := New()
	right := map[string]int{}
	total := map[string]int{}
	var out *bufio.Writer
	if p := os.Getenv("STORYLINE_LANG_OUT"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out = bufio.NewWriter(f)
		defer out.Flush()
	}
	for _, l := range all {
		got := d.Detect(l.Text)
		total[l.Lang]++
		if got == l.Lang {
			right[l.Lang]++
		}
		if out != nil {
			b, _ := json.Marshal(map[string]string{"id": l.ID, "text": l.Text, "lang": l.Lang, "pred": got})
			out.Write(append(b, '\n'))
		}
	}
	n, ok := 0, 0
	for k, v := range total {
		n += v
		ok += right[k]
		fmt.Printf("  %s: %d/%d\n", k, right[k], v)
	}
	fmt.Printf("lang accuracy: %.4f on %d texts\n", float64(ok)/float64(n), n)
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := strings.Repeat("The Kremlin spokesman said on Friday that talks were held in a respectful atmosphere. ", 36)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}

// TestCountLetters: countLetters, which counts eight ASCII bytes at a
// time, counts as a letter-by-letter count does when nothing stops it
// early, on every ASCII byte, mixed scripts and cut code points.
func TestCountLetters(t *testing.T) {
	var all []byte
	for c := range 128 {
		all = append(all, byte(c))
	}
	tests := []string{
		"", "a", "Hello, World!", string(all), "abcdefgh12345678ABCDEFGH@[`{",
		"Москва, 17 декабря. /ТАСС/. Kremlin spokesman Dmitry Peskov said",
		"Zürich straße ÉLAN œuvre — naïve façade", "日本語のテキスト and some English words",
		"\xd0", "abcdefg\xd0", "abcdefgh\xd0\x9c", "ĳ ǅ Ω Ѣ ѣ",
	}
	for _, text := range tests {
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
		gl, gc, gother := countLetters(text, math.MaxInt)
		if gl != latin || gc != cyr || gother != other {
			t.Errorf("countLetters(%q) = %d, %d, %d; want %d, %d, %d", text, gl, gc, gother, latin, cyr, other)
		}
	}
}

// TestShortcutOdds checks that the shortcut runs first once it has
// settled texts, and the model once it has not, and that the model
// first still probes the shortcut now and then.
func TestShortcutOdds(t *testing.T) {
	var o shortcutOdds
	if !o.first() {
		t.Fatal("a fresh detector does not try the shortcut first")
	}
	for range 10 {
		o.record(false)
	}
	if o.first() {
		t.Fatalf("score %d: the shortcut still first after settling nothing", o.score.Load())
	}
	probes := 0
	for range 10 * probeEvery {
		if o.probe() {
			probes++
		}
	}
	if probes != 10 {
		t.Errorf("%d probes in %d calls, want 10", probes, 10*probeEvery)
	}
	for range 1000 {
		o.record(true)
	}
	if !o.first() || o.score.Load() > oddsLimit {
		t.Fatalf("score %d after settling every text", o.score.Load())
	}
	// settling two texts in five keeps the score about level; fewer
	// sends it down
	for range 200 {
		o.record(true)
		o.record(false)
		o.record(false)
		o.record(false)
	}
	if o.first() {
		t.Errorf("score %d: the shortcut first while it settles one text in four", o.score.Load())
	}
	var none *shortcutOdds
	if none.first() || none.probe() {
		t.Error("nil odds ask for the shortcut")
	}
	none.record(true)
}

// TestShortcutSetHit checks hit, by key and by string, against the rule:
// a word the set holds as written, or lowered when it is 8 bytes at most.
func TestShortcutSetHit(t *testing.T) {
	if !enShortcut.keyed || !ruShortcut.keyed {
		t.Fatal("a default set has a word without a key: every word goes by string")
	}
	odd := newShortcutSet("xx", map[string]bool{"the": true, "été": true, "ça": true}, 4)
	if odd.keyed {
		t.Fatal("a set with é has keys")
	}
	rule := func(s *shortcutSet, w string) bool {
		if s.words[w] {
			return true
		}
		return len(w) <= 8 && s.words[strings.ToLower(w)]
	}
	words := []string{"the", "The", "THE", "then", "İs", "is", "Что", "ЧТО", "что", "Также", "также",
		"Который", "который", "été", "Été", "ÉTÉ", "ça", "Ça", "kelvin", "\u212aa", "ѐ", "Ѐ"}
	for _, s := range []*shortcutSet{enShortcut, ruShortcut, odd} {
		for _, w := range words {
			ascii := isASCIILetters(w)
			if len(w) > s.maxLen {
				continue // shortcut asks no longer word
			}
			if ascii && len(w) > s.asciiLongest {
				continue // nor an ASCII word longer than the set's
			}
			if got, want := s.hit(w, ascii), rule(s, w); got != want {
				t.Errorf("%s: hit(%q) = %v, want %v", s.code, w, got, want)
			}
		}
	}
}
