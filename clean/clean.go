// Package clean removes boilerplate from article text: generic site
// furniture that one article shows alone (ad-blocker pleas, "Read also:"
// blocks, "Source link" footers, disclaimers, photo credits, share and
// subscribe lines) and lines that repeat across many articles of one
// outlet, learned as the store grows. The raw input is never touched.
package clean

import (
	"context"
	"fmt"
	"sync"

	"github.com/storyline-news/storyline"
)

// Options tune a Cleaner. Zero fields take the defaults.
type Options struct {
	// MinArticles is how many distinct articles of one outlet must carry
	// a line before it is learned as that outlet's boilerplate (default 3).
	MinArticles int
	// MaxTracked caps the lines counted per outlet; the least seen are
	// forgotten first (default 4096).
	MaxTracked int
	// MaxLineRunes is the longest line that can be learned (default 600).
	MaxLineRunes int
	// RecentArticles is how many of an outlet's latest articles the
	// Cleaner remembers the lines of, to name them (Stale) when one of
	// their lines is learned (default 512).
	RecentArticles int
	// SharedLines is how many distinct recent lines the Cleaner remembers
	// the outlets of (in two generations of up to this many), to tell an
	// outlet's own repeated lines, its boilerplate, from syndicated lines
	// several outlets carry, which are content (default 1<<19).
	SharedLines int
	// NoState makes Pending and Flush return nothing: for a run whose
	// store keeps no state (storyline cluster), which would encode every
	// counted outlet's table each batch only for the store to drop it.
	// What the Cleaner learns and removes is the same.
	NoState bool
}

func (o Options) withDefaults() Options {
	if o.MinArticles <= 0 {
		o.MinArticles = 3
	}
	if o.MaxTracked <= 0 {
		o.MaxTracked = 4096
	}
	if o.MaxLineRunes <= 0 {
		o.MaxLineRunes = 600
	}
	if o.RecentArticles <= 0 {
		o.RecentArticles = 512
	}
	if o.SharedLines <= 0 {
		o.SharedLines = 1 << 19
	}
	return o
}

// Cleaner removes boilerplate lines. It implements storyline.Cleaner and
// storyline.Stateful; it is safe for concurrent use.
type Cleaner struct {
	opts Options

	mu      sync.Mutex
	outlets map[string]*outlet
	pending map[string]int  // outlets whose state changed since Pending: articles learned, or saveNow
	changed map[string]bool // outlets whose learned set grew since Stale
	cross   *crossOutlet    // which outlets carried the lines seen lately

	work sync.Pool // *work, the scratch space of Clean
}

// New returns a Cleaner with no learned lines.
func New(opts Options) *Cleaner {
	opts = opts.withDefaults()
	return &Cleaner{
		opts:    opts,
		outlets: make(map[string]*outlet),
		pending: make(map[string]int),
		changed: make(map[string]bool),
		cross:   newCrossOutlet(opts.SharedLines),
	}
}

// Clean learns the article's lines for its outlet, then removes generic
// and learned boilerplate from a.Text. Raw is kept. The lines Prepare
// made of a.Text ahead of it (a.Ahead) are read rather than made again,
// and dropped from the article.
func (c *Cleaner) Clean(ctx context.Context, a *storyline.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("clean %s: %w", a.ID, err)
	}
	lines, ok := takeLines(a)
	if !ok && len(a.Text) > maxSplit {
		return nil // too long to split: left as it is
	}
	w := c.getWork()
	defer c.work.Put(w)
	if !ok {
		lines = w.split(a.Text)
	}
	if a.Source != "" {
		c.learn(a.Source, a.ID, a.Hash, lines, w)
	}
	a.Text = c.clean(a.Source, a.Text, lines, w)
	return nil
}

// Reclean removes boilerplate from a.Text without learning from it: it is
// for re-cleaning an earlier article of an outlet after Stale named it. a.Text may be the extracted text or the stored clean text: the
// learned set only grows, so cleaning clean text again removes just the
// newly learned lines.
func (c *Cleaner) Reclean(ctx context.Context, a *storyline.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reclean %s: %w", a.ID, err)
	}
	a.Text = c.CleanText(a.Source, a.Text)
	return nil
}

// CleanText returns text without generic and the outlet's learned
// boilerplate, learning nothing.
func (c *Cleaner) CleanText(source, text string) string {
	if len(text) > maxSplit {
		return text // too long to split: left as it is
	}
	w := c.getWork()
	defer c.work.Put(w)
	return c.clean(source, text, w.split(text), w)
}

// clean applies the generic rules and the outlet's learned lines to the
// lines of text. It returns text itself when it keeps it as it is.
func (c *Cleaner) clean(source, text string, lines []line, w *work) string {
	for i := range lines {
		lines[i].learned, lines[i].keep = false, false
	}
	c.mu.Lock()
	if o := c.outlets[source]; o != nil {
		min := uint32(c.opts.MinArticles)
		for i := range lines {
			l := &lines[i]
			l.learned = l.key != 0 && o.counts.get(l.key) >= min && !c.cross.shared(l.key)
		}
	}
	c.mu.Unlock()
	allLearned := true
	nonEmpty := 0
	for _, l := range lines {
		if !l.empty() {
			nonEmpty++
			if !l.learned {
				allLearned = false
			}
		}
	}
	if allLearned {
		// the outlet repeats this whole text: it is content, not furniture
		for i := range lines {
			lines[i].learned = false
		}
	}

	seen := 0
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.empty() {
			l.keep = true
			continue
		}
		seen++
		if l.learned {
			continue
		}
		switch l.kind {
		case keep:
			l.keep = true
		case drop:
		case dropWithNext:
			j := i + 1
			for j < len(lines) && lines[j].empty() {
				j++
			}
			if j < len(lines) && lines[j].words <= shortLine && lines[j].kind == keep {
				i = j
			}
		case dropRest:
			if 2*seen > nonEmpty {
				i = len(lines)
			}
		}
	}
	// Most articles lose lines at either end only, or none: the clean
	// text is then a stretch of the text, which it shares, found without
	// writing it out.
	if first, end, stretch, _ := joinKept(nil, text, lines, false); stretch {
		return text[first:end]
	}
	_, _, _, w.out = joinKept(w.out[:0], text, lines, true)
	return string(w.out)
}

// joinKept joins the lines of text that clean keeps: each without its
// trailing white space, one line end between two, and a blank line where
// blank lines (or lines of white space) stood between them; lines of
// white space at either end go. When write is set, it appends the result
// to b. It reports whether the result is text[first:end], the same bytes
// as they stand in the text (the empty result is text[0:0]).
//
// It reads the text only to write it: the lines know their ends without
// trailing white space (split), and whether what stands between two kept
// lines is the separator is told by its length. One byte between the end
// of a line and the start of the next kept one is the "\n" that ends it:
// trailing white space, a "\r" or a line between would make more. Two
// bytes, where a blank line stood between, are the two "\n" of an empty
// line; a dropped line, not blank, makes more.
func joinKept(b []byte, text string, lines []line, write bool) (first, end int, stretch bool, _ []byte) {
	first, stretch = -1, true
	blank := false
	for i := range lines {
		l := &lines[i]
		if !l.keep {
			continue
		}
		if l.end == l.start {
			blank = first >= 0
			continue
		}
		sep := 0 // "\n\n"[:sep] goes before the line
		if first >= 0 {
			sep = 1
			if blank {
				sep = 2
			}
		}
		blank = false
		switch start := int(l.start); {
		case first < 0:
			first = start
		case stretch && start-end != sep:
			stretch = false
		}
		end = int(l.end)
		if write {
			b = append(b, "\n\n"[:sep]...)
			b = append(b, l.textIn(text)...)
		}
	}
	if first < 0 {
		first, end = 0, 0
	}
	return first, end, stretch, b
}
