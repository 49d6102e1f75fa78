package clean

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/textproc"
)

// randomText returns a text of n pieces drawn from ASCII, the tables'
// blocks and their neighbours: combining marks, compatibility forms,
// white space of every kind, line ends, CJK, emoji and invalid bytes.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "\r", "`", "\x00", "\x01", "\x7f", ".", "«", "»",
		"é", "É", "e\u0301", "\u0301", "\u0308", "ё", "Ё", "Ж", "ж", "й", "и\u0306", "Σ", "ς", "ǅ", "ß", "ﬁ", "½", "²",
		"\u00a0", "\u00ad", "\u0085", "\u2028", "\u2003", "\u200b", "\u2060", "\u2009", "—", "–", "‘", "’", "“", "”", "…", "‰", "№", "™", "€",
		"\u2126", "\u212b", "\u2160", "\u3000", "Ａ", "中", "😀", "\u0338", "<", "=", "\u05d0", "\u0627", "\u0915\u093c",
		"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf",
		"\u1100", "\u1161", "\u11a8", "\u0b47", "\u0b3e", "\u0342", "\u0345", "\u0653", "\u05b4", "\u0e33", "\u0f73",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestAppendNormalizedFast: when the table path takes a line, it gives
// what appendNormalized gives, form and counts; it takes the lines of
// generated English and Russian articles nearly all.
func TestAppendNormalizedFast(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		got, gn, ok := appendNormalizedFast([]byte("x "), s)
		if !ok {
			if string(got) != "x " {
				t.Errorf("appendNormalizedFast(%q) refused and left %q", s, got)
			}
			return false
		}
		want, wn := appendNormalized([]byte("x "), s)
		if string(got) != string(want) || gn != wn {
			t.Errorf("appendNormalizedFast(%q) = %q %+v, want %q %+v", s, got, gn, want, wn)
		}
		return true
	}
	for _, s := range normalizeCases {
		check(s)
	}
	// every code point of the tables, between neighbours that combine
	contexts := []string{"a", "e", " ", "\u0301", "\u0308", "\u0338", "\u0306", "\u0b3e", "\u1161", "\u0345", "\u3099"}
	for r := rune(0); r < 0x800; r++ {
		for _, c := range contexts {
			check(c + string(r) + c)
		}
	}
	for r := rune(punctFirst); r < punctEnd; r++ {
		for _, c := range contexts {
			check(c + string(r) + c)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		check(randomText(r, 1+r.IntN(12)))
	}
	// mostly ASCII, for the eight-byte path: every byte value that path
	// must refuse, among runs it takes
	const ascii = "abcxyz0189.,;:!?'\"-()[]/+=_~@#$%^&*<>{}|\x00\x08\x0e\x1f\x7fAMZ`\t\n\v\f\r   é—"
	for range 50000 {
		b := make([]byte, 1+r.IntN(40))
		for i := range b {
			b[i] = ascii[r.IntN(len(ascii))]
		}
		check(string(b))
	}
	// the eight-byte path folds the bytes as the table does, and takes
	// letters, digits and punctuation
	for c := range byte(utf8.RuneSelf) {
		if c == ' ' {
			continue
		}
		w, ok := fold8(oneBits * uint64(c))
		if ok && w != oneBits*uint64(asciiOut[c]) {
			t.Errorf("fold8 of %q gives %q, the table %q", c, byte(w), asciiOut[c])
		}
		if !ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".,;:!?'\"-()", c) >= 0) {
			t.Errorf("fold8 refuses %q", c)
		}
	}
	lines, fast := 0, 0
	for a := range gen.New(gen.Options{Articles: 300, Seed: 3}).All() {
		for _, l := range strings.Split(a.Title+"\n"+a.Text, "\n") {
			lines++
			if check(l) {
				fast++
			}
		}
	}
	if fast*100 < lines*95 {
		t.Errorf("the table path took %d of %d generated lines", fast, lines)
	}
}

// TestPrepareHash: the hash Prepare makes from the split is
// textproc.HashLines of the title and text, for texts of every kind,
// invalid UTF-8 included.
func TestPrepareHash(t *testing.T) {
	type doc struct{ title, text string }
	docs := []doc{{"", ""}, {"Title", ""}, {"", "Text"}, {" ", "\n\n"}, {"T", "\n\na\n\n"}, {"A\nB", "c\r\nd\r\n"},
		{"“Quoted” — title", "Line one.\n\n  Line   two \u00a0\nЁлка\n"}, {"bad \xff", "text \xc3 here\nnext"}}
	for _, s := range normalizeCases {
		docs = append(docs, doc{s, s}, doc{"T", s + "\n" + s})
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		docs = append(docs, doc{randomText(r, r.IntN(4)), randomText(r, r.IntN(40))})
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 6}).All() {
		docs = append(docs, doc{a.Title, a.Text})
	}
	for _, d := range docs {
		got, lines := Prepare(d.title, d.text)
		if want := textproc.HashLines(d.title, d.text); got != want {
			t.Errorf("Prepare(%q, %q) hash %s, want %s", d.title, d.text, got, want)
		}
		if lines == nil || lines.text != d.text {
			t.Errorf("Prepare(%q, %q) lines of another text", d.title, d.text)
		}
	}
}

// TestCleanTakesAhead: Clean reads the lines Prepare made as it reads its
// own split, drops them from the article, ignores them when the text
// changed, and lets only one copy of an article take them.
func TestCleanTakesAhead(t *testing.T) {
	ctx := context.Background()
	var arts []storyline.Article
	for a := range gen.New(gen.Options{Articles: 300, Seed: 2}).All() {
		arts = append(arts, storyline.Article{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Hash: fmt.Sprint(len(arts))})
	}
	plain, ahead := New(Options{}), New(Options{})
	for i, a := range arts {
		b := a
		_, b.Ahead = Prepare(b.Title, b.Text)
		if i%10 == 0 {
			b.Text += "\nA line added after Prepare."
			a.Text = b.Text
		}
		copyOf := b // shares the lines
		if err := plain.Clean(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if err := ahead.Clean(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if b.Ahead != nil {
			t.Fatalf("%s: Ahead kept after Clean", a.ID)
		}
		if a.Text != b.Text {
			t.Fatalf("%s: cleaned with the lines made ahead\n%q\nwant\n%q", a.ID, b.Text, a.Text)
		}
		if _, ok := takeLines(&copyOf); ok {
			t.Fatalf("%s: a second copy took the lines again", a.ID)
		}
	}
	if p, a := plain.Flush(), ahead.Flush(); fmt.Sprint(p) != fmt.Sprint(a) {
		t.Errorf("learned states differ")
	}
}

// BenchmarkPrepare splits and hashes the generated stream's articles,
// one per iteration, as ingest's workers do.
func BenchmarkPrepare(b *testing.B) {
	var arts []storyline.Article
	size := 0
	for a := range gen.New(gen.Options{Articles: 500, Seed: 1}).All() {
		arts = append(arts, storyline.Article{Title: a.Title, Text: a.Text})
		size += len(a.Text)
	}
	b.SetBytes(int64(size / len(arts)))
	b.ReportAllocs()
	i := 0
	cpu0 := rusage.ProcessCPU()
	for b.Loop() {
		a := &arts[i%len(arts)]
		Prepare(a.Title, a.Text)
		i++
	}
	reportCPU(b, cpu0)
}

// TestJoinKept: whatever lines are kept, the text joinKept writes is the
// reference join (trailing white space trimmed, one line end between
// lines, a blank line where blank or white lines stood, none at either
// end), and when it says the result is a stretch of the text, the stretch
// holds those bytes.
func TestJoinKept(t *testing.T) {
	ref := func(text string, lines []line) string {
		var out []string
		blank := false
		for _, l := range lines {
			if !l.keep {
				continue
			}
			s := strings.TrimRightFunc(l.textIn(text), unicode.IsSpace)
			if strings.TrimSpace(s) == "" {
				blank = len(out) > 0
				continue
			}
			if blank {
				out = append(out, "")
			}
			blank = false
			out = append(out, s)
		}
		return strings.Join(out, "\n")
	}
	pieces := []string{"a", "b c", " ", "\t", "\n", "\n", "\r\n", "x ", "  y", "\r", "\u00a0", "z\u3000", "\v", "é"}
	r := rand.New(rand.NewPCG(11, 12))
	var w work
	stretches := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		lines := w.split(text)
		for i := range lines {
			lines[i].keep = r.IntN(4) > 0
		}
		want := ref(text, lines)
		first, end, stretch, got := joinKept(nil, text, lines, true)
		if string(got) != want {
			t.Fatalf("joinKept(%q) wrote %q, want %q", text, got, want)
		}
		if stretch {
			stretches++
			if text[first:end] != want {
				t.Fatalf("joinKept(%q) says stretch %q, want %q", text, text[first:end], want)
			}
		}
		if _, _, s2, none := joinKept(nil, text, lines, false); s2 != stretch || none != nil {
			t.Fatalf("joinKept(%q) without writing: stretch %v, wrote %q", text, s2, none)
		}
	}
	if stretches == 0 {
		t.Error("no result was a stretch of its text")
	}
}

// TestTooLongToSplit: a text over maxSplit bytes is left as it is, with
// the content hash of its whole, and nothing made ahead for it.
func TestTooLongToSplit(t *testing.T) {
	text := strings.Repeat("Photo: Getty Images\nA line of the text.\n", maxSplit/38+1)
	if len(text) <= maxSplit {
		t.Fatalf("text of %d bytes is not over %d", len(text), maxSplit)
	}
	hash, ahead := Prepare("T", text)
	if want := textproc.HashLines("T", text); hash != want || ahead != nil {
		t.Errorf("Prepare: hash %s, lines %v; want %s and none", hash, ahead != nil, want)
	}
	c := New(Options{})
	a := storyline.Article{ID: "a", Source: "x.example", Text: text}
	if err := c.Clean(context.Background(), &a); err != nil || a.Text != text {
		t.Errorf("Clean changed the text (%d bytes of %d) or failed: %v", len(a.Text), len(text), err)
	}
	if got := c.CleanText("x.example", text); got != text {
		t.Errorf("CleanText changed the text: %d bytes of %d", len(got), len(text))
	}
}
