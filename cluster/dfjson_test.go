package cluster

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestAppendDFShards checks that the document frequency shards are
// written as encoding/json writes them from maps.
func TestAppendDFShards(t *testing.T) {
	words := []string{"a", "b", "ab", "Ä", "жук", "x<y", "a&b", `q"uote`, "back\\slash", "\u2028", "bad\xff", "tab\t", "z", "10", "1"}
	tests := []struct {
		name  string
		terms int
		dirty []int
		// clean: the terms of shards not written are passed in too
		clean bool
	}{
		{"none", 0, []int{0, 5}, false},
		{"one shard", 30, []int{3}, false},
		{"all shards", 400, nil, false},
		{"some empty", 5, []int{0, 1, 2, 63}, false},
		{"clean shards' terms passed in", 400, []int{1, 7, 40, 63}, true},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dirty [dfShards]bool
			for _, s := range tt.dirty {
				dirty[s] = true
			}
			if tt.dirty == nil {
				for s := range dirty {
					dirty[s] = true
				}
			}
			maps := make([]map[string]termRecord, dfShards)
			var ts []dfTerm
			seen := map[string]bool{}
			for len(ts) < tt.terms {
				term := words[r.IntN(len(words))] + fmt.Sprint(r.IntN(50))
				if seen[term] {
					continue
				}
				seen[term] = true
				s := dfShard(term)
				rec := termRecord{r.Uint32(), uint32(r.IntN(3)), uint32(r.IntN(100000))}
				ts = append(ts, dfTerm{s, term, rec})
				if !dirty[s] {
					continue
				}
				if maps[s] == nil {
					maps[s] = map[string]termRecord{}
				}
				maps[s][term] = rec
			}
			// the terms of clean shards are left out, as Pending does,
			// or passed in to be passed over
			kept := ts[:0]
			for _, x := range ts {
				if dirty[x.shard] || tt.clean {
					kept = append(kept, x)
				}
			}
			out := map[string][]byte{}
			appendDFShards(out, kept, &dirty)
			n := 0
			for s := range dirty {
				if !dirty[s] {
					continue
				}
				n++
				want, err := json.Marshal(maps[s])
				if err != nil {
					t.Fatal(err)
				}
				key := prefixDF + fmt.Sprintf("%02d", s)
				if got := out[key]; string(got) != string(want) {
					t.Fatalf("%s:\n got %s\nwant %s", key, got, want)
				}
			}
			if len(out) != n {
				t.Fatalf("%d shards written, want %d", len(out), n)
			}
		})
	}
}
