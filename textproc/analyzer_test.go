package textproc

import (
	"reflect"
	"testing"
)

func terms(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

func TestForLang(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "The talks were continuing in Moscow's suburbs", []string{"talk", "continu", "moscow", "suburb"}},
		{"ru", "Переговоры продолжились в Москве, заявил Песков", []string{"переговор", "продолж", "москв", "песк"}},
		{"ru", "Встреча с Biden прошла", []string{"встреч", "biden", "прошл"}},
		{"de", "Running talks и переговоры", []string{"run", "talk", "переговор"}},
		{"en", "In 2021 a 3 percent rise", []string{"2021", "3", "percent", "rise"}},
	}
	for _, tc := range tests {
		got := terms(ForLang(tc.lang).Analyze(nil, tc.text))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ForLang(%q).Analyze(%q) = %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestAnalyzeKeepsOffsets(t *testing.T) {
	text := "Ещё the Kremlin’s talks"
	toks := ForLang("en").Analyze(nil, text)
	runes := []rune(text)
	want := []string{"Ещё", "Kremlin’s", "talks"}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %+v", len(toks), toks)
	}
	for i, tok := range toks {
		if got := string(runes[tok.Start:tok.End]); got != want[i] {
			t.Errorf("token %d spans %q, want %q", i, got, want[i])
		}
		if tok.Position != i {
			t.Errorf("token %d position %d", i, tok.Position)
		}
	}
}

func TestAnalyzeAppends(t *testing.T) {
	a := ForLang("en")
	dst := a.Analyze(nil, "first words")
	dst = a.Analyze(dst, "the second")
	if got := terms(dst); !reflect.DeepEqual(got, []string{"first", "word", "second"}) {
		t.Fatalf("got %q", got)
	}
}

func TestGuessScript(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Песков заявил о переговорах with Biden", "ru"},
		{"Peskov said the talks would go on", "en"},
		{"北京 2021", "und"},
		{"", "und"},
	}
	for _, tc := range tests {
		if got := GuessScript(tc.text); got != tc.want {
			t.Errorf("GuessScript(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func BenchmarkAnalyzeEnglish(b *testing.B) {
	text := ""
	for len(text) < 3000 {
		text += "The Kremlin spokesman said on Friday that “the talks” would continue between the presidents. "
	}
	a := ForLang("en")
	b.SetBytes(int64(len(text)))
	var buf []Token
	for b.Loop() {
		buf = a.Analyze(buf[:0], text)
	}
}

func BenchmarkAnalyzeRussian(b *testing.B) {
	text := ""
	for len(text) < 3000 {
		text += "Пресс-секретарь Кремля заявил в пятницу, что переговоры президентов продолжатся. "
	}
	a := ForLang("ru")
	b.SetBytes(int64(len(text)))
	var buf []Token
	for b.Loop() {
		buf = a.Analyze(buf[:0], text)
	}
}
