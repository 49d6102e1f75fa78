package cluster

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/zeebo/xxh3"
)

// StageName is the key of the clusterer's state in Batch.State.
const StageName = "cluster"

// dfShards is how many keys the document frequencies are spread over, so
// that a batch rewrites only the shards its terms touched.
const dfShards = 64

func dfShard(term string) int { return int(xxh3.HashString(term) % dfShards) }

// The state keys: "meta", "df/NN", "event/ID", "story/ID".
const (
	keyMeta  = "meta"
	prefixDF = "df/"
	prefixEv = "event/"
	prefixSt = "story/"
)

type metaState struct {
	Docs      int       `json:"docs"`
	DFSavedAt int       `json:"df_saved_at"`
	Clock     time.Time `json:"clock"`
	NextEvent int       `json:"next_event"`
	NextStory int       `json:"next_story"`
	// SinceSweep counts the arrivals since clusters were last evicted,
	// and Rate the arrivals of the current and last stream day and hour
	// (dayRate): a run resumed evicts and guards dense streams when a
	// run never stopped would.
	SinceSweep int       `json:"since_sweep,omitempty"`
	Rate       rateState `json:"rate"`
	// ClockLags are the lags behind the clock of the latest dated
	// arrivals, oldest first (untimedState): a run resumed trusts the
	// clock for undated articles when a run never stopped would.
	ClockLags []time.Duration `json:"clock_lags,omitempty"`
}

// rateState is a dayRate as stored.
type rateState struct {
	Day   int64 `json:"day,omitempty"`
	Hour  int64 `json:"hour,omitempty"`
	N     int   `json:"n,omitempty"`
	Prev  int   `json:"prev,omitempty"`
	HN    int   `json:"hn,omitempty"`
	HPrev int   `json:"hprev,omitempty"`
}

// termRecord is what a document frequency shard holds of a term: its
// df, nameDF and seen (termStat), stored as a JSON array. A bare number,
// as stores written before nameDF and seen were kept hold, is its df.
type termRecord [3]uint32

// UnmarshalJSON reads a termRecord or a bare document frequency.
func (r *termRecord) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] != '[' {
		*r = termRecord{}
		return json.Unmarshal(b, &r[0])
	}
	return json.Unmarshal(b, (*[3]uint32)(r))
}

type nodeState struct {
	ID    string `json:"id"`
	Seq   int    `json:"seq"`
	Story string `json:"story,omitempty"`
	// Centroid is the centroid in binary (encodeCentroid); JSON carries
	// it as base64.
	Centroid   []byte              `json:"centroid"`
	Size       int                 `json:"size"`
	LastArr    int                 `json:"last_arrival"`
	First      time.Time           `json:"first"`
	Last       time.Time           `json:"last"`
	FirstPub   storyline.Published `json:"first_pub"`
	LastPub    storyline.Published `json:"last_pub"`
	Articles   []string            `json:"articles,omitempty"`
	Children   []string            `json:"children,omitempty"`
	Title      string              `json:"title"`
	TitleScore float64             `json:"title_score"`
	// Names are an event's protagonist counts by term, Days its event
	// day counts (days since the Unix epoch).
	Names map[string]float32 `json:"names,omitempty"`
	Days  map[int32]float32  `json:"days,omitempty"`
	// days are the days as the node holds them, which appendNodeState
	// writes as Days, so that no map is made for each node written.
	days dayCounts
	// Persons and Mains count the members naming each person, and whose
	// main person it is.
	Persons map[string]float32 `json:"persons,omitempty"`
	Mains   map[string]float32 `json:"mains,omitempty"`
	// Leads counts the members leading with each person.
	Leads map[string]float32 `json:"leads,omitempty"`
	// Subjects counts the members' subjects (see otherSubject).
	Subjects map[string]float32 `json:"subjects,omitempty"`
	// Weekdays counts the members' event weekdays, Sunday first.
	Weekdays []float32 `json:"weekdays,omitempty"`
	// Magnitudes are the magnitudes the members state, in tenths
	// (measure.go).
	Magnitudes []int16 `json:"magnitudes,omitempty"`
	// Ordinals are the title nouns the members number, each as the
	// number, a space and the noun (ordinal.go).
	Ordinals []string `json:"ordinals,omitempty"`
	// Keys is the centroid of name keys, encoded as Centroid; Scripts
	// counts the members in Latin (or other) script and in Cyrillic.
	Keys    []byte    `json:"keys,omitempty"`
	Scripts []float32 `json:"scripts,omitempty"`
	// Weights is weightsF32 when the weights of Centroid and Keys are
	// their float32 bits; empty, as in stores written before, when they
	// are in units of 1/weightUnit, which a resumed run would compare by
	// other figures than a run never stopped.
	Weights string `json:"weights,omitempty"`
	// Norm2 and KeysNorm2 are the squared norms of Centroid and Keys as
	// the clusterer kept them, summed as members joined: summed again
	// from the weights they would differ in the last bits. Zero (as in
	// stores written before) has them summed again.
	Norm2     float64 `json:"norm2,omitempty"`
	KeysNorm2 float64 `json:"keys_norm2,omitempty"`
	// Untimed counts the members of unknown time (node.untimed).
	Untimed int `json:"untimed,omitempty"`
}

// weightsF32 is nodeState.Weights for weights written as float32 bits.
const weightsF32 = "f32"

// markDirty records that the state of cluster id changed, unless the
// clusterer keeps no state (Options.NoState).
func (c *Clusterer) markDirty(id string) {
	if c.keepState {
		c.dirtyKeys[id] = true
	}
}

// Stage implements storyline.Stateful.
func (c *Clusterer) Stage() string { return StageName }

// Pending implements storyline.Stateful: the document frequency shards,
// the active clusters changed since the last call, deletions (nil) for
// clusters merged away or evicted, and the counters.
func (c *Clusterer) Pending() map[string][]byte {
	dirtyDF := c.dirtyDF != [dfShards]bool{}
	out := make(map[string][]byte, len(c.dirtyKeys)+dfShards+1)
	if len(c.dirtyKeys) == 0 && !dirtyDF {
		return out
	}
	// Document frequencies change with every article but IDF moves slowly:
	// they are written while the corpus is small, then each time it has
	// grown by a tenth, so the cost stays proportional to the growth.
	if dirtyDF && (c.docs < 2000 || c.docs >= c.dfSavedAt+c.dfSavedAt/10) {
		c.dfSavedAt = c.docs
		var ts []dfTerm
		for id, st := range c.stat {
			e := c.lex.entry(uint32(id))
			s := e.shard()
			if !c.dirtyDF[s] || st.df == 0 {
				continue
			}
			ts = append(ts, dfTerm{s, e.term, termRecord{st.df, st.nameDF, st.seen}})
		}
		appendDFShards(out, ts, &c.dirtyDF)
		c.dirtyDF = [dfShards]bool{}
	}
	// the counters after the frequencies: Load counts documents from
	// DFSavedAt, which must name the frequencies written with them
	r := c.rate
	meta, _ := json.Marshal(metaState{Docs: c.docs, DFSavedAt: c.dfSavedAt, Clock: c.clock, NextEvent: c.nextEvent, NextStory: c.nextStory,
		SinceSweep: c.sinceSweep, Rate: rateState{Day: r.day, Hour: r.hour, N: r.n, Prev: r.prev, HN: r.hn, HPrev: r.hprev},
		ClockLags: c.untimed.recent()})
	out[keyMeta] = meta
	for id := range c.dirtyKeys {
		key, m := prefixEv+id, c.events
		if strings.HasPrefix(id, "s") {
			key, m = prefixSt+id, c.stories
		}
		n := m[id]
		if n == nil {
			out[key] = nil
			continue
		}
		out[key] = c.encodeNode(n)
	}
	clear(c.dirtyKeys)
	return out
}

// weightUnit scales centroid weights to the integers stores written
// before nodeState.Weights hold.
const weightUnit = 1e5

func (c *Clusterer) encodeNode(n *node) []byte {
	st := nodeState{ID: n.id, Seq: n.seq,
		First: n.first, Last: n.last, FirstPub: n.firstPub, LastPub: n.lastPub,
		Articles: n.articles, Size: n.size, LastArr: n.lastArrival, Children: n.children, Title: n.title, TitleScore: n.titleScore,
		Untimed: n.untimed}
	if n.story != nil {
		st.Story = n.story.live().id
	}
	// the binary centroids in the clusterer's buffers, which the node's
	// JSON copies (encoded) before they are used again; never nil, which
	// JSON would write as null, not as an empty centroid
	if c.centBuf == nil {
		c.centBuf = make([]byte, 0, 4096)
	}
	c.centBuf = c.appendCentroid(c.centBuf[:0], &n.cent)
	st.Centroid = c.centBuf
	st.Weights, st.Norm2, st.KeysNorm2 = weightsF32, n.cent.norm2, n.keys.norm2
	if len(n.names) > 0 {
		st.Names = make(map[string]float32, len(n.names))
		for id, k := range n.names {
			st.Names[c.lex.term(id)] = k
		}
	}
	st.days = n.days
	st.Persons, st.Mains, st.Leads, st.Subjects = n.persons, n.mains, n.leads, n.subjects
	if n.weekdays != [7]float32{} {
		st.Weekdays = n.weekdays[:]
	}
	st.Magnitudes = n.magnitudes
	st.Ordinals = ordinalStrings(n.ordinals)
	if len(n.keys.ids) > 0 {
		c.keysBuf = c.appendCentroid(c.keysBuf[:0], &n.keys)
		st.Keys = c.keysBuf
	}
	if n.scripts != [2]float32{} {
		st.Scripts = n.scripts[:]
	}
	return appendNodeState(make([]byte, 0, 256+(len(st.Centroid)+len(st.Keys))*4/3+32*len(st.Articles)), &st)
}

// Titles returns the titles of events and stories set or changed since the
// last call (for Batch.Titles) and forgets them.
func (c *Clusterer) Titles() map[string]string {
	out := make(map[string]string, len(c.titles))
	for id, t := range c.titles {
		if c.events[id] != nil || c.stories[id] != nil {
			out[id] = t
		}
	}
	clear(c.titles)
	return out
}

// Load implements storyline.Stateful: it restores the counters, document
// frequencies and the active clusters (those not yet evicted).
func (c *Clusterer) Load(ctx context.Context, s storyline.StateStore) error {
	b, err := s.State(ctx, StageName, keyMeta)
	if err != nil {
		if errors.Is(err, storyline.ErrNotFound) {
			return nil
		}
		return fmt.Errorf("cluster: load meta: %w", err)
	}
	var meta metaState
	if err := json.Unmarshal(b, &meta); err != nil {
		return fmt.Errorf("cluster: load meta: %w", err)
	}
	c.docs, c.clock, c.nextEvent, c.nextStory = meta.Docs, meta.Clock, meta.NextEvent, meta.NextStory
	c.dfSavedAt = meta.DFSavedAt
	c.sinceSweep = meta.SinceSweep
	r := meta.Rate
	c.rate = dayRate{day: r.Day, hour: r.Hour, n: r.N, prev: r.Prev, hn: r.HN, hprev: r.HPrev}
	c.untimed = untimedState{}
	for _, lag := range meta.ClockLags {
		c.untimed.addLag(lag)
	}
	if c.dfSavedAt > 0 {
		// the frequencies on record were counted over dfSavedAt documents
		c.docs = c.dfSavedAt
	}
	for key, val := range s.ScanState(ctx, StageName, prefixDF) {
		var m map[string]termRecord
		if err := json.Unmarshal(val, &m); err != nil {
			return fmt.Errorf("cluster: load %s: %w", key, err)
		}
		for t, r := range m {
			id := c.termID(t)
			st := &c.stat[id]
			st.df, st.nameDF, st.seen = r[0], r[1], r[2]
			c.setName(id)
		}
	}
	load := func(prefix string, into map[string]*node) error {
		for key, val := range s.ScanState(ctx, StageName, prefix) {
			var st nodeState
			if err := json.Unmarshal(val, &st); err != nil {
				return fmt.Errorf("cluster: load %s: %w", key, err)
			}
			n := &node{id: st.ID, seq: st.Seq,
				first: st.First, last: st.Last, firstPub: st.FirstPub, lastPub: st.LastPub,
				articles: st.Articles, size: st.Size, lastArrival: st.LastArr, children: st.Children, title: st.Title, titleScore: st.TitleScore,
				untimed: st.Untimed}
			f32 := st.Weights == weightsF32
			if err := c.decodeCentroid(st.Centroid, &n.cent, f32, st.Norm2); err != nil {
				return fmt.Errorf("cluster: load %s: %w", key, err)
			}
			if err := c.decodeCentroid(st.Keys, &n.keys, f32, st.KeysNorm2); err != nil {
				return fmt.Errorf("cluster: load %s keys: %w", key, err)
			}
			copy(n.scripts[:], st.Scripts)
			if st.Story != "" {
				n.story = &node{id: st.Story} // resolved below
			}
			for t, k := range st.Names {
				if n.names == nil {
					n.names = make(map[uint32]float32, len(st.Names))
				}
				n.names[c.termID(t)] = k
			}
			n.days = daysOf(st.Days)
			n.persons, n.mains, n.leads, n.subjects = st.Persons, st.Mains, st.Leads, st.Subjects
			copy(n.weekdays[:], st.Weekdays)
			n.magnitudes = st.Magnitudes
			n.ordinals = parseOrdinals(st.Ordinals)
			into[n.id] = n
			c.activeOf(n).add(n)
		}
		return ctx.Err()
	}
	if err := load(prefixSt, c.stories); err != nil {
		return err
	}
	if err := load(prefixEv, c.events); err != nil {
		return err
	}
	c.growScratch()
	for _, ids := range [][]string{sortedKeys(c.stories), sortedKeys(c.events)} {
		for _, id := range ids {
			n := c.events[id]
			x := c.eventIdx
			if n == nil {
				n, x = c.stories[id], c.storyIdx
			}
			x.add(n, centroidTerms(n))
			x.add(n, n.keys.ids)
		}
	}
	var shells map[string]*node
	for _, id := range sortedKeys(c.events) {
		e := c.events[id]
		if e.story != nil {
			s := c.stories[e.story.id]
			if s == nil {
				// The story left the window; keep a shell so ids stay
				// right. Evicted, as it was (sweep): out of the index
				// and the state, whatever members its events gain.
				if s = shells[e.story.id]; s == nil {
					s = &node{id: e.story.id, seq: seqOf(e.story.id), gone: true}
					if shells == nil {
						shells = make(map[string]*node)
					}
					shells[s.id] = s
				}
			}
			e.story = s
		}
		for _, a := range e.articles {
			c.articleEvent[a] = e
		}
	}
	return nil
}

// termID returns the id of a term, adding it to the lexicon when new.
func (c *Clusterer) termID(t string) uint32 {
	id := c.lex.id(t)
	c.growDF()
	return id
}

func seqOf(id string) int {
	n, _ := strconv.Atoi(id[1:])
	return n
}

func sortedKeys(m map[string]*node) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	// by sequence, so that index postings keep arrival order
	sortBySeq(ks)
	return ks
}

func sortBySeq(ks []string) {
	sort.Slice(ks, func(i, j int) bool { return seqOf(ks[i]) < seqOf(ks[j]) })
}

// encodeCentroid writes a centroid as, per term in its (deterministic)
// slice order, the term's length and bytes (uvarint, bytes) and its
// weight's float32 bits (4 bytes, little-endian): a reloaded centroid
// scores candidates exactly as the one saved.
func (c *Clusterer) encodeCentroid(ct *centroid) []byte {
	return c.appendCentroid(make([]byte, 0, 24*len(ct.ids)), ct)
}

// appendCentroid appends to buf what encodeCentroid writes.
func (c *Clusterer) appendCentroid(buf []byte, ct *centroid) []byte {
	for i := range ct.ids {
		t := c.lex.term(ct.ids[i])
		buf = binary.AppendUvarint(buf, uint64(len(t)))
		buf = append(buf, t...)
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(ct.ws[i]))
	}
	return buf
}

// decodeCentroid reads into ct what encodeCentroid wrote (f32) or, from
// stores written before, the weights in units of 1/weightUnit (a varint
// each). norm2 is the squared norm saved, or zero to sum it again.
func (c *Clusterer) decodeCentroid(b []byte, ct *centroid, f32 bool, norm2 float64) error {
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return errors.New("bad centroid term")
		}
		t := string(b[k : k+int(n)])
		b = b[k+int(n):]
		var f float32
		if f32 {
			if len(b) < 4 {
				return errors.New("bad centroid weight")
			}
			f = math.Float32frombits(binary.LittleEndian.Uint32(b))
			b = b[4:]
		} else {
			w, k := binary.Varint(b)
			if k <= 0 {
				return errors.New("bad centroid weight")
			}
			b = b[k:]
			f = float32(float64(w) / weightUnit)
		}
		ct.ids = append(ct.ids, c.termID(t))
		ct.ws = append(ct.ws, f)
		ct.norm2 += float64(f) * float64(f)
	}
	if norm2 != 0 {
		ct.norm2 = norm2
	}
	return nil
}
