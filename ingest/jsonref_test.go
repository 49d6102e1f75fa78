package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/extract"
)

// This file keeps the JSON article reading as it was before the one-pass
// decoder (encoding/json into a record, extract.Text on a copy), so that
// tests can check the new path gives the same items.

// refWrapperRE is the wrapper test emitValue used to make.
var refWrapperRE = regexp.MustCompile(`"(articles|items|data|results|documents|docs|entries|posts)"\s*:\s*\[`)

// refJSONArticle is the former jsonArticle: it turns one JSON value into an Item.
func refJSONArticle(raw []byte, origin string) Item {
	skip := func(why string) Item { return Item{Skip: &Skip{Origin: origin, Reason: why}} }
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return skip("malformed JSON: want an object")
	}
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return skip(fmt.Sprintf("malformed JSON: %v", err))
	}
	id, err := str(rec.ID)
	if err != nil {
		return skip(fmt.Sprintf("malformed JSON: field \"id\": %v", err))
	}
	h := extract.Hints{
		ID: strings.TrimSpace(id), Title: rec.Title, URL: strings.TrimSpace(rec.URL),
		Source: rec.Source, Lang: strings.TrimSpace(rec.Lang),
	}
	date, err := str(rec.Date)
	if err == nil && date == "" {
		date, err = str(rec.Published)
	}
	if err != nil {
		return skip(fmt.Sprintf("malformed JSON: date: %v", err))
	}
	if date != "" {
		if p, ok := extract.ParseDate(date); ok {
			h.Published = p
		}
	}
	line := bytes.Clone(raw)
	var it Item
	switch {
	case strings.TrimSpace(rec.HTML) != "":
		a, err := extract.HTMLHints([]byte(rec.HTML), h, extract.DefaultHTMLOptions())
		it = article(a, err, origin)
	case strings.TrimSpace(rec.Text) != "":
		a, err := extract.Text([]byte(rec.Text), h)
		it = article(a, err, origin)
	default:
		return skip("empty article: no text or html")
	}
	if it.Skip == nil {
		it.Article.Raw = line
		it.Article.Format = "json"
	}
	return it
}
