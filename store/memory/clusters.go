package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// cluster is an event or a story: its member articles and a cached
// aggregate, recomputed only after a member left or changed.
type cluster struct {
	id      string
	story   string              // events: the story the event belongs to
	events  map[string]struct{} // stories: their events
	members map[string]struct{}
	agg     agg
	dirty   bool
	isStory bool
	touched bool // listed in Store.touched during a commit
}

// agg is what listings need of a cluster's members.
type agg struct {
	n                 int
	firstTS, lastTS   int64 // lastTS is -1 when no member has a date
	first, last       storyline.Published
	firstID, firstTtl string
}

func newCluster(id string) *cluster {
	return &cluster{id: id, members: map[string]struct{}{}, agg: agg{lastTS: -1}}
}

// touch lists c among the clusters the current commit changed.
func (s *Store) touch(c *cluster) {
	if !c.touched {
		c.touched = true
		s.touched = append(s.touched, c)
	}
}

// setStory moves event e into story st.
func (s *Store) setStory(e *cluster, st string) {
	if e.story == st {
		return
	}
	if old := s.stories[e.story]; old != nil {
		delete(old.events, e.id)
	}
	e.story = st
	c := s.story(st)
	if c.events == nil {
		c.events = map[string]struct{}{}
	}
	c.events[e.id] = struct{}{}
}

func (g *agg) add(id string, r *record) {
	ts, title, pub := unknownTS, "", storyline.Published{}
	if r != nil {
		ts, title, pub = r.ts, r.a.Title, r.a.Published
	}
	g.n++
	if g.n == 1 || ts < g.firstTS || (ts == g.firstTS && id < g.firstID) {
		g.firstTS, g.firstID, g.firstTtl, g.first = ts, id, title, pub
	}
	if ts != unknownTS && (ts > g.lastTS || (ts == g.lastTS && pub.HasTime)) {
		g.lastTS, g.last = ts, pub
	}
}

func (s *Store) addMember(c *cluster, id string) {
	if _, ok := c.members[id]; ok {
		return
	}
	c.members[id] = struct{}{}
	s.touch(c)
	if !c.dirty {
		c.agg.add(id, s.articles[id])
	}
}

func (s *Store) removeMember(c *cluster, id string) {
	if _, ok := c.members[id]; ok {
		delete(c.members, id)
		c.dirty = true
		s.touch(c)
	}
}

// aggregate returns c's aggregate, recomputing it when dirty. Callers
// hold the write lock, or the read lock on a clean cluster.
func (s *Store) aggregate(c *cluster) agg {
	if !c.dirty {
		return c.agg
	}
	g := agg{lastTS: -1}
	for id := range c.members {
		g.add(id, s.articles[id])
	}
	return g
}

// settle recomputes the dirty aggregates of the clusters a commit
// touched and drops those left empty.
func (s *Store) settle() {
	for _, c := range s.touched {
		c.touched = false
		if len(c.members) == 0 {
			if !c.isStory && s.events[c.id] == c {
				delete(s.events, c.id)
				if st := s.stories[c.story]; st != nil {
					delete(st.events, c.id)
				}
			} else if s.stories[c.id] == c {
				delete(s.stories, c.id)
			}
			continue
		}
		if c.dirty {
			c.agg, c.dirty = s.aggregate(c), false
		}
	}
	s.touched = s.touched[:0]
}

func (s *Store) event(id string) *cluster {
	c := s.events[id]
	if c == nil {
		c = newCluster(id)
		s.events[id] = c
	}
	return c
}

func (s *Store) story(id string) *cluster {
	c := s.stories[id]
	if c == nil {
		c = newCluster(id)
		c.isStory = true
		s.stories[id] = c
	}
	return c
}

func (s *Store) assignArticle(as storyline.Assignment) {
	if old, ok := s.assign[as.Article]; ok {
		if c := s.events[old.Event]; c != nil && old.Event != as.Event {
			s.removeMember(c, as.Article)
		}
		if c := s.stories[old.Story]; c != nil && old.Story != as.Story {
			s.removeMember(c, as.Article)
		}
	}
	switch {
	case s.opts.DropWhy:
		as.Why = nil
	case as.Why != nil:
		// Terms and names are often pieces of the article's text: cloned,
		// they do not keep all of it alive.
		w := *as.Why
		w.Terms, w.Entities, w.Copies = cloneAll(w.Terms), cloneAll(w.Entities), cloneAll(w.Copies)
		as.Why = &w
	}
	s.assign[as.Article] = as
	e := s.event(as.Event)
	s.setStory(e, as.Story)
	s.addMember(e, as.Article)
	s.addMember(s.story(as.Story), as.Article)
}

func (s *Store) merge(m storyline.Merge) {
	s.merges = append(s.merges, m)
	if m.From == m.Into {
		return
	}
	if m.Level == "event" {
		from := s.events[m.From]
		if from == nil {
			return
		}
		into := s.events[m.Into]
		if into == nil {
			into = s.event(m.Into)
			s.setStory(into, from.story)
		}
		for id := range from.members {
			as := s.assign[id]
			if as.Story != into.story {
				if c := s.stories[as.Story]; c != nil {
					s.removeMember(c, id)
				}
				s.addMember(s.story(into.story), id)
			}
			as.Event, as.Story = m.Into, into.story
			s.assign[id] = as
			s.addMember(into, id)
		}
		clear(from.members)
		s.touch(from)
		return
	}
	from := s.stories[m.From]
	if from == nil {
		return
	}
	into := s.story(m.Into)
	for id := range from.members {
		as := s.assign[id]
		as.Story = m.Into
		s.assign[id] = as
		s.addMember(into, id)
	}
	for id := range from.events {
		if e := s.events[id]; e != nil {
			s.setStory(e, m.Into)
		}
	}
	clear(from.members)
	s.touch(from)
}

// Assignment returns one article's assignment, or ErrNotFound.
func (s *Store) Assignment(ctx context.Context, article string) (storyline.Assignment, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	as, ok := s.assign[article]
	if !ok {
		return storyline.Assignment{Article: article}, fmt.Errorf("memory: assignment of %q: %w", article, storyline.ErrNotFound)
	}
	if as.Why != nil {
		// Terms and names are often pieces of the article's text: cloned,
		// they do not keep all of it alive.
		w := *as.Why
		w.Terms, w.Entities, w.Copies = cloneAll(w.Terms), cloneAll(w.Entities), cloneAll(w.Copies)
		as.Why = &w
	}
	return as, nil
}

func (s *Store) title(c *cluster, g agg) string {
	if t, ok := s.titles[c.id]; ok {
		return t
	}
	return g.firstTtl
}

// sortedMembers returns a cluster's articles in publication order.
func (s *Store) sortedMembers(c *cluster) []string {
	ids := make([]string, 0, len(c.members))
	for id := range c.members {
		ids = append(ids, id)
	}
	ts := func(id string) int64 {
		if r := s.articles[id]; r != nil {
			return r.ts
		}
		return unknownTS
	}
	slices.SortFunc(ids, func(x, y string) int { return cmp.Or(cmp.Compare(ts(x), ts(y)), strings.Compare(x, y)) })
	return ids
}

// view builds the Story of a cluster, with its events.
func (s *Store) view(c *cluster) storyline.Story {
	g := s.aggregate(c)
	st := storyline.Story{ID: c.id, Title: s.title(c, g), FirstPublished: g.first, LastPublished: g.last,
		Articles: s.sortedMembers(c)}
	type ev struct {
		e  storyline.Event
		ts int64
	}
	var evs []ev
	for id := range c.events {
		e := s.events[id]
		if e == nil || e.story != c.id {
			continue
		}
		eg := s.aggregate(e)
		evs = append(evs, ev{storyline.Event{ID: e.id, Story: c.id, Title: s.title(e, eg), FirstPublished: eg.first,
			LastPublished: eg.last, Articles: s.sortedMembers(e)}, eg.firstTS})
	}
	slices.SortFunc(evs, func(x, y ev) int { return cmp.Or(cmp.Compare(x.ts, y.ts), strings.Compare(x.e.ID, y.e.ID)) })
	for _, e := range evs {
		st.Events = append(st.Events, e.e)
	}
	return st
}

// Stories lists stories, most recently active first (stories without a
// known date last), with their events and articles.
func (s *Store) Stories(ctx context.Context, f storyline.StoryFilter) ([]storyline.Story, error) {
	var matches map[string]bool
	if f.Query != "" {
		hits, ok := s.search(f.Query, 0)
		if !ok {
			return nil, nil
		}
		matches = map[string]bool{}
		s.mu.RLock()
		for _, h := range hits {
			if as, ok := s.assign[h]; ok {
				matches[as.Story] = true
			}
		}
		s.mu.RUnlock()
	}
	entity := textproc.Normalize(f.Entity)
	s.mu.RLock()
	defer s.mu.RUnlock()
	type cand struct {
		c  *cluster
		ts int64
	}
	var list []cand
	for _, c := range s.stories {
		if matches != nil && !matches[c.id] {
			continue
		}
		g := s.aggregate(c)
		if !f.Since.IsZero() && (g.lastTS < 0 || !inRange(g.lastTS, f.Since, storyline.Published{})) {
			continue
		}
		if !f.Until.IsZero() && !inRange(g.firstTS, storyline.Published{}, f.Until) {
			continue
		}
		if (f.Source != "" || f.Lang != "" || f.Entity != "") && !s.anyMember(c, f.Source, f.Lang, entity) {
			continue
		}
		list = append(list, cand{c, g.lastTS})
	}
	slices.SortFunc(list, func(x, y cand) int { return cmp.Or(-cmp.Compare(x.ts, y.ts), strings.Compare(x.c.id, y.c.id)) })
	if f.Offset > 0 {
		list = list[min(f.Offset, len(list)):]
	}
	if f.Limit > 0 && len(list) > f.Limit {
		list = list[:f.Limit]
	}
	out := make([]storyline.Story, len(list))
	for i, x := range list {
		out[i] = s.view(x.c)
	}
	return out, nil
}

// anyMember reports whether the cluster has articles from source, in
// lang and mentioning entity (each ignored when empty); the three need not
// be the same article.
func (s *Store) anyMember(c *cluster, source, lang, entity string) bool {
	okSrc, okLang, okEnt := source == "", lang == "", entity == ""
	for id := range c.members {
		r := s.articles[id]
		if r == nil {
			continue
		}
		okSrc = okSrc || r.a.Source == source
		okLang = okLang || r.a.Lang == lang
		okEnt = okEnt || slices.Contains(r.entityKeys, entity)
		if okSrc && okLang && okEnt {
			return true
		}
	}
	return false
}

// Story returns one story with its events. An id merged into another
// story returns that story.
func (s *Store) Story(ctx context.Context, id string) (storyline.Story, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	cur := id
	for hop := 0; hop < 64; hop++ {
		if c := s.stories[cur]; c != nil {
			return s.view(c), nil
		}
		next := ""
		for i := len(s.merges) - 1; i >= 0; i-- {
			if m := s.merges[i]; m.Level == "story" && m.From == cur {
				next = m.Into
				break
			}
		}
		if next == "" || next == cur {
			break
		}
		cur = next
	}
	return storyline.Story{}, fmt.Errorf("memory: story %q: %w", id, storyline.ErrNotFound)
}

// cloneAll returns a copy of ss whose strings share no memory with ss's.
func cloneAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, x := range ss {
		out[i] = strings.Clone(x)
	}
	return out
}
