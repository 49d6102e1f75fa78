package bench

import (
	"bytes"
	"encoding/json"
)

// scanTruth fills r from one JSON Lines record, the way json.Unmarshal
// would, without decoding what the evaluation does not read. A generated
// line is mostly its article's text, and encoding/json decodes every byte
// of it; scanTruth only looks for the string's end. It reports false when
// it meets anything it does not read as plainly as encoding/json (a key
// with escapes, a malformed value), and the caller then falls back to
// json.Unmarshal, so the two never disagree on a line scanTruth accepts.
// It checks the structure it walks, not every detail of skipped values
// (their numbers, for one): such a line is skipped by ingest anyway, and
// its truth is then never looked up. r's raw members (ID, Quotes) are
// slices of line, valid while line is.
func scanTruth(line []byte, r *truthRecord) bool {
	*r = truthRecord{}
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	for {
		if i >= len(line) || line[i] != '"' {
			return false
		}
		end, escaped := stringEnd(line, i)
		if end < 0 || escaped {
			return false
		}
		key := line[i+1 : end-1]
		i = skipSpace(line, end)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		vend := valueEnd(line, i)
		if vend < 0 {
			return false
		}
		if !r.set(key, line[i:vend]) {
			return false
		}
		i = skipSpace(line, vend)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// set stores one member's value in r when r has a field for its key
// (matched without regard to case, as encoding/json matches it).
func (r *truthRecord) set(key, value []byte) bool {
	var dst *string
	switch {
	case bytes.EqualFold(key, []byte("id")):
		r.ID = json.RawMessage(value)
		return true
	case bytes.EqualFold(key, []byte("quotes")):
		r.Quotes = json.RawMessage(value)
		return true
	case bytes.EqualFold(key, []byte("cluster")):
		dst = &r.Cluster
	case bytes.EqualFold(key, []byte("story")):
		dst = &r.Story
	case bytes.EqualFold(key, []byte("copy_of")):
		dst = &r.CopyOf
	case bytes.EqualFold(key, []byte("copy_kind")):
		dst = &r.CopyKind
	default:
		return true
	}
	if len(value) >= 2 && value[0] == '"' {
		if end, escaped := stringEnd(value, 0); end == len(value) && !escaped {
			*dst = string(value[1 : len(value)-1])
			return true
		}
	}
	// null, escapes: let encoding/json say what they mean.
	return json.Unmarshal(value, dst) == nil
}

// skipSpace returns the position of the first byte at or after i that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the position just past the JSON string that starts
// with the quote at b[i], and whether it holds escapes; -1 when the string
// does not end or holds a control character.
func stringEnd(b []byte, i int) (end int, escaped bool) {
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return j + 1, escaped
		case c == '\\':
			escaped = true
			j++ // the escaped byte is never the string's end
		case c < 0x20:
			return -1, false
		}
	}
	return -1, false
}

// valueEnd returns the position just past the JSON value that starts at
// b[i]; -1 when it is not one. Objects and arrays are skipped by their
// brackets, minding the strings inside them.
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		end, _ := stringEnd(b, i)
		return end
	case '{', '[':
		var open [16]byte // deeper nesting spills to the heap
		stack := open[:0]
		for j := i; j < len(b); j++ {
			switch c := b[j]; c {
			case '"':
				end, _ := stringEnd(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				stack = append(stack, c)
			case '}', ']':
				if len(stack) == 0 || stack[len(stack)-1] != c-2 { // '{'+2 is '}', '['+2 is ']'
					return -1
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return j + 1
				}
			}
		}
		return -1
	default:
		j := i
		for j < len(b) {
			c := b[j]
			if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				break
			}
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}
