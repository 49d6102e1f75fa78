package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/story"
)

// Paging limits of the listings.
const (
	defaultStoryLimit = 20
	maxStoryLimit     = 100
	defaultQuoteLimit = 100
	maxQuoteLimit     = 1000
	// maxCopyLookups caps the articles of one story whose copies are read.
	maxCopyLookups = 500
)

// StoryItem is one story of a listing.
type StoryItem struct {
	ID             string              `json:"id"`
	Title          string              `json:"title"`
	FirstPublished storyline.Published `json:"first_published"`
	LastPublished  storyline.Published `json:"last_published"`
	Articles       int                 `json:"articles"`
	Events         int                 `json:"events"`
	// EventTitles are the titles of the story's latest events, newest
	// first, at most three.
	EventTitles []string `json:"event_titles,omitempty"`
}

// StoryList is a page of stories.
type StoryList struct {
	Stories []StoryItem `json:"stories"`
	Limit   int         `json:"limit"`
	Offset  int         `json:"offset"`
	// NextOffset is the offset of the next page, absent on the last.
	NextOffset *int `json:"next_offset,omitempty"`
}

// ArticleView is an article with what later stages found about it.
type ArticleView struct {
	storyline.Article
	Story  string            `json:"story,omitempty"`
	Event  string            `json:"event,omitempty"`
	Why    *storyline.Why    `json:"why,omitempty"`
	Quotes []storyline.Quote `json:"quotes"`
	Copies []storyline.Copy  `json:"copies"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to do
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, apiError{Error: fmt.Sprintf(format, args...)})
}

// badRequest is an error in a request's parameters.
type badRequest struct{ msg string }

// Error returns the message shown to the client.
func (e badRequest) Error() string { return e.msg }

// storeError answers a failed store read: 404 for ErrNotFound, 400 for a
// bad parameter, 500 otherwise.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	var br badRequest
	switch {
	case errors.As(err, &br):
		writeError(w, http.StatusBadRequest, "%s", br.msg)
	case errors.Is(err, storyline.ErrNotFound):
		writeError(w, http.StatusNotFound, "%s not found", what)
	case errors.Is(err, context.Canceled):
		// the client went away
	default:
		s.log.Error("store read", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "reading %s failed", what)
	}
}

// storyFilter reads the listing parameters of /api/stories and /.
func storyFilter(q url.Values) (storyline.StoryFilter, error) {
	f := storyline.StoryFilter{
		Query:  strings.TrimSpace(q.Get("q")),
		Source: strings.TrimSpace(q.Get("source")),
		Entity: strings.TrimSpace(q.Get("entity")),
		Lang:   strings.TrimSpace(q.Get("lang")),
	}
	var err error
	if f.Since, err = dateParam(q, "since"); err != nil {
		return f, err
	}
	if f.Until, err = dateParam(q, "until"); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(q, "limit", defaultStoryLimit, 1, maxStoryLimit); err != nil {
		return f, err
	}
	if f.Offset, err = intParam(q, "offset", 0, 0, 1<<30); err != nil {
		return f, err
	}
	return f, nil
}

// dateParam parses a YYYY-MM-DD or RFC 3339 parameter. An until date
// without a time means the whole day.
func dateParam(q url.Values, name string) (storyline.Published, error) {
	v := strings.TrimSpace(q.Get(name))
	p, err := storyline.ParsePublished(v)
	if err != nil {
		return p, badRequest{fmt.Sprintf("%s: want YYYY-MM-DD or RFC 3339, got %q", name, v)}
	}
	if name == "until" && !p.IsZero() && !p.HasTime {
		p = storyline.Instant(p.Time.Add(24*time.Hour - time.Second))
	}
	return p, nil
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest{fmt.Sprintf("%s: want an integer from %d to %d, got %q", name, lo, hi, v)}
	}
	return n, nil
}

// listStories reads one page of stories.
func (s *Server) listStories(ctx context.Context, f storyline.StoryFilter) (StoryList, error) {
	limit := f.Limit
	f.Limit = limit + 1 // one more tells whether a next page exists
	stories, err := s.cfg.Store.Stories(ctx, f)
	if err != nil {
		return StoryList{}, fmt.Errorf("list stories: %w", err)
	}
	list := StoryList{Stories: make([]StoryItem, 0, min(len(stories), limit)), Limit: limit, Offset: f.Offset}
	if len(stories) > limit {
		stories = stories[:limit]
		next := f.Offset + limit
		list.NextOffset = &next
	}
	for _, st := range stories {
		item := StoryItem{
			ID: st.ID, Title: st.Title,
			FirstPublished: st.FirstPublished, LastPublished: st.LastPublished,
			Articles: len(st.Articles), Events: len(st.Events),
		}
		for i := len(st.Events) - 1; i >= 0 && len(item.EventTitles) < 3; i-- {
			if t := st.Events[i].Title; t != "" && t != st.Title {
				item.EventTitles = append(item.EventTitles, t)
			}
		}
		list.Stories = append(list.Stories, item)
	}
	return list, nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	f, err := storyFilter(r.URL.Query())
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	list, err := s.listStories(r.Context(), f)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// loadStory reads a story with its articles, copies and quotes and
// assembles its view.
func (s *Server) loadStory(ctx context.Context, id string) (story.View, error) {
	st, err := s.cfg.Store.Story(ctx, id)
	if err != nil {
		return story.View{}, fmt.Errorf("story %q: %w", id, err)
	}
	ids := storyArticles(st)
	var arts []storyline.Article
	for a, err := range s.cfg.Store.Articles(ctx, storyline.ArticleFilter{IDs: ids}) {
		if err != nil {
			return story.View{}, fmt.Errorf("articles of story %q: %w", id, err)
		}
		arts = append(arts, a)
	}
	// Copies are listed per article; a huge story draws its graph from
	// the copies of its first articles only.
	var copies []storyline.Copy
	for _, a := range ids[:min(len(ids), maxCopyLookups)] {
		cs, err := s.cfg.Store.Copies(ctx, storyline.CopyFilter{Article: a})
		if err != nil {
			return story.View{}, fmt.Errorf("copies of %q: %w", a, err)
		}
		copies = append(copies, cs...)
	}
	quotes, err := s.cfg.Store.Quotes(ctx, storyline.QuoteFilter{Story: id})
	if err != nil {
		return story.View{}, fmt.Errorf("quotes of story %q: %w", id, err)
	}
	return story.Assemble(st, arts, copies, quotes), nil
}

// storyArticles lists the ids of a story's articles and its events'.
func storyArticles(st storyline.Story) []string {
	seen := make(map[string]bool, len(st.Articles))
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, id := range st.Articles {
		add(id)
	}
	for _, e := range st.Events {
		for _, id := range e.Articles {
			add(id)
		}
	}
	return ids
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadStory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// loadArticle reads an article with its quotes, copies and assignment.
func (s *Server) loadArticle(ctx context.Context, id string) (ArticleView, error) {
	a, err := s.cfg.Store.Article(ctx, id)
	if err != nil {
		return ArticleView{}, fmt.Errorf("article %q: %w", id, err)
	}
	v := ArticleView{Article: a}
	if v.Quotes, err = s.cfg.Store.Quotes(ctx, storyline.QuoteFilter{Article: id}); err != nil {
		return v, fmt.Errorf("quotes of %q: %w", id, err)
	}
	if v.Copies, err = s.cfg.Store.Copies(ctx, storyline.CopyFilter{Article: id}); err != nil {
		return v, fmt.Errorf("copies of %q: %w", id, err)
	}
	if v.Quotes == nil {
		v.Quotes = []storyline.Quote{}
	}
	if v.Copies == nil {
		v.Copies = []storyline.Copy{}
	}
	as, err := s.cfg.Store.Assignment(ctx, id)
	switch {
	case err == nil:
		v.Story, v.Event, v.Why = as.Story, as.Event, as.Why
	case !errors.Is(err, storyline.ErrNotFound):
		return v, fmt.Errorf("assignment of %q: %w", id, err)
	}
	return v, nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadArticle(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "article", err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", defaultQuoteLimit, 1, maxQuoteLimit)
	if err != nil {
		s.storeError(w, r, "quotes", err)
		return
	}
	f := storyline.QuoteFilter{
		Speaker:   strings.TrimSpace(q.Get("speaker")),
		Article:   strings.TrimSpace(q.Get("article")),
		Story:     strings.TrimSpace(q.Get("story")),
		Statement: strings.TrimSpace(q.Get("statement")),
		Limit:     limit,
	}
	quotes, err := s.cfg.Store.Quotes(r.Context(), f)
	if err != nil {
		s.storeError(w, r, "quotes", err)
		return
	}
	if quotes == nil {
		quotes = []storyline.Quote{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": quotes, "limit": limit})
}

// Health is the body of GET /api/health.
type Health struct {
	Status string           `json:"status"`
	Error  string           `json:"error,omitempty"`
	Stats  *storyline.Stats `json:"stats,omitempty"`
}

func (s *Server) apiHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	st, err := s.cfg.Store.Stats(ctx)
	if err != nil {
		s.log.Error("health", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, Health{Status: "unavailable", Error: "store unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, Health{Status: "ok", Stats: &st})
}
