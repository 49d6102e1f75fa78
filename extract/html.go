package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
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
	// ExcludeTables drops the content of <table> elements.
	ExcludeTables bool
	// PruneSelector is a CSS selector of elements removed before
	// extraction.
	PruneSelector string
	// KeepTitle keeps a first line that repeats the title; by default it
	// is dropped from the text.
	KeepTitle bool
}

// DefaultHTMLOptions are the options that scored best on the article
// extraction benchmark: favour recall, no fallback extractors, deduplicate.
func DefaultHTMLOptions() HTMLOptions {
	return HTMLOptions{Focus: trafilatura.FavorRecall}
}

// HTML extracts one web page: main text, title, publication date, site name
// and canonical URL, through go-trafilatura (with go-htmldate for the
// date). pageURL, when not empty, is the address the page was fetched from;
// it resolves relative links and names the source. As for Text, the
// article's Ahead carries the split of the text made for its hash.
func HTML(raw []byte, pageURL string) (storyline.Article, error) {
	return HTMLHints(raw, Hints{URL: pageURL}, DefaultHTMLOptions())
}

// HTMLHints is HTML with what the container knew about the page: hints
// override what the page says about itself (title, date, source, id,
// language), and h.URL is the page's address.
func HTMLHints(raw []byte, h Hints, o HTMLOptions) (a storyline.Article, err error) {
	// A malformed page must never stop an ingest: a panic inside the
	// extraction libraries becomes this page's error.
	defer func() {
		if p := recover(); p != nil {
			a, err = storyline.Article{}, fmt.Errorf("extract html: internal error: %v", p)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(toUTF8(raw)))
	if err != nil {
		return storyline.Article{}, fmt.Errorf("extract html: parse: %w", err)
	}
	opts := trafilatura.Options{
		EnableFallback:  o.Fallback,
		Focus:           o.Focus,
		ExcludeComments: true,
		Deduplicate:     !o.NoDeduplicate,
		ExcludeTables:   o.ExcludeTables,
		PruneSelector:   o.PruneSelector,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(strings.TrimSpace(h.URL)); err == nil && u.Scheme != "" && u.Host != "" {
		opts.OriginalURL = u
	}
	// The date first, on the untouched document (htmldate leaves it as it
	// is, trafilatura does not): the fast search (metadata, JSON-LD, URL,
	// common patterns), then, only when it finds nothing, the extensive
	// one, which parses dates in free text in many languages and costs
	// about a fifth of the extraction time.
	dateOpts := htmldate.Options{
		ExtractTime:         true,
		UseOriginalDate:     true,
		URL:                 h.URL,
		SkipExtensiveSearch: true,
	}
	date, dateErr := htmldate.FromDocument(doc, dateOpts)
	if dateErr != nil || date.DateTime.IsZero() {
		dateOpts.SkipExtensiveSearch = false
		date, dateErr = htmldate.FromDocument(doc, dateOpts)
	}

	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return storyline.Article{}, fmt.Errorf("extract html: %w", err)
	}
	a = storyline.Article{
		ID:     h.ID,
		Title:  cleanLine(res.Metadata.Title),
		URL:    res.Metadata.URL,
		Lang:   h.Lang,
		Text:   contentText(res),
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
	// Date lines atop the text ("Published 18 November 2019") are the
	// page's metadata, not its text: they leave it, and date a page
	// whose markup did not.
	if hd := readHead(a.Text, "", false); len(hd.body) != len(a.Text) {
		a.Text = tidyLines(hd.body)
		if a.Published.IsZero() {
			a.Published = hd.pub
		}
	}
	if a.Lang == "" {
		a.Lang = BaseLang(res.Metadata.Language)
	}
	a.Title = stripSiteName(a.Title, res.Metadata.Sitename, Host(h.URL), Host(a.URL))
	if h.Title != "" && titleDate(h.Title).kind == notDateLine {
		// A title hint that is only a date is not the title (see Text).
		a.Title = cleanLine(h.Title)
	}
	if !o.KeepTitle && a.Title != "" {
		a.Text = dropFirstIf(a.Text, a.Title)
	}
	if a.Title == "" {
		a.Title = TitleFromText(a.Text)
	}
	a.Source = sourceOf(h.Source, h.URL, a.URL, res.Metadata.Sitename)
	setHash(&a)
	if a.Text == "" || textproc.Normalize(a.Text) == textproc.Normalize(a.Title) {
		// A page whose only text is its headline has no article.
		return a, ErrEmpty
	}
	return a, nil
}

// titleSeparators split a page title from the site name pages append.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// stripSiteName removes a trailing " | Site Name" (or " - ", " – ", ...)
// from a page title when the part after the separator is the site name or
// spells the site's host ("Al Bawaba" on albawaba.com).
func stripSiteName(title, siteName string, hosts ...string) string {
	cut := -1
	sepLen := 0
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > cut {
			cut, sepLen = i, len(sep)
		}
	}
	if cut <= 0 {
		return title
	}
	suffix := title[cut+sepLen:]
	squash := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	sq := squash(suffix)
	if len(sq) < 3 || utf8.RuneCountInString(suffix) > 60 {
		return title
	}
	match := squash(siteName) == sq
	for _, h := range hosts {
		label := squash(strings.Split(h, ".")[0])
		if len(h) > 0 && len(label) >= 3 && (strings.HasPrefix(label, sq) || strings.HasPrefix(sq, label)) {
			match = true
		}
	}
	if !match {
		return title
	}
	return strings.TrimSpace(title[:cut])
}

// contentText renders trafilatura's content tree as text with one
// paragraph per block element, falling back to its flat text.
func contentText(res *trafilatura.ExtractResult) string {
	if res.ContentNode != nil {
		var b strings.Builder
		if err := html.Render(&b, res.ContentNode); err == nil {
			return FragmentText(b.String())
		}
	}
	return tidyText(res.ContentText)
}

// dropFirstIf removes the first paragraph of text when it repeats s, the
// page's headline, which extraction keeps as a heading. A text of one
// paragraph is kept whole. (Dropping a standfirst that repeats the page's
// description was tried: precision up, recall down, F1 unchanged on the
// article extraction benchmark, so the standfirst stays.)
func dropFirstIf(text, s string) string {
	first, rest, ok := strings.Cut(text, "\n")
	rest = strings.TrimLeft(rest, "\n")
	if !ok || rest == "" || textproc.Normalize(first) != textproc.Normalize(s) {
		return text
	}
	return rest
}

// toUTF8 decodes a page in a legacy character set (declared in a meta tag
// or sniffed) to UTF-8; pages that are valid UTF-8 are returned as they
// are, whatever they declare.
func toUTF8(raw []byte) []byte {
	if utf8.Valid(raw) {
		return raw
	}
	enc, name, _ := charset.DetermineEncoding(raw, "")
	if name == "utf-8" || enc == nil {
		return raw
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw
	}
	return out
}

// blockTags end a line when FragmentText meets them.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"tr": true, "section": true, "article": true, "figcaption": true,
	"ul": true, "ol": true, "table": true, "pre": true, "hr": true,
}

// paragraphs makes each line of s a paragraph with its white space
// collapsed.
func paragraphs(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	return tidyText(strings.Join(lines, "\n\n"))
}

// cellTags are separated by a space in FragmentText.
var cellTags = map[string]bool{"td": true, "th": true, "dd": true, "dt": true}

// FragmentText turns a small HTML fragment, such as a feed item's content
// or description, into text: tags dropped, entities decoded, script and
// style skipped, one paragraph per block element. Fragments carry no page
// boilerplate, so no main-content extraction is needed; plain text passes
// through unchanged except for white space.
func FragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return paragraphs(fragment)
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return paragraphs(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				skip++
			case blockTags[tag]:
				b.WriteByte('\n')
			case cellTags[tag]:
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				if skip > 0 {
					skip--
				}
			case blockTags[tag]:
				b.WriteByte('\n')
			}
		}
	}
}

// BaseLang reduces a language tag such as "en-US" or "en_GB" to its base
// subtag in lower case.
func BaseLang(tag string) string {
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
