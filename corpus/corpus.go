package corpus

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"github.com/storyline-news/storyline"
)

//go:embed articles
var articles embed.FS

//go:embed truth.json
var truthJSON []byte

// FS returns the corpus files: one .txt or .html file per article, named by
// the article id, and dailycourier.example/feed.jsonl holding several articles, one
// JSON object per line.
func FS() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		// fs.Sub fails only on an invalid directory name, a constant here.
		panic(fmt.Sprintf("corpus: %v", err))
	}
	return sub
}

// GroundTruth is everything known about the corpus.
type GroundTruth struct {
	Articles []Article `json:"articles"`
	Events   []Event   `json:"events"`
	Stories  []Story   `json:"stories"`
	// Copies lists each copy against the article it was made from. Pairs
	// between two copies of the same original are implied; CopyPairs lists
	// them all.
	Copies []Copy `json:"copies"`
}

// Article is the truth about one article.
type Article struct {
	ID string `json:"id"`
	// File is the file in FS that holds the article.
	File string `json:"file"`
	// Format is "text", "html" or "json".
	Format string `json:"format"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Lang   string `json:"lang"`
	// Title is the headline as published; the input may not carry it.
	Title string `json:"title"`
	// Published is the publication time the input states (YYYY-MM-DD or RFC
	// 3339), empty when the input states none.
	Published string `json:"published"`
	// Day is the day the article was really published, YYYY-MM-DD.
	Day    string  `json:"day"`
	Event  string  `json:"event"`
	Story  string  `json:"story"`
	Quotes []Quote `json:"quotes"`
	// Boilerplate lists the lines the outlet wrapped the reporting in
	// ("Read also: …", "Source link", photo credits, subscribe pleas): what
	// a cleaner should remove. HTML page chrome (menus, cookie banners,
	// footers) is not listed; extraction should never let it in.
	Boilerplate []string `json:"boilerplate"`
}

// Quote is one thing the article says somebody said. Text is the quoted
// content exactly as it appears in the article, without quotation marks; a
// quote broken by its attribution is two Quotes. Speaker is the name as the
// article gives it (a Russian article names people in Cyrillic), or a role
// when the article names nobody ("union official").
type Quote struct {
	Text    string              `json:"text"`
	Speaker string              `json:"speaker"`
	Kind    storyline.QuoteKind `json:"kind"`
}

// Event is one happening and the story it belongs to.
type Event struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	Title string `json:"title"`
	// Day is when it happened, YYYY-MM-DD.
	Day string `json:"day"`
}

// Story is a developing thread of events, in the order they happened.
type Story struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Events []string `json:"events"`
}

// Copy says that Copy was made from Original.
type Copy struct {
	Original string             `json:"original"`
	Copy     string             `json:"copy"`
	Kind     storyline.CopyKind `json:"kind"`
}

// Truth returns the ground truth of the corpus. It panics if the embedded
// truth is malformed, which the package tests rule out.
func Truth() GroundTruth {
	var t GroundTruth
	if err := json.Unmarshal(truthJSON, &t); err != nil {
		panic(fmt.Sprintf("corpus: truth.json: %v", err))
	}
	return t
}

// Article returns the truth about the article with the given id.
func (t GroundTruth) Article(id string) (Article, bool) {
	for _, a := range t.Articles {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}

// CopyPairs returns every pair of articles that share text: each copy with
// its original, and each two copies of the same original. Two duplicates of
// one original are duplicates of each other; a pair involving a partial copy
// is partial; any other pair is a near-duplicate. Pairs are ordered by
// Original, then Copy; within a pair of copies Original is the smaller id.
func (t GroundTruth) CopyPairs() []Copy {
	byOrig := map[string][]Copy{}
	var origs []string
	for _, c := range t.Copies {
		if _, ok := byOrig[c.Original]; !ok {
			origs = append(origs, c.Original)
		}
		byOrig[c.Original] = append(byOrig[c.Original], c)
	}
	var out []Copy
	for _, o := range origs {
		cs := byOrig[o]
		out = append(out, cs...)
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				a, b := cs[i], cs[j]
				if b.Copy < a.Copy {
					a, b = b, a
				}
				out = append(out, Copy{Original: a.Copy, Copy: b.Copy, Kind: combine(a.Kind, b.Kind)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Original != out[j].Original {
			return out[i].Original < out[j].Original
		}
		return out[i].Copy < out[j].Copy
	})
	return out
}

func combine(a, b storyline.CopyKind) storyline.CopyKind {
	switch {
	case a == storyline.Partial || b == storyline.Partial:
		return storyline.Partial
	case a == storyline.Duplicate && b == storyline.Duplicate:
		return storyline.Duplicate
	default:
		return storyline.NearDuplicate
	}
}

// WriteClusters writes one JSON line {"id", "cluster", "story"} per article,
// cluster being the event: the gold file ../shared/tools/score_clusters.py
// reads.
func (t GroundTruth) WriteClusters(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, a := range t.Articles {
		line := struct {
			ID      string `json:"id"`
			Cluster string `json:"cluster"`
			Story   string `json:"story"`
		}{a.ID, a.Event, a.Story}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("corpus: write clusters: %w", err)
		}
	}
	return nil
}

// WritePairs writes one JSON line {"a", "b", "kind"} per pair of CopyPairs:
// the gold file ../shared/tools/score_dups.py reads.
func (t GroundTruth) WritePairs(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, c := range t.CopyPairs() {
		line := struct {
			A    string             `json:"a"`
			B    string             `json:"b"`
			Kind storyline.CopyKind `json:"kind"`
		}{c.Original, c.Copy, c.Kind}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("corpus: write pairs: %w", err)
		}
	}
	return nil
}
