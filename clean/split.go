package clean

import (
	"encoding/binary"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// line is one line of text with its normalized form and learning key.
// It holds no pointers, so that the lines of an article cost the garbage
// collector nothing to scan: the line's text and normalized form are
// spans of the text and of the split's normalized text.
type line struct {
	start, end   int // the line in the text, without its line end
	nstart, nend int // its normalized form in the normalized text
	words        int
	runes        int    // code points of the normalized form
	key          uint64 // 0 for an empty or numeric line, which is never learned
	// kind is what the generic rules say of the line (classify), which
	// needs nothing of the outlet: it is found with the split, ahead of
	// cleaning when Prepare makes it.
	kind lineKind
	// numeric is set for a line a quarter or more of whose non-space
	// characters are digits ("9:05 p.m.", "2,383"): such lines
	// (live-blog times, tallies) differ by their digits only and are
	// never learned. digits tells whether norm has any.
	numeric, digits bool
	// learned and keep are clean's verdicts on the line.
	learned, keep bool
}

// splitter holds the lines of one text and their normalized forms.
type splitter struct {
	lines []line
	// norm holds the normalized lines in order, a space between two that
	// are not empty: it is the normalized form of the whole text.
	norm []byte
	// invalid is set when the text is not valid UTF-8.
	invalid bool
	fold    []byte // a long line with its digits folded, for lineKey
}

// work is the scratch space of one Clean: the lines of an article, their
// normalized forms in one buffer, and the buffers learning and writing the
// clean text use. A Cleaner keeps them for reuse; nothing in them outlives
// the call that used them.
type work struct {
	splitter
	out    []byte   // the clean text being written
	keys   []uint64 // the learnable keys of the article
	shared []uint64 // the keys of its lines other outlets carried too
	// touched sums the keys of the slots learn loaded ahead, so that the
	// loads are not left out.
	touched uint64
}

// getWork returns scratch space for one Clean.
func (c *Cleaner) getWork() *work {
	if w, ok := c.work.Get().(*work); ok {
		return w
	}
	return new(work)
}

// split splits text into lines at line ends ("\n" or "\r\n"), each
// with its normalized form, word count and learning key. The lines, their
// texts excepted, live in s: they are valid until s is used again.
func (s *splitter) split(text string) []line {
	s.lines, s.norm, s.invalid = s.lines[:0], s.norm[:0], false
	for rest := text; ; {
		t, start := rest, len(text)-len(rest)
		i := strings.IndexByte(rest, '\n')
		if i >= 0 {
			t, rest = rest[:i], rest[i+1:]
			t = strings.TrimSuffix(t, "\r")
		}
		mark := len(s.norm)
		if mark > 0 {
			s.norm = append(s.norm, ' ') // taken back if the line is empty
		}
		var n normCounts
		var ok bool
		if s.norm, n, ok = appendNormalizedFast(s.norm, t); !ok {
			s.norm, n = appendNormalized(s.norm, t)
			s.invalid = s.invalid || !utf8.ValidString(t)
		}
		l := line{start: start, end: start + len(t), nstart: mark, nend: len(s.norm),
			runes: n.chars + n.spaces, numeric: 4*n.digits >= n.chars, digits: n.digits > 0}
		switch {
		case mark > 0 && l.nend == mark+1:
			s.norm = s.norm[:mark] // an empty line after another
			l.nend = mark
		case mark > 0:
			l.nstart++ // the space before the line
		}
		if n.chars > 0 {
			l.words = n.spaces + 1
			// The line's normalized form is hashed while at hand; it is
			// read through s.norm, which later lines may move.
			norm := unsafe.String(&s.norm[l.nstart], l.nend-l.nstart)
			switch {
			case l.numeric:
			case l.digits:
				l.key, s.fold = lineKey(norm, s.fold)
			default:
				l.key = xxh3.HashString(norm)
			}
			l.kind = classify(norm, l.words)
		}
		s.lines = append(s.lines, l)
		if i < 0 {
			break
		}
	}
	return s.lines
}

// normText returns the normalized text, for the lines' normIn. It
// shares s's buffer: it is read only while s is.
func (s *splitter) normText() string {
	return unsafe.String(unsafe.SliceData(s.norm), len(s.norm))
}

// normIn returns the normalized form of l, given the normalized text.
func (l *line) normIn(norm string) string { return norm[l.nstart:l.nend] }

// textIn returns the text of l, given the text.
func (l *line) textIn(text string) string { return text[l.start:l.end] }

// lineKey hashes a normalized line with digits folded to '0', so that
// "Published 12:30" and "Published 09:15" count as one line. It folds
// in scratch, which it returns for reuse, when the line is too long for
// a buffer of its own.
func lineKey(norm string, scratch []byte) (uint64, []byte) {
	const short = 512
	if len(norm) <= short {
		var buf [short]byte
		return xxh3.Hash(appendFoldDigits(buf[:0], norm)), scratch
	}
	scratch = appendFoldDigits(scratch[:0], norm)
	return xxh3.Hash(scratch), scratch
}

// appendFoldDigits appends s to b with the digits 1 to 9 turned to '0',
// eight bytes at a time.
func appendFoldDigits(b []byte, s string) []byte {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load8(s, i)
		lo := w &^ highBits
		// the top bit of each byte from '1' to '9'
		d := (lo + oneBits*(0x80-'1')) &^ (lo + oneBits*(0x80-'9'-1)) &^ w & highBits
		b = binary.LittleEndian.AppendUint64(b, w&^(d>>7*0x0f))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '1' && c <= '9' {
			c = '0'
		}
		b = append(b, c)
	}
	return b
}

// hash returns textproc.HashLines(title, text) for the text s split, from
// the normalized form split made of it.
func (s *splitter) hash(title, text string) string {
	if s.invalid {
		// Invalid bytes are normalized in pieces of the whole text there.
		return textproc.HashLines(title, text)
	}
	var buf [256]byte
	t := textproc.AppendNormalized(buf[:0], title)
	var h xxh3.Hasher
	h.Write(t)
	if len(t) > 0 && len(s.norm) > 0 {
		h.Write([]byte{' '})
	}
	h.Write(s.norm)
	return textproc.HashString(h.Sum128().Bytes())
}

// Lines are an article's text split into lines and normalized as Clean
// reads it, made ahead by Prepare. Clean takes them from the article it
// cleans (storyline.Article.Ahead) once, and only while its text is the
// one they were made of.
type Lines struct {
	taken atomic.Bool
	text  string
	s     splitter
}

// Prepare does ahead, on the caller's goroutine (a reader's worker), the
// part of Clean that needs no Cleaner: it splits text into lines and
// normalizes them. It returns the article's content hash, the one
// textproc.HashLines(title, text) gives, made from the normalized lines
// rather than by normalizing the text again, and the lines, for the
// caller to set as the article's Ahead.
func Prepare(title, text string) (hash string, ahead *Lines) {
	l := &Lines{text: text}
	n := strings.Count(text, "\n") + 1
	l.s.lines = make([]line, 0, n)
	l.s.norm = make([]byte, 0, len(text)+n)
	l.s.split(text)
	return l.s.hash(title, text), l
}

// takeLines returns the split Prepare made of a.Text and clears
// a.Ahead, or returns nil when a holds none for its text or another
// copy of a took it.
func takeLines(a *storyline.Article) *splitter {
	l, ok := a.Ahead.(*Lines)
	if !ok || l == nil {
		return nil
	}
	a.Ahead = nil
	if l.text != a.Text || !l.taken.CompareAndSwap(false, true) {
		return nil
	}
	return &l.s
}
