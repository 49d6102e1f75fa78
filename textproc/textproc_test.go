package textproc

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Hello\u00a0  World\n", "hello world"},
		{"\u201cRed lines\u201d \u2014 said", "\"red lines\" - said"},
		{"Putin\u2019s", "putin's"},
		{"Ёлка и ещё", "елка и еще"},
		{"ﬁne", "fine"}, // NFKC ligature
		{"", ""},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHashIgnoresTypography(t *testing.T) {
	a := Hash("\u201cWe are ready,\u201d Peskov said \u2014 today.")
	b := Hash("\"we are  ready,\" peskov said - today.")
	if a != b {
		t.Fatalf("hashes differ: %s %s", a, b)
	}
	if a == Hash("We are not ready") {
		t.Fatal("different texts hash the same")
	}
	if len(a) != 32 {
		t.Fatalf("hash length %d", len(a))
	}
}

func TestTokenize(t *testing.T) {
	text := "Putin\u2019s co-operation: «Ещё» 2021 — ok-"
	got := Tokenize(nil, text)
	type tok struct {
		term       string
		start, end int
	}
	var gotT []tok
	for _, g := range got {
		gotT = append(gotT, tok{g.Term, g.Start, g.End})
	}
	want := []tok{{"putin's", 0, 7}, {"co-operation", 8, 20}, {"еще", 23, 26}, {"2021", 28, 32}, {"ok", 35, 37}}
	if !reflect.DeepEqual(gotT, want) {
		t.Fatalf("Tokenize = %v, want %v", gotT, want)
	}
	runes := []rune(text)
	for _, g := range got {
		if g.Position < 0 || g.End > len(runes) {
			t.Fatalf("bad token %+v", g)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := ""
	for len(text) < 3000 {
		text += "The Kremlin spokesman said on Friday that “the talks” would continue. "
	}
	b.SetBytes(int64(len(text)))
	var buf []Token
	for b.Loop() {
		buf = Tokenize(buf[:0], text)
	}
}

func BenchmarkHash(b *testing.B) {
	text := ""
	for len(text) < 3000 {
		text += "The Kremlin spokesman said on Friday that \u201cthe talks\u201d would continue.\n\n"
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = Hash(text)
	}
}

func TestPrefixStem(t *testing.T) {
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"переговоры", "переговор", true},
		{"talks", "talk", true},
		{"in", "", false},      // too short to be worth a prefix
		{"covid19", "", false}, // digits: matched exactly
		{"putinа", "", false},  // mixed scripts
	}
	for _, tc := range tests {
		got, ok := PrefixStem(tc.word)
		if got != tc.want || ok != tc.ok {
			t.Errorf("PrefixStem(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
}

// TestNFKC: NFKC is norm.NFKC, on texts of the code points it keeps as
// they are, mixed with ASCII and with ones it looks up (combining marks,
// compatibility forms, Hangul jamo that compose), in random order.
func TestNFKC(t *testing.T) {
	var inert, other []rune
	for r := rune(0x80); r < nfkcTableEnd; r++ {
		if nfkcInert[r/64]&(1<<(r%64)) != 0 {
			inert = append(inert, r)
		} else if len(other) < 4000 {
			other = append(other, r)
		}
	}
	if len(inert) < 1000 {
		t.Fatalf("only %d code points known inert", len(inert))
	}
	for _, s := range []string{
		"Песков заявил «нет» — 5 €", "Café au lait", "и\u0306", "ﬁle", "\u00a0", "\xd0", "\u1100\u1161\u11a8",
	} {
		if got, want := NFKC(s), norm.NFKC.String(s); got != want {
			t.Errorf("NFKC(%q) = %q, want %q", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			switch k := r.IntN(10); {
			case k < 5:
				b.WriteRune(inert[r.IntN(len(inert))])
			case k < 8:
				b.WriteByte(byte(r.IntN(128)))
			default:
				b.WriteRune(other[r.IntN(len(other))])
			}
		}
		s := b.String()
		if got, want := NFKC(s), norm.NFKC.String(s); got != want {
			t.Fatalf("NFKC(%q) = %q, want %q", s, got, want)
		}
	}
}

// normalizeCases are texts with what normalizing changes: case, white
// space of every kind and in runs, typographic quotes and dashes, ё,
// compatibility forms (NFKC), combining marks, invalid UTF-8, NUL and
// other control bytes.
var normalizeCases = []string{
	"", " ", "\t\n", "\r\n", "a", " A ", "Hello,  World!\n", "`quoted`", "\x00a\x00", "\x7f\x1b",
	"“Smart” ‘quotes’ — and – dashes", "Ёлка и ёж", "ﬁne ½ Ⅻ ｆｕｌｌ", "a\u00a0b\u2003c\u3000d",
	"e\u0301 vs é", "\u0301\u0327e", "bad \xff\xfe utf8", "trailing\u2028", "\u0085next", "ΣΑΣ İstanbul", "ǅ",
	"tab\tand\vfeed\fcr\r", "  lead and trail  ", "Москва, 17 декабря. /ТАСС/.", "Ⱥ",
	"мир и мир", "a б  c\u00a0д", "я\u0301 ", "ѐ ё ю",
}

// TestNormalizeMatchesSlow: Normalize, with its fast paths, gives what
// normalizing rune by rune gives, on the cases and random mixes of their
// characters.
func TestNormalizeMatchesSlow(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Normalize(s), string(appendNormalizedSlow(nil, s)); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range normalizeCases {
		check(s)
	}
	alphabet := []rune(strings.Join(normalizeCases, "") + "AZaz09 ")
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		check(b.String())
	}
}

// TestHashLines: HashLines, which normalizes and hashes in pieces as it
// goes, is the hash of the normalized lines joined by a newline: on the
// cases, on random mixes of them of every length around its buffer
// (where pieces are cut, invalid UTF-8 included), and Hash is HashLines
// of one line.
func TestHashLines(t *testing.T) {
	ref := func(s string) string {
		return fmt.Sprintf("%x", xxh3.Hash128([]byte(Normalize(s))).Bytes())
	}
	check := func(a, b string) {
		t.Helper()
		if got, want := HashLines(a, b), ref(a+"\n"+b); got != want {
			t.Errorf("HashLines(%q, %q) = %s, want %s", a, b, got, want)
		}
		if got, want := Hash(a), ref(a); got != want {
			t.Errorf("Hash(%q) = %s, want %s", a, got, want)
		}
	}
	for _, a := range normalizeCases {
		for _, b := range normalizeCases {
			check(a, b)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var s [2]strings.Builder
		for k := range s {
			n := r.IntN(8)
			if r.IntN(10) == 0 {
				n = 100 + r.IntN(200) // past the hasher's buffer
			}
			for range n {
				s[k].WriteString(normalizeCases[r.IntN(len(normalizeCases))])
			}
		}
		check(s[0].String(), s[1].String())
	}
	if got, want := HashLines("a", "b", "c"), ref("a\nb\nc"); got != want {
		t.Errorf("three lines: %s, want %s", got, want)
	}
}

// TestNormalizeCyrillic checks the fast paths of ScanWords and Normalize
// for two-byte Cyrillic against the general ones.
func TestNormalizeCyrillic(t *testing.T) {
	for r := rune(0x400); r < 0x480; r++ {
		if !isWordRune(foldRune(r)) {
			t.Errorf("%q is not a word rune", r)
		}
		s := "Ab" + string(r) + "\u0301"
		if got, want := Normalize(s), string(appendNormalizedSlow(nil, s)); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// appendNormalizedSlow is appendNormalized without its fast paths.
func appendNormalizedSlow(dst []byte, s string) []byte {
	s = norm.NFKC.String(s)
	space := true
	for _, r := range s {
		r = unicode.ToLower(foldRune(r))
		if unicode.IsSpace(r) || r == ' ' {
			if !space {
				dst = append(dst, ' ')
			}
			space = true
			continue
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	for len(dst) > 0 && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}
