package quotes

import (
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// TestBareClause checks reported speech whose clause follows the cue
// without "that", and the sentences that must not be read so.
func TestBareClause(t *testing.T) {
	type want struct{ text, speaker, mention, cue string }
	tests := []struct {
		name string
		text string
		want []want // indirect quotes only
	}{
		{
			name: "title and name, said",
			text: "Kremlin spokesman Dmitry Peskov said the talks with Washington were useful but difficult.",
			want: []want{{"the talks with Washington were useful but difficult.", "Dmitry Peskov", "Dmitry Peskov", "said"}},
		},
		{
			name: "an age between the name and the cue, a verb known by its inflection",
			text: "Birgit Queningwell, 51, said Kelenova owes everyone an explanation.",
			want: []want{{"Kelenova owes everyone an explanation.", "Birgit Queningwell", "Birgit Queningwell", "said"}},
		},
		{
			name: "told and an addressee",
			text: "A nurse, Ines Calardin, 54, told reporters the hospital was full.",
			want: []want{{"the hospital was full.", "Ines Calardin", "Ines Calardin", "told"}},
		},
		{
			name: "told a named outlet",
			text: "Mayor Anna Berg told the BBC the bridge would reopen in May.",
			want: []want{{"the bridge would reopen in May.", "Anna Berg", "Mayor Anna Berg", "told"}},
		},
		{
			name: "a pronoun resolved through the sentence before",
			text: "Anna Berg spoke in the town hall on Friday. She warned the repairs could take a year.",
			want: []want{{"the repairs could take a year.", "Anna Berg", "She", "warned"}},
		},
		{
			name: "a weekday and a setting before the clause",
			text: "Anna Berg said Monday in a statement the council had approved the money.",
			want: []want{{"the council had approved the money.", "Anna Berg", "Anna Berg", "said"}},
		},
		{
			name: "a present-tense cue",
			text: "Anna Berg insists she will not resign before the vote.",
			want: []want{{"she will not resign before the vote.", "Anna Berg", "Anna Berg", "insists"}},
		},
		{
			name: "a noun-phrase verb with an auxiliary in the clause",
			text: "Anna Berg announced the plant would close in March.",
			want: []want{{"the plant would close in March.", "Anna Berg", "Anna Berg", "announced"}},
		},
		{
			name: "a that-clause later in the sentence keeps its reading",
			text: "Anna Berg said the vote will go ahead and noted that the wall came down rather easily.",
			want: []want{{"the wall came down rather easily.", "Anna Berg", "Anna Berg", "noted"}},
		},
		{
			name: "a subordinate clause closed before the speaker",
			text: "After the meeting in Geneva, Anna Berg said the talks were useful.",
			want: []want{{"the talks were useful.", "Anna Berg", "Anna Berg", "said"}},
		},
		{name: "a plural noun after a gerund is no verb", text: "Marco Rubio claimed the prize for exceeding expectations.", want: nil},
		{name: "a plural noun deep in a noun phrase", text: "The nominee maintains a floating array of power centers.", want: nil},
		{name: "a finite verb after a comma", text: "Ted Cruz argued a number of cases before the court, and he will do so again.", want: nil},
		{name: "what X says", text: "Critics mock what Obama says and claims about the economy daily.", want: nil},
		{name: "a stray quotation mark in the sentence", text: "The plan ''is a misguided approach,'' Mr. Burman said the panel wrote.", want: nil},
		{
			name: "according to a name and an age",
			text: "According to Anna Berg, 51, the bridge carried 3,300 cars a day.",
			want: []want{{"the bridge carried 3,300 cars a day.", "Anna Berg", "Anna Berg", "According to"}},
		},
		{name: "said and a time", text: "Anna Berg said on Monday.", want: nil},
		{name: "said and a setting", text: "Anna Berg said in a statement.", want: nil},
		{name: "said so", text: "Anna Berg said so at the meeting in the town hall.", want: nil},
		{name: "said nothing", text: "Anna Berg said nothing about the bridge or the money.", want: nil},
		{name: "a prepositional phrase only", text: "Anna Berg said at the meeting of the town council in May.", want: nil},
		{name: "a question", text: "Did Anna Berg say the bridge would reopen in May?", want: nil},
		{name: "a question ending the sentence", text: "Anna Berg said the bridge would reopen, but when will it?", want: nil},
		{
			name: "a sentence opening with as X said reports its main clause",
			text: "As Anna Berg, 51, said, the bridge would reopen in May.",
			want: []want{{"the bridge would reopen in May.", "Anna Berg", "Anna Berg", "said"}},
		},
		{
			name: "Как заявила and a role",
			text: "Как заявила глава комиссии Марина Зайцова, мост откроют в мае.",
			want: []want{{"мост откроют в мае.", "Марина Зайцова", "Марина Зайцова", "заявила"}},
		},
		{
			name: "Как сообщила and a name split at its initial",
			text: "Пожар потушили. Как сообщила Клара И. Холерберг, 51, обстоятельства пожара пока неизвестны.",
			want: []want{{"обстоятельства пожара пока неизвестны.", "Клара И. Холерберг", "Клара И. Холерберг", "сообщила"}},
		},
		{
			name: "Как рассказала and a two-word clause",
			text: "Пожар потушили. Как рассказала Анна Берг, 24, пострадавших нет.",
			want: []want{{"пострадавших нет.", "Анна Берг", "Анна Берг", "рассказала"}},
		},
		{
			name: "говорит, что and a short clause",
			text: "Анна Берг, 43, говорит, что жалобы копились давно.",
			want: []want{{"жалобы копились давно.", "Анна Берг", "Анна Берг", "говорит"}},
		},
		{name: "as X said inside the sentence", text: "The bridge, as Anna Berg said, would reopen in May.", want: nil},
		{name: "as X said ending the sentence", text: "The bridge would reopen in May, as Anna Berg said.", want: nil},
		{name: "as X said before a question", text: "As Anna Berg said, who will pay for the bridge?", want: nil},
		{name: "a subordinate clause", text: "When Anna Berg said the bridge would reopen, people cheered loudly.", want: nil},
		{name: "no finite verb", text: "Anna Berg announced the new sanctions against the company.", want: nil},
		{name: "a relative clause in a noun phrase", text: "The senators stressed the need for an approach that would build coalitions.", want: nil},
		{name: "a Russian present-tense cue with что", text: "Депутат Анна Берг отмечает, что мост откроют в мае.", want: []want{{"мост откроют в мае.", "Анна Берг", "Депутат Анна Берг", "отмечает"}}},
		{name: "a noun phrase object of said", text: "Anna Berg said the words again and again.", want: nil},
		{name: "the cue ends the sentence", text: "The bridge will reopen in May, and that is what Anna Berg said.", want: nil},
		{name: "told without an addressee", text: "Anna Berg told the truth about the bridge and the money.", want: nil},
		{name: "a comma after the cue", text: "Anna Berg said, after a pause, the bridge would reopen.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.text)
			var got []want
			for _, q := range extract(tt.text) {
				if q.Kind != storyline.Indirect {
					continue
				}
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("span %d:%d does not hold %q", q.Start, q.End, q.Text)
				}
				mention := ""
				if q.SpeakerStart >= 0 {
					mention = string(runes[q.SpeakerStart:q.SpeakerEnd])
				}
				got = append(got, want{q.Text, q.Speaker, mention, q.Cue})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d indirect quotes %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
