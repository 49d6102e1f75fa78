package gen

import (
	"iter"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// Options configures a run of the generator.
type Options struct {
	// Articles is how many articles to generate.
	Articles int
	// Seed selects the stream: the same Options give the same articles,
	// byte for byte.
	Seed int64
	// Start is when the first event happens; zero means 2025-01-06 UTC.
	Start time.Time
	// Days is the span over which events happen; zero means 180.
	Days int
	// Progress, when set, is called by WriteJSONL and WriteFile after every
	// ProgressEvery articles and once at the end with the number written.
	Progress func(written int)
	// ProgressEvery is how often Progress is called; zero means 10,000.
	ProgressEvery int
}

// Quote is a quotation an article carries, with who said it.
type Quote struct {
	Text    string              `json:"text"`
	Speaker string              `json:"speaker"`
	Kind    storyline.QuoteKind `json:"kind"`
}

// Article is one generated article in the common article form, with its
// ground truth.
type Article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Lang   string `json:"lang"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	// Cluster is the event the article reports.
	Cluster string `json:"cluster"`
	// Story is the story the event belongs to.
	Story string `json:"story"`
	// CopyOf is the original this article copies, and CopyKind how:
	// duplicate (same body, other boilerplate), near_duplicate (small edits)
	// or partial (a few paragraphs inside other text). Empty for originals.
	CopyOf   string             `json:"copy_of,omitempty"`
	CopyKind storyline.CopyKind `json:"copy_kind,omitempty"`
	Quotes   []Quote            `json:"quotes"`
	// Boilerplate lists the paragraphs of Text that are the outlet's
	// boilerplate, not reporting: what a cleaner should remove.
	Boilerplate []string `json:"boilerplate,omitempty"`
	// Published is the publication time; Date is its RFC 3339 form.
	Published time.Time `json:"-"`
}

// story is one developing thread.
type story struct {
	id     int
	topic  *ctopic
	lang   string
	place  place
	actors [4]person
	org    pair
	thing  pair
	firm   pair // another company the story is about
	start  time.Time
	last   time.Time
	phase  int
	events int
	most   int  // the most events it will have
	upper  pair // the place in capitals, for datelines
}

// event is one happening; its articles are rendered from it on demand.
type event struct {
	id      int
	story   *story
	phase   int
	start   time.Time
	seed    uint64
	size    int
	base    int // global index of its first article
	nq      int // statements: quotes[:nq], said by speaker[:nq]
	nth     int // the event's place in its story, from 1
	quotes  [3]int
	qt      [3]wording // the statements as this event words them
	speaker [3]int
	vals    [2][nSlots]string // en, ru; slotD holds "on Tuesday"
	dDate   [2][2]string      // "on March 3" forms for later articles, and capitalised
	days    [2][dayForms][2]string
}

// spec is what decides one article: computed from its event and index.
type spec struct {
	k       int
	seed    uint64
	outlet  int
	lang    int // 0 en, 1 ru
	pub     time.Time
	arrival time.Time
	copyOf  int // index within the event, -1 for originals
	kind    storyline.CopyKind
}

// item is a pending article in arrival order.
type item struct {
	arrival int64
	seq     int
	ev      *event
	k       int
}

// Generator yields a deterministic stream of articles in arrival order.
// Memory stays flat: only events with articles still to deliver are kept.
type Generator struct {
	opts      Options
	r         rng
	topics    []ctopic
	places    []place
	ruPlaces  []place
	outlets   []outlet
	enOutlets []int
	ruOutlets []int
	wireIdx   []int
	readAlso  [2][]string
	filler    [2]cfiller  // sentences of context, en and ru
	lex       [2]*lexicon // everyday wordings, en and ru
	// days holds the dayNames of every weekday and part of day.
	days [7][4][2][dayForms][2]string
	// story choice: a ring of recent stories, heavier stories more often.
	ring    []*story
	ringPos int
	// placeUse[topic][place] is when a story of that topic last began
	// there (English-speaking towns first, then Russian ones).
	placeUse [][]time.Time
	stories  int
	events   int
	spawned  int
	next     time.Time
	meanGap  float64 // hours
	maxSize  int
	heap     []item
	emitted  int
	doc      doc
	scratch  doc
}

const (
	alpha        = 1.45 // event-size tail
	copyShare    = 0.22
	ruStoryShare = 0.08
	ruArticle    = 0.075
	lateShare    = 0.05
	// placeQuiet is how long a town goes without a new story of a kind
	// when there are towns enough.
	placeQuiet = 120 * 24 * time.Hour
)

// New returns a generator for opts.
func New(opts Options) *Generator {
	if opts.Start.IsZero() {
		opts.Start = time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	}
	if opts.Days <= 0 {
		opts.Days = 180
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 10000
	}
	g := &Generator{opts: opts, r: newRNG(uint64(opts.Seed)), topics: compileTopics(),
		filler: [2]cfiller{compileFiller(fillerEN), compileFiller(fillerRU)},
		lex:    [2]*lexicon{compileLexicon(lexEN), compileLexicon(lexRU)}}
	for wd := range g.days {
		for part := range g.days[wd] {
			g.days[wd][part] = dayNames(time.Weekday(wd), part)
		}
	}
	wr := newRNG(mix(uint64(opts.Seed), 1))
	for i := 0; i < 600; i++ {
		g.places = append(g.places, newPlace(&wr, false))
	}
	for i := 0; i < 80; i++ {
		g.ruPlaces = append(g.ruPlaces, newPlace(&wr, true))
	}
	g.placeUse = make([][]time.Time, len(g.topics))
	for i := range g.placeUse {
		g.placeUse[i] = make([]time.Time, len(g.places)+len(g.ruPlaces))
	}
	g.outlets = newOutlets(&wr, g.places)
	for i, o := range g.outlets {
		switch {
		case o.wire:
			g.wireIdx = append(g.wireIdx, i)
		case o.lang == "ru":
			g.ruOutlets = append(g.ruOutlets, i)
		default:
			g.enOutlets = append(g.enOutlets, i)
		}
	}
	for i := 0; i < 64; i++ {
		t := &g.topics[wr.intn(len(g.topics))]
		p := t.phases[wr.intn(len(t.phases))]
		var vals [nSlots]string
		for s := range vals {
			vals[s] = strconv.Itoa(2 + wr.intn(90))
		}
		pl := g.places[wr.intn(len(g.places))]
		firm := join(syllStart[wr.intn(len(syllStart))], firmEnd[wr.intn(len(firmEnd))])
		vals[slotP], vals[slotT], vals[slotO], vals[slotS1], vals[slotK] = pl.name.en, pl.name.en, pl.name.en+" council", pl.name.en, firm.en
		g.readAlso[0] = append(g.readAlso[0], string(p.titles[wr.intn(len(p.titles))].appendTo(nil, &vals, &wr)))
		vals[slotP], vals[slotT], vals[slotO], vals[slotS1], vals[slotK] = pl.name.ru, pl.name.ru, pl.name.ru, pl.name.ru, firm.ru
		vals[slotD], vals[slotDCap] = "вчера", "Вчера"
		g.readAlso[1] = append(g.readAlso[1], string(p.ruTitles[wr.intn(len(p.ruTitles))].appendTo(nil, &vals, &wr)))
	}
	g.maxSize = min(max(opts.Articles/40, 20), 3000)
	mean := 0.0
	for k := 1; k <= g.maxSize; k++ {
		mean += math.Pow(float64(k), -alpha)
	}
	// Event starts thin out at night and at weekends: scale the base gap
	// so that events still span Days.
	rate := 0.0
	for h := 0; h < 168; h++ {
		rate += 1 / burstiness(opts.Start.Add(time.Duration(h)*time.Hour))
	}
	rate /= 168
	expected := max(float64(opts.Articles)/mean, 1)
	g.meanGap = float64(opts.Days) * 24 * rate / expected
	ring := int(min(max(expected/float64(opts.Days)*30*2, 512), 1<<18))
	g.ring = make([]*story, ring)
	g.next = opts.Start
	return g
}

// burstiness stretches the gap between events at quiet times.
func burstiness(t time.Time) float64 {
	m := 1.0
	if h := t.Hour(); h < 6 {
		m = 4
	} else if h >= 20 {
		m = 2
	}
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		m *= 1.7
	}
	return m
}

// All yields the remaining articles.
func (g *Generator) All() iter.Seq[Article] {
	return func(yield func(Article) bool) {
		for {
			a, ok := g.Next()
			if !ok || !yield(a) {
				return
			}
		}
	}
}

// Next returns the next article in arrival order, or false at the end.
func (g *Generator) Next() (Article, bool) {
	it, ok := g.nextItem()
	if !ok {
		return Article{}, false
	}
	return g.render(&g.doc, &g.scratch, it.ev, it.k), true
}

// nextItem schedules: it returns which article arrives next.
func (g *Generator) nextItem() (item, bool) {
	for {
		done := g.spawned >= g.opts.Articles
		if len(g.heap) > 0 && (done || g.heap[0].arrival < g.next.UnixNano()) {
			g.emitted++
			return g.pop(), true
		}
		if done {
			return item{}, false
		}
		g.spawnEvent()
	}
}

func (g *Generator) pickStory(at time.Time) *story {
	if g.r.chance(0.55) {
		s := g.ring[g.r.intn(len(g.ring))]
		if s != nil && at.Sub(s.last) < 30*24*time.Hour && s.events < s.most {
			return s
		}
	}
	g.stories++
	sr := newRNG(mix(uint64(g.opts.Seed), uint64(g.stories)<<20|2))
	t := &g.topics[sr.intn(len(g.topics))]
	s := &story{id: g.stories, topic: t, lang: "en", start: at, most: 1 + sr.pareto(1.1, 24)}
	ru := sr.chance(ruStoryShare)
	places, last := g.places, g.placeUse[t.idx][:len(g.places)]
	if ru {
		s.lang = "ru"
		places, last = g.ruPlaces, g.placeUse[t.idx][len(g.places):]
	}
	// Two stories of one kind in one town at once would read as one:
	// look for a town where this kind of story has been quiet a while.
	pi := sr.intn(len(places))
	for try := 0; try < 8 && !last[pi].IsZero() && at.Sub(last[pi]) < placeQuiet; try++ {
		pi = sr.intn(len(places))
	}
	last[pi] = at
	s.place = places[pi]
	s.upper = pair{strings.ToUpper(s.place.name.en), strings.ToUpper(s.place.name.ru)}
	s.firm = join(syllStart[sr.intn(len(syllStart))], syllMidLower[sr.intn(len(syllMidLower))], firmEnd[sr.intn(len(firmEnd))])
	base := map[string]string{"P": s.place.name.en, "K": s.firm.en}
	s.org = pair{fill(t.org.en, base), fill(t.org.ru, map[string]string{"P": s.place.name.ru, "K": s.firm.ru})}
	base["O"] = s.org.en
	s.thing = pair{fill(t.thing.en, base), fill(t.thing.ru, map[string]string{"P": s.place.name.ru, "O": s.org.ru})}
	for i := range s.actors {
		role := pair{fill(t.roles[i].en, base), fill(t.roles[i].ru, map[string]string{"P": s.place.name.ru, "K": s.firm.ru})}
		s.actors[i] = newPerson(&sr, ru, role)
	}
	return s
}

func (g *Generator) spawnEvent() {
	at := g.next
	s := g.pickStory(at)
	g.events++
	e := &event{id: g.events, story: s, start: at, seed: mix(uint64(g.opts.Seed), uint64(g.events)<<8|3)}
	er := newRNG(e.seed)
	e.phase = min(s.phase, len(s.topic.phases)-1)
	s.phase++
	s.events++
	e.nth = s.events
	s.last = at
	// Heavy-tailed sizes; stories that keep going draw bigger events.
	e.size = er.pareto(alpha, g.maxSize)
	if s.events > 2 && er.chance(0.3) {
		e.size = min(e.size*2, g.maxSize)
	}
	e.size = min(e.size, g.opts.Articles-g.spawned)
	e.base = g.spawned
	g.spawned += e.size
	e.nq = min(3, len(s.topic.quotes))
	q0 := er.intn(len(s.topic.quotes))
	for i := 0; i < e.nq; i++ {
		e.quotes[i] = (q0 + i) % len(s.topic.quotes)
		e.speaker[i] = s.topic.who[e.quotes[i]]
	}
	g.setVals(e, &er)
	e.days = g.days[e.start.Weekday()][partOfDay(e.start)]
	qr := newRNG(mix(e.seed, 7))
	for i := 0; i < e.nq; i++ {
		e.qt[i] = s.topic.quotes[e.quotes[i]].render(&e.vals, &qr)
	}
	// Heavier stories come back more often.
	for i := 0; i < 1+min(s.events, 4); i++ {
		g.ring[g.ringPos] = s
		g.ringPos = (g.ringPos + 1) % len(g.ring)
	}
	for k := 0; k < e.size; k++ {
		sp := g.spec(e, k)
		g.push(item{arrival: sp.arrival.UnixNano(), seq: e.base + k, ev: e, k: k})
	}
	gap := g.r.exp(g.meanGap * burstiness(at))
	g.next = at.Add(time.Duration(gap * float64(time.Hour)))
}

var (
	weekdayRU = [7]string{"в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"}
	monthRU   = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
)

func dateEN(t time.Time) string { return t.Format("January 2") }
func dateRU(t time.Time) string { return strconv.Itoa(t.Day()) + " " + monthRU[t.Month()-1] }

func (g *Generator) setVals(e *event, r *rng) {
	s := e.story
	n1 := strconv.Itoa(2 + r.intn(40))
	n2v := 150 + r.intn(9000)
	n2en := strconv.Itoa(n2v)
	if n2v >= 1000 {
		n2en = strconv.Itoa(n2v/1000) + "," + strconv.Itoa(1000 + n2v%1000)[1:]
	}
	n3 := strconv.Itoa(1 + r.intn(9))
	if q := r.intn(4); q > 0 {
		n3 += [4]string{"", ".25", ".5", ".75"}[q]
	}
	n4v := 5 + r.intn(900)
	n4 := strconv.Itoa(n4v)
	for li, lang := range [2]string{"en", "ru"} {
		v := &e.vals[li]
		pick := func(p pair) string {
			if lang == "ru" {
				return p.ru
			}
			return p.en
		}
		v[slotP] = pick(s.place.name)
		for i, a := range s.actors {
			v[slotA0+i] = pick(a.name)
			v[slotS0+i] = pick(a.last)
			v[slotR0+i] = pick(a.role)
			if a.female && lang == "ru" {
				v[slotG0+i] = "а"
			}
		}
		v[slotO], v[slotT], v[slotK] = pick(s.org), pick(s.thing), pick(s.firm)
		v[slotN1], v[slotN3], v[slotN4] = n1, n3, n4
		v[slotN2] = n2en
		v[slotN2A] = strconv.Itoa(n2v / 100 * 100)
		if n2v >= 1000 && lang == "en" {
			v[slotN2A] = strconv.Itoa(n2v/1000) + "," + strconv.Itoa(1000 + n2v%1000/100*100)[1:]
		}
		v[slotN4A] = strconv.Itoa(max(n4v/10*10, 10))
		if lang == "ru" {
			v[slotN2] = strconv.Itoa(n2v)
			v[slotN3] = stringsReplaceDot(n3)
			v[slotD] = weekdayRU[e.start.Weekday()]
			v[slotDCap] = capFirst(v[slotD])
			v[slotM] = dateRU(e.start)
			v[slotQ] = dateRU(s.start)
			e.dDate[li] = [2]string{dateRU(e.start), dateRU(e.start)}
		} else {
			v[slotD] = "on " + e.start.Weekday().String()
			v[slotDCap] = "On " + e.start.Weekday().String()
			v[slotM] = dateEN(e.start)
			v[slotQ] = dateEN(s.start)
			e.dDate[li] = [2]string{"on " + dateEN(e.start), "On " + dateEN(e.start)}
		}
	}
}

func stringsReplaceDot(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '.' {
			b[i] = ','
		}
	}
	return string(b)
}

// spec decides article k of e. It depends only on e and k.
func (g *Generator) spec(e *event, k int) spec {
	r := newRNG(mix(e.seed, uint64(k)+1000))
	sp := spec{k: k, seed: r.next(), copyOf: -1}
	first := k == 0
	// Publication: the first report within two hours, most others within a
	// burst of hours, some follow-ups days later.
	var off float64
	switch {
	case first:
		off = r.exp(0.7)
	case r.chance(0.8):
		off = 0.5 + r.exp(5)
	default:
		off = 24 + r.exp(60)
	}
	if k > 0 && r.chance(copyShare) {
		orig := 0
		if k > 1 && r.chance(0.3) {
			orig = r.intn(k)
		}
		o := g.spec(e, orig)
		if o.copyOf >= 0 {
			o = g.spec(e, o.copyOf)
		}
		sp.copyOf = o.k
		switch x := r.float(); {
		case x < 0.4:
			sp.kind = storyline.Duplicate
		case x < 0.75:
			sp.kind = storyline.NearDuplicate
		default:
			sp.kind = storyline.Partial
		}
		sp.lang = o.lang
		if sp.lang == 1 {
			sp.outlet = g.ruOutlets[r.intn(len(g.ruOutlets))]
		} else {
			sp.outlet = g.enOutlets[r.intn(len(g.enOutlets))]
		}
		sp.pub = e.start.Add(time.Duration(off * float64(time.Hour)))
		if earliest := o.pub.Add(time.Duration((0.1 + r.exp(1)) * float64(time.Hour))); sp.pub.Before(earliest) {
			sp.pub = earliest
		}
	} else {
		switch {
		case e.story.lang == "ru":
			sp.lang = 1
		case r.chance(ruArticle):
			sp.lang = 1
		}
		switch {
		case sp.lang == 1:
			sp.outlet = g.ruOutlets[r.intn(len(g.ruOutlets))]
		case first && r.chance(0.45):
			sp.outlet = g.wireIdx[r.intn(len(g.wireIdx))]
		default:
			sp.outlet = g.enOutlets[r.intn(len(g.enOutlets))]
		}
		sp.pub = e.start.Add(time.Duration(off * float64(time.Hour)))
	}
	sp.pub = sp.pub.Truncate(time.Minute)
	delay := r.exp(0.2)
	if r.chance(lateShare) {
		delay = 24 + r.float()*24*6
	}
	sp.arrival = sp.pub.Add(time.Duration(delay * float64(time.Hour)))
	return sp
}

func (g *Generator) less(a, b item) bool {
	if a.arrival != b.arrival {
		return a.arrival < b.arrival
	}
	return a.seq < b.seq
}

func (g *Generator) push(it item) {
	g.heap = append(g.heap, it)
	i := len(g.heap) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !g.less(g.heap[i], g.heap[p]) {
			break
		}
		g.heap[i], g.heap[p] = g.heap[p], g.heap[i]
		i = p
	}
}

func (g *Generator) pop() item {
	h := g.heap
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h[n] = item{}
	h = h[:n]
	i := 0
	for {
		l, m := 2*i+1, i
		if l < n && g.less(h[l], h[m]) {
			m = l
		}
		if r := l + 1; r < n && g.less(h[r], h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	g.heap = h
	return top
}
