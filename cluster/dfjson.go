package cluster

import (
	"slices"
	"strconv"
	"strings"
)

// dfTerm is a term of a document frequency shard being written: its
// shard, its text and its counts.
type dfTerm struct {
	shard int
	term  string
	rec   termRecord
}

// appendDFShards appends to out, under prefixDF and the shard's number,
// each shard that dirty marks, holding the terms of ts (of any shards,
// in any order) as encoding/json writes a map[string]termRecord: keys
// in order, "null" for a shard without terms. Writing them without
// maps and reflection matters because every write of the frequencies
// holds every term counted so far.
func appendDFShards(out map[string][]byte, ts []dfTerm, dirty *[dfShards]bool) {
	slices.SortFunc(ts, func(a, b dfTerm) int {
		if a.shard != b.shard {
			return a.shard - b.shard
		}
		return strings.Compare(a.term, b.term)
	})
	for s := range dirty {
		// terms of a shard that is not written are passed over
		for len(ts) > 0 && ts[0].shard < s {
			ts = ts[1:]
		}
		i := 0
		for i < len(ts) && ts[i].shard == s {
			i++
		}
		if dirty[s] {
			out[prefixDF+twoDigits(s)] = appendDFShard(nil, ts[:i])
		}
		ts = ts[i:]
	}
}

// appendDFShard appends the JSON of one shard's terms, sorted.
func appendDFShard(b []byte, ts []dfTerm) []byte {
	if len(ts) == 0 {
		return append(b, "null"...)
	}
	b = slices.Grow(b, len(ts)*24)
	b = append(b, '{')
	for i := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, ts[i].term)
		b = append(b, ":["...)
		for j, n := range ts[i].rec {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, uint64(n), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// twoDigits writes a shard's number as fmt's %02d does.
func twoDigits(s int) string {
	if s < 10 {
		return "0" + strconv.Itoa(s)
	}
	return strconv.Itoa(s)
}
