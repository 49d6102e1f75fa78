package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// writeFiles writes name → content into dir, creating folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gz(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// readAll expands paths and reads every input.
func readAll(t *testing.T, paths []string, opts Options) ([]Item, []Skip) {
	t.Helper()
	ctx := context.Background()
	ins, skips := Expand(ctx, paths)
	var items []Item
	for _, in := range ins {
		for it := range Read(ctx, in, opts) {
			items = append(items, it)
		}
	}
	return items, skips
}

const goodText = "Harbour plan approved\n\nDec 14 2021\n\nPORT ELLIS, December 14 (Courier) - The harbour authority approved a plan to deepen the channel.\n\nWork begins in spring.\n"

// TestReadMixedFolder reads a folder mixing good files with every kind of
// bad input and checks each yields what it should, the bad never stopping
// the good.
func TestReadMixedFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/000_good.txt":   goodText,
		"a/page.html":      pageHTML("Port Ellis approves dredging plan", "2021-12-14T08:00:00Z", harbourParas...),
		"b/lines.jsonl":    `{"id":"j1","title":"First","text":"One two three four five.","date":"2021-12-01","source":"Courier"}` + "\n" + `{"id":"j2", "text": ` + "\n" + `{"id":7,"text":"Seven eight nine ten.","published":"Tue, 07 Dec 2021 09:30:00 GMT","url":"https://www.example.org/x"}` + "\n" + `{"id":"j4","title":"No body"}` + "\n\n",
		"b/more.ndjson.gz": gz(t, `{"text":"A compressed line of text here."}`+"\n"),
		"c/feed.rss":       rssFeed,
		"c/crawl.warc.gz":  string(testWARC(t)),
		"d/binary.txt":     "abc\x00\x01\x02def",
		"d/image.png":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"d/latin1.txt":     "Caf\xe9 au lait\n\nUne phrase.",
		"d/empty.txt":      "  \n\n ",
		"d/token-only.txt": "date 2021-12-17\n",
		"d/big.txt":        strings.Repeat("Long text goes on. ", 400),
		"d/.hidden.txt":    "Hidden file is not read.",
	})
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "d", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	items, expandSkips := readAll(t, []string{dir}, Options{MaxSize: 4096})

	type want struct {
		origin string // suffix of the origin, relative to dir
		id     string // article id; empty for a skip
		reason string // substring of the skip reason
	}
	wants := []want{
		{origin: "a/000_good.txt", id: "000_good"},
		{origin: "a/page.html", id: "page"},
		{origin: "b/lines.jsonl:1", id: "j1"},
		{origin: "b/lines.jsonl:2", reason: "malformed JSON"},
		{origin: "b/lines.jsonl:3", id: "7"},
		{origin: "b/lines.jsonl:4", reason: "empty article"},
		{origin: "b/more.ndjson.gz:1", id: "?"},
		{origin: "c/crawl.warc.gz:#2", id: "?"},
		{origin: "c/crawl.warc.gz:#4", id: "?"},
		{origin: "c/feed.rss:#1", id: "valley-101"},
		{origin: "c/feed.rss:#2", id: "?"},
		{origin: "c/feed.rss:#3", reason: "empty article"},
		{origin: "d/big.txt", reason: "size limit"},
		{origin: "d/binary.txt", reason: "binary"},
		{origin: "d/empty.txt", reason: "empty"},
		{origin: "d/image.png", reason: "binary"},
		{origin: "d/latin1.txt", reason: "invalid UTF-8"},
		{origin: "d/token-only.txt", reason: "empty article"},
	}
	if len(items) != len(wants) {
		for _, it := range items {
			if it.Skip != nil {
				t.Logf("%s", it.Skip)
			} else {
				t.Logf("article %s %s", it.Article.Origin, it.Article.ID)
			}
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		wantOrigin := filepath.Join(dir, w.origin)
		if w.reason != "" {
			if it.Skip == nil || it.Skip.Origin != wantOrigin || !strings.Contains(it.Skip.Reason, w.reason) {
				t.Errorf("item %d: got %+v %v, want skip %s (%s)", i, it.Skip, it.Article.ID, wantOrigin, w.reason)
			} else if s := it.Skip.String(); !strings.Contains(s, wantOrigin) || strings.Contains(s, "\n") {
				t.Errorf("skip line %q should name %s on one line", s, wantOrigin)
			}
			continue
		}
		a := it.Article
		if it.Skip != nil || a.Origin != wantOrigin {
			t.Errorf("item %d: got skip %v origin %q, want article from %s", i, it.Skip, a.Origin, wantOrigin)
			continue
		}
		if w.id == "?" {
			if len(a.ID) != 16 {
				t.Errorf("%s: id %q, want a 16-digit content hash", w.origin, a.ID)
			}
		} else if a.ID != w.id {
			t.Errorf("%s: id %q, want %q", w.origin, a.ID, w.id)
		}
		if a.Text == "" || a.Title == "" || len(a.Raw) == 0 || a.Hash == "" || a.Format == "" {
			t.Errorf("%s: incomplete article %+v", w.origin, a)
		}
	}
	if len(expandSkips) != 1 || !strings.HasSuffix(expandSkips[0].Origin, "broken.txt") {
		t.Errorf("expand skips = %v, want the broken link", expandSkips)
	}

	byOrigin := map[string]Item{}
	for _, it := range items {
		if it.Skip == nil {
			byOrigin[strings.TrimPrefix(it.Article.Origin, dir+"/")] = it
		}
	}
	// Field checks on a few articles.
	if a := byOrigin["a/000_good.txt"].Article; a.Title != "Harbour plan approved" || a.Published.String() != "2021-12-14" || a.Format != "text" || string(a.Raw) != goodText {
		t.Errorf("text article: %q %q %q", a.Title, a.Published, a.Format)
	}
	if a := byOrigin["b/lines.jsonl:1"].Article; a.Title != "First" || a.Source != "Courier" || a.Published.String() != "2021-12-01" || a.Format != "json" || !strings.HasPrefix(string(a.Raw), `{"id":"j1"`) {
		t.Errorf("json article 1: %+v", a)
	}
	if a := byOrigin["b/lines.jsonl:3"].Article; a.Source != "example.org" || a.Published.String() != "2021-12-07T09:30:00Z" {
		t.Errorf("json article 3: source %q published %q", a.Source, a.Published)
	}
	if a := byOrigin["c/feed.rss:#1"].Article; a.Title != "Bridge reopens after repairs" || a.URL != "https://valley.example/bridge" ||
		a.Source != "valley.example" || a.Lang != "en" || !strings.Contains(a.Text, "six months of repairs.\n\nTraffic") || a.Format != "feed" {
		t.Errorf("feed item 1: %+v", a)
	}
	w := byOrigin["c/crawl.warc.gz:#2"].Article
	if w.URL == "" || w.Source != "news.example.com" || w.Format != "warc" || !strings.Contains(w.Text, "Tomas Berg") || strings.Contains(w.Text, "All rights reserved") {
		t.Errorf("warc record: url %q source %q text %q", w.URL, w.Source, w.Text)
	}
	if w.Title != "Port Ellis approves dredging plan" || w.Published.String() == "" {
		t.Errorf("warc record: title %q published %q", w.Title, w.Published)
	}
	if h := byOrigin["a/page.html"].Article; h.Source != "Harbour Gazette" || h.Format != "html" || !strings.Contains(h.Text, "Miriam Olsen") || strings.Contains(h.Text, "Other story one") {
		t.Errorf("html page: source %q text %q", h.Source, h.Text)
	}
}

// TestPaths checks that Paths yields expansion skips, then each input.
func TestPaths(t *testing.T) {
	dir := t.TempDir()
	var warc bytes.Buffer
	warc.Write(warcMember(t, "response", "https://news.example.com/logo.png", httpResponse("image/png", "\x89PNG\r\n\x1a\n\x00\x00")))
	warc.Write(testWARC(t))
	writeFiles(t, dir, map[string]string{"a.txt": goodText, "b.warc": string(warc.Bytes())})
	var got []string
	for it := range Paths(context.Background(), []string{filepath.Join(dir, "missing"), dir}, Options{}) {
		if it.Skip != nil {
			got = append(got, "skip "+filepath.Base(it.Skip.Origin))
		} else {
			got = append(got, it.Article.Format+" "+filepath.Base(it.Article.Origin))
		}
	}
	want := []string{"skip missing", "text a.txt", "warc b.warc:#3", "warc b.warc:#5"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestReadDeterministic checks that two runs give the same ids and hashes.
func TestReadDeterministic(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"f.rss": rssFeed, "w.warc.gz": string(testWARC(t)), "t.txt": goodText})
	ids := func() []string {
		items, _ := readAll(t, []string{dir}, Options{})
		var out []string
		for _, it := range items {
			out = append(out, it.Article.ID+" "+it.Article.Hash)
		}
		return out
	}
	if a, b := ids(), ids(); !slices.Equal(a, b) {
		t.Errorf("runs differ:\n%v\n%v", a, b)
	}
}

// TestExpand checks folders, globs, stdin and missing paths.
func TestExpand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"z.txt": "z", "sub/b.txt": "b", "sub/a.html": "a", "x.jsonl": "{}", ".git/c.txt": "c"})
	tests := []struct {
		name  string
		paths []string
		want  []string
		skips int
	}{
		{"folder", []string{dir}, []string{"sub/a.html", "sub/b.txt", "x.jsonl", "z.txt"}, 0},
		{"glob", []string{filepath.Join(dir, "*.txt"), filepath.Join(dir, "sub", "*")}, []string{"z.txt", "sub/a.html", "sub/b.txt"}, 0},
		{"stdin and missing", []string{"-", filepath.Join(dir, "nope.txt"), filepath.Join(dir, "*.none")}, []string{"-"}, 2},
		{"duplicates once", []string{filepath.Join(dir, "z.txt"), dir}, []string{"z.txt", "sub/a.html", "sub/b.txt", "x.jsonl"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ins, skips := Expand(context.Background(), tc.paths)
			var got []string
			for _, in := range ins {
				got = append(got, strings.TrimPrefix(in.Path, dir+"/"))
				if in.Path != "-" && in.Size <= 0 {
					t.Errorf("%s: size %d", in.Path, in.Size)
				}
			}
			if !slices.Equal(got, tc.want) || len(skips) != tc.skips {
				t.Errorf("got %v skips %v, want %v and %d skips", got, skips, tc.want, tc.skips)
			}
		})
	}
}

// TestReadStdin reads "-" from Options.Stdin, sniffing the format.
func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, in, format string
		n                int
	}{
		{"text", goodText, "text", 1},
		{"jsonl", `{"id":"a","text":"Alpha beta gamma."}` + "\n" + `{"id":"b","text":"Delta epsilon."}`, "json", 2},
		{"html", pageHTML("A title here", "2021-12-01", harbourParas...), "html", 1},
		{"feed", rssFeed, "feed", 2},
		{"warc gzip body", string(warcPlain("response", "https://news.example.com/g", gzipResponse(t,
			pageHTML("Port Ellis approves dredging plan", "2021-12-14", harbourParas...)))), "warc", 1},
		{"plain warc", string(warcPlain("response", "https://news.example.com/p",
			httpResponse("text/html", pageHTML("Port Ellis approves dredging plan", "2021-12-14", harbourParas...)))), "warc", 1},
		{"atom", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lake News</title>
<entry><title>Ice festival opens</title><id>tag:lake.example,2022:1</id><link href="https://lake.example/ice"/><updated>2022-01-15T10:00:00Z</updated>
<content type="html">&lt;p&gt;The ice festival opened on Saturday with sculptures along the shore.&lt;/p&gt;</content></entry></feed>`, "feed", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []string
			for it := range Read(context.Background(), Input{Path: "-", Size: -1}, Options{Stdin: strings.NewReader(tc.in)}) {
				if it.Skip != nil {
					continue
				}
				if it.Article.Format != tc.format || it.Article.ID == "" {
					t.Errorf("format %q id %q, want %q", it.Article.Format, it.Article.ID, tc.format)
				}
				arts = append(arts, it.Article.ID)
			}
			if len(arts) != tc.n {
				t.Errorf("got %d articles, want %d", len(arts), tc.n)
			}
		})
	}
}

// TestReadStream covers the HTTP body shapes.
func TestReadStream(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		ids     []string
		skipped []string // origins of skips
	}{
		{"object", `{"id":"o1","text":"Just one article."}`, []string{"o1"}, nil},
		{"pretty object", "{\n  \"id\": \"o2\",\n  \"text\": \"Pretty printed.\"\n}\n", []string{"o2"}, nil},
		{"array", `[{"id":"a1","text":"First."}, {"id":"a2","text":""}, {"id":"a3","html":"<p>Third article in the array.</p>"}]`, []string{"a1", "a3"}, []string{"req:#2"}},
		{"json lines", "{\"id\":\"l1\",\"text\":\"One.\"}\n{bad\n{\"id\":\"l3\",\"text\":\"Three.\"}\n", []string{"l1", "l3"}, []string{"req:2"}},
		{"bad first line", "{\"id\":\n{\"id\":\"l2\",\"text\":\"Two.\"}\n", []string{"l2"}, []string{"req:1"}},
		{"broken array", `[{"id":"b1","text":"Fine."}, {"id": }]`, []string{"b1"}, []string{"req:#2"}},
		{"not objects", "[1, \"x\"]", nil, []string{"req:#1", "req:#2"}},
		{"wrapper object", `{"status":"ok","totalResults":2,"articles":[{"id":"w1","text":"First."},{"id":"w2","content":"none"}]}`, []string{"w1"}, []string{"req:1#2"}},
		{"pretty wrapper", "{\n \"items\": [\n {\"id\": \"p1\", \"text\": \"One.\"},\n {\"id\": \"p2\", \"text\": \"Two.\"}]\n}", []string{"p1", "p2"}, nil},
		{"article mentioning items", `{"id":"m1","text":"He listed \"items\": [a, b]."}`, []string{"m1"}, nil},
		{"empty body", "  ", nil, []string{"req"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids, skipped []string
			for it := range ReadStream(context.Background(), strings.NewReader(tc.body), "req", Options{}) {
				if it.Skip != nil {
					skipped = append(skipped, it.Skip.Origin)
					continue
				}
				ids = append(ids, it.Article.ID)
			}
			if !slices.Equal(ids, tc.ids) || !slices.Equal(skipped, tc.skipped) {
				t.Errorf("ids %v skips %v, want %v and %v", ids, skipped, tc.ids, tc.skipped)
			}
		})
	}
}

// TestReadCancelled checks that a cancelled context stops reading.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var lines strings.Builder
	for range 100 {
		lines.WriteString(`{"text":"Some text here."}` + "\n")
	}
	n := 0
	for it := range ReadStream(ctx, strings.NewReader(lines.String()), "req", Options{}) {
		if it.Skip == nil {
			n++
		}
	}
	if n != 0 {
		t.Errorf("read %d articles after cancel", n)
	}
}

// slowReader yields one line per Read after a pause.
type slowReader struct {
	line  string
	pause time.Duration
}

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(s.pause)
	return copy(p, s.line), nil
}

// TestReadTimeout checks that a stalled stream ends with a skip once the
// read time limit passes, keeping what was read before. The limit is
// fifty pauses long: at twelve, a machine busy enough to hold the test
// up for the whole limit failed it now and then with no line read.
func TestReadTimeout(t *testing.T) {
	r := slowReader{line: `{"text":"A line of text."}` + "\n", pause: 5 * time.Millisecond}
	var n int
	var last *Skip
	for it := range ReadStream(context.Background(), r, "slow", Options{ReadTimeout: 250 * time.Millisecond}) {
		if it.Skip != nil {
			last = it.Skip
			continue
		}
		n++
	}
	if n == 0 || last == nil || !strings.Contains(last.Reason, "time limit") {
		t.Errorf("read %d articles, last skip %v; want some articles then a time-limit skip", n, last)
	}
}

// TestReadUnreadable checks files that vanish or cannot be opened.
func TestReadUnreadable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, reason string
		setup        func() string
	}{
		{"vanished", "no such file", func() string { return filepath.Join(dir, "gone.txt") }},
		{"folder", "folder", func() string { return dir }},
		{"no permission", "permission denied", func() string {
			if os.Geteuid() == 0 {
				return ""
			}
			p := filepath.Join(dir, "locked.txt")
			writeFiles(t, dir, map[string]string{"locked.txt": goodText})
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.setup()
			if p == "" {
				t.Skip("running as root: permissions are not enforced")
			}
			var items []Item
			for it := range Read(context.Background(), Input{Path: p}, Options{}) {
				items = append(items, it)
			}
			if len(items) != 1 || items[0].Skip == nil || !strings.Contains(items[0].Skip.Reason, tc.reason) {
				t.Errorf("got %+v, want one skip with %q", items, tc.reason)
			}
		})
	}
}

// gzipResponse is an HTTP response with a gzip-encoded HTML body.
func gzipResponse(t *testing.T, body string) string {
	z := gz(t, body)
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s", len(z), z)
}

// TestReadExamples ingests the shared example folder: five text articles
// named by id.
func TestReadExamples(t *testing.T) {
	dir := "../../shared/examples/articles"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared examples not available: %v", err)
	}
	var ids []string
	for it := range Paths(context.Background(), []string{dir}, Options{}) {
		if it.Skip != nil {
			t.Errorf("skipped: %s", it.Skip)
			continue
		}
		a := it.Article
		if a.Format != "text" || a.Hash == "" || len(a.Raw) == 0 || a.Origin == "" {
			t.Errorf("%s: incomplete article", a.ID)
		}
		ids = append(ids, a.ID)
	}
	want := []string{"000_7cbe878a3a053c16", "001_2fcba2174eb3bf7e", "002_3f0c0d7fff4160eb", "003_65c7aa3975f581c0", "004_36c248dcc6a592ee"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
}

// TestWorkersKeepOrder checks that parallel extraction yields the same
// items in the same order as sequential reading, across inputs, and that
// breaking out early leaves no goroutine behind.
func TestWorkersKeepOrder(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 40 {
		fmt.Fprintf(&lines, `{"id":"l%d","text":"Line %d says something."}`+"\n", i, i)
		if i == 17 {
			lines.WriteString("{broken\n")
		}
	}
	files := map[string]string{"a.jsonl": lines.String(), "b.rss": rssFeed, "c.warc.gz": string(testWARC(t)), "e.txt": "\x00"}
	for i := range 12 {
		files[fmt.Sprintf("d%02d.html", i)] = pageHTML(fmt.Sprintf("Page %d about the harbour", i), "2021-12-14", harbourParas[i%4], harbourParas[(i+1)%4], harbourParas[(i+2)%4])
	}
	writeFiles(t, dir, files)
	ins, _ := Expand(context.Background(), []string{dir})
	list := func(workers int) []string {
		var out []string
		last := -1
		for i, it := range ReadInputs(context.Background(), ins, Options{Workers: workers}) {
			if i < last {
				t.Errorf("input index went back from %d to %d", last, i)
			}
			last = i
			if it.Skip != nil {
				out = append(out, it.Skip.String())
			} else {
				out = append(out, it.Article.Origin+" "+it.Article.ID+" "+it.Article.Hash)
			}
		}
		return out
	}
	seq := list(1)
	if len(seq) != 41+3+2+12+1 {
		t.Fatalf("got %d items, want 59", len(seq))
	}
	for _, w := range []int{2, 4} {
		if par := list(w); !slices.Equal(seq, par) {
			t.Errorf("workers %d: items differ from sequential reading", w)
		}
	}
	before := runtime.NumGoroutine()
	n := 0
	for range ReadInputs(context.Background(), ins, Options{Workers: 4}) {
		if n++; n == 3 {
			break
		}
	}
	time.Sleep(20 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("goroutines: %d before, %d after an early break", before, after)
	}
}

// TestDropRaw: with DropRaw the items are those read without it, in the
// same order, but for the articles' Raw, which is nil; JSON Lines then
// go through blocks used again, on one worker or several.
func TestDropRaw(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"generated stream", string(genLines(t, 300))},
		{"lines, a wrapper and a bad one", "{\"id\":\"l1\",\"text\":\"One.\"}\n{bad\n" +
			`{"status":"ok","articles":[{"id":"w1","text":"First."},{"id":"w2","text":"Second."}]}` + "\n{\"id\":\"l3\",\"html\":\"<p>Three and more words.</p>\"}\n"},
		{"pretty object", "{\n  \"id\": \"o2\",\n  \"text\": \"Pretty printed.\"\n}\n"},
		{"array", `[{"id":"a1","text":"First."}, {"id":"a3","html":"<p>Third article in the array.</p>"}]`},
	}
	read := func(body string, opts Options) []Item {
		var out []Item
		for it := range ReadStream(context.Background(), strings.NewReader(body), "req", opts) {
			out = append(out, it)
		}
		return out
	}
	for _, tc := range tests {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/%d workers", tc.name, workers), func(t *testing.T) {
				want := read(tc.body, Options{Workers: workers})
				got := read(tc.body, Options{Workers: workers, DropRaw: true})
				if len(got) != len(want) {
					t.Fatalf("%d items, want %d", len(got), len(want))
				}
				raws := 0
				for i := range want {
					if got[i].Article.Raw != nil {
						t.Errorf("item %d keeps %d bytes of Raw", i, len(got[i].Article.Raw))
					}
					if want[i].Article.Raw != nil {
						raws++
					}
					want[i].Article.Raw = nil
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("item %d = %+v, want %+v", i, got[i], want[i])
					}
				}
				if raws == 0 {
					t.Errorf("no article read without DropRaw has Raw: nothing to drop")
				}
			})
		}
	}
}
