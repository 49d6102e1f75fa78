package bench

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
)

// Quality is how the run's output compares with the ground truth.
type Quality struct {
	// Evaluated is the number of articles evaluated: all of them, or every
	// SampleEvery-th one in stream order when the stream is larger than
	// Options.EvalMax.
	Evaluated   int  `json:"evaluated"`
	SampleEvery int  `json:"sample_every"`
	Sampled     bool `json:"sampled"`
	// Events and Stories score the store's assignments of the evaluated
	// articles against the true events and stories.
	Events  ClusterScore `json:"events"`
	Stories ClusterScore `json:"stories"`
	// Copies scores the stored copy pairs that involve an evaluated
	// article against the true pairs that do. Pairs of two copies of one
	// original where one is partial are not judged (see truth.goldPairs);
	// CopiesUnjudged counts the stored ones left out for that reason.
	Copies         CopyScore `json:"copies"`
	CopiesUnjudged int       `json:"copies_unjudged"`
	// Quotes scores the stored quotes of the evaluated articles.
	Quotes QuoteScore `json:"quotes"`
}

// CopyScore is PairScore overall and for each kind of copy, the kind
// counting (a predicted pair of the kind against the true pairs of it).
type CopyScore struct {
	PairScore
	ByKind map[string]PairScore `json:"by_kind"`
	// KindAccuracy is the share of true pairs found whose kind is right.
	KindAccuracy float64 `json:"kind_accuracy"`
}

// QuoteScore compares the stored quotes with the true ones. A true quote is
// found when a stored quote of the same article shares at least half of its
// words (the larger share wins); each stored quote is matched once.
type QuoteScore struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`
	P         float64 `json:"p"`
	R         float64 `json:"r"`
	F1        float64 `json:"f1"`
	// SpeakerAccuracy is the share of found quotes whose speaker is right:
	// the same name, or one that contains the true name's last word.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// SpeakerRecall is the share of true quotes found with the right
	// speaker.
	SpeakerRecall float64 `json:"speaker_recall"`
	// ByKind is the recall of true direct and of true indirect quotes
	// (quotes whose truth gives no kind count as direct).
	ByKind map[string]KindRecall `json:"by_kind"`
}

// KindRecall is how many true quotes of one kind there are and how many
// were found.
type KindRecall struct {
	Gold    int     `json:"gold"`
	Matched int     `json:"matched"`
	R       float64 `json:"r"`
}

// evaluate reads the store's output for the sampled articles and scores it.
func evaluate(ctx context.Context, st storyline.Store, t *truth) (Quality, error) {
	q := Quality{SampleEvery: t.every, Sampled: t.every > 1}
	goldEv, goldSt := map[string]string{}, map[string]string{}
	predEv, predSt := map[string]string{}, map[string]string{}
	labels := make([]string, len(t.labels))
	for s, n := range t.labels {
		labels[n] = s
	}
	groups, copyOf := t.copyGroups()
	var goldPairs, predPairs []kindPair
	seenGold := map[Pair]bool{}
	seenPred := map[Pair]bool{}
	var qs QuoteScore
	var speakerOK int
	byKind := map[string]*KindRecall{string(storyline.Direct): {}, string(storyline.Indirect): {}}
	for i := int32(0); int(i) < len(t.ids); i += int32(t.every) {
		if err := ctx.Err(); err != nil {
			return q, fmt.Errorf("bench: evaluate: %w", err)
		}
		id := t.ids[i]
		q.Evaluated++
		if t.event[i] >= 0 {
			goldEv[id] = labels[t.event[i]]
		}
		if t.story[i] >= 0 {
			goldSt[id] = labels[t.story[i]]
		}
		as, err := st.Assignment(ctx, id)
		switch {
		case err == nil:
			predEv[id], predSt[id] = as.Event, as.Story
		case !errors.Is(err, storyline.ErrNotFound):
			return q, fmt.Errorf("bench: evaluate: %w", err)
		}
		for _, p := range t.goldPairs(i, groups, copyOf) {
			if !seenGold[p.Pair] {
				seenGold[p.Pair] = true
				goldPairs = append(goldPairs, p)
			}
		}
		cs, err := st.Copies(ctx, storyline.CopyFilter{Article: id})
		if err != nil {
			return q, fmt.Errorf("bench: evaluate: %w", err)
		}
		for _, c := range cs {
			p := Pair{c.A, c.B}.Ordered()
			if seenPred[p] {
				continue
			}
			seenPred[p] = true
			if t.unjudged(p.A, p.B, copyOf) {
				q.CopiesUnjudged++
				continue
			}
			predPairs = append(predPairs, kindPair{p, string(c.Kind)})
		}
		gold, err := t.quotes.get(i)
		if err != nil {
			return q, err
		}
		pred, err := st.Quotes(ctx, storyline.QuoteFilter{Article: id})
		if err != nil {
			return q, fmt.Errorf("bench: evaluate: %w", err)
		}
		matched, right := matchQuotes(gold, pred, byKind)
		qs.Gold += len(gold)
		qs.Predicted += len(pred)
		qs.Matched += matched
		speakerOK += right
	}
	q.Events = ScoreClusters(goldEv, predEv)
	q.Stories = ScoreClusters(goldSt, predSt)
	q.Copies = scoreCopies(goldPairs, predPairs)
	if qs.Predicted > 0 {
		qs.P = float64(qs.Matched) / float64(qs.Predicted)
	}
	if qs.Gold > 0 {
		qs.R = float64(qs.Matched) / float64(qs.Gold)
		qs.SpeakerRecall = float64(speakerOK) / float64(qs.Gold)
	}
	if qs.Matched > 0 {
		qs.SpeakerAccuracy = float64(speakerOK) / float64(qs.Matched)
	}
	qs.F1 = f1(qs.P, qs.R)
	qs.ByKind = map[string]KindRecall{}
	for k, kr := range byKind {
		if kr.Gold > 0 {
			kr.R = float64(kr.Matched) / float64(kr.Gold)
		}
		qs.ByKind[k] = *kr
	}
	q.Quotes = qs
	return q, nil
}

// scoreCopies scores pairs overall and kind by kind.
func scoreCopies(gold, pred []kindPair) CopyScore {
	var s CopyScore
	plain := func(ps []kindPair, kind string) []Pair {
		var out []Pair
		for _, p := range ps {
			if kind == "" || p.Kind == kind {
				out = append(out, p.Pair)
			}
		}
		return out
	}
	s.PairScore = ScorePairs(plain(gold, ""), plain(pred, ""))
	s.ByKind = map[string]PairScore{}
	for _, k := range []storyline.CopyKind{storyline.Duplicate, storyline.NearDuplicate, storyline.Partial} {
		s.ByKind[string(k)] = ScorePairs(plain(gold, string(k)), plain(pred, string(k)))
	}
	predKind := make(map[Pair]string, len(pred))
	for _, p := range pred {
		predKind[p.Pair] = p.Kind
	}
	var found, right int
	for _, g := range gold {
		if k, ok := predKind[g.Pair]; ok {
			found++
			if k == g.Kind {
				right++
			}
		}
	}
	if found > 0 {
		s.KindAccuracy = float64(right) / float64(found)
	}
	return s
}

// matchQuotes matches true quotes to stored ones by shared words and
// returns how many were found and how many of those have the right
// speaker; byKind, when not nil, counts true and found quotes by kind.
func matchQuotes(gold []truthQuote, pred []storyline.Quote, byKind map[string]*KindRecall) (matched, right int) {
	kindOf := func(g truthQuote) *KindRecall {
		k := g.Kind
		if k != string(storyline.Indirect) {
			k = string(storyline.Direct)
		}
		if byKind == nil {
			return &KindRecall{}
		}
		return byKind[k]
	}
	for _, g := range gold {
		kindOf(g).Gold++
	}
	if len(gold) == 0 || len(pred) == 0 {
		return 0, 0
	}
	predWords := make([]map[string]bool, len(pred))
	for k, p := range pred {
		predWords[k] = wordSet(p.Text)
	}
	used := make([]bool, len(pred))
	for _, g := range gold {
		gw := wordSet(g.Text)
		if len(gw) == 0 {
			continue
		}
		best, bestShare := -1, 0.5
		for k, pw := range predWords {
			if used[k] || len(pw) == 0 {
				continue
			}
			shared := 0
			for w := range gw {
				if pw[w] {
					shared++
				}
			}
			// The share of the larger of the two quotes: a stored quote
			// that is half of the true one, or twice it, still matches.
			share := float64(shared) / float64(max(len(gw), len(pw)))
			if share >= bestShare {
				best, bestShare = k, share
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		matched++
		kindOf(g).Matched++
		if sameSpeaker(g.Speaker, pred[best].Speaker) {
			right++
		}
	}
	return matched, right
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[strings.ReplaceAll(w, "ё", "е")] = true
	}
	return out
}

// sameSpeaker reports whether a predicted speaker names the true one: the
// same name, or one containing the true name's last word.
func sameSpeaker(gold, pred string) bool {
	g := strings.Fields(strings.ReplaceAll(strings.ToLower(gold), "ё", "е"))
	p := strings.ReplaceAll(strings.ToLower(pred), "ё", "е")
	if len(g) == 0 || p == "" {
		return false
	}
	for _, w := range strings.Fields(p) {
		if w == g[len(g)-1] {
			return true
		}
	}
	return false
}
