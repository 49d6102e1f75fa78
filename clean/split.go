package clean

import (
	"encoding/binary"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// line is one line of text with what cleaning reads of its normalized
// form: its word count, code points, learning key and generic kind. It
// holds no pointers, so that the lines of an article cost the garbage
// collector nothing to scan: the line's text is a span of the text. Its
// offsets and counts are 32 bits (see maxSplit): an article's lines,
// which Prepare makes ahead and which wait in the article until it is
// cleaned, take 32 bytes each rather than 64.
type line struct {
	// start and end are the line in the text, without its line end and
	// the white space before it (unicode.IsSpace): what the clean text
	// keeps of the line, found here, where the text is at hand, rather
	// than in cleaning, which would read the text once more for it.
	start, end int32
	words      int32  // of the normalized form: 0 when it is empty
	runes      int32  // code points of the normalized form
	key        uint64 // 0 for an empty or numeric line, which is never learned
	// kind is what the generic rules say of the line (classify), which
	// needs nothing of the outlet: it is found with the split, ahead of
	// cleaning when Prepare makes it.
	kind lineKind
	// learned and keep are clean's verdicts on the line.
	learned, keep bool
}

// maxSplit is the longest text, in bytes, that is split into lines and
// cleaned: the offsets of a line into the text and into its normalized
// form (which normalizing may make some times longer) must fit in 32
// bits. A longer text, far beyond any article (ingest reads records of
// 50 MiB at most by default), is left as it is.
const maxSplit = 1 << 26

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
	s.lines, s.norm, s.fold, s.invalid = splitLines(text, s.lines[:0], s.norm[:0], s.fold)
	return s.lines
}

// splitLines is split with its buffers in and out: it appends the lines
// of text to lines and their normalized forms to norm, and folds long
// lines in fold; invalid reports whether text is not valid UTF-8. It
// keeps no reference to norm nor to what it appends to norm (norm is
// leaked to the result only), so that a caller may normalize into a
// buffer on its own stack (Prepare).
func splitLines(text string, lines []line, norm, fold []byte) (_ []line, _, _ []byte, invalid bool) {
	for rest := text; ; {
		t, start := rest, len(text)-len(rest)
		i := strings.IndexByte(rest, '\n')
		if i >= 0 {
			t, rest = rest[:i], rest[i+1:]
			t = strings.TrimSuffix(t, "\r")
		}
		mark := len(norm)
		if mark > 0 {
			norm = append(norm, ' ') // taken back if the line is empty
		}
		var n normCounts
		var ok bool
		if norm, n, ok = appendNormalizedFast(norm, t); !ok {
			norm, n = appendNormalized(norm, t)
			invalid = invalid || !utf8.ValidString(t)
		}
		l := line{start: int32(start), end: int32(start + trimmedLen(t)), runes: int32(n.chars + n.spaces)}
		nstart := mark
		switch {
		case mark > 0 && len(norm) == mark+1:
			norm = norm[:mark] // an empty line after another
		case mark > 0:
			nstart++ // the space before the line
		}
		if n.chars > 0 {
			l.words = int32(n.spaces + 1)
			// The line's normalized form is hashed while at hand; it is
			// read through norm, which later lines may move.
			ln := unsafe.String(&norm[nstart], len(norm)-nstart)
			// A line a quarter or more of whose non-space characters
			// are digits ("9:05 p.m.", "2,383": live-blog times,
			// tallies) differs from others by its digits only, and is
			// never learned.
			switch {
			case 4*n.digits >= n.chars:
			case n.digits > 0:
				l.key, fold = lineKey(ln, fold)
			default:
				l.key = xxh3.HashString(ln)
			}
			l.kind = classify(ln, int(l.words))
		}
		lines = append(lines, l)
		if i < 0 {
			break
		}
	}
	return lines, norm, fold, invalid
}

// normText returns the normalized text: the normalized forms of the
// lines that have one, a space between two. It shares s's buffer: it is
// read only while s is.
func (s *splitter) normText() string {
	return unsafe.String(unsafe.SliceData(s.norm), len(s.norm))
}

// empty reports whether the line has no characters but white space: its
// normalized form is empty.
func (l *line) empty() bool { return l.words == 0 }

// textIn returns the text of l without its trailing white space, given
// the text.
func (l *line) textIn(text string) string { return text[l.start:l.end] }

// trimmedLen returns the length of strings.TrimRightFunc(t,
// unicode.IsSpace), at once for a line that ends in a byte of ASCII other
// than white space, as nearly every line does.
func trimmedLen(t string) int {
	if n := len(t); n > 0 {
		// (The ASCII white space of unicode.IsSpace is ' ' and '\t' to '\r'.)
		if c := t[n-1]; c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r') {
			return n
		}
	}
	return len(strings.TrimRightFunc(t, unicode.IsSpace))
}

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

// normHash returns textproc.HashLines(title, text) from norm, the
// normalized form splitLines made of text, which is invalid when text is
// not valid UTF-8.
func normHash(title, text string, norm []byte, invalid bool) string {
	if invalid {
		// Invalid bytes are normalized in pieces of the whole text there.
		return textproc.HashLines(title, text)
	}
	var buf [256]byte
	t := textproc.AppendNormalized(buf[:0], title)
	var h xxh3.Hasher
	h.Write(t)
	if len(t) > 0 && len(norm) > 0 {
		h.Write([]byte{' '})
	}
	h.Write(norm)
	return textproc.HashString(h.Sum128().Bytes())
}

// Lines are an article's text split into lines as Clean reads it, made
// ahead by Prepare. Clean takes them from the article it cleans
// (storyline.Article.Ahead) once, and only while its text is the one
// they were made of.
type Lines struct {
	taken atomic.Bool
	text  string
	lines []line
}

// prepareNorm is the size of the buffer on Prepare's stack that the
// normalized text is made in: it holds that of nearly every article
// (longer ones spill to the heap). The normalized text is needed for the
// content hash only, not by Clean, so that an article's Lines carry no
// copy of it.
const prepareNorm = 8 << 10

// prepareFold is the size of the buffer on Prepare's stack that a line
// longer than lineKey folds on its own stack (a paragraph of a real
// article, with a date or a figure in it) is folded in.
const prepareFold = 4 << 10

// Prepare does ahead, on the caller's goroutine (a reader's worker), the
// part of Clean that needs no Cleaner: it splits text into lines and
// normalizes them. It returns the article's content hash, the one
// textproc.HashLines(title, text) gives, made from the normalized lines
// rather than by normalizing the text again, and the lines, for the
// caller to set as the article's Ahead (nil for a text over maxSplit,
// which Clean leaves as it is).
func Prepare(title, text string) (hash string, ahead *Lines) {
	if len(text) > maxSplit {
		return textproc.HashLines(title, text), nil
	}
	var buf [prepareNorm]byte
	var fold [prepareFold]byte
	lines, norm, _, invalid := splitLines(text, make([]line, 0, strings.Count(text, "\n")+1), buf[:0], fold[:0])
	return normHash(title, text, norm, invalid), &Lines{text: text, lines: lines}
}

// takeLines returns the lines Prepare made of a.Text and clears a.Ahead,
// or returns false when a holds none for its text or another copy of a
// took them.
func takeLines(a *storyline.Article) ([]line, bool) {
	l, ok := a.Ahead.(*Lines)
	if !ok || l == nil {
		return nil, false
	}
	a.Ahead = nil
	if l.text != a.Text || !l.taken.CompareAndSwap(false, true) {
		return nil, false
	}
	return l.lines, true
}
