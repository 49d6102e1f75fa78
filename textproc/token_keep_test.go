package textproc

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// TestTokenizeTermsStay checks that the terms Tokenize returns are not
// written over, by the same call or afterwards, whatever it tokenizes
// next into the same tokens, through garbage collections and memory
// allocated and written since: each term held, a string over the buffer
// Tokenize folded it into, is compared at the end with the reference
// tokenizer's term, copied at once. The texts fill those
// buffers in every way: mostly folded words (more than a buffer is
// sized for), single capitals, capitalised Russian words, words longer
// than a buffer's room, and the synthetic stream's articles.
func TestTokenizeTermsStay(t *testing.T) {
	pieces := []string{"A", "B.", " ", "Name", "NAME", "Жук", "ЖУК", "Ёлка", "É", "Éclair", "’", "`x", "O'Neil",
		"McDonald", "ǅ", "İ", "ΣΟΦΙΑ", "Ⱥ", "word", "слово", "\n", ", ", "K. ", "Co-Op", "x" + strings.Repeat("Y", 40)}
	rng := rand.New(rand.NewPCG(5, 6))
	texts := make([]string, 3000)
	for k := range texts {
		words := make([]string, rng.IntN(200))
		for i := range words {
			words[i] = pieces[rng.IntN(len(pieces))]
		}
		texts[k] = strings.Join(words, " ")
	}
	// folded terms, all different, beyond what one buffer holds
	var capitals, accents, russian strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&capitals, "A%d ", i)
		fmt.Fprintf(&accents, "É%dÉ ", i)
		fmt.Fprintf(&russian, "Ж%s ", strings.Repeat("ж", i%7+1)+strconv.Itoa(i))
	}
	texts = append(texts, capitals.String(), accents.String(), russian.String(),
		"Short "+strings.Repeat("É", 5000)+" Last")
	for a := range gen.New(gen.Options{Articles: 100, Seed: 3}).All() {
		texts = append(texts, a.Title+"\n"+a.Text)
	}
	var held, want []string
	var dst, ref []Token
	var sink [][]byte
	for k, text := range texts {
		dst = Tokenize(dst[:0], text)
		ref = tokenizeRef(ref[:0], text)
		if len(dst) != len(ref) {
			t.Fatalf("text %d: %d tokens, reference %d", k, len(dst), len(ref))
		}
		for i, tok := range dst {
			held = append(held, tok.Term)
			want = append(want, strings.Clone(ref[i].Term))
		}
		if k%100 == 0 {
			// what the collector frees is soon written again
			runtime.GC()
			sink = sink[:0]
			for range 16 {
				b := make([]byte, 1<<12)
				for i := range b {
					b[i] = 0xa5
				}
				sink = append(sink, b)
			}
		}
	}
	bad := 0
	for i := range held {
		if held[i] != want[i] {
			t.Errorf("term %d is %q, want %q", i, held[i], want[i])
			if bad++; bad > 5 {
				t.FailNow()
			}
		}
	}
	if len(held) < 100000 {
		t.Errorf("only %d terms held", len(held))
	}
}
