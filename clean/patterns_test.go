package clean

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/textproc"
)

// TestOpensWithMatchesPrefixes: the filtered look-up says what a
// comparison with every word says, on the words themselves, their
// prefixes and extensions, random lines and generated ones.
func TestOpensWithMatchesPrefixes(t *testing.T) {
	lists := []*openers{sourceLinkStarts, readAlsoStarts, publishedAtStarts, photoCreditStarts}
	var lines []string
	for _, o := range lists {
		for _, w := range o.words {
			lines = append(lines, w, w[:len(w)-1], w+" x", w[:1], " "+w)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		lines = append(lines, textproc.Normalize(randomText(r, r.IntN(8))))
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 8}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			lines = append(lines, textproc.Normalize(l))
		}
	}
	for _, o := range lists {
		for _, l := range lines {
			want := false
			for _, w := range o.words {
				want = want || strings.HasPrefix(l, w)
			}
			if got := opensWith(l, o); got != want {
				t.Errorf("opensWith(%q, %v) = %v, want %v", l, o.words, got, want)
			}
		}
	}
}

// TestMayBeCredit: the hand-written trim says what trimming opening
// brackets, then the white space \s matches, and looking for an opener
// says.
func TestMayBeCredit(t *testing.T) {
	lines := []string{"", "(", "[(", "( photo: x", "[\t\fimage by", "((  ©", " photo", "(x photo", "\r\nvideo", "[[", "(\n", "photos"}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"(", "[", " ", "\t", "\n", "\f", "\r", "\v", "photo", "©", "ap", "x", "é"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		want := opensWith(strings.TrimLeft(strings.TrimLeft(l, "(["), " \t\n\f\r"), photoCreditStarts)
		if got := mayBeCredit(l); got != want {
			t.Errorf("mayBeCredit(%q) = %v, want %v", l, got, want)
		}
	}
}

// BenchmarkClassify applies the generic rules to the normalized lines of
// 300 generated articles per iteration, as splitting does, and reports
// the cost per line in the thread's own CPU time, which other processes
// on a busy machine do not add to.
func BenchmarkClassify(b *testing.B) {
	type normLine struct {
		norm  string
		words int
	}
	var lines []normLine
	for a := range gen.New(gen.Options{Articles: 300, Seed: 5}).All() {
		for _, l := range strings.Split(a.Text, "\n") {
			if n := textproc.Normalize(l); n != "" {
				lines = append(lines, normLine{n, len(strings.Fields(n))})
			}
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := rusage.ThreadCPU()
	kept := 0
	for b.Loop() {
		for _, l := range lines {
			if classify(l.norm, l.words) == keep {
				kept++
			}
		}
	}
	cpu := rusage.ThreadCPU() - cpu0
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(len(lines)*b.N), "thread-cpu-ns/line")
	if kept == 0 {
		b.Fatal("every line dropped")
	}
}
