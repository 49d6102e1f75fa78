package clean

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// normalizeCases are texts with what normalizing changes: case, white
// space of every kind and in runs, typographic quotes and dashes, ё,
// compatibility forms (NFKC), invalid UTF-8, NUL and other control bytes.
var normalizeCases = []string{
	"", " ", "\t\n", "a", " A ", "Hello,  World!\n", "`quoted`", "\x00a\x00", "\x7f\x1b",
	"“Smart” ‘quotes’ — and – dashes", "Ёлка и ёж", "ﬁne ½ Ⅻ ｆｕｌｌ", "a\u00a0b\u2003c\u3000d",
	"e\u0301 vs é", "bad \xff\xfe utf8", "trailing\u2028", "\u0085next", "ΣΑΣ İstanbul", "ǅ",
	"tab\tand\vfeed\fcr\r", "  lead and trail  ", "Москва, 17 декабря. /ТАСС/.",
}

// TestAppendNormalizedCounts: the normalizer splitLines uses appends
// textproc.Normalize's form and counts its characters, digits and spaces
// right, on hand-picked texts and the lines of generated articles.
func TestAppendNormalizedCounts(t *testing.T) {
	check := func(s string) {
		t.Helper()
		b, n := appendNormalized([]byte("x1 "), s)
		want := textproc.Normalize(s)
		if got := string(b); got != "x1 "+want {
			t.Errorf("appendNormalized(%q) = %q, want %q", s, got[3:], want)
		}
		var wantN normCounts
		for _, r := range want {
			switch {
			case r == ' ':
				wantN.spaces++
			case r >= '0' && r <= '9':
				wantN.digits++
				fallthrough
			default:
				wantN.chars++
			}
		}
		if n != wantN {
			t.Errorf("appendNormalized(%q) counts %+v, want %+v", s, n, wantN)
		}
	}
	for _, s := range normalizeCases {
		check(s)
	}
	// longer than one piece of the packed counters
	check(strings.Repeat("Ab 9 ё", countPiece/4))
	for a := range gen.New(gen.Options{Articles: 200, Seed: 3}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			check(l)
		}
	}
}

// TestSplitMatchesSplit: split cuts lines as splitting at "\n" after
// turning "\r\n" into "\n" does, and gives each, without its trailing
// white space, with the word count, code points, key and kind of that
// line's normalized form; the normalized text is the lines' normalized
// forms, a space between two.
func TestSplitMatchesSplit(t *testing.T) {
	texts := append([]string{"", "\n", "a\n", "\nb", "a\r\nb", "a\r\r\nb\r", "a\rb\n\n\nc", "x\n\r\n y \r\n"}, normalizeCases...)
	for a := range gen.New(gen.Options{Articles: 50, Seed: 4}).All() {
		texts = append(texts, a.Text, strings.ReplaceAll(a.Text, "\n", "\r\n"))
	}
	var w work
	for _, text := range texts {
		got := w.split(text)
		want := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		if len(got) != len(want) {
			t.Fatalf("split(%q): %d lines, want %d", text, len(got), len(want))
		}
		var norms []string // the lines' normalized forms that are not empty
		for i, l := range got {
			n := textproc.Normalize(want[i])
			if n != "" {
				norms = append(norms, n)
			}
			var key uint64
			if n != "" && !numericRef(n) {
				key = xxh3.HashString(foldDigitsRef(n))
			}
			lt := l.textIn(text)
			if want := classify(n, int(l.words)); n != "" && l.kind != want {
				t.Errorf("split(%q) line %d: kind %d, want %d", text, i, l.kind, want)
			}
			if lt != strings.TrimRightFunc(want[i], unicode.IsSpace) || l.empty() != (n == "") ||
				int(l.words) != len(strings.Fields(n)) || l.key != key || int(l.runes) != utf8.RuneCountInString(n) {
				t.Errorf("split(%q) line %d = %q %v %d %d %x, want %q %v %d %d %x",
					text, i, lt, l.empty(), l.words, l.runes, l.key,
					strings.TrimRightFunc(want[i], unicode.IsSpace), n == "", len(strings.Fields(n)), utf8.RuneCountInString(n), key)
			}
		}
		if got, want := w.normText(), strings.Join(norms, " "); got != want {
			t.Errorf("split(%q): normalized text %q, want %q", text, got, want)
		}
	}
}

// numericRef is numeric by code points.
func numericRef(norm string) bool {
	digits, all := 0, 0
	for _, r := range norm {
		if r == ' ' {
			continue
		}
		all++
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return 4*digits >= all
}

// TestLineKeyFoldsDigits: lines that differ in their digits only share a
// key, and the key of a line without digits is its plain hash.
func TestLineKeyFoldsDigits(t *testing.T) {
	a, _ := lineKey("published 12:30 today", nil)
	b, _ := lineKey("published 09:15 today", nil)
	c, _ := lineKey("published 00:00 today", nil)
	d, _ := lineKey("published today", nil)
	if a != b || a != c {
		t.Errorf("keys differ: %x %x %x", a, b, c)
	}
	if a == d {
		t.Errorf("key of a line without its time is the same: %x", d)
	}
}

// foldDigitsRef turns the digits 1 to 9 of s to '0'.
func foldDigitsRef(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// TestLineKeyLongLines: lines longer than lineKey's own buffer fold in
// the scratch space, which grows and is reused.
func TestLineKeyLongLines(t *testing.T) {
	var scratch []byte
	for _, n := range []int{0, 7, 8, 511, 512, 513, 2000, 600} {
		s := strings.Repeat("é 19 ab", n)[:n]
		var got uint64
		got, scratch = lineKey(s, scratch)
		if want := xxh3.HashString(foldDigitsRef(s)); got != want {
			t.Errorf("lineKey of %d bytes = %x, want %x", n, got, want)
		}
	}
	if cap(scratch) < 2000 {
		t.Errorf("scratch of %d bytes kept, want the longest line's", cap(scratch))
	}
}
