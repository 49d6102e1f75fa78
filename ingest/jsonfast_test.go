package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// fieldCases are JSON objects for the one-pass decoder: fast says whether
// it should decode them itself (else it leaves them to encoding/json).
var fieldCases = []struct {
	name string
	raw  string
	fast bool
}{
	{"plain", `{"id":"a1","title":"T","text":"Body.","url":"https://x.example/a","source":"X","lang":"en","date":"2021-12-17"}`, true},
	{"spaces", " {\n\t\"id\" : \"a1\" ,\r\n \"text\" :\"Body.\"\t} ", true},
	{"empty", `{}`, true},
	{"escapes", `{"text":"l1\nl2\r\n\t\"q\" \\ \/ \b\f end"}`, true},
	{"unicode escapes", `{"text":"\u00e9t\u00C9 \u2014 \u041c\u043e\u0441\u043a\u0432\u0430 \u0000x"}`, true},
	{"surrogate pair", `{"text":"smile \ud83d\ude00 ok"}`, true},
	{"lone high surrogate", `{"text":"a\ud83dz"}`, true},
	{"lone low surrogate", `{"text":"a\ude00z"}`, true},
	{"high then non-low", `{"text":"a\ud83d\u0041z"}`, true},
	{"two highs", `{"text":"a\ud83d\ud83d\ude00z"}`, true},
	{"high at end", `{"text":"a\ud83d"}`, true},
	{"high then plain escape", `{"text":"a\ud83d\nz"}`, true},
	{"high then u without backslash", `{"text":"\ud8000udC00"}`, true},
	{"raw utf8", `{"title":"Путин и «Кремль» — Песков","text":"Ёлка. naïve 東京 😀"}`, true},
	{"invalid utf8", "{\"text\":\"bad \xff\xfe byte \xe2\x80 cut\"}", true},
	{"invalid utf8 after escape", "{\"text\":\"a\\n\xc3\x28b\"}", true},
	{"numeric id", `{"id":12345,"text":"x"}`, true},
	{"float id", `{"id":-1.5e3,"text":"x"}`, true},
	{"numeric date", `{"date":1639735200,"text":"x"}`, true},
	{"null fields", `{"id":null,"title":null,"text":"x","date":null,"url":null}`, true},
	{"null keeps earlier", `{"title":"A","title":null,"text":"x"}`, true},
	{"null date clears earlier", `{"date":"2021-12-17","date":null,"published":"2020-01-02","text":"x"}`, true},
	{"string then number", `{"text":"a","text":5}`, false},
	{"duplicate last wins", `{"text":"one","text":"two","id":"a","id":7}`, true},
	{"plain then escaped", `{"title":"A","title":"B\u00e9","url":"u\/1","url":"u2","text":"x"}`, true},
	{"escaped then null keeps", `{"title":"\u00e9","title":null,"source":"s","source":null,"text":"x"}`, true},
	{"span then null id", `{"id":"a","id":null,"date":5,"date":"","lang":"","text":"x"}`, true},
	{"number then string id", `{"id":5,"id":"\u0041","published":7,"published":"p","text":"x"}`, true},
	{"only short members", `{"id":"i","title":"t","url":"u","source":"s","lang":"l","date":"d","published":"p"}`, true},
	{"published", `{"published":"Dec 18 2021","text":"x"}`, true},
	{"date and published", `{"date":"","published":"2021-12-18","text":"x"}`, true},
	{"extras", `{"id":"a","quotes":[{"text":"q","speaker":"S","kind":"direct"}],"n":[1,-2.5e-3,true,false,null,{}],"o":{"a":{"b":[[]]}},"text":"x"}`, true},
	{"extra with escapes", `{"note":"a\"b\\c\u1234","text":"x"}`, true},
	{"html", `{"html":"<p>Hi &amp; bye</p>","text":""}`, true},
	{"wrapper shape", `{"status":"ok","articles":[{"text":"x"}]}`, true},
	{"unknown non-ascii key", `{"заголовок":"x","text":"y"}`, false},
	{"folded key", `{"Title":"T","text":"x"}`, false},
	{"upper key", `{"TEXT":"x"}`, false},
	{"escaped key", `{"t\u0065xt":"x"}`, false},
	{"long s key", `{"ſource":"S","text":"x"}`, false},
	{"title number", `{"title":5,"text":"x"}`, false},
	{"text object", `{"text":{"a":1}}`, false},
	{"id object", `{"id":{"a":1},"text":"x"}`, false},
	{"id bool", `{"id":true,"text":"x"}`, false},
	{"date array", `{"date":[],"text":"x"}`, false},
	{"published object after date", `{"date":"2021-12-17","published":{},"text":"x"}`, false},
	{"trailing comma", `{"text":"x",}`, false},
	{"missing colon", `{"text" "x"}`, false},
	{"single quotes", `{'text':'x'}`, false},
	{"bad escape", `{"text":"a\qb"}`, false},
	{"escaped apostrophe", `{"text":"it\'s"}`, false},
	{"short unicode escape", `{"text":"a\u12"}`, false},
	{"control char", "{\"text\":\"a\tb\"}", false},
	{"unterminated", `{"text":"x`, false},
	{"trailing value", `{"text":"x"} {"text":"y"}`, false},
	{"trailing garbage", `{"text":"x"}x`, false},
	{"bad number", `{"id":01,"text":"x"}`, false},
	{"bad number dot", `{"id":1.,"text":"x"}`, false},
	{"bad extra number", `{"n":-,"text":"x"}`, false},
	{"bad literal", `{"n":nul,"text":"x"}`, false},
	{"deep", `{"n":` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `,"text":"x"}`, false},
	{"not object", `["text"]`, false},
}

// TestDecodeFields checks the one-pass decoder against encoding/json on
// hand-made objects, and that it takes the cases it should.
func TestDecodeFields(t *testing.T) {
	for _, tc := range fieldCases {
		t.Run(tc.name, func(t *testing.T) {
			var f fields
			ok := decodeFields([]byte(tc.raw), &f)
			if ok != tc.fast {
				t.Fatalf("decodeFields ok = %v, want %v", ok, tc.fast)
			}
			checkFields(t, []byte(tc.raw))
		})
	}
}

// TestDecodeFieldsAllocs: the short members of an article without
// escapes share one allocation, and its text, which has escapes, one of
// its own.
func TestDecodeFieldsAllocs(t *testing.T) {
	raw := []byte(`{"id":"a1","title":"Talks resume","text":"Body\nof the article.","url":"https://x.example/a",` +
		`"source":"X","lang":"en","date":"2021-12-17","quotes":[{"text":"q"}]}`)
	var f fields
	allocs := testing.AllocsPerRun(100, func() {
		f = fields{}
		if !decodeFields(raw, &f) {
			t.Fatal("decodeFields refused a plain article")
		}
	})
	if allocs != 2 {
		t.Errorf("decodeFields made %v allocations, want 2 (the short members, the text)", allocs)
	}
	want := fields{id: "a1", title: "Talks resume", text: "Body\nof the article.", url: "https://x.example/a",
		source: "X", lang: "en", date: "2021-12-17"}
	if f != want {
		t.Errorf("decodeFields = %+v, want %+v", f, want)
	}
	checkFields(t, raw)
}

// checkFields fails when decodeFields decodes raw but encoding/json
// decodes it differently or not at all, or when decodeFields accepts what
// is not valid JSON.
func checkFields(t testing.TB, raw []byte) {
	t.Helper()
	var f fields
	if !decodeFields(raw, &f) {
		return
	}
	if !json.Valid(raw) {
		t.Fatalf("decodeFields accepts invalid JSON %q", raw)
	}
	want, why := decodeRecord(raw)
	if why != "" {
		t.Fatalf("decodeFields accepts %q, encoding/json says %s", raw, why)
	}
	// decodeRecord gives the date it chose; resolve the fast fields alike.
	if f.date == "" {
		f.date = f.published
	}
	f.published = ""
	if f != want {
		t.Fatalf("decodeFields(%q)\n got %+v\nwant %+v", raw, f, want)
	}
}

// FuzzDecodeFields checks the one-pass decoder against encoding/json on
// mutated objects.
func FuzzDecodeFields(f *testing.F) {
	for _, tc := range fieldCases {
		f.Add([]byte(tc.raw))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkFields(t, raw)
	})
}

// edgeLines returns JSON article lines covering what readers meet: every
// field-case object, escapes, HTML in text, missing fields, dates in
// several forms, numbers as ids, extras, and random mixes of them.
func edgeLines() []string {
	lines := make([]string, 0, 400)
	for _, tc := range fieldCases {
		lines = append(lines, tc.raw)
	}
	dates := []any{"2021-12-17", "2021-12-17T10:30:00Z", "2021-12-17T10:30:00+03:00", "Fri, 17 Dec 2021 10:30:00 GMT",
		"Dec 17 2021", "17 декабря 2021", "2021-12-17 10:30:00", "2021/12/17", 1639735200, 1639735200000, "yesterday", "", nil}
	titles := []any{"Harbour plan approved", "  Spaced   title  ", "", nil, "«Кремль» ответил", 42}
	texts := []string{
		"Harbour plan approved\n\nDec 14 2021\n\nPORT ELLIS, December 14 (Courier) - The harbour authority approved a plan.\n\nWork begins in spring.",
		"MOSCOW, December 17. /TASS/. Kremlin spokesman Dmitry Peskov said on Friday that talks would go on.",
		"date 2021-12-17 Council meets\nThe council met on Friday to discuss the budget. It agreed.",
		"No title here, just a sentence that runs on. And then another one follows it.\r\nWith CRLF line ends.\r\n\r\n\r\nAnd blank runs.   \n",
		"<p>Markup in <b>plain</b> text &amp; entities &lt;kept&gt;.</p>\n<p>Second paragraph.</p>",
		"\ufeffByte order mark first.\n\nThen text.",
		"Quotes “curly” and ‘single’ — dashes – and \u00a0non-breaking\u00a0spaces\u2028line separator. In 2019 and 2020, and 1999.",
		"КИЕВ, 3 декабря — РИА Новости. Президент заявил, что переговоры продолжатся в 2022 году.",
		"   ",
		"",
	}
	r := rand.New(rand.NewPCG(7, 11))
	pick := func(xs []any) any { return xs[r.IntN(len(xs))] }
	for i := range 300 {
		m := map[string]any{}
		if r.IntN(5) > 0 {
			m["id"] = fmt.Sprintf("e%03d", i)
		} else if r.IntN(2) == 0 {
			m["id"] = i
		}
		if v := pick(titles); v != nil || r.IntN(2) == 0 {
			m["title"] = v
		}
		text := texts[r.IntN(len(texts))]
		if r.IntN(3) == 0 {
			text += "\n\n" + texts[r.IntN(len(texts))]
		}
		switch r.IntN(8) {
		case 0:
			m["html"] = "<html><body><article><h1>Page</h1><p>" + text + "</p></article></body></html>"
		case 1:
		default:
			m["text"] = text
		}
		key := "date"
		if r.IntN(3) == 0 {
			key = "published"
		}
		if v := pick(dates); v != nil || r.IntN(2) == 0 {
			m[key] = v
		}
		if r.IntN(2) == 0 {
			m["url"] = "https://www.News.example/2021/12/17/a" + fmt.Sprint(i)
		}
		if r.IntN(2) == 0 {
			m["source"] = "The Courier"
		}
		if r.IntN(2) == 0 {
			m["lang"] = []string{"en", " ru ", "", "de"}[r.IntN(4)]
		}
		if r.IntN(3) == 0 {
			m["quotes"] = []map[string]string{{"text": "we will", "speaker": "A \"B\" C"}}
			m["tags"] = []any{1, 2.5, true, nil, "x"}
		}
		b, err := json.Marshal(m)
		if err != nil {
			panic(err)
		}
		line := string(b)
		if r.IntN(4) == 0 {
			// encoding/json escapes <, > and &; readers also meet them raw.
			line = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(line)
		}
		if r.IntN(5) == 0 {
			// Escaped non-ASCII, as Python's json.dumps writes.
			var e strings.Builder
			for _, c := range line {
				switch {
				case c > 0xffff:
					c -= 0x10000
					fmt.Fprintf(&e, `\u%04x\u%04x`, 0xd800+(c>>10), 0xdc00+(c&0x3ff))
				case c > 0x7f:
					fmt.Fprintf(&e, `\u%04x`, c)
				default:
					e.WriteRune(c)
				}
			}
			line = e.String()
		}
		lines = append(lines, line)
	}
	return lines
}

// corpusLines returns up to max lines of a JSON Lines file (gzipped when
// its name ends in .gz) under ../../shared/data, or skips the test.
func corpusLines(t *testing.T, name string, max int) [][]byte {
	t.Helper()
	fh, err := os.Open("../../shared/data/" + name)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	br := bufio.NewReaderSize(r, 1<<20)
	var lines [][]byte
	for len(lines) < max {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			lines = append(lines, line)
		}
		if err != nil {
			break
		}
	}
	return lines
}

// sameItem fails when the new and the former JSON article reading differ
// on raw.
func sameItem(t *testing.T, raw []byte, origin string) {
	t.Helper()
	got := jsonArticle(bytes.Clone(raw), origin, true)
	want := refJSONArticle(bytes.Clone(raw), origin)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("line %s: %.200q\n got %+v %v\nwant %+v %v", origin, raw, got.Article, got.Skip, want.Article, want.Skip)
	}
}

// TestJSONArticleMatchesReference reads hand-made and generated lines,
// and real corpora, with the new and the former JSON article reading and
// requires the same items: ids, titles, text, dates, outlet, URL,
// language, hash, raw bytes, and skip reasons word for word.
func TestJSONArticleMatchesReference(t *testing.T) {
	t.Run("edge", func(t *testing.T) {
		fast := 0
		for i, line := range edgeLines() {
			sameItem(t, []byte(line), fmt.Sprintf("edge:%d", i+1))
			checkFields(t, []byte(line))
			var f fields
			if decodeFields([]byte(line), &f) {
				fast++
			}
		}
		if fast < 250 {
			t.Errorf("only %d edge lines took the one-pass decoder", fast)
		}
	})
	t.Run("generated", func(t *testing.T) {
		for i, line := range bytes.SplitAfter(genLines(t, 300), []byte("\n")) {
			if len(line) > 0 {
				sameItem(t, line, fmt.Sprintf("gen:%d", i+1))
			}
		}
	})
	for _, name := range []string{"giveme5w1h_news_cluster/data.jsonl", "ecbplus/data.jsonl.gz", "polnear/data.jsonl"} {
		t.Run(name, func(t *testing.T) {
			for i, line := range corpusLines(t, name, 600) {
				sameItem(t, line, fmt.Sprintf("%s:%d", name, i+1))
			}
		})
	}
	t.Run("html pages decode", func(t *testing.T) {
		// Extraction of pages is unchanged; check only the decoding.
		for _, line := range corpusLines(t, "article_extraction_benchmark/data.jsonl.gz", 200) {
			var f fields
			if !decodeFields(bytes.TrimSpace(line), &f) {
				t.Fatalf("page line left to encoding/json: %.100s", line)
			}
			checkFields(t, bytes.TrimSpace(line))
		}
	})
}

// TestHasWrapperKey checks the wrapper test against the regular expression
// it replaces.
func TestHasWrapperKey(t *testing.T) {
	heads := []string{
		`{"articles":[{"text":"x"}]}`, `{"status":"ok", "items" :` + "\n\t[ ]}", `{"data": {"x":1}}`, `{"data"`, `{"data":`,
		`{"docs":[`, `{"documents"  :  [`, `{"xdata":[`, `{"data" x:[`, `{"posts"` + "\f:\r[", `"entries":[`, `{"results":"["}`,
		`{"text":"see \"articles\": [1,2]"}`, `{"text":"x","articles":[]}`, `{"Articles":[]}`, `""""data":[`, `{"data":` + "\v[",
	}
	for _, line := range edgeLines() {
		heads = append(heads, line)
	}
	for _, h := range heads {
		if got, want := hasWrapperKey([]byte(h)), refWrapperRE.MatchString(h); got != want {
			t.Errorf("hasWrapperKey(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestSpecial8 checks the word-at-a-time test, and the first byte its
// mask marks, against a byte loop: every byte value in every position,
// and random words.
func TestSpecial8(t *testing.T) {
	want := func(b []byte) bool {
		for _, c := range b {
			if c == '"' || c == '\\' || c < 0x20 {
				return true
			}
		}
		return false
	}
	first := func(b []byte) int {
		for i, c := range b {
			if isSpecial(c) {
				return i
			}
		}
		return 8
	}
	check := func(b []byte) {
		w := binary.LittleEndian.Uint64(b)
		if got := special8(w); got != want(b) {
			t.Fatalf("special8(%q) = %v, want %v", b, got, !got)
		}
		if got := bits.TrailingZeros64(specialMask(w)) / 8; got != first(b) {
			t.Fatalf("specialMask(%q) marks byte %d first, want %d", b, got, first(b))
		}
	}
	for _, fill := range []byte{'a', 0xff, 0x80, 0x20, 0x21, '"' + 1, '\\' - 1} {
		for p := range 8 {
			for v := range 256 {
				b := bytes.Repeat([]byte{fill}, 8)
				b[p] = byte(v)
				check(b)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 8)
	for range 200000 {
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b[i] = byte(0x20 + r.IntN(0x60)) // mostly printable ASCII
			}
		}
		check(b)
	}
}

// TestStrMixedText: strings of multi-byte text, invalid bytes, cut
// sequences and escapes in every order decode as encoding/json decodes
// them.
func TestStrMixedText(t *testing.T) {
	pieces := []string{"ж", "Москва", "a", "long ASCII run of words", "é", "—", "😀", "\xff", "\xd0", "\xe2\x80", "\xed\xa0\x80",
		`\n`, `\"`, `\\`, `\u0416`, `\ud83d\ude00`, `\ud83d`, "\x7f"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		b.WriteString(`{"title":"t","text":"`)
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString(`"}`)
		raw := []byte(b.String())
		var f fields
		if !decodeFields(raw, &f) {
			t.Fatalf("decodeFields refuses %q", raw)
		}
		checkFields(t, raw)
	}
}
