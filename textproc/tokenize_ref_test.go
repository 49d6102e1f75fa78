package textproc

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/gen"
)

// TestTokenizeMatchesReference checks that Tokenize gives exactly the
// tokens of tokenizeRef, the tokenizer before its fast paths, on the
// synthetic stream and on random mixes of the characters the two treat
// apart: ASCII and Cyrillic letters of both cases, ё, joiners in every
// spelling, combining marks, other scripts and invalid UTF-8.
func TestTokenizeMatchesReference(t *testing.T) {
	pieces := []string{"a", "B", "word", "Name", "ж", "Ж", "Ёлка", "ё", "Ѐ", "ѐ", "Ѡѡ", "ҁ", "҂", "1", "42", "'", "’", "`", "´",
		"-", "–", "—", "\u00ad", " ", "\u00a0", "\n", ".", "\"", "«", "»", "é", "É", "e\u0301", "日本", "'s", "co-op",
		"O'Neil", "\t", "\xff", "\xd0", "\xd0\x41", "ǅ", "İ", "ß", "Σ", "ﬁ", "٣", "x`y"}
	rng := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for a := range gen.New(gen.Options{Articles: 300, Seed: 7}).All() {
		texts = append(texts, a.Title+"\n"+a.Text)
	}
	for _, text := range texts {
		prefix := []Token{{Term: "x", Start: 0, End: 1}}
		got := Tokenize(append([]Token(nil), prefix...), text)
		want := tokenizeRef(append([]Token(nil), prefix...), text)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, reference %d", text, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q token %d: %+v, reference %+v", text, i, got[i], want[i])
			}
		}
	}
}

// TestFoldCyrillic checks foldCyrillic against the general folding for
// every code point it is used for.
func TestFoldCyrillic(t *testing.T) {
	for r := rune(0x400); r < 0x480; r++ {
		if got, want := foldCyrillic(r), unicode.ToLower(foldRune(r)); got != want {
			t.Errorf("foldCyrillic(%U) = %U, want %U", r, got, want)
		}
		if !isWordRune(r) || utf8.RuneLen(r) != 2 {
			t.Errorf("%U: not a two-byte word character", r)
		}
	}
}

// tokenizeRef is Tokenize as it was before its fast paths: tests compare
// the two. It splits text into words with code point offsets. Terms are lower
// case with quotes, dashes and ё folded; an apostrophe or hyphen between
// two word characters stays inside the word. Tokens are appended to dst,
// which may be nil, so callers can reuse a buffer.
func tokenizeRef(dst []Token, text string) []Token {
	var arr [64]rune
	buf := arr[:0]
	start, byteStart := -1, 0
	changed := false // some rune of the word was folded or lowered
	prevWord := false
	runeIdx := 0
	flush := func(end, byteEnd int) {
		if start < 0 {
			return
		}
		// drop a trailing joiner ("rock-" at a line break)
		for len(buf) > 0 && (buf[len(buf)-1] == '\'' || buf[len(buf)-1] == '-') {
			buf = buf[:len(buf)-1]
			end--
			byteEnd--
		}
		if len(buf) > 0 {
			term := text[byteStart:byteEnd] // no allocation when unchanged
			if changed {
				term = string(buf)
			}
			dst = append(dst, Token{Term: term, Start: start, End: end, Position: len(dst)})
		}
		buf = buf[:0]
		start = -1
		changed = false
	}
	for i := 0; i < len(text); {
		at := i
		var r, f, lower rune
		var word bool
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of most texts: a table says what the byte is.
			i++
			r, f, lower = rune(c), rune(c), rune(c)
			switch asciiClass[c] {
			case asciiUpper:
				word, lower = true, rune(c+'a'-'A')
			case asciiWord:
				word = true
			case asciiTick:
				f = '\''
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			f = foldRune(r)
			word = isWordRune(f)
			if word {
				lower = unicode.ToLower(f)
			}
		}
		switch {
		case word:
			if start < 0 {
				start, byteStart = runeIdx, at
			}
			if lower != r {
				changed = true
			}
			buf = append(buf, lower)
		case (f == '\'' || f == '-') && start >= 0 && prevWord && i < len(text) && nextIsWord(text[i:]):
			if f != r {
				changed = true
			}
			buf = append(buf, f)
		default:
			flush(runeIdx, at)
		}
		prevWord = word
		runeIdx++
	}
	flush(runeIdx, len(text))
	return dst
}

// sampleArticle returns the text of a ~4 KB article in language code
// from the synthetic stream.
func sampleArticle(code string) string {
	for a := range gen.New(gen.Options{Articles: 2000, Seed: 1}).All() {
		if a.Lang == code && len(a.Text) >= 3500 && len(a.Text) <= 4500 {
			return a.Text
		}
	}
	return ""
}

// BenchmarkTokenizeArticle tokenizes a ~4 KB English and a Russian
// article of the synthetic stream, as the read stage does.
func BenchmarkTokenizeArticle(b *testing.B) {
	for _, code := range []string{"en", "ru"} {
		text := sampleArticle(code)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var buf []Token
			for b.Loop() {
				buf = Tokenize(buf[:0], text)
			}
		})
	}
}

// BenchmarkHashArticle hashes a ~4 KB English and a Russian article of
// the synthetic stream, as extraction and cleaning do.
func BenchmarkHashArticle(b *testing.B) {
	for _, code := range []string{"en", "ru"} {
		text := sampleArticle(code)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_ = Hash(text)
			}
		})
	}
}

// TestUnkeptBytes checks the eight-byte test of plainWord and scanWord
// against keptByte for every byte value at every place in a word.
func TestUnkeptBytes(t *testing.T) {
	for c := range 256 {
		for at := range 8 {
			w := []byte("abcxyz09")
			w[at] = byte(c)
			var want uint64
			for k, b := range w {
				if !keptByte[b] {
					want |= 0x80 << (8 * k)
				}
			}
			if got := unkeptBytes(load64(string(w))); got != want {
				t.Fatalf("byte %#x at %d: mask %#x, want %#x", c, at, got, want)
			}
		}
	}
}
