package bench

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/storyline-news/storyline/pipeline"
)

// stageOrder is the order stages run in; others follow by name.
var stageOrder = []string{StageIngest, "lookup", pipeline.StageClean, pipeline.StageRead, pipeline.StageCopies,
	pipeline.StageCluster, pipeline.StageQuotes, pipeline.StageReclean, pipeline.StageStore}

// WriteTable writes r for a person: stages, end to end, memory, quality.
func WriteTable(w io.Writer, r Result) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "input: %s; store: %s; %d CPUs; load average %.1f → %.1f\n", r.Input, r.Store, r.CPUs, r.LoadAvg[0], r.LoadAvg[1])
	fmt.Fprintln(tw, "stage\tseconds\tarticles/s\tshare\t")
	names := make([]string, 0, len(r.Stages))
	for n := range r.Stages {
		names = append(names, n)
	}
	rank := func(n string) int {
		if i := slices.Index(stageOrder, n); i >= 0 {
			return i
		}
		return len(stageOrder)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
	})
	for _, n := range names {
		s := r.Stages[n]
		share := 0.0
		if r.Seconds > 0 {
			share = 100 * s.Seconds / r.Seconds
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.0f\t%.0f%%\t\n", n, s.Seconds, s.ArticlesPerSec, share)
	}
	fmt.Fprintf(tw, "end to end\t%.2f\t%.0f\t\t\n", r.Seconds, r.ArticlesPerSec)
	fmt.Fprintf(tw, "CPU time\t%.2f\t%.2f ms/article\t%.0f%%\t\n", r.CPUSeconds, r.CPUMsPerArticle, 100*r.CPUSeconds/max(r.Seconds, 1e-9)/float64(max(r.CPUs, 1)))
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("bench: write table: %w", err)
	}
	fmt.Fprintf(w, "articles: %d (%d skipped); peak RSS %.0f MiB (pipeline %.0f MiB)\n",
		r.Articles, r.Skipped, mib(r.PeakRSSBytes), mib(r.PipelinePeakRSSBytes))
	if len(r.Curve) > 1 {
		fmt.Fprint(w, "throughput along the stream (articles: articles/s):")
		for _, c := range r.Curve {
			fmt.Fprintf(w, " %d: %.0f", c.Articles, c.ArticlesPerSec)
		}
		fmt.Fprintln(w)
	}
	q := r.Quality
	if q.Sampled {
		fmt.Fprintf(w, "quality on a sample: every %d-th article, %d articles (%.1fs)\n", q.SampleEvery, q.Evaluated, r.EvalSeconds)
	} else {
		fmt.Fprintf(w, "quality on all %d articles (%.1fs)\n", q.Evaluated, r.EvalSeconds)
	}
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tP\tR\tF1\tB3 P\tB3 R\tB3 F1\tpredicted\tgold\t")
	for _, c := range []struct {
		name string
		s    ClusterScore
	}{{"events", q.Events}, {"stories", q.Stories}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", c.name, c.s.PairwiseP, c.s.PairwiseR, c.s.PairwiseF1,
			c.s.BCubedP, c.s.BCubedR, c.s.BCubedF1, c.s.Predicted, c.s.Gold)
	}
	c := q.Copies
	fmt.Fprintf(tw, "copies\t%.3f\t%.3f\t%.3f\t\t\t\t%d\t%d\t\n", c.P, c.R, c.F1, c.Predicted, c.Gold)
	for _, k := range []string{"duplicate", "near_duplicate", "partial"} {
		s := c.ByKind[k]
		fmt.Fprintf(tw, "  %s\t%.3f\t%.3f\t%.3f\t\t\t\t%d\t%d\t\n", k, s.P, s.R, s.F1, s.Predicted, s.Gold)
	}
	fmt.Fprintf(tw, "quotes\t%.3f\t%.3f\t%.3f\t\t\t\t%d\t%d\t\n", q.Quotes.P, q.Quotes.R, q.Quotes.F1, q.Quotes.Predicted, q.Quotes.Gold)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("bench: write table: %w", err)
	}
	d, in := q.Quotes.ByKind["direct"], q.Quotes.ByKind["indirect"]
	_, err := fmt.Fprintf(w, "quotes found: direct %d of %d (R %.3f), indirect %d of %d (R %.3f)\n"+
		"copy kind accuracy %.3f; quote speaker accuracy %.3f (of found quotes), %.3f (of all true quotes)\n"+
		"copies: two copies of one original are a true pair when neither is partial; %d found pairs of a partial copy and another copy of its original are not judged\n",
		d.Matched, d.Gold, d.R, in.Matched, in.Gold, in.R,
		c.KindAccuracy, q.Quotes.SpeakerAccuracy, q.Quotes.SpeakerRecall, q.CopiesUnjudged)
	if err != nil {
		return fmt.Errorf("bench: write table: %w", err)
	}
	return nil
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }
