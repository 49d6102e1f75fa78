package quotes

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text yields quotes whose spans hold their
// text, and never panics.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," Peskov said, "and soon."`, "«Да», — заявил он.", "Mr. Smith (D-N.Y.) said: “Yes.”\n\n“No",
		"According to him, it was fine.", "the US’ continued refusal, he said",
		"“It is over.” ― Ana Diaz\n\"No more.\"\n\n- Sanders.", "“It's unusual,“ said Larry Noble.”", "“Really?” an angry Hollande said, according to CNN",
		"Nurse Ines Calardin, 54, told reporters the hospital was full", "As Anna Berg said, it", "Как сообщила Анна Берг, 5",
		"Anna Berg said Monday in a", "Anna Berg told the BBC",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		for _, q := range extract(text) {
			if q.Start < 0 || q.End > len(runes) || q.Start > q.End || string(runes[q.Start:q.End]) != q.Text {
				t.Fatalf("bad quote %+v", q)
			}
			if q.SpeakerStart >= 0 && (q.SpeakerEnd > len(runes) || q.SpeakerStart > q.SpeakerEnd) {
				t.Fatalf("bad speaker span %+v", q)
			}
		}
	})
}
