package dates

import (
	"sort"
	"testing"

	"github.com/storyline-news/storyline/gen"
	"github.com/storyline-news/storyline/textproc"
)

func TestZZFilter(t *testing.T) {
	pass, hit, all := map[string]int{}, 0, 0
	for a := range gen.New(gen.Options{Articles: 300, Seed: 1}).All() {
		for _, tk := range textproc.Tokenize(nil, a.Text) {
			all++
			if tk.Term[0] >= '0' && tk.Term[0] <= '9' {
				continue
			}
			if dateFilter.May(tk.Term) {
				pass[tk.Term]++
				if dateWords[tk.Term] {
					hit++
				}
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	n := 0
	for k, v := range pass {
		l = append(l, kv{k, v})
		n += v
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	t.Logf("tokens %d, passed %d, hits %d; top %v", all, n, hit, l[:30])
}
