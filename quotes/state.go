package quotes

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// statement is what the grouper stores of one statement.
type statement struct {
	id      string
	idk     uint64 // idKey(id)
	speaker string // speakerKey of who said it
	// wordings are the stems of each distinct wording, each as a JSON
	// array, up to maxWordings: a quote joins the statement when it matches
	// one wording, so that a statement does not drift by accumulating the
	// words of all of them. Prepare encodes them, so that Pending, in the
	// ordered part of the pipeline, only joins them.
	wordings []string
	first    string // the article where it appeared first
	seq      uint64 // creation order, for keeping the newest on Load
	// blk is the block its latest stored record is in, 0 for none yet
	// and once forgotten: a block's record of it is live while blk is
	// that block's number.
	blk     uint64
	dirty   bool   // listed in Grouper.dirty, to be written
	slot    int32  // its slot while remembered, -1 once forgotten
	records int32  // the records of its id stored, live or not
	tomb    uint64 // the block of its id's live tombstone, 0 for none
}

// storedStatement is a statement as its state is stored, JSON-encoded.
type storedStatement struct {
	ID       string     `json:"id,omitempty"` // in a block; the key holds it in the old layout
	Speaker  string     `json:"speaker"`
	Wordings [][]string `json:"wordings"`
	First    string     `json:"first"`
	Seq      uint64     `json:"seq"`
	// Forgotten marks, in a block, a tombstone: the statement is no
	// longer remembered, and records of it before are to be ignored.
	Forgotten bool `json:"forgotten,omitempty"`
	// Name, in a block, marks a name entry instead: the full name (Full)
	// a surname stands for, "" when two people share it.
	Name string `json:"name,omitempty"`
	Full string `json:"full,omitempty"`
}

// appendJSON appends st as encoding/json marshals the storedStatement it
// stands for.
func (st *statement) appendJSON(b []byte) []byte {
	b = slices.Grow(b, st.jsonSize())
	b = append(b, '{')
	if st.id != "" {
		b = append(b, `"id":`...)
		b = appendJSONString(b, st.id)
		b = append(b, ',')
	}
	b = append(b, `"speaker":`...)
	b = appendJSONString(b, st.speaker)
	b = append(b, `,"wordings":[`...)
	for i, w := range st.wordings {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, w...)
	}
	b = append(b, `],"first":`...)
	b = appendJSONString(b, st.first)
	b = append(b, `,"seq":`...)
	b = strconv.AppendUint(b, st.seq, 10)
	return append(b, '}')
}

// jsonSize is at least the bytes appendJSON appends of a statement whose
// strings need no escaping.
func (st *statement) jsonSize() int {
	n := len(st.id) + len(st.speaker) + len(st.first) + 64
	for _, w := range st.wordings {
		n += len(w) + 1
	}
	return n
}

// appendJSONStrings appends ss as a JSON array of strings.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// jsonEscaped has bit c set for each byte c below 64 that encoding/json
// escapes: the control characters, '"', '&', '<' and '>'.
const jsonEscaped uint64 = 1<<0x20 - 1 | 1<<'"' | 1<<'&' | 1<<'<' | 1<<'>'

// appendJSONString appends s as encoding/json marshals it.
func appendJSONString(b []byte, s string) []byte {
	// one pass, of few comparisons a byte, finds whether s is written as
	// it is: most are stems and names, lower-case letters
	plain, ascii, e2 := true, true, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 64:
			plain = plain && jsonEscaped>>c&1 == 0
		case c == '\\':
			plain = false
		case c >= utf8.RuneSelf:
			ascii = false
			e2 = e2 || c == 0xe2 // how U+2028 and U+2029 begin
		}
	}
	// only a string with bytes past ASCII can be invalid UTF-8 or hold
	// U+2028 or U+2029, which encoding/json escapes
	if plain && !ascii {
		plain = utf8.ValidString(s) && !(e2 && (strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029")))
	}
	if !plain {
		q, _ := json.Marshal(s) // a string always marshals
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
