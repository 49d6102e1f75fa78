package cluster

import (
	"testing"

	"github.com/storyline-news/storyline"
)

// spokesArticle is an undated article whose persons the reader found.
func spokesArticle(id, title, text string, persons ...string) *storyline.Article {
	return &storyline.Article{ID: id, Lang: "en", Title: title, Text: text,
		Entities: personsOf(text, persons...)}
}

// permutations calls f with every order of 0..n-1.
func permutations(n int, f func([]int)) {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	var rec func(k int)
	rec = func(k int) {
		if k == n {
			f(p)
			return
		}
		for i := k; i < n; i++ {
			p[k], p[i] = p[i], p[k]
			rec(k + 1)
			p[k], p[i] = p[i], p[k]
		}
	}
	rec(0)
}

// TestSpokespersonOrPrincipalAnyOrder: undated reports of one statement,
// three led by the spokesman and one by the minister he speaks for
// (naming the spokesman once, at its end), make one event in every
// arrival order (spokesHead), where the minister's report, first,
// founded an event the spokesman's reports did not join.
func TestSpokespersonOrPrincipalAnyOrder(t *testing.T) {
	arts := []*storyline.Article{
		spokesArticle("a", "Ministry spokesman Tomas Berglund: ferry tender to be reopened",
			"Transport ministry spokesman Tomas Berglund said on Thursday that the ministry will reopen the tender for the Skarholm ferry line after the only bidder withdrew. Berglund said a new call for bids would be published within two weeks. The island's council has warned that the current contract ends in March.",
			"Tomas Berglund"),
		spokesArticle("b", "Skarholm ferry tender reopens, Berglund says",
			"The tender for the Skarholm ferry line will be reopened, transport ministry spokesman Tomas Berglund told reporters on Thursday. Berglund said bids would be invited again within two weeks, after the only bidder pulled out. The current contract runs out in March.",
			"Tomas Berglund"),
		spokesArticle("c", "Berglund: new bids sought for island ferry",
			"The ministry is seeking new bids for the Skarholm ferry line, spokesman Tomas Berglund said on Thursday, after the sole bidder withdrew. According to Berglund, the call will be published within two weeks. The island council fears a gap when the contract ends in March.",
			"Tomas Berglund"),
		spokesArticle("d", "Transport Minister Ilse Marend orders new ferry tender",
			"Transport Minister Ilse Marend has ordered the tender for the Skarholm ferry line to be reopened after the only bidder withdrew, the ministry said on Thursday. Marend wants new bids invited within two weeks, before the current contract ends in March. Spokesman Tomas Berglund announced the decision.",
			"Ilse Marend", "Tomas Berglund"),
	}
	split := 0
	permutations(len(arts), func(p []int) {
		c := New(Options{})
		events := map[string]bool{}
		var order string
		for _, i := range p {
			as, merges := assign(t, c, arts[i])
			order += arts[i].ID
			events[as.Event] = true
			for _, m := range merges {
				if m.Level == "event" {
					delete(events, m.From)
				}
			}
		}
		if len(events) != 1 {
			split++
			t.Errorf("order %s: %d events, want one", order, len(events))
		}
	})
	if split > 0 {
		t.Logf("split in %d of 24 orders", split)
	}
}

func TestSpokesHead(t *testing.T) {
	event := spokesArticle("e", "Transport Minister Ilse Marend orders new ferry tender",
		"Transport Minister Ilse Marend has ordered the tender for the Skarholm ferry line to be reopened after the only bidder withdrew, the ministry said on Thursday. Marend wants new bids invited within two weeks. Spokesman Tomas Berglund announced the decision.",
		"Ilse Marend", "Tomas Berglund")
	tests := []struct {
		name, title, text string
		persons           []string
		want              bool
	}{
		{"led by the spokesman of the event's minister",
			"Ministry spokesman Tomas Berglund: ferry tender to be reopened",
			"Transport ministry spokesman Tomas Berglund said on Thursday that the ministry will reopen the tender for the Skarholm ferry line. Berglund said a new call would follow within two weeks.",
			[]string{"Tomas Berglund"}, true},
		{"led by somebody else, no spokesperson",
			"Harbour master Tomas Berglund: ferry tender to be reopened",
			"Harbour master Tomas Berglund said on Thursday that the port will reopen the tender for the Skarholm ferry line. Berglund said a new call would follow within two weeks.",
			[]string{"Tomas Berglund"}, false},
		{"led by another spokesman and another person",
			"Spokesman Ruben Lall and Mayor Edda Holm on ferry tender",
			"City spokesman Ruben Lall said on Thursday that Mayor Edda Holm will reopen the tender for the Skarholm ferry line. Holm and Lall spoke to reporters after the meeting.",
			[]string{"Ruben Lall", "Edda Holm"}, false},
		{"about the spokesman himself, who does not speak in it",
			"Ministry spokesman Tomas Berglund fired",
			"Transport ministry spokesman Tomas Berglund was dismissed on Thursday after leaked messages showed he had misled reporters about the Skarholm ferry line tender. Berglund declined to comment.",
			[]string{"Tomas Berglund"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			as, _ := assign(t, c, event)
			n := c.events[as.Event]
			f := c.Prepare(spokesArticle("x", tt.title, tt.text, tt.persons...))
			var prot []string
			for _, id := range f.protagonists {
				prot = append(prot, c.lex.term(id))
			}
			if got := c.sameProtagonists(f, f.protagonists, n); got != tt.want {
				t.Errorf("sameProtagonists = %v, want %v (protagonists %v, spokes %v)", got, tt.want, prot, f.spokes)
			}
		})
	}
}
