package gen

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

func generate(t *testing.T, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	st, err := WriteJSONL(context.Background(), &b, opts)
	if err != nil {
		t.Fatalf("WriteJSONL: %v", err)
	}
	if st.Articles != opts.Articles {
		t.Fatalf("wrote %d articles, want %d", st.Articles, opts.Articles)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		a, b Options
		same bool
	}{
		{"same seed", Options{Articles: 3000, Seed: 7}, Options{Articles: 3000, Seed: 7}, true},
		{"other seed", Options{Articles: 3000, Seed: 7}, Options{Articles: 3000, Seed: 8}, false},
		{"other start", Options{Articles: 500, Seed: 7}, Options{Articles: 500, Seed: 7, Start: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := generate(t, tt.a), generate(t, tt.b)
			if bytes.Equal(a, b) != tt.same {
				t.Errorf("equal = %v, want %v", !tt.same, tt.same)
			}
		})
	}
}

func TestPrefixStable(t *testing.T) {
	// Reading the first k articles of a stream gives the same articles
	// whether or not the rest is read.
	g1, g2 := New(Options{Articles: 2000, Seed: 3}), New(Options{Articles: 2000, Seed: 3})
	var all []Article
	for a := range g1.All() {
		all = append(all, a)
	}
	for i := 0; i < 500; i++ {
		b, _ := g2.Next()
		if all[i].ID != b.ID || all[i].Text != b.Text {
			t.Fatalf("article %d differs", i)
		}
	}
	if len(all) != 2000 {
		t.Errorf("All yielded %d articles", len(all))
	}
}

// load decodes a generated stream, checking each line.
func load(t *testing.T, data []byte) []Article {
	t.Helper()
	var out []Article
	for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		if !utf8.Valid(line) {
			t.Fatalf("line %d: invalid UTF-8", i)
		}
		var a Article
		if err := json.Unmarshal(line, &a); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if a.ID == "" || a.Title == "" || a.Text == "" || a.Source == "" || a.URL == "" || a.Cluster == "" || a.Story == "" {
			t.Fatalf("line %d: missing field: %.300s", i, line)
		}
		p, err := storyline.ParsePublished(a.Date)
		if err != nil || !p.HasTime {
			t.Fatalf("line %d: date %q: %v", i, a.Date, err)
		}
		a.Published = p.Time
		out = append(out, a)
	}
	return out
}

func TestDistributions(t *testing.T) {
	const n = 20000
	arts := load(t, generate(t, Options{Articles: n, Seed: 42}))
	if len(arts) != n {
		t.Fatalf("%d articles", len(arts))
	}
	ids := map[string]bool{}
	events := map[string]int{}
	storyEvents := map[string]map[string]bool{}
	var ru, copies, late int
	var sizes []int
	kinds := map[storyline.CopyKind]int{}
	var first, last, maxSeen time.Time
	for _, a := range arts {
		if ids[a.ID] {
			t.Fatalf("id %s repeated", a.ID)
		}
		ids[a.ID] = true
		events[a.Cluster]++
		if storyEvents[a.Story] == nil {
			storyEvents[a.Story] = map[string]bool{}
		}
		storyEvents[a.Story][a.Cluster] = true
		if a.Lang == "ru" {
			ru++
		}
		if a.CopyOf != "" {
			copies++
			kinds[a.CopyKind]++
		}
		sizes = append(sizes, len(a.Text))
		if first.IsZero() || a.Published.Before(first) {
			first = a.Published
		}
		if a.Published.After(last) {
			last = a.Published
		}
		if maxSeen.Sub(a.Published) > 24*time.Hour {
			late++
		}
		if a.Published.After(maxSeen) {
			maxSeen = a.Published
		}
	}
	singles, biggest := 0, 0
	for _, c := range events {
		if c == 1 {
			singles++
		}
		biggest = max(biggest, c)
	}
	multiEventStories := 0
	for _, es := range storyEvents {
		if len(es) > 1 {
			multiEventStories++
		}
	}
	sort.Ints(sizes)
	share := func(x int) float64 { return float64(x) / float64(n) }
	checks := []struct {
		name     string
		got      float64
		min, max float64
	}{
		{"russian share", share(ru), 0.10, 0.20},
		{"copy share", share(copies), 0.08, 0.30},
		{"singleton events / events", float64(singles) / float64(len(events)), 0.45, 0.85},
		{"largest event", float64(biggest), 40, 3000},
		{"stories with several events", float64(multiEventStories), 100, math.Inf(1)},
		{"late arrivals (>1 day behind)", share(late), 0.02, 0.15},
		{"span in days", last.Sub(first).Hours() / 24, 120, 260},
		{"text p5 bytes", float64(sizes[n/20]), 800, 2000},
		{"text median bytes", float64(sizes[n/2]), 1500, 4500},
		{"text max bytes", float64(sizes[n-1]), 5000, 8500},
	}
	for _, c := range checks {
		t.Logf("%s: %.3f", c.name, c.got)
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s = %.3f, want %.3f..%.3f", c.name, c.got, c.min, c.max)
		}
	}
	for _, k := range []storyline.CopyKind{storyline.Duplicate, storyline.NearDuplicate, storyline.Partial} {
		if kinds[k] < copies/10 {
			t.Errorf("%d copies of kind %s among %d", kinds[k], k, copies)
		}
	}
	// Publication times are bursty: some hours carry far more than the mean.
	perHour := map[int64]int{}
	for _, a := range arts {
		perHour[a.Published.Unix()/3600]++
	}
	busiest := 0
	for _, c := range perHour {
		busiest = max(busiest, c)
	}
	mean := float64(n) / (last.Sub(first).Hours() + 1)
	t.Logf("busiest hour %d articles, mean %.1f", busiest, mean)
	if float64(busiest) < 8*mean {
		t.Errorf("busiest hour has %d articles, mean %.1f: not bursty", busiest, mean)
	}
}

// body returns the reporting paragraphs of a.
func body(a Article) []string {
	boiler := map[string]bool{}
	for _, b := range a.Boilerplate {
		boiler[b] = true
	}
	var out []string
	for _, p := range strings.Split(a.Text, "\n\n") {
		if !boiler[p] {
			out = append(out, p)
		}
	}
	return out
}

func sharedParas(a, b []string, minWords int) int {
	in := map[string]bool{}
	for _, p := range b {
		in[p] = true
	}
	n := 0
	for _, p := range a {
		if in[p] && len(strings.Fields(p)) >= minWords {
			n++
		}
	}
	return n
}

func TestGroundTruth(t *testing.T) {
	arts := load(t, generate(t, Options{Articles: 8000, Seed: 11}))
	byID := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	seenCopies := 0
	for _, a := range arts {
		for _, q := range a.Quotes {
			if !strings.Contains(a.Text, q.Text) || q.Speaker == "" {
				t.Errorf("%s: quote %q (speaker %q) not in text", a.ID, q.Text, q.Speaker)
			}
		}
		for _, b := range a.Boilerplate {
			if !strings.Contains(a.Text, b) {
				t.Errorf("%s: boilerplate %q not in text", a.ID, b)
			}
		}
		if a.CopyOf == "" {
			continue
		}
		o, ok := byID[a.CopyOf]
		if !ok {
			t.Errorf("%s copies unknown %s", a.ID, a.CopyOf)
			continue
		}
		seenCopies++
		if o.CopyOf != "" {
			t.Errorf("%s copies %s, itself a copy", a.ID, o.ID)
		}
		if o.Cluster != a.Cluster || o.Lang != a.Lang {
			t.Errorf("%s copies %s of another event or language", a.ID, o.ID)
		}
		if a.Published.Before(o.Published) {
			t.Errorf("%s published %s before its original %s (%s)", a.ID, a.Date, o.ID, o.Date)
		}
		ob, cb := body(o), body(a)
		n := sharedParas(ob, cb, 0)
		switch a.CopyKind {
		case storyline.Duplicate:
			if strings.Join(ob, "\n\n") != strings.Join(cb, "\n\n") {
				t.Errorf("duplicate %s of %s: bodies differ", a.ID, o.ID)
			}
		case storyline.NearDuplicate:
			if strings.Join(ob, "\n\n") == strings.Join(cb, "\n\n") || n*2 < len(ob) {
				t.Errorf("near-duplicate %s of %s shares %d of %d paragraphs", a.ID, o.ID, n, len(ob))
			}
		case storyline.Partial:
			if own := len(cb) - sharedParas(cb, ob, 0); n < 1 || own < 2 {
				t.Errorf("partial copy %s of %s shares %d of %d paragraphs (copy has %d)", a.ID, o.ID, n, len(ob), len(cb))
			}
		default:
			t.Errorf("%s: copy kind %q", a.ID, a.CopyKind)
		}
	}
	if seenCopies < 500 {
		t.Errorf("only %d copies", seenCopies)
	}
	// The answer is true: articles of one event that are not copies rarely
	// share long paragraphs.
	byEvent := map[string][]Article{}
	for _, a := range arts {
		if a.CopyOf == "" {
			byEvent[a.Cluster] = append(byEvent[a.Cluster], a)
		}
	}
	pairs, sharing := 0, 0
	for _, as := range byEvent {
		for i := 0; i < len(as) && i < 30; i++ {
			for j := i + 1; j < len(as) && j < 30; j++ {
				pairs++
				if sharedParas(body(as[i]), body(as[j]), 20) >= 2 {
					sharing++
				}
			}
		}
	}
	t.Logf("%d of %d non-copy pairs in one event share 2+ long paragraphs", sharing, pairs)
	if pairs == 0 || float64(sharing) > 0.05*float64(pairs) {
		t.Errorf("%d of %d non-copy pairs share 2+ long paragraphs", sharing, pairs)
	}
}

func TestWriteFileGzip(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Articles: 300, Seed: 5}
	plain := generate(t, opts)
	path := filepath.Join(dir, "g.jsonl.gz")
	var calls []int
	opts.Progress = func(n int) { calls = append(calls, n) }
	opts.ProgressEvery = 100
	if _, err := WriteFile(context.Background(), path, opts); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain) {
		t.Errorf("gzip file content differs from the plain stream")
	}
	if len(calls) != 4 || calls[len(calls)-1] != 300 {
		t.Errorf("progress calls %v", calls)
	}
}

func TestWriteJSONLCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := WriteJSONL(ctx, io.Discard, Options{Articles: 1000, Seed: 1}); err == nil {
		t.Error("no error after cancel")
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n++; f.n > 3 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

func TestWriteJSONLWriteError(t *testing.T) {
	// A failing writer ends the run with its error, without leaving the
	// workers blocked.
	_, err := WriteJSONL(context.Background(), &failWriter{}, Options{Articles: 20000, Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "short write") {
		t.Errorf("err = %v", err)
	}
}

func TestWritePairs(t *testing.T) {
	opts := Options{Articles: 3000, Seed: 9}
	arts := load(t, generate(t, opts))
	origOf := map[string]string{}
	for _, a := range arts {
		if a.CopyOf != "" {
			origOf[a.ID] = a.CopyOf
		}
	}
	var b bytes.Buffer
	if err := WritePairs(context.Background(), &b, opts); err != nil {
		t.Fatal(err)
	}
	direct := 0
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		var p struct{ A, B, Kind string }
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		switch {
		case origOf[p.B] == p.A:
			direct++
		case origOf[p.A] != "" && origOf[p.A] == origOf[p.B]:
			if p.Kind == "partial" {
				t.Errorf("pair %s %s of two copies with a partial one is written", p.A, p.B)
			}
		default:
			t.Errorf("pair %s %s is not a copy pair", p.A, p.B)
		}
	}
	if direct != len(origOf) {
		t.Errorf("%d direct pairs, want %d", direct, len(origOf))
	}
}

func TestDocJSONMatchesArticle(t *testing.T) {
	// The fast encoder writes exactly what encoding an Article writes.
	g1, g2 := New(Options{Articles: 3000, Seed: 4}), New(Options{Articles: 3000, Seed: 4})
	var d, src doc
	for {
		it, ok := g1.nextItem()
		a, ok2 := g2.Next()
		if ok != ok2 {
			t.Fatal("streams differ in length")
		}
		if !ok {
			break
		}
		sp, copyOf := g1.renderDoc(&d, &src, it.ev, it.k)
		fast := g1.appendDocJSON(nil, &d, it.ev, sp, copyOf)
		slow := AppendJSON(nil, &a)
		if !bytes.Equal(fast, slow) {
			t.Fatalf("article %s:\nfast %.400s\nslow %.400s", a.ID, fast, slow)
		}
		var viaStd Article
		if err := json.Unmarshal(fast, &viaStd); err != nil || viaStd.Text != a.Text {
			t.Fatalf("article %s does not round-trip: %v", a.ID, err)
		}
	}
}

func TestAppendDocJSONAllocs(t *testing.T) {
	g := New(Options{Articles: 5000, Seed: 2})
	var d, src doc
	var items []item
	for it, ok := g.nextItem(); ok; it, ok = g.nextItem() {
		items = append(items, it)
	}
	buf := make([]byte, 0, 1<<20)
	i := 0
	allocs := testing.AllocsPerRun(2000, func() {
		it := items[i%len(items)]
		i++
		sp, copyOf := g.renderDoc(&d, &src, it.ev, it.k)
		buf = g.appendDocJSON(buf[:0], &d, it.ev, sp, copyOf)
	})
	t.Logf("%.1f allocations per article", allocs)
	if allocs > 8 {
		t.Errorf("%.1f allocations per article, want few", allocs)
	}
}

func TestAppendString(t *testing.T) {
	tests := []string{"plain", `q"uote\back`, "new\nline\ttab", "«ёлочки» — тире", "<a&b>", "\x01ctl", "bad\xffutf8", "sep\u2028x"}
	for _, s := range tests {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
		if got := appendString(nil, []byte(s)); !bytes.Equal(got, want) {
			t.Errorf("appendString([]byte %q) = %s, want %s", s, got, want)
		}
	}
}
