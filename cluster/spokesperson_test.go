package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

func TestSpokesPerson(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"Kremlin spokesman Dmitry Peskov said on Friday that talks would go on.", "Peskov", true},
		{"Dmitry Peskov, the Kremlin's spokesman, said talks would go on.", "Peskov", true},
		{"The White House press secretary, Jen Psaki, told reporters the call went well.", "Psaki", true},
		{"A spokeswoman for the ministry, Anna Berg, declined to comment.", "Berg", true},
		{"Пресс-секретарь президента Дмитрий Песков заявил, что переговоры продолжатся.", "Песков", true},
		{"Официальный представитель МИД Мария Захарова ответила на вопрос.", "Захарова", true},
		{"The spokesman said Putin would attend the summit.", "Putin", false},
		{"President Vladimir Putin is ready for new talks, the Kremlin said.", "Putin", false},
		{"The secretary of state, Mary Voss, flew to Geneva.", "Voss", false},
		{"Ulla Brandt, the coach, said the team was ready.", "Brandt", false},
		{"The club's spokesman was unavailable. Ulla Brandt scored twice.", "Brandt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := textproc.ScanWords(nil, tt.text)
			b := strings.Index(tt.text, tt.name)
			start := len([]rune(tt.text[:b]))
			m := storyline.Mention{Start: start, End: start + len([]rune(tt.name))}
			if got := spokesPerson(tt.text, words, m); got != tt.want {
				t.Errorf("spokesPerson(%q, %s) = %v, want %v", tt.text, tt.name, got, tt.want)
			}
		})
	}
}
