package copies

import (
	"reflect"
	"testing"
)

func TestCitations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // source names in order
	}{
		{"slash dateline", "MOSCOW, December 17. /TASS/. Talks between the presidents were held.", []string{"TASS"}},
		{"according to agency", "Now, according to Sputnik, the spokesman has said that the talks went well.", []string{"Sputnik"}},
		{"according to person", "According to Peskov, contacts between the leaders cannot but be respectful.", nil},
		{"based on materials", "The leaders spoke for two hours.\nBased on materials from TASS", []string{"TASS"}},
		{"closing credit", "Washington will provide additional assistance to Kiev. RIA News\n\nMore text here.", []string{"RIA Novosti"}},
		{"reuters said", "An unnamed official told reporters, Reuters reported on Friday.", []string{"Reuters"}},
		{"dateline parens", "WASHINGTON (AP) — The Senate voted on Tuesday.", []string{"AP"}},
		{"media name", "The plan was first revealed, according to the Daily Telegraph, in March.", []string{"Daily Telegraph"}},
		{"russian", "Об этом сообщает РИА Новости со ссылкой на источник.", []string{"RIA Novosti"}},
		{"as per", "They had no such intention, as per AP. The Kremlin insisted otherwise.", []string{"AP"}},
		{"and/or not a credit", "Members may vote and/or abstain. The 24/7 service / Other stays.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Citations(tc.text)
			var names []string
			rs := []rune(tc.text)
			for _, c := range got {
				names = append(names, c.Source)
				if string(rs[c.Start:c.End]) != c.Text {
					t.Errorf("offsets [%d:%d] give %q, text %q", c.Start, c.End, string(rs[c.Start:c.End]), c.Text)
				}
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Errorf("Citations = %v (%+v), want %v", names, got, tc.want)
			}
		})
	}
}
