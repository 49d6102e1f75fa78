package reading

import (
	"context"
	"reflect"
	"sync"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
)

// TestReadConcurrent reads a stretch of the synthetic stream with one
// Reader from several goroutines, whose documents come from and go back
// to one pool, and checks that every article reads as it does alone.
func TestReadConcurrent(t *testing.T) {
	var arts []storyline.Article
	for a := range gen.New(gen.Options{Articles: 300, Seed: 11}).All() {
		arts = append(arts, storyline.Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: storyline.Published{Time: a.Published}})
	}
	ctx := context.Background()
	type read struct {
		a      storyline.Article
		quotes []storyline.Quote
	}
	readAll := func(r *Reader, workers int) []read {
		out := make([]read, len(arts))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(arts); i += workers {
					a := arts[i]
					qs, err := r.Read(ctx, &a)
					if err != nil {
						t.Error(err)
						return
					}
					out[i] = read{a, qs}
				}
			})
		}
		wg.Wait()
		return out
	}
	// one registry with names committed, so that surnames join, and no
	// commit while the articles are read
	reg := New(Options{})
	readAll(reg, 1)
	reg.Pending()
	want := readAll(reg, 1)
	got := readAll(reg, 4)
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("article %s read concurrently differs:\n got %+v\nwant %+v", arts[i].ID, got[i].a.Entities, want[i].a.Entities)
		}
	}
}
