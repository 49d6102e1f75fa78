package gen

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// saidVerbRU are the Russian verbs of an attribution, in the masculine
// past tense ("а" makes them feminine).
var saidVerbRU = []string{"сообщил", "рассказал", "уточнил", "пояснил", "заявил", "написал"}

// attribRoles are who a fact is attributed to.
var attribRoles = []string{"a spokesperson", "an official", "a senior official", "a press officer", "a local official",
	"a council spokesperson", "an aide to the mayor", "a regional official", "a government spokesperson", "an official briefed on the matter"}

// attribPre are the ways a source goes before a sentence.
var attribPre = [][2]string{{"According to ", ", "}, {"", " said "}, {"", " told reporters "}, {"", " said that "}}

// commonStart holds sentence-initial words that are not names, so that a
// sentence starting with one may follow "According to …, " in lower case.
var commonStart = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An At About More Most Both Police Officers Traffic Divers Lorries Trucks Heavy
		Officials Authorities Local Consumer Prices Inflation Markets Traders Investors Government Cabinet Shares
		Stock Customers Buyers Carmakers Unions Union Steelworkers Schools Gyms School Forecasters Meteorologists Each Residents
		No Nobody There Prosecutors Managers Shipping Warehouse Exporters Every It Some Around Roughly Over Upwards
		Economists Much Floodwater Water Fishing Spoiled Voters Electors Talks Borrowing Loan Mortgage Part Corroded
		Families Cars Two Several Many Rescuers Emergency Lifeboat Firefighters Fire Workers Dockers Staff Employees
		Negotiations Ballots Votes Papers Without Insurers Boat Crews Lifeboats Bridges Inspectors
		According After All Also Among Analysts Another As Auditors Banks Before Besides Black Boats Bond Booms Borrowers
		Built By Central Charged Charges Chilled Clearing Closing Combined Competition Complaints Completion Concerns
		Container Counters Cranes Currency Daily Data Days Diesel Drivers Election Electricity Estate Evacuated Ever Every
		Fears Ferries Findings Firefighters Floating Following For From Fruit Fuel Governor Guilty Half Harbour Hearings
		High Higher Hospitals Hours Households Housing How Hundreds Importers In Inspection Investigators Judges Last Late
		Lenders Lost Maintenance Mortgage Motorists Mud Negotiators Night Not Nothing Of Official On One Opened Outside
		Part Parts Pay Payments People Perishable Persistent Policymakers Port Power Price Relief Representatives
		Retailers Riverside Rust Sandbags Sentencing Shareholders Shelters Shippers Ships Silt Since Smoke So Soaring
		Speaking Still Strikers Strikes Stubborn Supermarkets Together Too Transport Turnout Until Up Variable-rate
		Vehicles Volunteers Wage Warnings What When Why With Within Work Working Years Yields Accused Brown Early Rain`) {
		commonStart[w] = true
	}
}

// attribute may give the sentence that ends d.buf at from a named source,
// once, where a reporter puts one: in front ("According to Ines
// Calardin, a councillor, police closed …") or at its end ("…, Ines
// Calardin, a councillor, said."). A sentence that already reports
// someone's words keeps only that attribution.
func (f *cfiller) attribute(d *doc, from int, v *[nSlots]string, r *rng, ru bool) {
	b := d.buf
	if len(b) <= from || b[len(b)-1] != '.' {
		return
	}
	if !r.chance(0.9) {
		aside(d, from, r, ru)
		return
	}
	if reportsWords(b[from:]) {
		aside(d, from, r, ru)
		return
	}
	female := r.chance(0.5)
	appendRole := func(b []byte) []byte {
		if ru {
			return f.official[r.intn(len(f.official))].appendTo(b, v, r)
		}
		return append(b, attribRoles[r.intn(len(attribRoles))]...)
	}
	// saidBy appends a Russian verb of saying, the source's role and
	// name: "сообщила депутат горсовета Инес К. Каларвик".
	saidBy := func(b []byte) []byte {
		b = append(b, saidVerbRU[r.intn(len(saidVerbRU))]...)
		if female {
			b = append(b, "а"...)
		}
		b = append(b, ' ')
		b = appendRole(b)
		b = append(b, ' ')
		return appendSpeaker(b, r, true, true, female)
	}
	if ru {
		if r.chance(0.5) {
			// "По словам Инес Каларвик, депутата горсовета, полиция перекрыла …"
			d.tail = append(d.tail[:0], b[from:]...)
			b = saidBy(append(b[:from], "Как "...))
			b = append(b, ", "...)
			b = append(b, quoteOpen)
			first := len(b)
			b = append(b, d.tail[:len(d.tail)-1]...)
			b = append(b, quoteClose, '.')
			if rr, n := utf8.DecodeRune(b[first:]); unicode.IsUpper(rr) && n > 1 && !properRU(b[first:]) {
				var enc [4]byte
				m := utf8.EncodeRune(enc[:], unicode.ToLower(rr))
				if m == n {
					copy(b[first:], enc[:m])
				}
			}
			d.buf = b
			return
		}
		d.tail = append(d.tail[:0], b[from:len(b)-1]...)
		b = append(append(append(b[:from], quoteOpen), d.tail...), quoteClose, '.')
		b = saidBy(append(b, " Об этом "...))
		d.buf = append(b, '.')
		return
	}
	word := b[from:]
	if k := bytes.IndexByte(word, ' '); k > 0 {
		word = word[:k]
	}
	role := func(b []byte) []byte {
		b = append(b, ", "...)
		return appendRole(b)
	}
	if at := midBoundary(b[from:]); at > 0 && r.chance(0.95) {
		// "…, Ines K. Calardin, a councillor, said, while …": after the
		// first clause of a long sentence
		end := at - 1
		if b[from+end-1] == ',' {
			end-- // the attribution takes the comma's place
		}
		d.tail = append(d.tail[:0], b[from+at:len(b)-1]...)
		part := append(d.tail2[:0], b[from:from+end]...)
		d.tail2 = part
		b = append(append(append(b[:from], quoteOpen), part...), quoteClose, ',', ' ')
		b = appendSpeaker(b, r, false, true, female)
		if r.chance(0.5) {
			b = append(role(b), ',')
		}
		b = append(b, " said, "...)
		b = append(append(append(b, contOpen), d.tail...), quoteClose, '.')
		d.buf = b
		return
	}
	if commonStart[string(word)] && r.chance(0.6) {
		d.tail = append(d.tail[:0], b[from:]...)
		pre := attribPre[r.intn(len(attribPre))]
		b = append(b[:from], pre[0]...)
		b = appendSpeaker(b, r, false, true, female)
		if pre[0] != "" || r.chance(0.6) {
			b = role(b)
			if pre[0] == "" {
				b = append(b, ',')
			}
		}
		b = append(b, pre[1]...)
		b = append(b, quoteOpen)
		first := len(b)
		b = append(b, d.tail[:len(d.tail)-1]...)
		b[first] += 'a' - 'A' // commonStart words are capitalised ASCII
		d.buf = append(b, quoteClose, '.')
		return
	}
	d.tail = append(d.tail[:0], b[from:len(b)-1]...)
	b = append(append(append(b[:from], quoteOpen), d.tail...), quoteClose)
	b = append(b, ", "...)
	b = appendSpeaker(b, r, false, true, female)
	b = role(b)
	d.buf = append(b, ", said."...)
}

var (
	// reportEN are the words after a space, and reportRU the words
	// anywhere, that show a sentence already reports someone's words.
	reportEN = []string{"said", "told ", "according to ", "confirmed", "stated", "reported", "acknowledged", "admitted"}
	reportRU = []string{"сообщил", "заявил", "по словам", "по данным"}
	// reportFirst holds the first letters of reportEN.
	reportFirst = "stacr"
)

// reportsWords reports whether the sentence s already reports someone's
// words: whether it holds one of reportEN after a space or one of
// reportRU.
// It looks at each space once rather than searching for each word.
func reportsWords(s []byte) bool {
	for i := bytes.IndexByte(s, ' '); i >= 0 && i+1 < len(s); {
		if strings.IndexByte(reportFirst, s[i+1]) >= 0 && hasPrefixAny(s[i+1:], reportEN...) {
			return true
		}
		k := bytes.IndexByte(s[i+1:], ' ')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	for _, w := range reportRU {
		// an English sentence lacks even the first byte
		if bytes.IndexByte(s, w[0]) >= 0 && bytes.Contains(s, []byte(w)) {
			return true
		}
	}
	return false
}

// trimTail may leave out the last clause of the sentence that ends d.buf
// at from (", before firefighters …", ", according to …", "; …"), as
// a reporter who reports fewer of the facts does.
func trimTail(d *doc, from int, r *rng, ru bool) {
	s := d.buf[from:]
	if ru || len(s) == 0 || s[len(s)-1] != '.' || !r.chance(0.45) {
		return
	}
	cut, n := -1, 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		n++
		if n >= 6 && (s[i-1] == ',' || s[i-1] == ';') && hasPrefixAny(s[i+1:], "and ", "before ", "according to ", "as ", "while ", "with ", "after ", "leaving ", "forcing ", "destroying ") {
			cut = i - 1
		}
	}
	if cut < 0 || bytes.Count(s[cut:], []byte{' '}) < 3 {
		return
	}
	d.buf = append(d.buf[:from+cut], '.')
}

// midBoundary returns where the second clause of the long sentence s
// starts (after ", " or at a conjunction or a participle), for an
// attribution to go between its clauses, or 0 when s has none with at
// least five words on either side.
func midBoundary(s []byte) int {
	words := bytes.Count(s, []byte{' '}) + 1
	if words < 11 {
		return 0
	}
	best, bestDist, n := 0, 1<<30, 0
	// subject says whether the words before the space at i may be the
	// sentence's subject (see subjectEnds): none holds ",", ";" or ":",
	// none is an auxiliary. Once one does, no later space ends a subject.
	subject, w0 := true, 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		if subject {
			w := s[w0:i]
			subject = !isAux(w) && bytes.IndexAny(w, ",;:") < 0
		}
		w0 = i + 1
		n++
		if n < 1 || words-n < 4 {
			continue
		}
		at := 0
		switch {
		case n < 4:
		case s[i-1] == ',' && !appositive(s[i+1:]) && !verbNext(s[i+1:]):
			at = i + 1
		case s[i-1] != ',' && strings.IndexByte(clauseFirst, s[i+1]) >= 0 && hasPrefixAny(s[i:], clauseStarts...):
			at = i + 1
		}
		if at == 0 && n >= 1 && i > 0 && s[i-1] != ',' && isWordRune(rune(s[i-1])) && subject && subjectEnds(s[i+1:]) {
			// "Each affected family, X said, will receive …"
			at = i + 1
		}
		if at == 0 {
			continue
		}
		if dist := n - words/2; abs(dist) < bestDist {
			best, bestDist = at, abs(dist)
		}
	}
	return best
}

var (
	// clauseStarts are the words that start a sentence's second clause,
	// and clauseFirst their first letters.
	clauseStarts = []string{" while ", " but ", " although ", " as ", " and ", " with ", " before ", " after ", " when ", " leaving ", " destroying ", " sending ", " cutting ", " halting ", " forcing "}
	clauseFirst  = "wbaldschf"
)

// subjectEnds reports whether the words before after, the first words of
// a sentence, which hold no verb (midBoundary checks that), are its
// subject: whether after starts with its verb, an auxiliary or a past
// tense.
func subjectEnds(after []byte) bool {
	w := after
	if k := bytes.IndexByte(w, ' '); k > 0 {
		w = w[:k]
	}
	return isAux(w) || (len(w) > 4 && bytes.HasSuffix(w, []byte("ed")))
}

// verbNext reports whether s starts with a verb, which after a comma
// ends an appositive ("The case against X, the former director, began
// …") rather than starting a clause.
func verbNext(s []byte) bool {
	w := s
	if k := bytes.IndexByte(w, ' '); k > 0 {
		w = w[:k]
	}
	if isAux(w) || bytes.HasSuffix(w, []byte("ed")) {
		return true
	}
	switch string(w) {
	case "began", "got", "went", "came", "took", "fell", "rose", "shut", "left", "won", "lost", "broke", "made", "gave", "held", "set", "put", "cut", "hit", "tore", "swept", "opened", "will", "needs", "faces", "saying", "adding", "citing":
		return true
	}
	return false
}

func isAux(w []byte) bool {
	switch string(w) {
	case "will", "would", "is", "are", "was", "were", "has", "have", "had", "could", "can", "may", "must", "should", "might":
		return true
	}
	return false
}

// appositive reports whether s, which follows a comma, opens an
// appositive or a relative clause, which an attribution must not cut off.
func appositive(s []byte) bool {
	return hasPrefixAny(s, "the ", "a ", "an ", "who ", "which ", "built ", "one ", "its ", "his ", "her ", "and ", "or ")
}

func hasPrefixAny(s []byte, ps ...string) bool {
	for _, p := range ps {
		if len(s) >= len(p) && string(s[:len(p)]) == p {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// properRU reports whether the Russian sentence s starts with a name
// (a word that stays capitalised inside a sentence): two capitals running.
func properRU(s []byte) bool {
	w := s
	if k := bytes.IndexByte(w, ' '); k > 0 {
		w = w[:k]
	}
	n := 0
	for _, c := range string(w) {
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n > 1
}
