package gen

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Reporters who cover one event independently do not write the same run
// of a dozen words, and neither do reports of two look-alike events; a
// copy detector flags any such run, bridging a changed word or two. The
// templates cannot promise that: a sentence comes back in every report of
// an event. So every name of an invented source is marked while an
// article is written (nameOpen … nameClose), and once its body is
// complete, spread walks the words outside quotation marks and gives a
// named source to every stretch longer than maxPlain words: at a clause
// boundary ("…, Ines K. Calardin, 54, said, …") when there is one, as a
// sentence of its own between two sentences ("Ines K. Calardin, 54,
// agreed."), and failing both as a dash aside between two lower-case
// words. A source's first name, initial, surname and age are four words no
// other article has in that place, more than the detector bridges, so no
// shared run outlives them.
//
// The same pass lists the statements the text attributes to someone (see
// quoteOpen) as the article's indirect quotes, once their wording is
// final.

const (
	nameOpen  = '\x01'
	nameClose = '\x02'
	// A statement the article reports in its own words is marked
	// quoteOpen … quoteClose, and the name of the source it is attributed
	// to speakerOpen … nameClose, so that once the text is final the truth
	// can list it as indirect speech.
	quoteOpen   = '\x03'
	quoteClose  = '\x04'
	speakerOpen = '\x05'
	// actorOpen marks the name of one of the story's people, who speaks
	// in every report of an event: a speaker, but no source of the
	// article's own. Words from it to the statement take no source.
	actorOpen = '\x06'
	// maxPlain is the longest stretch of words outside quotations without
	// a source's name: short of a copied passage (12 words) even when the
	// detector bridges a word or two at either end.
	maxPlain = 9
)

// gapKind says what may be inserted before a word.
type gapKind uint8

const (
	gapNone     gapKind = iota
	gapClause           // after a comma: "…, NAME said, …"
	gapConj             // before a conjunction or preposition: "…, NAME said, and …"
	gapSentence         // between sentences or at a paragraph's end: a sentence
	gapWeak             // after an appositive's comma: the last resort
	gapAny              // before a phrase: a dash aside, when no boundary will do
	gapLoose            // between two lower-case words: a dash aside, when nothing else will
)

// wordAt is a word of a body being spread.
type wordAt struct {
	para, off int  // paragraph (-1 for a source's name) and byte offset of the gap before the word
	count     bool // a word outside quotations, which counts toward a stretch
	gap       gapKind
}

var (
	// saysEN are the verbs of an inserted source, varied so that two
	// sources with one first name still differ in three words running.
	saysEN = []string{"said", "noted", "added", "recalled", "reported", "observed"}
	// A source's own sentence starts with the name, so that it adds no
	// words to the stretch before it.
	confirmEN = []string{"%s confirmed this.", "%s agreed.", "%s backed this.", "%s concurred.", "%s confirmed it."}
	confirmRU = []string{"%s подтвердил%g это.", "%s подтвердил%g эти данные.", "%s подтвердил%g.", "%s сказал%g то же."}
)

// spread makes sure no stretch of more than maxPlain words of the body
// (d's paragraphs from firstPara on, which start at bodyStart) goes
// without a source's name, records the marked statements as reported
// quotes and removes the marks. Paragraphs holding direct quotations are
// counted but never written into. It reuses d's scratch space and
// allocates nothing once that has grown.
func (f *cfiller) spread(d *doc, firstPara, bodyStart int, r *rng, ru bool) {
	d.work = append(d.work[:0], d.buf[bodyStart:]...)
	d.views, d.fixed = d.views[:0], d.fixed[:0]
	for _, p := range d.paras[firstPara:] {
		d.views = append(d.views, d.work[p.start-bodyStart:p.end-bodyStart])
		d.fixed = append(d.fixed, false)
	}
	for _, q := range d.quotes {
		if q.para >= firstPara {
			d.fixed[q.para-firstPara] = true
		}
	}
	d.words = scanWords(d.words[:0], d.views, d.fixed, ru)
	d.cuts = plan(d.cuts[:0], d.words)
	d.buf = d.buf[:bodyStart]
	ci := 0
	for pi, p := range d.views {
		start, pos := len(d.buf), 0
		for ; ci < len(d.cuts) && d.words[d.cuts[ci]].para == pi; ci++ {
			w := d.words[d.cuts[ci]]
			d.buf = append(d.buf, p[pos:w.off]...)
			d.buf = appendSource(d.buf, w, r, ru, w.off == 0)
			pos = w.off
		}
		d.buf = append(d.buf, p[pos:]...)
		d.reportStatements(firstPara+pi, d.buf[start:])
		d.buf = append(d.buf[:start], stripMarks(d.buf[start:])...)
		d.paras[firstPara+pi] = para{start: start, end: len(d.buf)}
	}
}

// appendSource appends a named source for the gap w: a clause, a dash
// aside or a sentence of its own (followed by a space when it opens its
// paragraph, else preceded by one).
func appendSource(b []byte, w wordAt, r *rng, ru, opens bool) []byte {
	female := r.chance(0.5)
	// first name, initial, surname and age: four words, so that two
	// sources who share a first name still differ in three running
	name := func(b []byte, comma bool) []byte {
		b = appendName(b, r, ru, true, female)
		b = strconv.AppendInt(append(b[:len(b)-1], ", "...), int64(24+r.intn(60)), 10)
		if comma {
			b = append(b, ',')
		}
		return append(b, nameClose)
	}
	says := func(b []byte) []byte { return append(b, saysEN[r.intn(len(saysEN))]...) }
	switch w.gap {
	case gapAny, gapLoose:
		if ru {
			b = append(appendGender(append(b, " — как уточнил"...), female), ' ')
			return append(name(b, false), " —"...)
		}
		b = name(append(b, " — "...), true)
		return append(says(append(b, ' ')), " —"...)
	case gapClause, gapWeak:
		if ru {
			b = append(appendGender(append(b, "как сообщил"...), female), ' ')
			return append(name(b, false), ", "...)
		}
		b = name(b, true)
		return append(says(append(b, ' ')), ", "...)
	case gapConj:
		if ru {
			b = append(appendGender(append(b, ", как сообщил"...), female), ' ')
			return append(name(b, false), ',')
		}
		b = name(append(b, ", "...), true)
		return append(says(append(b, ' ')), ',')
	}
	forms := confirmEN
	if ru {
		forms = confirmRU
	}
	form := forms[r.intn(len(forms))]
	if !opens {
		b = append(b, ' ')
	}
	for i := 0; i < len(form); i++ {
		switch {
		case form[i] == '%' && form[i+1] == 's':
			b = name(b, true)
			i++
		case form[i] == '%' && form[i+1] == 'g':
			b = appendGender(b, female)
			i++
		default:
			b = append(b, form[i])
		}
	}
	if opens {
		b = append(b, ' ')
	}
	return b
}

func appendGender(b []byte, female bool) []byte {
	if female {
		return append(b, "а"...)
	}
	return b
}

// afterName is how many words an inserted source adds after its name
// ("said", "confirmed this"), which count toward the next stretch.
const afterName = 2

// plan chooses the gaps where names go: in every stretch between two
// names, greedily the farthest gap that keeps the words since the last
// name or cut within maxPlain, or, when there is none, the nearest gap
// beyond. It returns indices into ws in order.
func plan(cuts []int, ws []wordAt) []int {
	n := 0       // words since the last name or cut
	lastOK := -1 // the farthest usable gap so far in this segment
	lastWeak, lastAny, lastLoose := -1, -1, -1
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w.para < 0 { // a name
			n, lastOK, lastWeak, lastAny, lastLoose = 0, -1, -1, -1, -1
			continue
		}
		if w.gap != gapNone && n >= 3 && !(len(cuts) > 0 && cuts[len(cuts)-1] == i) {
			switch w.gap {
			case gapWeak:
				lastWeak = i
			case gapAny:
				lastAny = i
			case gapLoose:
				lastLoose = i
			default:
				lastOK = i
			}
		}
		if w.count {
			n++
		}
		if n <= maxPlain {
			continue
		}
		cut := lastOK
		if cut < 0 {
			cut = lastAny
		}
		if cut < 0 {
			cut = lastLoose
		}
		if cut < 0 {
			cut = lastWeak
		}
		if cut < 0 {
			// none in reach: the nearest gap ahead, if any comes before a name
			for j := i + 1; j < len(ws) && ws[j].para >= 0; j++ {
				if ws[j].gap != gapNone {
					cut = j
					break
				}
			}
			if cut < 0 {
				// nothing to do until the next name
				for i+1 < len(ws) && ws[i+1].para >= 0 {
					i++
				}
				continue
			}
		}
		cuts = append(cuts, cut)
		// restart counting after the cut
		n, lastOK, lastWeak, lastAny, lastLoose = afterName, -1, -1, -1, -1
		i = cut
		if ws[cut].count {
			n++
		}
	}
	return cuts
}

// scanWords appends to ws the words of ps outside quotation marks and the names
// (as entries with para -1), with the gap before each word.
func scanWords(ws []wordAt, ps [][]byte, fixed []bool, ru bool) []wordAt {
	conj, prep := breakConjEN, breakPrepEN
	if ru {
		conj, prep = breakConjRU, breakPrepRU
	}
	for pi, p := range ps {
		quoted, inName := false, false
		sentenceStart := true
		wordsInSentence := 0
		var prev rune      // last non-space rune before the current word
		lastUpper := false // the word before starts with a capital or a digit
		noGap := false     // in an attribution to one of the story's people
		var lastWord []byte
		for i := 0; i < len(p); {
			c, size := utf8.DecodeRune(p[i:])
			switch {
			case c == nameOpen || c == speakerOpen:
				inName = true
				ws = append(ws, wordAt{para: -1})
				i += size
				continue
			case c == actorOpen:
				noGap = true
				i += size
				continue
			case c == quoteOpen:
				noGap = false
				i += size
				continue
			case c == nameClose || c == quoteClose:
				inName = false
				i += size
				continue
			case c == '"':
				quoted = !quoted
			case c == '“' || c == '«' || c == '„':
				quoted = true
			case c == '”' || c == '»':
				quoted = false
			}
			if !isWordRune(c) {
				if c != ' ' && c != '\n' {
					prev = c
					if c == '.' || c == '!' || c == '?' || c == ':' {
						sentenceStart = c != ':'
						if sentenceStart {
							wordsInSentence = 0
						}
					}
				}
				i += size
				continue
			}
			// a word starts at i
			j := i
			for j < len(p) {
				d, n := utf8.DecodeRune(p[j:])
				if !isWordRune(d) && d != '\'' && d != '-' {
					break
				}
				j += n
			}
			spaced := i == 0 || p[i-1] == ' '
			if inName || quoted {
				prev = c
				i = j
				continue
			}
			w := wordAt{para: pi, off: i, count: true}
			if !fixed[pi] && !noGap {
				switch {
				case spaced && sentenceStart && (prev == 0 || prev == '.' || prev == '!' || prev == '?') && unicode.IsUpper(c):
					w.gap = gapSentence
					// insert before the space that precedes the sentence
					if i > 0 {
						w.off = i - 1
					}
				case spaced && prev == ',' && wordsInSentence >= 2 && !appositive(p[i:]):
					w.gap = gapClause
				case spaced && prev == ',' && wordsInSentence >= 2:
					w.gap = gapWeak
				case spaced && i > 0 && wordsInSentence >= 3 && prev != ',' && (hasWord(p[i:], conj) || hasWord(p[i:], prep)):
					w.gap = gapConj
					w.off = i - 1 // before the space
				case spaced && i > 0 && wordsInSentence >= 2 && unicode.IsLower(prev) && !lastUpper && !isPrep(lastWord) && hasWord(p[i:], phraseStart):
					// before a noun or verb phrase, after a lower-case
					// word: not inside a name or a date
					w.gap = gapAny
					w.off = i - 1
				case spaced && i > 0 && wordsInSentence >= 2 && unicode.IsLower(prev) && unicode.IsLower(c) && !lastUpper && !isPrep(lastWord):
					// between any two lower-case words
					w.gap = gapLoose
					w.off = i - 1
				}
			}
			sentenceStart = false
			wordsInSentence++
			lastUpper = unicode.IsUpper(c) || unicode.IsDigit(c)
			lastWord = p[i:j]
			d, _ := utf8.DecodeLastRune(p[i:j])
			prev = d
			ws = append(ws, w)
			i = j
		}
		if !fixed[pi] && len(p) > 0 {
			// a sentence may follow the paragraph's last one
			ws = append(ws, wordAt{para: pi, off: len(p), gap: gapSentence})
		}
	}
	return ws
}

// phraseStart are words that open a noun or verb phrase, before which a
// dash aside reads naturally.
var phraseStart = []string{" the ", " a ", " an ", " its ", " their ", " his ", " her ", " this ", " that ", " these ",
	" some ", " every ", " all ", " no ", " more ", " most ", " was ", " were ", " is ", " are ", " had ", " has ",
	" have ", " would ", " will ", " could ", " not ", " never ", " still ", " already ",
	" в ", " на ", " и ", " что ", " не ", " уже ", " все ", " это ", " так ", " до ", " после "}

// isPrep reports whether w is a preposition, which a dash aside must not
// part from its object.
func isPrep(w []byte) bool {
	switch string(w) {
	case "of", "to", "in", "on", "at", "for", "from", "by", "with", "into", "about", "over", "than",
		"в", "на", "с", "из", "о", "об", "по", "до", "для", "за", "к", "от":
		return true
	}
	return false
}

// hasWord reports whether s starts with one of ws (given with spaces
// around them, " and ").
func hasWord(s []byte, ws []string) bool {
	for _, w := range ws {
		w = w[1:]
		if len(s) >= len(w) && string(s[:len(w)]) == w {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isMark(c byte) bool { return c >= nameOpen && c <= actorOpen }

// stripMarks removes the marks from p, in place.
func stripMarks(p []byte) []byte {
	out := p[:0]
	for _, c := range p {
		if !isMark(c) {
			out = append(out, c)
		}
	}
	return out
}

// reportStatements records the marked statements of paragraph pi (its
// marked text p) with their speakers: each statement goes with the
// unclaimed speaker just before it ("According to NAME, …", "NAME, 54, a
// nurse, said …") or else the one just after it ("…, NAME said.").
func (d *doc) reportStatements(pi int, p []byte) {
	type mark struct {
		start, end int
		speaker    bool
		used       bool
	}
	var ms [16]mark
	n := 0
	for i := 0; i < len(p) && n < len(ms); i++ {
		switch p[i] {
		case speakerOpen, actorOpen:
			j := bytes.IndexByte(p[i:], nameClose)
			if j < 0 {
				return
			}
			ms[n] = mark{start: i + 1, end: i + j, speaker: true}
			n++
		case quoteOpen:
			j := bytes.IndexByte(p[i:], quoteClose)
			if j < 0 {
				return
			}
			ms[n] = mark{start: i + 1, end: i + j}
			n++
		}
	}
	for k := 0; k < n; k++ {
		if ms[k].speaker {
			continue
		}
		sp := -1
		if k > 0 && ms[k-1].speaker && !ms[k-1].used {
			sp = k - 1
		} else if k+1 < n && ms[k+1].speaker {
			sp = k + 1
		}
		if sp < 0 {
			continue
		}
		ms[sp].used = true
		name := p[ms[sp].start:ms[sp].end]
		if c := bytes.IndexByte(name, ','); c >= 0 {
			name = name[:c] // the age that follows a resident's name
		}
		t0 := len(d.work2)
		d.work2 = append(d.work2, p[ms[k].start:ms[k].end]...)
		text := stripMarks(d.work2[t0:])
		d.report(pi, bytes.TrimSpace(text), name)
		d.work2 = d.work2[:t0]
	}
}
