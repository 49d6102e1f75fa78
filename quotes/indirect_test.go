package quotes

import (
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entities"
)

// TestExtractReported covers the shapes of reported speech: an
// attribution that interrupts or ends the statement, "according to" at
// the end, cues of two words, a speaker's age and role between the name
// and the cue, numbers and "nobody" opening the clause, Russian "Об этом
// сообщил" and "Как уточнил" after a dateline; opinions and scene-setting
// openers are not statements.
func TestExtractReported(t *testing.T) {
	// reported is an expected quote of reported speech.
	reported := func(text, speaker, mention, cue string) extracted {
		return extracted{text, speaker, mention, cue, storyline.Indirect}
	}
	tests := []struct {
		name string
		text string
		want []extracted
	}{
		{
			name: "an attribution that interrupts the statement gives both parts",
			text: "The harbour, Marta Lindqvist told reporters, will reopen in May.",
			want: []extracted{reported("The harbour", "Marta Lindqvist", "Marta Lindqvist", "told"), reported("will reopen in May.", "Marta Lindqvist", "Marta Lindqvist", "told")},
		},
		{
			name: "a clause after the attribution",
			text: "The ferry stopped running in March, Marta Lindqvist said, after the quay wall cracked.",
			want: []extracted{reported("The ferry stopped running in March", "Marta Lindqvist", "Marta Lindqvist", "said"), reported("after the quay wall cracked.", "Marta Lindqvist", "Marta Lindqvist", "said")},
		},
		{
			name: "according to at the end",
			text: "Ferry prices rose by a third last year, according to the port authority.",
			want: []extracted{reported("Ferry prices rose by a third last year", "the port authority", "the port authority", "according to")},
		},
		{
			name: "the statement before the attribution, with the speaker's role",
			text: "There were no injuries, Ulf Nyberg, a county spokesman, added.",
			want: []extracted{reported("There were no injuries", "Ulf Nyberg", "Ulf Nyberg", "added")},
		},
		{
			name: "an age and a role between the name and the cue",
			text: "Jonas Berg, 54, a fisherman, said nobody had asked the crews.",
			want: []extracted{reported("nobody had asked the crews.", "Jonas Berg", "Jonas Berg", "said")},
		},
		{
			name: "a cue of two words and an approximate number",
			text: "Inspector Hugo Falk pointed out more than 30 boats had been lost.",
			want: []extracted{reported("more than 30 boats had been lost.", "Inspector Hugo Falk", "Inspector Hugo Falk", "pointed out")},
		},
		{
			name: "a noun and its phrase under a preposition before the verb",
			text: "Hugo Falk said trust in the harbour board was gone.",
			want: []extracted{reported("trust in the harbour board was gone.", "Hugo Falk", "Hugo Falk", "said")},
		},
		{
			name: "a short opening phrase sets the scene and is no statement",
			text: "On Monday, Hugo Falk said, the inspectors left.",
			want: []extracted{reported("the inspectors left.", "Hugo Falk", "Hugo Falk", "said")},
		},
		{
			name: "an opinion is not a statement",
			text: "Hugo Falk believes the inspectors were right. Hugo Falk fears the harbour will close.",
		},
		{
			name: "a sentence right before a quotation",
			text: "Marta Lindqvist said the harbour will reopen in May. “We have waited long enough,” she added.",
			want: []extracted{{"We have waited long enough,", "Marta Lindqvist", "she", "added", storyline.Direct}, reported("the harbour will reopen in May.", "Marta Lindqvist", "Marta Lindqvist", "said")},
		},
		{
			name: "Об этом сообщил: the sentence before",
			text: "Совет директоров одобрил сделку в пятницу. Об этом сообщил представитель компании Иван Петров.",
			want: []extracted{reported("Совет директоров одобрил сделку в пятницу.", "Иван Петров", "Иван Петров", "сообщил")},
		},
		{
			name: "Как уточнила after a dateline",
			text: "МОСКВА, 3 марта — Как уточнила пресс-секретарь Анна Смирнова, переговоры продолжатся в апреле.",
			want: []extracted{reported("переговоры продолжатся в апреле.", "Анна Смирнова", "Анна Смирнова", "уточнила")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkExtract(t, tt.text, tt.want) })
	}
}

// TestCuePhrases: every cue of more than one word is found, each opening
// word being one cueAt looks past its class for.
func TestCuePhrases(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"according to the minister", 2},
		{"pointed out that prices rose", 2},
		{"went out of his way", 2},
		{"went on to say", 2},
		{"shot back at critics", 2},
		{"fired back at critics", 2},
		{"hit back at critics", 2},
		{"wrote back to us", 2},
		{"snapped back at him", 2},
		{"cut in before the vote", 2},
		{"chimed in before the vote", 2},
		{"weighed in before the vote", 2},
		{"по словам министра", 2},
		{"по его словам", 3},
		{"said the minister", 1},
		{"went home early", 0},
		{"the minister", 0},
	} {
		r := newReader(entities.Recognize(entities.NewDoc(tc.text), nil))
		if got := r.cueAt(0); got != tc.want {
			t.Errorf("cueAt(0) in %q = %d, want %d", tc.text, got, tc.want)
		}
	}
}
