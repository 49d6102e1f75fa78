package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// truth is the ground truth of a stream, collected compactly while the
// stream passes: every article becomes a small int (its position), labels
// are interned, and only the articles in the evaluation sample keep their
// quotes, which wait in a temporary file (see spill) rather than in the
// heap the pipeline is measured by. A million articles take a few tens of
// megabytes.
type truth struct {
	every int // an article is sampled when its position is a multiple of every

	ids   []string
	index map[string]int32
	event []int32
	story []int32
	// copyOf is the id of the article this one copies (resolved at the
	// end: an original may arrive after its copy), copyKind its kind.
	copyOfID map[int32]string
	copyKind []string
	labels   map[string]int32 // interned event and story labels
	kinds    map[string]string
	quotes   quoteSpill
	skipped  int // lines without an id or not JSON
}

// quoteSpill keeps the true quotes of the sampled articles, as the JSON
// the input gave, in a temporary file: at a million articles they were a
// quarter of the live heap while the pipeline ran, which the collector
// paid for on every cycle. The file is created on first use.
type quoteSpill struct {
	f   *os.File
	w   *bufio.Writer
	end int64               // bytes written so far
	at  map[int32]spillSpan // where each article's quotes are
	err error               // the first error writing; reported by get
}

// spillSpan is a stretch of the spill file.
type spillSpan struct {
	off int64
	n   int32
}

// put records raw, the JSON array of the quotes of article i, replacing
// what an earlier line with the same id gave.
func (q *quoteSpill) put(i int32, raw []byte) {
	if q.err != nil {
		return
	}
	if q.f == nil {
		f, err := os.CreateTemp("", "storyline-bench-quotes-*")
		if err != nil {
			q.err = fmt.Errorf("bench: keep true quotes: %w", err)
			return
		}
		// Unlinked at once where the system allows it, so that nothing
		// is left behind however the run ends; close removes it otherwise.
		_ = os.Remove(f.Name())
		q.f, q.w, q.at = f, bufio.NewWriterSize(f, 1<<16), map[int32]spillSpan{}
	}
	if _, err := q.w.Write(raw); err != nil {
		q.err = fmt.Errorf("bench: keep true quotes: %w", err)
		return
	}
	q.at[i] = spillSpan{q.end, int32(len(raw))}
	q.end += int64(len(raw))
}

// get returns the true quotes of article i, or nil when it has none.
func (q *quoteSpill) get(i int32) ([]truthQuote, error) {
	if q.err != nil {
		return nil, q.err
	}
	sp, ok := q.at[i]
	if !ok {
		return nil, nil
	}
	if q.w.Buffered() > 0 {
		if err := q.w.Flush(); err != nil {
			q.err = fmt.Errorf("bench: keep true quotes: %w", err)
			return nil, q.err
		}
	}
	buf := make([]byte, sp.n)
	if _, err := q.f.ReadAt(buf, sp.off); err != nil {
		return nil, fmt.Errorf("bench: read true quotes back: %w", err)
	}
	var qs []truthQuote
	if err := json.Unmarshal(buf, &qs); err != nil {
		return nil, nil // quotes that are not a list of quotes are no truth
	}
	return qs, nil
}

// close removes the spill file.
func (q *quoteSpill) close() error {
	if q.f == nil {
		return nil
	}
	name := q.f.Name()
	err := q.f.Close()
	if rerr := os.Remove(name); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
		err = rerr
	}
	q.f = nil
	return err
}

// truthQuote is one true quote and who said it.
type truthQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Kind    string `json:"kind"` // direct or indirect; empty when not given
}

// truthRecord is the part of an input line the evaluation reads.
type truthRecord struct {
	ID       json.RawMessage `json:"id"`
	Cluster  string          `json:"cluster"`
	Story    string          `json:"story"`
	CopyOf   string          `json:"copy_of"`
	CopyKind string          `json:"copy_kind"`
	Quotes   json.RawMessage `json:"quotes"`
}

func newTruth(every int) *truth {
	return &truth{
		every:    max(every, 1),
		index:    map[string]int32{},
		labels:   map[string]int32{},
		kinds:    map[string]string{},
		copyOfID: map[int32]string{},
	}
}

func (t *truth) intern(s string) int32 {
	if s == "" {
		return -1
	}
	if n, ok := t.labels[s]; ok {
		return n
	}
	n := int32(len(t.labels))
	t.labels[s] = n
	return n
}

// sampled reports whether the article at position i is evaluated.
func (t *truth) sampled(i int) bool { return i%t.every == 0 }

// add records the truth of one JSON line.
func (t *truth) add(line []byte) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return
	}
	var r truthRecord
	if !scanTruth(line, &r) {
		if err := json.Unmarshal(line, &r); err != nil {
			t.skipped++
			return
		}
	}
	id := rawString(r.ID)
	if id == "" {
		t.skipped++
		return
	}
	i, seen := t.index[id]
	if !seen {
		i = int32(len(t.ids))
		t.index[id] = i
		t.ids = append(t.ids, id)
		t.event = append(t.event, 0)
		t.story = append(t.story, 0)
		t.copyKind = append(t.copyKind, "")
	}
	t.event[i] = t.intern("e:" + r.Cluster)
	t.story[i] = t.intern("s:" + r.Story)
	delete(t.copyOfID, i)
	t.copyKind[i] = ""
	if r.CopyOf != "" {
		t.copyOfID[i] = r.CopyOf
		k, ok := t.kinds[r.CopyKind]
		if !ok {
			k = strings.Clone(r.CopyKind)
			t.kinds[k] = k
		}
		t.copyKind[i] = k
	}
	if t.sampled(int(i)) && len(r.Quotes) > 0 && !bytes.Equal(r.Quotes, []byte("null")) {
		t.quotes.put(i, r.Quotes)
	}
}

// rawString reads a JSON string or number as ingest does.
func rawString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return strings.TrimSpace(s)
	}
	if raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9' {
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			return ""
		}
		return n.String()
	}
	return ""
}

// tap is a Writer that records the truth of every complete line written
// through it before passing the bytes on, so that an article's truth is
// known before the pipeline can read the article.
type tap struct {
	t       *truth
	w       io.Writer
	partial []byte
}

func (p *tap) Write(b []byte) (int, error) {
	rest := b
	for {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			p.partial = append(p.partial, rest...)
			break
		}
		if len(p.partial) > 0 {
			p.partial = append(p.partial, rest[:nl]...)
			p.t.add(p.partial)
			p.partial = p.partial[:0]
		} else {
			p.t.add(rest[:nl])
		}
		rest = rest[nl+1:]
	}
	n, err := p.w.Write(b)
	if err != nil {
		return n, fmt.Errorf("bench: pass input on: %w", err)
	}
	return n, nil
}

// flush records a last line without a newline.
func (p *tap) flush() {
	if len(p.partial) > 0 {
		p.t.add(p.partial)
		p.partial = nil
	}
}

// goldPairs returns the true copy pairs that involve article i. A copy
// family is an original and its copies. Within it:
//
//   - each copy with its original is a pair of the copy's kind;
//   - two duplicates or near-duplicates of one original are copies of
//     each other (both carry most of its text): duplicate when both are
//     duplicates, near_duplicate otherwise;
//   - a partial copy with another copy of its original is not judged:
//     the two share text only when the paragraphs the partial copy took
//     survive in the other copy, which the truth does not say. Such pairs
//     are left out of the gold pairs, and found ones out of the predicted
//     (see unjudged).
//
// groups maps an original to its copies and copyOf a copy to its original
// (copyGroups).
func (t *truth) goldPairs(i int32, groups map[int32][]int32, copyOf map[int32]int32) []kindPair {
	var out []kindPair
	for _, c := range groups[i] { // i is an original
		out = append(out, kindPair{Pair{t.ids[i], t.ids[c]}.Ordered(), t.copyKind[c]})
	}
	if o, ok := copyOf[i]; ok { // i is a copy
		out = append(out, kindPair{Pair{t.ids[o], t.ids[i]}.Ordered(), t.copyKind[i]})
		for _, c := range groups[o] {
			if c == i || t.copyKind[i] == "partial" || t.copyKind[c] == "partial" {
				continue
			}
			out = append(out, kindPair{Pair{t.ids[i], t.ids[c]}.Ordered(), pairKind(t.copyKind[i], t.copyKind[c])})
		}
	}
	return out
}

// unjudged reports whether the pair of articles a and b is one the truth
// cannot judge: two copies of one original, one of them partial.
func (t *truth) unjudged(a, b string, copyOf map[int32]int32) bool {
	i, ok1 := t.index[a]
	j, ok2 := t.index[b]
	if !ok1 || !ok2 {
		return false
	}
	oi, ci := copyOf[i]
	oj, cj := copyOf[j]
	return ci && cj && oi == oj && (t.copyKind[i] == "partial" || t.copyKind[j] == "partial")
}

// pairKind is the kind of a pair of two whole copies (duplicates or
// near-duplicates) of one original.
func pairKind(a, b string) string {
	if a == "duplicate" && b == "duplicate" {
		return "duplicate"
	}
	return "near_duplicate"
}

// kindPair is a pair with its kind of copy.
type kindPair struct {
	Pair
	Kind string
}

// copyGroups maps every original to its copies, in stream order, and
// every copy to its original. Copies of an article not in the stream are
// left out.
func (t *truth) copyGroups() (groups map[int32][]int32, copyOf map[int32]int32) {
	groups = map[int32][]int32{}
	copyOf = make(map[int32]int32, len(t.copyOfID))
	for i := range int32(len(t.ids)) {
		id, ok := t.copyOfID[i]
		if !ok {
			continue
		}
		o, ok := t.index[id]
		if !ok || o == i {
			continue
		}
		groups[o] = append(groups[o], i)
		copyOf[i] = o
	}
	return groups, copyOf
}
