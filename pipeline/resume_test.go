package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/reading"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/textproc"
)

// failingReader is the standard reader failing on one article.
type failingReader struct {
	*reading.Reader
	failOn string
}

func (r failingReader) Read(ctx context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	if a.ID == r.failOn {
		return nil, errors.New("disk gone")
	}
	return r.Reader.Read(ctx, a)
}

// ReadWords fails as Read does: the pipeline calls it in place of Read
// when it hands the words on to the copy finder.
func (r failingReader) ReadWords(ctx context.Context, a *storyline.Article, use func([]textproc.Token, []textproc.Word)) ([]storyline.Quote, error) {
	if a.ID == r.failOn {
		return nil, errors.New("disk gone")
	}
	return r.Reader.ReadWords(ctx, a, use)
}

// TestResumeAfterFailure: a run that fails partway and is resumed by a
// new pipeline over the same store places every article as a run that
// never failed, however far the stages got with the failed batches: the
// stages restore from the store exactly the state they committed.
//
// Two things a resumed clusterer does not restore, by design, may move
// an article on longer streams: the candidate index, rebuilt from the
// centroids without the postings a running clusterer keeps under terms
// its centroids pruned since (found on 3,000 articles, resumed at 700:
// 2 events of 1,196), and, past 2,000 articles, the document frequencies
// counted since they were last saved (every tenth of growth). Neither
// happens on this stream.
func TestResumeAfterFailure(t *testing.T) {
	ctx := context.Background()
	const n = 600
	inputs := generated(t, n, 3)
	var ids []string
	items := func(yield func(ingest.Item) bool) {
		for _, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{}) {
			if !yield(it) {
				return
			}
		}
	}
	for it := range items {
		ids = append(ids, it.Article.ID)
	}
	// events returns the articles' events as sets of ids, the ids of the
	// events themselves aside.
	events := func(st storyline.Store) []string {
		members := map[string][]string{}
		for _, id := range ids {
			as, err := st.Assignment(ctx, id)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			members[as.Event] = append(members[as.Event], id)
		}
		var out []string
		for _, m := range members {
			out = append(out, strings.Join(m, " "))
		}
		slices.Sort(out)
		return out
	}
	feed := func(st storyline.Store, failOn string) error {
		cfg := Standard(st)
		if failOn != "" {
			cfg.Reader = failingReader{cfg.Reader.(*reading.Reader), failOn}
		}
		p, err := New(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.Feed(ctx, items, FeedOptions{BatchSize: 64})
		return err
	}
	clean := memory.New(memory.Options{})
	if err := feed(clean, ""); err != nil {
		t.Fatal(err)
	}
	want := events(clean)
	if len(want) < n/10 || len(want) > n*9/10 {
		t.Fatalf("%d events for %d articles: not clustered", len(want), n)
	}
	for _, at := range []int{1, 64 + 1, 3*64 + 1, 5*64 + 40, 7*64 + 5, 9*64 + 3} {
		t.Run(fmt.Sprint("fail at ", at), func(t *testing.T) {
			st := memory.New(memory.Options{})
			if err := feed(st, ids[at]); err == nil {
				t.Fatal("a failing reader failed nothing")
			}
			if err := feed(st, ""); err != nil {
				t.Fatal(err)
			}
			got := events(st)
			if !slices.Equal(got, want) {
				diff := 0
				for _, e := range got {
					if _, ok := slices.BinarySearch(want, e); !ok {
						diff++
					}
				}
				t.Errorf("resumed after a failure at article %d: %d of %d events differ from a run that never failed", at, diff, len(got))
			}
		})
	}
}
