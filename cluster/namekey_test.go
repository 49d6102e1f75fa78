package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// The tests of name keys, calendar words and the comparison of articles
// and events across scripts.

func TestNameKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Портвилля", "Portville's", true},
		{"Кесслинге", "Kessling", true},
		{"Бренмур", "Brenmoor", true},
		{"Зареченске", "Zarechensk", true},
		{"Пескова", "Peskov", true},
		{"Ушаков", "Ushakov", true},
		{"Холстад", "Holstad", true},
		{"Квенардейл", "Quenardale", true},
		{"Ходорковский", "Khodorkovsky", true},
		{"Филадельфия", "Philadelphia", true},
		{"Сесил", "Cecil", true},
		{"Кокс", "Cox", true},
		{"Вашингтон", "Washington", true},
		{"Вольфсбург", "Wolfsburg", true},
		{"Томас", "Thomas", true},
		{"Джордан", "Jordan", true},
		{"Холстад", "Kolstad", false},
		{"Portville", "Brenmoor", false},
		{"Песков", "Путин", false},
	}
	for _, tt := range tests {
		ka, oka := nameKey(tt.a)
		kb, okb := nameKey(tt.b)
		if !oka || !okb || (ka == kb) != tt.same {
			t.Errorf("nameKey(%q) = %q, nameKey(%q) = %q, want same %v", tt.a, ka, tt.b, kb, tt.same)
		}
	}
	for _, w := range []string{"Xi", "B2B", "日本"} {
		if k, ok := nameKey(w); ok {
			t.Errorf("nameKey(%q) = %q, want none", w, k)
		}
	}
}

func TestCrossScript(t *testing.T) {
	en := []*storyline.Article{
		{ID: "en-1", Lang: "en", Published: day("2025-05-12"),
			Title: "Flooding forces evacuation of Velmora after Tarsk river bursts its banks",
			Text: "Rescuers evacuated about 900 residents of Velmora on Monday after the Tarsk river burst its banks following three days of rain. " +
				"Governor Anton Belsky said water had entered some 300 homes and that shelters had opened in schools. " +
				"Emergency crews from Drovsk brought boats to the flooded streets."},
		{ID: "en-2", Lang: "en", Published: day("2025-05-12"),
			Title: "Tarsk floods Velmora: 900 people moved to shelters",
			Text: "About 900 people were moved to shelters in Velmora as the Tarsk river flooded the town on Monday, Governor Anton Belsky said. " +
				"Some 300 homes took in water; boats from Drovsk helped residents leave."},
		{ID: "en-3", Lang: "en", Published: day("2025-05-12"),
			Title: "Harbour cranes idle as Kestrel Port strike begins",
			Text:  "Dock workers at Kestrel Port walked out on Monday over pay, union leader Mira Dalton said, leaving cranes idle along the quay."},
	}
	ru := &storyline.Article{ID: "ru-1", Lang: "ru", Published: day("2025-05-12"),
		Title: "Паводок в Вельморе: эвакуированы 900 жителей",
		Text: "Около 900 жителей Вельморы эвакуированы в понедельник после того, как река Тарск вышла из берегов после трёх дней дождей. " +
			"Губернатор Антон Бельский сообщил, что вода зашла примерно в 300 домов, а в школах открыты пункты временного размещения. " +
			"Спасатели из Дровска доставили лодки."}
	other := &storyline.Article{ID: "ru-2", Lang: "ru", Published: day("2025-05-12"),
		Title: "В Оренбурге открылась выставка старинных часов",
		Text:  "В областном музее Оренбурга в понедельник открылась выставка старинных часов из частной коллекции Ирины Соколовой."}
	c := New(Options{})
	var flood, strike string
	for _, a := range en {
		as, _ := assign(t, c, a)
		if a.ID == "en-3" {
			strike = as.Event
		} else {
			flood = as.Event
		}
	}
	got, _ := assign(t, c, ru)
	if got.Event != flood {
		t.Fatalf("Russian report of the flood in event %s, want %s (why %+v)", got.Event, flood, got.Why)
	}
	if !slices.Contains(got.Why.Entities, "вельморе") {
		t.Errorf("why names %v, want the shared place as the article writes it", got.Why.Entities)
	}
	if got2, _ := assign(t, c, other); got2.Event == flood || got2.Event == strike {
		t.Fatalf("unrelated Russian report joined %s", got2.Event)
	}
}

func TestCalendarWordsAreNoProtagonists(t *testing.T) {
	c := New(Options{})
	a := &storyline.Article{ID: "c", Lang: "en", Title: "Strike talks to resume in July, union says",
		Text: "The union said on Friday that talks with Kellport Harbour would resume in July, after the strike of Tuesday's shift."}
	f := c.Prepare(a)
	var names []string
	for _, id := range c.salient(f) {
		names = append(names, c.lex.term(id))
	}
	if slices.Contains(names, "juli") || slices.Contains(names, "friday") || !slices.Contains(names, "kellport") {
		t.Errorf("protagonists %v, want Kellport and no month or weekday", names)
	}
	for _, k := range f.keys {
		if term := c.lex.term(k.id); term == "~july" || term == "~frida" {
			t.Errorf("name key %q for a calendar word", term)
		}
	}
}

// TestEventsCosineAcrossScripts checks that two events mostly in different
// scripts are compared on their name keys: the Russian and the English
// reports of one flood are close enough to be merged, the Russian flood
// and an English strike are not.
func TestEventsCosineAcrossScripts(t *testing.T) {
	report := func(c *Clusterer, n *node, a *storyline.Article) {
		f := c.Prepare(a)
		v := c.vectorize(f)
		c.growScratch()
		c.addMember(n, c.eventIdx, a, f, v, c.salient(f), c.arrivalTime(a), 0)
	}
	c := New(Options{})
	flood, strike, ru := c.newEvent(), c.newEvent(), c.newEvent()
	report(c, flood, &storyline.Article{ID: "en-1", Lang: "en", Published: day("2025-05-12"),
		Title: "Flooding forces evacuation of Velmora after Tarsk river bursts its banks",
		Text: "Rescuers evacuated about 900 residents of Velmora on Monday after the Tarsk river burst its banks. " +
			"Governor Anton Belsky said water had entered some 300 homes. Emergency crews from Drovsk brought boats."})
	report(c, strike, &storyline.Article{ID: "en-2", Lang: "en", Published: day("2025-05-12"),
		Title: "Harbour cranes idle as Kestrel Port strike begins",
		Text:  "Dock workers at Kestrel Port walked out on Monday over pay, union leader Mira Dalton said, leaving cranes idle along the quay."})
	report(c, ru, &storyline.Article{ID: "ru-1", Lang: "ru", Published: day("2025-05-12"),
		Title: "Паводок в Вельморе: эвакуированы 900 жителей",
		Text: "Около 900 жителей Вельморы эвакуированы в понедельник после того, как река Тарск вышла из берегов. " +
			"Губернатор Антон Бельский сообщил, что вода зашла примерно в 300 домов. Спасатели из Дровска доставили лодки."})
	if got := c.eventsCosine(ru, flood); got < c.opts.MergeThreshold {
		t.Errorf("Russian and English reports of the flood: %.3f, want at least %.2f", got, c.opts.MergeThreshold)
	}
	if got := c.eventsCosine(ru, strike); got >= c.opts.MergeThreshold {
		t.Errorf("Russian flood and English strike: %.3f, want under %.2f", got, c.opts.MergeThreshold)
	}
	if got, words := c.eventsCosine(flood, strike), c.cosineCentroids(&flood.cent, &strike.cent); got != words {
		t.Errorf("events in one script compared on %.3f, want their words' %.3f", got, words)
	}
}

// TestEntityKeysCountOnce checks that a name the reader recognised adds
// to the name keys only the words the text does not write: a passer-by
// named once weighs as much as any capitalised word, and the first name
// of "Dmitry Peskov", read where the text says "Peskov", is a key.
func TestEntityKeysCountOnce(t *testing.T) {
	c := New(Options{})
	text := "The talks went well, Peskov said. Hairdresser Ana Dunenstrom, 51, complained about the queues."
	at := func(s string) []storyline.Mention {
		i := len([]rune(text[:strings.Index(text, s)]))
		return []storyline.Mention{{Start: i, End: i + len([]rune(s))}}
	}
	keys := func(ents []storyline.Entity) map[string]float32 {
		f := c.Prepare(&storyline.Article{ID: "a", Lang: "en", Title: "Talks", Text: text, Entities: ents})
		tf := map[string]float32{}
		for _, k := range f.keys {
			tf[c.lex.term(k.id)] = k.tf
		}
		return tf
	}
	plain := keys(nil)
	read := keys([]storyline.Entity{
		{Name: "Dmitry Peskov", Kind: storyline.Person, Mentions: at("Peskov")},
		{Name: "Ana Dunenstrom", Kind: storyline.Person, Mentions: at("Ana Dunenstrom")},
	})
	for _, key := range []string{"~pesko", "~ana", "~dunen"} {
		if plain[key] == 0 || read[key] != plain[key] {
			t.Errorf("key %s counted %v with the reader's names, %v without, want the same", key, read[key], plain[key])
		}
	}
	if plain["~dmitr"] != 0 || read["~dmitr"] != 1 {
		t.Errorf("first name only the reader knows: key counted %v (without the reader's names %v), want 1", read["~dmitr"], plain["~dmitr"])
	}
}

// TestCalendarWordTerms checks which words written like names the
// features drop as telling when: the full names of months and weekdays,
// but not a month that is someone's given name, nor the abbreviations,
// which are words and names too.
func TestCalendarWordTerms(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		kept       bool
	}{
		{"The strike began in August and ended in the spring.", "August", false},
		{"Talks will resume in August, Parliament said.", "August", false},
		{"Talks will resume in August when Parliament returns.", "August", false},
		{"The harbour reopened on August 4 after the storm.", "August", false},
		{"The crews were idle in August September and October.", "August", false},
		{"Dockers will strike on Tuesday, the union said.", "Tuesday", false},
		{"Dockers struck on Tuesday Kellport officials said.", "Tuesday", false},
		{"The play by August Wilson opened in Kellport.", "August", true},
		{"Correspondent April Ryan asked about the strike.", "April", true},
		{"The leak was first reported by The Sun in Kellport.", "Sun", true},
		{"Residents of Mar Vista protested against the plan.", "Mar", true},
	} {
		t.Run(tt.text, func(t *testing.T) {
			c := New(Options{})
			f := c.Prepare(&storyline.Article{ID: "a", Lang: "en", Text: tt.text})
			wi := c.feat.en.info(tt.word)
			if !wi.keep {
				t.Fatalf("%q is no term", tt.word)
			}
			kept := slices.ContainsFunc(f.terms, func(e fterm) bool { return e.id == wi.id })
			if kept != tt.kept {
				t.Errorf("term of %q kept = %v, want %v", tt.word, kept, tt.kept)
			}
		})
	}
}
