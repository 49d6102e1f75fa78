package gen

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Every article's body is worded once more when it is complete: the
// reporter's own words (not quotations, not names) go through the
// lexicon, and numbers are written the way the outlet writes them. The
// choices come from the article's own random stream and from its outlet's
// house style (one preferred wording per lexicon group and number habit),
// so that a copy, which re-renders its original, keeps its words, and
// independent reports of one event, or reports of look-alike events, do
// not share long runs of words.

// style is an outlet's house style: a seed that picks its preferred
// wordings, and how often its reporters follow them.
type style struct {
	seed   uint64
	follow float64 // share of choices that follow the house wording
}

// houseStyle returns the house style of outlet i.
func houseStyle(i int) style {
	s := mix(uint64(i)+1, 0x5717e)
	return style{seed: s, follow: 0.1 + 0.3*float64(s%1000)/1000}
}

// pick chooses one of n wordings of group g.
func (st style) pick(g uint64, n int, r *rng) int {
	if r.chance(st.follow) {
		return int(mix(st.seed, g) % uint64(n))
	}
	return r.intn(n)
}

// vary appends p, a marked paragraph, to b with its words outside
// quotations and names chosen anew. Marks are copied as they are, so
// that the statements they delimit can be read from the result.
func (lx *lexicon) vary(b, p []byte, st style, r *rng, ru bool) []byte {
	quoted, inName := false, false
	sentenceStart := true
	start := len(b)
	var prevWord []byte // the last word written, outside names and quotations
	copied := 0         // p[copied:i] goes to b as it is, before the next word of the reporter's
	for i := 0; i < len(p); {
		if p[i] == ' ' {
			i++ // changes nothing
			continue
		}
		if inName || quoted {
			// Nothing is reworded inside a name or a quotation: skip to
			// what may end it, keeping track of the sentence.
			if k, ss := skipKept(p, i, sentenceStart); k > i {
				i, sentenceStart = k, ss
				continue
			}
		}
		c, size := rune(p[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(p[i:])
		}
		switch {
		case c == nameOpen || c == speakerOpen || c == actorOpen:
			inName = true
		case c == nameClose:
			inName = false
		case c == '"':
			quoted = !quoted
		case c == '“' || c == '«' || c == '„':
			quoted = true
		case c == '”' || c == '»':
			quoted = false
		}
		if inName || quoted || !isWordRune(c) || (i > 0 && wordByteBefore(p, i)) {
			switch {
			case c == '.' || c == '!' || c == '?':
				sentenceStart = true
			case c == ',' || c == ';' || c == ':' || isWordRune(c):
				sentenceStart = false
			}
			i += size
			continue
		}
		// a word of the reporter's starts at i
		b = append(b, p[copied:i]...)
		copied = i
		j := wordEnd(p, i)
		word := p[i:j]
		atStart := sentenceStart
		sentenceStart = false
		if unicode.IsDigit(c) && !ru {
			at := len(b)
			b, i = varyNumber(b, p, i, prevWord, atStart, st, r)
			prevWord, copied = b[at:], i
			continue
		}
		if !ru && len(prevWord) > 0 && string(prevWord) == "leaders" {
			if w, ok := plural[string(word)]; ok {
				b = append(b, w...)
				prevWord, i, copied = b[len(b)-len(w):], j, j
				continue
			}
		}
		if unicode.IsUpper(c) && !atStart {
			// a name or a title: leave it
			prevWord, i = word, j
			continue
		}
		if e, n := lx.match(p, i, j, c, size, atStart); n > 0 && !(e.num && !digitNext(p, i+n)) && !(e.conj && afterArticle(prevWord)) && !wordNext(p, i+n, e.notBefore) {
			alt := e.alts[st.pick(e.group, len(e.alts), r)]
			at := len(b)
			b = append(b, alt...)
			if atStart {
				capitalize(b[at:])
			}
			b = fixArticle(b, start, at)
			prevWord = lastWord(b[at:])
			i += n
			copied = i
			continue
		}
		prevWord, i = word, j
	}
	return append(b, p[copied:]...)
}

// What a byte of text inside a name or a quotation does to vary's state.
const (
	keptOther = iota // nothing
	keptWord         // a letter, a digit, ",", ";" or ":": no longer at a sentence's start
	keptEnd          // ".", "!" or "?": at a sentence's start
	keptStop         // a mark or a quotation mark: may end the name or the quotation
)

// keptClass holds the keptOther… classes of the ASCII bytes.
var keptClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == nameOpen || c == nameClose || c == speakerOpen || c == actorOpen || c == '"':
			t[c] = keptStop
		case c == '.' || c == '!' || c == '?':
			t[c] = keptEnd
		case c == ',' || c == ';' || c == ':' || isWordRune(rune(c)):
			t[c] = keptWord
		}
	}
	return t
}()

// skipKept returns where the text from p[i] that vary copies as it is
// ends: the first mark or quotation mark, which may end a name or a
// quotation. It returns ss, whether a sentence starts there, as vary
// would have set it rune by rune from sentenceStart.
func skipKept(p []byte, i int, sentenceStart bool) (end int, ss bool) {
	ss = sentenceStart
	for i < len(p) {
		if c := p[i]; c < utf8.RuneSelf {
			switch keptClass[c] {
			case keptStop:
				return i, ss
			case keptWord:
				ss = false
			case keptEnd:
				ss = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == '“' || r == '«' || r == '„' || r == '”' || r == '»' {
			break
		}
		if isWordRune(r) {
			ss = false
		}
		i += n
	}
	return i, ss
}

// fixArticle makes the article before b[at:] ("a", "an") agree with
// the word that now follows it; the paragraph starts at b[start].
func fixArticle(b []byte, start, at int) []byte {
	if at-start < 2 || at >= len(b) || b[at-1] != ' ' {
		return b
	}
	vowel := strings.IndexByte("aeiouAEIOU", b[at]) >= 0
	wordStart := func(i int) bool { return i == start || b[i-1] == ' ' || isMark(b[i-1]) }
	switch {
	case at-start >= 3 && (b[at-3] == 'a' || b[at-3] == 'A') && b[at-2] == 'n' && wordStart(at-3) && !vowel:
		// "an" before a consonant
		return append(b[:at-2], b[at-1:]...)
	case (b[at-2] == 'a' || b[at-2] == 'A') && wordStart(at-2) && vowel:
		b = append(b, 0)
		copy(b[at:], b[at-1:len(b)-1])
		b[at-1] = 'n'
		return b
	}
	return b
}

// plural puts the verb after "leaders" in agreement with it, whatever
// phrase the templates replaced "the union" with.
var plural = map[string]string{"is": "are", "has": "have", "was": "were"}

// match returns the lexicon entry whose wording starts p at i and its
// length in bytes, or n == 0. The word there ends at j and starts with
// the rune c, size bytes long. A capitalised word matches only at the
// start of a sentence.
func (lx *lexicon) match(p []byte, i, j int, c rune, size int, atStart bool) (*lexEntry, int) {
	// The key is the word with its first letter in lower case: the word
	// itself unless it is capitalised.
	var buf [64]byte
	key := p[i:j]
	if unicode.IsUpper(c) {
		if !atStart {
			return nil, 0
		}
		k := utf8.EncodeRune(buf[:], unicode.ToLower(c))
		if j-i-size+k > len(buf) {
			return nil, 0
		}
		key = buf[:k+copy(buf[k:], p[i+size:j])]
	} else if len(key) > len(buf) {
		return nil, 0
	}
	es := lx.byFirst(key)
	for x := range es {
		// the first word matches: the rest must follow it
		e := &es[x]
		end := j + len(e.rest)
		if end > len(p) || len(e.rest) > 1 && p[j+1] != e.rest[1] || string(p[j:end]) != e.rest {
			continue
		}
		if end < len(p) {
			if d, _ := utf8.DecodeRune(p[end:]); isWordRune(d) || d == '\'' || d == '’' || d == '-' {
				continue
			}
		}
		return e, end - i
	}
	return nil, 0
}

// varyNumber appends the number that starts p at i, rewritten as the
// outlet writes numbers, and returns where the number ends in p.
// Thousands may be rounded ("about 6,700"), "%" may become "per cent"
// and "million" "m"; "a" before a number that sounds with a vowel
// becomes "an".
func varyNumber(b, p []byte, i int, prev []byte, atStart bool, st style, r *rng) ([]byte, int) {
	j := i
	for j < len(p) && (isDigit(p[j]) || ((p[j] == ',' || p[j] == '.') && j+1 < len(p) && isDigit(p[j+1]))) {
		j++
	}
	num := p[i:j]
	if j < len(p) && isWordRune(rune(p[j])) {
		// "10th", "1990s": leave it
		return append(b, p[i:wordEnd(p, i)]...), wordEnd(p, i)
	}
	val, thousands := parseThousands(num)
	out := num
	var buf [32]byte
	qualified := false
	switch string(prev) {
	case "about", "some", "around", "roughly", "approximately", "over", "than", "nearly", "almost", "to", "of", "least", "fewer":
		qualified = true
	}
	if thousands && !qualified && val >= 1000 && r.chance(0.2+0.5*float64(mix(st.seed, 7)%100)/100) {
		unit := 100
		if val >= 100000 {
			unit = 1000
		}
		round := (val + unit/2) / unit * unit
		if round != val {
			var q string
			switch {
			case round > val:
				q = []string{"about", "nearly", "almost", "close to"}[st.pick(11, 4, r)]
			default:
				q = []string{"about", "more than", "over", "some"}[st.pick(12, 4, r)]
			}
			if n := len(b); n >= 2 && b[n-1] == ' ' && (b[n-2] == 'a' || b[n-2] == 'A') && (n == 2 || b[n-3] == ' ') {
				// "a 6,658-strong crowd": keep it as it is
				q = ""
				round = val
			}
			if q != "" {
				at := len(b)
				b = append(append(b, q...), ' ')
				if atStart {
					capitalize(b[at:])
				}
			}
			out = appendThousands(buf[:0], round)
		}
	}
	if n := len(b); n >= 2 && b[n-1] == ' ' && (b[n-2] == 'a' || b[n-2] == 'A') && (n == 2 || b[n-3] == ' ' || b[n-3] == '\n') && vowelNumber(out) {
		b = append(b[:n-1], 'n', ' ')
	}
	b = append(b, out...)
	switch {
	case j < len(p) && p[j] == '%':
		switch mix(st.seed, 13) % 3 {
		case 1:
			b = append(b, " per cent"...)
		case 2:
			b = append(b, " percent"...)
		default:
			b = append(b, '%')
		}
		j++
	case j+8 <= len(p) && string(p[j:j+8]) == " million" && mix(st.seed, 14)%3 == 1:
		b = append(b, 'm')
		j += 8
	}
	return b, j
}

// parseThousands reads "6,658" as 6658, reporting whether it was written
// with thousands separators (and is a whole number).
func parseThousands(s []byte) (int, bool) {
	v, sep := 0, false
	for _, c := range s {
		switch {
		case c == ',':
			sep = true
		case isDigit(c):
			v = v*10 + int(c-'0')
		default:
			return 0, false
		}
	}
	return v, sep
}

// appendThousands appends v with commas between thousands.
func appendThousands(b []byte, v int) []byte {
	s := strconv.Itoa(v)
	for k := 0; k < len(s); k++ {
		if k > 0 && (len(s)-k)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[k])
	}
	return b
}

// vowelNumber reports whether the number s is read with a vowel first:
// eight, eighty, eleven, eighteen, eight hundred, eleven thousand.
func vowelNumber(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	if s[0] == '8' {
		return true
	}
	digits := 0
	for _, c := range s {
		if c == '.' {
			break
		}
		if isDigit(c) {
			digits++
		}
	}
	return len(s) >= 2 && s[0] == '1' && (s[1] == '1' || s[1] == '8') && (digits == 2 || digits == 5)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitNext reports whether the word after position i of p (past one
// space) starts with a digit.
func digitNext(p []byte, i int) bool {
	return i+1 < len(p) && p[i] == ' ' && isDigit(p[i+1])
}

// wordNext reports whether w (if any) is the word after position i of p
// (past one space).
func wordNext(p []byte, i int, w string) bool {
	if w == "" || i+1+len(w) > len(p) || p[i] != ' ' || string(p[i+1:i+1+len(w)]) != w {
		return false
	}
	return i+1+len(w) == len(p) || !isWordRune(rune(p[i+1+len(w)]))
}

// afterArticle reports whether w is an article or a possessive, after
// which a lexicon word is a noun ("a while", "the police's") rather than
// the word the lexicon means.
func afterArticle(w []byte) bool {
	switch string(w) {
	case "a", "an", "A", "An":
		return true
	}
	return false
}

// wordEnd returns where the word that starts p at i ends.
func wordEnd(p []byte, i int) int {
	j := i
	for j < len(p) {
		if c := p[j]; c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				break
			}
			j++
			continue
		}
		d, n := utf8.DecodeRune(p[j:])
		if !isWordRune(d) && d != '’' {
			break
		}
		j += n
	}
	return j
}

// wordByteBefore reports whether the rune before position i of p is part
// of a word, so that i is inside a word rather than at its start.
func wordByteBefore(p []byte, i int) bool {
	if i == 0 {
		return false
	}
	if c := p[i-1]; c < utf8.RuneSelf {
		return asciiWord[c] != 0 || c == '.' && i >= 2 && isDigit(p[i-2])
	}
	d, _ := utf8.DecodeLastRune(p[:i])
	return isWordRune(d) || d == '’'
}

// lastWord returns the last word of s.
func lastWord(s []byte) []byte {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == ' ' {
			return s[k+1:]
		}
	}
	return s
}

// capitalize upper-cases the first letter of s in place when its encoding
// keeps its length.
func capitalize(s []byte) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		if 'a' <= s[0] && s[0] <= 'z' {
			s[0] -= 'a' - 'A'
		}
		return
	}
	c, n := utf8.DecodeRune(s)
	if !unicode.IsLower(c) {
		return
	}
	var enc [4]byte
	if m := utf8.EncodeRune(enc[:], unicode.ToUpper(c)); m == n {
		copy(s, enc[:m])
	}
}
