package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

func TestFind(t *testing.T) {
	pub := storyline.Day(time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC)) // a Friday
	tests := []struct {
		text string
		want []string // "text=date/precision"
	}{
		{"Peskov said on Friday that talks went well.", []string{"on Friday=2021-12-17/day"}},
		{"asked about Tuesday's conversation between the leaders", []string{"Tuesday's=2021-12-14/day"}},
		{"They held talks via video link on December 7, the call lasted two hours.", []string{"on December 7=2021-12-07/day"}},
		{"Yesterday evening, a telephone conversation took place.", []string{"Yesterday evening=2021-12-16/day"}},
		{"earlier this month, Putin spoke about red lines", []string{"earlier this month=2021-12/month"}},
		{"plan to continue the dialogue after the New Year holidays", []string{"after the New Year holidays=2022-01-01/day"}},
		{"You may go now; we will see. Now it is over.", nil},
		{"March on, they said, and may the best one win.", nil},
		{"In May 2019 and again in 2016 the party lost.", []string{"In May 2019=2019-05/month", "in 2016=2016/year"}},
		{"Встреча прошла 7 декабря 2021 года в Женеве, а в пятницу стороны созвонились.", []string{"7 декабря 2021 года=2021-12-07/day", "в пятницу=2021-12-17/day"}},
		{"The report was dated 2021-11-30 and revised on 3 Dec.", []string{"2021-11-30=2021-11-30/day", "on 3 Dec=2021-12-03/day"}},
		{"Last year the deal collapsed; next Monday talks resume.", []string{"Last year=2020/year", "next Monday=2021-12-20/day"}},
		{"He was born on 31 November.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text[:12], func(t *testing.T) {
			var got []string
			runes := []rune(tt.text)
			for _, m := range Find(tt.text, pub) {
				if string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("span %d:%d is %q, text %q", m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
				}
				got = append(got, m.Text+"="+m.Date+"/"+string(m.Precision))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFindYearWindow: a day named without a year falls within the ten
// months before publication and the two after, across the turn of the
// year both ways.
func TestFindYearWindow(t *testing.T) {
	tests := []struct {
		pub  time.Time
		text string
		want string
	}{
		{time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), "The vote is set for January 5.", "2026-01-05"},
		{time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), "The hearing resumes on Feb. 10.", "2026-02-10"},
		{time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), "The strike began on March 3.", "2025-03-03"},
		{time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), "Talks were held on December 7.", "2025-12-07"},
		{time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC), "Talks were held on December 30.", "2025-12-30"},
		{time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC), "The vote is set for March 2.", "2026-03-02"},
		{time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), "The deal was signed on January 9.", "2026-01-09"},
		{time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), "The deal closes on August 14.", "2026-08-14"},
		{time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), "The fire broke out on September 1.", "2025-09-01"},
	}
	for _, tt := range tests {
		t.Run(tt.pub.Format("2006-01-02")+" "+tt.text, func(t *testing.T) {
			got := Find(tt.text, storyline.Day(tt.pub))
			if len(got) != 1 || got[0].Date != tt.want {
				t.Errorf("Find(%q) published %s = %+v, want one mention of %s", tt.text, tt.pub.Format("2006-01-02"), got, tt.want)
			}
		})
	}
}

func TestFindNeedsPublication(t *testing.T) {
	got := Find("Talks took place on Friday and on December 7, 2021.", storyline.Published{})
	if len(got) != 1 || got[0].Date != "2021-12-07" {
		t.Errorf("without a publication date want only the absolute date, got %+v", got)
	}
}

func TestExampleVideoCall(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/examples/articles/002_*.txt")
	if len(paths) == 0 {
		t.Skip("../shared/examples not available")
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	pub := storyline.Day(time.Date(2021, 12, 9, 0, 0, 0, 0, time.UTC))
	found := false
	for _, m := range Find(string(b), pub) {
		if m.Date == "2021-12-07" && strings.Contains(m.Text, "December 7") {
			found = true
		}
	}
	if !found {
		t.Errorf("002 should mention the video call of 2021-12-07")
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("The Kremlin spokesman said on Friday that the talks of December 7 were held in May 2021 and may continue. ", 30)
	pub := storyline.Day(time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, pub)
	}
}

func TestFindTokensRefYearOnly(t *testing.T) {
	text := "The presidents held a video call on December 7. On Tuesday they spoke again."
	runes := []rune(text)
	toks := textproc.Tokenize(nil, text)
	ref := storyline.Day(time.Date(2021, 12, 18, 0, 0, 0, 0, time.UTC))
	got := FindTokensRef(runes, toks, storyline.Published{}, ref)
	if len(got) != 1 || got[0].Date != "2021-12-07" || got[0].Text != "on December 7" {
		t.Fatalf("with a reference and no publication date: %+v, want only 2021-12-07 (weekdays need the real date)", got)
	}
	if got := FindTokensRef(runes, toks, storyline.Published{}, storyline.Published{}); len(got) != 0 {
		t.Fatalf("with neither date: %+v, want none", got)
	}
	// In January, a December day belongs to the year before.
	jan := storyline.Day(time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC))
	if got := FindTokensRef(runes, toks, storyline.Published{}, jan); len(got) != 1 || got[0].Date != "2021-12-07" {
		t.Fatalf("January reference: %+v", got)
	}
}

// TestFindSliced checks that FindSliced, given a slicer, finds what
// FindTokensRef finds, with the same texts.
func TestFindSliced(t *testing.T) {
	pub := storyline.Day(time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC))
	for _, text := range []string{
		"Peskov said on Friday, December 17, that talks held on December 7 and on Friday went well; yesterday evening too.",
		"Встреча прошла 7 декабря 2021 года в Женеве, а в пятницу стороны созвонились. В пятницу — снова.",
		"No dates here at all.",
		strings.Repeat("On Monday, 2021-11-30 and next Monday, in May 2019. ", 10),
	} {
		runes := []rune(text)
		toks := textproc.Tokenize(nil, text)
		slice := func(start, end int) string { return string(runes[start:end]) }
		for _, p := range []storyline.Published{pub, {}} {
			want := FindTokensRef(runes, toks, p, pub)
			got := FindSliced(runes, toks, slice, p, pub)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("FindSliced(%.30q) = %v, want %v", text, got, want)
			}
		}
	}
}
