package gen

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// render builds article k of e in d, using src for the original of a
// copy. It reads only what does not change once an event is spawned, so
// several goroutines may render at once, each with its own docs.
func (g *Generator) render(d, src *doc, e *event, k int) Article {
	sp, copyOf := g.renderDoc(d, src, e, k)
	c := ""
	if copyOf >= 0 {
		c = g.id(copyOf)
	}
	return g.assemble(d, e, sp, &g.outlets[sp.outlet], c)
}

// renderDoc renders article k of e into d and returns its spec and the
// global index of its original (-1 for originals).
func (g *Generator) renderDoc(d, src *doc, e *event, k int) (spec, int) {
	sp := g.spec(e, k)
	d.reset()
	o := &g.outlets[sp.outlet]
	// Separate streams for body, boilerplate, title and copying, so that a
	// copy re-renders its original's body exactly.
	br, wr, tr, cr := newRNG(mix(sp.seed, 1)), newRNG(mix(sp.seed, 2)), newRNG(mix(sp.seed, 3)), newRNG(mix(sp.seed, 4))
	copyOf := -1
	g.header(d, o, &wr, sp.lang)
	if sp.copyOf < 0 {
		g.body(d, e, sp, &br)
		g.title(d, e, sp, &tr)
	} else {
		osp := g.spec(e, sp.copyOf)
		copyOf = e.base + osp.k
		src.reset()
		obr := newRNG(mix(osp.seed, 1))
		g.body(src, e, osp, &obr)
		switch sp.kind {
		case storyline.Duplicate:
			g.copyParas(d, src, 0, len(src.paras))
		case storyline.NearDuplicate:
			g.nearCopy(d, src, &cr, sp.lang)
		default:
			g.partialCopy(d, src, e, sp, &br, &cr)
		}
		if sp.kind == storyline.Duplicate && cr.chance(0.5) {
			// the original's title, which only a duplicate may take
			otr := newRNG(mix(osp.seed, 3))
			g.title(src, e, osp, &otr)
			d.title = append(d.title[:0], src.title...)
		} else {
			g.title(d, e, sp, &tr)
		}
	}
	g.footer(d, o, &wr, sp.lang)
	return sp, copyOf
}

// appendID appends the id of the article with global index i.
func appendID(b []byte, i int) []byte {
	b = append(b, 'g')
	for n := 10000000; n > 1 && i < n; n /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(i), 10)
}

func (g *Generator) id(i int) string {
	s := strconv.Itoa(i)
	if len(s) < 8 {
		s = "00000000"[len(s):] + s
	}
	return "g" + s
}

func (g *Generator) assemble(d *doc, e *event, sp spec, o *outlet, copyOf string) Article {
	n := 0
	for i, p := range d.paras {
		if i > 0 {
			n += 2
		}
		n += p.end - p.start
	}
	var text strings.Builder
	text.Grow(n)
	for i, p := range d.paras {
		if i > 0 {
			text.WriteString("\n\n")
		}
		text.Write(d.text(p))
	}
	a := Article{
		ID:        g.id(e.base + sp.k),
		Title:     string(d.title),
		Text:      text.String(),
		Lang:      [2]string{"en", "ru"}[sp.lang],
		Date:      sp.pub.Format("2006-01-02T15:04:05Z"),
		Source:    o.name,
		Cluster:   "e" + strconv.Itoa(e.id),
		Story:     "s" + strconv.Itoa(e.story.id),
		CopyOf:    copyOf,
		CopyKind:  sp.kind,
		Published: sp.pub,
		Quotes:    make([]Quote, 0, len(d.quotes)+len(d.reported)),
	}
	a.URL = "https://" + o.host + sp.pub.Format("/2006/01/02/") + a.ID
	for _, q := range d.quotes {
		a.Quotes = append(a.Quotes, q.q)
	}
	for _, q := range d.reported {
		a.Quotes = append(a.Quotes, Quote{Text: string(d.rtext(q)), Speaker: string(d.rspeaker(q)), Kind: storyline.Indirect})
	}
	for _, p := range d.paras {
		if p.boiler {
			a.Boilerplate = append(a.Boilerplate, string(d.text(p)))
		}
	}
	return a
}

// boilerLine appends a boilerplate line, filling its %s with arg.
func boilerLine(d *doc, line, arg string) {
	s := d.open()
	h, t, ok := strings.Cut(line, "%s")
	d.buf = append(d.buf, h...)
	if ok {
		d.buf = append(d.buf, arg...)
		d.buf = append(d.buf, t...)
	}
	d.close(s, true)
}

func (g *Generator) header(d *doc, o *outlet, r *rng, lang int) {
	for _, h := range o.header {
		arg := o.name
		switch {
		case strings.HasPrefix(h, "Photo") || strings.HasPrefix(h, "Фото"):
			if r.chance(0.5) {
				arg = wires[r.intn(len(wires))]
			}
		case strings.Contains(h, "ad blocker"):
			arg = o.host
		}
		boilerLine(d, h, arg)
	}
}

func (g *Generator) footer(d *doc, o *outlet, r *rng, lang int) {
	for _, f := range o.footer {
		arg := o.name
		if strings.HasPrefix(f, "Read also") || strings.HasPrefix(f, "More on this") || strings.HasPrefix(f, "Related") || strings.HasPrefix(f, "Читайте") {
			arg = g.readAlso[lang][r.intn(len(g.readAlso[lang]))]
		}
		boilerLine(d, f, arg)
	}
}

// vals returns the slot values an article of e fills its templates with.
// The day of the event is written the article's way: "on Tuesday",
// "Tuesday", "on Tuesday evening", "late on Tuesday", or, a day or more
// later, "on March 3" or "earlier this week". The choice follows the
// outlet's house style and comes from the article's own stream, so that
// a copy re-renders its original with the same words.
func (g *Generator) vals(e *event, sp spec, v *[nSlots]string) *[nSlots]string {
	*v = e.vals[sp.lang]
	r := newRNG(mix(sp.seed, 5))
	st := houseStyle(sp.outlet)
	sameDay := sp.pub.YearDay() == e.start.YearDay() && sp.pub.Year() == e.start.Year()
	form := -1
	switch {
	case sp.lang == 1 && !sameDay:
		v[slotD], v[slotDCap] = e.dDate[1][0], e.dDate[1][1]
	case sp.lang == 1:
		if r.chance(0.4) {
			form = dayPart
		}
	case !sameDay && sp.pub.Sub(e.start) < 5*24*time.Hour && e.start.Weekday() < sp.pub.Weekday() && st.pick(21, 2, &r) == 0:
		form = dayThisWeek
	case !sameDay:
		v[slotD], v[slotDCap] = e.dDate[0][0], e.dDate[0][1]
	default:
		switch st.pick(22, 5, &r) {
		case 1:
			form = dayBare
		case 2:
			form = dayPart
		case 3:
			form = dayEarlyLate
		}
	}
	if form >= 0 {
		v[slotD], v[slotDCap] = e.days[sp.lang][form][0], e.days[sp.lang][form][1]
	}
	return v
}

// The ways of writing the day of an event besides "on Tuesday" (see
// vals): e.days[lang][form] holds each, and its capitalised form.
const (
	dayBare      = iota // "Tuesday"
	dayPart             // "on Tuesday evening", "во вторник вечером"
	dayEarlyLate        // "early on Tuesday", "late on Tuesday"
	dayThisWeek         // "earlier this week"
	dayForms
)

// dayNames returns the ways of writing the day of an event on weekday wd
// at part of day part, as e.days holds them. New makes them once for
// every weekday and part of day.
func dayNames(wd time.Weekday, part int) (days [2][dayForms][2]string) {
	day := wd.String()
	en := [dayForms]string{day, "on " + day + " " + partOfDayEN[part], [2]string{"early on ", "late on "}[part/2] + day, "earlier this week"}
	ru := weekdayRU[wd] + partOfDayRU[part]
	ruCap := capFirst(ru)
	for f := range en {
		days[0][f] = [2]string{en[f], capFirst(en[f])}
		days[1][f] = [2]string{ru, ruCap}
	}
	return days
}

// partOfDay returns 0 for the morning, 1 for the afternoon, 2 for the
// evening and 3 for the night.
func partOfDay(t time.Time) int {
	switch h := t.Hour(); {
	case h >= 5 && h < 12:
		return 0
	case h >= 12 && h < 17:
		return 1
	case h >= 17 && h < 22:
		return 2
	}
	return 3
}

var (
	partOfDayEN = [4]string{"morning", "afternoon", "evening", "night"}
	partOfDayRU = [4]string{" утром", " днём", " вечером", " ночью"}
)

func (g *Generator) title(d *doc, e *event, sp spec, r *rng) {
	ph := &e.story.topic.phases[e.phase]
	ts := ph.titles
	if sp.lang == 1 {
		ts = ph.ruTitles
	}
	var vals [nSlots]string
	d.title = ts[r.intn(len(ts))].appendTo(d.title[:0], g.vals(e, sp, &vals), r)
}

// body renders an original article's reporting: lead, facts, quotes,
// background, and as much shared material as its length calls for.
func (g *Generator) body(d *doc, e *event, sp spec, r *rng) {
	st := e.story
	t := st.topic
	ph := &t.phases[e.phase]
	var vals [nSlots]string
	v := g.vals(e, sp, &vals)
	ru := sp.lang == 1
	target := int(math.Min(math.Max(r.lognormal(math.Log(2000), 0.55), 900), 5600))
	bodyStart := len(d.buf)
	firstPara := len(d.paras)
	leads, facts, back, fill := ph.leads, ph.facts, t.background, &g.filler[0]
	if ru {
		leads, facts, back, fill = ph.ruLeads, ph.ruFacts, t.ruBack, &g.filler[1]
		target = target * 3 / 5
	}
	// Lead with dateline.
	s := d.open()
	o := &g.outlets[sp.outlet]
	switch {
	case o.wire:
		d.buf = append(d.buf, st.upper.en...)
		d.buf = append(d.buf, ", "...)
		d.buf = sp.pub.AppendFormat(d.buf, "January 2")
		d.buf = append(d.buf, " ("...)
		d.buf = append(d.buf, o.name...)
		d.buf = append(d.buf, ") — "...)
	case ru && r.chance(0.5):
		d.buf = append(d.buf, st.upper.ru...)
		d.buf = append(d.buf, ", "...)
		d.buf = append(d.buf, dateRU(sp.pub)...)
		d.buf = append(d.buf, " — "...)
	case !ru && r.chance(0.3):
		d.buf = append(d.buf, st.upper.en...)
		d.buf = append(d.buf, " — "...)
	}
	ls := len(d.buf)
	d.buf = tidy(leads[r.intn(len(leads))].appendTo(d.buf, v, r), ls)
	capitalize(d.buf[ls:])
	trimTail(d, ls, r, ru)
	if !ru && r.chance(0.5) {
		describePlace(d, ls, st.place.name.en, r)
	}
	fill.attribute(d, ls, v, r, ru)
	g.paraphrase(d, s, r, ru)
	d.close(s, false)

	// Facts, quotes and background, interleaved.
	fi := r.intn(len(facts))
	nf := 1 + r.intn(min(len(facts), 2))
	nq := 1 + r.intn(min(e.nq, 2))
	qi := r.intn(e.nq)
	for i := 0; i < max(nf, nq); i++ {
		if i < nf {
			s := d.open()
			g.connect(d, r, ru)
			fs := len(d.buf)
			d.buf = tidy(facts[(fi+i)%len(facts)].appendTo(d.buf, v, r), fs)
			capitalize(d.buf[fs:])
			trimTail(d, fs, r, ru)
			fill.attribute(d, fs, v, r, ru)
			if i+1 < nf && r.chance(0.4) {
				i++ // two facts in one paragraph
				d.buf = append(d.buf, ' ')
				fs := len(d.buf)
				d.buf = tidy(facts[(fi+i)%len(facts)].appendTo(d.buf, v, r), fs)
				capitalize(d.buf[fs:])
				trimTail(d, fs, r, ru)
				fill.attribute(d, fs, v, r, ru)
			}
			g.paraphrase(d, s, r, ru)
			d.close(s, false)
		}
		if i < nq {
			g.quote(d, e, (qi+i)%e.nq, v, r, ru)
		}
		if i == 0 && e.nth > 1 && r.chance(0.5) && len(back) > 0 {
			s := d.open()
			g.connect(d, r, ru)
			bs := len(d.buf)
			d.buf = tidy(back[r.intn(len(back))].appendTo(d.buf, v, r), bs)
			capitalize(d.buf[bs:])
			trimTail(d, bs, r, ru)
			fill.attribute(d, bs, v, r, ru)
			g.paraphrase(d, s, r, ru)
			d.close(s, false)
		}
	}
	// Long articles go on with reactions and context.
	var used uint64
	for len(d.buf)-bodyStart < target {
		s := d.open()
		d.buf = fill.appendFiller(d.buf, v, r, &used, ru)
		for n := r.intn(3); n > 0 && len(d.buf)-bodyStart < target; n-- {
			d.buf = append(d.buf, ' ')
			d.buf = fill.appendFiller(d.buf, v, r, &used, ru)
		}
		d.close(s, false)
	}
	d.finish(g.lex[sp.lang], firstPara, bodyStart, houseStyle(sp.outlet), r, ru)
}

var connectors = []string{"Meanwhile, ", "According to officials, ", "Separately, ", "At the same time, ", "By the evening, ", "As things stand, ",
	"In other developments, ", "For now, ", "On the ground, ", "Earlier in the day, ", "Later, ", "In the meantime, ", "As of now, ",
	"Elsewhere, ", "For its part, ", "Beyond that, ", "In the background, ", "Just as importantly, ", "So far, ", "Even so, ",
	"What is more, ", "By most accounts, ", "Not least, ", "Locally, ", "Perhaps more telling, "}

// connect may open a paragraph with a connecting phrase, so that outlets
// reporting one event word their paragraphs differently. The sentence
// after it goes on in lower case unless it starts with a name, a place, a
// day or a number (see close); one that starts otherwise loses it.
func (g *Generator) connect(d *doc, r *rng, ru bool) {
	if ru || !r.chance(0.6) {
		return
	}
	d.conn = len(d.buf)
	d.buf = append(d.buf, connectors[r.intn(len(connectors))]...)
	d.lower = len(d.buf)
}

var (
	saidThat   = []string{"said", "argued", "insisted", "told reporters", "stressed", "maintained", "made clear", "said in an interview"}
	quoteCtx   = []string{"", "", " on the phone", " at a news conference", " after a meeting", " in an interview", " in a statement", " on local radio", " outside the building"}
	saidAfter  = []string{"said", "added", "continued", "stressed", "explained"}
	saidRU     = []string{"заявил", "сказал", "добавил", "подчеркнул", "пояснил"}
	saidColon  = []string{"said", "told reporters", "added", "stressed", "explained"}
	saidThatRU = []string{"заявил", "подчеркнул", "отметил", "уверен", "настаивал"}
)

// withComma turns a sentence's final full stop into a comma, as a quote
// followed by its attribution has it.
func withComma(s string) string {
	if strings.HasSuffix(s, ".") {
		return s[:len(s)-1] + ","
	}
	return s
}

// appendActor appends the name of one of a story's people, marked as the
// speaker of the statement next to it.
func appendActor(b []byte, name string) []byte {
	return append(append(append(b, actorOpen), name...), nameClose)
}

func (g *Generator) quote(d *doc, e *event, i int, v *[nSlots]string, r *rng, ru bool) {
	q := &e.qt[i]
	who := e.speaker[i]
	name, role, last, gend := v[slotA0+who], v[slotR0+who], v[slotS0+who], v[slotG0+who]
	pi := len(d.paras)
	s := d.open()
	add := func(text string, kind storyline.QuoteKind) {
		d.quotes = append(d.quotes, pquote{para: pi, q: Quote{Text: text, Speaker: name, Kind: kind}})
	}
	b := d.buf
	if ru {
		switch r.intn(3) {
		case 0:
			text := q.ru1 + " " + strings.TrimSuffix(q.ru2, ".")
			b = append(append(append(b, "«"...), text...), "», — "...)
			b = append(b, saidRU[r.intn(len(saidRU))]...)
			b = append(append(append(append(append(b, gend...), ' '), role...), ' '), name...)
			b = append(b, '.')
			add(text, storyline.Direct)
		case 1:
			text := q.ru1 + " " + strings.TrimSuffix(q.ru2, ".")
			b = append(append(append(append(b, name...), ", "...), role...), ", сообщил"...)
			b = append(append(append(append(b, gend...), ": «"...), text...), "»."...)
			add(text, storyline.Direct)
		default:
			// reported speech, worded by each reporter: the truth takes
			// it from the text (see finish)
			ind := &e.story.topic.quotes[e.quotes[i]].ruInd
			if r.chance(0.5) {
				b = appendActor(b, name)
				b = append(append(append(b, ", "...), role...), ", "...)
				b = append(append(append(b, saidThatRU[r.intn(len(saidThatRU))]...), gend...), ", что "...)
			} else {
				b = append(append(append(b, "Как заявил"...), gend...), ' ')
				b = appendActor(append(append(b, role...), ' '), name)
				b = append(b, ", "...)
			}
			b = append(ind.appendTo(append(b, quoteOpen), v, r), quoteClose, '.')
		}
	} else {
		// indirect speech is the rarer form
		switch x := r.intn(10); {
		case x < 3:
			text := q.s1 + " " + q.s2
			switch r.intn(3) {
			case 0:
				b = append(append(append(append(b, name...), ", the "...), role...), ", "...)
			case 1:
				b = append(append(append(append(b, "The "...), role...), ", "...), name...)
				b = append(b, ", "...)
			default:
				b = append(append(b, name...), ' ')
			}
			b = append(append(b, saidColon[r.intn(len(saidColon))]...), quoteCtx[r.intn(len(quoteCtx))]...)
			b = append(b, `: "`...)
			b = append(append(b, text...), '"')
			add(text, storyline.Direct)
		case x < 6:
			text := q.s1 + " " + withComma(q.s2)
			b = append(append(append(b, "“"...), text...), "” "...)
			if r.chance(0.5) {
				b = append(append(b, saidAfter[r.intn(len(saidAfter))]...), ' ')
				b = append(b, name...)
				if r.chance(0.6) {
					b = append(append(b, ", the "...), role...)
				}
				b = append(append(b, quoteCtx[r.intn(len(quoteCtx))]...), '.')
			} else {
				b = append(append(append(b, name...), ", the "...), role...)
				b = append(append(append(b, ", "...), saidColon[r.intn(len(saidColon))]...), '.')
			}
			add(text, storyline.Direct)
		case x < 9:
			t1 := withComma(q.s1)
			b = append(append(append(append(b, '"'), t1...), `" `...), last...)
			b = append(append(append(b, ` said. "`...), q.s2...), '"')
			add(t1, storyline.Direct)
			add(q.s2, storyline.Direct)
		default:
			// reported speech, worded by each reporter: the truth takes
			// it from the text (see finish)
			ind := &e.story.topic.quotes[e.quotes[i]].ind
			switch r.intn(4) {
			case 0:
				b = append(append(append(appendActor(b, name), ", the "...), role...), ", "...)
				b = append(append(b, saidThat[r.intn(len(saidThat))]...), " that "...)
			case 1:
				b = append(append(append(b, "The "...), role...), ", "...)
				b = append(append(append(appendActor(b, name), ", "...), saidThat[r.intn(len(saidThat))]...), " that "...)
			case 2:
				b = append(append(append(appendActor(append(b, "According to "...), name), ", the "...), role...), ", "...)
			default:
				at := len(b) + 1
				b = append(ind.appendTo(append(b, quoteOpen), v, r), quoteClose, ',', ' ')
				if c := b[at]; 'a' <= c && c <= 'z' {
					b[at] -= 'a' - 'A'
				}
				b = append(append(appendActor(b, name), ' '), saidAfter[r.intn(len(saidAfter))]...)
				d.buf = append(b, '.')
				d.close(s, false)
				return
			}
			b = append(ind.appendTo(append(b, quoteOpen), v, r), quoteClose, '.')
		}
	}
	d.buf = b
	d.close(s, false)
}

// tidy closes up the spaces an empty alternative leaves in b[from:]: two
// spaces running, a space before a comma or a full stop, and a comma
// before a full stop.
func tidy(b []byte, from int) []byte {
	out := from
	for i := from; i < len(b); i++ {
		c := b[i]
		if c == ' ' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == ',' || b[i+1] == '.' || out == from) {
			continue
		}
		if c == ',' && (i+1 < len(b) && b[i+1] == '.' || i+2 < len(b) && b[i+1] == ' ' && b[i+2] == '.') {
			continue
		}
		b[out] = c
		out++
	}
	return b[:out]
}

var (
	townKinds   = []string{"a port town", "a market town", "a river town", "a town", "a coastal town", "an old mill town", "a city"}
	townRegions = []string{"north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west"}
	// placeNext are the words after which a town's name may take a
	// description between commas.
	placeNext = []string{" on ", " after ", " when ", " as ", " and ", " in ", " were ", " was ", " had ", " is ", " has ",
		" have ", " will ", " with ", " at ", " for ", " over ", " since ", " by ", " where ", " said", " told "}
)

// describePlace may describe the town named name where the sentence that
// ends d.buf at from first names it ("in Kessamouth, a port town of about
// 42,000 people, on Tuesday"), as a reporter does for readers who do not
// know it. What a town is, how many live there and where it lies follow
// from its name; how a report puts it is the report's choice.
func describePlace(d *doc, from int, name string, r *rng) {
	s := d.buf[from:]
	at := -1
	for off := 0; off < len(s); {
		i := bytes.Index(s[off:], []byte(name))
		if i < 0 {
			break
		}
		i += off
		j := i + len(name)
		before := i == 0 || s[i-1] == ' '
		if before && !(i >= 4 && string(s[i-4:i]) == "the ") && !(i >= 4 && string(s[i-4:i]) == "The ") {
			if j < len(s) && (s[j] == '.' || s[j] == ',' || s[j] == ':') {
				at = j
				break
			}
			if hasPrefixAny(s[j:], placeNext...) {
				at = j
				break
			}
		}
		off = j
	}
	if at < 0 {
		return
	}
	pr := newRNG(mix(uint64(len(name)), uint64(name[0])<<8|uint64(name[len(name)-1])))
	for k := 0; k < len(name); k++ {
		pr.s = pr.s*31 + uint64(name[k])
	}
	kind := townKinds[pr.intn(len(townKinds))]
	pop := (8 + pr.intn(140)) * 1000
	region := townRegions[pr.intn(len(townRegions))]
	var desc []byte
	switch r.intn(4) {
	case 0:
		desc = appendThousands(append(append(desc, kind...), " of about "...), pop)
		desc = append(desc, " people"...)
	case 1:
		desc = appendThousands(append(append(desc, kind...), " of "...), pop)
	case 2:
		desc = append(append(append(append(desc, kind...), " in the "...), region...), " of the country"...)
	default:
		desc = appendThousands(append(desc, "home to some "...), pop)
		desc = append(desc, " people"...)
	}
	d.tail = append(d.tail[:0], d.buf[from+at:]...)
	b := append(append(d.buf[:from+at], ", "...), desc...)
	if d.tail[0] != ',' && d.tail[0] != '.' && d.tail[0] != ':' {
		b = append(b, ',')
	}
	d.buf = append(b, d.tail...)
}
