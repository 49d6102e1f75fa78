package entities

import (
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

func names(r *Result) map[string]storyline.Entity {
	m := map[string]storyline.Entity{}
	for _, e := range r.Entities {
		m[e.Name] = e
	}
	return m
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want maps canonical names to "kind:mention|mention…" (mentions in order)
		want map[string]string
		// absent names must not be entities
		absent []string
	}{
		{
			name: "aliases and roles",
			text: "Kremlin spokesman Dmitry Peskov said on Friday that Russian President Vladimir Putin was ready. " +
				"Peskov added that Putin's position was clear. The Kremlin spokesman also said the Russian president would call.",
			want: map[string]string{
				"Dmitry Peskov":  "person:Dmitry Peskov|Peskov|The Kremlin spokesman",
				"Vladimir Putin": "person:Vladimir Putin|Putin|the Russian president",
				"Kremlin":        "org:Kremlin|Kremlin",
			},
		},
		{
			name: "speech verb makes a person, places from the gazetteer",
			text: "Biden spoke with Putin for two hours. Ushakov said the talks in Geneva were useful, and Biden agreed.",
			want: map[string]string{
				"Ushakov": "person:Ushakov",
				"Geneva":  "place:Geneva",
			},
		},
		{
			name: "middle initials and honorifics before a title word",
			text: "Rep. Elijah E. Cummings spoke first. Mr. King added that the vote mattered, and Mr. King said more.",
			want: map[string]string{
				"Elijah E Cummings": "person:Elijah E. Cummings",
				"King":              "person:King|King",
			},
		},
		{
			name:   "sentence-initial common words are not names",
			text:   "Speaking to reporters, he said nothing. Further talks are planned; speaking of talks, further news is due.",
			absent: []string{"Speaking", "Further"},
		},
		{
			name: "Russian case forms join",
			text: "Пресс-секретарь президента Дмитрий Песков заявил, что встреча прошла хорошо. По словам Пескова, стороны договорились. Песков добавил, что Москва готова.",
			want: map[string]string{
				"Дмитрий Песков": "person:Дмитрий Песков|Пескова|Песков",
				"Москва":         "place:Москва",
			},
		},
		{
			name: "organisations by word and acronym",
			text: "The Justice Department and NATO responded, and officials at the Foreign Ministry declined to comment.",
			want: map[string]string{
				"Justice Department": "org:Justice Department",
				"NATO":               "org:NATO",
				"Foreign Ministry":   "org:Foreign Ministry",
			},
		},
		{
			name: "a body after the, a place after in: a speech verb makes no person of them",
			text: "The league has twelve teams. After the vote the Big Sky responded that the schedule stands. " +
				"A shop owner in Marrakesh said the shaking lasted a minute.",
			want: map[string]string{
				"Big Sky": "org:Big Sky",
			},
			absent: []string{"Marrakesh"}, // no evidence but the verb, which is the owner's
		},
		{
			name: "an account on a platform and a named event are no persons",
			text: "The official Acme Twitter account apologised, and the Grace Festival drew thousands.",
			want: map[string]string{
				"Acme Twitter":   "org:Acme Twitter",
				"Grace Festival": "org:Grace Festival",
			},
		},
		{
			name: "a surname alone in a headline in title case",
			text: "Mbeki Wins Scoring Title in Overtime\nPaul Mbeki scored 30 points on Friday. Mbeki said the team played well.",
			want: map[string]string{
				"Paul Mbeki": "person:Mbeki|Paul Mbeki|Mbeki",
			},
			absent: []string{"Mbeki Wins Scoring Title"},
		},
		{
			name:   "a speech verb after a preposition in Russian",
			text:   "Очевидец в Марракеше заявил, что толчки длились минуту.",
			absent: []string{"Марракеше"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Recognize(NewDoc(tt.text), nil)
			got := names(r)
			for name, spec := range tt.want {
				e, ok := got[name]
				if !ok {
					t.Errorf("no entity %q in %v", name, r.Entities)
					continue
				}
				kind, mentions, _ := strings.Cut(spec, ":")
				var ms []string
				runes := []rune(tt.text)
				for _, m := range e.Mentions {
					if string(runes[m.Start:m.End]) != m.Text {
						t.Errorf("mention %q has span %d:%d", m.Text, m.Start, m.End)
					}
					ms = append(ms, m.Text)
				}
				if string(e.Kind) != kind || strings.Join(ms, "|") != mentions {
					t.Errorf("%s: got %s:%s, want %s", name, e.Kind, strings.Join(ms, "|"), spec)
				}
			}
			for _, name := range tt.absent {
				if _, ok := got[name]; ok {
					t.Errorf("%q should not be an entity", name)
				}
			}
		})
	}
}

func TestRegistryJoinsSurnames(t *testing.T) {
	reg := NewRegistry()
	reg.Learn(Recognize(NewDoc("Russian President Vladimir Putin said the talks went well."), nil))
	if r := Recognize(NewDoc("Putin said nothing else."), reg); names(r)["Putin"].Name == "" {
		t.Errorf("names must not be visible before Commit: %v", r.Entities)
	}
	if got := reg.Commit(); got["putin"] != "Vladimir Putin" {
		t.Errorf("Commit() = %v", got)
	}
	r := Recognize(NewDoc("Putin said nothing else."), reg)
	if _, ok := names(r)["Vladimir Putin"]; !ok {
		t.Errorf("registry did not join Putin: %v", r.Entities)
	}
	reg.Learn(Recognize(NewDoc("Senator Anna Putin said otherwise."), nil))
	reg.Commit()
	r = Recognize(NewDoc("Putin said nothing else."), reg)
	if _, ok := names(r)["Vladimir Putin"]; ok {
		t.Errorf("an ambiguous surname should not be joined: %v", r.Entities)
	}
}

func BenchmarkRecognize(b *testing.B) {
	text := strings.Repeat("Kremlin spokesman Dmitry Peskov said on Friday that Russian President Vladimir Putin and Joe Biden spoke in Geneva. ", 25)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Recognize(NewDoc(text), nil)
	}
}

func TestGender(t *testing.T) {
	for name, want := range map[string]string{
		"Hillary Clinton": "f", "Dmitry Peskov": "m", "Мария Захарова": "f", "Песков": "m",
		"Kelly Armstrong": "", "Trump": "", "": "",
	} {
		if got := Gender(name); got != want {
			t.Errorf("Gender(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRegistryBounded checks that the registry forgets surnames not
// learned again once it is full, and keeps those learned again.
func TestRegistryBounded(t *testing.T) {
	reg := NewRegistry()
	reg.limit = 8
	learn := func(names ...string) {
		r := &Result{}
		for _, n := range names {
			r.Entities = append(r.Entities, storyline.Entity{Name: n, Kind: storyline.Person})
		}
		reg.Learn(r)
		reg.Commit()
	}
	learn("Vladimir Putin", "Joe Biden")
	for i := range 20 {
		learn("Anna Name"+string(rune('a'+i)), "Vladimir Putin")
	}
	if got := reg.Len(); got > 8 {
		t.Errorf("Len() = %d, want at most 8", got)
	}
	if got := reg.FullName("putin"); got != "Vladimir Putin" {
		t.Errorf("FullName(putin) = %q: a surname learned again was forgotten", got)
	}
	if got := reg.FullName("biden"); got != "" {
		t.Errorf("FullName(biden) = %q: an old surname was kept past the limit", got)
	}
	if got := reg.FullName("namet"); got != "Anna Namet" {
		t.Errorf("FullName(namet) = %q, want the latest name", got)
	}
}

// TestQuickChecksAgree checks the allocation-free shortcuts of the
// recognizer against their plain definitions: countFields against
// strings.Fields, and isDemonym's fast rejection by last byte against
// every ending it lists.
func TestQuickChecksAgree(t *testing.T) {
	for _, s := range []string{"", " ", "Vladimir Putin", "  a\u00a0b\tc\n", "Песков", "J. K.  Rowling ", "Анна\u2003Ушакова\u3000",
		"bad\xc2 \xa0x", "x \xc2\xa0", "\x85\xc2\x85y", "a\xe2\x80\x82b", "\xe2\x80 \x82"} {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Errorf("lastField(%q) = %q, want %q", s, got, want)
		}
	}
	for _, suf := range demonymEndings {
		word := "abcd" + suf
		if !isDemonym(word) && !places.has(word) {
			t.Errorf("isDemonym(%q) = false for the ending %q", word, suf)
		}
	}
}
