package entities

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

// TestDocSlice checks that Slice, which takes substrings of the original
// text, agrees with converting the code points, whatever the text holds.
func TestDocSlice(t *testing.T) {
	for _, text := range []string{
		"",
		"Plain ASCII text.",
		"Песков заявил «ёлочки» — “curly” quotes…",
		"bad \xff byte",
		"\xff\xfe\xfd",
		"mixed Ж and \xc3 truncated",
		"ends with a cut rune \xe2\x80",
		"two-byte lead at the end \xd0",
		"Mostly ASCII with “curly” quotes — and a dash, as English news is written, then more plain words to make it sparse enough…",
		"Sparse with a bad byte \xff among many plain ASCII words that go on and on for a while here",
		"overlong \xc0\xaf and \xc1\xbf, Ж\xd0\x41",
	} {
		d := NewDoc(text)
		if want := []rune(text); string(d.Text) != string(want) || len(d.Text) != len(want) {
			t.Errorf("%q: Text = %q, want %q", text, string(d.Text), string(want))
		}
		if string(d.Text) != d.Slice(0, len(d.Text)) {
			t.Errorf("%q: Slice of all = %q, want %q", text, d.Slice(0, len(d.Text)), string(d.Text))
		}
		for a := 0; a <= len(d.Text); a++ {
			for b := a; b <= len(d.Text); b++ {
				if got, want := d.Slice(a, b), string(d.Text[a:b]); got != want {
					t.Fatalf("%q: Slice(%d, %d) = %q, want %q", text, a, b, got, want)
				}
			}
		}
	}
}

// TestRuneClasses checks the quick rune classes against package unicode
// over the planes news text uses.
func TestRuneClasses(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if isUpper(r) != unicode.IsUpper(r) || isLetter(r) != unicode.IsLetter(r) || toLower(r) != unicode.ToLower(r) {
			t.Errorf("%U: isUpper %v isLetter %v toLower %U", r, isUpper(r), isLetter(r), toLower(r))
		}
	}
}

// TestDocReset checks that a Doc reset for text after text, long and
// short, ASCII, Cyrillic and invalid, is the Doc NewDoc makes of each, and
// that Recognize finds the same in both.
func TestDocReset(t *testing.T) {
	texts := []string{
		"Kremlin spokesman Dmitry Peskov said on Friday that President Vladimir Putin was ready.\nPeskov added more.",
		"Пресс-секретарь президента Дмитрий Песков заявил, что встреча прошла хорошо. По словам Пескова, всё в порядке.",
		"bad \xff byte from Mr. King",
		"",
		"Short.",
		"Mostly ASCII with “curly” quotes — and a dash, as English news is written by Sen. Ted Cruz, said Cruz.",
		strings.Repeat("Ushakov said the talks in Geneva were useful. ", 40),
	}
	var d Doc
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			d.Reset(text)
			want := NewDoc(text)
			if !reflect.DeepEqual(d.Text, want.Text) && len(d.Text)+len(want.Text) > 0 ||
				!reflect.DeepEqual(d.Tokens, want.Tokens) && len(d.Tokens)+len(want.Tokens) > 0 ||
				fmt.Sprint(d.SentStart, d.Para, d.caps) != fmt.Sprint(want.SentStart, want.Para, want.caps) {
				t.Fatalf("round %d, %q: reset Doc differs from NewDoc", round, text)
			}
			for a := 0; a <= len(d.Text); a += 3 {
				if got, want := d.Slice(a, len(d.Text)), want.Slice(a, len(want.Text)); got != want {
					t.Fatalf("round %d, %q: Slice(%d) = %q, want %q", round, text, a, got, want)
				}
			}
			got, exp := Recognize(&d, nil), Recognize(want, nil)
			if !reflect.DeepEqual(got.Entities, exp.Entities) || fmt.Sprint(got.Mentions) != fmt.Sprint(exp.Mentions) {
				t.Fatalf("round %d, %q: Recognize on a reset Doc = %v, want %v", round, text, got.Entities, exp.Entities)
			}
		}
	}
}

// TestMergeMentions checks mergeMentions against a stable sort by Start,
// for runs sorted and not, with ties between and within them.
func TestMergeMentions(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	w := &work{}
	for round := range 2000 {
		n, m := rng.IntN(8), rng.IntN(8)
		var ms []Mention
		for k := range n + m {
			ms = append(ms, Mention{Start: rng.IntN(12), Tok0: k})
		}
		if round%3 > 0 { // most often both runs are sorted
			byStart := func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) }
			slices.SortStableFunc(ms[:n], byStart)
			slices.SortStableFunc(ms[n:], byStart)
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
		if got := mergeMentions(slices.Clone(ms), n, w); !reflect.DeepEqual(got, want) && len(want) > 0 {
			t.Fatalf("mergeMentions(%v, %d) = %v, want %v", ms, n, got, want)
		}
	}
}

// TestDocSentencesMatchReference checks the sentence starts, capitals and
// paragraphs Reset finds, with its fast paths for a single space or a
// comma and a space between tokens and for the capitals of ASCII and the
// basic Cyrillic letters, against sentencesRef, which reads every gap, on
// random mixes of words, spaces, stops, quotes, colons, abbreviations,
// line breaks and capitals of other letters.
func TestDocSentencesMatchReference(t *testing.T) {
	pieces := []string{"word", "Name", "Mr", "E", "Sen", "Москва", "слово", "ёж", "42", " ", " ", " ", "  ", "\n", ".", ". ",
		": ", "! ", "?", "…", "\"", "“", "«", "»", "”", "„", "\u00a0", "\t", ",", "- ", "(", ")",
		", ", "Ѐтот", "Ѡx", "ѡx", "Élan", "ǅx", "Ωx"}
	rng := rand.New(rand.NewPCG(5, 6))
	var d Doc
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		d.Reset(text)
		sent, caps, para := sentencesRef(&d)
		if fmt.Sprint(d.SentStart, d.caps, d.Para) != fmt.Sprint(sent, caps, para) {
			t.Fatalf("%q: SentStart %v caps %v Para %v, reference %v %v %v", text, d.SentStart, d.caps, d.Para, sent, caps, para)
		}
	}
}

// sentencesRef reads every gap between d's tokens with gapStarts,
// Reset's reading of the gaps its fast paths (one space, a comma and a
// space) pass by, and tests every capital with isUpper.
func sentencesRef(d *Doc) (sent, caps []bool, paras []int) {
	para, prevEnd := 0, 0
	for i, t := range d.Tokens {
		upper := isUpper(d.Text[t.Start])
		var start bool
		start, para = d.gapStarts(i, prevEnd, para, upper)
		sent, caps, paras = append(sent, start), append(caps, upper), append(paras, para)
		prevEnd = t.End
	}
	return sent, caps, paras
}

// TestDocWords checks that a Doc's Words are textproc.ScanWords' words
// of the text it was reset for, text after text in one Doc, over every
// text of three of the pieces that decide where words end, whether they
// are capitalised and whether they open a sentence, and generated
// articles; and that a text that is not valid UTF-8 has none.
func TestDocWords(t *testing.T) {
	pieces := []string{"a", "B", "word", "Name", "ж", "Ёлка", "Ѳ", "1", "'", "’", "`", "-", "—", " ", "  ", ", ",
		"\n", ".", "!", "?", ":", "\"", "«", "“", "(", ")", "é", "É", "e\u0301", "日本", "'s", "co-op", "Mr.", "\t"}
	texts := []string{"", "Short.", "bad \xff byte from Mr. King", "Ушаков: «Песков» сказал."}
	for _, p := range pieces {
		for _, q := range pieces {
			for _, r := range pieces {
				texts = append(texts, p+q+r)
			}
		}
	}
	for a := range gen.New(gen.Options{Articles: 100, Seed: 4}).All() {
		texts = append(texts, a.Text, a.Title+"\n"+a.Text)
	}
	var d Doc
	for _, text := range texts {
		d.Reset(text)
		if !utf8.ValidString(text) {
			if d.Words != nil {
				t.Fatalf("%q, not valid UTF-8: %d words, want none", text, len(d.Words))
			}
			continue
		}
		if want := textproc.ScanWords(nil, text); !slices.Equal(d.Words, want) {
			t.Fatalf("%q: words\n%v, want\n%v", text, d.Words, want)
		}
	}
}
