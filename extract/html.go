package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/storyline-news/storyline"
)

// HTMLOptions tune HTML extraction. DefaultHTMLOptions is what HTML uses.
type HTMLOptions struct {
	// Focus trades precision for recall: trafilatura.Balanced,
	// FavorPrecision or FavorRecall.
	Focus trafilatura.ExtractionFocus
	// Fallback turns on trafilatura's comparison with readability and DOM
	// Distiller, which halves the speed and, on the article extraction
	// benchmark, does not improve F1.
	Fallback bool
	// NoDeduplicate keeps repeated text segments.
	NoDeduplicate bool
}

// DefaultHTMLOptions are the options that scored best on the article
// extraction benchmark: favour recall, no fallback extractors, deduplicate.
func DefaultHTMLOptions() HTMLOptions {
	return HTMLOptions{Focus: trafilatura.FavorRecall}
}

// HTML extracts one web page: main text, title, publication date, site name
// and canonical URL, through go-trafilatura (with go-htmldate for the
// date). pageURL, when not empty, is the address the page was fetched from;
// it resolves relative links and names the source.
func HTML(raw []byte, pageURL string) (storyline.Article, error) {
	return HTMLHints(raw, Hints{URL: pageURL}, DefaultHTMLOptions())
}

// HTMLHints is HTML with what the container knew about the page: hints
// override what the page says about itself (title, date, source, id,
// language), and h.URL is the page's address.
func HTMLHints(raw []byte, h Hints, o HTMLOptions) (storyline.Article, error) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return storyline.Article{}, fmt.Errorf("extract html: parse: %w", err)
	}
	opts := trafilatura.Options{
		EnableFallback:  o.Fallback,
		Focus:           o.Focus,
		ExcludeComments: true,
		Deduplicate:     !o.NoDeduplicate,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(strings.TrimSpace(h.URL)); err == nil && u.Scheme != "" && u.Host != "" {
		opts.OriginalURL = u
	}
	// The date first, on the untouched document: htmldate does not modify
	// it, trafilatura does.
	dateOpts := htmldate.Options{
		ExtractTime:     true,
		UseOriginalDate: true,
		URL:             h.URL,
	}
	date, dateErr := htmldate.FromDocument(doc, dateOpts)

	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return storyline.Article{}, fmt.Errorf("extract html: %w", err)
	}
	a := storyline.Article{
		ID:     h.ID,
		Title:  cleanLine(res.Metadata.Title),
		URL:    res.Metadata.URL,
		Lang:   h.Lang,
		Text:   tidyText(res.ContentText),
		Raw:    raw,
		Format: "html",
	}
	if a.URL == "" {
		a.URL = h.URL
	} else if opts.OriginalURL != nil {
		// A relative canonical link resolves against the page address.
		if u, err := opts.OriginalURL.Parse(a.URL); err == nil {
			a.URL = u.String()
		}
	}
	switch {
	case !h.Published.IsZero():
		a.Published = h.Published
	case dateErr == nil && !date.DateTime.IsZero():
		if date.HasTime && date.HasTimezone {
			a.Published = storyline.Instant(date.DateTime)
		} else {
			a.Published = storyline.Day(date.DateTime)
		}
	case !res.Metadata.Date.IsZero():
		a.Published = storyline.Day(res.Metadata.Date)
	}
	if a.Lang == "" {
		a.Lang = baseLang(res.Metadata.Language)
	}
	if h.Title != "" {
		a.Title = cleanLine(h.Title)
	}
	if a.Title == "" {
		a.Title = TitleFromText(a.Text)
	}
	a.Source = sourceOf(h.Source, h.URL, a.URL, res.Metadata.Sitename)
	a.Hash = Hash(a.Title, a.Text)
	return a, nil
}

// baseLang reduces a language tag such as "en-US" or "en_GB" to its base
// subtag in lower case.
func baseLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	return tag
}
