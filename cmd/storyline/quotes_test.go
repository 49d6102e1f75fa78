package main

import "testing"

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		speaker, asked string
		want           bool
	}{
		{"Dmitry Peskov", "Dmitry Peskov", true},
		{"Dmitry Peskov", "peskov", true},
		{"Dmitry Peskov", "DMITRY", true},
		{"Dmitry Peskov", "Pesk", false},
		{"Dmitry Peskov", "Yuri Ushakov", false},
		{"", "Peskov", false},
		{"Дмитрий Песков", "песков", true},
	}
	for _, tt := range tests {
		if got := speakerMatches(tt.speaker, tt.asked); got != tt.want {
			t.Errorf("speakerMatches(%q, %q) = %v, want %v", tt.speaker, tt.asked, got, tt.want)
		}
	}
}
