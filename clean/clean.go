// Package clean removes boilerplate from article text: generic site
// furniture that one article shows alone (ad-blocker pleas, "Read also:"
// blocks, "Source link" footers, disclaimers, photo credits, share and
// subscribe lines) and lines that repeat across many articles of one
// outlet, learned as the store grows. The raw input is never touched.
package clean

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
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
// and learned boilerplate from a.Text. Raw is kept.
func (c *Cleaner) Clean(ctx context.Context, a *storyline.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("clean %s: %w", a.ID, err)
	}
	lines := splitLines(a.Text)
	if a.Source != "" {
		c.learn(a.Source, a.ID, a.Hash, lines)
	}
	a.Text = c.clean(a.Source, lines)
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
	a.Text = c.clean(a.Source, splitLines(a.Text))
	return nil
}

// CleanText returns text without generic and the outlet's learned
// boilerplate, learning nothing.
func (c *Cleaner) CleanText(source, text string) string {
	return c.clean(source, splitLines(text))
}

// line is one line of text with its normalized form and learning key.
type line struct {
	text  string
	norm  string
	words int
	key   uint64
}

func splitLines(text string) []line {
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	out := make([]line, len(raw))
	for i, r := range raw {
		n := textproc.Normalize(r)
		out[i] = line{text: r, norm: n, words: wordCount(n)}
		if n != "" && !numeric(n) {
			out[i].key = lineKey(n)
		}
	}
	return out
}

// wordCount counts the words of a normalized line, whose words are
// separated by single spaces with none leading or trailing.
func wordCount(norm string) int {
	if norm == "" {
		return 0
	}
	return strings.Count(norm, " ") + 1
}

// numeric reports whether a quarter or more of a line's non-space
// characters are digits ("9:05 p.m.", "2,383"): such lines (live-blog
// times, tallies) differ by their digits only and are never learned.
func numeric(norm string) bool {
	digits, all := 0, 0
	for _, r := range norm {
		if r == ' ' {
			continue
		}
		all++
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return 4*digits >= all
}

// lineKey hashes a normalized line with digits folded to '0', so that
// "Published 12:30" and "Published 09:15" count as one line.
func lineKey(norm string) uint64 {
	b := []byte(norm)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return xxh3.Hash(b)
}

// clean applies the generic rules and the outlet's learned lines.
func (c *Cleaner) clean(source string, lines []line) string {
	learned := make([]bool, len(lines))
	c.mu.Lock()
	if o := c.outlets[source]; o != nil {
		min := uint32(c.opts.MinArticles)
		for i, l := range lines {
			learned[i] = l.key != 0 && o.counts[l.key] >= min && !c.cross.shared(l.key)
		}
	}
	c.mu.Unlock()
	allLearned := true
	for i, l := range lines {
		if l.norm != "" && !learned[i] {
			allLearned = false
		}
	}
	if allLearned {
		// the outlet repeats this whole text: it is content, not furniture
		clear(learned)
	}

	keepLine := make([]bool, len(lines))
	nonEmpty := 0
	for _, l := range lines {
		if l.norm != "" {
			nonEmpty++
		}
	}
	seen := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.norm == "" {
			keepLine[i] = true
			continue
		}
		seen++
		if learned[i] {
			continue
		}
		switch classify(l.norm, l.words) {
		case keep:
			keepLine[i] = true
		case drop:
		case dropWithNext:
			j := i + 1
			for j < len(lines) && lines[j].norm == "" {
				j++
			}
			if j < len(lines) && lines[j].words <= shortLine && classify(lines[j].norm, lines[j].words) == keep {
				i = j
			}
		case dropRest:
			if 2*seen > nonEmpty {
				i = len(lines)
			}
		}
	}
	var b strings.Builder
	blank := false
	for i, l := range lines {
		if !keepLine[i] {
			continue
		}
		t := strings.TrimRightFunc(l.text, unicode.IsSpace)
		if strings.TrimSpace(t) == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(t)
	}
	return b.String()
}
