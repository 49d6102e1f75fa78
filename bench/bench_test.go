package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/pipeline"
)

// allStages is the pipeline the CLI runs.
func allStages(st storyline.Store) pipeline.Config { return pipeline.Standard(st) }

func checkUnit(t *testing.T, name string, v float64) {
	t.Helper()
	if v < 0 || v > 1 || v != v {
		t.Errorf("%s = %v, want within [0, 1]", name, v)
	}
}

func checkSane(t *testing.T, r Result, want int) {
	t.Helper()
	if r.Articles != want || r.Skipped != 0 {
		t.Errorf("articles %d, skipped %d; want %d, 0", r.Articles, r.Skipped, want)
	}
	if r.Counts.Added != want {
		t.Errorf("added %d, want %d", r.Counts.Added, want)
	}
	if r.Seconds <= 0 || r.ArticlesPerSec <= 0 {
		t.Errorf("seconds %v, rate %v: want positive", r.Seconds, r.ArticlesPerSec)
	}
	for _, s := range []string{StageIngest, pipeline.StageClean, pipeline.StageRead, pipeline.StageCopies, pipeline.StageCluster, pipeline.StageStore} {
		if f, ok := r.Stages[s]; !ok || f.Seconds <= 0 {
			t.Errorf("stage %s: %+v, want a positive time", s, f)
		}
	}
	if r.PeakRSSBytes <= 0 && filepath.Separator == '/' {
		t.Logf("peak RSS unknown on this system")
	}
	q := r.Quality
	if q.Evaluated != want {
		t.Errorf("evaluated %d, want %d", q.Evaluated, want)
	}
	for name, v := range map[string]float64{
		"events P": q.Events.PairwiseP, "events R": q.Events.PairwiseR, "events F1": q.Events.PairwiseF1,
		"events B3 F1": q.Events.BCubedF1, "stories B3 F1": q.Stories.BCubedF1, "stories F1": q.Stories.PairwiseF1,
		"copies P": q.Copies.P, "copies R": q.Copies.R, "copy kinds": q.Copies.KindAccuracy,
		"quotes P": q.Quotes.P, "quotes R": q.Quotes.R, "speakers": q.Quotes.SpeakerAccuracy,
	} {
		checkUnit(t, name, v)
	}
	if q.Events.Gold == 0 || q.Copies.Gold == 0 || q.Quotes.Gold == 0 {
		t.Errorf("no ground truth collected: %d events, %d copy pairs, %d quotes", q.Events.Gold, q.Copies.Gold, q.Quotes.Gold)
	}
	// Floors below what the whole pipeline reaches on this stream (seed 3,
	// 300 articles: events B-cubed recall 0.92, copies recall 0.86, quotes
	// found 0.98 with speaker accuracy 0.66), so that a broken stage or a
	// broken evaluation fails. Precision is not floored here: with the
	// copy finder of 23 Nov the generator's shared filler sentences make
	// most articles partial copies and the events collapse (B-cubed P
	// 0.03); TestRunClusterOnly floors events without copies.
	if q.Events.BCubedR < 0.5 {
		t.Errorf("events B-cubed R %.3f, want at least 0.5", q.Events.BCubedR)
	}
	if q.Copies.R < 0.5 {
		t.Errorf("copies R %.3f, want at least 0.5", q.Copies.R)
	}
	// Direct quotes are found; most reported speech in the stream has no
	// "that" ("X, 54, a nurse, said the aid never came"), which the quote
	// extractor mostly misses, so only direct recall is held high.
	if d := q.Quotes.ByKind["direct"]; d.R < 0.5 || q.Quotes.SpeakerAccuracy < 0.4 || q.Quotes.R < 0.1 {
		t.Errorf("quotes R %.3f (direct %.3f), speaker accuracy %.3f, want at least 0.1 (0.5) and 0.4",
			q.Quotes.R, d.R, q.Quotes.SpeakerAccuracy)
	}
}

// TestRunClusterOnly floors the events found with every stage but the
// copy finder.
func TestRunClusterOnly(t *testing.T) {
	noCopies := func(st storyline.Store) pipeline.Config {
		c := allStages(st)
		c.Copies = nil
		return c
	}
	r, err := Run(context.Background(), Options{Articles: 300, Seed: 3, Store: "memory"}, noCopies)
	if err != nil {
		t.Fatal(err)
	}
	// Measured 0.82 at 1,000 articles (seed 3).
	if e := r.Quality.Events; e.BCubedF1 < 0.6 || e.PairwiseF1 <= 0 {
		t.Errorf("events without copies: B-cubed F1 %.3f, pairwise F1 %.3f; want at least 0.6 and positive", e.BCubedF1, e.PairwiseF1)
	}
	if r.Quality.Copies.Predicted != 0 {
		t.Errorf("%d copies found with no copy finder", r.Quality.Copies.Predicted)
	}
}

func TestRunGenerated(t *testing.T) {
	const n = 300
	r, err := Run(context.Background(), Options{Articles: n, Seed: 3, Store: "memory", BatchSize: 64}, allStages)
	if err != nil {
		t.Fatal(err)
	}
	checkSane(t, r, n)
	var buf bytes.Buffer
	if err := WriteTable(&buf, r); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", buf.String())
	line, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(line, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"articles", "seconds", "articles_per_sec", "peak_rss_bytes", "stages", "quality"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON has no %q: %s", k, line)
		}
	}
}

// TestRunFile runs a file through SQLite, sampling every second article,
// and checks that the sample is what is evaluated.
func TestRunFile(t *testing.T) {
	if testing.Short() {
		t.Skip("short: SQLite run skipped")
	}
	const n = 200
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if _, err := gen.WriteFile(context.Background(), path, gen.Options{Articles: n, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), Options{In: path, EvalMax: n / 2}, allStages)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != n || r.Store != "sqlite" {
		t.Errorf("articles %d store %s, want %d sqlite", r.Articles, r.Store, n)
	}
	if q := r.Quality; !q.Sampled || q.SampleEvery != 2 || q.Evaluated != n/2 {
		t.Errorf("sample: sampled %v every %d evaluated %d; want every 2nd, %d", q.Sampled, q.SampleEvery, q.Evaluated, n/2)
	}
	if r.Quality.Events.BCubedR < 0.5 {
		t.Errorf("events B-cubed R %.3f on the sample, want at least 0.5", r.Quality.Events.BCubedR)
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"nothing", Options{}},
		{"missing file", Options{In: filepath.Join(os.TempDir(), "no-such-bench-input.jsonl")}},
		{"bad store", Options{Articles: 10, Store: "paper"}},
	}
	for _, tc := range tests {
		if _, err := Run(context.Background(), tc.opts, allStages); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// BenchmarkRun runs 200 generated articles through every stage into the
// memory store; articles/s is the end-to-end rate, quality included.
func BenchmarkRun(b *testing.B) {
	const n = 200
	var articles int
	var secs float64
	for b.Loop() {
		r, err := Run(context.Background(), Options{Articles: n, Seed: 7, Store: "memory"}, allStages)
		if err != nil {
			b.Fatal(err)
		}
		articles += r.Articles
		secs += r.Seconds
	}
	b.ReportMetric(float64(articles)/secs, "articles/s")
}
