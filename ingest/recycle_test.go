package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// blockSpy is a reader that notes the block each read goes into, known
// by the address of its last byte: lineReader reads into the free end of
// its current block, so that a read into another block than the last
// one starts a block, and a block seen before is one used again.
type blockSpy struct {
	r      io.Reader
	last   *byte
	starts int
	seen   map[*byte]bool
}

func (s *blockSpy) Read(p []byte) (int, error) {
	if cap(p) > 0 {
		if end := &p[:cap(p)][cap(p)-1]; end != s.last {
			s.starts++
			s.last = end
			s.seen[end] = true
		}
	}
	return s.r.Read(p)
}

// recycleInput returns JSON Lines that take every path of reading a line
// (generated articles, escapes, numbers, a wrapper, malformed, blank and
// over-long lines, lines longer than half a block, which end up in
// blocks of other sizes) and end without a line end; max is the size
// limit the over-long lines pass.
func recycleInput(t *testing.T) (data []byte, max int64) {
	max = 200 << 10
	gen := bytes.SplitAfter(genLines(t, 400), []byte("\n"))
	var b bytes.Buffer
	for i, g := range gen {
		b.Write(g)
		switch i % 40 {
		case 3:
			fmt.Fprintf(&b, `{"id":"e%d","title":"Caf\u00e9 \"%d\"","text":"Escaped \u00e9 text\nof line %d.","url":" https://x.example/%d ","source":"S%d","date":"2024-01-02","lang":"en"}`+"\n", i, i, i, i, i)
		case 7:
			fmt.Fprintf(&b, `{"id":%d,"published":17040672%02d,"html":"<p>Number %d in html.</p>"}`+"\n", 90000+i, i%100, i)
		case 11:
			fmt.Fprintf(&b, `{"status":"ok","articles":[{"id":"w%d","text":"Wrapped %d."},{"id":"x%d","text":"Also %d."}]}`+"\n", i, i, i, i)
		case 13:
			fmt.Fprintf(&b, "{bad line %d\n   \n", i)
		case 17:
			fmt.Fprintf(&b, `{"id":"long%d","text":"%s"}`+"\n", i, strings.Repeat(fmt.Sprintf("Long line %d goes on. ", i), 7000+i))
		case 19:
			fmt.Fprintf(&b, `{"id":"over%d","text":"%s"}`+"\n", i, strings.Repeat("x", int(max)+i))
		}
	}
	b.WriteString(`{"id":"last","text":"The last line has no line end."}`)
	return b.Bytes(), max
}

// TestRecycledBlocksKeepNothing reads JSON Lines into blocks used again
// (DropRaw), holding every item it is given, and checks that none of
// them changes once the blocks its line was read into are read into
// again: each item, encoded when it came, is encoded the same at the end,
// and the items are those read without recycling. Under -race, a block
// written again while a worker still reads a line of it is a race.
func TestRecycledBlocksKeepNothing(t *testing.T) {
	data, max := recycleInput(t)
	read := func(dropRaw bool, workers, stopAt int) ([]Item, [][]byte, *blockSpy) {
		spy := &blockSpy{r: bytes.NewReader(data), seen: map[*byte]bool{}}
		var items []Item
		var snaps [][]byte
		runOrdered(context.Background(), workers, func(it Item) bool {
			if !dropRaw {
				it.Article.Raw = nil
			}
			snap, err := json.Marshal(struct {
				A storyline.Article
				R []byte
				S *Skip
			}{it.Article, it.Article.Raw, it.Skip})
			if err != nil {
				t.Fatal(err)
			}
			items, snaps = append(items, it), append(snaps, snap)
			return len(items) != stopAt
		}, func(ctx context.Context, emit func(Item) bool) {
			readJSONLines(ctx, spy, "in", max, true, dropRaw, emit)
		})
		return items, snaps, spy
	}
	want, _, _ := read(false, 1, -1)
	for _, tc := range []struct {
		name            string
		workers, stopAt int
	}{
		{"inline", 1, -1},
		{"three workers", 3, -1},
		{"three workers, stopped early", 3, len(want) * 2 / 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, snaps, spy := read(true, tc.workers, tc.stopAt)
			if spy.starts <= len(spy.seen) {
				t.Errorf("%d blocks started in %d distinct: none used again (lines never released?), nothing tested", spy.starts, len(spy.seen))
			}
			if tc.stopAt < 0 && len(got) != len(want) {
				t.Fatalf("%d items, want %d", len(got), len(want))
			}
			bad := 0
			for i, it := range got {
				if bad > 5 {
					t.Fatal("more items differ")
				}
				again, _ := json.Marshal(struct {
					A storyline.Article
					R []byte
					S *Skip
				}{it.Article, it.Article.Raw, it.Skip})
				if !bytes.Equal(again, snaps[i]) {
					t.Errorf("item %d changed after it was handed on:\n was %.200s\n now %.200s", i, snaps[i], again)
					bad++
				}
				if it.Article.Raw != nil && !strings.Contains(it.Article.Origin, "#") {
					t.Errorf("item %d (%s) keeps its line as Raw", i, it.Article.Origin)
					bad++
				}
				it.Article.Raw = nil // the elements of a wrapper keep their copy
				if !reflect.DeepEqual(it, want[i]) {
					t.Errorf("item %d (%s %v) differs from the item read without DropRaw (%s %v)",
						i, it.Article.Origin, it.Skip, want[i].Article.Origin, want[i].Skip)
					bad++
				}
			}
		})
	}
}
