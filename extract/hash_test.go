package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
	"golang.org/x/text/unicode/norm"
)

// TestHashMatchesTextproc: Hash, which normalizes and hashes as it goes,
// equals textproc.Hash of the title and text joined by a newline: on
// texts with everything normalizing changes (case, white space runs at
// either end and where title and text meet, quotes, dashes, ё,
// compatibility forms, combining marks either side of the join, invalid
// UTF-8), on random mixes of them of every length around the hasher's
// buffer, and on generated articles.
func TestHashMatchesTextproc(t *testing.T) {
	parts := []string{
		"", " ", "\n", "\r\n", "\t\t", "A", "ok", "Hello,  World!", "`q`", "\x00", "“Smart” ‘quotes’ — and – dashes",
		"Ёлка и ёж", "ﬁne ½ Ⅻ ｆｕｌｌ", "a\u00a0b\u2003c\u3000d", "\u0301\u0327e", "e\u0301", "bad \xff\xfe",
		"\u2028", "\u0085", "İstanbul ΣΑΣ", "Москва, 17 декабря. /ТАСС/.", "  spaced  ",
	}
	check := func(title, text string) {
		t.Helper()
		if got, want := Hash(title, text), textproc.Hash(title+"\n"+text); got != want {
			t.Errorf("Hash(%q, %q) = %s, want %s", title, text, got, want)
		}
	}
	for _, a := range parts {
		for _, b := range parts {
			check(a, b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var s [2]strings.Builder
		for k := range s {
			n := r.IntN(8)
			if r.IntN(10) == 0 {
				n = 100 + r.IntN(200) // past the hasher's buffer
			}
			for range n {
				s[k].WriteString(parts[r.IntN(len(parts))])
			}
		}
		check(s[0].String(), s[1].String())
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 2}).All() {
		check(a.Title, a.Text)
	}
}

// TestNFKC: nfkc is NFKC, on texts of the code points it keeps as they
// are, mixed with ASCII and with ones it looks up (combining marks,
// compatibility forms), in random order.
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
		if got, want := nfkc(s), norm.NFKC.String(s); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", s, got, want)
		}
	}
}
