package quotes

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
)

// GrouperOptions tune statement matching.
type GrouperOptions struct {
	// MinShared is the fewest content stems two wordings must share.
	MinShared int
	// MinContainment is the least share of the shorter wording's stems
	// that the longer one must contain.
	MinContainment float64
	// MaxPostings caps each (speaker, stem) posting list to its most recent
	// statements, so that matching a quote costs the same however large
	// the store grows.
	MaxPostings int
	// MaxStatements bounds the statements kept in memory for matching;
	// the oldest are forgotten first (they stay in the store).
	MaxStatements int
}

// DefaultGrouperOptions are the options NewGrouper uses for zero fields.
var DefaultGrouperOptions = GrouperOptions{MinShared: 3, MinContainment: 0.6, MaxPostings: 64, MaxStatements: 100_000}

// statement is what the grouper remembers of one statement.
type statement struct {
	Speaker string `json:"speaker"`
	// Wordings are the stems of each distinct wording, up to maxWordings:
	// a quote joins the statement when it matches one wording, so that a
	// statement does not drift by accumulating the words of all of them.
	Wordings [][]string `json:"wordings"`
	First    string     `json:"first"`
	// Seq orders statements by creation, for forgetting the oldest.
	Seq uint64 `json:"seq"`
}

// maxWordings bounds the wordings a statement keeps for matching.
const maxWordings = 16

// Grouper gives each quote the id of the statement it renders. Statements
// are matched by speaker and by the content-word stems their wordings
// share, through an inverted index keyed by speaker and stem: a reworded
// quote ("unwillingness to recognise red lines" beside "unpreparedness to
// recognize red lines") joins the statement when it shares enough stems.
// It also learns full speaker names, so that "Putin" alone resolves to
// "Vladimir Putin" once the full name has been seen.
type Grouper struct {
	opts  GrouperOptions
	mu    sync.Mutex
	stmts map[string]*statement
	post  map[string][]string // speaker key + "|" + stem → statement ids, oldest first
	names map[string]string   // surname → full name, "" when ambiguous
	dirty map[string][]byte
	order []string // statement ids, oldest first
	seq   uint64
}

// NewGrouper returns an empty grouper; zero option fields take defaults.
func NewGrouper(opts GrouperOptions) *Grouper {
	if opts.MinShared <= 0 {
		opts.MinShared = DefaultGrouperOptions.MinShared
	}
	if opts.MinContainment <= 0 {
		opts.MinContainment = DefaultGrouperOptions.MinContainment
	}
	if opts.MaxPostings <= 0 {
		opts.MaxPostings = DefaultGrouperOptions.MaxPostings
	}
	if opts.MaxStatements <= 0 {
		opts.MaxStatements = DefaultGrouperOptions.MaxStatements
	}
	return &Grouper{opts: opts, stmts: map[string]*statement{}, post: map[string][]string{},
		names: map[string]string{}, dirty: map[string][]byte{}}
}

// Stage names the grouper's state in the store.
func (g *Grouper) Stage() string { return "statements" }

// Load restores statements and names from the store.
func (g *Grouper) Load(ctx context.Context, s storyline.StateStore) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	for k, v := range s.ScanState(ctx, g.Stage(), "n/") {
		g.names[strings.TrimPrefix(k, "n/")] = string(v)
	}
	var ids []string
	loaded := map[string]*statement{}
	for k, v := range s.ScanState(ctx, g.Stage(), "s/") {
		var st statement
		if err := json.Unmarshal(v, &st); err != nil {
			return fmt.Errorf("statements: load %s: %w", k, err)
		}
		id := strings.TrimPrefix(k, "s/")
		ids = append(ids, id)
		loaded[id] = &st
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := loaded[ids[i]], loaded[ids[j]]
		return a.Seq < b.Seq || a.Seq == b.Seq && ids[i] < ids[j]
	})
	if len(ids) > g.opts.MaxStatements {
		ids = ids[len(ids)-g.opts.MaxStatements:]
	}
	for _, id := range ids {
		g.index(id, loaded[id])
		g.seq = max(g.seq, loaded[id].Seq)
	}
	return ctx.Err()
}

// Pending returns the statements and names changed since the last call.
func (g *Grouper) Pending() map[string][]byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := g.dirty
	g.dirty = map[string][]byte{}
	return out
}

func (g *Grouper) index(id string, st *statement) {
	g.stmts[id] = st
	g.order = append(g.order, id)
	for len(g.stmts) > g.opts.MaxStatements && len(g.order) > 0 {
		g.forget(g.order[0])
		g.order = g.order[1:]
	}
	for _, w := range st.Wordings {
		g.post1(id, st.Speaker, w)
	}
}

// forget drops the oldest statement from memory and from its postings,
// so that both stay bounded however long the stream (it stays in the
// store).
func (g *Grouper) forget(id string) {
	st, ok := g.stmts[id]
	if !ok {
		return
	}
	delete(g.stmts, id)
	for _, w := range st.Wordings {
		for _, s := range w {
			k := st.Speaker + "|" + s
			p := slices.DeleteFunc(g.post[k], func(x string) bool { return x == id })
			if len(p) == 0 {
				delete(g.post, k)
			} else {
				g.post[k] = p
			}
		}
	}
}

// post1 adds statement id to the postings of the stems of one wording.
func (g *Grouper) post1(id, speaker string, stems []string) {
	for _, s := range stems {
		k := speaker + "|" + s
		p := g.post[k]
		if len(p) > 0 && p[len(p)-1] == id {
			continue
		}
		p = append(p, id)
		if len(p) > g.opts.MaxPostings {
			p = p[len(p)-g.opts.MaxPostings:]
		}
		g.post[k] = p
	}
}

// speakerKey is the lower-cased last word of a speaker's name.
func speakerKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return "?"
	}
	return strings.TrimSuffix(f[len(f)-1], "'s")
}

// Group sets the Statement of every quote, in order, and canonicalises
// single-word speaker names to full names the grouper knows.
func (g *Grouper) Group(ctx context.Context, qs []storyline.Quote) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range qs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("group quotes: %w", err)
		}
		q := &qs[i]
		g.learnName(q.Speaker)
		if !strings.Contains(q.Speaker, " ") {
			if full := g.names[speakerKey(q.Speaker)]; full != "" {
				q.Speaker = full
			}
		}
		q.Statement = g.match(q)
	}
	return nil
}

func (g *Grouper) learnName(name string) {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 4 {
		return
	}
	key := speakerKey(name)
	old, ok := g.names[key]
	switch {
	case !ok:
		g.names[key] = name
	case old == name || old == "":
		return
	default:
		g.names[key] = "" // two people share the surname
	}
	g.dirty["n/"+key] = []byte(g.names[key])
}

func (g *Grouper) match(q *storyline.Quote) string {
	spk := speakerKey(q.Speaker)
	stems := contentStems(q.Text)
	if len(stems) == 0 {
		return ""
	}
	// hits counts, per candidate, the quote's stems it is indexed under: a
	// wording shares at most that many (a posting list cut to its newest
	// MaxPostings may count fewer for an old statement, which then loses
	// a match it would barely have made), so most candidates are dropped
	// without comparing their wordings stem by stem.
	hits := map[string]int{}
	for _, s := range stems {
		for _, id := range g.post[spk+"|"+s] {
			hits[id]++
		}
	}
	mine := make(map[string]bool, len(stems))
	for _, s := range stems {
		mine[s] = true
	}
	best, bestScore, exact := "", 0.0, false
	for id, h := range hits {
		st, ok := g.stmts[id]
		if !ok {
			continue // forgotten
		}
		for _, w := range st.Wordings {
			if h < min(g.opts.MinShared, len(stems), len(w)) {
				continue // cannot share enough: skip counting
			}
			n := 0
			for _, s := range w {
				if mine[s] {
					n++
				}
			}
			short := min(len(stems), len(w))
			if n < min(g.opts.MinShared, short) {
				continue
			}
			score := float64(n) / float64(short)
			if score >= g.opts.MinContainment && (score > bestScore || score == bestScore && id < best) {
				best, bestScore = id, score
				exact = n == len(stems) && n == len(w)
			}
		}
	}
	if best != "" {
		st := g.stmts[best]
		if !exact && len(st.Wordings) < maxWordings {
			st.Wordings = append(st.Wordings, stems)
			g.post1(best, spk, stems)
			g.save(best, st)
		}
		return best
	}
	id := textproc.Hash(spk + "|" + q.Text)[:16]
	if _, taken := g.stmts[id]; !taken {
		g.seq++
		st := &statement{Speaker: spk, Wordings: [][]string{stems}, First: q.Article, Seq: g.seq}
		g.index(id, st)
		g.save(id, st)
	}
	return id
}

func (g *Grouper) save(id string, st *statement) {
	b, err := json.Marshal(st)
	if err == nil {
		g.dirty["s/"+id] = b
	}
}

var stopStems = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or but of to in on at by for with from about as is are was
were be been being it its this that these those there here he she they we i you his her their our my
your him them us me not no so if then than too very can could would should will shall may might must
do does did have has had what which who whom whose when where why how all any some such also just only
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было
вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их
чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при
наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
всю между это`) {
		stopStems[w] = true
	}
}

// contentStems returns the distinct stems of the content words of text,
// in order, with American and British spellings folded ("recognize",
// "recognise").
func contentStems(text string) []string {
	toks := textproc.Tokenize(nil, text)
	seen := map[string]bool{}
	var out []string
	for _, t := range toks {
		w := strings.ReplaceAll(t.Term, "'", "")
		if stopStems[w] || len([]rune(w)) < 3 {
			continue
		}
		var s string
		if w[0] >= 0xd0 {
			s = russian.Stem(w, false)
		} else {
			s = english.Stem(strings.ReplaceAll(w, "z", "s"), false)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
