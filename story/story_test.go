package story

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func at(s string) storyline.Published {
	p, err := storyline.ParsePublished(s)
	if err != nil {
		panic(err)
	}
	return p
}

// bridgeStory is a hand-written story of a flood closing a bridge: two
// outlets carry one wire text, a third writes its own, a fourth reports
// the reopening a week later.
func bridgeStory() (storyline.Story, []storyline.Article, []storyline.Copy, []storyline.Quote) {
	wire := "A flood closed the old Tarnow bridge on Monday after the river rose two metres overnight. " +
		"Engineers found cracks in two of the bridge's stone piers, the city said. " +
		"\"We will not reopen the bridge until every pier has been checked,\" mayor Anna Kowal said. " +
		"Buses will run a detour through the northern district."
	arts := []storyline.Article{
		{ID: "w1", Title: "Flood closes Tarnow bridge", Source: "wire.example", Lang: "en",
			Published: at("2024-03-04T08:00:00Z"), Text: wire,
			Entities: []storyline.Entity{{Name: "Anna Kowal", Kind: storyline.Person, Mentions: []storyline.Mention{{Text: "Anna Kowal"}}},
				{Name: "Tarnow", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "Tarnow"}, {Text: "Tarnow"}}}}},
		{ID: "p2", Title: "Flood closes Tarnow bridge - Daily Post", Source: "Daily Post", Lang: "en",
			Published: at("2024-03-04T09:30:00Z"), Text: wire + "\nThe Daily Post will follow the story.",
			Entities: []storyline.Entity{{Name: "Tarnow", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "Tarnow"}}}}},
		{ID: "g3", Title: "Mayor says repairs to the flooded Tarnow bridge could take many weeks of work by city engineers and divers", Source: "gazette.example", Lang: "en",
			Published: at("2024-03-04T12:00:00Z"),
			Text: "The river flood that shut the Tarnow bridge has left the city divided. " +
				"Mayor Anna Kowal told the Gazette that she would not reopen the bridge until every pier had been checked. " +
				"Shop owners on the southern bank fear a long closure.",
			Entities: []storyline.Entity{{Name: "Anna Kowal", Kind: storyline.Person, Mentions: []storyline.Mention{{Text: "Anna Kowal"}}},
				{Name: "Tarnow", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "Tarnow"}}}}},
		{ID: "r4", Title: "Tarnow bridge reopens after flood repairs", Source: "wire.example", Lang: "en",
			Published: at("2024-03-11T10:00:00Z"),
			Text: "The Tarnow bridge reopened on Monday, a week after a flood cracked two of its piers. " +
				"\"The bridge is safe,\" chief engineer Piotr Nowak said.",
			Entities: []storyline.Entity{{Name: "Tarnow", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "Tarnow"}}}}},
	}
	s := storyline.Story{
		ID: "s1", Title: "Flood closes Tarnow bridge",
		FirstPublished: arts[0].Published, LastPublished: arts[3].Published,
		Articles: []string{"w1", "p2", "g3", "r4"},
		Events: []storyline.Event{
			{ID: "e2", Story: "s1", Title: "reopening", FirstPublished: arts[3].Published, LastPublished: arts[3].Published, Articles: []string{"r4"}},
			{ID: "e1", Story: "s1", Title: "closure", FirstPublished: arts[0].Published, LastPublished: arts[2].Published, Articles: []string{"w1", "p2", "g3"}},
		},
	}
	copies := []storyline.Copy{
		{A: "p2", B: "w1", Kind: storyline.NearDuplicate, Similarity: 0.9, Direction: storyline.BToA,
			Passages: []storyline.Passage{{AStart: 0, AEnd: 50, BStart: 0, BEnd: 50, Text: wire[:50]}}},
		{A: "p2", B: "zz-not-in-story", Kind: storyline.Partial, Direction: storyline.AToB},
	}
	quotes := []storyline.Quote{
		{Article: "w1", Text: "We will not reopen the bridge until every pier has been checked", Speaker: "Anna Kowal", Kind: storyline.Direct, Statement: "st1"},
		{Article: "p2", Text: "We will not reopen the bridge until every pier has been checked", Speaker: "Anna Kowal", Kind: storyline.Direct, Statement: "st1"},
		{Article: "g3", Text: "she would not reopen the bridge until every pier had been checked", Speaker: "Anna Kowal", Kind: storyline.Indirect, Statement: "st1"},
		{Article: "r4", Text: "The bridge is safe", Speaker: "Piotr Nowak", Kind: storyline.Direct},
		{Article: "g3", Text: "a long closure", Kind: storyline.Indirect},
		{Article: "elsewhere", Text: "not in this story", Speaker: "Nobody"},
	}
	return s, arts, copies, quotes
}

func TestHeadlineIsCentralNotLongest(t *testing.T) {
	v := Assemble(bridgeStory())
	if v.Headline != "Flood closes Tarnow bridge" {
		t.Errorf("headline = %q, want the title two outlets share", v.Headline)
	}
}

func TestCleanTitle(t *testing.T) {
	for _, tc := range []struct{ title, source, want string }{
		{"Flood closes bridge - Daily Post", "Daily Post", "Flood closes bridge"},
		{"Flood closes bridge | Reuters", "www.reuters.com", "Flood closes bridge"},
		{"Flood closes bridge - Reuters", "bbc.co.uk", "Flood closes bridge - Reuters"},
		{"  Flood\n closes   bridge ", "", "Flood closes bridge"},
		{"Left - right", "right.example", "Left"},
	} {
		if got := cleanTitle(tc.title, tc.source); got != tc.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tc.title, tc.source, got, tc.want)
		}
	}
}

func TestSummaryCentralWithoutRepeats(t *testing.T) {
	s, arts, copies, quotes := bridgeStory()
	v := Assemble(s, arts, copies, quotes)
	if len(v.Summary) == 0 || len(v.Summary) > 3 {
		t.Fatalf("summary has %d sentences, want 1..3", len(v.Summary))
	}
	seen := make(map[string]bool)
	for _, sen := range v.Summary {
		if seen[sen.Text] {
			t.Errorf("summary repeats %q", sen.Text)
		}
		seen[sen.Text] = true
		i := slices.IndexFunc(arts, func(a storyline.Article) bool { return a.ID == sen.Article })
		if i < 0 {
			t.Fatalf("summary sentence from unknown article %q", sen.Article)
		}
		if got := string([]rune(arts[i].Text)[sen.Start:sen.End]); got != sen.Text {
			t.Errorf("offsets [%d,%d) of %s give %q, want %q", sen.Start, sen.End, sen.Article, got, sen.Text)
		}
		if strings.Contains(sen.Text, "Daily Post will follow") {
			t.Errorf("summary picked a peripheral sentence: %q", sen.Text)
		}
	}
	// The wire text is carried twice; its lead must not be picked from
	// the later copy.
	if v.Summary[0].Article != "w1" {
		t.Errorf("first summary sentence from %s, want the earliest article w1", v.Summary[0].Article)
	}
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"He left. She stayed! Why? Nobody knows…", []string{"He left.", "She stayed!", "Why?", "Nobody knows…"}},
		{"Mr. Smith met U.S. officials on Dec. 7 in Washington. Talks went well.", []string{"Mr. Smith met U.S. officials on Dec. 7 in Washington.", "Talks went well."}},
		{"\"It is over.\" He smiled.", []string{"\"It is over.\"", "He smiled."}},
		{"Встреча прошла в 2021 г. в Москве. Песков это подтвердил.", []string{"Встреча прошла в 2021 г. в Москве.", "Песков это подтвердил."}},
		{"MOSCOW, December 17. /TASS/. Talks began.\nSecond paragraph", []string{"MOSCOW, December 17. /TASS/.", "Talks began.", "Second paragraph"}},
		{"Version 2.5 is out. yes lower case. Done.", []string{"Version 2.5 is out. yes lower case.", "Done."}},
	} {
		var got []string
		rs := []rune(tc.text)
		for _, sp := range splitSentences(tc.text) {
			got = append(got, string(rs[sp.start:sp.end]))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestSourcesAndFirstReporter(t *testing.T) {
	s, arts, copies, quotes := bridgeStory()
	v := Assemble(s, arts, copies, quotes)
	var names []string
	for _, src := range v.Sources {
		names = append(names, src.Name)
	}
	if want := []string{"wire.example", "Daily Post", "gazette.example"}; !reflect.DeepEqual(names, want) {
		t.Errorf("sources = %q, want %q", names, want)
	}
	if v.FirstReporter != "wire.example" || !v.Sources[0].First || v.Sources[1].First {
		t.Errorf("first reporter = %q (first flags %v, %v), want wire.example", v.FirstReporter, v.Sources[0].First, v.Sources[1].First)
	}
	if v.Sources[0].ReusedBy != 1 || v.Sources[1].Reused != 1 {
		t.Errorf("reuse counts: wire reused_by %d, post reused %d; want 1, 1", v.Sources[0].ReusedBy, v.Sources[1].Reused)
	}
	if got := v.Sources[0].Articles; !reflect.DeepEqual(got, []string{"w1", "r4"}) {
		t.Errorf("wire articles = %q", got)
	}

	// Same day, no time of day: publication cannot tell who was first.
	for i := range arts {
		arts[i].Published = at("2024-03-04")
	}
	arts[0].Published = at("2024-03-04T23:00:00Z")
	if v := Assemble(s, arts, copies, quotes); v.FirstReporter != "" || v.Sources[0].First {
		t.Errorf("tie: first reporter = %q, want unknown", v.FirstReporter)
	}
	// An undated source makes the claim unknown too.
	arts[0].Published = at("2024-03-03")
	arts[1].Published = storyline.Published{}
	if v := Assemble(s, arts, copies, quotes); v.FirstReporter != "" {
		t.Errorf("undated source: first reporter = %q, want unknown", v.FirstReporter)
	}
}

func TestTimeline(t *testing.T) {
	v := Assemble(bridgeStory())
	if len(v.Timeline) != 2 {
		t.Fatalf("timeline has %d items, want 2", len(v.Timeline))
	}
	if v.Timeline[0].Event != "e1" || v.Timeline[1].Event != "e2" {
		t.Errorf("timeline order = %s, %s; want e1, e2 by date", v.Timeline[0].Event, v.Timeline[1].Event)
	}
	if got := v.Timeline[0].Date.String(); got != "2024-03-04T08:00:00Z" {
		t.Errorf("first event date = %s", got)
	}
	if n := len(v.Timeline[0].Articles); n != 3 {
		t.Errorf("first event has %d articles, want 3", n)
	}
	if v.Timeline[0].Headline != "Flood closes Tarnow bridge" || v.Timeline[1].Headline != "Tarnow bridge reopens after flood repairs" {
		t.Errorf("event headlines = %q, %q", v.Timeline[0].Headline, v.Timeline[1].Headline)
	}
	// Without events the timeline falls back to publication days.
	s, arts, copies, quotes := bridgeStory()
	s.Events = nil
	v = Assemble(s, arts, copies, quotes)
	if len(v.Timeline) != 2 || v.Timeline[0].Date.String() != "2024-03-04" || len(v.Timeline[0].Articles) != 3 {
		t.Errorf("day timeline = %+v", v.Timeline)
	}
}

func TestSpeakers(t *testing.T) {
	v := Assemble(bridgeStory())
	if len(v.Speakers) != 3 {
		t.Fatalf("speakers = %d, want 3 (Kowal, Nowak, unnamed)", len(v.Speakers))
	}
	k := v.Speakers[0]
	if k.Name != "Anna Kowal" || k.Articles != 3 || k.Quotes != 3 {
		t.Errorf("first speaker = %s with %d articles, %d quotes", k.Name, k.Articles, k.Quotes)
	}
	if len(k.Statements) != 1 || len(k.Statements[0].Wordings) != 2 {
		t.Fatalf("Kowal's statements = %+v, want one with two wordings", k.Statements)
	}
	st := k.Statements[0]
	if st.First != "w1" || st.Articles != 3 {
		t.Errorf("statement first = %q, articles %d", st.First, st.Articles)
	}
	w := st.Wordings[0]
	if !reflect.DeepEqual(w.Articles, []string{"w1", "p2"}) || !reflect.DeepEqual(w.Sources, []string{"wire.example", "Daily Post"}) || w.Kind != storyline.Direct {
		t.Errorf("main wording = %+v", w)
	}
	if st.Wordings[1].Kind != storyline.Indirect {
		t.Errorf("second wording kind = %s", st.Wordings[1].Kind)
	}
	if v.Speakers[2].Name != "" {
		t.Errorf("unnamed speaker should come last, got %q", v.Speakers[2].Name)
	}
}

func TestEntitiesAndGraph(t *testing.T) {
	v := Assemble(bridgeStory())
	if len(v.Entities) != 2 || v.Entities[0].Name != "Tarnow" || v.Entities[0].Articles != 4 || v.Entities[0].Mentions != 5 {
		t.Errorf("entities = %+v", v.Entities)
	}
	if len(v.Graph.Nodes) != 4 {
		t.Errorf("graph has %d nodes, want 4", len(v.Graph.Nodes))
	}
	if len(v.Graph.Edges) != 1 {
		t.Fatalf("graph edges = %+v, want the one copy inside the story", v.Graph.Edges)
	}
	e := v.Graph.Edges[0]
	if e.From != "w1" || e.To != "p2" || !e.Directed || e.Passages != 1 {
		t.Errorf("edge = %+v, want w1 → p2 directed", e)
	}
}

func TestDeterministic(t *testing.T) {
	s, arts, copies, quotes := bridgeStory()
	want, _ := json.Marshal(Assemble(s, arts, copies, quotes))
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
		r.Shuffle(len(quotes), func(i, j int) { quotes[i], quotes[j] = quotes[j], quotes[i] })
		got, _ := json.Marshal(Assemble(s, arts, copies, quotes))
		if string(got) != string(want) {
			t.Fatalf("assembly depends on input order:\n%s\n%s", got, want)
		}
	}
}

func TestEmptyAndUntitled(t *testing.T) {
	v := Assemble(storyline.Story{ID: "x", Title: "stored"}, nil, nil, nil)
	if v.Headline != "stored" || len(v.Summary) != 0 || v.FirstReporter != "" {
		t.Errorf("empty story view = %+v", v)
	}
	arts := []storyline.Article{{ID: "a", Lang: "en", Text: "Protesters gathered outside the parliament building in the capital on Sunday evening."}}
	v = Assemble(storyline.Story{ID: "y", Articles: []string{"a"}}, arts, nil, nil)
	if !strings.HasPrefix(v.Headline, "Protesters gathered") {
		t.Errorf("untitled story headline = %q, want from the summary", v.Headline)
	}
	if v.FirstReporter != "" || len(v.Sources) != 1 || !v.Sources[0].First {
		// A single source reported first by definition, even unnamed.
		t.Errorf("single source: first = %q, sources %+v", v.FirstReporter, v.Sources)
	}
}

func TestMainLanguage(t *testing.T) {
	arts := []storyline.Article{
		{ID: "1", Lang: "ru", Title: "Песков прокомментировал переговоры", Text: "Песков заявил журналистам, что переговоры прошли в деловой атмосфере и без лишних эмоций."},
		{ID: "2", Lang: "en", Title: "Peskov comments on talks", Text: "Peskov told reporters the talks were held in a business-like atmosphere without emotion."},
		{ID: "3", Lang: "en", Title: "Kremlin: talks were business-like", Text: "The Kremlin said the talks were held in a business-like atmosphere, Peskov told reporters."},
	}
	v := Assemble(storyline.Story{ID: "s"}, arts, nil, nil)
	if v.Lang != "en" || strings.ContainsAny(v.Headline, "абвгдежзийклмнопрстуфхцчшщыэюя") {
		t.Errorf("lang %s headline %q, want English", v.Lang, v.Headline)
	}
	for _, s := range v.Summary {
		if s.Article == "1" {
			t.Errorf("summary mixes languages: %q", s.Text)
		}
	}
}

func BenchmarkAssemble(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 7))
	words := strings.Fields("flood bridge river mayor engineers piers city closure detour repairs weeks council budget residents traffic police spokesman minister said on monday tuesday after before the a of in to and")
	sentence := func() string {
		n := 8 + r.IntN(14)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
	}
	const n = 200
	var arts []storyline.Article
	var quotes []storyline.Quote
	var copies []storyline.Copy
	s := storyline.Story{ID: "big"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var sb strings.Builder
		for range 25 {
			sb.WriteString(sentence())
			sb.WriteString(" ")
		}
		id := fmt.Sprintf("a%03d", i)
		arts = append(arts, storyline.Article{ID: id, Title: sentence(), Source: fmt.Sprintf("src%d", i%17), Lang: "en",
			Published: storyline.Instant(base.Add(time.Duration(i) * time.Hour)), Text: sb.String()})
		s.Articles = append(s.Articles, id)
		quotes = append(quotes, storyline.Quote{Article: id, Text: sentence(), Speaker: fmt.Sprintf("Speaker %d", i%9), Statement: fmt.Sprintf("st%d", i%31)})
		if i > 0 {
			copies = append(copies, storyline.Copy{A: fmt.Sprintf("a%03d", i-1), B: id, Kind: storyline.Partial, Direction: storyline.AToB})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Assemble(s, arts, copies, quotes)
	}
}

func TestDatelineLength(t *testing.T) {
	for _, tc := range []struct {
		in, rest string
	}{
		{"KESSLING, Feb 28 (Meridian) — Rescue divers ended the search.", "Rescue divers ended the search."},
		{"ЗАРЕЧЕНСК, 11 марта — Река вышла из берегов.", "Река вышла из берегов."},
		{"LINDHAVEN — A fire tore through the harbour.", "A fire tore through the harbour."},
		{"NATO said on Monday — after talks — that it agreed.", "NATO said on Monday — after talks — that it agreed."},
		{"The mayor — who spoke late — said no.", "The mayor — who spoke late — said no."},
		{"US — a quiet day.", "US — a quiet day."},
	} {
		n := datelineLength(tc.in)
		if got := string([]rune(tc.in)[n:]); got != tc.rest {
			t.Errorf("datelineLength(%q) leaves %q, want %q", tc.in, got, tc.rest)
		}
	}
}

func TestHeadlinePrefersRealHeadlines(t *testing.T) {
	// An input without a headline gets one inferred from its first
	// sentence, cut with an ellipsis: central, but not a headline.
	lead := "Rescue divers on Saturday ended their search of the river beneath the collapsed bridge in Kessling…"
	arts := []storyline.Article{
		{ID: "1", Lang: "en", Title: lead, Text: "Rescue divers on Saturday ended their search of the river beneath the collapsed bridge in Kessling, saying nobody else was on it."},
		{ID: "2", Lang: "en", Title: "Search ends at Kessling bridge collapse", Text: "Divers ended their search of the river beneath the collapsed bridge in Kessling on Saturday."},
		{ID: "3", Lang: "en", Title: "Vigil held in Kessling", Text: "The town of Kessling held a vigil on Saturday for the injured."},
	}
	if v := Assemble(storyline.Story{ID: "s"}, arts, nil, nil); v.Headline != "Search ends at Kessling bridge collapse" {
		t.Errorf("headline = %q", v.Headline)
	}
}
