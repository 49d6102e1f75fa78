package textproc

import (
	"reflect"
	"testing"
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
