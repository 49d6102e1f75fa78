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
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = norm.NFKC.String(s) // ASCII is already in NFKC
			break
		}
	}
	for i := 0; i < len(s); {
		if w.n+utf8.UTFMax+1 > len(w.buf) {
			w.h.Write(w.buf[:w.n])
			w.n = 0
		}
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			i++
			if c = asciiFold[c]; c == foldSpace {
				w.pending = w.pending || !w.space
				w.space = true
				continue
			}
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if r = unicode.ToLower(textproc.FoldRune(r)); r == ' ' {
				w.pending = w.pending || !w.space
				w.space = true
				continue
			}
		}
		if w.pending {
			w.buf[w.n] = ' '
			w.n++
			w.pending = false
		}
		w.space = false
		if r < utf8.RuneSelf {
			w.buf[w.n] = byte(r)
			w.n++
		} else {
			w.n += utf8.EncodeRune(w.buf[w.n:], r)
		}
	}
}

// sum returns the hash of what was written; a trailing space is dropped.
func (w *normHasher) sum() xxh3.Uint128 {
	w.h.Write(w.buf[:w.n])
	w.n = 0
	return w.h.Sum128()
}
