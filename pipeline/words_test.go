package pipeline

import (
	"cmp"
	"context"
	"maps"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/reading"
	"github.com/storyline-news/storyline/store/memory"
	"github.com/storyline-news/storyline/textproc"
)

// plainReader hides reading.Reader's ReadWords, so that the copy finder
// tokenizes each text itself.
type plainReader struct{ r *reading.Reader }

func (p plainReader) Read(ctx context.Context, a *storyline.Article) ([]storyline.Quote, error) {
	return p.r.Read(ctx, a)
}

// countingReader counts the articles whose words it handed on.
type countingReader struct {
	*reading.Reader
	handed *atomic.Int64
}

func (c countingReader) ReadWords(ctx context.Context, a *storyline.Article, use func([]textproc.Token, []textproc.Word)) ([]storyline.Quote, error) {
	return c.Reader.ReadWords(ctx, a, func(tokens []textproc.Token, words []textproc.Word) {
		if !slices.Equal(tokens, textproc.Tokenize(nil, a.Text)) {
			panic("tokens are not the tokens of the text: " + a.ID)
		}
		if !slices.Equal(words, textproc.ScanWords(nil, a.Text)) {
			panic("words are not the words of the text: " + a.ID)
		}
		c.handed.Add(1)
		use(tokens, words)
	})
}

// TestCopiesTakeReaderWords: when the Reader hands on the words it
// tokenized (WordReader), the copy finder prepares each article from
// its tokens instead of tokenizing the text again, and the clusterer
// from its words instead of scanning the text again, and they find the
// same copies and place every article as before; ingest's full finder
// and cluster's strong one alike.
func TestCopiesTakeReaderWords(t *testing.T) {
	ctx := context.Background()
	inputs := generated(t, 400, 5)
	configs := map[string]func(storyline.Store) Config{
		"Standard":   Standard,
		"Clustering": func(st storyline.Store) Config { return Clustering(st, ClusteringOptions{}) },
	}
	for name, config := range configs {
		t.Run(name, func(t *testing.T) {
			run := func(words bool) (map[string][2]string, []storyline.Copy, int) {
				st := memory.New(memory.Options{})
				cfg := config(st)
				r := cfg.Reader.(*reading.Reader)
				var handed atomic.Int64
				if words {
					cfg.Reader = countingReader{r, &handed}
				} else {
					cfg.Reader = plainReader{r}
				}
				p, err := New(ctx, cfg)
				if err != nil {
					t.Fatal(err)
				}
				var ids []string
				items := func(yield func(ingest.Item) bool) {
					for _, it := range ingest.ReadInputs(ctx, inputs, ingest.Options{}) {
						ids = append(ids, it.Article.ID)
						if !yield(it) {
							return
						}
					}
				}
				rep, err := p.Feed(ctx, items, FeedOptions{BatchSize: 64})
				if err != nil {
					t.Fatal(err)
				}
				if rep.Copies == 0 {
					t.Fatal("no copies found: the corpus tests nothing")
				}
				placed := map[string][2]string{}
				for _, id := range ids {
					as, err := st.Assignment(ctx, id)
					if err != nil {
						t.Fatalf("%s: %v", id, err)
					}
					placed[id] = [2]string{as.Event, as.Story}
				}
				copies, err := st.Copies(ctx, storyline.CopyFilter{})
				if err != nil {
					t.Fatal(err)
				}
				slices.SortFunc(copies, func(x, y storyline.Copy) int {
					return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
				})
				return placed, copies, int(handed.Load())
			}
			wantPlaced, wantCopies, _ := run(false)
			placed, copies, handed := run(true)
			if handed != len(wantPlaced) {
				t.Errorf("words handed on for %d of %d articles", handed, len(wantPlaced))
			}
			if !reflect.DeepEqual(copies, wantCopies) {
				t.Errorf("%d copies from the reader's words, %d from the finder's own", len(copies), len(wantCopies))
			}
			if !maps.Equal(placed, wantPlaced) {
				t.Error("articles placed otherwise from the reader's words")
			}
		})
	}
}
