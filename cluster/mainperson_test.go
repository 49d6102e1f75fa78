package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// person builds a person entity with a mention at every occurrence of
// each of its forms in text.
func person(text, name string, forms ...string) storyline.Entity {
	e := storyline.Entity{Name: name, Kind: storyline.Person}
	rs := []rune(text)
	for _, f := range forms {
		fr := []rune(f)
		for i := 0; i+len(fr) <= len(rs); i++ {
			if string(rs[i:i+len(fr)]) == f {
				e.Mentions = append(e.Mentions, storyline.Mention{Text: f, Start: i, End: i + len(fr)})
			}
		}
	}
	return e
}

func TestMainPerson(t *testing.T) {
	tests := []struct {
		name, text string
		ents       func(text string) []storyline.Entity
		want       string
	}{
		{"the one who speaks, not the ones spoken of",
			"Putin's press secretary Dmitry Peskov said Putin and Biden respect each other. Putin and Biden met in Geneva. Peskov noted that Putin was calm. Putin agreed.",
			func(s string) []storyline.Entity {
				return []storyline.Entity{person(s, "Vladimir Putin", "Putin"), person(s, "Dmitry Peskov", "Peskov")}
			}, "peskov"},
		{"said after the name, end of clause",
			"Talks will go on, said Ushakov. Ushakov spoke to Biden. Biden and Biden's aides listened.",
			func(s string) []storyline.Entity {
				return []storyline.Entity{person(s, "Joe Biden", "Biden"), person(s, "Yuri Ushakov", "Ushakov")}
			}, "ushakov"},
		{"said before a name that begins a clause is not the name's",
			"Peskov said Putin would call. Putin will call Biden. Putin waits.",
			func(s string) []storyline.Entity {
				return []storyline.Entity{person(s, "Dmitry Peskov", "Peskov"), person(s, "Vladimir Putin", "Putin")}
			}, "putin"},
		{"mentioned once is nobody's main",
			"Kovacs said the strike goes on. The port is closed.",
			func(s string) []storyline.Entity {
				return []storyline.Entity{person(s, "Marta Kovacs", "Kovacs")}
			}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := tt.ents(tt.text)
			words := textproc.ScanWords(nil, tt.text)
			got := mainPerson(ents, tt.text, words, func(i int) string {
				f := strings.Fields(ents[i].Name)
				return strings.ToLower(f[len(f)-1])
			})
			if got != tt.want {
				t.Errorf("mainPerson = %q, want %q", got, tt.want)
			}
		})
	}
}
