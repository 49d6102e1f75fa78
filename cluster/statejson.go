package cluster

import (
	"encoding/base64"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// appendNodeState appends st as the JSON that encoding/json writes for it
// (same fields, same omissions, keys of maps sorted), without reflection:
// a store batch rewrites every cluster its articles touched, so this runs
// for about two clusters per article.
func appendNodeState(b []byte, st *nodeState) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, st.ID)
	b = append(b, `,"seq":`...)
	b = strconv.AppendInt(b, int64(st.Seq), 10)
	if st.Story != "" {
		b = append(b, `,"story":`...)
		b = appendString(b, st.Story)
	}
	b = append(b, `,"centroid":`...)
	if st.Centroid == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, st.Centroid)
		b = append(b, '"')
	}
	b = append(b, `,"size":`...)
	b = strconv.AppendInt(b, int64(st.Size), 10)
	b = append(b, `,"last_arrival":`...)
	b = strconv.AppendInt(b, int64(st.LastArr), 10)
	b = append(b, `,"first":`...)
	b = appendTime(b, st.First)
	b = append(b, `,"last":`...)
	b = appendTime(b, st.Last)
	b = append(b, `,"first_pub":`...)
	b = appendPublished(b, st.FirstPub)
	b = append(b, `,"last_pub":`...)
	b = appendPublished(b, st.LastPub)
	if len(st.Articles) > 0 {
		b = append(b, `,"articles":`...)
		b = appendStrings(b, st.Articles)
	}
	if len(st.Children) > 0 {
		b = append(b, `,"children":`...)
		b = appendStrings(b, st.Children)
	}
	b = append(b, `,"title":`...)
	b = appendString(b, st.Title)
	b = append(b, `,"title_score":`...)
	b = strconv.AppendFloat(b, st.TitleScore, 'g', -1, 64)
	if len(st.Names) > 0 {
		b = append(b, `,"names":`...)
		b = appendCounts(b, st.Names)
	}
	if ds := st.days; len(ds) > 0 || len(st.Days) > 0 {
		if len(ds) == 0 {
			ds = daysOf(st.Days)
		}
		b = append(b, `,"days":{`...)
		days := make([]int32, 0, len(ds))
		for _, d := range ds {
			days = append(days, d.day)
		}
		// encoding/json sorts integer keys as strings
		keys := make([]string, len(days))
		for i, d := range days {
			keys[i] = strconv.Itoa(int(d))
		}
		idx := make([]int, len(days))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(x, y int) int {
			switch {
			case keys[x] < keys[y]:
				return -1
			case keys[x] > keys[y]:
				return 1
			}
			return 0
		})
		for i, k := range idx {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, keys[k]...)
			b = append(b, `":`...)
			b = appendFloat32(b, ds[k].k)
		}
		b = append(b, '}')
	}
	if len(st.Persons) > 0 {
		b = append(b, `,"persons":`...)
		b = appendCounts(b, st.Persons)
	}
	if len(st.Mains) > 0 {
		b = append(b, `,"mains":`...)
		b = appendCounts(b, st.Mains)
	}
	if len(st.Leads) > 0 {
		b = append(b, `,"leads":`...)
		b = appendCounts(b, st.Leads)
	}
	if len(st.Subjects) > 0 {
		b = append(b, `,"subjects":`...)
		b = appendCounts(b, st.Subjects)
	}
	if len(st.Weekdays) > 0 {
		b = append(b, `,"weekdays":[`...)
		for i, w := range st.Weekdays {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFloat32(b, w)
		}
		b = append(b, ']')
	}
	if len(st.Magnitudes) > 0 {
		b = append(b, `,"magnitudes":[`...)
		for i, m := range st.Magnitudes {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(m), 10)
		}
		b = append(b, ']')
	}
	if len(st.Ordinals) > 0 {
		b = append(b, `,"ordinals":`...)
		b = appendStrings(b, st.Ordinals)
	}
	if len(st.Keys) > 0 {
		b = append(b, `,"keys":"`...)
		b = base64.StdEncoding.AppendEncode(b, st.Keys)
		b = append(b, '"')
	}
	if len(st.Scripts) > 0 {
		b = append(b, `,"scripts":[`...)
		for i, w := range st.Scripts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFloat32(b, w)
		}
		b = append(b, ']')
	}
	if st.Weights != "" {
		b = append(b, `,"weights":`...)
		b = appendString(b, st.Weights)
	}
	if st.Norm2 != 0 {
		b = append(b, `,"norm2":`...)
		b = appendFloat64(b, st.Norm2)
	}
	if st.KeysNorm2 != 0 {
		b = append(b, `,"keys_norm2":`...)
		b = appendFloat64(b, st.KeysNorm2)
	}
	if st.Untimed != 0 {
		b = append(b, `,"untimed":`...)
		b = strconv.AppendInt(b, int64(st.Untimed), 10)
	}
	return append(b, '}')
}

// appendFloat64 appends f as encoding/json writes a float64.
func appendFloat64(b []byte, f float64) []byte {
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		// e-09 as e-9
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

func appendFloat32(b []byte, f float32) []byte {
	return strconv.AppendFloat(b, float64(f), 'g', -1, 32)
}

// appendCounts appends a map of counts with its keys sorted. The keys are
// sorted with their counts, which are then not looked up again, in an
// array on the stack for the sizes the maps of an event are kept to
// (maxEventPersons, half as many again before they are pruned).
func appendCounts(b []byte, m map[string]float32) []byte {
	var buf [96]keyCount
	cs := buf[:0]
	for k, n := range m {
		cs = append(cs, keyCount{key: k, n: n})
	}
	slices.SortFunc(cs, func(x, y keyCount) int { return strings.Compare(x.key, y.key) })
	b = append(b, '{')
	for i := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, cs[i].key)
		b = append(b, ':')
		b = appendFloat32(b, cs[i].n)
	}
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

func appendPublished(b []byte, p storyline.Published) []byte {
	return appendString(b, p.String())
}

// appendString appends s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, and
// <, >, &, U+2028 and U+2029 escaped as encoding/json does.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
