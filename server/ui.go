package server

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/story"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one parsed template set per page, each with the layout.
type pages struct {
	list, story, article, errorPage *template.Template
}

// templateFuncs are the functions the page templates call.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"storyURL":   func(id string) string { return "/stories/" + url.PathEscape(id) },
		"articleURL": func(id string) string { return "/articles/" + url.PathEscape(id) },
		"date":       displayDate,
		"day": func(p storyline.Published) string {
			if p.IsZero() {
				return ""
			}
			return p.Time.Format("2006-01-02")
		},
		"orUnknown": orUnknown,
		// sourceOr names an article by its outlet, or by its id when the
		// outlet is unknown, so that two unknown outlets stay apart.
		"sourceOr": func(id, source string) string {
			if strings.TrimSpace(source) == "" {
				return shorten(id, 28)
			}
			return source
		},
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return strconv.Itoa(n) + " " + many
		},
		"percent": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
		"webURL":  webURL,
		"short":   func(s string, n int) string { return shorten(s, n) },
		"add":     func(a, b int) int { return a + b },
		"sub":     func(a, b int) int { return a - b },
		"kind": func(k storyline.CopyKind) string {
			return strings.ReplaceAll(string(k), "_", "-")
		},
		// quoted drops the comma a quote often carries before its
		// attribution ("…fell down," he said).
		"quoted": func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ",;:") },
	}
}

func parsePages() *pages {
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(templateFuncs()).ParseFS(templateFS, "templates/layout.html", "templates/"+name))
	}
	return &pages{
		list:      parse("list.html"),
		story:     parse("story.html"),
		article:   parse("article.html"),
		errorPage: parse("error.html"),
	}
}

// displayDate formats a publication time for people: the day, and the
// time of day in UTC when known.
func displayDate(p storyline.Published) string {
	switch {
	case p.IsZero():
		return "date unknown"
	case p.HasTime:
		return p.Time.UTC().Format("2 Jan 2006 15:04 UTC")
	default:
		return p.Time.UTC().Format("2 Jan 2006")
	}
}

// webURL returns u when it is an absolute http(s) address, else "", so
// that no other scheme from input ever becomes a link.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// shorten cuts s to n code points with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:max(n-1, 1)]) + "…"
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, t *template.Template, code int, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("render", "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = buf.WriteTo(w)
}

// page is what every page's layout reads.
type page struct {
	Title string
	Query string
}

func (s *Server) uiError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	s.render(w, r, s.pages.errorPage, code, struct {
		page
		Code    int
		Message string
	}{page{Title: http.StatusText(code)}, code, msg})
}

// uiStoreError shows a failed store read as a page.
func (s *Server) uiStoreError(w http.ResponseWriter, r *http.Request, what string, err error) {
	var br badRequest
	switch {
	case errors.As(err, &br):
		s.uiError(w, r, http.StatusBadRequest, br.msg)
	case errors.Is(err, storyline.ErrNotFound):
		s.uiError(w, r, http.StatusNotFound, "No "+what+" with this id is stored.")
	default:
		s.log.Error("store read", "path", r.URL.Path, "err", err)
		s.uiError(w, r, http.StatusInternalServerError, "Reading the "+what+" failed.")
	}
}

func (s *Server) uiList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := storyFilter(q)
	if err != nil {
		s.uiStoreError(w, r, "stories", err)
		return
	}
	list, err := s.listStories(r.Context(), f)
	if err != nil {
		s.uiStoreError(w, r, "stories", err)
		return
	}
	pageURL := func(offset int) string {
		v := url.Values{}
		for _, k := range []string{"q", "since", "until", "source", "entity", "lang", "limit"} {
			if x := q.Get(k); x != "" {
				v.Set(k, x)
			}
		}
		if offset > 0 {
			v.Set("offset", strconv.Itoa(offset))
		}
		if len(v) == 0 {
			return "/"
		}
		return "/?" + v.Encode()
	}
	data := struct {
		page
		List                 StoryList
		Since, Until         string
		Source, Entity, Lang string
		Filtered             bool
		PrevURL, NextURL     string
	}{
		page:   page{Title: "Stories", Query: f.Query},
		List:   list,
		Since:  q.Get("since"),
		Until:  q.Get("until"),
		Source: f.Source, Entity: f.Entity, Lang: f.Lang,
		Filtered: f.Query != "" || q.Get("since") != "" || q.Get("until") != "" || f.Source != "" || f.Entity != "" || f.Lang != "",
	}
	if f.Offset > 0 {
		data.PrevURL = pageURL(max(f.Offset-f.Limit, 0))
	}
	if list.NextOffset != nil {
		data.NextURL = pageURL(*list.NextOffset)
	}
	s.render(w, r, s.pages.list, http.StatusOK, data)
}

func (s *Server) uiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	v, err := s.loadStory(r.Context(), id)
	if err != nil {
		s.uiStoreError(w, r, "story", err)
		return
	}
	if v.ID != "" && v.ID != id {
		// The story was merged into another: send readers to its page.
		http.Redirect(w, r, "/stories/"+url.PathEscape(v.ID), http.StatusMovedPermanently)
		return
	}
	data := struct {
		page
		V      story.View
		Graph  graphLayout
		Quotes quotesView
	}{page{Title: v.Headline}, v, layoutGraph(v), splitQuotes(v.Speakers)}
	s.render(w, r, s.pages.story, http.StatusOK, data)
}

func (s *Server) uiArticle(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadArticle(r.Context(), r.PathValue("id"))
	if err != nil {
		s.uiStoreError(w, r, "article", err)
		return
	}
	others := s.loadOthers(r, v)
	data := struct {
		page
		A          ArticleView
		Paragraphs []paragraph
		Reuse      []reuseView
		Quotes     []quoteView
	}{
		page:       page{Title: v.Title},
		A:          v,
		Paragraphs: highlight(v.Text, v.ID, v.Copies, v.Quotes),
		Reuse:      reuseViews(v, others),
		Quotes:     quoteViews(v),
	}
	s.render(w, r, s.pages.article, http.StatusOK, data)
}

// How many speakers, and statements of each, a story page shows before
// folding the rest away.
const (
	shownSpeakers   = 6
	shownStatements = 3
)

// quotesView is a story's quotes as the page shows them: the most quoted
// speakers and their main statements first, the rest folded.
type quotesView struct {
	Shown, More []speakerView
}

type speakerView struct {
	story.Speaker
	Shown, More []story.StatementView
}

func splitQuotes(speakers []story.Speaker) quotesView {
	var q quotesView
	for i, sp := range speakers {
		sv := speakerView{Speaker: sp, Shown: sp.Statements}
		if len(sv.Shown) > shownStatements {
			sv.Shown, sv.More = sp.Statements[:shownStatements], sp.Statements[shownStatements:]
		}
		if i < shownSpeakers {
			q.Shown = append(q.Shown, sv)
		} else {
			q.More = append(q.More, sv)
		}
	}
	return q
}

// maxOthers caps how many copy partners an article page loads to show
// passages side by side.
const maxOthers = 20

// loadOthers reads the articles an article shares text with; one that
// cannot be read is shown from the passage text alone.
func (s *Server) loadOthers(r *http.Request, v ArticleView) map[string]storyline.Article {
	ids := make([]string, 0, len(v.Copies))
	for _, c := range v.Copies {
		other := c.A
		if other == v.ID {
			other = c.B
		}
		if len(ids) < maxOthers {
			ids = append(ids, other)
		}
	}
	out := make(map[string]storyline.Article, len(ids))
	if len(ids) == 0 {
		return out
	}
	for a, err := range s.cfg.Store.Articles(r.Context(), storyline.ArticleFilter{IDs: ids}) {
		if err != nil {
			s.log.Warn("copy partners", "article", v.ID, "err", err)
			break
		}
		out[a.ID] = a
	}
	return out
}

// static serves the embedded assets.
func (s *Server) static() http.HandlerFunc {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embed directive guarantees the directory
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			s.uiError(w, r, http.StatusNotFound, "There is no page at this address.")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	}
}
