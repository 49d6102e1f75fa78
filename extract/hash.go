package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
	"golang.org/x/text/unicode/norm"
)

// Hash is the article content hash: textproc.Hash of the title and text
// joined by a newline. It hashes their normalized form as it goes, with
// neither the joined text nor its normalized form ever held whole;
// TestHashMatchesTextproc holds it equal to textproc.Hash.
func Hash(title, text string) string {
	var h normHasher
	h.space = true // leading white space is dropped
	h.write(title)
	h.write("\n")
	h.write(text)
	sum := h.sum().Bytes()
	const hexdigits = "0123456789abcdef"
	var out [32]byte
	for i, c := range sum {
		out[2*i] = hexdigits[c>>4]
		out[2*i+1] = hexdigits[c&15]
	}
	return string(out[:])
}

// foldSpace marks white space in asciiFold; no ASCII byte is 0xff.
const foldSpace = 0xff

// asciiFold says what normalizing does to each ASCII byte: the byte it
// becomes (upper case folded, '`' to a quote), or foldSpace.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		case c == ' ', c == '\n', c == '\t', c == '\r', c == '\v', c == '\f':
			t[c] = foldSpace
		}
	}
	return t
}()

// normHasher hashes the textproc.Normalize form of the texts written to
// it, one after the other, as of their concatenation. Unicode NFKC is
// applied to each text on its own, which equals applying it to the whole
// where texts meet at a line end, as the title and text of Hash do.
type normHasher struct {
	h   xxh3.Hasher
	buf [1024]byte
	n   int // bytes of buf in use
	// space is set after white space (and at the start, where it is
	// dropped); pending when a space is owed before the next character.
	space, pending bool
}

// write adds the normalized form of s.
func (w *normHasher) write(s string) {
	s = nfkc(s)
	buf, n, space, pending := w.buf[:], w.n, w.space, w.pending
	for i := 0; i < len(s); {
		// An input byte gives at most two (a space owed, and itself);
		// a code point at most a space and utf8.UTFMax bytes.
		if len(buf)-n < 2*utf8.UTFMax {
			w.h.Write(buf[:n])
			n = 0
		}
		// A run of ASCII, as much as fits.
		for end := min(len(s), i+(len(buf)-n)/2); i < end; i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				break
			}
			if c = asciiFold[c]; c == foldSpace {
				pending = pending || !space
				space = true
				continue
			}
			if pending {
				buf[n] = ' '
				n++
				pending = false
			}
			space = false
			buf[n] = c
			n++
		}
		if i == len(s) || s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r = unicode.ToLower(textproc.FoldRune(r)); r == ' ' {
			pending = pending || !space
			space = true
			continue
		}
		if pending {
			buf[n] = ' '
			n++
			pending = false
		}
		space = false
		n += utf8.EncodeRune(buf[n:], r)
	}
	w.n, w.space, w.pending = n, space, pending
}

// sum returns the hash of what was written; a trailing space is dropped.
func (w *normHasher) sum() xxh3.Uint128 {
	w.h.Write(w.buf[:w.n])
	w.n = 0
	return w.h.Sum128()
}

// nfkcTableEnd bounds the code points nfkcInert knows; past it, NFKC is
// applied.
const nfkcTableEnd = 0x2200

// nfkcInert has a bit set for each code point below nfkcTableEnd that
// NFKC leaves as it is wherever it stands: it is normalized on its own
// (quick check Yes) and a starter that combines with nothing before it.
// A text of such code points and ASCII is its own NFKC form; most news
// text is (Latin, Cyrillic, typographic quotes and dashes).
var nfkcInert = func() (t [nfkcTableEnd / 64]uint64) {
	var b [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r < nfkcTableEnd; r++ {
		c := b[:utf8.EncodeRune(b[:], r)]
		if norm.NFKC.Properties(c).BoundaryBefore() && norm.NFKC.IsNormal(c) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

// nfkc returns the NFKC form of s, without looking it up when every code
// point of s is one nfkcInert knows to keep.
func nfkc(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= nfkcTableEnd || nfkcInert[r/64]&(1<<(r%64)) == 0 {
			return norm.NFKC.String(s)
		}
		i += size
	}
	return s
}
