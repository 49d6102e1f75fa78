package quotes

import (
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

func extract(text string) []storyline.Quote {
	return Extract(entities.Recognize(entities.NewDoc(text), nil), "a")
}

func TestExtract(t *testing.T) {
	type want struct {
		text, speaker, mention, cue string
		kind                        storyline.QuoteKind
	}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "straight marks, pronoun resolved through the sentence before",
			text: `Kremlin spokesman Dmitry Peskov spoke on Friday. "We are ready to talk to anyone," he said.`,
			want: []want{{"We are ready to talk to anyone,", "Dmitry Peskov", "he", "said", storyline.Direct}},
		},
		{
			name: "curly marks, inverted cue",
			text: `“The talks were useful and frank,” said Dmitry Peskov, the Kremlin spokesman.`,
			want: []want{{"The talks were useful and frank,", "Dmitry Peskov", "Dmitry Peskov", "said", storyline.Direct}},
		},
		{
			name: "guillemets and a Russian cue",
			text: `«Переговоры были полезными и откровенными», — заявил Дмитрий Песков.`,
			want: []want{{"Переговоры были полезными и откровенными", "Дмитрий Песков", "Дмитрий Песков", "заявил", storyline.Direct}},
		},
		{
			name: "a quote broken by its attribution",
			text: `"It was a useful conversation," Peskov said, "and the presidents will talk again soon."`,
			want: []want{
				{"It was a useful conversation,", "Peskov", "Peskov", "said", storyline.Direct},
				{"and the presidents will talk again soon.", "Peskov", "Peskov", "said", storyline.Direct},
			},
		},
		{
			name: "a quote over two paragraphs is one quote",
			text: "Yuri Ushakov told reporters:\n\n“We are satisfied with the contact, it was frank.\n\n“The leaders agreed to talk again in January.”",
			want: []want{
				{"We are satisfied with the contact, it was frank.\n\n“The leaders agreed to talk again in January.", "Yuri Ushakov", "Yuri Ushakov", "told", storyline.Direct},
			},
		},
		{
			name: "a paragraph-opening quote after a colon",
			text: "Aide Yuri Ushakov revealed some nuances of the call:\n\n“It was not a purely New Year conversation.”",
			want: []want{{"It was not a purely New Year conversation.", "Yuri Ushakov", "Aide Yuri Ushakov", "", storyline.Direct}},
		},
		{
			name: "scare quotes and titles are not quotes",
			text: `Critics called the plan "reckless". He appeared on "Meet the Press" and warned of "severe repercussions" later.`,
			want: nil,
		},
		{
			name: "reported speech",
			text: "Peskov said that the presidents would talk again next week. According to Ushakov, the call lasted about fifty minutes. He added that Moscow hopes for the best, Ushakov says.",
			want: []want{
				{"the presidents would talk again next week.", "Peskov", "Peskov", "said", storyline.Indirect},
				{"the call lasted about fifty minutes.", "Ushakov", "Ushakov", "According to", storyline.Indirect},
				{"Moscow hopes for the best", "Ushakov", "He", "added", storyline.Indirect},
			},
		},
		{
			name: "Russian quotes, pronouns and reported speech",
			text: "Пресс-секретарь президента Дмитрий Песков заявил журналистам: «Переговоры прошли в деловой атмосфере». По его словам, стороны договорились продолжить контакты.\n\n«Никакой договорённости о встрече пока нет», — сказал он. По словам Пескова, следующий разговор пройдёт по видеосвязи.",
			want: []want{
				{"Переговоры прошли в деловой атмосфере", "Дмитрий Песков", "Дмитрий Песков", "заявил", storyline.Direct},
				{"Никакой договорённости о встрече пока нет", "Дмитрий Песков", "он", "сказал", storyline.Direct},
				{"стороны договорились продолжить контакты.", "Дмитрий Песков", "его", "По его словам", storyline.Indirect},
				{"следующий разговор пройдёт по видеосвязи.", "Дмитрий Песков", "Пескова", "По словам", storyline.Indirect},
			},
		},
		{
			name: "common-noun speakers, inverted and before the cue",
			text: "His campaign sent out an email. \"Our revolution has already changed the race.\" read the email.\n\n“My dear friends,” the conference speaker says into the camera. “I am here with people who pray for you.”",
			want: []want{
				{"Our revolution has already changed the race.", "the email", "the email", "read", storyline.Direct},
				{"My dear friends,", "the conference speaker", "the conference speaker", "says", storyline.Direct},
				{"I am here with people who pray for you.", "the conference speaker", "the conference speaker", "says", storyline.Direct},
			},
		},
		{
			name: "a name right after the quote with a verb the cue list lacks",
			text: "“This is fantastic!” beamed Donald Hartley of Madison. “We will never win that way,” Toomey grinned on Tuesday.",
			want: []want{
				{"This is fantastic!", "Donald Hartley", "Donald Hartley", "", storyline.Direct},
				{"We will never win that way,", "Toomey", "Toomey", "", storyline.Direct},
			},
		},
		{
			name: "mixed marks close a quotation and do not run on",
			text: "“We can say that they are comfortable speaking to one another,\" Peskov stressed.\n\n\"It was Putin who spoke about red lines,\" the Kremlin spokesman noted.",
			want: []want{
				{"We can say that they are comfortable speaking to one another,", "Peskov", "Peskov", "stressed", storyline.Direct},
				{"It was Putin who spoke about red lines,", "Peskov", "the Kremlin spokesman", "noted", storyline.Direct},
			},
		},
		{
			name: "a pronoun agrees in gender with its antecedent",
			text: `Bernie Sanders spoke after Hillary Clinton arrived in Iowa. "We will win this state," she said.`,
			want: []want{{"We will win this state,", "Hillary Clinton", "she", "said", storyline.Direct}},
		},
		{
			name: "a relative clause between the speaker and the cue",
			text: `Still, Mike Petrilli, who thinks the administration overreached with its policies, called the new law "much, much better than before."`,
			want: []want{{"much, much better than before.", "Mike Petrilli", "Mike Petrilli", "called", storyline.Direct}},
		},
		{
			name: "an apposition between the speaker and the cue",
			text: `Win Htein, a member of the party's central executive committee, said on Tuesday that according to its analysis the party had won, but "we are still counting the seats."`,
			want: []want{{"we are still counting the seats.", "Win Htein", "Win Htein", "said", storyline.Direct}},
		},
		{
			name: "a role resolved through an apposition",
			text: `Dmitry Peskov, the Kremlin spokesman, spoke on Friday. Later, "there is no reason for optimism yet," the spokesman noted.`,
			want: []want{{"there is no reason for optimism yet,", "Dmitry Peskov", "the spokesman", "noted", storyline.Direct}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract(tt.text)
			runes := []rune(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				q := got[i]
				mention := ""
				if q.SpeakerStart >= 0 {
					mention = string(runes[q.SpeakerStart:q.SpeakerEnd])
				}
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("quote %d: span %d:%d does not hold %q", i, q.Start, q.End, q.Text)
				}
				g := want{q.Text, q.Speaker, mention, q.Cue, q.Kind}
				if g != w {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

// TestExtractOddInput feeds texts with quotation marks and cues at the
// edges, where index arithmetic goes wrong.
func TestExtractOddInput(t *testing.T) {
	for _, text := range []string{
		"", "\"", "“", "«", "said", "said \"", "\" said", "“”", "\"\"\"\"", "«a «b» c»",
		"continued \"a b c\"", "“a b c\" said", "\n\n“a b c\n\n“d e f", "According to", "по словам",
		"He said: \"", "\"We will win,\" he", "По его словам,",
	} {
		for _, q := range extract(text) {
			runes := []rune(text)
			if q.Start < 0 || q.End > len(runes) || q.Start > q.End || string(runes[q.Start:q.End]) != q.Text {
				t.Errorf("%q: bad quote %+v", text, q)
			}
		}
	}
}

func TestGrouperRewordingAndState(t *testing.T) {
	g := NewGrouper(GrouperOptions{})
	qs := []storyline.Quote{
		{Article: "a", Speaker: "Dmitry Peskov", Text: "Biden, in turn, spoke about his unpreparedness to recognize red lines."},
		{Article: "b", Speaker: "Peskov", Text: "unwillingness to recognise red lines"},
		{Article: "c", Speaker: "Peskov", Text: "The weather in Moscow was cold and snowy all week."},
		{Article: "d", Speaker: "Jen Psaki", Text: "unwillingness to recognise red lines"},
	}
	if err := g.Group(t.Context(), qs); err != nil {
		t.Fatal(err)
	}
	if qs[0].Statement == "" || qs[0].Statement != qs[1].Statement {
		t.Errorf("rewording not grouped: %q %q", qs[0].Statement, qs[1].Statement)
	}
	if qs[2].Statement == qs[0].Statement {
		t.Errorf("an unrelated quote joined the statement")
	}
	if qs[3].Statement == qs[1].Statement {
		t.Errorf("another speaker's words joined the statement")
	}
	if qs[1].Speaker != "Dmitry Peskov" {
		t.Errorf("surname not joined to the known full name: %q", qs[1].Speaker)
	}
	pending := g.Pending()
	if len(pending) == 0 || len(g.Pending()) != 0 {
		t.Errorf("Pending should return the changes once")
	}
	// a new grouper loaded from that state groups the same way
	st := mapState{"statements": pending}
	g2 := NewGrouper(GrouperOptions{})
	if err := g2.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	again := []storyline.Quote{{Article: "e", Speaker: "Peskov", Text: "his unwillingness to recognize the red lines"}}
	if err := g2.Group(t.Context(), again); err != nil {
		t.Fatal(err)
	}
	if again[0].Statement != qs[0].Statement {
		t.Errorf("after Load the rewording got %q, want %q", again[0].Statement, qs[0].Statement)
	}
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat(`Kremlin spokesman Dmitry Peskov spoke on Friday. "We are ready to talk to anyone," he said. According to Peskov, the talks were useful. `, 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		extract(text)
	}
}

func TestGrouperForgetsOldest(t *testing.T) {
	g := NewGrouper(GrouperOptions{MaxStatements: 2})
	qs := []storyline.Quote{
		{Article: "a", Speaker: "Peskov", Text: "red lines must be recognised by Washington"},
		{Article: "b", Speaker: "Peskov", Text: "the weather in Moscow was cold and snowy"},
		{Article: "c", Speaker: "Peskov", Text: "sanctions would be a colossal mistake for everyone"},
		{Article: "d", Speaker: "Peskov", Text: "Washington must recognise red lines"},
		{Article: "e", Speaker: "Peskov", Text: "sanctions would be a colossal mistake"},
	}
	if err := g.Group(t.Context(), qs); err != nil {
		t.Fatal(err)
	}
	if qs[3].Statement == qs[0].Statement {
		t.Errorf("a forgotten statement was matched")
	}
	if qs[4].Statement != qs[2].Statement {
		t.Errorf("a recent statement was not matched: %q vs %q", qs[4].Statement, qs[2].Statement)
	}
}
