package lang

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/storyline-news/storyline/gen"
)

// samples cuts texts into the 512-byte windows Detect scores, at several
// offsets, for comparing the trigram model with whatlanggo.
func samples(texts []string) []string {
	var out []string
	for _, t := range texts {
		for off := 0; off < len(t) && off < 4096; off += 700 {
			for off < len(t) && !utf8.RuneStart(t[off]) {
				off++
			}
			end := min(len(t), off+512)
			for end < len(t) && !utf8.RuneStart(t[end]) {
				end--
			}
			out = append(out, t[off:end])
		}
	}
	return out
}

// TestTrigramModelAgrees checks that the Detector's trigram model gives
// whatlanggo's language and confidence, on the fixtures, the synthetic
// stream (English and Russian) and mixed or odd texts.
func TestTrigramModelAgrees(t *testing.T) {
	var texts []string
	for _, l := range readJSONL(t, "testdata/lang.jsonl") {
		texts = append(texts, l.Text)
	}
	for a := range gen.New(gen.Options{Articles: 200, Seed: 3}).All() {
		texts = append(texts, a.Text)
	}
	texts = append(texts,
		"Москва Moscow Москва Moscow talks переговоры", "ΑΘΗΝΑ Athens Αθήνα — 12 μαΐου", "東京 Tokyo 東京 talks",
		"", "   ", "1234 5678", "Ёлки-палки, «ёлочки» и „лапки“ — 2021 год.", "Straße über Öl für Größe",
		"ÇA VA? Ça va. Ünïcödé ñandú", "Ĳssel Ǆemal ǅemal ǆemal")
	for _, d := range []*Detector{New(), New("en", "ru"), New("ru"), New("de", "uk")} {
		for set, opts := range []whatlanggo.Options{d.latin, d.cyrillic} {
			for _, s := range samples(texts) {
				want := whatlanggo.DetectWithOptions(s, opts)
				l, conf := d.trigrams(s, set, opts)
				if l != want.Lang || math.Abs(conf-want.Confidence) > 1e-9 {
					t.Errorf("set %d %.60q: trigram model %v %.4f, whatlanggo %v %.4f", set, s, l, conf, want.Lang, want.Confidence)
				}
			}
		}
	}
}

// TestTrigramCharFolds checks trigramChar against whatlanggo's folding
// for every code point of the Basic Multilingual Plane.
func TestTrigramCharFolds(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := trigramChar(r), foldTrigramChar(r); got != want {
			t.Fatalf("trigramChar(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestRadixSort checks radixSort against slices.Sort on random keys of
// every width and length around its cut-over.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 47, 48, 49, 300, 520, 521, 2000} {
		for _, bits := range []uint{1, 7, 21, 33, 63, 64} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = rng.Uint64() >> (64 - bits)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, make([]uint64, 520))
			if !slices.Equal(keys, want) {
				t.Fatalf("radixSort of %d keys of %d bits: not sorted", n, bits)
			}
		}
		// packed trigrams, which differ in a few bits of each code point
		for _, alphabet := range []string{"abcdefghijklmnopqrstuvwxyz ", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя ", "aé ß", "a\U0010ffff b"} {
			chars := []rune(alphabet)
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = pack(chars[rng.IntN(len(chars))], chars[rng.IntN(len(chars))], chars[rng.IntN(len(chars))])
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, make([]uint64, 520))
			if !slices.Equal(keys, want) {
				t.Fatalf("radixSort of %d trigrams of %q: not sorted", n, alphabet)
			}
		}
	}
}

// TestScriptMatchesWhatlanggo: script, which reads runs of ASCII eight
// bytes at a time, names whatlanggo's script for Latin and Cyrillic
// texts, mixed ones and ones with a majority reached inside such a run.
func TestScriptMatchesWhatlanggo(t *testing.T) {
	texts := []string{"", "1234 5678 !!", "abcdefgh", "Москва abcdefgh", "abcdefgh Москва Москва",
		"ab Мо cdefghijkl", "Москва Moscow Москва Moscow talks переговоры", "Straße über Öl für Größe"}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 4}).All() {
		texts = append(texts, a.Text)
	}
	for _, s := range samples(texts) {
		if got, want := script(s), whatlanggo.DetectScript(s); got != want {
			t.Errorf("script(%.60q) = %v, whatlanggo %v", s, got, want)
		}
	}
}

// TestDenseKeysAgree checks that the dense path gives the packed path's
// language and confidence, and that the synthetic stream's samples,
// English and Russian with brand names and accented names, take it.
func TestDenseKeysAgree(t *testing.T) {
	var texts []string
	for a := range gen.New(gen.Options{Articles: 300, Seed: 9}).All() {
		texts = append(texts, a.Title+"\n"+a.Text)
	}
	texts = append(texts, "Straße über Öl für Größe in Köln", "ÇA VA? Ça va. Ünïcödé ñandú", "Ёлки-палки и NATO, ёж",
		"Київ і Львів", "x", "  ", "a\x01b", "\xff\xfe ab")
	d := New()
	dense, all := 0, 0
	for set := range 2 {
		for sc, m := range d.models[set] {
			packed := *m
			packed.dense = nil
			for _, s := range samples(texts) {
				var buf1, buf2 scratch
				l1, c1 := m.detect(s, &buf1)
				l2, c2 := packed.detect(s, &buf2)
				if l1 != l2 || c1 != c2 {
					t.Errorf("%.60q: dense %v %.4f, packed %v %.4f", s, l1, c1, l2, c2)
				}
				if m.dense != nil && script(s) == []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic}[sc] {
					all++
					if _, ok := m.dense.alpha.denseKeys(nil, s); ok {
						dense++
					}
				}
			}
		}
	}
	t.Logf("%d of %d samples in a model's script took the dense path", dense, all)
	if dense*10 < all*8 {
		t.Errorf("%d of %d samples took the dense path, want 80%% at least", dense, all)
	}
}
