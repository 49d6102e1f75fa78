package entities

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// TestLowerAs checks that lowerAs lowers as strings.ToLower does, for
// every word of the synthetic stream and of random texts whose words mix
// scripts, cases and letters that lower to another length (İ, the Kelvin
// sign) or that the tokenizer folds (ё, curly apostrophes), whole and
// less a final "'s", as makeCand asks.
func TestLowerAs(t *testing.T) {
	var texts []string
	for a := range gen.New(gen.Options{Articles: 200, Seed: 11}).All() {
		texts = append(texts, a.Text)
	}
	pieces := []string{"Putin", "PUTIN", "putin", "Песков", "ПЕСКОВ", "Ёлкин", "ёлкин", "İstanbul", "\u212Aelvin", "O’Neil",
		"Jean-Luc", "José", "ÉCOLE", "Ǆemal", "ǅemal", "Straße", "STRASSE", "Putin's", "Putin’s", "Ωmega", " ", ", ", ". "}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString(pieces[len(pieces)-1-rng.IntN(3)])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		d := NewDoc(text)
		for k, tok := range d.Tokens {
			w := d.Word(k)
			for _, w := range []string{w, strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")} {
				if got, want := lowerAs(w, tok.Term), strings.ToLower(w); got != want {
					t.Fatalf("lowerAs(%q, %q) = %q, want %q", w, tok.Term, got, want)
				}
			}
		}
	}
}
