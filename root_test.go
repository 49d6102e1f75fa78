package storyline

import (
	"strings"
	"testing"
	"time"
)

func TestPublished(t *testing.T) {
	day := Day(time.Date(2021, 12, 17, 15, 4, 0, 0, time.FixedZone("MSK", 3*3600)))
	inst := Instant(time.Date(2021, 12, 17, 15, 4, 0, 0, time.FixedZone("MSK", 3*3600)))
	tests := []struct {
		p    Published
		want string
	}{{Published{}, ""}, {day, "2021-12-17"}, {inst, "2021-12-17T12:04:00Z"}}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		back, err := ParsePublished(tc.want)
		if err != nil || back != tc.p {
			t.Errorf("ParsePublished(%q) = %+v, %v; want %+v", tc.want, back, err, tc.p)
		}
	}
	if day.Before(inst) || inst.Before(day) {
		t.Error("a day and an instant on that day must not be ordered")
	}
	if !day.Before(Day(time.Date(2021, 12, 18, 0, 0, 0, 0, time.UTC))) {
		t.Error("17 December is before 18 December")
	}
	if _, err := ParsePublished("last Tuesday"); err == nil {
		t.Error("ParsePublished accepted a phrase")
	}
}

func TestCopySwapped(t *testing.T) {
	c := Copy{A: "b", B: "a", AShare: 0.2, BShare: 0.9, Direction: AToB,
		Passages: []Passage{{AStart: 1, AEnd: 5, BStart: 10, BEnd: 14, Text: "x"}}}
	s := c.Swapped()
	if s.A != "a" || s.AShare != 0.9 || s.Direction != BToA || s.Passages[0].AStart != 10 || s.Passages[0].BEnd != 5 {
		t.Fatalf("Swapped = %+v", s)
	}
	if c.Passages[0].AStart != 1 {
		t.Fatal("Swapped changed the original's passages")
	}
}

func TestBatchValidate(t *testing.T) {
	tests := []struct {
		b    Batch
		want string
	}{
		{Batch{Articles: []Article{{ID: "a"}}}, ""},
		{Batch{Articles: []Article{{}}}, "empty id"},
		{Batch{Copies: []Copy{{A: "a", B: "a"}}}, "two different"},
		{Batch{Assignments: []Assignment{{Article: "a", Event: "e"}}}, "must be set"},
		{Batch{Merges: []Merge{{Level: "topic", From: "x", Into: "y"}}}, "level"},
	}
	for _, tc := range tests {
		err := tc.b.Validate()
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tc.b, err, tc.want)
		}
	}
}
