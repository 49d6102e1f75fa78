package cluster

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// reorder puts cs in the arrival order STORYLINE_SHUFFLE names (a seed;
// none keeps the captured order), each copy going with the later of its
// articles, as a copy finder fed in that order reports it
// (STORYLINE_STALE_COPIES=1 keeps them where captured).
func reorder(cs []capturedArticle) {
	seed, err := strconv.ParseUint(os.Getenv("STORYLINE_SHUFFLE"), 10, 64)
	if err != nil {
		return
	}
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	if os.Getenv("STORYLINE_STALE_COPIES") == "" {
		reattachCopies(cs)
	}
}

// analysisSet returns the one captured set an error-analysis tool
// replays (STORYLINE_REPLAY=DIR, the first of STORYLINE_REPLAY_SETS or
// ecbplus), in the order reorder gives, and skips t unless both
// STORYLINE_REPLAY and the tool's own variable are set.
func analysisSet(t *testing.T, tool string) []capturedArticle {
	dir := os.Getenv("STORYLINE_REPLAY")
	if dir == "" || os.Getenv(tool) == "" {
		t.Skipf("set STORYLINE_REPLAY=DIR and %s=1", tool)
	}
	set, _, _ := strings.Cut(os.Getenv("STORYLINE_REPLAY_SETS"), ",")
	if set == "" {
		set = "ecbplus"
	}
	cs := readCaptured(t, filepath.Join(dir, set+".jsonl"))
	reorder(cs)
	return cs
}

// reattachCopies gives each copy of a capture to whichever of its two
// articles arrives later in cs, as a copy finder fed in that order would
// report it: a capture lists a copy with the later article of the order
// it was captured in, and a shuffled replay that kept it there would
// drop every copy whose articles swapped places (the clusterer ignores a
// copy of an article it has not seen).
func reattachCopies(cs []capturedArticle) {
	pos := make(map[string]int, len(cs))
	for i := range cs {
		pos[cs[i].Article.ID] = i
	}
	var all []storyline.Copy
	for i := range cs {
		all = append(all, cs[i].Copies...)
		cs[i].Copies = nil
	}
	for _, cp := range all {
		a, okA := pos[cp.A]
		b, okB := pos[cp.B]
		if !okA || !okB {
			continue
		}
		later := max(a, b)
		cs[later].Copies = append(cs[later].Copies, cp)
	}
}

func TestReattachCopies(t *testing.T) {
	cs := []capturedArticle{
		{Article: storyline.Article{ID: "b"}},
		{Article: storyline.Article{ID: "a"}, Copies: []storyline.Copy{{A: "a", B: "b"}}},
		{Article: storyline.Article{ID: "c"}, Copies: []storyline.Copy{{A: "c", B: "a"}}},
	}
	// shuffled: c, a, b
	cs[0], cs[2] = cs[2], cs[0]
	reattachCopies(cs)
	want := map[string]int{"c": 0, "a": 1, "b": 1}
	for _, c := range cs {
		if got := len(c.Copies); got != want[c.Article.ID] {
			t.Errorf("%s: %d copies, want %d", c.Article.ID, got, want[c.Article.ID])
		}
	}
	if cs[1].Copies[0].B != "a" || cs[2].Copies[0].A != "a" {
		t.Errorf("copies not with the later article: %+v", cs)
	}
}
