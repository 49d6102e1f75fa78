package copies

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

// memSource is an in-memory ArticleSource.
type memSource map[string]storyline.Article

func (m memSource) Article(_ context.Context, id string) (storyline.Article, error) {
	a, ok := m[id]
	if !ok {
		return a, fmt.Errorf("article %s: %w", id, storyline.ErrNotFound)
	}
	return a, nil
}

type memState map[string][]byte

func (m memState) State(_ context.Context, stage, key string) ([]byte, error) {
	v, ok := m[stage+"/"+key]
	if !ok {
		return nil, storyline.ErrNotFound
	}
	return v, nil
}

func (m memState) ScanState(_ context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		keys := make([]string, 0, len(m))
		for k := range m {
			if strings.HasPrefix(k, stage+"/"+prefix) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys) // key order, as a store returns it
		for _, k := range keys {
			if !yield(strings.TrimPrefix(k, stage+"/"), m[k]) {
				return
			}
		}
	}
}

var wire = []string{
	"The central bank raised its key interest rate by half a percentage point on Thursday, the third increase this year, citing persistent inflation in services and housing.",
	"Governor Anna Berg told reporters that the board had considered a larger step but judged that the economy was already slowing, with retail sales down for two months in a row.",
	"Markets had expected the move, and the currency barely changed after the announcement, while government bond yields fell slightly across all maturities.",
}

func day(s string) storyline.Published {
	t, _ := time.Parse(time.DateOnly, s)
	return storyline.Day(t)
}

func TestFinderKindsAndDirection(t *testing.T) {
	ctx := context.Background()
	src := memSource{}
	f := New(src, Options{CacheSize: 2})
	orig := storyline.Article{ID: "a1", Published: day("2024-03-01"), Text: strings.Join(wire, "\n\n")}
	dup := storyline.Article{ID: "a2", Published: day("2024-03-02"), Text: strings.ToUpper(orig.Text[:1]) + orig.Text[1:] + "  "}
	near := storyline.Article{ID: "a3", Published: day("2024-03-03"), Text: strings.Replace(orig.Text, "Thursday", "Thursday morning", 1)}
	partial := storyline.Article{ID: "a0", Published: day("2024-03-04"), Text: "Opposition leaders in parliament demanded an inquiry into the pension fund on Monday, saying its managers had hidden losses for years.\n\n" +
		wire[1] + "\n\nThe inquiry vote is expected next week after a long debate in committee about its terms and its budget."}
	other := storyline.Article{ID: "a9", Text: "A storm closed the mountain pass for two days and stranded hundreds of lorries near the border crossing, police said."}
	var all []storyline.Copy
	for _, a := range []storyline.Article{orig, dup, near, other, partial} {
		src[a.ID] = a
		cs, err := f.AddArticle(ctx, &a)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cs...)
	}
	got := map[string]storyline.Copy{}
	for _, c := range all {
		if c.A >= c.B {
			t.Errorf("pair not ordered: %s %s", c.A, c.B)
		}
		got[c.A+"-"+c.B] = c
	}
	want := map[string]struct {
		kind storyline.CopyKind
		dir  storyline.Direction
	}{
		"a1-a2": {storyline.Duplicate, storyline.AToB},
		"a1-a3": {storyline.NearDuplicate, storyline.AToB},
		"a2-a3": {storyline.NearDuplicate, storyline.AToB},
		"a0-a1": {storyline.Partial, storyline.BToA},
		"a0-a2": {storyline.Partial, storyline.BToA},
		"a0-a3": {storyline.Partial, storyline.BToA},
	}
	if len(got) != len(want) {
		t.Errorf("got pairs %v, want %v", keys(got), want)
	}
	for k, w := range want {
		c, ok := got[k]
		if !ok {
			t.Errorf("missing pair %s", k)
			continue
		}
		if c.Kind != w.kind || c.Direction != w.dir {
			t.Errorf("%s: %s %s, want %s %s", k, c.Kind, c.Direction, w.kind, w.dir)
		}
	}
	p := got["a0-a1"]
	if len(p.Passages) != 1 || !strings.HasPrefix(p.Passages[0].Text, "Governor Anna Berg") {
		t.Fatalf("partial passages %+v", p.Passages)
	}
	if p.BShare > 0.5 || p.AShare < 0.3 {
		t.Errorf("shares a=%.2f b=%.2f", p.AShare, p.BShare)
	}

	// a new process restores the index from the state and still finds
	// the pair, reading the candidate from the source
	st := memState{}
	for k, v := range f.Pending() {
		st["copies/"+k] = v
	}
	if len(f.Pending()) != 0 {
		t.Fatal("Pending not reset")
	}
	g := New(src, Options{})
	if err := g.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if s := g.Stats(); s.Articles != 5 {
		t.Fatalf("loaded %d articles", s.Articles)
	}
	late := storyline.Article{ID: "b1", Text: "In other news: " + wire[0] + " " + wire[2]}
	cs, err := g.AddArticle(ctx, &late)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 3 {
		t.Fatalf("after Load: %d pairs: %+v", len(cs), cs)
	}
	for _, c := range cs {
		if c.Direction != storyline.UnknownDirection {
			t.Errorf("%s-%s: direction %s with unknown date", c.A, c.B, c.Direction)
		}
	}
}

func TestSharedQuoteAloneIsNoPair(t *testing.T) {
	quote := "“We will not accept any agreement that leaves our farmers worse off than they were before the crisis began,” the minister said."
	a := storyline.Article{ID: "q1", Text: "The farm minister spoke in Brussels on Monday after a long meeting with the commission.\n\n" + quote + "\n\nTalks resume in May."}
	b := storyline.Article{ID: "q2", Text: "Protesters blocked roads with tractors across the north of the country for a third day.\n\n" + quote + "\n\nPolice made no arrests."}
	f := New(nil, Options{})
	for _, x := range []storyline.Article{a, b} {
		cs, err := f.AddArticle(context.Background(), &x)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 0 {
			t.Fatalf("shared quote made a pair: %+v", cs)
		}
	}
}

func TestOriginal(t *testing.T) {
	info := map[string]ArticleInfo{
		"copy": {Published: day("2024-01-02"), Source: "news.example", Cited: []storyline.Citation{{Source: "TASS", Text: "/TASS/"}}},
		"wire": {Published: day("2024-01-02"), Source: "tass.com"},
		"late": {Published: day("2024-01-05"), Source: "late.example"},
		"x":    {Source: "x.example"},
		"y":    {Source: "y.example"},
	}
	pairs := []storyline.Copy{
		{A: "copy", B: "wire", AShare: 0.5, BShare: 1, Direction: storyline.UnknownDirection},
		{A: "copy", B: "late", AShare: 0.5, BShare: 0.5, Direction: storyline.AToB},
		{A: "x", B: "y", AShare: 0.3, BShare: 0.3, Direction: storyline.UnknownDirection},
	}
	tests := []struct {
		id, want, conf string
	}{
		{"copy", "wire", "high"},
		{"late", "copy", "medium"},
		{"x", "", "unknown"},
	}
	for _, tc := range tests {
		o := Original(tc.id, pairs, info)
		if o.Article != tc.want || o.Confidence != tc.conf {
			t.Errorf("Original(%s) = %+v, want %s %s", tc.id, o, tc.want, tc.conf)
		}
		if o.Confidence != "unknown" && len(o.Evidence) == 0 {
			t.Errorf("Original(%s): no evidence", tc.id)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestPrepared checks that preparing articles apart, concurrently and out
// of order, and adding them in order finds what AddArticle finds, and that
// an article changed since it was prepared is prepared again.
func TestPrepared(t *testing.T) {
	ctx := context.Background()
	var arts []storyline.Article
	for i := range 30 {
		text := filler(i) + strings.Join(wire[i%3:], " ") + " " + filler(100+i)
		if i%5 == 4 {
			text = arts[len(arts)-1].Text // an exact duplicate
		}
		arts = append(arts, storyline.Article{ID: fmt.Sprintf("p%02d", i), Text: text, Published: day("2025-03-01")})
	}
	want := New(nil, Options{})
	var wantPairs [][]storyline.Copy
	for i := range arts {
		cs, err := want.AddArticle(ctx, &arts[i])
		if err != nil {
			t.Fatal(err)
		}
		wantPairs = append(wantPairs, cs)
	}
	f := New(nil, Options{})
	prep := make([]*Prepared, len(arts))
	var wg sync.WaitGroup
	for i := len(arts) - 1; i >= 0; i-- {
		wg.Go(func() { prep[i] = f.Prepare(&arts[i]) })
	}
	wg.Wait()
	// the last article changes after it is prepared
	changed := arts[len(arts)-1]
	changed.Text = filler(999) + " " + wire[0]
	for i := range arts {
		a := arts[i]
		if i == len(arts)-1 {
			a = changed
		}
		got, err := f.AddPrepared(ctx, &a, prep[i])
		if err != nil {
			t.Fatal(err)
		}
		if i == len(arts)-1 {
			ref := New(nil, Options{})
			for k := range arts[:i] {
				if _, err := ref.AddArticle(ctx, &arts[k]); err != nil {
					t.Fatal(err)
				}
			}
			wantChanged, err := ref.AddArticle(ctx, &a)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || !reflect.DeepEqual(got, wantChanged) {
				t.Errorf("changed article: AddPrepared found %+v, want %+v", got, wantChanged)
			}
			continue
		}
		if !reflect.DeepEqual(got, wantPairs[i]) {
			t.Errorf("article %s: AddPrepared found %+v, AddArticle %+v", a.ID, got, wantPairs[i])
		}
	}
}

// textSource is a memSource that also reads texts alone, counting the
// reads of each kind.
type textSource struct {
	memSource
	articles, texts int
	mu              sync.Mutex
}

func (s *textSource) Article(ctx context.Context, id string) (storyline.Article, error) {
	s.mu.Lock()
	s.articles++
	s.mu.Unlock()
	return s.memSource.Article(ctx, id)
}

func (s *textSource) ArticleText(ctx context.Context, id string) (string, storyline.Published, error) {
	s.mu.Lock()
	s.texts++
	s.mu.Unlock()
	a, err := s.memSource.Article(ctx, id)
	return a.Text, a.Published, err
}

// TestTextSource checks that a source able to read texts alone is read
// that way, for the same pairs as reading whole articles, and that an
// article it no longer has is skipped, as with Article.
func TestTextSource(t *testing.T) {
	ctx := context.Background()
	plain, lean := memSource{}, &textSource{memSource: memSource{}}
	var arts []storyline.Article
	for i := range 30 {
		text := filler(i) + strings.Join(wire[i%3:], " ") + " " + filler(100+i)
		a := storyline.Article{ID: fmt.Sprintf("t%02d", i), Text: text, Published: storyline.Instant(time.Date(2025, 3, 1, i, 0, 0, 0, time.UTC))}
		plain[a.ID], lean.memSource[a.ID] = a, a
		arts = append(arts, a)
	}
	delete(lean.memSource, "t00")
	delete(plain, "t00")
	run := func(src ArticleSource) ([]storyline.Copy, int64) {
		f := New(src, Options{CacheSize: 3, CacheBytes: 1, MaxCandidates: 64})
		var all []storyline.Copy
		for i := range arts {
			cs, err := f.AddArticle(ctx, &arts[i])
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, cs...)
		}
		return all, f.Stats().Fetched
	}
	want, fetchedPlain := run(plain)
	got, fetched := run(lean)
	if fetched == 0 || fetched != fetchedPlain {
		t.Fatalf("fetched %d candidates (%d reading whole articles), want the same, more than none", fetched, fetchedPlain)
	}
	if lean.articles != 0 || lean.texts == 0 {
		t.Errorf("read %d whole articles and %d texts, want texts only", lean.articles, lean.texts)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reading texts alone found %d pairs, whole articles %d, or they differ", len(got), len(want))
	}
	if len(want) == 0 {
		t.Error("no pairs: nothing compared")
	}
}

// TestFetchedCacheSecondChance checks the read-back cache's eviction: in
// read order, but an entry asked for again is spared once.
func TestFetchedCacheSecondChance(t *testing.T) {
	mk := func(id string) *entry {
		e, _, _ := newEntry(storyline.Article{ID: id, Text: filler(len(id))}, nil)
		return e
	}
	a, b, c, d, e := mk("a"), mk("b"), mk("c"), mk("d"), mk("e")
	cache := newFetchedCache(a.size() + b.size() + c.size())
	for _, x := range []*entry{a, b, c} {
		cache.put(x)
	}
	if cache.get("a") != a {
		t.Fatal("a is not cached")
	}
	cache.put(d) // b goes: a was asked for again
	if cache.get("b") != nil || cache.get("a") != a || cache.get("c") != c || cache.get("d") != d {
		t.Fatalf("after d: cached %v, want a, c and d", cached(cache))
	}
	// a, c and d were all asked for again: each is spared once, in the
	// order c, d, a (a was spared before), and the new e goes after
	// them, so c goes
	cache.put(e)
	if got := cached(cache); !slices.Equal(got, []string{"a", "d", "e"}) {
		t.Fatalf("after e: cached %v, want a, d and e", got)
	}
	// none was asked for since: the oldest goes
	cache.put(mk("f"))
	if got := cached(cache); !slices.Equal(got, []string{"a", "e", "f"}) {
		t.Fatalf("after f: cached %v, want a, e and f", got)
	}
	cache.forget("e")
	if cache.len() != 2 || cache.get("e") != nil {
		t.Fatalf("after forgetting e: cached %v", cached(cache))
	}
}

func cached(c *fetchedCache) []string {
	var ids []string
	for id := range c.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// TestLoadSplitFeedSamePairs feeds a stream to one Finder, and in two
// processes to another (the second restored by Load from the state of the
// first): the pairs are the same. An article restored from its sketch
// has no short words in the passage index: they must read as unknown,
// not as empty, or every partial copy of it is screened out before it is
// read back.
func TestLoadSplitFeedSamePairs(t *testing.T) {
	ctx := context.Background()
	src := memSource{}
	feed := []storyline.Article{
		{ID: "s1", Published: day("2024-03-01"), Text: "Opposition leaders in parliament demanded an inquiry into the pension fund on Monday, saying its managers had hidden losses for years.\n\n" +
			wire[1] + "\n\nThe inquiry vote is expected next week after a long debate in committee about its terms and its budget."},
		{ID: "s2", Published: day("2024-03-02"), Text: "A storm closed the mountain pass for two days and stranded hundreds of lorries near the border crossing, police said."},
		{ID: "s3", Published: day("2024-03-03"), Text: "Farmers drove their tractors into the capital on Tuesday to protest against the new rules on fertiliser and water use.\n\n" +
			wire[1] + "\n\nThe protest ended peacefully in the evening, and the farmers' union said it would meet the minister in April."},
	}
	for _, a := range feed {
		src[a.ID] = a
	}
	pairs := func(f *Finder, arts []storyline.Article) []string {
		var out []string
		for _, a := range arts {
			cs, err := f.AddArticle(ctx, &a)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				out = append(out, fmt.Sprintf("%s-%s %s %.3f", c.A, c.B, c.Kind, c.Similarity))
			}
		}
		return out
	}
	whole := pairs(New(src, Options{}), feed)
	if len(whole) != 1 {
		t.Fatalf("whole feed: pairs %v, want s1-s3", whole)
	}
	for cut := 1; cut < len(feed); cut++ {
		first := New(src, Options{})
		split := pairs(first, feed[:cut])
		st := memState{}
		for k, v := range first.Pending() {
			st["copies/"+k] = v
		}
		second := New(src, Options{})
		if err := second.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		split = append(split, pairs(second, feed[cut:])...)
		if !slices.Equal(split, whole) {
			t.Errorf("cut after %d: pairs %v, want %v", cut, split, whole)
		}
	}
}
