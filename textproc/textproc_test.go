package textproc

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

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

// TestNFKCStable checks nfkcStable against the normalisation tables:
// every code point it accepts is in NFKC alone and never combines with
// the one before it, so that any text of them is in NFKC.
func TestNFKCStable(t *testing.T) {
	var ok []rune
	for r := rune(0); r <= 0x3000; r++ {
		s := string(r)
		if !nfkcStable(s) {
			continue
		}
		p := norm.NFKC.PropertiesString(s)
		if !p.BoundaryBefore() || !norm.NFKC.IsNormalString(s) {
			t.Errorf("nfkcStable accepts U+%04X, which NFKC changes or combines", r)
		}
		ok = append(ok, r)
	}
	if len(ok) < 400 {
		t.Fatalf("nfkcStable accepts %d code points, want the Cyrillic and Latin-1 letters at least", len(ok))
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Песков заявил «нет» — 5 €", true},
		{"Café au lait", true},
		{"и\u0306", false}, // a combining breve: й decomposed
		{"ﬁle", false},     // a ligature
		{"\u00a0", false},  // no-break space
		{"\xd0", false},    // truncated
	} {
		if got := nfkcStable(tc.s); got != tc.want {
			t.Errorf("nfkcStable(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if tc.want && norm.NFKC.String(tc.s) != tc.s {
			t.Errorf("%q is not in NFKC", tc.s)
		}
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
