package quotes

import (
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// TestExtractReported covers the shapes of reported speech: an
// attribution that interrupts or ends the statement, "according to" at
// the end, cues of two words, a speaker's age and role between the name
// and the cue, numbers and "nobody" opening the clause, Russian "Об этом
// сообщил" and "Как уточнил" after a dateline; opinions and scene-setting
// openers are not statements.
func TestExtractReported(t *testing.T) {
	type want struct{ text, speaker, mention, cue string }
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "an attribution that interrupts the statement gives both parts",
			text: "The harbour, Marta Lindqvist told reporters, will reopen in May.",
			want: []want{{"The harbour", "Marta Lindqvist", "Marta Lindqvist", "told"}, {"will reopen in May.", "Marta Lindqvist", "Marta Lindqvist", "told"}},
		},
		{
			name: "a clause after the attribution",
			text: "The ferry stopped running in March, Marta Lindqvist said, after the quay wall cracked.",
			want: []want{{"The ferry stopped running in March", "Marta Lindqvist", "Marta Lindqvist", "said"}, {"after the quay wall cracked.", "Marta Lindqvist", "Marta Lindqvist", "said"}},
		},
		{
			name: "according to at the end",
			text: "Ferry prices rose by a third last year, according to the port authority.",
			want: []want{{"Ferry prices rose by a third last year", "the port authority", "the port authority", "according to"}},
		},
		{
			name: "the statement before the attribution, with the speaker's role",
			text: "There were no injuries, Ulf Nyberg, a county spokesman, added.",
			want: []want{{"There were no injuries", "Ulf Nyberg", "Ulf Nyberg", "added"}},
		},
		{
			name: "an age and a role between the name and the cue",
			text: "Jonas Berg, 54, a fisherman, said nobody had asked the crews.",
			want: []want{{"nobody had asked the crews.", "Jonas Berg", "Jonas Berg", "said"}},
		},
		{
			name: "a cue of two words and an approximate number",
			text: "Inspector Hugo Falk pointed out more than 30 boats had been lost.",
			want: []want{{"more than 30 boats had been lost.", "Inspector Hugo Falk", "Inspector Hugo Falk", "pointed out"}},
		},
		{
			name: "a noun and its phrase under a preposition before the verb",
			text: "Hugo Falk said trust in the harbour board was gone.",
			want: []want{{"trust in the harbour board was gone.", "Hugo Falk", "Hugo Falk", "said"}},
		},
		{
			name: "a short opening phrase sets the scene and is no statement",
			text: "On Monday, Hugo Falk said, the inspectors left.",
			want: []want{{"the inspectors left.", "Hugo Falk", "Hugo Falk", "said"}},
		},
		{
			name: "an opinion is not a statement",
			text: "Hugo Falk believes the inspectors were right. Hugo Falk fears the harbour will close.",
		},
		{
			name: "a sentence right before a quotation",
			text: "Marta Lindqvist said the harbour will reopen in May. “We have waited long enough,” she added.",
			want: []want{{"We have waited long enough,", "Marta Lindqvist", "she", "added"}, {"the harbour will reopen in May.", "Marta Lindqvist", "Marta Lindqvist", "said"}},
		},
		{
			name: "Об этом сообщил: the sentence before",
			text: "Совет директоров одобрил сделку в пятницу. Об этом сообщил представитель компании Иван Петров.",
			want: []want{{"Совет директоров одобрил сделку в пятницу.", "Иван Петров", "Иван Петров", "сообщил"}},
		},
		{
			name: "Как уточнила after a dateline",
			text: "МОСКВА, 3 марта — Как уточнила пресс-секретарь Анна Смирнова, переговоры продолжатся в апреле.",
			want: []want{{"переговоры продолжатся в апреле.", "Анна Смирнова", "Анна Смирнова", "уточнила"}},
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
				kind := storyline.Indirect
				if i == 0 && tt.name == "a sentence right before a quotation" {
					kind = storyline.Direct
				}
				if q.Kind != kind {
					t.Errorf("quote %d: kind %s, want %s", i, q.Kind, kind)
				}
				if g := (want{q.Text, q.Speaker, mention, q.Cue}); g != w {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}
