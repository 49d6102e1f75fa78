package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// TestTextExamples checks the shared example articles.
func TestTextExamples(t *testing.T) {
	dir := "../../shared/examples/articles"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared examples not available: %v", err)
	}
	read := func(prefix string) storyline.Article {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
		if len(m) != 1 {
			t.Fatalf("example %s: found %d files", prefix, len(m))
		}
		raw, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		a, err := Text(raw, Hints{})
		if err != nil {
			t.Fatalf("%s: %v", m[0], err)
		}
		return a
	}
	a000 := read("000")
	if got := a000.Published.String(); got != "2021-12-17" {
		t.Errorf("000 published = %q, want 2021-12-17", got)
	}
	if strings.HasPrefix(strings.TrimSpace(a000.Text), "date") {
		t.Errorf("000 body still starts with the date token: %.40q", a000.Text)
	}
	if !strings.HasPrefix(a000.Text, "MOSCOW, December 17. /TASS/. Talks") {
		t.Errorf("000 body should keep the dateline: %.60q", a000.Text)
	}
	if !strings.HasPrefix(a000.Title, "Talks between Russian and US Presidents") || strings.Contains(a000.Title, "TASS") {
		t.Errorf("000 title from its first sentence without dateline, got %q", a000.Title)
	}
	for _, p := range []string{"001", "003"} {
		if got := read(p).Published.String(); got != "2021-12-18" {
			t.Errorf("%s published = %q, want 2021-12-18", p, got)
		}
	}
	a003 := read("003")
	if want := "Kremlin: US Doesn’t Want to Recognise Russian Concerns Over ‘Red Lines’"; a003.Title != want {
		t.Errorf("003 title = %q, want %q", a003.Title, want)
	}
	if strings.Contains(a003.Text, "Dec 18 2021") || strings.Contains(a003.Text, a003.Title) {
		t.Errorf("003 body keeps its title or date line: %.120q", a003.Text)
	}
	a002 := read("002")
	if strings.HasSuffix(a002.Title, ".") || len([]rune(a002.Title)) > 121 || !strings.HasPrefix(a002.Text, a002.Title[:20]) {
		t.Errorf("002 title should be its first sentence, got %q", a002.Title)
	}
	if a004 := read("004"); a004.Title != "Telephone conversations between Putin and Biden" {
		t.Errorf("004 title = %q", a004.Title)
	}
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		a := read(p)
		if a.Hash != Hash(a.Title, a.Text) || a.Format != "text" {
			t.Errorf("%s: hash or format not set: %q %q", p, a.Hash, a.Format)
		}
	}
}

// TestText covers invented texts: titles, date lines and datelines.
func TestText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		hints     Hints
		title     string
		published string
		textStart string
	}{
		{
			name:      "reuters dateline, year from text",
			in:        "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday, the first budget of 2023.\n\nMore text.",
			title:     "The Senate passed the bill on Tuesday, the first budget of 2023",
			textStart: "WASHINGTON (Reuters) - The Senate",
		},
		{
			name:      "afp dateline with date and year in text",
			in:        "Floods hit the north\n\nLONDON, Dec 3 (AFP) – Heavy rain flooded towns in 2019, officials said.\nSecond paragraph.",
			title:     "Floods hit the north",
			published: "2019-12-03",
			textStart: "LONDON, Dec 3 (AFP) – Heavy rain",
		},
		{
			name:      "russian tass dateline, date line wins",
			in:        "Песков прокомментировал переговоры\n17 декабря 2021\nМОСКВА, 16 декабря. /ТАСС/. Переговоры прошли в атмосфере уважения, заявил Песков.",
			title:     "Песков прокомментировал переговоры",
			published: "2021-12-17",
			textStart: "МОСКВА, 16 декабря. /ТАСС/. Переговоры",
		},
		{
			name:      "tass dateline resolved by text year",
			in:        "МОСКВА, 17 декабря. /ТАСС/. Встреча намечена на январь 2022 года. В 2021 году встреч было две. Итоги 2021 года.",
			published: "2021-12-17",
			title:     "Встреча намечена на январь 2022 года",
		},
		{
			name:      "date line before title",
			in:        "Published: December 5, 2020 10:30 GMT\nCity council approves new budget\n\nThe council voted on Friday.",
			title:     "City council approves new budget",
			published: "2020-12-05T10:30:00Z",
			textStart: "The council voted",
		},
		{
			name:      "token wins over date line",
			in:        "date 2022-01-02 Title line here\n\nJan 5 2022\n\nBody sentence here.",
			title:     "Title line here",
			published: "2022-01-02",
			textStart: "Body sentence",
		},
		{
			name:      "sentence-like first line is body",
			in:        "The minister resigned on Monday. He gave no reason.\nHis deputy takes over.",
			title:     "The minister resigned on Monday",
			textStart: "The minister resigned",
		},
		{
			name:      "lead-in colon is not a title",
			in:        "He said the following:\n\n“We are ready.”",
			title:     "He said the following:",
			textStart: "He said the following:",
		},
		{
			name:      "hint title and date win, repeated title dropped",
			in:        "Markets fall sharply\n\nStocks fell 3% on Monday.",
			hints:     Hints{Title: "Markets Fall Sharply", Published: storyline.Day(mustDay("2020-03-09"))},
			title:     "Markets Fall Sharply",
			published: "2020-03-09",
			textStart: "Stocks fell",
		},
		{
			name:      "long first sentence cut at a word",
			in:        strings.Repeat("word ", 60) + "end.",
			title:     strings.TrimSpace(strings.Repeat("word ", 24)) + "…",
			textStart: "word word",
		},
		{
			name:      "a single line is body, not title",
			in:        "Short note without period",
			title:     "Short note without period",
			textStart: "Short note without period",
		},
		{
			name:      "iso date line with time",
			in:        "Headline about things\n2021-12-18 10:30\nBody text follows here.",
			title:     "Headline about things",
			published: "2021-12-18",
			textStart: "Body text",
		},
		{
			name:      "ap dateline with region",
			in:        "KYIV, Ukraine (AP) — Officials said on Dec. 3 that talks would go on.",
			title:     "Officials said on Dec. 3 that talks would go on",
			textStart: "KYIV, Ukraine (AP) — Officials",
		},
		{
			name:      "ria dateline, year from text",
			in:        "МОСКВА, 17 дек — РИА Новости. Переговоры 2021 года продолжатся, заявил Песков.",
			title:     "Переговоры 2021 года продолжатся, заявил Песков",
			published: "2021-12-17",
			textStart: "МОСКВА, 17 дек — РИА",
		},
		{
			name:      "numeric date line",
			in:        "Headline about things\n18.12.2021\nBody text follows here.",
			title:     "Headline about things",
			published: "2021-12-18",
			textStart: "Body text",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := checkText(t, tc.in, tc.hints, tc.title, tc.published)
			if !strings.HasPrefix(a.Text, tc.textStart) {
				t.Errorf("text = %.60q, want prefix %q", a.Text, tc.textStart)
			}
		})
	}
}

// checkText extracts in with hints and checks the title and publication
// Text gives it; it returns the article for the test's other checks.
func checkText(t *testing.T, in string, hints Hints, title, published string) storyline.Article {
	t.Helper()
	a, err := Text([]byte(in), hints)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title {
		t.Errorf("title = %q, want %q", a.Title, title)
	}
	if got := a.Published.String(); got != published {
		t.Errorf("published = %q, want %q", got, published)
	}
	return a
}

func mustDay(s string) time.Time {
	p, err := storyline.ParsePublished(s)
	if err != nil {
		panic(err)
	}
	return p.Time
}

// TestTextErrors checks empty and invalid input.
func TestTextErrors(t *testing.T) {
	if _, err := Text([]byte("date 2021-12-17 \n\n  "), Hints{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("token-only text: err = %v, want ErrEmpty", err)
	}
	if _, err := Text([]byte("caf\xe9"), Hints{}); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("latin-1 text: err = %v, want ErrInvalidUTF8", err)
	}
}

// TestParseDate checks the date forms inputs carry.
func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021-12-17", "2021-12-17"},
		{"2021-12-17T10:30:00+03:00", "2021-12-17T07:30:00Z"},
		{"Fri, 17 Dec 2021 10:30:00 GMT", "2021-12-17T10:30:00Z"},
		{"Fri, 17 Dec 2021 10:30:00 +0300", "2021-12-17T07:30:00Z"},
		{"2021-12-17 10:30:00", "2021-12-17"},
		{"1639737000", "2021-12-17T10:30:00Z"},
		{"1639737000000", "2021-12-17T10:30:00Z"},
		{"December 17, 2021", "2021-12-17"},
		{"17 декабря 2021 г.", "2021-12-17"},
		{"Saturday 18 December 2021 09.15 GMT", "2021-12-18T09:15:00Z"},
		{"Updated 2:35 PM ET, Sat December 18, 2021", "2021-12-18T19:35:00Z"},
		{"Dec. 18th, 2021", "2021-12-18"},
		{"18.12", ""},
		{"yesterday", ""},
		{"2021-13-45", ""},
	}
	for _, tc := range tests {
		p, _ := ParseDate(tc.in)
		if got := p.String(); got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSource checks the source rule.
func TestSource(t *testing.T) {
	tests := []struct{ field, in, canon, site, want string }{
		{"TASS", "https://www.tass.com/x", "", "", "TASS"},
		{"", "https://www.tass.com/x", "", "T", "tass.com"},
		{"", "", "https://news.example.org/a", "Ex", "news.example.org"},
		{"", "", "", "Example News", "Example News"},
		{"", "not a url", "", "", ""},
	}
	for _, tc := range tests {
		if got := sourceOf(tc.field, tc.in, tc.canon, tc.site); got != tc.want {
			t.Errorf("sourceOf(%q,%q,%q,%q) = %q, want %q", tc.field, tc.in, tc.canon, tc.site, got, tc.want)
		}
	}
}

// BenchmarkText measures plain-text extraction of a ~3 KB article.
func BenchmarkText(b *testing.B) {
	para := "MOSCOW, December 17. /TASS/. Talks between the presidents were held in an atmosphere of mutual respect, the spokesman said on Friday. "
	raw := []byte("date 2021-12-17 " + strings.Repeat(para+"\n\n", 3000/len(para)))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Text(raw, Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseDateReadsWhatParsePublishedReads: every string
// storyline.ParsePublished reads, ParseDate reads the same, at every
// length; what it rejects ParseDate reads its own ways.
func TestParseDateReadsWhatParsePublishedReads(t *testing.T) {
	for _, s := range []string{
		"2021-12-17", " 2021-12-17 ", "2021-12-17T10:30:00Z", "2021-12-17T10:30:00.123456789+03:00",
		"2021-12-17T10:30:00-00:00", "2021-12-17t10:30:00z", "2021-12-17 10:30:00Z", "2021-1-17",
		"2021-12-17T25:30:00Z", "20211217", "2021-12-17T10:30Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9Z",
	} {
		want, err := storyline.ParsePublished(s)
		if err != nil {
			continue
		}
		if got, ok := ParseDate(s); !ok || got != want {
			t.Errorf("ParseDate(%q) = %v %v, want %v", s, got, ok, want)
		}
	}
}

// TestFieldsInto: fieldsInto splits as strings.Fields does, and reports a
// line with more words than its buffer holds.
func TestFieldsInto(t *testing.T) {
	for _, line := range []string{"", " ", "one", " two  words ", "tab\tand\u00a0nbsp\u2003em", "Москва — 17 декабря",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4", "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5"} {
		var buf [maxTitleWords]string
		got, ok := fieldsInto(buf[:0], line)
		want := strings.Fields(line)
		if wantOK := len(want) <= maxTitleWords; ok != wantOK || ok && !slicesEqual(got, want) {
			t.Errorf("fieldsInto(%q) = %q, %v; want %q, %v", line, got, ok, want, wantOK)
		}
	}
}

// TestMoreWordsBoundsNormalize: normalizing keeps every word, so that
// moreWords may rule a line out as the hinted title: no code point but
// white space normalizes to white space alone or to nothing, and white
// space stays white space; and moreWords counts as strings.Fields does.
func TestMoreWordsBoundsNormalize(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		n := textproc.Normalize("a" + string(r) + "b")
		if unicode.IsSpace(r) != (n == "a b") || !unicode.IsSpace(r) && strings.TrimSpace(textproc.Normalize(string(r))) == "" {
			t.Errorf("%U normalizes to %q between letters", r, n)
		}
	}
	for _, s := range []string{"", " ", "a", " a  b\tc\u00a0d ", "one two three", "Ёлка\u2003и ёж"} {
		w := len(strings.Fields(s))
		for n := 0; n < 6; n++ {
			if got := moreWords(s, n); got != (w > n) {
				t.Errorf("moreWords(%q, %d) = %v, want %v", s, n, got, w > n)
			}
		}
	}
}

// TestIsUpper: isUpper says what comparing a word with its upper case
// says, for ASCII, Cyrillic, Greek, letters whose upper case is another
// length, title-case digraphs, marks, invalid bytes and the replacement
// character itself.
func TestIsUpper(t *testing.T) {
	for _, w := range []string{"", "A", "a", "ABC", "AbC", "123", "MOSCOW,", "МОСКВА", "Москва", "ΑΘΗΝΑ", "Αθήνα",
		"ß", "STRASSE", "ǅ", "Ǆ", "ǆ", "ﬁ", "İ", "ı", "É", "é", "E\u0301", "\xff", "A\xc3", "\ufffd", "Ⅻ", "ⅻ", "😀"} {
		if got, want := isUpper(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("isUpper(%q) = %v, want %v", w, got, want)
		}
	}
}
