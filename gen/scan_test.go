package gen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The scanners below take shortcuts (tables for ASCII and Cyrillic, eight
// bytes at a time, one pass instead of several) that must not change
// what they answer: each is checked against the plain definition.

// sampleTexts returns the paragraphs and sentences of a short stream,
// in both languages.
func sampleTexts(t *testing.T) []string {
	t.Helper()
	var out []string
	for a := range New(Options{Articles: 400, Seed: 5}).All() {
		for _, p := range strings.Split(a.Text, "\n\n") {
			out = append(out, p)
			for _, s := range strings.SplitAfter(p, ". ") {
				out = append(out, strings.TrimSpace(s))
			}
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d texts", len(out))
	}
	return out
}

func TestIsWordRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestWordScanners(t *testing.T) {
	wordRune := func(d rune) bool { return unicode.IsLetter(d) || unicode.IsDigit(d) }
	plainEnd := func(p []byte, i int) int {
		for i < len(p) {
			d, n := utf8.DecodeRune(p[i:])
			if !wordRune(d) && d != '\'' && d != '-' && d != '’' {
				break
			}
			i += n
		}
		return i
	}
	plainBefore := func(p []byte, i int) bool {
		d, _ := utf8.DecodeLastRune(p[:i])
		return wordRune(d) || d == '\'' || d == '-' || d == '’' || d == '.' && i >= 2 && isDigit(p[i-2])
	}
	texts := append(sampleTexts(t), "rock’n’roll 1990s", "bad\xffbyte", "ÀÉÎ-õü", "Ёлка, ёж и Ѐ", "3.5% 6,658", "")
	for _, s := range texts {
		p := []byte(s)
		for i := 0; i <= len(p); i++ {
			if got, want := wordEnd(p, i), plainEnd(p, i); got != want {
				t.Fatalf("wordEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
			if got, want := wordByteBefore(p, i), plainBefore(p, i); got != want {
				t.Fatalf("wordByteBefore(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}

func TestCapitalize(t *testing.T) {
	for _, s := range []string{"", "a", "z", "Q", "1x", "ёж", "ǆemal", "ß", "éclat", "\xff", "ɐ"} {
		got := []byte(s)
		capitalize(got)
		want := []byte(s)
		if c, n := utf8.DecodeRune(want); unicode.IsLower(c) {
			if u := string(unicode.ToUpper(c)); len(u) == n {
				copy(want, u)
			}
		}
		if !bytes.Equal(got, want) {
			t.Errorf("capitalize(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestMarks(t *testing.T) {
	// every mark at every offset of texts with other low bytes, NULs and
	// multi-byte runes around
	base := []byte("\x00ab\x08\tc ёж\x7f\xe2\x80\x94 the docks, said 6,658 «x»\x00z")
	for _, m := range []byte{nameOpen, nameClose, quoteOpen, quoteClose, speakerOpen, actorOpen, contOpen} {
		for at := 0; at <= len(base); at++ {
			for _, two := range []bool{false, true} {
				p := append(append(append([]byte{}, base[:at]...), m), base[at:]...)
				if two {
					p = append(p, m)
				}
				var want []int
				var stripped []byte
				for i, c := range p {
					if isMark(c) {
						want = append(want, i)
					} else {
						stripped = append(stripped, c)
					}
				}
				var got []int
				for i := nextMark(p, 0); i < len(p); i = nextMark(p, i+1) {
					got = append(got, i)
				}
				if !equalInts(got, want) {
					t.Fatalf("marks of %q at %v, want %v", p, got, want)
				}
				if s := stripMarks(append([]byte{}, p...)); !bytes.Equal(s, stripped) {
					t.Fatalf("stripMarks(%q) = %q, want %q", p, s, stripped)
				}
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAppendStringLong(t *testing.T) {
	// every byte that needs a look, at every offset of runs long enough
	// for eight-byte steps, in ASCII text and in valid and invalid UTF-8
	specials := []string{`"`, `\`, "<", ">", "&", "\n", "\x01", "\x1f", "\x7f", " ", "\u2028", "\u2029", "—", "“", "ё", "\xff", "\xe2\x80"}
	bases := []string{strings.Repeat("plain text ", 3), "Дом у реки, " + strings.Repeat("plain text ", 3), strings.Repeat("plain text ", 3) + "\xff"}
	for _, base := range bases {
		for _, sp := range specials {
			for at := 0; at <= len(base); at++ {
				s := base[:at] + sp + base[at:]
				want, _ := json.Marshal(s)
				if got := appendString(nil, s); !bytes.Equal(got, want) {
					t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
				}
				if got := appendString(nil, []byte(s)); !bytes.Equal(got, want) {
					t.Fatalf("appendString([]byte %q) = %s, want %s", s, got, want)
				}
			}
		}
	}
}

func TestReportsWords(t *testing.T) {
	plain := func(s []byte) bool {
		for _, w := range []string{" said", " told ", " according to ", " confirmed", " stated", " reported", " acknowledged", " admitted", "сообщил", "заявил", "по словам", "по данным"} {
			if bytes.Contains(s, []byte(w)) {
				return true
			}
		}
		return false
	}
	texts := append(sampleTexts(t), "said it", " said", "it was said", "he told", "he told them", "Ирина заявила", "по словам мэра", "x admitted ")
	seen := 0
	for _, s := range texts {
		got, want := reportsWords([]byte(s)), plain([]byte(s))
		if got != want {
			t.Fatalf("reportsWords(%q) = %v, want %v", s, got, want)
		}
		if got {
			seen++
		}
	}
	if seen == 0 {
		t.Fatal("no text reports words")
	}
}

func TestMidBoundary(t *testing.T) {
	// the definition, word by word for every space
	subjectEndsPlain := func(before, after []byte) bool {
		if bytes.ContainsAny(before, ",;:") {
			return false
		}
		for _, w := range bytes.Split(before, []byte{' '}) {
			if isAux(w) {
				return false
			}
		}
		return subjectEnds(after)
	}
	plain := func(s []byte) int {
		ws := bytes.Split(s, []byte{' '})
		if len(ws) < 11 {
			return 0
		}
		best, bestDist := 0, 1<<30
		at := 0 // where ws[k] starts, after the k-th space
		for k := 1; k < len(ws); k++ {
			at += len(ws[k-1]) + 1
			sp := at - 1
			if at >= len(s) {
				break // a space at the very end starts nothing
			}
			if len(ws)-k < 4 {
				continue
			}
			after := s[at:]
			clause := k >= 4 && (s[sp-1] == ',' && !appositive(after) && !verbNext(after) ||
				s[sp-1] != ',' && hasPrefixAny(s[sp:], clauseStarts...))
			subject := sp > 0 && s[sp-1] != ',' && isWordRune(rune(s[sp-1])) && subjectEndsPlain(s[:sp], after)
			if d := abs(k - len(ws)/2); (clause || subject) && d < bestDist {
				best, bestDist = at, d
			}
		}
		return best
	}
	found := 0
	texts := append(sampleTexts(t), "Each affected family in the town of Kessamouth and its villages will receive a payment of about 900 crowns.")
	for _, s := range texts {
		got, want := midBoundary([]byte(s)), plain([]byte(s))
		if got != want {
			t.Fatalf("midBoundary(%q) = %d, want %d", s, got, want)
		}
		if got > 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no sentence has a boundary")
	}
	for _, w := range clauseStarts {
		if strings.IndexByte(clauseFirst, w[1]) < 0 {
			t.Errorf("clauseFirst lacks the first letter of %q", w)
		}
	}
	for _, w := range reportEN {
		if strings.IndexByte(reportFirst, w[0]) < 0 {
			t.Errorf("reportFirst lacks the first letter of %q", w)
		}
	}
}

func TestLexiconTable(t *testing.T) {
	for li, gs := range [][]lexGroup{lexEN, lexRU} {
		lx := compileLexicon(gs)
		want := map[string]int{} // first word: entries
		for _, g := range gs {
			n := len(g.words)
			if g.oneWay {
				n = 1 // only the first wording is replaced
			}
			for k := 0; k < n; k++ {
				want[strings.Fields(g.words[k])[0]]++
			}
		}
		for first, n := range want {
			if got := len(lx.byFirst([]byte(first))); got != n {
				t.Errorf("lexicon %d: %q has %d entries, want %d", li, first, got, n)
			}
		}
		for _, s := range sampleTexts(t) {
			for _, w := range strings.Fields(s) {
				if _, ok := want[w]; !ok && lx.byFirst([]byte(w)) != nil {
					t.Fatalf("lexicon %d: %q has entries", li, w)
				}
			}
		}
	}
}

func TestSkipKept(t *testing.T) {
	plain := func(p []byte, i int, ss bool) (int, bool) {
		for i < len(p) {
			c, n := utf8.DecodeRune(p[i:])
			switch {
			case c == nameOpen || c == nameClose || c == speakerOpen || c == actorOpen || strings.ContainsRune("\"“«„”»", c):
				return i, ss
			case c == '.' || c == '!' || c == '?':
				ss = true
			case c == ',' || c == ';' || c == ':' || unicode.IsLetter(c) || unicode.IsDigit(c):
				ss = false
			}
			i += n
		}
		return i, ss
	}
	// from every offset of a few hundred texts: each runs to a stop
	texts := append(sampleTexts(t)[:400], "x\x01Ines K. Calardin\x02 said \"Go. Now!\" «Да, — сказал он.» ok?", "bad\xff. z")
	for _, s := range texts {
		p := []byte(s)
		for i := 0; i <= len(p); i++ {
			for _, ss := range []bool{false, true} {
				gotEnd, gotSS := skipKept(p, i, ss)
				wantEnd, wantSS := plain(p, i, ss)
				if gotEnd != wantEnd || gotSS != wantSS {
					t.Fatalf("skipKept(%q, %d, %v) = %d, %v, want %d, %v", s, i, ss, gotEnd, gotSS, wantEnd, wantSS)
				}
			}
		}
	}
}

func TestAppendDate(t *testing.T) {
	loc := time.FixedZone("x", -5*3600)
	for _, tm := range []time.Time{
		time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 23, 59, 59, 999, time.UTC),
		time.Date(999, 3, 4, 5, 6, 7, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-3, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 12, 30, 5, 0, loc),
	} {
		if got, want := string(appendDate(nil, tm, true)), tm.Format("2006-01-02T15:04:05Z"); got != want {
			t.Errorf("appendDate(%v, long) = %q, want %q", tm, got, want)
		}
		if got, want := string(appendDate([]byte("x"), tm, false)), "x"+tm.Format("/2006/01/02/"); got != want {
			t.Errorf("appendDate(%v) = %q, want %q", tm, got, want)
		}
	}
}
