package copies

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/storyline-news/storyline"
)

// Stage names the Finder's state in the store.
func (f *Finder) Stage() string { return "copies" }

// docKey is the state key of a document number; zero-padded so that key
// order is arrival order.
func docKey(d uint32) string { return fmt.Sprintf("d%010d", d) }

// keyPrefix starts the state keys of the Finder's sketches: "d", or "s"
// with Options.MinShare set, whose sketches hold band keys of another
// kind (see onePermKeys) that a Finder without it must not load, nor the
// other way round.
func (f *Finder) keyPrefix() string {
	if f.strongOnly() {
		return "s"
	}
	return "d"
}

// docKey is the state key of document d's sketch.
func (f *Finder) docKey(d uint32) string {
	if f.strongOnly() {
		return fmt.Sprintf("s%010d", d)
	}
	return docKey(d)
}

// Pending returns the sketches indexed since the last call.
func (f *Finder) Pending() map[string][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.pending) == 0 {
		return nil
	}
	out := f.pending
	f.pending = make(map[string][]byte)
	return out
}

// Load rebuilds the index from the sketches in s, in arrival order. It
// reads each stored sketch once (about 100 + 4 per fingerprint bytes,
// some 500 bytes for a typical article), not the articles themselves, and
// indexes it as it goes; the passage index keeps only its window. The
// groups of whole copies are rebuilt as they were formed: each article
// joins the articles it was found to copy whole right after it is
// indexed, as when it arrived, so that the roots after Load are those of
// a single run over the same stream.
func (f *Finder) Load(ctx context.Context, s storyline.StateStore) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for key, val := range s.ScanState(ctx, f.Stage(), f.keyPrefix()) {
		sk, err := decodeSketch(val)
		if err != nil {
			return fmt.Errorf("copies: load %s: %w", key, err)
		}
		d := f.insert(sk, false)
		if len(sk.with) > 0 {
			// stored as distances back from the document
			with := sk.with[:0]
			for _, back := range sk.with {
				if back > 0 && back <= d {
					with = append(with, d-back)
				}
			}
			f.join(d, with)
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("copies: load: %w", err)
	}
	return nil
}

func encodeSketch(s sketch) []byte {
	b := make([]byte, 0, 18+len(s.id)+4*bands+4*len(s.fps))
	b = binary.AppendUvarint(b, uint64(len(s.id)))
	b = append(b, s.id...)
	if s.hasSh {
		b = append(b, 1)
		for _, k := range s.keys {
			b = binary.LittleEndian.AppendUint32(b, k)
		}
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(s.fps)))
	for _, h := range s.fps {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	// the publication time came later: a sketch may end before it
	return binary.AppendVarint(b, s.at)
}

// appendWith appends to b, document d's encoded sketch, the documents
// with that d was found to copy whole (see Finder.join), as distances
// back from d: a count and a uvarint each, a byte or two apiece. It came
// after the publication time: a sketch may end before it, and then d
// copied nothing whole.
func appendWith(b []byte, d uint32, with []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(with)))
	for _, w := range with {
		b = binary.AppendUvarint(b, uint64(d-w))
	}
	return b
}

func decodeSketch(b []byte) (sketch, error) {
	var s sketch
	bad := fmt.Errorf("truncated sketch")
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n+1 {
		return s, bad
	}
	b = b[k:]
	s.id = string(b[:n])
	b = b[n:]
	s.hasSh = b[0] == 1
	b = b[1:]
	if s.hasSh {
		if len(b) < 4*bands {
			return s, bad
		}
		for i := range s.keys {
			s.keys[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		b = b[4*bands:]
	}
	n, k = binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < 4*n {
		return s, bad
	}
	b = b[k:]
	s.fps = make([]uint32, n)
	for i := range s.fps {
		s.fps[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	if b = b[4*n:]; len(b) > 0 {
		if s.at, k = binary.Varint(b); k <= 0 {
			return s, bad
		}
		b = b[k:]
	}
	if len(b) > 0 {
		n, k = binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n { // a uvarint takes a byte at least
			return s, bad
		}
		b = b[k:]
		s.with = make([]uint32, n)
		for i := range s.with {
			v, k := binary.Uvarint(b)
			if k <= 0 || v > 1<<32-1 {
				return s, bad
			}
			s.with[i] = uint32(v)
			b = b[k:]
		}
	}
	return s, nil
}
