package textproc

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/gen"
)

// innerCapitalRef is the plain definition ScanWords' Initial and Capital
// follow: a capital not preceded (past blanks, quotes and brackets) by a
// sentence break or the start of the text.
func innerCapitalRef(runes []rune, i int) bool {
	if !unicode.IsUpper(runes[i]) {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		switch runes[j] {
		case ' ', '\t', '"', '\'', '(', '«', '“':
			continue
		case '.', '!', '?', '\n', ':', '—':
			return false
		default:
			return true
		}
	}
	return false
}

func TestScanWordsMatchesTokenize(t *testing.T) {
	pieces := []string{"a", "B", "word", "Name", "ж", "Ёлка", "ё", "1", "42", "'", "’", "`", "-", "–", "—", " ", "  ",
		"\n", ".", ",", "!", "?", ":", "\"", "«", "»", "“", "(", ")", "é", "e\u0301", "日本", "'s", "co-op", "O'Neil", "\t"}
	r := rand.New(rand.NewPCG(1, 2))
	fixed := []string{
		"", "Putin's call. The Kremlin said: Peskov — «Ушаков» said.", "rock- and roll", "a--b 'quoted' “Curly” (Paren) end.",
		"don’t stop-gap co–op", "ЁЖИК ёжик", "x'", "-start", "3-4 o'clock",
	}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		fixed = append(fixed, b.String())
	}
	for a := range gen.New(gen.Options{Articles: 200, Seed: 3}).All() {
		fixed = append(fixed, a.Title+"\n"+a.Text)
	}
	for _, text := range fixed {
		toks := Tokenize(nil, text)
		words := ScanWords(nil, text)
		if len(toks) != len(words) {
			t.Fatalf("%q: %d tokens, %d words", text, len(toks), len(words))
		}
		runes := []rune(text)
		for i, w := range words {
			tk := toks[i]
			if int(w.Start) != tk.Start || int(w.End) != tk.End {
				t.Fatalf("%q word %d: [%d,%d) want [%d,%d)", text, i, w.Start, w.End, tk.Start, tk.End)
			}
			raw := w.Raw(text)
			if int(w.Len) != len(raw) || string(runes[w.Start:w.End]) != raw {
				t.Fatalf("%q word %d: raw %q at %d", text, i, raw, w.Byte)
			}
			alone := Tokenize(nil, raw)
			if len(alone) != 1 || alone[0].Term != tk.Term {
				t.Fatalf("%q word %q alone gives %v, in the text %q", text, raw, alone, tk.Term)
			}
			if got, want := w.Capital && !w.Initial, innerCapitalRef(runes, int(w.Start)); got != want {
				t.Fatalf("%q word %q: inner capital %v, want %v", text, raw, got, want)
			}
		}
	}
}

func BenchmarkScanWords(b *testing.B) {
	text := strings.Repeat("The Kremlin spokesman, Dmitry Peskov, said on Friday that talks were \"constructive\". ", 40)
	var dst []Word
	for b.Loop() {
		dst = ScanWords(dst[:0], text)
	}
}

// TestASCIIRun checks asciiRun against runByte for every byte value at
// every one of eight places, after letters and digits and before bytes
// of either kind.
func TestASCIIRun(t *testing.T) {
	for _, after := range []string{"aZ09zA9a", "\x80\xd0 -'.Q\xff"} {
		for pos := range 8 {
			for b := range 256 {
				buf := []byte("Az0m9Zq" + after)[:8]
				copy(buf[pos:], after)
				buf[pos] = byte(b)
				s := string(buf)
				want := 0
				for want < 8 && runByte[s[want]] == runASCII {
					want++
				}
				if got := asciiRun(load8(s, 0)); got != want {
					t.Fatalf("%q: asciiRun %d, want %d", s, got, want)
				}
			}
		}
	}
}
