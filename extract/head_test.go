package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// TestTextHead covers the heads of invented articles: date lines before
// or after the title or a standfirst, labelled and tokenised, updates,
// title hints that are dates, and date lines that must stay text. The
// whole text is compared: head lines must leave it, and nothing else.
func TestTextHead(t *testing.T) {
	day := func(s string) storyline.Published { return storyline.Day(mustDay(s)) }
	tests := []struct {
		name      string
		in        string
		hints     Hints
		title     string
		published string
		text      string
	}{
		{
			name:      "date line above the title",
			in:        "Thursday, October 2, 2014\nHarbour Board Approves Dredging Plan\nThe board voted on Wednesday.\nWork starts in spring.",
			title:     "Harbour Board Approves Dredging Plan",
			published: "2014-10-02",
			text:      "The board voted on Wednesday.\nWork starts in spring.",
		},
		{
			name:      "title hint that is the date line above the title",
			in:        "Thursday, October 2, 2014\nHarbour Board Approves Dredging Plan\nThe board voted on Wednesday.\nWork starts in spring.",
			hints:     Hints{Title: "Thursday, October 2, 2014"},
			title:     "Harbour Board Approves Dredging Plan",
			published: "2014-10-02",
			text:      "The board voted on Wednesday.\nWork starts in spring.",
		},
		{
			name:      "title hint that is a date, no title line",
			in:        "2 / 10 / 14\nThe board voted on Wednesday to dredge the channel, a plan years in the making.\nWork starts in spring.",
			hints:     Hints{Title: "2 / 10 / 14"},
			title:     "The board voted on Wednesday to dredge the channel, a plan years in the making",
			published: "2014-02-10",
			text:      "The board voted on Wednesday to dredge the channel, a plan years in the making.\nWork starts in spring.",
		},
		{
			name:      "title hint that is a date the text does not repeat",
			in:        "Harbour board approves dredging plan\nThe board voted on Wednesday.",
			hints:     Hints{Title: "Posted: Oct 2, 2014 9: 10 AM"},
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "The board voted on Wednesday.",
		},
		{
			name:      "labelled tokenised date after the title, update after it",
			in:        "Harbour board approves dredging plan\nPosted: 10 / 02 / 2014 9: 10 AM PDT\nLast Updated: 10 / 03 / 2014 1: 15 PM PDT\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02T16:10:00Z",
			text:      "The board voted on Wednesday.",
		},
		{
			name:      "update line first, publication line second",
			in:        "Harbour board approves dredging plan\nUpdated: October 3, 2014\nPublished: October 2, 2014\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "The board voted on Wednesday.",
		},
		{
			name:      "only an update line",
			in:        "Harbour board approves dredging plan\nUpdated: Oct. 3, 2014, 1: 15 PM ET\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-03T17:15:00Z",
			text:      "The board voted on Wednesday.",
		},
		{
			name:      "date line after a standfirst",
			in:        "Harbour board approves dredging plan\nFishermen fear for the bay.\nThe vote was close.\nPUBLISHED: 21: 40 GMT, 2 October 2014 | UPDATED: 07: 02 GMT, 3 October 2014\n\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02T21:40:00Z",
			text:      "Fishermen fear for the bay.\nThe vote was close.\n\nThe board voted on Wednesday.",
		},
		{
			name:      "a labelled time after a date line leaves with it",
			in:        "Harbour board approves dredging plan\n2 October 2014\n\nLast updated at 18: 12 GMT\n\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "The board voted on Wednesday.",
		},
		{
			name:  "a labelled time alone dates nothing and stays",
			in:    "Harbour board approves dredging plan\nUpdated 14:03 GMT Thursday\nThe board voted on Wednesday.",
			title: "Harbour board approves dredging plan",
			text:  "Updated 14:03 GMT Thursday\nThe board voted on Wednesday.",
		},
		{
			name:  "a date without a year dates nothing and stays",
			in:    "Harbour board approves dredging plan\nOct. 2 5: 40 PM EDT\nThe board voted in 2013 and in 2013 again.",
			title: "Harbour board approves dredging plan",
			text:  "Oct. 2 5: 40 PM EDT\nThe board voted in 2013 and in 2013 again.",
		},
		{
			name:  "a labelled time before the title, a date line after a standfirst: only the first run counts",
			in:    "Updated 14:03 GMT\nHarbour board approves dredging plan\nFishermen fear for the bay.\nOct 2, 2014\nThe board voted on Wednesday.",
			title: "Harbour board approves dredging plan",
			text:  "Updated 14:03 GMT\nFishermen fear for the bay.\nOct 2, 2014\nThe board voted on Wednesday.",
		},
		{
			name:      "a timeline keeps its later dates",
			in:        "Harbour dredging: a timeline\nMarch 5, 2014\nThe plan was drafted.\nOctober 2, 2014\nThe board approved it.",
			title:     "Harbour dredging: a timeline",
			published: "2014-03-05",
			text:      "The plan was drafted.\nOctober 2, 2014\nThe board approved it.",
		},
		{
			name:  "a date in a sentence is not a date line",
			in:    "Harbour board approves dredging plan\nThe vote was held on October 2, 2014.\nWork starts in spring.",
			title: "Harbour board approves dredging plan",
			text:  "The vote was held on October 2, 2014.\nWork starts in spring.",
		},
		{
			name:  "a date line past the head stays",
			in:    "Harbour board approves dredging plan\nOne.\nTwo.\nThree.\nFour.\nFive.\nOctober 2, 2014\nSix.",
			title: "Harbour board approves dredging plan",
			text:  "One.\nTwo.\nThree.\nFour.\nFive.\nOctober 2, 2014\nSix.",
		},
		{
			name:  "no title line: no date line after the first paragraph",
			in:    "The board voted on Wednesday to dredge the channel, a plan years in the making.\nOctober 2, 2014\nWork starts in spring.",
			title: "The board voted on Wednesday to dredge the channel, a plan years in the making",
			text:  "The board voted on Wednesday to dredge the channel, a plan years in the making.\nOctober 2, 2014\nWork starts in spring.",
		},
		{
			name:      "a date hint wins, the date line still leaves",
			in:        "Harbour board approves dredging plan\nOctober 2, 2014 at 9: 10 AM\nThe board voted on Wednesday.",
			hints:     Hints{Published: day("2014-10-01")},
			title:     "Harbour board approves dredging plan",
			published: "2014-10-01",
			text:      "The board voted on Wednesday.",
		},
		{
			name:      "a dated byline keeps its name",
			in:        "Harbour board approves dredging plan\nBy Jane Roe | October 2, 2014\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "By Jane Roe\nThe board voted on Wednesday.",
		},
		{
			name:      "a byline with an outlet and a labelled date",
			in:        "Harbour board approves dredging plan\nBy Jane Roe, Harbour Courier - Published 9:10 AM EDT, Thu October 2, 2014\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02T13:10:00Z",
			text:      "By Jane Roe, Harbour Courier\nThe board voted on Wednesday.",
		},
		{
			name:      "the date before the byline",
			in:        "Harbour board approves dredging plan\nOct. 2, 2014 · By JANE ROE and JOHN DOE\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "By JANE ROE and JOHN DOE\nThe board voted on Wednesday.",
		},
		{
			name:  "a sentence opening with by is not a byline",
			in:    "Harbour board approves dredging plan\nBy the evening, October 2, 2014\nThe board had voted.",
			title: "Harbour board approves dredging plan",
			text:  "By the evening, October 2, 2014\nThe board had voted.",
		},
		{
			name:      "a byline without a date, then the date line",
			in:        "Harbour board approves dredging plan\nBy Jane Roe\nOctober 2, 2014\nThe board voted on Wednesday.",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "By Jane Roe\nThe board voted on Wednesday.",
		},
		{
			name:      "russian labelled date line",
			in:        "Совет одобрил план углубления гавани\nОпубликовано: 2 октября 2014, 09:10 МСК\nОбновлено: 3 октября 2014, 12:00 МСК\nСовет проголосовал в среду.",
			title:     "Совет одобрил план углубления гавани",
			published: "2014-10-02T06:10:00Z",
			text:      "Совет проголосовал в среду.",
		},
		{
			name:      "date line and title only: the date line leaves, the line is text",
			in:        "October 2, 2014\nHarbour board approves dredging plan",
			title:     "Harbour board approves dredging plan",
			published: "2014-10-02",
			text:      "Harbour board approves dredging plan",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := checkText(t, tc.in, tc.hints, tc.title, tc.published)
			if a.Text != tc.text {
				t.Errorf("text = %q, want %q", a.Text, tc.text)
			}
			if a.Hash != Hash(a.Title, a.Text) {
				t.Errorf("hash %q, want Hash(title, text)", a.Hash)
			}
			if s, err := TextString(tc.in, tc.hints); err != nil || s.Title != a.Title || s.Text != a.Text || s.Published != a.Published {
				t.Errorf("TextString differs from Text: %+v %v", s, err)
			}
		})
	}
}

// TestTextHeadOnRealArticles reads the ECB+ articles whose text opens
// with a date line, as JSON input gives them (title, the first line, as a
// hint; no date). Every article whose first lines hold a date line the
// scanner reads must be dated with it, and its title must not be a date.
// It skips when the shared data is absent.
func TestTextHeadOnRealArticles(t *testing.T) {
	recs := readShared(t, "ecbplus/data.jsonl.gz")
	n, dated, undated := 0, 0, 0
	for _, r := range recs {
		head := strings.SplitN(r.Text, "\n", maxHeadLines+1)
		want := storyline.Published{}
		for _, l := range head[:min(len(head), 4)] {
			if dl := scanDateLine(l); dl.kind == lineDate && !dl.updated {
				want = dl.pub
				break
			}
		}
		a, err := TextUTF8(r.Text, Hints{Title: r.Title})
		if err != nil {
			continue
		}
		n++
		if scanDateLine(a.Title).kind == lineDate {
			t.Errorf("%s: title %q is a date line", r.ID, a.Title)
		}
		switch {
		case !a.Published.IsZero():
			dated++
		case !want.IsZero():
			undated++
			t.Errorf("%s: not dated, its head has %s", r.ID, want)
		}
	}
	t.Logf("ECB+: %d articles, %d dated from their text", n, dated)
	if n > 0 && dated < 150 {
		t.Errorf("%d articles dated, want at least 150 (of the 225 ecbplus ones most open with a date line)", dated)
	}
}

// sharedRecord is an article of a labelled set in ../shared/data.
type sharedRecord struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// readShared reads the articles of a labelled set (JSON Lines, gzipped
// when the name says so), skipping the test when the data is absent.
func readShared(t *testing.T, name string) []sharedRecord {
	t.Helper()
	f, err := os.Open("../../shared/data/" + name)
	if err != nil {
		t.Skipf("labelled data not available: %v", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatal(err)
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	var recs []sharedRecord
	for sc.Scan() {
		var rec sharedRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// FuzzTextHead: heads of any shape never panic, every line Text keeps
// comes from the input, and a date line's date is a valid day.
func FuzzTextHead(f *testing.F) {
	for _, s := range []string{
		"Posted: 04 / 02 / 07, 9: 00 PM PDT |\nTitle Of The Story\nBody text here.",
		"Harbour board approves plan\nBy Jane Roe | Oct 2, 2014\nBody.",
		"Oct. 2, 2014 · By JANE ROE\nBody.",
		"PUBLISHED: 23: 10 GMT, 21 October 2014 | UPDATED: 08: 01 GMT, 22 October 2014\n",
		"Updated 0812 GMT (1612 HKT) October 21, 2014\nx",
		"12:00 a. m. - + 99 / 99 / 99 | by",
	} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, hint string) {
		if !utf8.ValidString(s) || !utf8.ValidString(hint) {
			return
		}
		a, _ := TextString(s, Hints{Title: hint})
		for _, l := range strings.Split(a.Text, "\n") {
			if !strings.Contains(s, strings.TrimSpace(l)) {
				t.Fatalf("line %q is not in the input %q", l, s)
			}
		}
		if dl := scanDateLine(s); dl.kind == lineDate && dl.pub.IsZero() {
			t.Fatalf("scanDateLine(%q): a date line without a date", s)
		}
	})
}
