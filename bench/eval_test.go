package bench

import (
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestMatchQuotes(t *testing.T) {
	gold := []truthQuote{
		{Text: "We will reopen the bridge by Friday", Speaker: "Anna Petrova"},
		{Text: "Nobody was hurt in the fire", Speaker: "Ivan Sokolov", Kind: "indirect"},
		{Text: "Цены вырастут ещё раз", Speaker: "Олег Ёлкин"},
	}
	tests := []struct {
		name           string
		pred           []storyline.Quote
		matched, right int
	}{
		{"none", nil, 0, 0},
		{"exact, right speakers", []storyline.Quote{
			{Text: "We will reopen the bridge by Friday", Speaker: "Anna Petrova"},
			{Text: "Nobody was hurt in the fire", Speaker: "Sokolov"},
		}, 2, 2},
		{"part of a quote, wrong speaker", []storyline.Quote{{Text: "we will reopen the bridge", Speaker: "Ivan Sokolov"}}, 1, 0},
		{"too little shared", []storyline.Quote{{Text: "the bridge", Speaker: "Anna Petrova"}}, 0, 0},
		{"one prediction matches once", []storyline.Quote{{Text: "Nobody was hurt in the fire", Speaker: "Ivan Sokolov"}}, 1, 1},
		{"ё folded", []storyline.Quote{{Text: "цены вырастут еще раз", Speaker: "Олег Елкин"}}, 1, 1},
	}
	for _, tc := range tests {
		m, r := matchQuotes(gold, tc.pred, nil)
		if m != tc.matched || r != tc.right {
			t.Errorf("%s: matched %d right %d, want %d %d", tc.name, m, r, tc.matched, tc.right)
		}
	}
	// recall by kind: the one indirect quote is found, one of two direct
	byKind := map[string]*KindRecall{"direct": {}, "indirect": {}}
	matchQuotes(gold, []storyline.Quote{{Text: "Nobody was hurt in the fire"}, {Text: "цены вырастут еще раз"}}, byKind)
	if d, in := *byKind["direct"], *byKind["indirect"]; d.Gold != 2 || d.Matched != 1 || in.Gold != 1 || in.Matched != 1 {
		t.Errorf("by kind: direct %+v, indirect %+v", d, in)
	}
}

func TestGoldPairs(t *testing.T) {
	tr := newTruth(1)
	for _, line := range []string{
		`{"id":"c1","cluster":"e1","story":"s1","copy_of":"o","copy_kind":"duplicate"}`, // arrives before its original
		`{"id":"o","cluster":"e1","story":"s1"}`,
		`{"id":"c2","cluster":"e1","story":"s1","copy_of":"o","copy_kind":"duplicate"}`,
		`{"id":"c3","cluster":"e1","story":"s1","copy_of":"o","copy_kind":"partial"}`,
		`{"id":"x","cluster":"e2","story":"s1"}`,
		`not json`,
	} {
		tr.add([]byte(line))
	}
	if tr.skipped != 1 || len(tr.ids) != 5 {
		t.Fatalf("skipped %d, ids %v", tr.skipped, tr.ids)
	}
	groups, copyOf := tr.copyGroups()
	str := func(ps []kindPair) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.A+"-"+p.B+":"+p.Kind)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		id   string
		want []string
	}{
		{"o", []string{"c1-o:duplicate", "c2-o:duplicate", "c3-o:partial"}},
		{"c1", []string{"c1-c2:duplicate", "c1-o:duplicate"}},
		{"c3", []string{"c3-o:partial"}},
		{"x", nil},
	}
	for _, tc := range tests {
		got := str(tr.goldPairs(tr.index[tc.id], groups, copyOf))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.id, got, tc.want)
		}
	}
	unjudged := []struct {
		a, b string
		want bool
	}{
		{"c1", "c3", true},  // a partial copy and another copy of its original
		{"c1", "c2", false}, // two duplicates: judged, a true pair
		{"o", "c3", false},  // a copy and its original
		{"c3", "x", false},  // unrelated
	}
	for _, u := range unjudged {
		if got := tr.unjudged(u.a, u.b, copyOf); got != u.want {
			t.Errorf("unjudged(%s, %s) = %v, want %v", u.a, u.b, got, u.want)
		}
	}
}

func TestTapSplitsLines(t *testing.T) {
	tr := newTruth(1)
	var out []byte
	w := &tap{t: tr, w: writerFunc(func(b []byte) (int, error) { out = append(out, b...); return len(b), nil })}
	in := `{"id":"a","cluster":"e1","story":"s1"}` + "\n" + `{"id":"b","clus` + "ter\":\"e2\",\"story\":\"s1\"}"
	for _, part := range []string{in[:10], in[10:50], in[50:]} {
		if _, err := w.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	w.flush()
	if string(out) != in {
		t.Errorf("passed on %q, want %q", out, in)
	}
	if len(tr.ids) != 2 || tr.event[0] == tr.event[1] || tr.story[0] != tr.story[1] {
		t.Errorf("ids %v events %v stories %v", tr.ids, tr.event, tr.story)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// TestQuoteSpill: the true quotes of sampled articles are kept out of the
// heap and read back as given, the last line of an id winning; articles
// off the sample keep none.
func TestQuoteSpill(t *testing.T) {
	tr := newTruth(2)
	for _, line := range []string{
		`{"id":"a","cluster":"e1","quotes":[{"text":"We will rebuild the bridge.","speaker":"Mayor Lind","kind":"direct"}]}`,
		`{"id":"b","cluster":"e1","quotes":[{"text":"Off the sample.","speaker":"X"}]}`,
		`{"id":"c","cluster":"e2","quotes":[{"text":"First version.","speaker":"Y"}]}`,
		`{"id":"d","cluster":"e2"}`,
		`{"id":"c","cluster":"e2","quotes":[{"text":"Second version.","speaker":"Z","kind":"indirect"}]}`,
		`{"id":"e","cluster":"e3","quotes":"not a list"}`,
	} {
		tr.add([]byte(line))
	}
	want := map[string][]truthQuote{
		"a": {{Text: "We will rebuild the bridge.", Speaker: "Mayor Lind", Kind: "direct"}},
		"b": nil,
		"c": {{Text: "Second version.", Speaker: "Z", Kind: "indirect"}},
		"d": nil,
		"e": nil,
	}
	for id, w := range want {
		got, err := tr.quotes.get(tr.index[id])
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s: quotes %+v, want %+v", id, got, w)
		}
	}
	name := tr.quotes.f.Name()
	if err := tr.quotes.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spill file %s left behind: %v", name, err)
	}
}
