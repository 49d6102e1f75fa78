package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
)

// readFeed yields one article per item of an RSS or Atom feed. An item's
// content (else its description) is HTML, turned into text; its GUID is
// the article id (else a content hash), its link the URL.
func readFeed(ctx context.Context, data []byte, origin string, opts Options, yield func(Item) bool) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		yield(Item{Skip: &Skip{Origin: origin, Reason: fmt.Sprintf("malformed feed: %v", err)}})
		return
	}
	lang := feed.Language
	for i, item := range feed.Items {
		if ctx.Err() != nil {
			return
		}
		o := fmt.Sprintf("%s:#%d", origin, i+1)
		body := item.Content
		if strings.TrimSpace(body) == "" {
			body = item.Description
		}
		h := extract.Hints{
			ID:    strings.TrimSpace(item.GUID),
			Title: extract.FragmentText(item.Title),
			URL:   strings.TrimSpace(item.Link),
			Lang:  extract.BaseLang(lang),
		}
		switch {
		case item.PublishedParsed != nil:
			h.Published = storyline.Instant(*item.PublishedParsed)
		case item.UpdatedParsed != nil:
			h.Published = storyline.Instant(*item.UpdatedParsed)
		}
		if int64(len(body)) > opts.maxSize() {
			if !yield(Item{Skip: &Skip{Origin: o, Reason: "item over the size limit"}}) {
				return
			}
			continue
		}
		feedTitle := strings.TrimSpace(feed.Title)
		it := deferred(func() Item {
			text := extract.FragmentText(body)
			if strings.TrimSpace(text) == "" {
				return Item{Skip: &Skip{Origin: o, Reason: "empty article"}}
			}
			a, err := extract.Text([]byte(text), h)
			if err == nil && a.Source == "" {
				a.Source = feedTitle
			}
			it := article(a, err, o)
			if it.Skip == nil {
				it.Article.Raw = []byte(body)
				it.Article.Format = "feed"
			}
			return it
		})
		if !yield(it) {
			return
		}
	}
}
