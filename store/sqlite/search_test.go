package sqlite

import "testing"

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{`"" *** ()`, ""},
		{"Переговоры", `"переговор"*`},
		{"Пётр", `"петр"*`},
		{"мой мои", `"мой" AND "мои"`},
		{"war", `"war"`},
		{"talks", `"talk"*`},
		{"happy", `("happy" OR "happi"*)`},
		{"2024", `"2024"`},
		{`"peace talks" Geneva`, `"peace talks" AND "geneva"*`},
		{"summ*", `"summ"*`},
		{`NOT (a OR b) title:x`, `"not" AND "a" AND "or" AND "b" AND "titl"* AND "x"`},
		{`say "unbalanced`, `"say" AND "unbalanced"`},
		{`it"s`, `"it" AND "s"`},
	}
	for _, tc := range tests {
		if got := ftsQuery(tc.in); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestFoldYo(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"ёлка Ёж":          "елка Еж",
		"Пётр, ёё":         "Петр, ее",
		"no yo here":       "no yo here",
		"ѐ Ѐ ё\u0308 щёлк": "ѐ Ѐ е\u0308 щелк", // other letters stay
	} {
		if got := foldYo(in); got != want {
			t.Errorf("foldYo(%q) = %q, want %q", in, got, want)
		}
	}
}
