package cluster

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// TestNearRole checks the screen in front of spokesPerson: a mention
// has a word of spokesRoles within spokesWindow words before or after it
// exactly when nearRole says so (a search of the words tells), and
// spokesPerson never holds for a mention nearRole passes over.
func TestNearRole(t *testing.T) {
	vocab := []string{"Kremlin", "spokesman", "Dmitry", "Peskov", "said", "the", "of", "press",
		"secretary", "Anna", "Berg", "talks", "would", "go", "on", "representative", "Пресс-секретарь",
		"Песков", "заявил", "ministry's", "spokeswoman", "for", "and"}
	seps := []string{" ", " ", " ", ", ", ". "}
	c := New(Options{})
	wc := c.feat.en
	r := rand.New(rand.NewPCG(5, 6))
	for range 400 {
		var b strings.Builder
		n := 1 + r.IntN(30)
		for i := range n {
			b.WriteString(vocab[r.IntN(len(vocab))])
			if i < n-1 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
		}
		text := b.String()
		s := &scratch{text: textproc.ScanWords(nil, text)}
		for i, w := range s.text {
			if wc.info(w.Raw(text)).role {
				s.roles = append(s.roles, i)
			}
		}
		// every span of one to three words is a mention
		for i := range s.text {
			for j := i; j < min(i+3, len(s.text)); j++ {
				m := storyline.Mention{Start: int(s.text[i].Start), End: int(s.text[j].End)}
				want := false
				for k, w := range s.text {
					role := spokesRoles[strings.ToLower(w.Raw(text))]
					if role && (k < i && k >= i-spokesWindow || k > j && k <= j+spokesWindow) {
						want = true
					}
				}
				if got := s.nearRole(m); got != want {
					t.Fatalf("nearRole(%q, words %d-%d) = %v, want %v", text, i, j, got, want)
				}
				if !want && spokesPerson(text, s.text, m) {
					t.Fatalf("spokesPerson(%q, words %d-%d) holds without a role word near", text, i, j)
				}
			}
		}
	}
}

// TestActiveSets checks that the active sets sweep reads hold the
// clusters of Clusterer.events and stories, each at its place, through
// a stream that merges and evicts.
func TestActiveSets(t *testing.T) {
	c := New(Options{EventWindow: 5 * 24 * time.Hour, StoryWindow: 10 * 24 * time.Hour, EventIdle: 300, StoryIdle: 600})
	for i, a := range synthStream(3000, 11) {
		if _, _, err := c.Assign(t.Context(), a, nil); err != nil {
			t.Fatal(err)
		}
		if i%500 != 499 {
			continue
		}
		for _, lv := range []struct {
			set *activeSet
			m   map[string]*node
		}{{&c.activeEvents, c.events}, {&c.activeStories, c.stories}} {
			if len(lv.set.nodes) != len(lv.m) || len(lv.set.ends) != len(lv.m) {
				t.Fatalf("after %d articles: %d nodes in the set, %d in the map", i+1, len(lv.set.nodes), len(lv.m))
			}
			for k, n := range lv.set.nodes {
				e := lv.set.ends[k]
				if lv.m[n.id] != n || int(n.active) != k+1 || e.arrival != n.lastArrival || e.set == n.last.IsZero() ||
					e.set && !time.Unix(e.sec, int64(e.nsec)).Equal(n.last) {
					t.Fatalf("after %d articles: node %s at %d (active %d) is not the map's or its end is stale", i+1, n.id, k, n.active)
				}
			}
		}
	}
	if c.nextEvent == len(c.events) {
		t.Fatal("nothing was merged or evicted: the stream tests nothing")
	}
}
