package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func day(s string) storyline.Published {
	p, err := storyline.ParsePublished(s)
	if err != nil {
		panic(err)
	}
	return p
}

// fixture articles written for these tests: two reports of one port
// strike, a follow-up of it days later, and an unrelated football match.
var (
	strikeA = &storyline.Article{ID: "strike-a", Lang: "en", Published: day("2024-03-04"),
		Title: "Dock workers in Rotterdam walk out over automation plans",
		Text: "Thousands of dock workers in Rotterdam stopped work on Monday in protest against automation plans at the container terminals. " +
			"The FNV union said cranes stood still across the Maasvlakte terminals and that the strike would last 48 hours. " +
			"Terminal operators said ships were being diverted to Antwerp."}
	strikeB = &storyline.Article{ID: "strike-b", Lang: "en", Published: day("2024-03-04"),
		Title: "Rotterdam port strike halts container terminals",
		Text: "A 48-hour strike by dock workers halted the container terminals of Rotterdam on Monday. " +
			"The FNV union called the walkout over automation plans; cranes at the Maasvlakte stood still and several ships were diverted to Antwerp."}
	strikeC = &storyline.Article{ID: "strike-c", Lang: "en", Published: day("2024-03-12"),
		Title: "Rotterdam dock union and terminal operators agree automation deal",
		Text: "The FNV union and the Rotterdam container terminal operators reached a deal on automation, a week after a 48-hour strike by dock workers. " +
			"Under the agreement no dock workers will be laid off when cranes at the Maasvlakte terminals are automated."}
	football = &storyline.Article{ID: "football", Lang: "en", Published: day("2024-03-04"),
		Title: "Feyenoord beat Ajax 3-0 in the Klassieker",
		Text: "Feyenoord beat Ajax 3-0 in De Kuip on Sunday, with Santiago Gimenez scoring twice. " +
			"The win keeps Feyenoord second in the Eredivisie table behind PSV."}
)

func assign(t *testing.T, c *Clusterer, a *storyline.Article, copies ...storyline.Copy) (storyline.Assignment, []storyline.Merge) {
	t.Helper()
	as, ms, err := c.Assign(context.Background(), a, copies)
	if err != nil {
		t.Fatal(err)
	}
	return as, ms
}

func TestAssignEventsAndStories(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	if !a.Why.NewEvent || !a.Why.NewStory || a.Event != "e1" || a.Story != "s1" {
		t.Fatalf("first article: %+v %+v", a, a.Why)
	}
	b, _ := assign(t, c, strikeB)
	if b.Event != a.Event || b.Why.NewEvent {
		t.Fatalf("second report of the strike opened %s (why %+v)", b.Event, b.Why)
	}
	if b.Why.Similarity < DefaultOptions().EventThreshold || len(b.Why.Terms)+len(b.Why.Entities) == 0 {
		t.Fatalf("why is empty: %+v", b.Why)
	}
	f, _ := assign(t, c, football)
	if f.Event == a.Event || f.Story == a.Story {
		t.Fatalf("football joined the strike: %+v", f)
	}
	all := strings.Join(append(b.Why.Terms, b.Why.Entities...), " ")
	for _, want := range []string{"rotterdam", "fnv"} {
		if !strings.Contains(strings.ToLower(all), want) {
			t.Errorf("why %q lacks %q", all, want)
		}
	}
}

func TestCopyIsMustLink(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	assign(t, c, football)
	// a text that shares no words with the strike, but copies it
	odd := &storyline.Article{ID: "odd", Lang: "en", Title: "Ein Streik", Text: "Hafenarbeiter legten die Arbeit nieder. " +
		"Die Gewerkschaft erklärte, die Kräne an den Terminals stünden still und der Ausstand werde zwei Tage dauern. " +
		"Die Betreiber der Terminals teilten mit, mehrere Schiffe würden umgeleitet; Gespräche über die Pläne seien für die kommende Woche angesetzt."}
	cp := storyline.Copy{A: "odd", B: "strike-a", Kind: storyline.NearDuplicate, Similarity: 0.9}
	got, _ := assign(t, c, odd, cp)
	if got.Event != a.Event || !reflect.DeepEqual(got.Why.Copies, []string{"strike-a"}) {
		t.Fatalf("copy did not link: %+v %+v", got, got.Why)
	}
	// a shared quotation alone is not copying
	quote := storyline.Copy{A: "football", B: "quote", Kind: storyline.Partial, AShare: 0.3, BShare: 0.3,
		Passages: []storyline.Passage{{Quote: true}}}
	q := &storyline.Article{ID: "quote", Lang: "en", Title: "Ein Zitat", Text: "Hafenarbeiter sagten etwas."}
	if got, _ := assign(t, c, q, quote); got.Event == a.Event || len(got.Why.Copies) > 0 {
		t.Fatalf("a shared quote linked: %+v", got)
	}
}

func TestCopyBetweenEventsMerges(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	f, _ := assign(t, c, football)
	// a copy of both articles shows that their events are one
	both := &storyline.Article{ID: "both", Lang: "en", Title: "Weekend", Text: "Round-up of the weekend. " +
		"What happened while you were away, in brief: the stories our readers followed most, the pictures they shared, " +
		"and the letters they sent us about them, with the corrections we made along the way and a look at what comes next week."}
	got, ms := assign(t, c, both,
		storyline.Copy{A: "both", B: "strike-a", Kind: storyline.NearDuplicate, Similarity: 0.9},
		storyline.Copy{A: "both", B: "football", Kind: storyline.NearDuplicate, Similarity: 0.9})
	want := []storyline.Merge{
		{Level: "event", From: f.Event, Into: a.Event, After: "both"},
		{Level: "story", From: f.Story, Into: a.Story, After: "both"},
	}
	if !reflect.DeepEqual(ms, want) || got.Event != a.Event || got.Story != a.Story {
		t.Fatalf("merges %+v, assignment %+v", ms, got)
	}
	// the merged event's articles now resolve to the survivor
	again, _ := assign(t, c, football)
	if again.Event != a.Event {
		t.Fatalf("re-assigning a merged article gave %s", again.Event)
	}
}

// TestPartialCopyNeedsAgreement checks that passages an article shares
// with reports of unlike happenings (a round-up quoting a strike report
// and a match report) neither link it nor merge their events, while a
// report sharing passages and words with one event joins it.
func TestPartialCopyNeedsAgreement(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	f, _ := assign(t, c, football)
	roundup := &storyline.Article{ID: "roundup", Lang: "en", Title: "Weekend", Text: "Round-up."}
	got, ms := assign(t, c, roundup,
		storyline.Copy{A: "roundup", B: "strike-a", Kind: storyline.Partial, AShare: 0.5, BShare: 0.5},
		storyline.Copy{A: "roundup", B: "football", Kind: storyline.Partial, AShare: 0.5, BShare: 0.5})
	if len(ms) > 0 || got.Event == a.Event || got.Event == f.Event {
		t.Fatalf("unlike partial copies linked: merges %+v, assignment %+v", ms, got)
	}
	b, _ := assign(t, c, strikeB, storyline.Copy{A: "strike-b", B: "strike-a", Kind: storyline.Partial, AShare: 0.4, BShare: 0.3})
	if b.Event != a.Event || !reflect.DeepEqual(b.Why.Copies, []string{"strike-a"}) {
		t.Fatalf("agreeing partial copy did not link: %+v %+v", b, b.Why)
	}
}

func TestDatelessAndBackfill(t *testing.T) {
	c := New(Options{})
	a, _ := assign(t, c, strikeA)
	nodate := *strikeB
	nodate.ID, nodate.Published = "nodate", storyline.Published{}
	if got, _ := assign(t, c, &nodate); got.Event != a.Event {
		t.Fatalf("dateless report did not join: %+v", got)
	}
	// the same report published a year earlier is another happening
	// unless the text is overwhelming; it must at least not panic and
	// keep the first event's span
	old := *strikeB
	old.ID, old.Published = "old", day("2023-03-04")
	assign(t, c, &old)
	e := c.events[a.Event]
	if e.firstPub.String() > "2024-03-04" || e.first.IsZero() {
		t.Fatalf("span %v %v", e.firstPub, e.first)
	}
	if e.first.Year() == 1970 || e.first.Year() == 1 {
		t.Fatalf("dateless article moved the span to %v", e.first)
	}
}

func TestStableOrderIndependentIDs(t *testing.T) {
	run := func() []storyline.Assignment {
		c := New(Options{})
		var out []storyline.Assignment
		for _, a := range []*storyline.Article{strikeA, football, strikeB, strikeC} {
			as, _ := assign(t, c, a)
			as.Why = nil
			out = append(out, as)
		}
		return out
	}
	if a, b := run(), run(); !reflect.DeepEqual(a, b) {
		t.Fatalf("not deterministic:\n%v\n%v", a, b)
	}
}

// memState is a StateStore over a map, fed from Pending.
type memState map[string][]byte

func (m memState) State(_ context.Context, stage, key string) ([]byte, error) {
	v, ok := m[stage+"\x00"+key]
	if !ok {
		return nil, storyline.ErrNotFound
	}
	return v, nil
}

func (m memState) ScanState(_ context.Context, stage, prefix string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		var keys []string
		for k := range m {
			if strings.HasPrefix(k, stage+"\x00"+prefix) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !yield(strings.TrimPrefix(k, stage+"\x00"), m[k]) {
				return
			}
		}
	}
}

func (m memState) apply(stage string, p map[string][]byte) {
	for k, v := range p {
		if v == nil {
			delete(m, stage+"\x00"+k)
		} else {
			m[stage+"\x00"+k] = v
		}
	}
}

func TestStateRoundTrip(t *testing.T) {
	ctx := context.Background()
	first := []*storyline.Article{strikeA, football}
	rest := []*storyline.Article{strikeB, strikeC}

	one := New(Options{})
	var want []storyline.Assignment
	for _, a := range append(append([]*storyline.Article{}, first...), rest...) {
		as, _ := assign(t, one, a)
		want = append(want, as)
	}

	st := memState{}
	c := New(Options{})
	var got []storyline.Assignment
	for _, a := range first {
		as, _ := assign(t, c, a)
		got = append(got, as)
	}
	st.apply(c.Stage(), c.Pending())
	if len(c.Pending()) != 0 {
		t.Fatal("Pending did not forget")
	}
	d := New(Options{})
	if err := d.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	for _, a := range rest {
		as, _ := assign(t, d, a)
		got = append(got, as)
	}
	for i := range want {
		w, g := want[i], got[i]
		if w.Event != g.Event || w.Story != g.Story || w.Why.NewEvent != g.Why.NewEvent {
			t.Errorf("article %s: continuous run %s/%s, resumed %s/%s", w.Article, w.Event, w.Story, g.Event, g.Story)
		}
	}
	titles := d.Titles()
	if titles[got[2].Event] == "" {
		t.Errorf("no title for %s: %v", got[2].Event, titles)
	}
}

func TestEviction(t *testing.T) {
	c := New(Options{EventWindow: 24 * time.Hour, StoryWindow: 48 * time.Hour})
	a, _ := assign(t, c, strikeA)
	later := *football
	later.Published = day("2024-06-01")
	assign(t, c, &later)
	c.sweep()
	if _, ok := c.events[a.Event]; ok {
		t.Fatal("an event outside the window stayed active")
	}
	p := c.Pending()
	if v, ok := p[prefixEv+a.Event]; !ok || v != nil {
		t.Fatalf("evicted event not deleted from state: %v", ok)
	}
}

func TestDatelessUsesMentionedDates(t *testing.T) {
	c := New(Options{})
	assign(t, c, strikeA) // clock 2024-03-04
	a := &storyline.Article{ID: "m", Title: "x", Text: "y", Dates: []storyline.DateMention{
		{Date: "2019-05-01", Text: "May 1, 2019", Precision: storyline.PrecisionDay},
		{Date: "2019-06", Text: "June 2019", Precision: storyline.PrecisionMonth},
		{Date: "2019-05-20", Text: "on 20 May 2019", Precision: storyline.PrecisionDay},
		// the reader lends an undated article the stream's year: no evidence
		{Date: "2019-12-01", Text: "on December 1", Precision: storyline.PrecisionDay},
	}}
	if got := c.arrivalTime(a); !got.Equal(time.Date(2019, 5, 20, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("arrival %v, want the latest day mentioned", got)
	}
	if got := c.arrivalTime(&storyline.Article{ID: "n"}); !got.Equal(strikeA.Published.Time) {
		t.Fatalf("arrival %v, want the stream clock", got)
	}
}

func TestPrepareConcurrent(t *testing.T) {
	c := New(Options{})
	arts := []*storyline.Article{strikeA, strikeB, strikeC, football}
	want := make([]*Features, len(arts))
	for i, a := range arts {
		want[i] = c.Prepare(a)
	}
	done := make(chan bool)
	for w := range 4 {
		go func() {
			ok := true
			for i := range 50 {
				k := (i + w) % len(arts)
				ok = ok && reflect.DeepEqual(c.Prepare(arts[k]), want[k])
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Fatal("Prepare differs when run concurrently")
		}
	}
}

func TestEvictionWithoutDates(t *testing.T) {
	c := New(Options{EventIdle: 2, StoryIdle: 3})
	undated := func(a *storyline.Article, id string) *storyline.Article {
		x := *a
		x.ID, x.Published = id, storyline.Published{}
		return &x
	}
	first, _ := assign(t, c, undated(strikeA, "u1"))
	for _, id := range []string{"u2", "u3", "u4", "u5"} {
		assign(t, c, undated(football, id))
	}
	c.sweep()
	if _, ok := c.events[first.Event]; ok {
		t.Fatal("an idle event stayed active in a dateless stream")
	}
	if _, ok := c.stories[first.Story]; ok {
		t.Fatal("an idle story stayed active in a dateless stream")
	}
}

func TestNodeStateJSON(t *testing.T) {
	day := time.Date(2024, 3, 2, 10, 4, 5, 123, time.UTC)
	states := []nodeState{
		{ID: "e1", Seq: 1},
		{ID: "e7", Seq: 7, Story: "s3", Centroid: []byte{1, 2, 3, 250}, Size: 4, LastArr: 99,
			First: day, Last: day.Add(time.Hour), FirstPub: storyline.Instant(day), LastPub: storyline.Day(day),
			Articles: []string{"a", "b\"q\\", "ц\x01"}, Title: "Title “quoted” <b>&amp;\u2028\n\r\t\b\f\x1f\xff", TitleScore: 0.123456789,
			Names: map[string]float32{"zz": 1, "aa": 2.5}, Days: map[int32]float32{19800: 1, 3: 2, 100: 0.25},
			Persons: map[string]float32{"песков": 3}, Mains: map[string]float32{"x": 1},
			Leads: map[string]float32{"x": 1}, Subjects: map[string]float32{"x": 2, "y": 1},
			Weekdays: []float32{0, 1, 0, 0, 2, 0, 0}, Magnitudes: []int16{56, 61}, Ordinals: []string{"12 doctor", "85 academy"}, Keys: []byte{9, 8}, Scripts: []float32{2, 1},
			Weights: weightsF32, Norm2: 25000000.123456789, KeysNorm2: 1.5e-7},
		{ID: "e8", Seq: 8, Weights: weightsF32, Norm2: 0.731, KeysNorm2: 3e21},
		{ID: "s2", Seq: 2, Children: []string{"e1", "e2"}, Centroid: []byte{}},
	}
	for _, st := range states {
		want, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		got := appendNodeState(nil, &st)
		var a, b nodeState
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatalf("%s: %v in %s", st.ID, err, got)
		}
		if err := json.Unmarshal(want, &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: decodes to\n%+v\nwant\n%+v", st.ID, a, b)
		}
		if string(got) != string(want) {
			t.Errorf("%s: bytes differ:\n%s\n%s", st.ID, got, want)
		}
	}
}

func TestNoState(t *testing.T) {
	arts := []*storyline.Article{strikeA, football, strikeB, strikeC}
	with, without := New(Options{}), New(Options{NoState: true})
	for _, a := range arts {
		w, _ := assign(t, with, a)
		g, _ := assign(t, without, a)
		if w.Event != g.Event || w.Story != g.Story {
			t.Fatalf("%s: %s/%s with state, %s/%s without", a.ID, w.Event, w.Story, g.Event, g.Story)
		}
	}
	if len(with.Pending()) == 0 {
		t.Fatal("no state with state kept")
	}
	if p := without.Pending(); len(p) != 0 {
		t.Fatalf("Pending with NoState: %d keys", len(p))
	}
}

// TestIDsDoNotMatter clusters one stream twice: analysed in order, and
// analysed on several goroutines in reverse order, which numbers the
// terms differently. The assignments must not change.
func TestIDsDoNotMatter(t *testing.T) {
	arts := synthStream(1200, 5)
	run := func(prepare func(c *Clusterer) []*Features) []string {
		c := New(Options{})
		feats := prepare(c)
		var out []string
		for i, a := range arts {
			as, _, err := c.AssignPrepared(context.Background(), a, feats[i], nil)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, as.Event+"/"+as.Story)
		}
		return out
	}
	inOrder := run(func(c *Clusterer) []*Features {
		fs := make([]*Features, len(arts))
		for i, a := range arts {
			fs[i] = c.Prepare(a)
		}
		return fs
	})
	scrambled := run(func(c *Clusterer) []*Features {
		fs := make([]*Features, len(arts))
		done := make(chan bool)
		for w := range 4 {
			go func() {
				for i := len(arts) - 1 - w; i >= 0; i -= 4 {
					fs[i] = c.Prepare(arts[i])
				}
				done <- true
			}()
		}
		for range 4 {
			<-done
		}
		return fs
	})
	for i := range inOrder {
		if inOrder[i] != scrambled[i] {
			t.Fatalf("article %d: %s in order, %s with other term ids", i, inOrder[i], scrambled[i])
		}
	}
	// as the pipeline runs: analyses on several goroutines, in an order
	// of their own, while the articles already analysed are assigned, so
	// that the lexicon grows under the lookups of the assignments
	c := New(Options{})
	feats := make([]*Features, len(arts))
	ready := make([]chan struct{}, len(arts))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	perm := rand.New(rand.NewPCG(9, 9)).Perm(len(arts))
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			for k := w; k < len(perm); k += 3 {
				i := perm[k]
				feats[i] = c.Prepare(arts[i])
				close(ready[i])
			}
		})
	}
	for i, a := range arts {
		<-ready[i]
		as, _, err := c.AssignPrepared(context.Background(), a, feats[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := as.Event + "/" + as.Story; got != inOrder[i] {
			t.Fatalf("article %d: %s in order, %s analysed concurrently with the assignments", i, inOrder[i], got)
		}
	}
	wg.Wait()
}

// TestSelectHeaviest checks that the partial selection of the heaviest
// terms gives the first k terms of the full sort, whatever the input order
// and with ties in weight.
func TestSelectHeaviest(t *testing.T) {
	c := New(Options{})
	for i := range 300 {
		c.lex.id(fmt.Sprintf("term%d", i))
	}
	c.growDF()
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ n, k int }{{1, 1}, {2, 1}, {10, 3}, {64, 64}, {100, 64}, {300, 64}, {300, 1}, {300, 299}} {
		for trial := range 5 {
			ts := make([]tw, tc.n)
			for i := range ts {
				// few distinct weights: many ties
				ts[i] = tw{uint32(i), float32(r.IntN(7))}
			}
			r.Shuffle(len(ts), func(i, j int) { ts[i], ts[j] = ts[j], ts[i] })
			full := slices.Clone(ts)
			c.sortHeaviest(full)
			c.selectHeaviest(ts, tc.k)
			if !slices.Equal(ts[:tc.k], full[:tc.k]) {
				t.Fatalf("n %d k %d trial %d: selected %v, sorted %v", tc.n, tc.k, trial, ts[:tc.k], full[:tc.k])
			}
		}
	}
}

// TestBriefCopyNeedsAgreement checks that a whole copy of a text shorter
// than a lead links an article only as shared passages do, when the
// reports agree by names and words: pages whose text extraction kept
// only a site's boilerplate line are duplicates of each other whatever
// they report, while two wire flashes of one happening still join.
func TestBriefCopyNeedsAgreement(t *testing.T) {
	boiler := "Sign up for our newsletter and get the day's top stories in your inbox every morning."
	flash := "Dock workers in Rotterdam began a 48-hour strike on Monday over automation plans, the FNV union said. Cranes at the Maasvlakte terminals stood still."
	tests := []struct {
		name        string
		first, next *storyline.Article
		kind        storyline.CopyKind
		join        bool
	}{
		{"boilerplate of unlike reports",
			&storyline.Article{ID: "a", Lang: "en", Published: day("2024-03-04"), Title: "Gunfire at Harbourfest concert in Veldhoven leaves dozens hurt", Text: boiler},
			&storyline.Article{ID: "b", Lang: "en", Published: day("2024-03-04"), Title: "Coast guard accuses Norland of oil transfers to Estmark tankers", Text: boiler},
			storyline.Duplicate, false},
		{"wire flash of one strike",
			&storyline.Article{ID: "a", Lang: "en", Published: day("2024-03-04"), Title: "Rotterdam dock workers strike", Text: flash},
			&storyline.Article{ID: "b", Lang: "en", Published: day("2024-03-04"), Title: "Dock workers strike in Rotterdam", Text: flash + " Ships were diverted."},
			storyline.NearDuplicate, true},
		{"long copy under another headline",
			strikeA,
			&storyline.Article{ID: "b", Lang: "en", Published: day("2024-03-04"), Title: "Automation: the quay walks out", Text: strikeA.Text + " Talks resume next week."},
			storyline.NearDuplicate, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			first, _ := assign(t, c, tt.first)
			assign(t, c, football)
			cp := storyline.Copy{A: tt.next.ID, B: tt.first.ID, Kind: tt.kind, Similarity: 1, AShare: 1, BShare: 1}
			got, _ := assign(t, c, tt.next, cp)
			if joined := got.Event == first.Event; joined != tt.join {
				t.Fatalf("joined %v, want %v: %+v %+v", joined, tt.join, got, got.Why)
			}
		})
	}
}
