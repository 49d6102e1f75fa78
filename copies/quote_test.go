package copies

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestTextQuotes checks what an entry asks of a text's quotations (any
// quoted code point in a range, mostly quoted letters, the byte offset of
// a code point, the quoted words) against the plain per-code-point mask,
// on every range of short texts and random ranges of long ones.
func TestTextQuotes(t *testing.T) {
	long := strings.Repeat("Он сказал: «мы готовы», and the “mayor” said \"no\" 2024.\n", 9)
	// long stretches outside quotation marks, then a long quotation:
	// mostly may give up on a range before its end
	stretches := "“Yes” " + strings.Repeat("plain words without marks, ", 12) + "“and a closing quotation " + strings.Repeat("that runs on ", 24) + "”"
	texts := []string{
		"",
		"no quotes at all, only words",
		"He said “we are ready” and left.",
		"He said \"we are ready\" and left, \"then\"x came back.",
		"Он сказал: «мы готовы» и ушёл.",
		"“First paragraph of a long quote\n“Second part” he said.",
		"“Unclosed quote runs to the end",
		"“1234” and “a”",
		"invalid \xff\xfe “UTF-8\xc2” in \"quotes\" \xe2\x80 «да»",
		long,
		stretches,
	}
	r := rand.New(rand.NewPCG(7, 8))
	for _, text := range texts {
		q := scanQuotes(text, nil, nil)
		mask := quoteMask(text)
		rs := []rune(text)
		var offsets []int // the byte offset of each code point, and the end
		for b := range text {
			offsets = append(offsets, b)
		}
		offsets = append(offsets, len(text))
		if q.runes != len(rs) {
			t.Fatalf("%q: %d code points, want %d", text, q.runes, len(rs))
		}
		check := func(start, end int) {
			anyIn, in, all := false, 0, 0
			for i := start; i < end; i++ {
				anyIn = anyIn || mask[i]
				if unicode.IsLetter(rs[i]) {
					all++
					if mask[i] {
						in++
					}
				}
			}
			if got := q.any(start, end); got != anyIn {
				t.Fatalf("%q: any(%d, %d) = %v, want %v", text, start, end, got, anyIn)
			}
			if got, want := q.mostly(text, start, end), all > 0 && 10*in >= 7*all; got != want {
				t.Fatalf("%q: mostly(%d, %d) = %v, want %v", text, start, end, got, want)
			}
			if got, want := q.byteAt(text, start), offsets[start]; got != want {
				t.Fatalf("%q: code point %d at byte %d, want %d", text, start, got, want)
			}
		}
		if len(rs) <= 64 {
			for start := 0; start <= len(rs); start++ {
				for end := start; end <= len(rs); end++ {
					check(start, end)
				}
			}
		} else {
			for range 2000 {
				start := r.IntN(len(rs) + 1)
				check(start, start+r.IntN(len(rs)-start+1))
			}
		}
		var starts []uint32
		for i := range rs {
			starts = append(starts, uint32(i))
		}
		bits := q.wordBits(starts)
		for i := range rs {
			if got := bits[i/64]&(1<<(i%64)) != 0; got != mask[i] {
				t.Errorf("%q: word at %d quoted %v, want %v", text, i, got, mask[i])
			}
		}
	}
}

// TestPlainASCII8 checks the word-at-a-time test of scanQuotes against
// a byte at a time, on bytes that are mostly letters with a quote, a
// line end or a byte past ASCII now and then.
func TestPlainASCII8(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte("abcdefghij \"\n\x7f\x80\xc3\xe2\x01!")
	for range 20000 {
		var b [8]byte
		for k := range b {
			b[k] = 'a' + byte(r.IntN(26))
			if r.IntN(10) == 0 {
				b[k] = alphabet[r.IntN(len(alphabet))]
			}
		}
		want := true
		for _, c := range b {
			want = want && c < 0x80 && c != '"' && c != '\n'
		}
		if got := plainASCII8(string(b[:]), 0); got != want {
			t.Fatalf("%q: plainASCII8 %v, want %v", b, got, want)
		}
	}
}
