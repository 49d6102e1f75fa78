package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"github.com/storyline-news/storyline/clean"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
)

// edgeTexts are plain texts that exercise every branch of Text: date
// tokens, date lines, datelines of each shape, titles and none, line ends,
// trailing and odd white space, blank runs, markup, years.
var edgeTexts = []string{
	"Dec 18 2021", "2021-12-18", "2021-12-18T10:30:00Z", "2021-12-18T10:30:00+03:00", "18.12.2021", "17 декабря 2021 г.",
	"Published: December 18, 2021 10:30 GMT", "Updated 9.15pm Dec 18 2021", "20211-12-18", "+021-12-18", "2021-1-18", "18 December",
	"Monday, 18 December 2021, 09.15 BST", "2021/12/18", "December 2021", "On Dec 18",
	"Harbour plan approved\n\nDec 14 2021\n\nPORT ELLIS, December 14 (Courier) - The harbour authority approved a plan.\n\nWork begins in spring.",
	"MOSCOW, December 17. /TASS/. Kremlin spokesman Dmitry Peskov said on Friday that talks would go on. In 2021 and 2021 and 2020.",
	"МОСКВА, 17 декабря. /ТАСС/. Песков заявил, что переговоры продолжатся в 2022 году.",
	"КИЕВ, 3 дек — РИА Новости. Президент заявил, что переговоры продолжатся в 2022 году.",
	"WASHINGTON (Reuters) - Officials said on Monday the plan would go ahead in 2019, not 2018.",
	"LONDON, Dec 3 (AFP) – The talks went on.",
	"Kyiv, Ukraine (AP) — The city was quiet, officials said in 1999.",
	"MOSCOW, Dec. 17 — The Kremlin said.",
	"KYIV — No date here.",
	"date 2021-12-17 Council meets\nThe council met on Friday to discuss the budget. It agreed.",
	"DATE: 2021-12-17T10:30:00Z\nCouncil meets\n\nThe council met.",
	"Datebook entries\n\nThe book lists dates.",
	"No title here, just a sentence that runs on. And then another one follows it.\r\nWith CRLF line ends.\r\n\r\n\r\nAnd blank runs.   \n",
	"Title Line With Trailing Space   \n\nBody with trailing tab\t\nand\u00a0\nand line separator\u2028\n\n\n\nafter a blank run.",
	"  \n\n  Leading blank lines and indented start.\n\n   \n\nWhite-space-only line above.",
	"<p>Markup in <b>plain</b> text &amp; entities &lt;kept&gt;.</p>\n<p>Second paragraph.</p>",
	"\ufeffByte order mark first.\n\nThen text.",
	"Quotes “curly” and ‘single’ — dashes – and \u00a0non-breaking\u00a0spaces. In 2019 and 2020, and 1999, x2021, 2021x, _2020, 12020, 20201, é2018é.",
	"Dec 18 2021\n\nOnly a date line, then the body. Mr. Smith said so.",
	"A Judge Is Confirmed. Is This the Last One?\n\nSENATE, Dec 5 (Wire) - The vote was close.",
	"One line only",
	"\n\n\n",
	"",
	"Short\n\nx",
	"He spoke. Then he left\n\nThe body follows here.",
	"A very long first sentence without any title line that goes on and on about the harbour, the council, the budget, the fishermen, the bay, the channel and the dredging works planned for next spring",
}

// hintSets are the hints Text is called with in the comparisons.
var hintSets = []Hints{
	{},
	{ID: "x1", Title: "Harbour plan approved", URL: " https://www.Example.com/a ", Source: "", Lang: "en"},
	{Title: "  A   hinted\ttitle ", Source: " The  Courier "},
	{Published: storyline.Day(time.Date(2021, 12, 18, 0, 0, 0, 0, time.UTC))},
	{Published: storyline.Instant(time.Date(2021, 12, 18, 10, 30, 0, 0, time.UTC)), URL: "https://news.example/b"},
}

// realTexts returns texts of the generated stream and, when present, the
// examples and the labeled corpora (up to max texts each).
func realTexts(t *testing.T, max int) []string {
	t.Helper()
	var texts []string
	g := gen.New(gen.Options{Articles: max, Seed: 3})
	for a := range g.All() {
		texts = append(texts, a.Text, a.Title+"\n\n"+a.Text)
	}
	if paths, _ := filepath.Glob("../../shared/examples/articles/*.txt"); len(paths) > 0 {
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	for _, name := range []string{"giveme5w1h_news_cluster/data.jsonl", "ecbplus/data.jsonl.gz", "polnear/data.jsonl"} {
		fh, err := os.Open("../../shared/data/" + name)
		if err != nil {
			continue
		}
		var r io.Reader = fh
		if strings.HasSuffix(name, ".gz") {
			if r, err = gzip.NewReader(fh); err != nil {
				t.Fatal(err)
			}
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 16<<20)
		for n := 0; n < max && sc.Scan(); n++ {
			var rec struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			texts = append(texts, rec.Text, rec.Title+"\n"+rec.Text)
		}
		fh.Close()
	}
	return texts
}

// TestTextMatchesReference extracts edge-case, generated and real texts
// with the current and the former Text and requires the same articles
// (and errors), for Text and TextString alike, under several hints.
func TestTextMatchesReference(t *testing.T) {
	texts := append(append([]string{}, edgeTexts...), realTexts(t, 150)...)
	for i, s := range texts {
		for j, h := range hintSets {
			want, werr := refText([]byte(s), h)
			got, err := Text([]byte(s), h)
			// The split made on the way to the hash goes on for cleaning.
			if _, ok := got.Ahead.(*clean.Lines); !ok {
				t.Fatalf("text %d, hints %d: Ahead %T, want the text's lines", i, j, got.Ahead)
			}
			got.Ahead = nil
			if !reflect.DeepEqual(got, want) || err != werr {
				t.Fatalf("text %d, hints %d: %.120q\n got %+v %v\nwant %+v %v", i, j, s, got, err, want, werr)
			}
			got, err = TextString(s, h)
			got.Ahead = nil
			want.Raw = nil
			if !reflect.DeepEqual(got, want) || err != werr {
				t.Fatalf("TextString: text %d, hints %d: %.120q\n got %+v %v\nwant %+v %v", i, j, s, got, err, want, werr)
			}
		}
	}
	if _, err := TextString("bad \xff byte", Hints{}); err != ErrInvalidUTF8 {
		t.Errorf("TextString on invalid UTF-8: err = %v, want ErrInvalidUTF8", err)
	}
}

// TestHelpersMatchReference compares the rewritten helpers with their
// former versions on every line and paragraph of the test texts.
func TestHelpersMatchReference(t *testing.T) {
	texts := append(append([]string{}, edgeTexts...), realTexts(t, 100)...)
	for _, s := range texts {
		for _, l := range append(strings.Split(s, "\n"), s, "", " ", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2028", "a b c", "Песков  сказал", "x\u0085") {
			if got, want := cleanLine(l), strings.Join(strings.Fields(l), " "); got != want {
				t.Fatalf("cleanLine(%q) = %q, want %q", l, got, want)
			}
		}
		if got, want := tidyText(s), refTidyText(s); got != want {
			t.Fatalf("tidyText(%.120q)\n got %q\nwant %q", s, got, want)
		}
		var years []string
		eachYear(s, func(y int) { years = append(years, strconv.Itoa(y)) })
		if want := refYearRE.FindAllString(s, -1); !slicesEqual(years, want) {
			t.Fatalf("eachYear(%.120q) = %v, want %v", s, years, want)
		}
		for _, p := range append(strings.Split(s, "\n"), s, s[:min(len(s), 30)], s[:min(len(s), 10)]) {
			if got, want := findDateline(p), refFindDateline(p); !reflect.DeepEqual(got, want) {
				t.Fatalf("findDateline(%.120q) = %+v, want %+v", p, got, want)
			}
			// The date line parser has since learnt more forms: every
			// line the former read, it reads as the same day, give or
			// take one for the former's 12-hour clock ("p.m.", "12:30
			// AM") and daylight time in "ET" it did not know.
			if want, ok := refParseDateLine(p); ok {
				dl := scanDateLine(p)
				if d := dl.pub.Time.Sub(want.Time); dl.kind != lineDate || d < -24*time.Hour || d > 24*time.Hour {
					t.Fatalf("scanDateLine(%.120q) = %s %v, want %s", p, dl.pub, dl.kind, want)
				}
			}
			if got, want := fmt.Sprint(parseISODate(p)), fmt.Sprint(refParseISODate(p)); got != want {
				t.Fatalf("parseISODate(%.120q) = %s, want %s", p, got, want)
			}
		}
	}
}

func slicesEqual(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// BenchmarkTextString extracts generated articles as JSON input gives
// them (text, title and date hints), and, for comparison, measures the
// content hash alone, which is about half of it.
func BenchmarkTextString(b *testing.B) {
	type doc struct {
		text string
		h    Hints
	}
	var docs []doc
	var size int
	for a := range gen.New(gen.Options{Articles: 200, Seed: 5}).All() {
		pub, _ := ParseDate(a.Date)
		docs = append(docs, doc{a.Text, Hints{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Lang: a.Lang, Published: pub}})
		size += len(a.Text)
	}
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(int64(size / len(docs)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			d := docs[i%len(docs)]
			if _, err := TextString(d.text, d.h); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("hash", func(b *testing.B) {
		b.SetBytes(int64(size / len(docs)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			d := docs[i%len(docs)]
			Hash(d.h.Title, d.text)
			i++
		}
	})
}
